// The collaboration server in-process (a real HTTP server on port 0, real SQLite in a temp
// dir, real y-websocket clients): the parts the rest of the app talks to through
// CollabControl and the event bus, and the storage-failure path.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { createRuntime } from '../app.ts';
import { configFromEnv } from '../config.ts';
import { topics, type RecordEvent, type TextChanged } from '../events.ts';
import type { Runtime } from '../runtime.ts';
import { CLOSE_CODES } from '../../types.ts';
import { attachCollab, type CollabHandle } from './index.ts';
import { CollabServer } from './server.ts';
import { decodeSaveStatus, MessageType, SaveState } from './protocol.ts';
import { seedUser, type SeededUser } from '../../../../tests/helpers/users.ts';
import { seedArticle } from '../../../../tests/helpers/articles.ts';
import { connect, plainText, segmentText, upgrade, waitFor, type Client } from '../../../../tests/helpers/collab.ts';
import { startInProcessCollab, type InProcessCollab } from '../../../../tests/helpers/inprocess.ts';

let dir: string;
let rt: Runtime;
let env: InProcessCollab;
let handle: CollabHandle;
let wsBase: string;
let tina: SeededUser;
let tom: SeededUser;
let articleId: number;
let clients: Client[];

beforeEach(async () => {
	env = await startInProcessCollab('duizhao-collab-');
	({ dir, rt, handle, wsBase } = env);
	tina = seedUser(dir, 'tina', 'translator');
	tom = seedUser(dir, 'tom', 'translator');
	articleId = seedArticle(dir, [{ text: '标题' }, { text: '第一段' }, { text: '第二段' }]);
	clients = [];
});

afterEach(async () => {
	for (const c of clients) c.destroy();
	await env.close();
});

const collab = () => rt.collab as CollabServer;
const docName = () => `article-${articleId}`;
function client(user: SeededUser, params?: Record<string, string>): Client {
	const c = connect(wsBase, articleId, { token: user.token, params });
	clients.push(c);
	return c;
}
const rowCount = () => (rt.db.prepare('SELECT count(*) AS n FROM ydoc_updates').get() as { n: number }).n;

/** Tina types `text` into s2, it is stored, she leaves, and the room unloads. */
async function typeStoredAndLeave(text: string): Promise<void> {
	const a = client(tina);
	await a.synced;
	segmentText(a.doc, 's2').insert(0, text);
	await waitFor(() => rowCount() > 0, 'update stored');
	a.destroy();
	await waitFor(() => collab().rooms.size === 0, 'room unloaded');
}

