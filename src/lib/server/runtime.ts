// The live server state handed to SvelteKit routes.
//
// adapter-node bundles routes into their own module graph, so a route importing a server
// module gets a second copy of it (STACK-NOTES). The process entry (serve.ts, or dev.ts
// under `vite dev`) builds one Runtime and registers it here under a global symbol; every
// copy of this module reads the same object. Nothing else is module-level state.
import type { DB } from './db/index.ts';
import type { Config } from './config.ts';
import type { Broadcaster } from './events.ts';
import type { FailureLimiter } from './auth/ratelimit.ts';
import type { Targets } from '../ydoc/targets.ts';

/** What the rest of the server may ask of the collaboration endpoint. */
export interface CollabControl {
	/** Closes every socket of this user (deactivated, role changed): see CLOSE_CODES. */
	closeUser(userId: number, code: number, reason: string): void;
	/** The document's current state as one Yjs update, from the live room or storage. */
	encodeState(docName: string): Promise<Uint8Array>;
	/**
	 * The listed segments' English now: read from the live room's document when it is open
	 * (no copy), else from storage (the JSON kept beside a clean snapshot, or the Yjs state).
	 */
	readTargets(docName: string, segmentIds: readonly string[]): Promise<Targets>;
	/** Applies a server-made update (XLIFF import): stored, then sent to connected clients. */
	applyServerUpdate(docName: string, update: Uint8Array): Promise<void>;
	/** Saves everything pending and closes every socket. */
	close(): Promise<void>;
}

export interface Runtime {
	config: Config;
	db: DB;
	/**
	 * Record changes for open pages (topics in events.ts), and internal notices:
	 * the collab server publishes `{type:'text', data:{articleId, segmentIds, userId}}` on
	 * `topics.text` when segments' English changed (debounced), so records (statuses,
	 * claims) can react without the collab server knowing about them.
	 */
	events: Broadcaster;
	/** Set by attachCollab; null in the CLI. */
	collab: CollabControl | null;
	/** Failed sign-ins per IP and name, in memory; created on first use by loginLimiter(). */
	loginLimiter?: FailureLimiter;
}

const KEY = Symbol.for('duizhao.runtime');
type WithRuntime = typeof globalThis & { [KEY]?: Runtime };

export function setRuntime(rt: Runtime | undefined): void {
	(globalThis as WithRuntime)[KEY] = rt;
}

/** The running server's state. Throws when called outside a started server. */
export function runtime(): Runtime {
	const rt = (globalThis as WithRuntime)[KEY];
	if (!rt) throw new Error('Duizhao runtime not started (use `npm start` or `vite dev`)');
	return rt;
}
