// Who gets a collaboration socket, checked before the websocket handshake on the real
// server: credentials, Origin for cookie sessions, document names, unknown articles, and
// the per-user caps (upgrade.ts; the database-free ordering is also unit-tested there).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { WebSocket } from 'ws';
import { startServer, type TestServer } from '../helpers/server.ts';
import { seedUser, type SeededUser } from '../helpers/users.ts';
import { seedArticle } from '../helpers/articles.ts';
import { closeCode, rawUpgradeStatus, upgrade, ydocTables } from '../helpers/collab.ts';

let server: TestServer;
let tina: SeededUser;
let articleId: number;
const open: WebSocket[] = [];

beforeAll(async () => {
	server = await startServer();
	tina = seedUser(server.dataDir, 'tina', 'translator');
	articleId = seedArticle(server.dataDir, [{ text: '标题' }]);
});
afterAll(async () => {
	for (const ws of open) ws.terminate();
	await server?.dispose();
});

const url = (name: string, query = '') => `${server.wsUrl}/collab/${name}${query}`;
const ownOrigin = () => server.url;

describe('collab admission', () => {
	it('401 without credentials or with a bad token', async () => {
		expect((await upgrade(url(`article-${articleId}`))).status).toBe(401);
		expect((await upgrade(url(`article-${articleId}`, '?token=dzt_not_a_token'))).status).toBe(401);
		const res = await upgrade(url(`article-${articleId}`));
		expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'unauthorized' } });
	});

	it('cookie sessions must come from our own Origin (403 otherwise); tokens need no Origin', async () => {
		const cookie = `duizhao_session=${tina.sessionId}`;
		expect((await upgrade(url(`article-${articleId}`), { cookie, origin: 'https://evil.example' })).status).toBe(403);
		expect((await upgrade(url(`article-${articleId}`), { cookie })).status).toBe(403);
		const ok = await upgrade(url(`article-${articleId}`), { cookie, origin: ownOrigin() });
		expect(ok.status).toBe(101);
		ok.ws!.close();
		const token = await upgrade(url(`article-${articleId}`, `?token=${tina.token}`), { origin: 'https://evil.example' });
		expect(token.status).toBe(101);
		token.ws!.close();
	});

	it('a deactivated user is refused', async () => {
		const gone = seedUser(server.dataDir, 'gone', 'translator');
		const db = new Database(join(server.dataDir, 'duizhao.sqlite'));
		db.prepare('UPDATE users SET active = 0 WHERE id = ?').run(gone.id);
		db.close();
		expect((await upgrade(url(`article-${articleId}`, `?token=${gone.token}`))).status).toBe(401);
	});

	it('unknown article → 404 and no document rows are created', async () => {
		const before = ydocTables(server.dataDir);
		expect((await upgrade(url('article-987654', `?token=${tina.token}`))).status).toBe(404);
		expect(ydocTables(server.dataDir)).toBe(before);
	});

	it('malformed names → 400, decided before credentials are even looked at', async () => {
		// Without credentials these would be 401 if the name were not checked first: the
		// name check runs before the first database access (authentication).
		const names = ['/collab/../x', '/collab/%2e%2e', '/collab/%2e%2e/article-1', '/collab/article-1/x', '/collab/' + 'n'.repeat(10 * 1024)];
		for (const path of names) {
			expect(await rawUpgradeStatus(server.port, path), path).toBe(400);
			expect(await rawUpgradeStatus(server.port, `${path}?token=${tina.token}`), path).toBe(400);
		}
		// Outside /collab/ the production server has no websockets at all.
		expect(await rawUpgradeStatus(server.port, `/x?token=${tina.token}`)).toBe(404);
	});

	it('1,000 distinct document names from one user are capped (429) while their sockets are open', async () => {
		const ids = Array.from({ length: 25 }, () => seedArticle(server.dataDir, [{ text: '段' }]));
		// 20 documents open at once is the default cap (maxDocumentsPerUser).
		for (const id of ids.slice(0, 20)) {
			const res = await upgrade(url(`article-${id}`, `?token=${tina.token}`));
			expect(res.status).toBe(101);
			open.push(res.ws!);
		}
		const statuses = new Map<number, number>();
		const names = [...ids.slice(20), ...Array.from({ length: 995 }, (_, i) => 1_000_000 + i)];
		expect(new Set(names).size).toBe(1000);
		for (let i = 0; i < names.length; i += 50) {
			const batch = await Promise.all(names.slice(i, i + 50).map((id) => upgrade(url(`article-${id}`, `?token=${tina.token}`))));
			for (const r of batch) {
				statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
				r.ws?.terminate();
			}
		}
		expect(Object.fromEntries(statuses)).toEqual({ 429: 1000 });
		// Another socket to a document already open is still fine…
		const again = await upgrade(url(`article-${ids[0]}`, `?token=${tina.token}`));
		expect(again.status).toBe(101);
		again.ws!.close();
		// …and closing sockets frees the slots.
		for (const ws of open.splice(0)) {
			const done = closeCode(ws);
			ws.close();
			await done;
		}
		// (The server may see the closes a moment after the clients do.)
		let later = await upgrade(url(`article-${ids[24]}`, `?token=${tina.token}`));
		for (let tries = 0; later.status === 429 && tries < 50; tries++) {
			await new Promise((r) => setTimeout(r, 20));
			later = await upgrade(url(`article-${ids[24]}`, `?token=${tina.token}`));
		}
		expect(later.status).toBe(101);
		later.ws!.close();
		// Another user is never affected by tina's caps.
		const other = seedUser(server.dataDir, 'otto', 'translator');
		const o = await upgrade(url(`article-${ids[22]}`, `?token=${other.token}`));
		expect(o.status).toBe(101);
		o.ws!.close();
	});

	it('caps sockets per user (429) on one document too', async () => {
		const sam = seedUser(server.dataDir, 'sam', 'translator');
		const mine: WebSocket[] = [];
		try {
			for (let i = 0; i < 40; i++) {
				const res = await upgrade(url(`article-${articleId}`, `?token=${sam.token}`));
				expect(res.status).toBe(101);
				mine.push(res.ws!);
			}
			expect((await upgrade(url(`article-${articleId}`, `?token=${sam.token}`))).status).toBe(429);
		} finally {
			for (const ws of mine) ws.terminate();
		}
	});
});
