// One open document: its Y.Doc, presence, connections, and the path every accepted update
// takes — validated (protocol.ts) → applied here (doc-changes.ts says what it changed) →
// stored at the end of the turn (save-queue.ts) → broadcast, each message encoded and framed
// once, written at the end of the turn (outbox.ts). Also: when to build a lazily loaded
// document (served-doc.ts answers joiners meanwhile), compaction, the "not saved" state, and
// unloading once the last client left and all is stored.
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../types.ts';
import type { TextChanged } from '../events.ts';
import { AwarenessStore } from './awareness.ts';
import { CompactionSchedule } from './compaction-schedule.ts';
import type { Connection } from './connection.ts';
import { DocChanges, type AppliedUpdate } from './doc-changes.ts';
import { binaryFrame } from './frame.ts';
import type { CollabLimits } from './limits.ts';
import type { DocStore } from './persistence.ts';
import { encodeAwareness, encodeSaveStatus, encodeUpdate, SaveState } from './protocol.ts';
import type { AwarenessEntry } from './protocol.ts';
import type { SaveQueue, SaveTarget } from './save-queue.ts';
import { ServedDoc } from './served-doc.ts';
import { TextChangeNotifier } from './text-events.ts';
import { targetsOfDoc } from '../../ydoc/targets.ts';

/** What a room needs from its server. */
export interface RoomHost {
	store: DocStore;
	saver: SaveQueue;
	limits: CollabLimits;
	publishText(change: TextChanged): void;
	/** The room is gone (unloaded or reset): forget it. */
	detach(room: Room): void;
}

/** The origin of updates the server makes itself (an XLIFF import, say). */
const SERVER_ORIGIN = Symbol('server');

/**
 * A lazily loaded room builds its Y.Doc when the first writer answers the server's sync
 * step 1 — which a client does only after it applied the document we sent it, so building
 * (~80 ms for 2,000 pairs) never competes with a joiner's own load — or when any update
 * arrives; this is the fallback for joiners that never answer (reviewers, stock clients).
 */
const BUILD_DELAY_MS = 1000;
/** How often to look whether a joiner's document has gone out. */
const STEP1_POLL_MS = 5;
/** The acknowledgement every commit sends its writers; sockets never modify what they write. */
const SAVED_FRAME = binaryFrame(encodeSaveStatus(SaveState.saved));
/** Presence not renewed for this long is removed (y-protocols' outdatedTimeout). */
export const AWARENESS_TIMEOUT_MS = 30_000;

interface PendingUpdate {
	update: Uint8Array;
	/** The client's own `update` message, forwarded as is; null → encode one. */
	message: Uint8Array | null;
	from: Connection | null;
	userId: number | null;
	segments: Set<string> | null;
}

type RoomState = 'open' | 'closing' | 'unloaded';

export class Room implements SaveTarget {
	readonly name: string;
	readonly articleId: number;
	readonly doc: Y.Doc;
	readonly conns = new Set<Connection>();
	readonly awareness: AwarenessStore;
	#host: RoomHost;
	#state: RoomState = 'open';
	#pending: PendingUpdate[] = [];
	/** Frames that reveal not-yet-stored state: sent right after the next commit. */
	#held: [Connection, Buffer][] = [];
	#served: ServedDoc;
	#changes: DocChanges;
	#lastStoredId = 0;
	#logRows = 0;
	#logBytes = 0;
	#compaction: CompactionSchedule;
	/** Why the last write failed, while it has not succeeded again. */
	#unsaved: string | null = null;
	#segmentIds: Set<string>;
	#text: TextChangeNotifier;
	#buildTimer: NodeJS.Timeout | null = null;
	#storedStep1Scheduled = false;
	#unloadTimer: NodeJS.Timeout | null = null;
	/** The document may not match storage (a stored row or an update failed to apply): never compact it. */
	#damaged = false;
	/** Storage holds the English of the stored state beside the snapshot (or there is no snapshot). */
	#targetsStored: boolean;

