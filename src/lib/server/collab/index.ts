// Collaboration websocket endpoint (`/collab/article-<id>`), attached to an HTTP server.
// Placeholder until the collaboration-server issue lands: every upgrade is refused.
import type { Server } from 'node:http';
import type { Runtime } from '../runtime.ts';

export interface AttachOptions {
	/** In `vite dev`, leave non-/collab upgrades (Vite's HMR socket) alone. */
	dev: boolean;
}

export interface CollabHandle {
	/** Flushes pending writes and closes every socket. */
	close(): Promise<void>;
}

export function attachCollab(server: Server, _rt: Runtime, opts: AttachOptions): CollabHandle {
	server.on('upgrade', (req, socket) => {
		const path = (req.url ?? '').split('?')[0] ?? '';
		if (opts.dev && !path.startsWith('/collab/')) return;
		socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
	});
	return { close: async () => {} };
}
