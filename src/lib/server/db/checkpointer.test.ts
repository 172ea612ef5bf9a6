import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DB } from './index.ts';
import { SQLITE_AUTOCHECKPOINT_PAGES, startCheckpointer, type CheckpointResult } from './checkpointer.ts';
import { sleep, waitFor } from '../../../../tests/helpers/collab.ts';

const dirs: string[] = [];
afterEach(() => {
	vi.restoreAllMocks();
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDb(): { db: DB; dir: string } {
	const dir = mkdtempSync(join(tmpdir(), 'duizhao-ckpt-'));
	dirs.push(dir);
	const db = openDatabase({ dataDir: dir });
	db.exec('CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
	return { db, dir };
}

describe('startCheckpointer', () => {
	it('checkpoints from its worker while commits on the main connection never do', async () => {
		const { db, dir } = tempDb();
		const results: CheckpointResult[] = [];
		const checkpointer = startCheckpointer(db, { intervalMs: 20, onCheckpoint: (r) => results.push(r) });
		expect(checkpointer.active).toBe(true);
		expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);

		// 3,000 commits of 4 KB: over 24 MB of WAL if nothing checkpointed (the main
		// connection cannot: its automatic checkpoint is off).
		const insert = db.prepare('INSERT INTO blobs (data) VALUES (?)');
		const blob = Buffer.alloc(4096, 7);
		for (let i = 0; i < 3000; i++) {
			insert.run(blob);
			if (i % 100 === 99) await sleep(25);
		}
		await waitFor(() => results.some((r) => r.log > 0 && r.checkpointed === r.log), 'a complete checkpoint');
		// The WAL was restarted after checkpoints instead of growing with every commit.
		expect(statSync(join(dir, 'duizhao.sqlite-wal')).size).toBeLessThan(12 * 1024 * 1024);

		await checkpointer.stop();
		expect(checkpointer.active).toBe(false);
		db.close();
		const again = openDatabase({ dataDir: dir });
		expect(again.pragma('integrity_check', { simple: true })).toBe('ok');
		expect(again.prepare('SELECT count(*) AS n FROM blobs').get()).toEqual({ n: 3000 });
		again.close();
	});

	it("gives the main connection SQLite's automatic checkpoint back if the worker fails", async () => {
		const { db } = tempDb();
		const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
		const checkpointer = startCheckpointer(db, { driver: join(tmpdir(), 'no-such-driver.cjs') });
		await waitFor(() => !checkpointer.active, 'the fallback');
		expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(SQLITE_AUTOCHECKPOINT_PAGES);
		expect(errors.mock.calls.join(' ')).toMatch(/checkpoint worker failed .*SQLite checkpoints during commits again/);
		await checkpointer.stop();
		db.close();
	});

	it('stops quietly before the database closes', async () => {
		const { db } = tempDb();
		const errors = vi.spyOn(console, 'error');
		const checkpointer = startCheckpointer(db, { intervalMs: 10 });
		db.prepare('INSERT INTO blobs (data) VALUES (?)').run(Buffer.from('x'));
		await sleep(50);
		await checkpointer.stop();
		await checkpointer.stop(); // twice is harmless
		db.close();
		expect(errors).not.toHaveBeenCalled();
	});

	it('does nothing for an in-memory database', async () => {
		const db = openDatabase({ dataDir: ':memory:' });
		const checkpointer = startCheckpointer(db);
		expect(checkpointer.active).toBe(false);
		await checkpointer.stop();
		db.close();
	});
});
