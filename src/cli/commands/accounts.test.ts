// The account commands run in-process against a temp data dir, with stdin as a pipe.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../main.ts';
import { openDatabase } from '../../lib/server/db/index.ts';
import { findForLogin } from '../../lib/server/auth/users.ts';
import { verifyPassword } from '../../lib/server/auth/passwords.ts';
import { hashSecret } from '../../lib/server/auth/secrets.ts';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'duizhao-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[], stdin = '') {
	let stdout = '';
	let stderr = '';
	const code = await main([...args, '--data', dir], {
		stdin: Readable.from([Buffer.from(stdin)]),
		stdout: { write: (s: string | Uint8Array) => (stdout += s.toString()) },
		stderr: { write: (s: string | Uint8Array) => (stderr += s.toString()) }
	});
	return { code, stdout, stderr };
}

function inDb<T>(fn: (db: ReturnType<typeof openDatabase>) => T): T {
	const db = openDatabase({ dataDir: dir });
	try {
		return fn(db);
	} finally {
		db.close();
	}
}

describe('duizhao user add', () => {
	it('creates the user from the first line of stdin and prints the id', async () => {
		const out = await cli(['user', 'add', 'li.wei', '--role', 'translator'], 'first-line-pw\nsecond line ignored\n');
		expect(out).toEqual({ code: 0, stdout: '1\n', stderr: '' });
		const user = inDb((db) => findForLogin(db, 'li.wei'))!;
		expect(user).toMatchObject({ id: 1, role: 'translator', displayName: 'li.wei' });
		expect(await verifyPassword(user.passwordHash, 'first-line-pw')).toBe(true);
	});

	it('accepts a password without a trailing newline, and CRLF', async () => {
		expect((await cli(['user', 'add', 'a', '--role', 'editor'], 'no-newline-pw')).code).toBe(0);
		expect((await cli(['user', 'add', 'b', '--role', 'editor'], 'windows-pw\r\n')).code).toBe(0);
		expect(await verifyPassword(inDb((db) => findForLogin(db, 'a'))!.passwordHash, 'no-newline-pw')).toBe(true);
		expect(await verifyPassword(inDb((db) => findForLogin(db, 'b'))!.passwordHash, 'windows-pw')).toBe(true);
	});

	it('refuses a short password, a bad role, a taken name: one stderr line, non-zero, nothing written', async () => {
		const short = await cli(['user', 'add', 'x', '--role', 'editor'], 'short\n');
		expect(short.code).not.toBe(0);
		expect(short.stderr).toMatch(/^duizhao user: Password must be at least 8 characters.*\n$/);
		expect(short.stdout).toBe('');
		const role = await cli(['user', 'add', 'x', '--role', 'boss'], 'long-enough\n');
		expect(role.code).not.toBe(0);
		expect(role.stderr.trim().split('\n')).toHaveLength(1);
		expect(inDb((db) => findForLogin(db, 'x'))).toBeNull();

		expect((await cli(['user', 'add', 'x', '--role', 'editor'], 'long-enough\n')).code).toBe(0);
		const taken = await cli(['user', 'add', 'X', '--role', 'editor'], 'long-enough\n');
		expect(taken.code).not.toBe(0);
		expect(taken.stderr).toMatch(/already taken/);
	});

	it('prints usage for a missing subcommand or name', async () => {
		const out = await cli(['user', 'remove', 'x']);
		expect(out.code).toBe(2);
		expect(out.stderr).toMatch(/^duizhao user: usage/);
	});
});

describe('duizhao token create', () => {
	it('prints just the token, stored only as its hash', async () => {
		await cli(['user', 'add', 'bot', '--role', 'translator'], 'bot-password\n');
		const out = await cli(['token', 'create', 'BOT']);
		expect(out.code).toBe(0);
		expect(out.stdout).toMatch(/^dzt_[A-Za-z0-9_-]{43}\n$/);
		const token = out.stdout.trim();
		const row = inDb((db) => db.prepare('SELECT user_id, token_hash FROM tokens').get()) as { user_id: number; token_hash: string };
		expect(row).toEqual({ user_id: 1, token_hash: hashSecret(token) });
	});

	it('refuses an unknown or deactivated user', async () => {
		const unknown = await cli(['token', 'create', 'nobody']);
		expect(unknown.code).not.toBe(0);
		expect(unknown.stderr).toBe('duizhao token: no user named "nobody"\n');
		await cli(['user', 'add', 'root', '--role', 'admin'], 'root-password\n');
		await cli(['user', 'add', 'gone', '--role', 'editor'], 'gone-password\n');
		inDb((db) => db.prepare("UPDATE users SET active = 0 WHERE name = 'gone'").run());
		const gone = await cli(['token', 'create', 'gone']);
		expect(gone.code).not.toBe(0);
		expect(gone.stderr).toMatch(/deactivated/);
		expect(gone.stdout).toBe('');
	});
});
