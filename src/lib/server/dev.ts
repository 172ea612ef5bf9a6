// `vite dev` entry: the same runtime and collab endpoint as production, attached to
// Vite's HTTP server by the plugin in vite.config.ts.
import type { Server } from 'node:http';
import { createRuntime } from './app.ts';
import { attachCollab } from './collab/index.ts';
import { configFromEnv } from './config.ts';
import { setRuntime } from './runtime.ts';

export async function startDevRuntime(httpServer: Server): Promise<() => Promise<void>> {
	const rt = createRuntime(configFromEnv());
	setRuntime(rt);
	const collab = attachCollab(httpServer, rt, { dev: true });
	return async () => {
		await collab.close();
		rt.db.close();
		setRuntime(undefined);
	};
}
