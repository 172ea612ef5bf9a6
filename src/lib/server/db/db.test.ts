import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrateWith, openDatabase } from './index.ts';
import { migrations } from './migrations/index.ts';

describe('openDatabase', () => {
	it('creates the data dir, uses WAL and applies every migration once', () => {
		const dir = join(mkdtempSync(join(tmpdir(), 'duizhao-db-')), 'nested');
		try {
			const db = openDatabase({ dataDir: dir });
			expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
			expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL, the default
			const applied = (d: typeof db) => (d.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version);
			const all = migrations.map((m) => m.version).sort((a, b) => a - b);
			expect(applied(db)).toEqual(all);
			db.close();
			// Re-opening does not re-run migrations (they would fail on existing tables).
			const again = openDatabase({ dataDir: dir, synchronous: 'full' });
			expect(again.pragma('synchronous', { simple: true })).toBe(2); // FULL
			expect(applied(again)).toEqual(all);
			again.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('runs a migration numbered below one already applied (parallel branches)', () => {
		const db = new Database(':memory:');
		const first = migrations.filter((m) => m.version !== 3);
		migrateWith(db, first);
		expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'glossary'").get()).toEqual({ n: 0 });
		migrateWith(db, migrations);
		expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'glossary'").get()).toEqual({ n: 1 });
		db.close();
	});

	it('migration versions are unique', () => {
		const versions = migrations.map((m) => m.version);
		expect(new Set(versions).size).toBe(versions.length);
	});
});
