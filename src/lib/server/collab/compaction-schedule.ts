// When a room folds its update log into the snapshot. Past the thresholds (log rows or
// bytes) it waits for a pause in the typing — `compactQuietMs` with no commit — because
// compaction holds the event loop for an encode and a commit that everyone's keystrokes
// would wait behind. Continuous typing that takes the log to COMPACT_FORCE_FACTOR × the
// thresholds compacts anyway (after the turn's broadcasts), so the log a crash leaves stays
// bounded. The room does the compacting; this only says when.
import type { CollabLimits } from './limits.ts';

/** A room past its thresholds compacts at once when the log reaches this many times them. */
export const COMPACT_FORCE_FACTOR = 10;

type Limits = Pick<CollabLimits, 'compactAfterUpdates' | 'compactAfterBytes' | 'compactQuietMs'>;

export class CompactionSchedule {
	#limits: Limits;
	#compact: () => void;
	#quietTimer: NodeJS.Timeout | null = null;
	#queued = false;
	#disposed = false;

	constructor(limits: Limits, compact: () => void) {
		this.#limits = limits;
		this.#compact = compact;
	}

	/** A commit left the log at `rows` rows and `bytes` bytes since the last compaction. */
	committed(rows: number, bytes: number): void {
		if (this.#disposed) return;
		const { compactAfterUpdates, compactAfterBytes, compactQuietMs } = this.#limits;
		if (rows < compactAfterUpdates && bytes < compactAfterBytes) return;
		if (rows >= compactAfterUpdates * COMPACT_FORCE_FACTOR || bytes >= compactAfterBytes * COMPACT_FORCE_FACTOR) {
			this.#soon();
		} else {
			// Another commit: the pause starts again (with the limit as it is now).
			this.#clearQuiet();
			this.#quietTimer = setTimeout(() => {
				this.#quietTimer = null;
				this.#soon();
			}, compactQuietMs);
		}
	}

	/** The room is gone: nothing more runs. */
	dispose(): void {
		this.#disposed = true;
		this.#clearQuiet();
	}

	/** Compacts after this turn's broadcasts have gone out. */
	#soon(): void {
		this.#clearQuiet();
		if (this.#queued) return;
		this.#queued = true;
		setImmediate(() => {
			this.#queued = false;
			if (!this.#disposed) this.#compact();
		});
	}

	#clearQuiet(): void {
		if (this.#quietTimer) clearTimeout(this.#quietTimer);
		this.#quietTimer = null;
	}
}
