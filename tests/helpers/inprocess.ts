// Test fixture: the collaboration endpoint in this process — a temp data dir, a Runtime on
// real SQLite, a plain HTTP server on port 0 with attachCollab — for unit tests that talk to
// the collab server both through sockets and through CollabControl. Short unload and
// text-notice delays so tests do not wait.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime } from '../../src/lib/server/app.ts';
import { configFromEnv } from '../../src/lib/server/config.ts';
import type { Runtime } from '../../src/lib/server/runtime.ts';
import { attachCollab, type CollabHandle } from '../../src/lib/server/collab/index.ts';

export interface InProcessCollab {
	dir: string;
	rt: Runtime;
	http: Server;
	handle: CollabHandle;
	/** `ws://127.0.0.1:<port>` */
	wsBase: string;
	/** Closes the endpoint and the HTTP server, the database, and removes the data dir. */
	close(): Promise<void>;
}

export async function startInProcessCollab(prefix: string): Promise<InProcessCollab> {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	const rt = createRuntime(configFromEnv({}, { dataDir: dir, collab: { unloadDelayMs: 50, textEventDebounceMs: 50 } }));
	const http = createServer((_req, res) => res.end());
	const handle = attachCollab(http, rt, { dev: false });
	await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
	return {
		dir,
		rt,
		http,
		handle,
		wsBase: `ws://127.0.0.1:${(http.address() as AddressInfo).port}`,
		async close() {
			await handle.close();
			await new Promise<void>((r) => {
				http.close(() => r());
				http.closeAllConnections();
			});
			rt.db.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
