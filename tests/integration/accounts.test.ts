// Accounts against the real production server: first-run setup, sign-in with its rate
// limit, sessions, sign-out, CLI tokens, deactivation, role changes, admin-only routes
// and the CSRF check. One server for the file; the tests build on each other in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';
import { runCli } from '../helpers/cli.ts';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.dispose();
});

const COOKIE = 'duizhao_session';

/** Runs the CLI against the server's data dir (WAL: while it runs). */
const cli = (args: string[], stdin = '') => runCli(args, { dataDir: server.dataDir, stdin });

interface Opts {
	session?: string;
	token?: string;
	origin?: string | null;
}

function headers(o: Opts, extra: Record<string, string> = {}): Record<string, string> {
	const h: Record<string, string> = { ...extra };
	if (o.session) h.cookie = `${COOKIE}=${o.session}`;
	if (o.token) h.authorization = `Bearer ${o.token}`;
	const origin = o.origin === undefined ? new URL(server.url).origin : o.origin;
	if (origin) h.origin = origin;
	return h;
}

const get = (path: string, o: Opts = {}) => fetch(server.url + path, { redirect: 'manual', headers: headers(o, { accept: 'text/html' }) });

/** A form post the way a browser sends it (no JavaScript): urlencoded, with Origin. */
const post = (path: string, fields: Record<string, string>, o: Opts = {}) =>
	fetch(server.url + path, {
		method: 'POST',
		redirect: 'manual',
		headers: headers(o, { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }),
		body: new URLSearchParams(fields)
	});

const apiCall = (method: string, path: string, body: unknown, o: Opts) =>
	fetch(server.url + path, {
		method,
		headers: headers({ ...o, origin: o.origin ?? null }, { 'content-type': 'application/json' }),
		body: JSON.stringify(body)
	});

