import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/index.ts';
import { LocalBroadcaster } from '../events.ts';
import type { Runtime } from '../runtime.ts';
import { DEACTIVATED, signIn, WRONG_CREDENTIALS } from './login.ts';
import { LOGIN_LIMITS } from './ratelimit.ts';
import { resolveUser } from './resolve.ts';
import { createUser, setActive } from './users.ts';

let rt: Runtime;
beforeEach(async () => {
	rt = {
		config: { dataDir: ':memory:', synchronous: 'normal', port: 0, host: '127.0.0.1', origin: null },
		db: openDatabase({ dataDir: ':memory:' }),
		events: new LocalBroadcaster(),
		collab: null
	};
	await createUser(rt.db, { name: 'root', role: 'admin', password: 'root-password' });
	await createUser(rt.db, { name: 'li', role: 'translator', password: 'li-password' });
});
afterEach(() => rt.db.close());

const attempt = (name: string, password: string, ip = '10.0.0.1') => signIn(rt, { ip, name, password });

describe('signIn', () => {
	it('signs in with the right password (name case-insensitive) and the session resolves', async () => {
		const out = await attempt('LI', 'li-password');
		expect(out.ok).toBe(true);
		if (!out.ok) return;
		expect(out.user.name).toBe('li');
		expect(out.user).not.toHaveProperty('passwordHash');
		expect(resolveUser(rt, { sessionId: out.session.id })?.user.id).toBe(out.user.id);
	});

	it('gives one message for a wrong password and an unknown name', async () => {
		expect(await attempt('li', 'wrong-password')).toEqual({ ok: false, status: 400, message: WRONG_CREDENTIALS });
		expect(await attempt('nobody', 'li-password')).toEqual({ ok: false, status: 400, message: WRONG_CREDENTIALS });
		expect(await attempt('', '')).toEqual({ ok: false, status: 400, message: WRONG_CREDENTIALS });
	});

	it('locks a name after 5 failures: the 6th attempt is refused even with the right password', async () => {
		for (let i = 0; i < LOGIN_LIMITS.name.maxFailures; i++) expect((await attempt('li', `guess-${i}`)).ok).toBe(false);
		const locked = await attempt('li', 'li-password', '10.9.9.9');
		expect(locked).toMatchObject({ ok: false, status: 429, message: expect.stringMatching(/Try again in 15 minutes/) });
		// Other names are not affected (this address is below its own limit).
		expect((await attempt('root', 'root-password')).ok).toBe(true);
	});

	it('locks an address after 20 failures across names', async () => {
		for (let i = 0; i < LOGIN_LIMITS.ip.maxFailures; i++) await attempt(`name${i}`, 'wrong-password', '10.0.0.7');
		expect(await attempt('li', 'li-password', '10.0.0.7')).toMatchObject({ status: 429 });
		expect((await attempt('li', 'li-password', '10.0.0.8')).ok).toBe(true);
	});

	it('a successful sign-in clears the name’s failures', async () => {
		for (let i = 0; i < LOGIN_LIMITS.name.maxFailures - 1; i++) await attempt('li', 'wrong-password', `10.1.0.${i}`);
		expect((await attempt('li', 'li-password', '10.2.0.1')).ok).toBe(true);
		for (let i = 0; i < LOGIN_LIMITS.name.maxFailures - 1; i++) await attempt('li', 'wrong-password', `10.3.0.${i}`);
		expect((await attempt('li', 'li-password', '10.2.0.2')).ok).toBe(true);
	});

	it('tells a deactivated user with the right password why, and gives them no session', async () => {
		const li = (await attempt('li', 'li-password')) as { ok: true; user: { id: number } };
		setActive(rt.db, li.user.id, false);
		expect(await attempt('li', 'li-password')).toEqual({ ok: false, status: 403, message: DEACTIVATED });
		expect(await attempt('li', 'wrong-password')).toMatchObject({ status: 400, message: WRONG_CREDENTIALS });
	});
});
