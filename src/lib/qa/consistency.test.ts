import { describe, expect, it } from 'vitest';
import { checkConsistency, type PairText } from './consistency.ts';

// The seed repeats the caption in its sixth paragraph, and “米勒说：” opens two paragraphs.
const MEETING = '周三，普京与金正恩在俄罗斯远东地区的东方航天发射场（Vostochny Cosmodrome）会面。';
const EN = 'On Wednesday, Putin and Kim Jong Un met at the Vostochny Cosmodrome in Russia’s Far East.';
const pair = (segmentId: string, source: string, target: string): PairText => ({ segmentId, source, target });

describe('checkConsistency', () => {
	const table: [string, PairText[], string[]][] = [
		['same source, same English', [pair('s2', MEETING, EN), pair('s8', MEETING, EN)], []],
		['same source, English differs', [pair('s2', MEETING, EN), pair('s8', MEETING, EN.replace('met at', 'met in'))], ['s2', 's8']],
		['whitespace does not count', [pair('s2', MEETING, EN), pair('s8', ` ${MEETING}\n`, `${EN.replace(' ', '  ')} `)], []],
		['an untranslated copy is not inconsistent', [pair('s2', MEETING, EN), pair('s8', MEETING, '')], []],
		['different sources may differ', [pair('s2', MEETING, EN), pair('s3', '米勒说：', 'Miller said:')], []],
		['three copies, one odd', [pair('s1', '米勒说。', 'Miller said.'), pair('s2', '米勒说。', 'Miller said.'), pair('s3', '米勒说。', 'Said Miller.')], ['s1', 's2', 's3']],
		['two groups at once', [pair('s1', 'A', 'a'), pair('s2', 'A', 'b'), pair('s3', 'B', 'c'), pair('s4', 'B', 'd')], ['s1', 's2', 's3', 's4']],
		['a single pair', [pair('s1', MEETING, EN)], []],
		['empty sources are ignored', [pair('s1', '', 'x'), pair('s2', ' ', 'y')], []]
	];
	it.each(table)('%s', (_name, pairs, expected) => {
		const findings = checkConsistency(pairs);
		expect(findings.map((f) => f.segmentId)).toEqual(expected);
		for (const f of findings) expect(f).toMatchObject({ code: 'inconsistent', severity: 'warning' });
	});

	it('names the pairs that differ', () => {
		const findings = checkConsistency([pair('s1', '米勒说。', 'Miller said.'), pair('s2', '米勒说。', 'Miller said.'), pair('s3', '米勒说。', 'Said Miller.')]);
		expect(findings.map((f) => f.message)).toEqual(['Same source as s3, translated differently', 'Same source as s3, translated differently', 'Same source as s1, s2, translated differently']);
	});
});
