// The two servers under comparison, started the same way for every section: a child
// process on port 0 serving one document with the same preloaded state. Duizhao is the real
// production server (tests/helpers/server.ts) with the state stored as the document's
// compacted snapshot; the reference is @y/websocket-server@0.1.1 (reference-server.mjs)
// with the state applied in memory.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { startServer, ROOT, type TestServer } from '../../helpers/server.ts';
import { seedUser, type SeededUser } from '../../helpers/users.ts';
import { manySegments, seedArticle } from '../../helpers/articles.ts';
import { sleep } from './stats.ts';

/** `relay`: the fanout floor, a relay that only forwards bytes (relay-floor.ts). */
export type Kind = 'duizhao' | 'reference' | 'relay';

/** A running collaboration server with one document. */
export interface CollabTarget {
	kind: Kind;
	pid: number;
	/** Websocket base URL and room for y-websocket's WebsocketProvider. */
	serverUrl: string;
	room: string;
	/** URL params for client `i` (Duizhao: that client's user token). */
	params(i: number): Record<string, string>;
	/** The raw websocket URL for client `i`. */
	socketUrl(i: number): string;
	stop(): Promise<void>;
}

export interface StartOptions {
	/** The document's state (one Yjs update), or null for an empty document. */
	state: Uint8Array | null;
	/** Source segments of the article (Duizhao needs them; the reference ignores them). */
	pairs: number;
	/** Distinct users to create (Duizhao), one per client. */
	users: number;
	/** Extra node flags for the server process (e.g. --cpu-prof). */
	nodeArgs?: string[];
	env?: Record<string, string>;
}

export interface DuizhaoTarget extends CollabTarget {
	server: TestServer;
	articleId: number;
	users: SeededUser[];
	/** Path of the SQLite database. */
	dbPath: string;
}

const query = (params: Record<string, string>) => {
	const q = new URLSearchParams(params).toString();
	return q ? `?${q}` : '';
};

/**
 * Stores `state` as the document's snapshot, exactly what a compaction leaves (one snapshot
 * row, no log), while the server runs (WAL) and before the room is opened.
 */
export function storeSnapshot(dbPath: string, room: string, state: Uint8Array): void {
	const db = new Database(dbPath);
	try {
		db.pragma('busy_timeout = 5000');
		db.prepare(
			`INSERT INTO ydoc_snapshots (doc, state, updated_at) VALUES (?, ?, ?)
			 ON CONFLICT (doc) DO UPDATE SET state = excluded.state, targets = NULL, updated_at = excluded.updated_at`
		).run(room, Buffer.from(state), Date.now());
	} finally {
		db.close();
	}
}

/**
 * Gives a Duizhao document the English of `state` the way a real article gets it: a client
 * holding it connects (the server's sync step 1 makes it send everything), waits for it to be
 * stored, and leaves; the room then unloads and compacts (the caller waits for that).
 */
export async function pushThroughServer(serverUrl: string, room: string, params: Record<string, string>, state: Uint8Array): Promise<void> {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, state);
	const provider = new WebsocketProvider(serverUrl, room, doc, {
		params,
		disableBc: true,
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket
	});
	try {
		await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
		await sleep(1500);
	} finally {
		provider.destroy();
		doc.destroy();
	}
}

/** Duizhao's production server with an article of `pairs` pairs whose English is `state`. */
export async function startDuizhao(opts: StartOptions): Promise<DuizhaoTarget> {
	const server = await startServer({ env: opts.env, nodeArgs: opts.nodeArgs });
	const articleId = seedArticle(server.dataDir, manySegments(opts.pairs));
	const room = `article-${articleId}`;
	const dbPath = join(server.dataDir, 'duizhao.sqlite');
	if (opts.state) storeSnapshot(dbPath, room, opts.state);
	const users = Array.from({ length: opts.users }, (_, i) => seedUser(server.dataDir, `bench${i}`, 'translator'));
	const serverUrl = `${server.wsUrl}/collab`;
	const params = (i: number) => ({ token: users[i % users.length]!.token });
	return {
		kind: 'duizhao',
		pid: server.proc.pid!,
		serverUrl,
		room,
		params,
		socketUrl: (i) => `${serverUrl}/${room}${query(params(i))}`,
		stop: () => server.dispose(),
		server,
		articleId,
		users,
		dbPath
	};
}

/** @y/websocket-server@0.1.1 with `state` preloaded into the document `room`. */
export function startReference(opts: StartOptions, room = 'article-1'): Promise<CollabTarget> {
	return startScript('reference', 'reference-server.mjs', opts, room);
}

/** A server script from tests/bench serving `state` as `room`; it prints its port. */
async function startScript(kind: Kind, script: string, opts: StartOptions, room: string): Promise<CollabTarget> {
	const dir = mkdtempSync(join(tmpdir(), `duizhao-bench-${kind}-`));
	const stateFile = join(dir, 'state.bin');
	writeFileSync(stateFile, opts.state ?? new Uint8Array([0, 0]));
	const proc: ChildProcess = spawn(process.execPath, [...(opts.nodeArgs ?? []), join(ROOT, 'tests', 'bench', script)], {
		cwd: ROOT,
		env: { ...process.env, ...opts.env, REF_STATE_FILE: stateFile, REF_DOC: room },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
	const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
	const port = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`${kind} server did not start:\n${out}`)), 20_000);
		proc.stdout!.on('data', (d: Buffer) => {
			out += d.toString();
			const m = / listening on (\d+)/.exec(out);
			if (m) {
				clearTimeout(timer);
				resolve(Number(m[1]));
			}
		});
		proc.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}:\n${out}`)));
	});
	const serverUrl = `ws://127.0.0.1:${port}`;
	return {
		kind,
		pid: proc.pid!,
		serverUrl,
		room,
		params: () => ({}),
		socketUrl: () => `${serverUrl}/${room}`,
		stop: async () => {
			if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
			await exited;
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

export function startTarget(kind: Kind, opts: StartOptions): Promise<CollabTarget> {
	if (kind === 'duizhao') return startDuizhao(opts);
	if (kind === 'reference') return startReference(opts);
	return startScript('relay', 'relay-floor.ts', { ...opts, nodeArgs: ['--import', 'tsx', ...(opts.nodeArgs ?? [])] }, 'article-1');
}
