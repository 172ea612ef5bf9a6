// Live collaboration against the real production server (child process, port 0, temp data
// dir) with stock y-websocket clients: concurrent typing converges, late joiners and a fresh
// server process get the same text, reviewers are read-only, presence cannot be spoofed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type TestServer } from '../helpers/server.ts';
import { seedUser, type SeededUser } from '../helpers/users.ts';
import { seedArticle } from '../helpers/articles.ts';
import { connect, plainText, segmentText, sleep, upgrade, waitFor, ydocTables, type Client } from '../helpers/collab.ts';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { encodeSyncStep2, encodeUpdate } from '../../src/lib/server/collab/protocol.ts';

let server: TestServer;
let tina: SeededUser;
let tom: SeededUser;
let tess: SeededUser;
let rita: SeededUser;
let mallory: SeededUser;
const clients: Client[] = [];

beforeAll(async () => {
	server = await startServer();
	tina = seedUser(server.dataDir, 'tina', 'translator');
	tom = seedUser(server.dataDir, 'tom', 'translator');
	tess = seedUser(server.dataDir, 'tess', 'editor');
	rita = seedUser(server.dataDir, 'rita', 'reviewer');
	mallory = seedUser(server.dataDir, 'mallory', 'translator');
});
afterAll(async () => {
	for (const c of clients) c.destroy();
	await server?.dispose();
});

function client(user: SeededUser, articleId: number, srv = server): Client {
	const c = connect(srv.wsUrl, articleId, { token: user.token });
	clients.push(c);
	return c;
}

