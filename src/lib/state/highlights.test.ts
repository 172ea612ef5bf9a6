import { describe, expect, it } from 'vitest';
import { highlightRuns, type Highlight } from './highlights.ts';

const hl = (start: number, end: number, className = 'x'): Highlight => ({ start, end, className });

describe('highlightRuns', () => {
	it('covers the whole text with runs and marks', () => {
		const runs = highlightRuns(10, [hl(2, 5)]);
		expect(runs.map((r) => [r.start, r.end, r.marks.length])).toEqual([
			[0, 2, 0],
			[2, 5, 1],
			[5, 10, 0]
		]);
	});
	it('nests overlapping highlights as separate runs', () => {
		const term = hl(3, 5, 'term');
		const claim = hl(0, 8, 'claim');
		const runs = highlightRuns(8, [claim, term]).map((r) => [r.start, r.end, r.marks.map((m) => m.className).join('+')]);
		expect(runs).toEqual([
			[0, 3, 'claim'],
			[3, 5, 'claim+term'],
			[5, 8, 'claim']
		]);
	});
	it('ignores empty and out-of-range highlights and clamps partial ones', () => {
		const runs = highlightRuns(4, [hl(2, 2), hl(9, 12), hl(-3, 1), hl(3, 99)]);
		expect(runs.filter((r) => r.marks.length).map((r) => [r.start, r.end])).toEqual([
			[0, 1],
			[3, 4]
		]);
	});
});
