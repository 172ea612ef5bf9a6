import { describe, expect, it } from 'vitest';
import { entryMatches, filterGlossary } from './search.ts';
import { glossaryEntry } from './entries.test-helpers.ts';

const entry = (source: string, targets: string[], note = '', forbidden: string[] = []) => glossaryEntry(1, source, targets, { type: 'person', note, forbidden });

const putin = entry('普京', ['Putin', 'Vladimir Putin'], 'Russian president', ['Poutine']);
const kim = entry('金正恩', ['Kim Jong Un'], 'North Korean leader; not “Kim Jong-un”');

describe('glossary search', () => {
	it.each([
		['普京', putin, true],
		['普', putin, true],
		['putin', putin, true],
		['VLADIMIR', putin, true],
		['president russian', putin, true],
		['poutine', putin, true],
		['person', putin, true],
		['金正恩', putin, false],
		['jong-un', kim, true],
		['kim  jong', kim, true],
		['kim xi', kim, false],
		['', kim, true],
		['   ', kim, true]
	] as const)('%j in %s → %s', (q, e, hit) => {
		expect(entryMatches(e, q)).toBe(hit);
	});

	it('filters a list and keeps its order', () => {
		expect(filterGlossary([putin, kim], 'leader')).toEqual([kim]);
		expect(filterGlossary([putin, kim], null)).toEqual([putin, kim]);
	});
});
