// Collaboration websocket endpoint (`/collab/article-<id>`, y-websocket protocol), attached
// to an HTTP server in both `vite dev` and production. The pieces, one job each:
// upgrade.ts (admission), server.ts (lifecycle), connection.ts (one socket), room.ts (one
// document; served-doc.ts loads it and answers joiners, doc-changes.ts reads what an update
// changed), handlers.ts + protocol.ts (messages), awareness.ts (presence rules),
// persistence.ts + save-queue.ts (SQLite), limits.ts (settings). Wire spec: PROTOCOL.md.
import type { Server } from 'node:http';
import type { Runtime } from '../runtime.ts';
import { CollabServer } from './server.ts';
import type { CollabLimits } from './limits.ts';

export interface AttachOptions {
	/** In `vite dev`, leave non-/collab upgrades (Vite's HMR socket) alone; in production refuse them. */
	dev: boolean;
	/** Limit overrides on top of `rt.config.collab`. */
	limits?: Partial<CollabLimits>;
}

export interface CollabHandle {
	/** Flushes pending writes, compacts and closes every socket (1001). */
	close(): Promise<void>;
}

/** Starts the collaboration endpoint on `server` and registers it as `rt.collab`. */
export function attachCollab(server: Server, rt: Runtime, opts: AttachOptions): CollabHandle {
	const collab = new CollabServer(server, rt, opts);
	rt.collab = collab;
	return { close: () => collab.close() };
}
