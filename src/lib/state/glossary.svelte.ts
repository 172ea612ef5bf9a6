// The workspace glossary in the browser: its entries (server records, pushed live) and the
// one term matcher compiled from them. Pushes are applied in batches, so an import of
// thousands of entries recompiles the matcher once, not once per entry.
import type { GlossaryEntry } from '../types.ts';
import { compileGlossary, type TermMatcher } from '../qa/index.ts';
import { applyGlossaryEvents, byTerm, isGlossaryEvent, type GlossaryEvent } from '../glossary/events.ts';

/** How long pushes are collected before they are applied together. */
const BATCH_MS = 40;

export class GlossaryStore {
	/** Every entry, sorted by source term. Change it through the methods below. */
	entries = $state.raw<GlossaryEntry[]>([]);
	/**
	 * The compiled matcher for `entries`: compiled once per change of the list (never per
	 * term, never per read), so timers and effects alike share one automaton.
	 */
	matcher = $state.raw<TermMatcher>(compileGlossary([]));
	/** How many times the matcher was compiled (diagnostics and tests). */
	compiles = 0;
	#pending: GlossaryEvent[] = [];
	#timer: ReturnType<typeof setTimeout> | null = null;

	constructor(entries: GlossaryEntry[] = []) {
		this.#set([...entries].sort(byTerm));
	}

	#set(entries: GlossaryEntry[]): void {
		this.entries = entries;
		this.matcher = compileGlossary(entries);
		this.compiles++;
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
		this.#set(applyGlossaryEvents(this.entries, events));
	}

	/** Replaces every entry (after a reconnect). */
	replace(entries: GlossaryEntry[]): void {
		this.#pending = [];
		this.#set([...entries].sort(byTerm));
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