	/** Loads the document from storage (synchronous; throws if storage cannot be read). */
	constructor(host: RoomHost, name: string, articleId: number) {
		this.#host = host;
		this.name = name;
		this.articleId = articleId;
		this.awareness = new AwarenessStore({
			maxStatesPerOwner: host.limits.maxAwarenessStatesPerConnection,
			maxStateBytes: host.limits.maxAwarenessStateBytes
		});
		this.#text = new TextChangeNotifier(articleId, host.limits.textEventDebounceMs, (c) => host.publishText(c));
		this.#compaction = new CompactionSchedule(host.limits, () => this.compact());

		this.#segmentIds = new Set(host.store.segmentIds(articleId));
		const stored = host.store.load(name, { targets: false });
		this.#targetsStored = stored.updates.length === 0 && (stored.snapshot === null || stored.hasTargets);
		this.#served = new ServedDoc(stored);
		this.doc = this.#served.doc;
		this.#changes = new DocChanges(this.doc, this.#segmentIds);
		for (const { id, error } of this.#served.refusedRows) {
			this.#damaged = true;
			console.error(`[collab] ${name}: stored update ${id} does not apply; kept, not compacted`, error);
		}
		if (stored.updates.length > 0) {
			for (const row of stored.updates) this.#logBytes += row.data.byteLength;
			this.#lastStoredId = stored.updates.at(-1)!.id;
			this.#logRows = stored.updates.length;
			// A log left by a crash: fold it into the snapshot now, while nobody waits on typing.
			this.compact();
		}
		this.#scheduleUnload();
	}

	get state(): RoomState {
		return this.#state;
	}

	get pendingUpdates(): readonly Uint8Array[] {
		return this.#pending.map((p) => p.update);
	}

	/** Whether the stored state has been applied to `doc`. */
	get loaded(): boolean {
		return this.#served.built;
	}

	/** Log rows written since the last compaction. */
	get logRows(): number {
		return this.#logRows;
	}

	/* ---------------------------------------------------------------- connections */

