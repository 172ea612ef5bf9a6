import { describe, expect, it } from 'vitest';
import { guessTermType } from './guess.ts';

describe('guessTermType', () => {
	it.each([
		['马修‧米勒', 'person'],
		['马修·米勒', 'person'],
		['金正恩', 'person'],
		['习近平', 'person'],
		['李缘', 'person'],
		['东方航天发射场', 'place'],
		['俄罗斯', 'term'],
		['朝鲜', 'term'],
		['美国国务院', 'organisation'],
		['大纪元', 'term'],
		['联合国', 'organisation'],
		['远东地区', 'place'],
		['海南省', 'place'],
		['制裁', 'term'],
		['百分点', 'term'],
		['', 'term'],
		['  ', 'term']
	] as const)('%s → %s', (text, type) => {
		expect(guessTermType(text)).toBe(type);
	});
});
