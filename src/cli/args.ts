// What the CLI commands share around their own work: parsing their arguments into one
// stderr line and exit code 2 on a mistake, and opening the database they are pointed at
// (`--data DIR`, else $DUIZHAO_DATA, else ./data).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Io } from './io.ts';
import { configFromEnv } from '../lib/server/config.ts';
import { openDatabase, type DB } from '../lib/server/db/index.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `parseArgs` with positionals allowed. An unknown option or a missing value is written
 * as `duizhao <command>: <what is wrong> (<usage>)` and gives null: the caller returns 2.
 */
export function parseCommandArgs<O extends Options>(io: Io, command: string, usage: string, args: string[], options: O) {
	try {
		return parseArgs({ args, allowPositionals: true, options });
	} catch (err) {
		io.stderr.write(`duizhao ${command}: ${(err as Error).message.split('\n')[0]} (${usage})\n`);
		return null;
	}
}

/** Writes `duizhao <command>: <message>` and gives exit code 2 (a usage mistake). */
export function usageError(io: Io, command: string, message: string): 2 {
	io.stderr.write(`duizhao ${command}: ${message}\n`);
	return 2;
}

/** The data directory a command works on: its `--data` flag, else the configured one. */
export function dataDirOf(flag: string | undefined): string {
	return flag ?? configFromEnv().dataDir;
}

/** Opens (and migrates) the database in `dataDirOf(flag)`, runs `fn` with it and closes it. */
export async function withDatabase<T>(flag: string | undefined, fn: (db: DB) => T | Promise<T>): Promise<T> {
	const config = configFromEnv();
	const db = openDatabase({ dataDir: flag ?? config.dataDir, synchronous: config.synchronous });
	try {
		return await fn(db);
	} finally {
		db.close();
	}
}
