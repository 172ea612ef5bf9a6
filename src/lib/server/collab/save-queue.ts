// Group commit: every room that accepted updates during this event-loop turn is written in
// ONE transaction at the end of the turn (run by outbox.ts), then each room broadcasts. Nothing
// a client can see is sent before it is stored, and the fsync is paid once per turn instead
// of once per keystroke. A failed write keeps the updates in their rooms and retries with
// backoff; rooms tell their clients "not saved" meanwhile.
import type { DocStore } from './persistence.ts';

/** What the queue needs from a room. */
export interface SaveTarget {
	readonly name: string;
	/** Updates accepted and applied but not stored yet. */
	readonly pendingUpdates: readonly Uint8Array[];
	/** The first `count` pending updates are stored; `lastId` is the newest log row id. */
	committed(count: number, lastId: number): void;
	/** The write failed; the updates stay pending. */
	saveFailed(error: unknown): void;
}

const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 5000;

export class SaveQueue {
	#store: DocStore;
	#dirty = new Set<SaveTarget>();
	#schedule: () => void;
	#retryTimer: NodeJS.Timeout | null = null;
	#retryMs = RETRY_MIN_MS;
	#failures = 0;

	/** `schedule` arranges for `flush` to run at the end of the turn. */
	constructor(store: DocStore, schedule: () => void) {
		this.#store = store;
		this.#schedule = schedule;
	}

	/** Whether the last write failed and a retry is waiting. */
	get failing(): boolean {
		return this.#failures > 0;
	}

	/** A room has new pending updates: write them at the end of this turn. */
	markDirty(target: SaveTarget): void {
		this.#dirty.add(target);
		if (this.#retryTimer === null) this.#schedule();
	}

	/**
	 * Writes every dirty room's pending updates in one transaction, synchronously. Returns
	 * false if the write failed (a retry is scheduled). While waiting for a retry, only a
	 * `force`d flush (unload, shutdown, a server-made update) tries before the backoff ends.
	 */
	flush(force = false): boolean {
		if (this.#dirty.size === 0) return true;
		if (this.#retryTimer !== null && !force) return false;
		const targets = [...this.#dirty];
		const counts = targets.map((t) => t.pendingUpdates.length);
		const rows = targets.flatMap((t) => t.pendingUpdates.map((data) => ({ doc: t.name, data })));
		let ids: number[] = [];
		try {
			if (rows.length > 0) ids = this.#store.append(rows);
		} catch (err) {
			this.#failures++;
			// Log the first failure and then every 20th, not every retry.
			if (this.#failures === 1 || this.#failures % 20 === 0) {
				console.error(`[collab] storing ${rows.length} update(s) failed (attempt ${this.#failures}); kept in memory, retrying`, err);
			}
			for (const t of targets) t.saveFailed(err);
			this.#scheduleRetry();
			return false;
		}
		if (this.#failures > 0) console.error(`[collab] storage recovered after ${this.#failures} failed attempt(s)`);
		this.#failures = 0;
		this.#retryMs = RETRY_MIN_MS;
		if (this.#retryTimer) clearTimeout(this.#retryTimer);
		this.#retryTimer = null;
		this.#dirty.clear();
		let end = 0;
		targets.forEach((t, i) => {
			end += counts[i]!;
			t.committed(counts[i]!, counts[i]! > 0 ? ids[end - 1]! : 0);
		});
		return true;
	}

	#scheduleRetry(): void {
		if (this.#retryTimer) return;
		this.#retryTimer = setTimeout(() => {
			this.#retryTimer = null;
			this.#schedule();
		}, this.#retryMs);
		this.#retryMs = Math.min(this.#retryMs * 2, RETRY_MAX_MS);
	}

	/** Stops retrying (shutdown); pending updates are the rooms' to flush or lose. */
	dispose(): void {
		if (this.#retryTimer) clearTimeout(this.#retryTimer);
		this.#retryTimer = null;
	}
}
