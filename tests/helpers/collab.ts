// Test fixture: real y-websocket clients (Node, `disableBc: true`) and raw websocket probes
// for the collaboration endpoint, plus helpers to write target-schema content (paragraph >
// text) into a segment's Y.XmlFragment and to read the ydoc tables for before/after checks.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { WebSocket } from 'ws';

export interface ClientOptions {
	token?: string;
	/** Session id for the `duizhao_session` cookie (sent with `origin`). */
	session?: string;
	origin?: string;
	/** Extra query parameters, e.g. `{ saveStatus: '1' }`. */
	params?: Record<string, string>;
	doc?: Y.Doc;
	/** Keep reconnecting after 44xx closes (the stock client stops). */
	reconnectAlways?: boolean;
}

export interface Client {
	doc: Y.Doc;
	provider: WebsocketProvider;
	/** Resolves when the first sync completed. */
	synced: Promise<void>;
	/** Close codes seen so far. */
	closes: number[];
	/** Every update this client received from the server (origin = provider). */
	received: Uint8Array[];
	destroy(): void;
}

/** A `ws` WebSocket that sends extra headers (cookie, origin) — browsers do this natively. */
export function socketWithHeaders(headers: Record<string, string>): unknown {
	return class extends WebSocket {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols, { headers });
		}
	};
}

/** Connects a stock y-websocket provider to `article-<id>` on `wsBase` (`ws://host:port`). */
export function connect(wsBase: string, articleId: number, opts: ClientOptions = {}): Client {
	const doc = opts.doc ?? new Y.Doc();
	const headers: Record<string, string> = {};
	if (opts.session) headers.cookie = `duizhao_session=${opts.session}`;
	if (opts.origin) headers.origin = opts.origin;
	const params: Record<string, string> = { ...opts.params };
	if (opts.token) params.token = opts.token;
	const provider = new WebsocketProvider(`${wsBase}/collab`, `article-${articleId}`, doc, {
		WebSocketPolyfill: (Object.keys(headers).length ? socketWithHeaders(headers) : WebSocket) as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		params,
		maxBackoffTime: 300,
		...(opts.reconnectAlways ? { shouldReconnect: () => true } : {})
	});
	const closes: number[] = [];
	provider.on('connection-close', (event) => {
		if (event) closes.push(event.code);
	});
	const received: Uint8Array[] = [];
	const onUpdate = (update: Uint8Array, origin: unknown) => {
		if (origin === provider) received.push(update);
	};
	doc.on('update', onUpdate);
	const synced = new Promise<void>((resolve) => {
		if (provider.synced) resolve();
		else provider.once('sync', () => resolve());
	});
	return {
		doc,
		provider,
		synced,
		closes,
		received,
		destroy: () => {
			doc.off('update', onUpdate);
			provider.destroy();
		}
	};
}

/** The segment's text element, creating `paragraph > text` if the fragment is empty. */
export function segmentText(doc: Y.Doc, segmentId: string): Y.XmlText {
	const fragment = doc.getXmlFragment(segmentId);
	let paragraph = fragment.get(0) as Y.XmlElement | undefined;
	if (!paragraph) {
		paragraph = new Y.XmlElement('paragraph');
		paragraph.insert(0, [new Y.XmlText()]);
		fragment.insert(0, [paragraph]);
	}
	return paragraph.get(0) as Y.XmlText;
}

/** Plain text of a segment (all paragraphs' text, joined). */
export function plainText(doc: Y.Doc, segmentId: string): string {
	const out: string[] = [];
	for (const node of doc.getXmlFragment(segmentId).toArray()) {
		if (node instanceof Y.XmlElement) {
			out.push(node.toArray().map((c) => (c instanceof Y.XmlText ? c.toString().replace(/<[^>]*>/g, '') : '')).join(''));
		}
	}
	return out.join('\n');
}

/** Polls `check` until true, failing with `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
	const started = Date.now();
	while (!check()) {
		if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 20));
	}
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Attempts a websocket upgrade and reports the outcome: `101` with the open socket, or the
 * HTTP status the server answered instead.
 */
export function upgrade(url: string, headers: Record<string, string> = {}): Promise<{ status: number; ws: WebSocket | null; body: string }> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(url, { headers });
		ws.once('open', () => resolve({ status: 101, ws, body: '' }));
		ws.once('unexpected-response', (_req, res) => {
			let body = '';
			res.on('data', (d: Buffer) => (body += d.toString()));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, ws: null, body }));
			res.on('error', () => resolve({ status: res.statusCode ?? 0, ws: null, body }));
		});
		ws.once('error', (err) => {
			if (ws.readyState !== WebSocket.CLOSED) return;
			reject(err);
		});
	});
}

/** Waits for a socket's close code. */
export function closeCode(ws: WebSocket): Promise<number> {
	return new Promise((resolve) => {
		if (ws.readyState === WebSocket.CLOSED) resolve(-1);
		ws.once('close', (code) => resolve(code));
	});
}

/** Both ydoc tables as text, read through a separate connection (WAL allows it). */
export function ydocTables(dataDir: string): string {
	const db = new Database(join(dataDir, 'duizhao.sqlite'), { readonly: true });
	try {
		db.pragma('busy_timeout = 5000');
		const rows = db.prepare('SELECT id, doc, hex(data) AS data FROM ydoc_updates ORDER BY id').all();
		const snaps = db.prepare('SELECT doc, hex(state) AS state FROM ydoc_snapshots ORDER BY doc').all();
		return JSON.stringify({ rows, snaps });
	} finally {
		db.close();
	}
}

/** The stored document (snapshot + log) as a Y.Doc, read straight from SQLite. */
export function storedDoc(dataDir: string, docName: string): Y.Doc {
	const db = new Database(join(dataDir, 'duizhao.sqlite'), { readonly: true });
	try {
		db.pragma('busy_timeout = 5000');
		const doc = new Y.Doc();
		const snap = db.prepare('SELECT state FROM ydoc_snapshots WHERE doc = ?').get(docName) as { state: Buffer } | undefined;
		if (snap) Y.applyUpdate(doc, snap.state);
		for (const row of db.prepare('SELECT data FROM ydoc_updates WHERE doc = ? ORDER BY id').all(docName) as { data: Buffer }[]) {
			Y.applyUpdate(doc, row.data);
		}
		return doc;
	} finally {
		db.close();
	}
}

/**
 * Sends an upgrade request with the path exactly as given (no URL normalisation, unlike a
 * websocket client) and resolves with the HTTP status: 101 when the server upgraded.
 */
export function rawUpgradeStatus(port: number, path: string, headers: Record<string, string> = {}): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = httpRequest({
			host: '127.0.0.1',
			port,
			path,
			headers: {
				connection: 'Upgrade',
				upgrade: 'websocket',
				'sec-websocket-version': '13',
				'sec-websocket-key': randomBytes(16).toString('base64'),
				...headers
			}
		});
		req.on('upgrade', (_res, socket) => {
			socket.destroy();
			resolve(101);
		});
		req.on('response', (res) => {
			res.resume();
			resolve(res.statusCode ?? 0);
		});
		req.on('error', reject);
		req.end();
	});
}