describe('CollabServer in-process', () => {
	it('publishes which segments changed, per user, after storing', async () => {
		const events: TextChanged[] = [];
		rt.events.subscribe(topics.text, (e: RecordEvent) => events.push(e.data as TextChanged));
		const a = client(tina);
		await a.synced;
		segmentText(a.doc, 's2').insert(0, 'First paragraph');
		segmentText(a.doc, 's3').insert(0, 'Second');
		await waitFor(() => events.length > 0, 'a text event');
		expect(events).toEqual([{ articleId, segmentIds: ['s2', 's3'], userId: tina.id }]);
		// A top-level name that is not a segment is not reported.
		a.doc.getXmlFragment('not-a-segment').insert(0, [new Y.XmlElement('paragraph')]);
		segmentText(a.doc, 's2').insert(0, '!');
		await waitFor(() => events.length > 1, 'a second text event');
		expect(events[1]).toEqual({ articleId, segmentIds: ['s2'], userId: tina.id });
	});

	it('closeUser closes only that user’s sockets, with the code given', async () => {
		const a = client(tina);
		const b = client(tom);
		await Promise.all([a.synced, b.synced]);
		rt.collab!.closeUser(tina.id, CLOSE_CODES.permissionsChanged.code, CLOSE_CODES.permissionsChanged.reason);
		await waitFor(() => a.closes.length > 0, 'tina closed');
		expect(a.closes[0]).toBe(4403);
		expect(b.closes).toEqual([]);
		expect(b.provider.wsconnected).toBe(true);
	});

	it('applyServerUpdate stores then broadcasts; encodeState reads live rooms and storage', async () => {
		const a = client(tina);
		await a.synced;
		const server = new Y.Doc();
		Y.applyUpdate(server, await rt.collab!.encodeState(docName()));
		const updates: Uint8Array[] = [];
		server.on('update', (u: Uint8Array) => updates.push(u));
		segmentText(server, 's1').insert(0, 'Headline from XLIFF');
		const update = Y.mergeUpdates(updates);
		const before = rowCount();
		await rt.collab!.applyServerUpdate(docName(), update);
		expect(rowCount()).toBe(before + 1);
		await waitFor(() => plainText(a.doc, 's1') === 'Headline from XLIFF', 'client got the server update');

		a.destroy();
		await waitFor(() => collab().rooms.size === 0, 'room unloaded');
		const fromStorage = new Y.Doc();
		Y.applyUpdate(fromStorage, await rt.collab!.encodeState(docName()));
		expect(plainText(fromStorage, 's1')).toBe('Headline from XLIFF');
		await expect(rt.collab!.applyServerUpdate(docName(), new Uint8Array([1, 2, 3]))).rejects.toThrow();
		await expect(rt.collab!.applyServerUpdate('article-999999', update)).rejects.toThrow(/No article/);
		await expect(rt.collab!.encodeState('../x')).rejects.toThrow();
	});

	it('keeps the English beside the snapshot at unload; readTargets reads the live room or storage alike', async () => {
		const a = client(tina);
		await a.synced;
		segmentText(a.doc, 's2').insert(0, 'Live English');
		await waitFor(() => rowCount() > 0, 'update stored');
		const ids = ['s1', 's2', 's3'];
		const live = await rt.collab!.readTargets(docName(), ids);
		expect(live.s1).toBeNull();
		expect(JSON.stringify(live.s2)).toContain('Live English');
		a.destroy();
		await waitFor(() => collab().rooms.size === 0, 'room unloaded');
		const row = rt.db.prepare('SELECT targets FROM ydoc_snapshots WHERE doc = ?').get(docName()) as { targets: string | null };
		expect(JSON.parse(row.targets!)).toEqual(live);
		expect(await rt.collab!.readTargets(docName(), ids)).toEqual(live);
		await expect(rt.collab!.readTargets('../x', ids)).rejects.toThrow();
	});

	it('a cold room asks a joiner for its offline edits from the stored bytes, then builds', async () => {
		await typeStoredAndLeave('stored');
		// Tom's copy has the stored text plus an edit the server never saw.
		const offline = new Y.Doc();
		Y.applyUpdate(offline, await rt.collab!.encodeState(docName()));
		segmentText(offline, 's3').insert(0, 'typed offline');
		const b = connect(wsBase, articleId, { token: tom.token, doc: offline });
		clients.push(b);
		await b.synced;
		const room = () => collab().rooms.get(docName());
		await waitFor(() => room()?.loaded === true && plainText(room()!.doc, 's3') === 'typed offline', 'offline edit arrived');
		await waitFor(() => rowCount() > 0, 'offline edit stored');
	});

	it('compacts past the thresholds at the next pause in typing, or at once when typing never pauses', async () => {
		const limits = collab().limits;
		limits.compactAfterUpdates = 5;
		const a = client(tina);
		await a.synced;
		const text = segmentText(a.doc, 's2');
		const type = async (n: number) => {
			for (let i = 0; i < n; i++) {
				const before = rowCount();
				text.insert(text.length, 'x');
				await waitFor(() => rowCount() !== before, 'keystroke stored');
			}
		};
		// No pause long enough: the log passes 10× the threshold and is folded while typing goes on.
		limits.compactQuietMs = 60_000;
		await type(40);
		expect(rowCount()).toBeGreaterThanOrEqual(40);
		await type(14);
		await waitFor(() => rowCount() < 10, 'forced compaction');
		// A short pause after passing the threshold folds the log with the client still there.
		limits.compactQuietMs = 100;
		await type(6);
		await waitFor(() => rowCount() === 0, 'compaction in the pause');
		expect(collab().rooms.get(docName())?.conns.size).toBe(1);
		expect(plainText(collab().rooms.get(docName())!.doc, 's2')).toBe('x'.repeat(60));
	});

	it('unloads a room after its last client left, compacted, and loads it back lazily', async () => {
		await typeStoredAndLeave('kept');
		expect(rowCount()).toBe(0);
		expect(rt.db.prepare('SELECT count(*) AS n FROM ydoc_snapshots').get()).toEqual({ n: 1 });

		const b = client(tom);
		await b.synced;
		expect(plainText(b.doc, 's2')).toBe('kept');
		// The joiner was answered from the stored bytes; the Y.Doc is built right after.
		await waitFor(() => collab().rooms.get(docName())?.loaded === true, 'room built');
		expect(plainText(collab().rooms.get(docName())!.doc, 's2')).toBe('kept');
	});

	it('a failed write keeps the edit in memory, says "not saved", broadcasts nothing, and recovers', async () => {
		const statuses: { state: number; detail: string }[] = [];
		const a = client(tina, { saveStatus: '1' });
		a.provider.messageHandlers[MessageType.saveStatus] = (_encoder, decoder) => {
			const data = decoder.arr.subarray(0);
			const status = decodeSaveStatus(data);
			if (status) statuses.push(status);
		};
		const b = client(tom);
		await Promise.all([a.synced, b.synced]);
		segmentText(a.doc, 's2').insert(0, 'saved');
		await waitFor(() => plainText(b.doc, 's2') === 'saved', 'first edit reached tom');
		await waitFor(() => statuses.length > 0, 'a saved ack');
		expect(statuses.at(-1)).toEqual({ state: SaveState.saved, detail: '' });

		rt.db.exec(`CREATE TRIGGER fail_log BEFORE INSERT ON ydoc_updates BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
		const rows = rowCount();
		segmentText(a.doc, 's2').insert(5, ' and not');
		await waitFor(() => statuses.at(-1)?.state === SaveState.notSaved, '"not saved"');
		expect(statuses.at(-1)!.detail).toMatch(/storage error/);
		await new Promise((r) => setTimeout(r, 300));
		expect(plainText(b.doc, 's2')).toBe('saved');
		expect(rowCount()).toBe(rows);
		expect(plainText(collab().rooms.get(docName())!.doc, 's2')).toBe('saved and not');

		rt.db.exec('DROP TRIGGER fail_log');
		await waitFor(() => plainText(b.doc, 's2') === 'saved and not', 'the held edit reached tom after the retry');
		await waitFor(() => statuses.at(-1)?.state === SaveState.saved, '"saved" again');
		expect(rowCount()).toBeGreaterThan(rows);
	});

	it('a stock client that did not opt in never receives the extension message', async () => {
		const seen: number[] = [];
		const b = client(tom);
		const original = b.provider.messageHandlers.slice();
		b.provider.messageHandlers[MessageType.saveStatus] = () => seen.push(MessageType.saveStatus);
		const a = client(tina);
		await Promise.all([a.synced, b.synced]);
		rt.db.exec(`CREATE TRIGGER fail_log BEFORE INSERT ON ydoc_updates BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
		segmentText(b.doc, 's2').insert(0, 'x');
		await new Promise((r) => setTimeout(r, 300));
		rt.db.exec('DROP TRIGGER fail_log');
		await waitFor(() => plainText(a.doc, 's2') === 'x', 'edit delivered after recovery');
		expect(seen).toEqual([]);
		expect(original.length).toBe(4);
	});

	it('close() stores what is pending and closes sockets with 1001', async () => {
		const a = client(tina);
		await a.synced;
		// Typed and immediately shut down: the update is in flight or pending.
		segmentText(a.doc, 's2').insert(0, 'last words');
		await waitFor(() => {
			const room = collab().rooms.get(docName());
			return !!room && plainText(room.doc, 's2') === 'last words';
		}, 'server applied');
		await handle.close();
		expect(a.closes).toContain(CLOSE_CODES.goingAway.code);
		const stored = new Y.Doc();
		const snap = rt.db.prepare('SELECT state FROM ydoc_snapshots WHERE doc = ?').get(docName()) as { state: Buffer } | undefined;
		if (snap) Y.applyUpdate(stored, snap.state);
		for (const r of rt.db.prepare('SELECT data FROM ydoc_updates WHERE doc = ?').all(docName()) as { data: Buffer }[]) Y.applyUpdate(stored, r.data);
		expect(plainText(stored, 's2')).toBe('last words');
		expect(rt.collab).toBeNull();
	});

	it('refuses a new document with 503 when the server-wide room limit is reached', async () => {
		const second = seedArticle(dir, [{ text: '另一篇' }]);
		const limited = createServer();
		const rt2 = { ...rt, collab: null };
		const h2 = attachCollab(limited, rt2, { dev: false, limits: { maxRooms: 1 } });
		await new Promise<void>((r) => limited.listen(0, '127.0.0.1', r));
		const base = `ws://127.0.0.1:${(limited.address() as AddressInfo).port}`;
		try {
			const a = connect(base, articleId, { token: tina.token });
			clients.push(a);
			await a.synced;
			expect((await upgrade(`${base}/collab/article-${second}?token=${tina.token}`)).status).toBe(503);
			const same = await upgrade(`${base}/collab/article-${articleId}?token=${tom.token}`);
			expect(same.status).toBe(101);
			same.ws!.close();
		} finally {
			await h2.close();
			limited.closeAllConnections();
			limited.close();
		}
	});

	it('two servers in one process do not share state', async () => {
		const dir2 = mkdtempSync(join(tmpdir(), 'duizhao-collab2-'));
		const rt2 = createRuntime(configFromEnv({}, { dataDir: dir2 }));
		const http2 = createServer();
		const handle2 = attachCollab(http2, rt2, { dev: false });
		try {
			expect(rt2.collab).not.toBe(rt.collab);
			expect((rt2.collab as CollabServer).rooms).not.toBe(collab().rooms);
		} finally {
			await handle2.close();
			rt2.db.close();
			rmSync(dir2, { recursive: true, force: true });
		}
	});
});
