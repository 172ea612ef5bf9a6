// Section "coldload": a fresh client opens a 2,000-pair article with a typed history and
// waits for y-websocket's `synced`. Duizhao is measured cold (the room was unloaded: the
// document comes from SQLite) and warm (another client holds it open); the reference keeps
// every document in memory, so it is always warm. The floor is what no server can beat:
// encoding the same state and applying it to a new Y.Doc in one process. Also: the bytes
// the database holds for the document after compaction against the compacted state.
import { statSync } from 'node:fs';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import Database from 'better-sqlite3';
import { median, sleep } from './lib/stats.ts';
import { pushThroughServer, startDuizhao, startReference, type CollabTarget } from './lib/servers.ts';

export interface ColdloadOptions {
	pairs: number;
	state: Uint8Array;
	rounds: number;
	/** Samples per server per round (the round's median is kept). */
	samples: number;
	/** Pause before every timed sample (see QUIET_MS); `--quick` shortens it. */
	quietMs?: number;
}

export interface ColdloadResult {
	pairs: number;
	stateBytes: number;
	synced_ms: number;
	warm_synced_ms: number;
	ref_synced_ms: number;
	floor_ms: number;
	/** Bytes of the document in SQLite (snapshot + log rows) after the server compacted it. */
	dbDocBytes: number;
	/** The compacted state those rows hold, encoded afresh. */
	compactStateBytes: number;
	/** Size of the database file after a checkpoint (it also holds the article and users). */
	dbFileBytes: number;
	rounds: { ref: number; cold: number; warm: number; floor: number }[];
}

/**
 * Pause before every timed sample (full runs). Each sample leaves a 2,000-pair document's garbage in
 * this process; V8 collects it in idle time within about a second. With a 200 ms pause
 * the sample that came next paid for the one before (the cold load, always right after
 * the reference, measured 10–20 ms slower than with this pause), so all four get the same.
 */
const QUIET_MS = 1500;

/** Milliseconds from a new client's construction to its `synced` event. */
export async function timeToSynced(target: CollabTarget, i = 0): Promise<number> {
	const doc = new Y.Doc();
	const t0 = performance.now();
	const provider = new WebsocketProvider(target.serverUrl, target.room, doc, {
		params: target.params(i),
		disableBc: true,
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket
	});
	try {
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`${target.kind}: no sync in 60 s`)), 60_000);
			provider.once('sync', () => {
				clearTimeout(timer);
				resolve();
			});
		});
		return performance.now() - t0;
	} finally {
		provider.destroy();
		doc.destroy();
	}
}

/** The floor: encode the document's state and apply it to a fresh Y.Doc, in one process. */
export function floorMs(doc: Y.Doc): number {
	const t0 = performance.now();
	const update = Y.encodeStateAsUpdate(doc);
	const fresh = new Y.Doc();
	Y.applyUpdate(fresh, update);
	const ms = performance.now() - t0;
	fresh.destroy();
	return ms;
}

function docBytes(dbPath: string, room: string): { dbDocBytes: number; compactStateBytes: number; dbFileBytes: number } {
	const db = new Database(dbPath);
	try {
		db.pragma('busy_timeout = 5000');
		const snap = db.prepare('SELECT state FROM ydoc_snapshots WHERE doc = ?').get(room) as { state: Buffer } | undefined;
		const rows = db.prepare('SELECT data FROM ydoc_updates WHERE doc = ?').all(room) as { data: Buffer }[];
		const doc = new Y.Doc();
		if (snap) Y.applyUpdate(doc, snap.state);
		for (const r of rows) Y.applyUpdate(doc, r.data);
		const compactStateBytes = Y.encodeStateAsUpdate(doc).byteLength;
		doc.destroy();
		db.pragma('wal_checkpoint(TRUNCATE)');
		return {
			dbDocBytes: (snap?.state.byteLength ?? 0) + rows.reduce((n, r) => n + r.data.byteLength, 0),
			compactStateBytes,
			dbFileBytes: statSync(dbPath).size
		};
	} finally {
		db.close();
	}
}

export async function coldload(opts: ColdloadOptions, log: (line: string) => void): Promise<ColdloadResult> {
	const local = new Y.Doc();
	Y.applyUpdate(local, opts.state);
	const ref = await startReference({ state: opts.state, pairs: opts.pairs, users: 1 });
	// Duizhao starts empty and receives the history from a client, as a real article does.
	const dz = await startDuizhao({ state: null, pairs: opts.pairs, users: 2 });
	try {
		await pushThroughServer(dz.serverUrl, dz.room, dz.params(0), opts.state);
		await sleep(2500); // unloadDelayMs (1 s) + compaction
		const bytes = docBytes(dz.dbPath, dz.room);
		const rounds: ColdloadResult['rounds'] = [];
		const quiet = () => sleep(opts.quietMs ?? QUIET_MS);
		for (let r = 0; r < opts.rounds; r++) {
			const refs: number[] = [];
			const colds: number[] = [];
			const warms: number[] = [];
			const floors: number[] = [];
			for (let k = 0; k < opts.samples; k++) {
				// The reference and the cold room take turns going first (ABAB), each after the
				// same quiet pause.
				for (const target of (r + k) % 2 === 0 ? [ref, dz] : [dz, ref]) {
					await quiet();
					(target === ref ? refs : colds).push(await timeToSynced(target));
				}
				// Warm: a second client keeps the room loaded.
				const holder = new WebsocketProvider(dz.serverUrl, dz.room, new Y.Doc(), {
					params: dz.params(1),
					disableBc: true,
					WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket
				});
				await new Promise<void>((resolve) => holder.once('sync', () => resolve()));
				await quiet();
				warms.push(await timeToSynced(dz));
				holder.destroy();
				// Always the full pause here: it lets the room unload (unloadDelayMs is 1 s), so the
				// next Duizhao sample is cold.
				await sleep(QUIET_MS);
				floors.push(floorMs(local));
			}
			const round = { ref: median(refs), cold: median(colds), warm: median(warms), floor: median(floors) };
			rounds.push(round);
			log(`  coldload round ${r + 1}: reference ${round.ref.toFixed(1)} ms, duizhao cold ${round.cold.toFixed(1)} ms, warm ${round.warm.toFixed(1)} ms, floor ${round.floor.toFixed(1)} ms`);
		}
		return {
			pairs: opts.pairs,
			stateBytes: opts.state.byteLength,
			synced_ms: median(rounds.map((r) => r.cold)),
			warm_synced_ms: median(rounds.map((r) => r.warm)),
			ref_synced_ms: median(rounds.map((r) => r.ref)),
			floor_ms: median(rounds.map((r) => r.floor)),
			...bytes,
			rounds
		};
	} finally {
		local.destroy();
		await ref.stop();
		await dz.stop();
	}
}
