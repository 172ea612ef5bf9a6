import { describe, expect, it } from 'vitest';
import type { Segment, Status } from '../types.ts';
import { hanCount, progress, wordCount } from './progress.ts';
import { FILTERS, isOpen } from './filters.ts';

const seg = (id: string, text: string): Segment => ({ id, kind: 'paragraph', text, html: text });

describe('counts', () => {
	it('counts Han characters only', () => {
		expect(hanCount('周三（9月13日），普京与金正恩')).toBe(10);
		expect(hanCount('Putin (AFP)')).toBe(0);
	});
	it('counts English words, keeping contractions and hyphens together', () => {
		expect(wordCount("Kim Jong-un's visit, on Sept. 13, 2023")).toBe(7);
		expect(wordCount('  ')).toBe(0);
	});
});

describe('progress', () => {
	it('sums pairs by status, Han characters done and words', () => {
		const segments = [seg('s1', '美国务院'), seg('s2', '普京与金正恩'), seg('s3', '制裁')];
		const statuses: Record<string, Status> = { s1: 'approved', s2: 'draft' };
		const p = progress(segments, statuses, { s1: 3, s2: 4 }, { s1: 4, s2: 6, s3: 2 });
		expect(p.byStatus).toMatchObject({ approved: 1, draft: 1, empty: 1, translated: 0 });
		expect(p).toMatchObject({ total: 3, hanDone: 4, hanTotal: 12, words: 7 });
	});
});

describe('filters', () => {
	it('untranslated = empty or draft; needs review = translated; open includes rejected', () => {
		expect(FILTERS.untranslated.test('draft')).toBe(true);
		expect(FILTERS.untranslated.test('translated')).toBe(false);
		expect(FILTERS.review.test('translated')).toBe(true);
		expect(FILTERS.rejected.test('rejected')).toBe(true);
		expect(isOpen('rejected')).toBe(true);
		expect(isOpen('approved')).toBe(false);
	});
});
