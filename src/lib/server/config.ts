// Server configuration, read once from the environment (and CLI flags) at start.
import { resolve } from 'node:path';
import { limitsFromEnv, type CollabLimits } from './collab/limits.ts';
import { SYNCHRONOUS_MODES, type Synchronous } from './db/index.ts';

export interface Config {
	/** Directory holding the SQLite database (`$DUIZHAO_DATA`, default `./data`). */
	dataDir: string;
	/**
	 * SQLite `synchronous` (`$DUIZHAO_SYNCHRONOUS`): `normal` (default) keeps every stored edit
	 * through a crash of the server; `full` also through a power cut, at an fsync per commit.
	 */
	synchronous: Synchronous;
	port: number;
	host: string;
	/**
	 * Public origin (`ORIGIN`, e.g. `https://duizhao.example.org`) when behind a proxy.
	 * Cookie-authenticated websocket upgrades and unsafe requests must come from it;
	 * without it the request's own Host is used.
	 */
	origin: string | null;
	/** Collaboration limits overriding the defaults (collab/limits.ts; env `DUIZHAO_COLLAB_*`). */
	collab?: Partial<CollabLimits>;
}

export function configFromEnv(
	env: NodeJS.ProcessEnv = process.env,
	overrides: Partial<Config> = {}
): Config {
	const port = overrides.port ?? Number(env.PORT ?? 3000);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		throw new Error(`PORT must be an integer 0–65535, got ${JSON.stringify(env.PORT)}`);
	}
	const synchronous = overrides.synchronous ?? (env.DUIZHAO_SYNCHRONOUS || 'normal').toLowerCase();
	if (!(SYNCHRONOUS_MODES as readonly string[]).includes(synchronous)) {
		throw new Error(`DUIZHAO_SYNCHRONOUS must be one of ${SYNCHRONOUS_MODES.join(', ')}, got ${JSON.stringify(env.DUIZHAO_SYNCHRONOUS)}`);
	}
	return {
		dataDir: resolve(overrides.dataDir ?? env.DUIZHAO_DATA ?? './data'),
		synchronous: synchronous as Synchronous,
		port,
		host: overrides.host ?? env.HOST ?? '0.0.0.0',
		origin: overrides.origin ?? env.ORIGIN ?? null,
		collab: { ...limitsFromEnv(env), ...overrides.collab }
	};
}
