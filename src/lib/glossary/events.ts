// Live glossary changes as the server pushes them (`event: glossary`) and how a page
// applies them to its list of entries. Pure; shared by the server (which publishes) and
// the browser stores (which apply).
import type { GlossaryEntry } from '../types.ts';

/** The payload of a `glossary` event. */
export type GlossaryEvent = { op: 'upsert'; entry: GlossaryEntry } | { op: 'delete'; id: number };

/** Order of the glossary everywhere: by source term, then id (as the database lists it). */
export function byTerm(a: GlossaryEntry, b: GlossaryEntry): number {
	return a.source < b.source ? -1 : a.source > b.source ? 1 : a.id - b.id;
}

/** True when `data` has the shape of a glossary event (pushes are checked, not trusted). */
export function isGlossaryEvent(data: unknown): data is GlossaryEvent {
	if (typeof data !== 'object' || data === null) return false;
	const d = data as Record<string, unknown>;
	if (d.op === 'delete') return typeof d.id === 'number';
	if (d.op !== 'upsert' || typeof d.entry !== 'object' || d.entry === null) return false;
	const e = d.entry as Record<string, unknown>;
	return typeof e.id === 'number' && typeof e.source === 'string' && Array.isArray(e.targets) && Array.isArray(e.forbidden);
}

/** The entries after a batch of events, sorted; the input array is not changed. */
export function applyGlossaryEvents(entries: readonly GlossaryEntry[], events: readonly GlossaryEvent[]): GlossaryEntry[] {
	const byId = new Map(entries.map((e) => [e.id, e]));
	for (const ev of events) {
		if (ev.op === 'delete') byId.delete(ev.id);
		else byId.set(ev.entry.id, ev.entry);
	}
	return [...byId.values()].sort(byTerm);
}
