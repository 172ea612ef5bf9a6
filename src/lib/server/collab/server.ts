// The collaboration server's lifecycle: routes HTTP upgrades through the admission decision
// (upgrade.ts), owns the rooms and the per-user accounting, dispatches frames to the handler
// table (handlers.ts), pings sockets, and implements CollabControl for the rest of the app.
// No module-level state: every instance is independent (tests can run several).
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData } from 'ws';
import * as Y from 'yjs';
import { CLOSE_CODES, type SessionUser } from '../../types.ts';
import { resolveUser } from '../auth/resolve.ts';
import { topics } from '../events.ts';
import type { CollabControl, Runtime } from '../runtime.ts';
import { Connection } from './connection.ts';
import { dispatch } from './handlers.ts';
import { resolveLimits, type CollabLimits } from './limits.ts';
import { DocStore, mergeStored, storedTargets } from './persistence.ts';
import { targetsOfDoc, type Targets } from '../../ydoc/targets.ts';
import { ProtocolError, validateUpdate } from './protocol.ts';
import { Room } from './room.ts';
import { Outbox } from './outbox.ts';
import { SaveQueue } from './save-queue.ts';
import { decideUpgrade, parseDocName, rejectionResponse } from './upgrade.ts';

export interface CollabServerOptions {
	/** In `vite dev`, leave non-/collab upgrades (Vite's HMR socket) alone. */
	dev: boolean;
	/** Overrides of rt.config.collab and the defaults. */
	limits?: Partial<CollabLimits>;
}

/** How long close() waits for clients to answer the closing handshake. */
const CLOSE_GRACE_MS = 1000;

export class CollabServer implements CollabControl {
	readonly limits: CollabLimits;
	readonly store: DocStore;
	readonly saver: SaveQueue;
	readonly outbox: Outbox;
	readonly rooms = new Map<string, Room>();
	#rt: Runtime;
	#http: Server;
	#dev: boolean;
	#wss: WebSocketServer;
	#byUser = new Map<number, Set<Connection>>();
	#closing: Promise<void> | null = null;
	#pingTimer: NodeJS.Timeout;
	#protocolErrors = 0;

