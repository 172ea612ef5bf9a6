import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/index.ts';
import type { Runtime } from '../runtime.ts';
import { LocalBroadcaster } from '../events.ts';
import { resolveUser } from './resolve.ts';
import { createSession, deleteSession, deleteUserSessions, sessionCookieOptions, SESSION_TTL_MS } from './sessions.ts';
import { createToken, listTokens, revokeToken, TOKENS_PER_USER } from './tokens.ts';
import { createUser, setActive } from './users.ts';

let rt: Runtime;
beforeEach(() => {
	const db = openDatabase({ dataDir: ':memory:' });
	rt = { config: { dataDir: ':memory:', synchronous: 'normal', port: 0, host: '127.0.0.1', origin: null }, db, events: new LocalBroadcaster(), collab: null };
});
afterEach(() => rt.db.close());

const user = (name = 'alice') => createUser(rt.db, { name, role: 'translator', password: 'long-enough' });

describe('sessions', () => {
	it('stores only a hash, resolves the cookie, and stops resolving after sign-out', async () => {
		const u = await user();
		const s = createSession(rt.db, u.id);
		expect(s.id.length).toBeGreaterThanOrEqual(43);
		const rows = rt.db.prepare('SELECT id_hash, expires_at FROM sessions').all() as { id_hash: string; expires_at: string }[];
		expect(rows).toHaveLength(1);
		expect(rows[0]!.id_hash).not.toBe(s.id);
		expect(rows[0]!.id_hash).toMatch(/^[0-9a-f]{64}$/);
		expect(resolveUser(rt, { sessionId: s.id })).toMatchObject({ auth: 'cookie', user: { id: u.id, name: 'alice' } });
		deleteSession(rt.db, s.id);
		expect(resolveUser(rt, { sessionId: s.id })).toBeNull();
	});

	it('expires after 30 days and clears expired rows on the next sign-in', async () => {
		const u = await user();
		const old = createSession(rt.db, u.id, new Date(Date.now() - SESSION_TTL_MS - 1000));
		expect(resolveUser(rt, { sessionId: old.id })).toBeNull();
		const fresh = createSession(rt.db, u.id);
		expect(fresh.expiresAt.getTime() - Date.now()).toBeGreaterThan(SESSION_TTL_MS - 60_000);
		expect((rt.db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n).toBe(1);
	});

	it('ends all of a user’s sessions, optionally keeping one, and no one else’s', async () => {
		const a = await user('alice');
		const b = await user('bob');
		const [a1, a2, a3] = [createSession(rt.db, a.id), createSession(rt.db, a.id), createSession(rt.db, a.id)];
		const b1 = createSession(rt.db, b.id);
		expect(deleteUserSessions(rt.db, a.id, a2.id)).toBe(2);
		expect(resolveUser(rt, { sessionId: a1.id })).toBeNull();
		expect(resolveUser(rt, { sessionId: a3.id })).toBeNull();
		expect(resolveUser(rt, { sessionId: a2.id })).not.toBeNull();
		expect(deleteUserSessions(rt.db, a.id)).toBe(1);
		expect(resolveUser(rt, { sessionId: b1.id })).not.toBeNull();
	});

	it('makes the cookie httpOnly, SameSite=Lax, path /, and Secure only over https', () => {
		const expires = new Date();
		expect(sessionCookieOptions(new URL('http://localhost:3000/login'), expires)).toEqual({
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: false,
			expires
		});
		expect(sessionCookieOptions(new URL('https://duizhao.example/login'), expires).secure).toBe(true);
	});
});

describe('tokens', () => {
	it('shows the secret once, lists without it, authenticates until revoked', async () => {
		const u = await user();
		const t = createToken(rt.db, u.id, '  MT bot ');
		expect(t.token).toMatch(/^dzt_[A-Za-z0-9_-]{43}$/);
		expect(t.name).toBe('MT bot');
		const listed = listTokens(rt.db, u.id);
		expect(listed).toEqual([{ id: t.id, name: 'MT bot', createdAt: t.createdAt, lastUsedAt: null }]);
		expect(JSON.stringify(listed)).not.toContain(t.token);
		expect(JSON.stringify(rt.db.prepare('SELECT * FROM tokens').all())).not.toContain(t.token);

		expect(resolveUser(rt, { token: t.token })).toMatchObject({ auth: 'token', user: { id: u.id } });
		expect(listTokens(rt.db, u.id)[0]!.lastUsedAt).not.toBeNull();
		expect(revokeToken(rt.db, u.id, t.id)).toBe(true);
		expect(revokeToken(rt.db, u.id, t.id)).toBe(false);
		expect(resolveUser(rt, { token: t.token })).toBeNull();
		expect(listTokens(rt.db, u.id)).toEqual([]);
	});

	it('lets nobody revoke someone else’s token', async () => {
		const a = await user('alice');
		const b = await user('bob');
		const t = createToken(rt.db, a.id, 'mine');
		expect(revokeToken(rt.db, b.id, t.id)).toBe(false);
		expect(resolveUser(rt, { token: t.token })).not.toBeNull();
	});

	it('stops authenticating while the owner is deactivated', async () => {
		await createUser(rt.db, { name: 'root', role: 'admin', password: 'long-enough' });
		const u = await user();
		const t = createToken(rt.db, u.id, 'bot');
		setActive(rt.db, u.id, false);
		expect(resolveUser(rt, { token: t.token })).toBeNull();
		setActive(rt.db, u.id, true);
		expect(resolveUser(rt, { token: t.token })).not.toBeNull();
	});

	it('refuses bad names and too many tokens', async () => {
		const u = await user();
		expect(() => createToken(rt.db, u.id, '   ')).toThrow(expect.objectContaining({ status: 400 }));
		expect(() => createToken(rt.db, u.id, 'a\nb')).toThrow(expect.objectContaining({ status: 400 }));
		for (let i = 0; i < TOKENS_PER_USER; i++) createToken(rt.db, u.id, `t${i}`);
		expect(() => createToken(rt.db, u.id, 'one more')).toThrow(expect.objectContaining({ status: 409 }));
	});
});
