// Builds the Runtime from a Config: opens the database and the broadcaster. Shared by the
// production entry (serve.ts), `vite dev` (dev.ts) and the CLI.
import { openDatabase } from './db/index.ts';
import { LocalBroadcaster } from './events.ts';
import type { Config } from './config.ts';
import type { Runtime } from './runtime.ts';

export function createRuntime(config: Config): Runtime {
	const db = openDatabase({ dataDir: config.dataDir });
	return { config, db, events: new LocalBroadcaster(), collab: null };
}
