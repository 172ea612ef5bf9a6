import { describe, expect, it } from 'vitest';
import { applyGlossaryEvents, isGlossaryEvent } from './events.ts';
import { glossaryEntry } from './entries.test-helpers.ts';

const e = (id: number, source: string, target = 'x') => glossaryEntry(id, source, [target]);

describe('glossary events', () => {
	it('applies upserts and deletes in order and keeps the list sorted by term', () => {
		const start = [e(1, '普京'), e(2, '金正恩')];
		const out = applyGlossaryEvents(start, [
			{ op: 'upsert', entry: e(3, '东方航天发射场') },
			{ op: 'upsert', entry: e(1, '普京', 'Putin') },
			{ op: 'delete', id: 2 },
			{ op: 'delete', id: 99 }
		]);
		expect(out.map((x) => [x.id, x.targets[0]])).toEqual([
			[3, 'x'],
			[1, 'Putin']
		]);
		expect(start).toHaveLength(2);
	});

	it.each([
		[{ op: 'upsert', entry: e(1, '普京') }, true],
		[{ op: 'delete', id: 4 }, true],
		[{ op: 'delete', id: '4' }, false],
		[{ op: 'upsert' }, false],
		[{ op: 'upsert', entry: { id: 1, source: '普京' } }, false],
		[{ op: 'replace', id: 1 }, false],
		[null, false],
		['delete', false]
	])('isGlossaryEvent(%j) → %s', (data, ok) => {
		expect(isGlossaryEvent(data)).toBe(ok);
	});
});