	constructor(http: Server, rt: Runtime, opts: CollabServerOptions) {
		this.#rt = rt;
		this.#http = http;
		this.#dev = opts.dev;
		this.limits = resolveLimits({ ...rt.config.collab, ...opts.limits });
		this.store = new DocStore(rt.db);
		// One end-of-turn step: commit the turn's updates, then write every queued frame.
		this.outbox = new Outbox(() => this.saver.flush());
		this.saver = new SaveQueue(this.store, () => this.outbox.schedule());
		this.#wss = new WebSocketServer({
			noServer: true,
			maxPayload: this.limits.maxFrameBytes,
			// frame.ts writes pre-built frames: never negotiate compression.
			perMessageDeflate: false,
			// Text frames are a protocol error anyway; rejecting them ourselves gives 4400.
			skipUTF8Validation: true,
			clientTracking: false
		});
		// Unauthenticated time: the whole upgrade request must arrive within this.
		if (http.headersTimeout === 0 || http.headersTimeout > this.limits.handshakeTimeoutMs) {
			http.headersTimeout = this.limits.handshakeTimeoutMs;
		}
		http.on('upgrade', this.#onUpgrade);
		this.#pingTimer = setInterval(() => this.#sweep(), this.limits.pingIntervalMs);
		this.#pingTimer.unref();
	}

	/* ---------------------------------------------------------------- upgrade */

	#onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
		let decision;
		try {
			decision = decideUpgrade(req, this.#dev, {
				origin: this.#rt.config.origin,
				resolve: (creds) => resolveUser(this.#rt, creds),
				admit: (user, docName) => this.#admit(user, docName),
				articleExists: (id) => this.store.articleExists(id)
			});
		} catch (err) {
			console.error('[collab] upgrade check failed', err);
			return reject(socket, 500, 'Internal error');
		}
		if (decision.kind === 'ignore') return;
		if (decision.kind === 'reject') return reject(socket, decision.status, decision.message);
		if (this.#closing) return reject(socket, 503, 'Server shutting down');

		let room = this.rooms.get(decision.docName);
		if (!room) {
			if (this.rooms.size >= this.limits.maxRooms) return reject(socket, 503, 'Too many open documents on this server');
			try {
				room = this.#openRoom(decision.docName, decision.articleId);
			} catch (err) {
				console.error(`[collab] loading ${decision.docName} failed`, err);
				return reject(socket, 503, 'Document could not be loaded');
			}
		}
		const target = room;
		const { user, readOnly, saveStatus, docName } = decision;
		this.#wss.handleUpgrade(req, socket, head, (ws) => {
			const conn = new Connection({ ws, socket, user, docName, readOnly, saveStatus, maxBufferedBytes: this.limits.maxBufferedBytes, outbox: this.outbox });
			this.#attach(target, conn);
		});
		// If ws refused the handshake (bad websocket headers) the room has no client and unloads
		// on its own timer.
	};

	/** Per-user limits; null when admitted. */
	#admit(user: SessionUser, docName: string): string | null {
		const conns = this.#byUser.get(user.id);
		if (!conns) return null;
		if (conns.size >= this.limits.maxSocketsPerUser) return `At most ${this.limits.maxSocketsPerUser} open sockets per user`;
		const docs = new Set<string>();
		for (const c of conns) docs.add(c.docName);
		if (!docs.has(docName) && docs.size >= this.limits.maxDocumentsPerUser) {
			return `At most ${this.limits.maxDocumentsPerUser} open documents per user`;
		}
		return null;
	}

	#openRoom(docName: string, articleId: number): Room {
		const room = new Room(
			{
				store: this.store,
				saver: this.saver,
				limits: this.limits,
				publishText: (data) => this.#rt.events.publish(topics.text, { type: 'text', data }),
				detach: (r) => {
					if (this.rooms.get(r.name) === r) this.rooms.delete(r.name);
				}
			},
			docName,
			articleId
		);
		this.rooms.set(docName, room);
		return room;
	}

	#attach(room: Room, conn: Connection): void {
		let mine = this.#byUser.get(conn.user.id);
		if (!mine) this.#byUser.set(conn.user.id, (mine = new Set()));
		mine.add(conn);

		conn.ws.on('message', (data: RawData, isBinary: boolean) => this.#onMessage(room, conn, data, isBinary));
		conn.ws.on('pong', () => (conn.alive = true));
		conn.ws.on('error', (err) => {
			// ws closes the socket itself (1009 for oversized frames, 1002 for bad framing).
			if (!(err instanceof RangeError)) console.warn(`[collab] socket error (${conn.user.name}, ${conn.docName}): ${err.message}`);
		});
		conn.ws.once('close', () => {
			room.remove(conn);
			mine.delete(conn);
			if (mine.size === 0 && this.#byUser.get(conn.user.id) === mine) this.#byUser.delete(conn.user.id);
		});
		room.add(conn);
	}

	#onMessage(room: Room, conn: Connection, data: RawData, isBinary: boolean): void {
		conn.alive = true;
		// A socket of a room that was reset or shut down is closing; its last frames do nothing.
		if (room.state === 'unloaded') return;
		try {
			if (!isBinary || !Buffer.isBuffer(data)) throw new ProtocolError('text frame');
			dispatch(room, conn, data);
		} catch (err) {
			if (err instanceof ProtocolError) {
				// Garbage costs the sender its socket, nothing else. Log a sample, not a flood.
				if (this.#protocolErrors++ % 100 === 0) {
					console.warn(`[collab] protocol error from ${conn.user.name} on ${conn.docName}: ${err.message} (${this.#protocolErrors} so far)`);
				}
				conn.close(CLOSE_CODES.protocolError.code, CLOSE_CODES.protocolError.reason);
			} else {
				console.error(`[collab] handling a message from ${conn.user.name} on ${conn.docName} failed`, err);
				conn.close(1011, 'internal-error');
			}
		}
	}

	/** Every ping interval: drop sockets that did not answer the last ping, expire presence. */
	#sweep(): void {
		const now = Date.now();
		for (const conns of this.#byUser.values()) {
			for (const conn of conns) {
				if (!conn.alive) {
					conn.ws.terminate();
					continue;
				}
				conn.alive = false;
				try {
					conn.ws.ping();
				} catch {
					conn.ws.terminate();
				}
			}
		}
		for (const room of this.rooms.values()) room.expireAwareness(now);
	}

	/* ---------------------------------------------------------------- CollabControl */

	closeUser(userId: number, code: number, reason: string): void {
		for (const conn of this.#byUser.get(userId) ?? []) conn.close(code, reason);
	}

	async encodeState(docName: string): Promise<Uint8Array> {
		const parsed = parseDocName(docName);
		if (!parsed) throw new Error(`Not a document name: ${docName}`);
		const room = this.rooms.get(docName);
		if (room && room.state === 'open') {
			if (!room.ensureLoaded()) throw new Error(`${docName} could not be loaded`);
			return Y.encodeStateAsUpdate(room.doc);
		}
		return mergeStored(this.store.load(docName));
	}

	async readTargets(docName: string, segmentIds: readonly string[]): Promise<Targets> {
		if (!parseDocName(docName)) throw new Error(`Not a document name: ${docName}`);
		const room = this.rooms.get(docName);
		if (room && room.state === 'open') {
			if (!room.ensureLoaded()) throw new Error(`${docName} could not be loaded`);
			return targetsOfDoc(room.doc, segmentIds);
		}
		return storedTargets(this.store.load(docName), segmentIds);
	}

	async applyServerUpdate(docName: string, update: Uint8Array): Promise<void> {
		const parsed = parseDocName(docName);
		if (!parsed) throw new Error(`Not a document name: ${docName}`);
		validateUpdate(update);
		if (this.#closing) throw new Error('Collaboration server is shutting down');
		let room = this.rooms.get(docName);
		if (!room || room.state !== 'open') {
			if (!this.store.articleExists(parsed.articleId)) throw new Error(`No article ${parsed.articleId}`);
			room = this.#openRoom(docName, parsed.articleId);
		}
		if (!room.acceptUpdate(null, update, null)) throw new Error(`${docName} refused the update`);
		if (!this.saver.flush(true)) throw new Error(`${docName}: update kept in memory but not stored yet (storage error); retrying`);
	}

	/** Saves everything pending, compacts and unloads every room, closes every socket (1001). */
	close(): Promise<void> {
		return (this.#closing ??= this.#close());
	}

	async #close(): Promise<void> {
		this.#http.off('upgrade', this.#onUpgrade);
		clearInterval(this.#pingTimer);
		// New frames after this point are not accepted: rooms stop taking updates.
		if (!this.saver.flush(true)) console.error('[collab] shutdown: pending updates could not be stored');
		for (const room of [...this.rooms.values()]) room.shutdown();
		this.saver.dispose();
		// What the last commit broadcast goes out before the close frames.
		this.outbox.flush();
		const all = [...this.#byUser.values()].flatMap((set) => [...set]);
		const closed = all.map((conn) => new Promise<void>((resolve) => conn.ws.once('close', () => resolve())));
		for (const conn of all) conn.close(CLOSE_CODES.goingAway.code, CLOSE_CODES.goingAway.reason);
		let timer: NodeJS.Timeout | undefined;
		await Promise.race([Promise.all(closed), new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)))]);
		clearTimeout(timer);
		for (const conn of all) conn.ws.terminate();
		this.#wss.close();
		if (this.#rt.collab === this) this.#rt.collab = null;
	}
}

/** Answers a refused upgrade with a plain HTTP response on the raw socket, then closes it. */
function reject(socket: Duplex, status: number, message: string): void {
	if (!socket.writable) {
		socket.destroy();
		return;
	}
	socket.once('error', () => socket.destroy());
	socket.end(rejectionResponse(status, message), () => socket.destroy());
}