	add(conn: Connection): void {
		if (this.#unloadTimer) clearTimeout(this.#unloadTimer);
		this.#unloadTimer = null;
		this.conns.add(conn);
		if (!conn.readOnly) {
			// Ask the client for what we lack (its offline edits). Reviewers have nothing to give.
			if (this.loaded) this.#sendAfterCommit(conn, this.#served.step1Frame());
			else {
				conn.needsStep1 = true;
				this.#scheduleStoredStep1();
				this.#scheduleBuild(BUILD_DELAY_MS);
			}
		}
		const states = this.awareness.snapshot();
		if (states.length > 0) conn.send(binaryFrame(encodeAwareness(states)), true);
		if (conn.saveStatus && this.#unsaved) conn.send(binaryFrame(encodeSaveStatus(SaveState.notSaved, this.#unsaved)));
	}

	remove(conn: Connection): void {
		if (!this.conns.delete(conn)) return;
		const removed = this.awareness.removeOwner(conn);
		if (removed.length > 0) this.#broadcastAwareness(removed);
		if (this.#held.length > 0) this.#held = this.#held.filter(([c]) => c !== conn);
		this.#scheduleUnload();
	}

	/* ---------------------------------------------------------------- sync */

	/** Answers a client's sync step 1 with everything it lacks (sync step 2). */
	answerSyncStep1(conn: Connection, stateVector: Uint8Array, empty: boolean): void {
		this.#sendAfterCommit(conn, this.#served.step2Frame(stateVector, empty));
	}

	/**
	 * Applies an update from a writer (or the server, `from` null) and queues it for storage;
	 * it is broadcast once stored. Returns false if the room refused it.
	 */
	acceptUpdate(from: Connection | null, update: Uint8Array, message: Uint8Array | null): boolean {
		if (this.#state !== 'open') return false;
		if (!this.ensureLoaded()) return false;
		let applied: AppliedUpdate;
		try {
			applied = this.#changes.apply(update, from ?? SERVER_ORIGIN);
		} catch (err) {
			// It decoded, yet Yjs could not integrate it. Nothing was broadcast or stored; start
			// the document afresh from storage so no half-applied state survives.
			// The document may be half-changed: never compact it over the good stored state.
			this.#damaged = true;
			console.error(`[collab] ${this.name}: update from ${from?.user.name ?? 'server'} failed to apply; resetting the room`, err);
			from?.close(CLOSE_CODES.protocolError.code, CLOSE_CODES.protocolError.reason);
			this.reset();
			return false;
		}
		// Nothing new (a reconnecting client's step 2 repeats what we have): store nothing.
		if (!applied.effective) return true;
		this.#served.changed();
		this.#pending.push({ update, message, from, userId: from?.user.id ?? null, segments: applied.segments });
		this.#host.saver.markDirty(this);
		return true;
	}

	/* ---------------------------------------------------------------- storage results */

	committed(count: number, lastId: number): void {
		const batch = this.#pending.splice(0, count);
		if (count > 0) {
			this.#lastStoredId = lastId;
			this.#logRows += count;
			for (const p of batch) this.#logBytes += p.update.byteLength;
			this.#broadcastUpdates(batch);
		}
		const held = this.#held;
		this.#held = [];
		for (const [conn, frame] of held) conn.send(frame);

		if (this.#unsaved) {
			this.#unsaved = null;
			this.#sendSaveStatus(SaveState.saved, '', null);
		} else {
			const acked = new Set<Connection>();
			for (const p of batch) if (p.from?.saveStatus && !acked.has(p.from)) acked.add(p.from);
			if (acked.size > 0) this.#sendSaveStatus(SaveState.saved, '', acked);
		}
		for (const p of batch) if (p.segments) this.#text.add(p.userId, p.segments);

		this.#compaction.committed(this.#logRows, this.#logBytes);
		if (this.#state === 'closing' && this.#pending.length === 0) this.#unload();
		else this.#scheduleUnload();
	}

	saveFailed(error: unknown): void {
		if (this.#unsaved) return;
		const code = (error as { code?: unknown })?.code;
		this.#unsaved = `storage error${typeof code === 'string' ? ` (${code})` : ''}`;
		this.#sendSaveStatus(SaveState.notSaved, this.#unsaved, null);
	}

	/** Whether a write failed and has not succeeded since. */
	get unsaved(): boolean {
		return this.#unsaved !== null;
	}

	#sendSaveStatus(state: SaveState, detail: string, only: Set<Connection> | null): void {
		let frame: Buffer | null = null;
		for (const conn of only ?? this.conns) {
			if (!conn.saveStatus) continue;
			frame ??= state === SaveState.saved && detail === '' ? SAVED_FRAME : binaryFrame(encodeSaveStatus(state, detail));
			conn.send(frame);
		}
	}

	/** Each stored update to every other client, encoded and framed once (outbox.ts batches the writes). */
	#broadcastUpdates(batch: PendingUpdate[]): void {
		if (this.conns.size === 0) return;
		for (const p of batch) {
			const frame = binaryFrame(p.message ?? encodeUpdate(p.update));
			for (const conn of this.conns) if (conn !== p.from) conn.send(frame);
		}
	}

	#sendAfterCommit(conn: Connection, frame: Buffer): void {
		if (this.#pending.length > 0) this.#held.push([conn, frame]);
		else conn.send(frame);
	}

	/* ---------------------------------------------------------------- awareness */

	applyAwareness(conn: Connection, entries: AwarenessEntry[]): void {
		const { accepted, violation } = this.awareness.apply(conn, conn.presence, entries, Date.now());
		// Everyone, the sender included: clients treat silence as a dead connection.
		if (accepted.length > 0) this.#broadcastAwareness(accepted);
		if (violation) {
			console.warn(`[collab] ${this.name}: closing ${conn.user.name}: ${violation}`);
			conn.close(CLOSE_CODES.limit.code, CLOSE_CODES.limit.reason);
		}
	}

	/** Answers query-awareness: every present state, to this connection only. */
	sendAwarenessTo(conn: Connection): void {
		conn.send(binaryFrame(encodeAwareness(this.awareness.snapshot())), true);
	}

	/** Drops presence not renewed in time (called by the server's periodic sweep). */
	expireAwareness(now: number): void {
		const removed = this.awareness.expire(now, AWARENESS_TIMEOUT_MS);
		if (removed.length > 0) this.#broadcastAwareness(removed);
	}

	#broadcastAwareness(entries: AwarenessEntry[]): void {
		if (this.conns.size === 0) return;
		const frame = binaryFrame(encodeAwareness(entries));
		for (const conn of this.conns) conn.send(frame, true);
	}

	/* ---------------------------------------------------------------- loading */

	/**
	 * Applies the stored state to `doc` if that has not happened yet. Returns false (and
	 * closes the room) if the stored state does not apply: it stays untouched in storage.
	 */
	ensureLoaded(): boolean {
		if (this.loaded) return true;
		if (this.#buildTimer) clearTimeout(this.#buildTimer);
		this.#buildTimer = null;
		try {
			this.#served.build();
		} catch (err) {
			console.error(`[collab] ${this.name}: stored snapshot does not apply; closing the room, storage untouched`, err);
			this.#damaged = true;
			this.reset();
			return false;
		}
		this.#sendOwedStep1();
		return true;
	}

	/** Sends sync step 1 to every joiner still owed one. */
	#sendOwedStep1(): void {
		for (const conn of this.conns) {
			if (!conn.needsStep1) continue;
			conn.needsStep1 = false;
			this.#sendAfterCommit(conn, this.#served.step1Frame());
		}
	}

	/**
	 * Before the Y.Doc is built: sync step 1 from the stored bytes' state vector (~10 ms for
	 * 2,000 pairs), once the joiners' document (sync step 2) has gone out — the event loop
	 * must not stall while a megabyte still waits in a socket.
	 */
	#scheduleStoredStep1(delayMs = 0): void {
		if (this.#storedStep1Scheduled) return;
		this.#storedStep1Scheduled = true;
		setTimeout(() => {
			this.#storedStep1Scheduled = false;
			if (this.#state !== 'open' || this.loaded) return;
			if ([...this.conns].some((c) => c.needsStep1 && c.sending)) return this.#scheduleStoredStep1(STEP1_POLL_MS);
			try {
				this.#sendOwedStep1();
			} catch {
				// Unreadable stored bytes: building reports it and closes the room.
				this.ensureLoaded();
			}
		}, delayMs);
	}

	#scheduleBuild(delayMs: number): void {
		if (this.#buildTimer || this.#state !== 'open') return;
		this.#buildTimer = setTimeout(() => {
			this.#buildTimer = null;
			if (this.#state === 'open') this.ensureLoaded();
		}, delayMs);
	}

	/* ---------------------------------------------------------------- compaction */

	/**
	 * Folds the log into the snapshot (one transaction): encodes the document and replaces
	 * the snapshot, deleting the rows it covers. Skipped while updates are unstored or the
	 * log is empty. With `withTargets` (unloading) the English is stored beside the snapshot
	 * too, also when the log was already empty; while the room is live it is not worth the
	 * time, and a snapshot stored without it says so (NULL). Returns whether the log is now empty.
	 */
	compact(withTargets = false): boolean {
		if (this.#logRows === 0) {
			if (withTargets && !this.#targetsStored && this.loaded && !this.#damaged) this.#storeTargets();
			return true;
		}
		if (!this.loaded || this.#pending.length > 0 || this.#damaged) return false;
		const state = Y.encodeStateAsUpdate(this.doc);
		const targets = withTargets ? JSON.stringify(targetsOfDoc(this.doc, this.#segmentIds)) : null;
		try {
			this.#host.store.compact(this.name, state, this.#lastStoredId, targets);
		} catch (err) {
			console.error(`[collab] ${this.name}: compaction failed; the log stays (nothing lost)`, err);
			return false;
		}
		this.#targetsStored = withTargets;
		this.#logRows = 0;
		this.#logBytes = 0;
		this.#served.encodedAs(state);
		return true;
	}

	#storeTargets(): void {
		try {
			this.#host.store.putTargets(this.name, JSON.stringify(targetsOfDoc(this.doc, this.#segmentIds)));
			this.#targetsStored = true;
		} catch (err) {
			// Only a shortcut for readers is lost: they build the document from its state.
			console.error(`[collab] ${this.name}: storing the English beside the snapshot failed`, err);
		}
	}

	/* ---------------------------------------------------------------- unloading */

	#scheduleUnload(): void {
		if (this.conns.size > 0 || this.#unloadTimer || this.#state !== 'open') return;
		this.#unloadTimer = setTimeout(() => {
			this.#unloadTimer = null;
			this.tryUnload();
		}, this.#host.limits.unloadDelayMs);
	}

	/**
	 * Unloads if nobody is connected and everything is stored (flushing first). A room whose
	 * writes fail stays in memory; the next successful commit tries again.
	 */
	tryUnload(): boolean {
		if (this.conns.size > 0 || this.#state === 'unloaded') return false;
		if (this.#pending.length > 0 && !this.#host.saver.flush()) return false;
		if (this.#pending.length > 0) return false;
		this.#unload();
		return true;
	}

	#unload(): void {
		if (this.#state === 'unloaded') return;
		this.compact(true);
		this.#state = 'unloaded';
		for (const timer of [this.#buildTimer, this.#unloadTimer]) if (timer) clearTimeout(timer);
		this.#compaction.dispose();
		this.#text.flush();
		this.#held = [];
		this.#host.detach(this);
		this.doc.destroy();
	}

	/**
	 * Takes the room out of service: stores what can be stored, closes every socket with a
	 * retryable code (clients reconnect to a fresh room loaded from storage) and unloads once
	 * nothing is pending.
	 */
	reset(): void {
		if (this.#state !== 'open') return;
		this.#state = 'closing';
		this.#host.detach(this);
		this.#host.saver.flush();
		for (const conn of this.conns) conn.close(1011, 'document-reset');
		if (this.#pending.length === 0) this.#unload();
	}

	/** Shutdown: stores what is pending (throws if it cannot), compacts and unloads. */
	shutdown(): void {
		this.#state = 'closing';
		this.#unload();
	}
}
