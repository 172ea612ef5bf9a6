// What an incoming update did to a room's Y.Doc: whether it changed anything at all (a
// reconnecting client's sync step 2 mostly repeats what the server has, and such an update
// is neither stored nor broadcast) and which segments' English it touched (for the debounced
// `text` notices). Read from the one transaction Y.applyUpdate runs; transactions outside
// `apply` (loading, compaction's encode) are not looked at.
import * as Y from 'yjs';

/** What one applied update did. */
export interface AppliedUpdate {
	/** It added or deleted content, or left some waiting for missing dependencies. */
	effective: boolean;
	/** Segments whose English it changed; null when none. */
	segments: Set<string> | null;
}

// Yjs types its shared types by their event type; any shared type will do here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type SharedType = Y.AbstractType<Y.YEvent<any>>;

export class DocChanges {
	readonly #doc: Y.Doc;
	readonly #segmentIds: ReadonlySet<string>;
	/** Root shared type → its name in `doc.share`, filled as roots appear. */
	readonly #rootNames = new Map<SharedType, string>();
	/** Set while `apply` runs. */
	#current: AppliedUpdate | null = null;

	/** `segmentIds` are the root names that count as segments; the set is read, not copied. */
	constructor(doc: Y.Doc, segmentIds: ReadonlySet<string>) {
		this.#doc = doc;
		this.#segmentIds = segmentIds;
		doc.on('afterTransaction', this.#onTransaction);
	}

	/** Applies `update` with `origin` and says what it did. Throws what Yjs throws. */
	apply(update: Uint8Array, origin: unknown): AppliedUpdate {
		const current: AppliedUpdate = { effective: false, segments: null };
		this.#current = current;
		try {
			Y.applyUpdate(this.#doc, update, origin);
		} finally {
			this.#current = null;
		}
		return current;
	}

	#onTransaction = (tr: Y.Transaction): void => {
		const current = this.#current;
		if (current === null) return;
		const store = this.#doc.store;
		current.effective ||=
			tr.deleteSet.clients.size > 0 ||
			store.pendingStructs !== null ||
			store.pendingDs !== null ||
			!sameState(tr.beforeState, tr.afterState);
		for (const type of tr.changed.keys()) {
			const name = this.#rootName(type);
			if (name !== null && this.#segmentIds.has(name)) (current.segments ??= new Set()).add(name);
		}
	};

	#rootName(type: SharedType): string | null {
		let t = type;
		while (t._item) t = t._item.parent as SharedType;
		let name = this.#rootNames.get(t);
		if (name === undefined) {
			for (const [key, value] of this.#doc.share) this.#rootNames.set(value, key);
			name = this.#rootNames.get(t);
		}
		return name ?? null;
	}
}

function sameState(a: Map<number, number>, b: Map<number, number>): boolean {
	if (a.size !== b.size) return false;
	for (const [client, clock] of a) if (b.get(client) !== clock) return false;
	return true;
}
