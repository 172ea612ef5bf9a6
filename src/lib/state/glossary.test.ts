// The browser glossary store: pushes are applied in batches, and a batch of thousands of
// entries compiles the term matcher once.
import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { glossaryEntry } from '../glossary/entries.test-helpers.ts';
import { GlossaryStore } from './glossary.svelte.ts';

const entry = (id: number, source: string, target: string) => glossaryEntry(id, source, [target]);

describe('GlossaryStore', () => {
	it('applies 5,000 pushed entries as one batch and compiles one matcher', () => {
		const store = new GlossaryStore([entry(1, '普京', 'Putin')]);
		expect(store.matcher.find('普京会见金正恩').map((m) => m.entry.targets[0])).toEqual(['Putin']);
		const before = store.compiles;
		for (let i = 0; i < 5000; i++) store.push({ op: 'upsert', entry: entry(i + 2, `词${i}号`, `term ${i}`) });
		store.push({ op: 'upsert', entry: entry(5002, '金正恩', 'Kim Jong Un') });
		store.push({ op: 'delete', id: 1 });
		store.push({ op: 'nonsense' });
		store.flush();
		flushSync();
		expect(store.entries).toHaveLength(5001);
		expect(store.matcher.size).toBe(5001);
		expect(store.matcher.find('普京会见金正恩').map((m) => m.entry.targets[0])).toEqual(['Kim Jong Un']);
		expect(store.compiles - before).toBe(1);
	});
});
