// The live server state handed to SvelteKit routes.
//
// adapter-node bundles routes into their own module graph, so a route importing a server
// module gets a second copy of it (STACK-NOTES). The process entry (serve.ts, or dev.ts
// under `vite dev`) builds one Runtime and registers it here under a global symbol; every
// copy of this module reads the same object. Nothing else is module-level state.
import type { DB } from './db/index.ts';
import type { Config } from './config.ts';
import type { Broadcaster } from './events.ts';

export interface Runtime {
	config: Config;
	db: DB;
	events: Broadcaster;
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
