// Durable storage of Yjs documents in SQLite: an append-only update log (`ydoc_updates`)
// plus one compacted snapshot per document (`ydoc_snapshots`), both from 001_core. Appends
// for a whole event-loop turn go in one transaction (one fsync under synchronous=FULL);
// compaction replaces the snapshot and deletes the log rows it covers in one transaction,
// so a crash at any point leaves either the old or the new pair, never a gap.
import * as Y from 'yjs';
import type { DB } from '../db/index.ts';
import type { Statement } from 'better-sqlite3';

/** What storage holds for one document. */
export interface StoredDoc {
	/** The compacted state (a full Yjs v1 update), or null before the first compaction. */
	snapshot: Uint8Array | null;
	/** Log rows after the snapshot, oldest first. */
	updates: { id: number; data: Uint8Array }[];
}

/** A stored document (snapshot and log) as one Yjs update, without building a Y.Doc. */
export function mergeStored(stored: StoredDoc): Uint8Array {
	const parts = stored.updates.map((row) => row.data);
	if (stored.snapshot) parts.unshift(stored.snapshot);
	if (parts.length === 1) return parts[0]!;
	return parts.length ? Y.mergeUpdates(parts) : Y.encodeStateAsUpdate(new Y.Doc());
}

/** One row to append. */
export interface AppendRow {
	doc: string;
	data: Uint8Array;
}

const asBuffer = (bytes: Uint8Array): Buffer =>
	Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export class DocStore {
	/** Database reads and writes made so far (tests prove a rejected upgrade made none). */
	queries = 0;
	#db: DB;
	#stmts: {
		articleExists: Statement<[number], { one: number }>;
		segmentIds: Statement<[number], { id: string }>;
		snapshot: Statement<[string], { state: Buffer }>;
		updates: Statement<[string], { id: number; data: Buffer }>;
		append: Statement<[string, Buffer, number]>;
		putSnapshot: Statement<[string, Buffer, number]>;
		dropUpdates: Statement<[string, number]>;
	};
	#appendTx: (rows: readonly AppendRow[]) => number[];
	#compactTx: (doc: string, state: Uint8Array, uptoId: number) => void;

	constructor(db: DB) {
		this.#db = db;
		this.#stmts = {
			articleExists: db.prepare('SELECT 1 AS one FROM articles WHERE id = ?'),
			segmentIds: db.prepare('SELECT id FROM segments WHERE article_id = ?'),
			snapshot: db.prepare('SELECT state FROM ydoc_snapshots WHERE doc = ?'),
			updates: db.prepare('SELECT id, data FROM ydoc_updates WHERE doc = ? ORDER BY id'),
			append: db.prepare('INSERT INTO ydoc_updates (doc, data, created_at) VALUES (?, ?, ?)'),
			putSnapshot: db.prepare(
				`INSERT INTO ydoc_snapshots (doc, state, updated_at) VALUES (?, ?, ?)
				 ON CONFLICT (doc) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`
			),
			dropUpdates: db.prepare('DELETE FROM ydoc_updates WHERE doc = ? AND id <= ?')
		};
		this.#appendTx = db.transaction((rows: readonly AppendRow[]) => {
			const now = Date.now();
			return rows.map((row) => Number(this.#stmts.append.run(row.doc, asBuffer(row.data), now).lastInsertRowid));
		});
		this.#compactTx = db.transaction((doc: string, state: Uint8Array, uptoId: number) => {
			this.#stmts.putSnapshot.run(doc, asBuffer(state), Date.now());
			this.#stmts.dropUpdates.run(doc, uptoId);
		});
	}

	articleExists(articleId: number): boolean {
		this.queries++;
		return this.#stmts.articleExists.get(articleId) !== undefined;
	}

	/** The article's segment ids (the names of its top-level fragments). */
	segmentIds(articleId: number): string[] {
		this.queries++;
		return this.#stmts.segmentIds.all(articleId).map((r) => r.id);
	}

	/** Reads a document's snapshot and log in one read transaction (a consistent pair). */
	load(doc: string): StoredDoc {
		this.queries++;
		return this.#db.transaction(() => {
			const snap = this.#stmts.snapshot.get(doc);
			const updates = this.#stmts.updates.all(doc);
			return { snapshot: snap ? snap.state : null, updates };
		})();
	}

	/**
	 * Appends rows in one transaction and returns their ids in order. Throws (and writes
	 * nothing) if any row fails: the caller keeps them and retries.
	 */
	append(rows: readonly AppendRow[]): number[] {
		this.queries++;
		return this.#appendTx(rows);
	}

	/** Stores `state` as the document's snapshot and deletes the log rows up to `uptoId`. */
	compact(doc: string, state: Uint8Array, uptoId: number): void {
		this.queries++;
		this.#compactTx(doc, state, uptoId);
	}
}
