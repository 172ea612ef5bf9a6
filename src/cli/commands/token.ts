// `duizhao token create <name>`: creates a personal access token for that user and prints
// it once (stdout, just the token), for scripts and bots. Works while the server runs.
import { parseArgs } from 'node:util';
import type { Io } from '../io.ts';
import { usageError, withDatabase } from '../args.ts';
import { findForLogin } from '../../lib/server/auth/users.ts';
import { createToken } from '../../lib/server/auth/tokens.ts';

export const summary = 'personal access tokens: token create <user name> [--label TEXT]';

const USAGE = 'usage: duizhao token create <user name> [--label TEXT] [--data DIR]';

export async function run(args: string[], io: Io): Promise<number> {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: { label: { type: 'string' }, data: { type: 'string' } }
	});
	const [sub, name, ...extra] = positionals;
	if (sub !== 'create' || !name || extra.length) return usageError(io, 'token', USAGE);
	return withDatabase(values.data, (db) => {
		const user = findForLogin(db, name);
		if (!user) throw new Error(`no user named "${name}"`);
		if (!user.active) throw new Error(`user "${user.name}" is deactivated; reactivate them first`);
		const label = values.label ?? `cli ${new Date().toISOString().slice(0, 10)}`;
		io.stdout.write(`${createToken(db, user.id, label).token}\n`);
		return 0;
	});
}
