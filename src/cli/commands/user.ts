// `duizhao user add <name> --role <role>`: creates an account from the command line (the
// password is the first line of stdin), printing the new user's id. Works while the
// server runs: SQLite in WAL mode lets both write.
import { parseArgs } from 'node:util';
import type { Io } from '../io.ts';
import { readNewPassword } from '../password.ts';
import { usageError, withDatabase } from '../args.ts';
import { createUser, isRole } from '../../lib/server/auth/users.ts';
import { passwordProblem } from '../../lib/server/auth/passwords.ts';
import { ROLES } from '../../lib/types.ts';

export const summary = 'manage accounts: user add <name> --role <role> (password on stdin)';

const USAGE = `usage: duizhao user add <name> --role ${ROLES.join('|')} [--display-name TEXT] [--data DIR]  (password: first line of stdin)`;

export async function run(args: string[], io: Io): Promise<number> {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: { role: { type: 'string' }, 'display-name': { type: 'string' }, data: { type: 'string' } }
	});
	const [sub, name, ...extra] = positionals;
	if (sub !== 'add' || !name || extra.length) return usageError(io, 'user', USAGE);
	if (!isRole(values.role)) return usageError(io, 'user', `--role must be one of ${ROLES.join(', ')}`);
	const role = values.role;
	const password = await readNewPassword(io.stdin, io.stderr);
	// Checked before opening the database, so a bad password writes nothing at all.
	const problem = passwordProblem(password);
	if (problem) throw new Error(`${problem} (read from the first line of stdin)`);

	return withDatabase(values.data, async (db) => {
		const user = await createUser(db, { name, displayName: values['display-name'], role, password });
		io.stdout.write(`${user.id}\n`);
		return 0;
	});
}
