// WAL checkpoints off the event loop. Left to itself, SQLite checkpoints inside whichever
// commit takes the WAL past 1,000 pages: it copies them into the database file and fsyncs
// it, 3–5 ms on the benchmark machine and far longer on a busy disk — and better-sqlite3 is
// synchronous, so every ~300th keystroke stalled every open document. The server instead
// turns the automatic checkpoint off on its connection and runs PASSIVE checkpoints (which
// never block the writer) from a worker thread with its own connection, once a second while
// there is anything to copy. That also bounds what `synchronous=NORMAL` can lose to a power
// cut: each checkpoint fsyncs the WAL first. If the worker cannot start or dies, the main
// connection gets SQLite's automatic checkpoint back.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { DB } from './index.ts';

/** SQLite's default `wal_autocheckpoint`, restored if the worker is gone. */
export const SQLITE_AUTOCHECKPOINT_PAGES = 1000;
const DEFAULT_INTERVAL_MS = 1000;

/** One PASSIVE checkpoint's result (SQLite's `wal_checkpoint` row). */
export interface CheckpointResult {
	busy: number;
	/** Frames in the WAL. */
	log: number;
	/** Of which copied into the database. */
	checkpointed: number;
}

export interface CheckpointerOptions {
	intervalMs?: number;
	/** better-sqlite3's entry for the worker to load; tests pass a broken one. */
	driver?: string;
	/** Each completed checkpoint (tests). */
	onCheckpoint?: (result: CheckpointResult) => void;
}

export interface Checkpointer {
	/** False once the worker failed and SQLite's automatic checkpoint is back. */
	readonly active: boolean;
	/** Stops the worker (before the database closes). */
	stop(): Promise<void>;
}

// The worker is plain CommonJS (an eval'd script), so it runs the same under tsx, from a
// build and in tests. Messages out: {result}, {error}. In: 'stop'.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = ' + workerData.synchronous);
const checkpoint = () => {
	try {
		const [row] = db.pragma('wal_checkpoint(PASSIVE)');
		if (row.checkpointed > 0 || row.busy) parentPort.postMessage({ result: row });
	} catch (err) {
		parentPort.postMessage({ error: String(err && err.message || err) });
	}
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (m) => {
	if (m !== 'stop') return;
	clearInterval(timer);
	db.close();
	parentPort.close();
});
`;

/** Starts checkpointing `db` (a file database in WAL mode) from a worker thread. */
export function startCheckpointer(db: DB, opts: CheckpointerOptions = {}): Checkpointer {
	if (db.memory) return { active: false, stop: async () => {} };
	const synchronous = Number(db.pragma('synchronous', { simple: true })) >= 2 ? 'FULL' : 'NORMAL';
	const worker = new Worker(WORKER_SOURCE, {
		eval: true,
		workerData: {
			file: db.name,
			driver: opts.driver ?? createRequire(import.meta.url).resolve('better-sqlite3'),
			synchronous,
			intervalMs: opts.intervalMs ?? DEFAULT_INTERVAL_MS
		}
	});
	// A checkpoint every second must never keep the process alive.
	worker.unref();
	db.pragma('wal_autocheckpoint = 0');

	let active = true;
	let stopping = false;
	let warned = false;
	const fallBack = (why: string) => {
		if (!active) return;
		active = false;
		if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
		if (!stopping) console.error(`[db] checkpoint worker ${why}; SQLite checkpoints during commits again`);
	};
	worker.on('message', (m: { result?: CheckpointResult; error?: string }) => {
		if (m.result) opts.onCheckpoint?.(m.result);
		if (m.error && !warned) {
			// A failed checkpoint (disk full, I/O error) is retried on the next tick; say it once.
			warned = true;
			console.error(`[db] checkpoint failed: ${m.error}`);
		}
	});
	worker.on('error', (err) => fallBack(`failed (${err.message.split('\n')[0]})`));
	worker.on('exit', (code) => fallBack(`exited (${code})`));

	const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
	return {
		get active() {
			return active;
		},
		async stop() {
			if (stopping) return exited;
			stopping = true;
			if (active) worker.postMessage('stop');
			// The worker closes its connection and exits; terminate covers one that is stuck.
			const timer = setTimeout(() => void worker.terminate(), 2000);
			await exited;
			clearTimeout(timer);
		}
	};
}
