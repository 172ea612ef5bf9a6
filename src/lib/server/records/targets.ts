// The English of an article as stored: every segment's fragment as target-schema JSON,
// read from the live room when one is open, else from SQLite (the JSON kept beside a clean
// snapshot, or snapshot + log through Yjs). This is what QA and export work from —
// persisted state, never a client's word (ARCHITECTURE §8).
import * as Y from 'yjs';
import type { Runtime } from '../runtime.ts';
import type { DB } from '../db/index.ts';
import { DocStore, mergeStored, storedTargets } from '../collab/persistence.ts';
import { targetsOfDoc, type Targets } from '../../ydoc/targets.ts';

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
export function targetsFromState(state: Uint8Array, segmentIds: string[]): Targets {
	const doc = new Y.Doc();
	try {
		Y.applyUpdate(doc, state);
		return targetsOfDoc(doc, segmentIds);
	} finally {
		doc.destroy();
	}
}

/** Loads the English of every segment of an article. */
export async function loadTargets(rt: Runtime, articleId: number): Promise<Targets> {
	const ids = (rt.db.prepare('SELECT id FROM segments WHERE article_id = ? ORDER BY position').all(articleId) as { id: string }[]).map((r) => r.id);
	const name = docName(articleId);
	return rt.collab ? rt.collab.readTargets(name, ids) : storedTargets(new DocStore(rt.db).load(name), ids);
}
