// Opens the SQLite database and applies numbered migrations at start (ARCHITECTURE §2).
// WAL mode. `synchronous` chooses what a committed Yjs update survives (the collab server
// appends before it broadcasts — see collab/persistence): NORMAL (the default) survives a
// killed or crashed server, and FULL — an fsync per commit — also a power cut or OS crash.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrations } from './migrations/index.ts';
import type { Migration } from './migrations/types.ts';

export type DB = Database.Database;

const statements = new WeakMap<DB, Map<string, Database.Statement>>();

/**
 * `db.prepare(sql)`, compiled once per database and kept: for queries that run on every
 * text notice of the collab server, where compiling the SQL would cost more than running it.
 */
export function prepared<P extends unknown[] = unknown[], R = unknown>(db: DB, sql: string): Database.Statement<P, R> {
	let map = statements.get(db);
	if (!map) statements.set(db, (map = new Map()));
	let stmt = map.get(sql);
	if (!stmt) map.set(sql, (stmt = db.prepare(sql)));
	return stmt as unknown as Database.Statement<P, R>;
}

/** SQLite's `synchronous` setting in WAL mode (README, "durability"). */
export type Synchronous = 'normal' | 'full';
export const SYNCHRONOUS_MODES: readonly Synchronous[] = ['normal', 'full'];

export interface OpenOptions {
	/** Directory that holds `duizhao.sqlite`; created if missing. `:memory:` for tests. */
	dataDir: string;
	/** Default `normal`. */
	synchronous?: Synchronous;
}

/** Opens (creating if needed) and migrates the database. */
export function openDatabase({ dataDir, synchronous = 'normal' }: OpenOptions): DB {
	let file = ':memory:';
	if (dataDir !== ':memory:') {
		mkdirSync(dataDir, { recursive: true });
		file = join(dataDir, 'duizhao.sqlite');
	}
	const db = new Database(file);
	db.pragma('journal_mode = WAL');
	db.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
	db.pragma('foreign_keys = ON');
	db.pragma('busy_timeout = 5000');
	migrate(db);
	return db;
}

/**
 * Applies every listed migration that this database has not applied yet, in version
 * order, each in its own transaction with its bookkeeping row. Applied versions are
 * recorded one by one (not as a high-water mark), so a migration numbered below one that
 * already ran — work from a parallel branch — still runs. A failure rolls back that
 * migration and stops the start.
 */
export function migrate(db: DB): void {
	migrateWith(db, migrations);
}

/** `migrate` over an explicit list (tests use it to simulate branches landing out of order). */
export function migrateWith(db: DB, list: readonly Migration[]): void {
	db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL
	)`);
	const applied = new Set(
		(db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version)
	);
	const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
	for (const m of [...list].sort((a, b) => a.version - b.version)) {
		if (applied.has(m.version)) continue;
		db.transaction(() => {
			db.exec(m.sql);
			record.run(m.version, m.name, new Date().toISOString());
		})();
	}
}
