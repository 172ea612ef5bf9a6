// The document a room serves, as loaded from storage, and the sync frames it answers joiners
// with. A document stored as one snapshot (the common case after a clean unload) starts
// unbuilt: joiners are answered from the stored bytes (diffed against their state vector),
// and the Y.Doc is built when the room first needs it — for 2,000 pairs that is ~80 ms a
// joiner does not wait for. A log after the snapshot (left by a crash) is applied at once.
// The full-state update and our sync step 1 are cached, framed, until the document changes.
import * as Y from 'yjs';
import { binaryFrame } from './frame.ts';
import type { StoredDoc } from './persistence.ts';
import { encodeSyncStep1, syncStep2Parts } from './protocol.ts';

/** The origin of loading transactions. */
const LOAD_ORIGIN = Symbol('load');

export class ServedDoc {
	readonly doc = new Y.Doc();
	/** Stored state not applied to `doc` yet; null once built. */
	#unapplied: Uint8Array | null;
	/** A full-state update equal to the document, until the next change. */
	#fullState: Uint8Array | null;
	#fullStateFrame: Buffer | null = null;
	#step1Frame: Buffer | null = null;
	/** Log rows Yjs refused while loading: they stay in storage; the room must not compact over them. */
	readonly refusedRows: { id: number; error: unknown }[] = [];

	constructor(stored: StoredDoc) {
		if (stored.updates.length === 0) {
			this.#unapplied = this.#fullState = stored.snapshot;
			return;
		}
		this.#unapplied = this.#fullState = null;
		if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot, LOAD_ORIGIN);
		for (const row of stored.updates) {
			try {
				Y.applyUpdate(this.doc, row.data, LOAD_ORIGIN);
			} catch (error) {
				this.refusedRows.push({ id: row.id, error });
			}
		}
	}

	/** Whether the stored state has been applied to `doc`. */
	get built(): boolean {
		return this.#unapplied === null;
	}

	/**
	 * Applies the stored state to `doc` (once; later calls do nothing). If Yjs refuses it, this
	 * throws, and the stored state is never retried nor served from again.
	 */
	build(): void {
		const state = this.#unapplied;
		if (state === null) return;
		this.#unapplied = null;
		this.#fullState = null;
		Y.applyUpdate(this.doc, state, LOAD_ORIGIN);
		this.#fullState = state;
	}

	/** Sync step 2 for a client with this state vector (`empty`: it has nothing). */
	step2Frame(stateVector: Uint8Array, empty: boolean): Buffer {
		if (empty && this.#fullState) return (this.#fullStateFrame ??= binaryFrame(...syncStep2Parts(this.#fullState)));
		if (this.#unapplied) return binaryFrame(...syncStep2Parts(Y.diffUpdate(this.#unapplied, stateVector)));
		if (empty) {
			this.#fullState = Y.encodeStateAsUpdate(this.doc);
			return (this.#fullStateFrame = binaryFrame(...syncStep2Parts(this.#fullState)));
		}
		return binaryFrame(...syncStep2Parts(Y.encodeStateAsUpdate(this.doc, stateVector)));
	}

	/** Our sync step 1: the state vector of the document, or of the stored bytes before it is built. */
	step1Frame(): Buffer {
		return (this.#step1Frame ??= binaryFrame(
			encodeSyncStep1(this.#unapplied ? Y.encodeStateVectorFromUpdate(this.#unapplied) : Y.encodeStateVector(this.doc))
		));
	}

	/** The document changed: the cached frames are stale. */
	changed(): void {
		this.#fullState = this.#fullStateFrame = this.#step1Frame = null;
	}

	/** A full-state update of the document as it is now (compaction just encoded one). */
	encodedAs(state: Uint8Array): void {
		this.#fullState = state;
		this.#fullStateFrame = null;
	}
}
