// Durable storage of Yjs documents in SQLite: an append-only update log (`ydoc_updates`)
// plus one compacted snapshot per document (`ydoc_snapshots`), both from 001_core. Appends
// for a whole event-loop turn go in one transaction (one commit, one fsync when FULL);
// compaction replaces the snapshot and deletes the log rows it covers in one transaction,
// so a crash at any point leaves either the old or the new pair, never a gap. Beside the
// snapshot the English as JSON (008_snapshot_targets), so readers of a closed document skip Yjs.
import * as Y from 'yjs';
import { pickTargets, targetsOfDoc, type Targets } from '../../ydoc/targets.ts';
import type { DB } from '../db/index.ts';
import type { Statement } from 'better-sqlite3';

/** What storage holds for one document. */
export interface StoredDoc {
	/** The compacted state (a full Yjs v1 update), or null before the first compaction. */
	snapshot: Uint8Array | null;
	/** Log rows after the snapshot, oldest first. */
	updates: { id: number; data: Uint8Array }[];
	/** The snapshot's English as JSON (`Targets`), or null if it was stored without it (or not asked for). */
	targets: string | null;
	/** Whether the snapshot was stored with its English. */
	hasTargets: boolean;
}

/** A stored document (snapshot and log) as one Yjs update, without building a Y.Doc. */
export function mergeStored(stored: StoredDoc): Uint8Array {
	const parts = stored.updates.map((row) => row.data);
	if (stored.snapshot) parts.unshift(stored.snapshot);
	if (parts.length === 1) return parts[0]!;
	return parts.length ? Y.mergeUpdates(parts) : Y.encodeStateAsUpdate(new Y.Doc());
}

/**
 * The listed segments' English as stored: from the JSON beside the snapshot when no log row
 * follows it (a document closed cleanly), else from a Y.Doc built from snapshot and log.
 */
export function storedTargets(stored: StoredDoc, segmentIds: readonly string[]): Targets {
	if (stored.updates.length === 0 && stored.targets !== null) {
		try {
			return pickTargets(JSON.parse(stored.targets) as Targets, segmentIds);
		} catch (err) {
			console.error('[collab] stored English does not parse; reading the Yjs state instead', err);
		}
	}
	const doc = new Y.Doc();
	try {
		Y.applyUpdate(doc, mergeStored(stored));
		return targetsOfDoc(doc, segmentIds);
	} finally {
		doc.destroy();
	}
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
		snapshot: Statement<[string], { state: Buffer; targets: string | null }>;
		snapshotOnly: Statement<[string], { state: Buffer; hasTargets: number }>;
		updates: Statement<[string], { id: number; data: Buffer }>;
		append: Statement<[string, Buffer, number]>;
		putSnapshot: Statement<[string, Buffer, string | null, number]>;
		putTargets: Statement<[string, string]>;
		dropUpdates: Statement<[string, number]>;
	};
	#appendTx: (rows: readonly AppendRow[]) => number[];
	#compactTx: (doc: string, state: Uint8Array, uptoId: number, targets: string | null) => void;

	constructor(db: DB) {
		this.#db = db;
		this.#stmts = {
			articleExists: db.prepare('SELECT 1 AS one FROM articles WHERE id = ?'),
			segmentIds: db.prepare('SELECT id FROM segments WHERE article_id = ?'),
			snapshot: db.prepare('SELECT state, targets FROM ydoc_snapshots WHERE doc = ?'),
			snapshotOnly: db.prepare('SELECT state, targets IS NOT NULL AS hasTargets FROM ydoc_snapshots WHERE doc = ?'),
			updates: db.prepare('SELECT id, data FROM ydoc_updates WHERE doc = ? ORDER BY id'),
			append: db.prepare('INSERT INTO ydoc_updates (doc, data, created_at) VALUES (?, ?, ?)'),
			putSnapshot: db.prepare(
				`INSERT INTO ydoc_snapshots (doc, state, targets, updated_at) VALUES (?, ?, ?, ?)
				 ON CONFLICT (doc) DO UPDATE SET state = excluded.state, targets = excluded.targets, updated_at = excluded.updated_at`
			),
			putTargets: db.prepare('UPDATE ydoc_snapshots SET targets = ? WHERE doc = ?'),
			dropUpdates: db.prepare('DELETE FROM ydoc_updates WHERE doc = ? AND id <= ?')
		};
		this.#appendTx = db.transaction((rows: readonly AppendRow[]) => {
			const now = Date.now();
			return rows.map((row) => Number(this.#stmts.append.run(row.doc, asBuffer(row.data), now).lastInsertRowid));
		});
		this.#compactTx = db.transaction((doc: string, state: Uint8Array, uptoId: number, targets: string | null) => {
			this.#stmts.putSnapshot.run(doc, asBuffer(state), targets, Date.now());
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

	/**
	 * Reads a document's snapshot and log in one read transaction (a consistent pair).
	 * `targets: false` leaves the English JSON unread (a room only needs to know it is there).
	 */
	load(doc: string, { targets = true } = {}): StoredDoc {
		this.queries++;
		return this.#db.transaction((): StoredDoc => {
			const updates = this.#stmts.updates.all(doc);
			if (!targets) {
				const snap = this.#stmts.snapshotOnly.get(doc);
				return { snapshot: snap ? snap.state : null, updates, targets: null, hasTargets: snap?.hasTargets === 1 };
			}
			const snap = this.#stmts.snapshot.get(doc);
			return { snapshot: snap ? snap.state : null, updates, targets: snap ? snap.targets : null, hasTargets: snap?.targets != null };
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

	/**
	 * Stores `state` as the document's snapshot and deletes the log rows up to `uptoId`.
	 * `targets` is the English of exactly that state (JSON), or null when not derived.
	 */
	compact(doc: string, state: Uint8Array, uptoId: number, targets: string | null = null): void {
		this.queries++;
		this.#compactTx(doc, state, uptoId, targets);
	}

	/** Sets the English beside the current snapshot, which must hold exactly that state. */
	putTargets(doc: string, targets: string): void {
		this.queries++;
		this.#stmts.putTargets.run(targets, doc);
	}
}