describe('collaboration', () => {
	it('two translators typing into one segment at once converge; a late joiner and a fresh server process get the same text', async () => {
		const id = seedArticle(server.dataDir, [{ text: '标题' }, { text: '美国国务院周三表示。' }]);
		const a = client(tina, id);
		const b = client(tom, id);
		await Promise.all([a.synced, b.synced]);
		const ta = segmentText(a.doc, 's2');
		await waitFor(() => b.doc.getXmlFragment('s2').length === 1, 'paragraph reached tom');
		const tb = segmentText(b.doc, 's2');

		let seed = 1;
		const rand = (n: number) => ((seed = (seed * 16807) % 2147483647), seed % n);
		for (let i = 0; i < 150; i++) {
			ta.insert(rand(ta.length + 1), 'a');
			tb.insert(rand(tb.length + 1), 'B');
			if (i % 10 === 9) {
				ta.delete(rand(ta.length), 1);
				await sleep(rand(10));
			}
		}
		await waitFor(() => plainText(a.doc, 's2') === plainText(b.doc, 's2') && plainText(a.doc, 's2').length === 285, 'convergence');
		const text = plainText(a.doc, 's2');
		// 150 + 150 inserted, 15 deleted (tina deletes any character, hers or tom's).
		expect(text).toMatch(/^[aB]{285}$/);
		expect(text).toContain('a');
		expect(text).toContain('B');

		const c = client(tess, id);
		await c.synced;
		expect(plainText(c.doc, 's2')).toBe(text);

		for (const x of [a, b, c]) x.destroy();
		await server.stop();
		server = await startServer({ dataDir: server.dataDir });
		const d = client(tina, id);
		await d.synced;
		expect(plainText(d.doc, 's2')).toBe(text);
		expect(d.doc.getXmlFragment('s2').toString()).toBe(`<paragraph>${text}</paragraph>`);
	});

	it("a reviewer's edits reach nobody and change no stored bytes; the reviewer still receives others' edits", async () => {
		const id = seedArticle(server.dataDir, [{ text: '标题' }, { text: '一' }, { text: '二' }]);
		const a = client(tina, id);
		const watcher = client(tom, id);
		await Promise.all([a.synced, watcher.synced]);
		segmentText(a.doc, 's2').insert(0, 'Translator text');
		// Broadcast happens after the commit, so once tom has it, it is stored.
		await waitFor(() => plainText(watcher.doc, 's2') === 'Translator text', 'tom got the text');
		const before = ydocTables(server.dataDir);

		const r = client(rita, id);
		await r.synced;
		expect(plainText(r.doc, 's2')).toBe('Translator text');
		segmentText(r.doc, 's2').insert(0, 'REVIEWER ');
		segmentText(r.doc, 's3').insert(0, 'reviewer wrote here');
		r.doc.getXmlFragment('s1').delete(0, r.doc.getXmlFragment('s1').length);
		// The server never asks a reviewer for its state, but one that offers it anyway
		// (sync step 2) is ignored the same way, without being disconnected.
		const raw = await upgrade(`${server.wsUrl}/collab/article-${id}?token=${rita.token}`);
		expect(raw.status).toBe(101);
		const whole = Y.encodeStateAsUpdate(r.doc);
		raw.ws!.send(encodeSyncStep2(whole));
		raw.ws!.send(encodeUpdate(whole));
		await sleep(500);
		expect(raw.ws!.readyState).toBe(raw.ws!.OPEN);
		raw.ws!.close();
		const late = client(tess, id);
		await late.synced;
		expect(plainText(late.doc, 's2')).toBe('Translator text');
		expect(plainText(late.doc, 's3')).toBe('');
		expect(plainText(a.doc, 's2')).toBe('Translator text');
		expect(plainText(watcher.doc, 's2')).toBe('Translator text');
		expect(plainText(watcher.doc, 's3')).toBe('');
		expect(ydocTables(server.dataDir)).toBe(before);

		segmentText(a.doc, 's3').insert(0, 'More from tina');
		await waitFor(() => plainText(r.doc, 's3').includes('More from tina'), 'reviewer receives later edits');
		await waitFor(() => plainText(watcher.doc, 's3') === 'More from tina', 'watcher sees only tina');
	});

	it('an admin changing a role or deactivating a user closes their sockets with the named codes', async () => {
		const id = seedArticle(server.dataDir, [{ text: '标题' }, { text: '一' }]);
		const admin = seedUser(server.dataDir, 'ada', 'admin');
		const ivan = seedUser(server.dataDir, 'ivan', 'translator');
		const patch = (body: object) =>
			fetch(`${server.url}/api/users/${ivan.id}`, {
				method: 'PATCH',
				headers: { ...admin.headers, 'content-type': 'application/json' },
				body: JSON.stringify(body)
			});
		const a = client(tina, id);
		// Our own client reconnects after 4403 to pick up its new rights.
		const i = connect(server.wsUrl, id, { token: ivan.token, reconnectAlways: true });
		clients.push(i);
		await Promise.all([a.synced, i.synced]);

		expect((await patch({ role: 'reviewer' })).status).toBe(200);
		await waitFor(() => i.closes.includes(4403), 'permissions-changed close');
		expect(a.closes).toEqual([]);
		await waitFor(() => i.provider.synced, 'ivan back, now read-only');
		segmentText(i.doc, 's2').insert(0, 'ivan as reviewer');
		segmentText(a.doc, 's1').insert(0, 'tina');
		await waitFor(() => plainText(i.doc, 's1') === 'tina', 'ivan still receives');
		await sleep(200);
		expect(plainText(a.doc, 's2')).toBe('');

		expect((await patch({ active: false })).status).toBe(200);
		await waitFor(() => i.closes.includes(4401), 'unauthorized close');
		expect((await upgrade(`${server.wsUrl}/collab/article-${id}?token=${ivan.token}`)).status).toBe(401);
	});

	it('overwrites spoofed presence: foreign client ids dropped, user and colour from the session', async () => {
		const id = seedArticle(server.dataDir, [{ text: '标题' }]);
		const a = client(tina, id);
		const b = client(tom, id);
		await Promise.all([a.synced, b.synced]);
		a.provider.awareness.setLocalStateField('cursor', { segment: 's1', anchor: 1 });
		a.provider.awareness.setLocalStateField('user', { name: 'tina typed this', color: '#000000' });
		await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.cursor?.anchor === 1, "tom sees tina's cursor");
		const tinaState = b.provider.awareness.getStates().get(a.doc.clientID)!;
		expect(tinaState.user).toEqual({ id: tina.id, name: 'tina', color: expect.stringMatching(/^#[0-9a-f]{6}$/) });

		// Mallory, on a raw socket, speaks for tina's client id and for her own with fake fields.
		const m = await upgrade(`${server.wsUrl}/collab/article-${id}?token=${mallory.token}`);
		expect(m.status).toBe(101);
		const own = 424242;
		const awareness = (entries: [number, number, unknown][]) => {
			const inner = encoding.createEncoder();
			encoding.writeVarUint(inner, entries.length);
			for (const [clientId, clock, state] of entries) {
				encoding.writeVarUint(inner, clientId);
				encoding.writeVarUint(inner, clock);
				encoding.writeVarString(inner, JSON.stringify(state));
			}
			const e = encoding.createEncoder();
			encoding.writeVarUint(e, 1);
			encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
			return encoding.toUint8Array(e);
		};
		m.ws!.send(
			awareness([
				[a.doc.clientID, 1000, { user: { name: 'tina', color: '#ff0000' }, cursor: { segment: 's1', anchor: 99 } }],
				[own, 1, { user: { id: 1, name: 'Administrator', color: 'red;background:url(javascript:alert(1))' }, cursor: null }]
			])
		);
		await waitFor(() => b.provider.awareness.getStates().has(own), "mallory's own state arrives");
		expect(b.provider.awareness.getStates().get(own)!.user).toEqual({
			id: mallory.id,
			name: 'mallory',
			color: expect.stringMatching(/^#[0-9a-f]{6}$/)
		});
		expect(b.provider.awareness.getStates().get(a.doc.clientID)!.cursor.anchor).toBe(1);
		expect(b.provider.awareness.getStates().get(a.doc.clientID)!.user.id).toBe(tina.id);

		// Removing tina's state is not hers to do either; closing removes mallory's own.
		m.ws!.send(awareness([[a.doc.clientID, 2000, null]]));
		m.ws!.close();
		await waitFor(() => !b.provider.awareness.getStates().has(own), "mallory's state removed on close");
		expect(b.provider.awareness.getStates().has(a.doc.clientID)).toBe(true);
	});

	it('copies typing into the database file in the background, not in a 1,000-page commit (WAL checkpoint worker)', async () => {
		const id = seedArticle(server.dataDir, [{ text: '标题' }, { text: '美国国务院周三表示。' }]);
		const file = join(server.dataDir, 'duizhao.sqlite');
		const marker = `checkpointed-${Date.now()}`;
		const a = client(tina, id);
		await a.synced;
		segmentText(a.doc, 's2').insert(0, marker);
		await waitFor(() => ydocTables(server.dataDir).includes(Buffer.from(marker).toString('hex').toUpperCase()), 'the edit stored');
		// A handful of commits is far below SQLite's automatic checkpoint (1,000 pages): only
		// the server's checkpoint worker copies it from the WAL into the database file.
		await waitFor(() => readFileSync(file).includes(marker), 'the edit in the database file', 5000);
		a.destroy();
	});
});
