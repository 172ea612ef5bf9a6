import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TextChanged } from '../events.ts';
import { compareSegmentIds, TextChangeNotifier } from './text-events.ts';

describe('TextChangeNotifier', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('publishes once per window, per user, with sorted unique segment ids', () => {
		const seen: TextChanged[] = [];
		const n = new TextChangeNotifier(7, 300, (c) => seen.push(c));
		n.add(1, ['s10', 's2']);
		vi.advanceTimersByTime(100);
		n.add(1, ['s2', 's3']);
		n.add(null, ['s1']);
		expect(seen).toEqual([]);
		vi.advanceTimersByTime(200);
		expect(seen).toEqual([
			{ articleId: 7, segmentIds: ['s2', 's3', 's10'], userId: 1 },
			{ articleId: 7, segmentIds: ['s1'], userId: null }
		]);
		vi.advanceTimersByTime(1000);
		expect(seen).toHaveLength(2);
	});

	it('flush publishes immediately and clears', () => {
		const seen: TextChanged[] = [];
		const n = new TextChangeNotifier(1, 300, (c) => seen.push(c));
		n.add(2, ['s1']);
		n.flush();
		n.flush();
		expect(seen).toEqual([{ articleId: 1, segmentIds: ['s1'], userId: 2 }]);
	});

	it('orders segment ids numerically', () => {
		expect(['s10', 's9', 's1'].sort(compareSegmentIds)).toEqual(['s1', 's9', 's10']);
	});
});
