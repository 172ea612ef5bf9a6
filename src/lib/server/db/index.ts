// Opens the SQLite database and applies numbered migrations at start (ARCHITECTURE §2).
// WAL mode; synchronous=FULL so a committed Yjs update survives power loss, not only a
// process crash (the collab server appends before it broadcasts — see collab/persistence).
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrations } from './migrations/index.ts';

export type DB = Database.Database;

export interface OpenOptions {
	/** Directory that holds `duizhao.sqlite`; created if missing. `:memory:` for tests. */
	dataDir: string;
}

/** Opens (creating if needed) and migrates the database. */
export function openDatabase({ dataDir }: OpenOptions): DB {
	let file = ':memory:';
	if (dataDir !== ':memory:') {
		mkdirSync(dataDir, { recursive: true });
		file = join(dataDir, 'duizhao.sqlite');
	}
	const db = new Database(file);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = FULL');
	db.pragma('foreign_keys = ON');
	db.pragma('busy_timeout = 5000');
	migrate(db);
	return db;
}

/**
 * Applies every migration whose number is above `user_version`, each in its own
 * transaction, in order. A failed migration rolls back and stops the start.
 */
export function migrate(db: DB): void {
	const current = db.pragma('user_version', { simple: true }) as number;
	const sorted = [...migrations].sort((a, b) => a.version - b.version);
	for (const m of sorted) {
		if (m.version <= current) continue;
		db.transaction(() => {
			db.exec(m.sql);
			db.pragma(`user_version = ${m.version}`);
		})();
	}
}
