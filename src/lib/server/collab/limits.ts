// Named limits of the collaboration endpoint, each with its default and the reason for it.
// Every limit can be set from the environment (`DUIZHAO_COLLAB_<NAME>`, see ENV_NAMES) or by
// whoever builds the Config; PROTOCOL.md in this folder explains how clients see them.

export interface CollabLimits {
	/**
	 * Largest websocket frame accepted (ws `maxPayload`); a bigger one closes the socket with
	 * 1009. A client's first sync step 2 carries its whole offline state, so this must hold a
	 * long article with its history: a 2,000-paragraph article compacts to well under 2 MiB.
	 */
	maxFrameBytes: number;
	/**
	 * Distinct documents one user may have open at once, over all their sockets. y-websocket
	 * carries exactly one document per socket, so this (not a per-socket count) is what stops
	 * one account from loading every article into memory. A desk has a handful of tabs open.
	 */
	maxDocumentsPerUser: number;
	/** Open sockets per user (tabs × documents, plus bots); stops socket exhaustion by one account. */
	maxSocketsPerUser: number;
	/** Documents loaded in memory at once, server-wide; beyond it upgrades get 503. */
	maxRooms: number;
	/**
	 * Awareness client ids one socket may introduce. A y-websocket client has exactly one (its
	 * doc's clientID, reused across reconnects); a few more leave room for unusual clients.
	 * Above it the socket is closed with 4429.
	 */
	maxAwarenessStatesPerConnection: number;
	/** Characters of one awareness state's JSON. Cursors and a user record are ~200. */
	maxAwarenessStateBytes: number;
	/**
	 * Time a client may take to send its upgrade request headers before it has proven who it
	 * is (Node's `headersTimeout` on the HTTP server). Authentication itself is synchronous
	 * once the headers are in, so this bounds how long an unauthenticated socket can live.
	 */
	handshakeTimeoutMs: number;
	/** Ping every this often; a socket that has not answered the previous ping is dropped. */
	pingIntervalMs: number;
	/**
	 * Bytes queued for a socket that does not read (a stalled client); above it the socket is
	 * dropped rather than letting its queue grow the server's memory without bound.
	 */
	maxBufferedBytes: number;
	/** Log rows (accepted updates) after which a loaded document is compacted into its snapshot. */
	compactAfterUpdates: number;
	/** Log bytes after which a loaded document is compacted, whatever the row count. */
	compactAfterBytes: number;
	/**
	 * Past those thresholds, compaction waits for this long without a commit (a pause in the
	 * typing), because everyone's keystrokes wait behind it; at 10× the thresholds it runs at once.
	 */
	compactQuietMs: number;
	/**
	 * Keep a room this long after its last client left before unloading it, so a page reload
	 * does not reload the document from disk. Short, so memory goes back down soon.
	 */
	unloadDelayMs: number;
	/** Debounce of the `text` event that tells records which segments' English changed. */
	textEventDebounceMs: number;
}

export const DEFAULT_LIMITS: Readonly<CollabLimits> = Object.freeze({
	maxFrameBytes: 8 * 1024 * 1024,
	maxDocumentsPerUser: 20,
	maxSocketsPerUser: 40,
	maxRooms: 1000,
	maxAwarenessStatesPerConnection: 4,
	maxAwarenessStateBytes: 16 * 1024,
	handshakeTimeoutMs: 10_000,
	pingIntervalMs: 30_000,
	maxBufferedBytes: 32 * 1024 * 1024,
	compactAfterUpdates: 1000,
	compactAfterBytes: 1024 * 1024,
	compactQuietMs: 1000,
	unloadDelayMs: 1000,
	textEventDebounceMs: 300
});

/** Environment variable for each limit, e.g. `DUIZHAO_COLLAB_MAX_FRAME_BYTES`. */
export const ENV_NAMES: Readonly<Record<keyof CollabLimits, string>> = Object.freeze(
	Object.fromEntries(
		(Object.keys(DEFAULT_LIMITS) as (keyof CollabLimits)[]).map((key) => [
			key,
			'DUIZHAO_COLLAB_' + key.replace(/[A-Z]/g, (c) => '_' + c).toUpperCase()
		])
	) as Record<keyof CollabLimits, string>
);

/**
 * Reads limits from the environment. Only the variables that are set are returned; a value
 * that is not a non-negative integer is a configuration error and stops the start.
 */
export function limitsFromEnv(env: NodeJS.ProcessEnv): Partial<CollabLimits> {
	const out: Partial<CollabLimits> = {};
	for (const key of Object.keys(ENV_NAMES) as (keyof CollabLimits)[]) {
		const raw = env[ENV_NAMES[key]];
		if (raw === undefined || raw === '') continue;
		const value = Number(raw);
		if (!Number.isSafeInteger(value) || value < 0) {
			throw new Error(`${ENV_NAMES[key]} must be a non-negative integer, got ${JSON.stringify(raw)}`);
		}
		out[key] = value;
	}
	return out;
}

/** Defaults overridden by the given values. */
export function resolveLimits(overrides: Partial<CollabLimits> = {}): CollabLimits {
	return { ...DEFAULT_LIMITS, ...overrides };
}
