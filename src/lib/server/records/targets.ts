// The English of an article as stored: every segment's fragment as target-schema JSON,
// read from the live room when one is open, else from SQLite (snapshot + log). This is
// what QA and export work from — persisted state, never a client's word (ARCHITECTURE §8).
import * as Y from 'yjs';
import { yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import type { PMNodeJSON } from '../../types.ts';
import type { Runtime } from '../runtime.ts';
import type { DB } from '../db/index.ts';
import { DocStore, mergeStored } from '../collab/persistence.ts';

export const docName = (articleId: number) => `article-${articleId}`;

/** The stored document as one update, for processes without a collab server (the CLI). */
export function storedState(db: DB, name: string): Uint8Array {
	return mergeStored(new DocStore(db).load(name));
}

/** The article's document state, from the live room or storage. */
export async function articleState(rt: Runtime, articleId: number): Promise<Uint8Array> {
	return rt.collab ? rt.collab.encodeState(docName(articleId)) : storedState(rt.db, docName(articleId));
}

/** Every segment's English (null when the fragment is empty), keyed by segment id. */
export function targetsFromState(state: Uint8Array, segmentIds: string[]): Record<string, PMNodeJSON | null> {
	const doc = new Y.Doc();
	try {
		Y.applyUpdate(doc, state);
		const out: Record<string, PMNodeJSON | null> = {};
		for (const id of segmentIds) {
			const fragment = doc.share.has(id) ? doc.getXmlFragment(id) : null;
			out[id] = fragment && fragment.length > 0 ? (yXmlFragmentToProsemirrorJSON(fragment) as PMNodeJSON) : null;
		}
		return out;
	} finally {
		doc.destroy();
	}
}

/** Loads the English of every segment of an article. */
export async function loadTargets(rt: Runtime, articleId: number): Promise<Record<string, PMNodeJSON | null>> {
	const ids = (rt.db.prepare('SELECT id FROM segments WHERE article_id = ? ORDER BY position').all(articleId) as { id: string }[]).map((r) => r.id);
	return targetsFromState(await articleState(rt, articleId), ids);
}
