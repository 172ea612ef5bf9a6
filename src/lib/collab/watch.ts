// Which segments' English changed in a transaction, without one observer per segment:
// top-level fragments are the changed parent types that have no parent item.
import type * as Y from 'yjs';

/** A top-level shared type, as the document's `share` map holds them. */
type SharedType = Y.Doc['share'] extends Map<string, infer T> ? T : never;

/** Calls `onChange(segmentIds, local)` after every transaction that touched segments. */
export function watchSegments(doc: Y.Doc, onChange: (segmentIds: string[], local: boolean) => void): () => void {
	const names = new WeakMap<SharedType, string>();
	const nameOf = (type: SharedType): string | undefined => {
		let name = names.get(type);
		if (name === undefined) {
			for (const [key, value] of doc.share) {
				if (value === type) {
					names.set(type, (name = key));
					break;
				}
			}
		}
		return name;
	};
	const handler = (tr: Y.Transaction) => {
		const ids: string[] = [];
		for (const type of tr.changedParentTypes.keys()) {
			if (type._item === null) {
				const name = nameOf(type);
				if (name) ids.push(name);
			}
		}
		if (ids.length) onChange(ids, tr.local);
	};
	doc.on('afterTransaction', handler);
	return () => doc.off('afterTransaction', handler);
}