/** The session cookie set by a response, with its attributes. */
function sessionCookie(res: Response): { value: string; attrs: string[] } | null {
	const line = res.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`));
	if (!line) return null;
	const [pair, ...attrs] = line.split(/;\s*/);
	return { value: pair!.slice(COOKIE.length + 1), attrs: attrs.map((a) => a.toLowerCase()) };
}

async function signIn(name: string, password: string, next?: string): Promise<string> {
	const res = await post(`/login${next ? `?next=${encodeURIComponent(next)}` : ''}`, { name, password, next: next ?? '' });
	expect(res.status, await res.clone().text()).toBe(303);
	const cookie = sessionCookie(res);
	expect(cookie).not.toBeNull();
	return cookie!.value;
}

const ids: Record<string, number> = {};
let rootSession = '';
let rootToken = '';
let liToken = '';

describe('first run', () => {
	it('sends every page to /setup while no account exists, and leaves the API alone', async () => {
		for (const path of ['/', '/login', '/admin/users', '/account']) {
			const res = await get(path);
			expect(res.status, path).toBe(303);
			expect(res.headers.get('location'), path).toBe('/setup');
		}
		expect((await get('/setup')).status).toBe(200);
		expect((await get('/api/health')).status).toBe(200);
		const api = await get('/api/users');
		expect(api.status).toBe(401);
		expect((await api.json()).error.code).toBe('unauthorized');
	});

	it('refuses a setup with mismatched passwords and writes nothing', async () => {
		const res = await post('/setup', { name: 'root', displayName: 'Root', password: 'root-password', confirm: 'root-passw0rd' });
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('The two passwords are not the same');
		expect((await get('/')).headers.get('location')).toBe('/setup');
	});

	it('creates the first admin, signs them in with an httpOnly SameSite=Lax cookie, and goes home', async () => {
		const res = await post('/setup', { name: 'root', displayName: 'Root Admin', password: 'root-password', confirm: 'root-password' });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/?welcome=1');
		const cookie = sessionCookie(res)!;
		expect(cookie.value.length).toBeGreaterThanOrEqual(43);
		expect(cookie.attrs).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
		expect(cookie.attrs).not.toContain('secure'); // plain http here; Secure over https
		rootSession = cookie.value;
		const home = await get('/?welcome=1', { session: rootSession });
		expect(home.status).toBe(200);
		expect(await home.text()).toContain('Root Admin');
	});

	it('works once: afterwards /setup redirects to sign-in and the action refuses', async () => {
		const page = await get('/setup');
		expect(page.status).toBe(303);
		expect(page.headers.get('location')).toBe('/login');
		const fields = { name: 'intruder', displayName: '', password: 'intruder-pw', confirm: 'intruder-pw' };
		// Without JavaScript the refused action re-renders the page, whose load sends you to sign-in.
		const again = await post('/setup', fields);
		expect(again.status).toBe(303);
		expect(again.headers.get('location')).toBe('/login');
		expect(sessionCookie(again)).toBeNull();
		// With JavaScript (use:enhance) the form gets the 409 and its message.
		const enhanced = await fetch(`${server.url}/setup`, {
			method: 'POST',
			headers: { ...headers({}), 'x-sveltekit-action': 'true', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(fields)
		});
		const body = await enhanced.json();
		expect(body).toMatchObject({ type: 'failure', status: 409 });
		expect(body.data).toContain('Setup is already done');
		expect(sessionCookie(enhanced)).toBeNull();
		const users = await (await get('/api/users', { session: rootSession })).json();
		expect(users.users.map((u: { name: string }) => u.name)).toEqual(['root']);
	});
});

describe('CLI', () => {
	it('adds users from a pipe and creates tokens that authenticate as Bearer', async () => {
		const li = await cli(['user', 'add', 'li', '--role', 'translator'], 'li-password\n');
		expect(li.stderr).toBe('');
		expect(li.code).toBe(0);
		ids.li = Number(li.stdout.trim());
		expect(ids.li).toBeGreaterThan(1);

		const short = await cli(['user', 'add', 'tiny', '--role', 'translator'], 'short\n');
		expect(short.code).not.toBe(0);
		expect(short.stderr.trim().split('\n')).toHaveLength(1);

		const rootTok = await cli(['token', 'create', 'root']);
		expect(rootTok.code).toBe(0);
		rootToken = rootTok.stdout.trim();
		expect(rootToken).toMatch(/^dzt_/);
		liToken = (await cli(['token', 'create', 'li'])).stdout.trim();

		const listed = await get('/api/users', { token: rootToken });
		expect(listed.status).toBe(200);
		expect((await listed.json()).users.map((u: { name: string }) => u.name)).toEqual(['li', 'root']);
	});
});

describe('sign-in', () => {
	it('redirects anonymous page requests to /login with the way back', async () => {
		const res = await get('/admin/users?x=1');
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/login?next=%2Fadmin%2Fusers%3Fx%3D1');
	});

	it('signs in, goes to a safe ?next=, and never to another site', async () => {
		const ok = await post('/login?next=/account', { name: 'li', password: 'li-password', next: '/account' });
		expect(ok.status).toBe(303);
		expect(ok.headers.get('location')).toBe('/account');
		const cookie = sessionCookie(ok)!;
		expect(cookie.attrs).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
		expect((await get('/account', { session: cookie.value })).status).toBe(200);

		const evil = await post('/login', { name: 'li', password: 'li-password', next: '//evil.example/x' });
		expect(evil.headers.get('location')).toBe('/');
	});

	it('answers a wrong password with one clear message, and rate-limits the 6th attempt', async () => {
		await cli(['user', 'add', 'wang', '--role', 'reviewer'], 'wang-password\n');
		const unknown = await post('/login', { name: 'nobody-here', password: 'whatever-pw' });
		expect(unknown.status).toBe(400);
		expect(await unknown.text()).toContain('Wrong name or password');
		for (let i = 1; i <= 5; i++) {
			const res = await post('/login', { name: 'wang', password: `wrong-${i}` });
			expect(res.status, `attempt ${i}`).toBe(400);
			const html = await res.text();
			expect(html).toContain('Wrong name or password');
			expect(html).not.toContain('wrong-');
			expect(sessionCookie(res)).toBeNull();
		}
		// Locked now: even the right password is refused, with the wait.
		const sixth = await post('/login', { name: 'wang', password: 'wang-password' });
		expect(sixth.status).toBe(429);
		expect(await sixth.text()).toMatch(/Too many failed sign-in attempts\. Try again in \d+ minutes?\./);
		expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(sessionCookie(sixth)).toBeNull();
		// Another name from the same address is not locked.
		await signIn('li', 'li-password');
	});

	it('the enhanced (JavaScript) form gets the same failure as JSON', async () => {
		const res = await fetch(`${server.url}/login`, {
			method: 'POST',
			headers: { ...headers({}), 'x-sveltekit-action': 'true', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ name: 'li', password: 'nope-nope' })
		});
		const body = await res.json();
		expect(body.type).toBe('failure');
		expect(body.status).toBe(400);
		expect(body.data).toContain('Wrong name or password');
	});

	it('sign-out deletes the session on the server, so the old cookie stops working', async () => {
		const session = await signIn('li', 'li-password');
		expect((await get('/account', { session })).status).toBe(200);
		const out = await post('/logout', {}, { session });
		expect(out.status).toBe(303);
		expect(out.headers.get('location')).toBe('/login');
		expect(out.headers.getSetCookie().join()).toMatch(/duizhao_session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i);
		// Replaying the old cookie (as a thief would) gets nowhere.
		const replay = await get('/account', { session });
		expect(replay.status).toBe(303);
		expect(replay.headers.get('location')).toBe('/login?next=%2Faccount');
	});
});

describe('own account', () => {
	it('changes the password with the current one; other sessions end, this one stays', async () => {
		await cli(['user', 'add', 'chen', '--role', 'editor'], 'chen-password\n');
		const elsewhere = await signIn('chen', 'chen-password');
		const session = await signIn('chen', 'chen-password');
		const wrong = await post('/account?/password', { current: 'not-it-at-all', password: 'chen-new-password', confirm: 'chen-new-password' }, { session });
		expect(wrong.status).toBe(400);
		expect(await wrong.text()).toContain('Your current password is not right');
		const mismatch = await post('/account?/password', { current: 'chen-password', password: 'chen-new-password', confirm: 'chen-new-passw0rd' }, { session });
		expect(mismatch.status).toBe(400);
		const ok = await post('/account?/password', { current: 'chen-password', password: 'chen-new-password', confirm: 'chen-new-password' }, { session });
		expect(ok.status).toBe(200);
		expect(await ok.text()).toContain('1 other session signed out');
		expect((await get('/account', { session })).status).toBe(200);
		expect((await get('/account', { session: elsewhere })).status).toBe(303);
		const old = await post('/login', { name: 'chen', password: 'chen-password' });
		expect(old.status).toBe(400);
		await signIn('chen', 'chen-new-password');
	});
});

describe('administration', () => {
	it('non-admins get 403 on admin pages, actions and API', async () => {
		const session = await signIn('li', 'li-password');
		const page = await get('/admin/users', { session });
		expect(page.status).toBe(403);
		expect(await page.text()).toContain('Only administrators can manage users');
		const action = await post('/admin/users?/create', { name: 'sneaky', role: 'admin', password: 'sneaky-password' }, { session });
		expect(action.status).toBe(403);
		expect((await get('/api/users', { token: liToken })).status).toBe(403);
		const patch = await apiCall('PATCH', `/api/users/${ids.li}`, { role: 'admin' }, { token: liToken });
		expect(patch.status).toBe(403);
		expect((await patch.json()).error.code).toBe('forbidden');
		const users = await (await get('/api/users', { token: rootToken })).json();
		expect(users.users.map((u: { name: string; role: string }) => `${u.name}:${u.role}`)).toEqual(['chen:editor', 'li:translator', 'root:admin', 'wang:reviewer']);
	});

	it('adds a user from the admin page; the new user can sign in', async () => {
		const res = await post('/admin/users?/create', { name: 'zhao', displayName: 'Zhao Min', role: 'editor', password: 'zhao-password' }, { session: rootSession });
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('Added Zhao Min (zhao) as editor');
		const taken = await post('/admin/users?/create', { name: 'ZHAO', displayName: '', role: 'editor', password: 'zhao-password' }, { session: rootSession });
		expect(taken.status).toBe(409);
		await signIn('zhao', 'zhao-password');
	});

	it('a role change takes effect on the next request', async () => {
		expect((await get('/api/users', { token: liToken })).status).toBe(403);
		const res = await post('/admin/users?/role', { id: String(ids.li), role: 'admin' }, { session: rootSession });
		expect(res.status).toBe(200);
		expect((await get('/api/users', { token: liToken })).status).toBe(200);
		const back = await apiCall('PATCH', `/api/users/${ids.li}`, { role: 'translator' }, { token: rootToken });
		expect(back.status).toBe(200);
		expect((await back.json()).role).toBe('translator');
		expect((await get('/api/users', { token: liToken })).status).toBe(403);
	});

	it('deactivation stops the user’s token and session at once (401); reactivation restores the token', async () => {
		const session = await signIn('li', 'li-password');
		const res = await post('/admin/users?/deactivate', { id: String(ids.li) }, { session: rootSession });
		expect(res.status).toBe(200);
		const viaToken = await get('/api/users', { token: liToken });
		expect(viaToken.status).toBe(401);
		expect((await viaToken.json()).error.code).toBe('unauthorized');
		expect((await get('/api/users', { session })).status).toBe(401);
		const login = await post('/login', { name: 'li', password: 'li-password' });
		expect(login.status).toBe(403);
		expect(await login.text()).toContain('deactivated');

		await post('/admin/users?/reactivate', { id: String(ids.li) }, { session: rootSession });
		expect((await get('/api/users', { token: liToken })).status).toBe(403); // authenticated again, still not admin
		expect((await get('/api/users', { session })).status).toBe(401); // sessions stay ended
	});

	it('a password reset ends the user’s sessions and the new password works', async () => {
		const session = await signIn('zhao', 'zhao-password');
		const bad = await post('/admin/users?/password', { id: String(ids.li), password: 'short' }, { session: rootSession });
		expect(bad.status).toBe(400);
		const users = (await (await get('/api/users', { token: rootToken })).json()).users as { id: number; name: string }[];
		const zhao = users.find((u) => u.name === 'zhao')!;
		expect((await post('/admin/users?/password', { id: String(zhao.id), password: 'zhao-new-password' }, { session: rootSession })).status).toBe(200);
		expect((await get('/account', { session })).status).toBe(303);
		await signIn('zhao', 'zhao-new-password');
	});

	it('the last active admin cannot deactivate or demote themself (409)', async () => {
		const deactivate = await post('/admin/users?/deactivate', { id: '1' }, { session: rootSession });
		expect(deactivate.status).toBe(409);
		expect(await deactivate.text()).toContain('last active administrator');
		expect((await post('/admin/users?/role', { id: '1', role: 'editor' }, { session: rootSession })).status).toBe(409);
		const api = await apiCall('PATCH', '/api/users/1', { active: false }, { token: rootToken });
		expect(api.status).toBe(409);
		expect((await api.json()).error.code).toBe('conflict');
		expect((await get('/api/users', { token: rootToken })).status).toBe(200);
	});

	it('the JSON API validates input and answers with the error shape', async () => {
		const created = await apiCall('POST', '/api/users', { name: 'bot', role: 'translator', password: 'bot-password' }, { token: rootToken });
		expect(created.status).toBe(201);
		const bot = await created.json();
		expect(bot).toMatchObject({ name: 'bot', displayName: 'bot', role: 'translator', active: true });
		expect(bot.color).toMatch(/^#[0-9a-f]{6}$/);
		expect(JSON.stringify(bot)).not.toMatch(/password|argon/i);
		for (const body of [{ name: 'x y', role: 'translator', password: 'long-enough' }, { name: 'x', role: 'boss', password: 'long-enough' }, { name: 'x', role: 'editor' }]) {
			const res = await apiCall('POST', '/api/users', body, { token: rootToken });
			expect(res.status, JSON.stringify(body)).toBe(400);
			expect((await res.json()).error.code).toBe('bad_request');
		}
		expect((await apiCall('PATCH', `/api/users/${bot.id}`, { role: 'boss' }, { token: rootToken })).status).toBe(400);
		expect((await apiCall('PATCH', `/api/users/${bot.id}`, { colour: 'red' }, { token: rootToken })).status).toBe(400);
		expect((await apiCall('PATCH', '/api/users/9999', { active: true }, { token: rootToken })).status).toBe(404);
	});
});

describe('CSRF', () => {
	it('refuses cookie-authenticated posts from another origin or with no Origin', async () => {
		const foreign = await post('/admin/users?/create', { name: 'csrf', role: 'admin', password: 'csrf-password' }, { session: rootSession, origin: 'https://evil.example' });
		expect(foreign.status).toBe(403);
		expect((await foreign.json()).error.code).toBe('forbidden');
		const none = await post('/logout', {}, { session: rootSession, origin: null });
		expect(none.status).toBe(403);
		// The session survived both.
		expect((await get('/account', { session: rootSession })).status).toBe(200);
		const users = (await (await get('/api/users', { token: rootToken })).json()).users as { name: string }[];
		expect(users.map((u) => u.name)).not.toContain('csrf');
	});
});
