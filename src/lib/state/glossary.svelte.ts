// The workspace glossary in the browser: its entries (server records, pushed live) and the
// one term matcher compiled from them. Pushes are applied in batches, so an import of
// thousands of entries recompiles the matcher once, not once per entry.
import type { GlossaryEntry } from '../types.ts';
import { compileGlossary, type TermMatcher } from '../qa/index.ts';
import { applyGlossaryEvents, byTerm, isGlossaryEvent, type GlossaryEvent } from '../glossary/events.ts';

/** How long pushes are collected before they are applied together. */
const BATCH_MS = 40;

export class GlossaryStore {
	/** Every entry, sorted by source term. */
	entries = $state.raw<GlossaryEntry[]>([]);
	/** The compiled matcher for `entries` (recompiled when they change, never per term). */
	readonly matcher: TermMatcher = $derived.by(() => {
		this.compiles++;
		return compileGlossary(this.entries);
	});
	/** How many times the matcher was compiled (diagnostics and tests). */
	compiles = 0;
	#pending: GlossaryEvent[] = [];
	#timer: ReturnType<typeof setTimeout> | null = null;

	constructor(entries: GlossaryEntry[] = []) {
		this.entries = [...entries].sort(byTerm);
	}

	/** Queues a pushed event (ignored unless it has the right shape). */
	push(data: unknown): void {
		if (!isGlossaryEvent(data)) return;
		this.#pending.push(data);
		this.#timer ??= setTimeout(() => this.flush(), BATCH_MS);
	}

	/** Applies queued events now. */
	flush(): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		if (this.#pending.length === 0) return;
		const events = this.#pending;
		this.#pending = [];
		this.entries = applyGlossaryEvents(this.entries, events);
	}

	/** Replaces every entry (after a reconnect). */
	replace(entries: GlossaryEntry[]): void {
		this.#pending = [];
		this.entries = [...entries].sort(byTerm);
	}

	/** Re-reads the glossary from the server. */
	async reload(): Promise<void> {
		const res = await fetch('/api/glossary');
		if (!res.ok) return;
		const body = (await res.json()) as { entries?: GlossaryEntry[] };
		if (Array.isArray(body.entries)) this.replace(body.entries);
	}

	/** The entry with this id, if loaded. */
	get(id: number): GlossaryEntry | undefined {
		return this.entries.find((e) => e.id === id);
	}
}
