// One collaboration socket: who is on it, what they may do, the awareness ids it introduced,
// and how frames reach it. Frames are queued and written at the end of the turn (outbox.ts),
// pre-built (frame.ts) straight to the socket, joined into one write; a client whose unread
// backlog passes the limit is dropped instead of buffering forever.
import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';
import type { SessionUser } from '../../types.ts';
import type { AwarenessOwner, PresenceUser } from './awareness.ts';
import { safeColor } from './awareness.ts';
import type { Outbox, OutboxClient } from './outbox.ts';

export interface ConnectionInit {
	ws: WebSocket;
	/** The raw socket `ws` was set up on (the one passed to `handleUpgrade`). */
	socket: Duplex;
	user: SessionUser;
	docName: string;
	readOnly: boolean;
	/** Opted in to the save-status extension (`?saveStatus=1`). */
	saveStatus: boolean;
	maxBufferedBytes: number;
	outbox: Outbox;
}

export class Connection implements AwarenessOwner, OutboxClient {
	readonly ws: WebSocket;
	readonly socket: Duplex;
	readonly user: SessionUser;
	/** What other clients see in this connection's awareness `user` field. */
	readonly presence: PresenceUser;
	readonly docName: string;
	/** Reviewers: sync step 2 and updates from this socket are dropped (PROTOCOL.md). */
	readonly readOnly: boolean;
	readonly saveStatus: boolean;
	readonly awarenessIds = new Set<number>();
	/** Answered the last ping (or sent anything since). */
	alive = true;
	/** Still owed the server's sync step 1, sent once the document is loaded. */
	needsStep1 = false;
	#maxBuffered: number;
	#outbox: Outbox;
	/** Document frames (updates, sync) queued this turn; written before presence frames. */
	#docFrames: Buffer[] = [];
	#presenceFrames: Buffer[] = [];

	constructor(init: ConnectionInit) {
		this.ws = init.ws;
		this.socket = init.socket;
		this.user = init.user;
		this.presence = { id: init.user.id, name: init.user.displayName || init.user.name, color: safeColor(init.user.color) };
		this.docName = init.docName;
		this.readOnly = init.readOnly;
		this.saveStatus = init.saveStatus;
		this.#maxBuffered = init.maxBufferedBytes;
		this.#outbox = init.outbox;
	}

	get userId(): number {
		return this.user.id;
	}

	get open(): boolean {
		return this.ws.readyState === WebSocket.OPEN;
	}

	/** Frames are queued or bytes still wait in the socket to be written. */
	get sending(): boolean {
		return this.#docFrames.length > 0 || this.#presenceFrames.length > 0 || this.socket.writableLength > 0;
	}

	/**
	 * Queues one complete frame (frame.ts) for the end of this turn. `presence` frames go
	 * after the turn's document frames, so a cursor never arrives before the text it is in.
	 */
	send(frame: Buffer, presence = false): void {
		if (this.ws.readyState !== WebSocket.OPEN) return;
		if (this.#docFrames.length === 0 && this.#presenceFrames.length === 0) this.#outbox.add(this);
		(presence ? this.#presenceFrames : this.#docFrames).push(frame);
	}

	writeQueued(): void {
		const frames = this.#docFrames.length === 0 ? this.#presenceFrames : this.#docFrames.concat(this.#presenceFrames);
		this.#docFrames = [];
		this.#presenceFrames = [];
		if (frames.length === 0 || this.ws.readyState !== WebSocket.OPEN) return;
		if (this.socket.writableLength > this.#maxBuffered) {
			console.warn(`[collab] dropping ${this.user.name} on ${this.docName}: ${this.socket.writableLength} bytes unread`);
			this.ws.terminate();
			return;
		}
		// One buffer, one write: copying a few small frames costs less than a corked writev.
		this.socket.write(frames.length === 1 ? frames[0]! : Buffer.concat(frames));
	}

	/** Starts the closing handshake with a code from CLOSE_CODES (or a standard one). */
	close(code: number, reason: string): void {
		if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
			this.ws.close(code, reason);
		}
	}
}
