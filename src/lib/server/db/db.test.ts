import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from './index.ts';
import { migrations } from './migrations/index.ts';

describe('openDatabase', () => {
	it('creates the data dir, uses WAL and applies every migration once', () => {
		const dir = join(mkdtempSync(join(tmpdir(), 'duizhao-db-')), 'nested');
		try {
			const db = openDatabase({ dataDir: dir });
			expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
			expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
			const latest = Math.max(...migrations.map((m) => m.version));
			expect(db.pragma('user_version', { simple: true })).toBe(latest);
			db.close();
			// Re-opening does not re-run migrations (they would fail on existing tables).
			const again = openDatabase({ dataDir: dir });
			expect(again.pragma('user_version', { simple: true })).toBe(latest);
			again.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('migration versions are unique', () => {
		const versions = migrations.map((m) => m.version);
		expect(new Set(versions).size).toBe(versions.length);
	});
});
