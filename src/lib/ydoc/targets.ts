// The English of an article's document as target-schema JSON, one entry per segment: what
// QA, export and the XLIFF import read. Derived from the Y.Doc with y-prosemirror's own
// conversion, so it is exactly what an editor bound to the fragment shows. Used on the live
// document (a room) and on one built from storage; the collab server also stores it beside a
// room's last snapshot (persistence.ts), so reading a closed article needs no Yjs at all.
import type * as Y from 'yjs';
import { yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import type { PMNodeJSON } from '../types.ts';

/** Segment id → its English, or null when the fragment is missing or empty. */
export type Targets = Record<string, PMNodeJSON | null>;

/**
 * Every listed segment's English. Never creates a fragment: reading a segment nobody has
 * typed in leaves the document as it was (the live room's doc may be passed).
 */
export function targetsOfDoc(doc: Y.Doc, segmentIds: Iterable<string>): Targets {
	const out: Targets = {};
	for (const id of segmentIds) {
		const fragment = doc.share.has(id) ? doc.getXmlFragment(id) : null;
		out[id] = fragment && fragment.length > 0 ? (yXmlFragmentToProsemirrorJSON(fragment) as PMNodeJSON) : null;
	}
	return out;
}

/** The listed segments out of a stored `Targets` object (missing ones are null). */
export function pickTargets(all: Targets, segmentIds: Iterable<string>): Targets {
	const out: Targets = {};
	for (const id of segmentIds) out[id] = Object.hasOwn(all, id) ? (all[id] ?? null) : null;
	return out;
}
