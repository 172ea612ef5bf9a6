// Hostile frames against the real server: oversized frames close with 1009, malformed ones
// close only their own socket with 4400, and through all of it the document, its storage
// and the other clients keep working.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import { startServer, type TestServer } from '../helpers/server.ts';
import { seedUser, type SeededUser } from '../helpers/users.ts';
import { seedArticle } from '../helpers/articles.ts';
import { closeCode, connect, plainText, segmentText, storedDoc, upgrade, waitFor, type Client } from '../helpers/collab.ts';
import { encodeUpdate } from '../../src/lib/server/collab/protocol.ts';

const MAX_FRAME = 64 * 1024;
const PING_MS = 300;
let server: TestServer;
let tina: SeededUser;
let tom: SeededUser;
let mallory: SeededUser;
let articleId: number;
const clients: Client[] = [];

beforeAll(async () => {
	server = await startServer({ env: { DUIZHAO_COLLAB_MAX_FRAME_BYTES: String(MAX_FRAME), DUIZHAO_COLLAB_PING_INTERVAL_MS: String(PING_MS) } });
	tina = seedUser(server.dataDir, 'tina', 'translator');
	tom = seedUser(server.dataDir, 'tom', 'translator');
	mallory = seedUser(server.dataDir, 'mallory', 'translator');
	articleId = seedArticle(server.dataDir, [{ text: '标题' }, { text: '正文' }]);
});
afterAll(async () => {
	for (const c of clients) c.destroy();
	await server?.dispose();
});

function client(user: SeededUser): Client {
	const c = connect(server.wsUrl, articleId, { token: user.token });
	clients.push(c);
	return c;
}

/** Mallory's raw socket, on a cookie session (no token bookkeeping per attempt). */
async function rawSocket(): Promise<WebSocket> {
	const res = await upgrade(`${server.wsUrl}/collab/article-${articleId}`, {
		cookie: `duizhao_session=${mallory.sessionId}`,
		origin: server.url
	});
	if (res.status !== 101) throw new Error(`upgrade failed: ${res.status}`);
	return res.ws!;
}

const bytes = (...xs: number[]) => Uint8Array.from(xs);
function encoded(write: (e: encoding.Encoder) => void): Uint8Array {
	const e = encoding.createEncoder();
	write(e);
	return encoding.toUint8Array(e);
}

/** Random frames that are malformed by construction, one of eleven kinds. */
function malformedFrame(rand: (n: number) => number): { data: Uint8Array | string; kind: string } {
	const junk = (n: number) => Uint8Array.from({ length: n }, () => rand(256));
	switch (rand(11)) {
		case 0:
			return { kind: 'truncated varint', data: Uint8Array.from({ length: 1 + rand(6) }, () => 0x80 | rand(128)) };
		case 1:
			return { kind: 'unknown message type', data: Uint8Array.from([4 + rand(96), ...junk(rand(20))]) };
		case 2:
			return { kind: 'unknown sync type', data: Uint8Array.from([0, 3 + rand(120), ...junk(rand(20))]) };
		case 3:
			return { kind: 'length beyond frame', data: Uint8Array.from([0, 2, 100 + rand(27), ...junk(rand(20))]) };
		case 4: {
			let update = junk(1 + rand(40));
			for (;;) {
				try {
					Y.decodeUpdate(update);
					update = junk(1 + rand(40)); // decodes: not garbage, draw again
				} catch {
					break;
				}
			}
			return { kind: 'update that does not decode', data: encodeUpdate(update) };
		}
		case 5:
			return {
				kind: 'invalid UTF-8 in awareness',
				data: encoded((e) => {
					encoding.writeVarUint(e, 1);
					encoding.writeVarUint8Array(e, bytes(1, 7, 1, 3, 0xc3, 0x28, 0xff));
				})
			};
		case 6:
			return {
				kind: 'awareness state that is not JSON',
				data: encoded((e) => {
					encoding.writeVarUint(e, 1);
					encoding.writeVarUint8Array(
						e,
						encoded((i) => {
							encoding.writeVarUint(i, 1);
							encoding.writeVarUint(i, 9 + rand(1000));
							encoding.writeVarUint(i, 1);
							encoding.writeVarString(i, '{"user":' + 'x'.repeat(rand(10)));
						})
					);
				})
			};
		case 7:
			return { kind: 'text frame', data: 'hello ' + rand(1000) };
		case 8:
			return { kind: 'trailing bytes', data: Uint8Array.from([0, 0, 1, 0, ...junk(1 + rand(10))]) };
		case 9:
			return { kind: 'empty frame', data: new Uint8Array() };
		default:
			return { kind: 'awareness count beyond frame', data: bytes(1, 3, 90 + rand(30), 1, 1) };
	}
}

describe('hostile frames', () => {
	it('a frame over the limit closes that socket with 1009', async () => {
		const a = client(tina);
		await a.synced;
		const ws = await rawSocket();
		const closed = closeCode(ws);
		ws.send(new Uint8Array(MAX_FRAME + 1024));
		expect(await closed).toBe(1009);
		expect(a.provider.wsconnected).toBe(true);
	});

	it('a client that stops answering pings is dropped; one that answers stays', async () => {
		const a = client(tina);
		await a.synced;
		const silent = new WebSocket(`${server.wsUrl}/collab/article-${articleId}?token=${mallory.token}`, { autoPong: false });
		const closed = closeCode(silent);
		await new Promise((r) => silent.once('open', r));
		expect(await closed).toBe(1006); // terminated, no closing handshake
		expect(a.provider.wsconnected).toBe(true);
	});

	it('1,000 random malformed frames each close only their own socket (4400); everyone else keeps working', async () => {
		const a = client(tina);
		const b = client(tom);
		await Promise.all([a.synced, b.synced]);
		segmentText(a.doc, 's2').insert(0, 'Before the storm.');
		await waitFor(() => plainText(b.doc, 's2') === 'Before the storm.', 'first edit');

		let seed = 2024;
		const rand = (n: number) => ((seed = (seed * 48271) % 2147483647), seed % n);
		const codes = new Map<number, number>();
		const kinds = new Set<string>();
		const total = 1000;
		const parallel = 10;
		let sent = 0;
		const worker = async () => {
			while (sent < total) {
				sent++;
				const { data, kind } = malformedFrame(rand);
				kinds.add(kind);
				const ws = await rawSocket();
				const closed = closeCode(ws);
				ws.send(data, { binary: typeof data !== 'string' });
				const code = await closed;
				codes.set(code, (codes.get(code) ?? 0) + 1);
			}
		};
		await Promise.all(Array.from({ length: parallel }, worker));
		expect(kinds.size).toBe(11);
		expect(Object.fromEntries(codes)).toEqual({ 4400: total });

		// The document, its storage and the honest clients are untouched and still live.
		expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
		segmentText(b.doc, 's2').insert(17, ' After it.');
		await waitFor(() => plainText(a.doc, 's2') === 'Before the storm. After it.', 'edit after the storm');
		const late = client(tom);
		await late.synced;
		expect(plainText(late.doc, 's2')).toBe('Before the storm. After it.');
		expect(plainText(storedDoc(server.dataDir, `article-${articleId}`), 's2')).toBe('Before the storm. After it.');
	});

	it('an update that decodes but cannot be integrated costs its sender the socket and resets the room from storage', async () => {
		const a = client(tina);
		await a.synced;
		const text = segmentText(a.doc, 's1');
		text.insert(0, 'Headline');
		await waitFor(() => plainText(storedDoc(server.dataDir, `article-${articleId}`), 's1') === 'Headline', 'stored');

		// Mutate a real update until Yjs decodes it yet throws while integrating it into the
		// server's current state (a copy of which tina holds).
		const state = Y.encodeStateAsUpdate(a.doc);
		let seed = 99;
		const rand = (n: number) => ((seed = (seed * 16807) % 2147483647), seed % n);
		let poison: Uint8Array | null = null;
		for (let i = 0; i < 200_000 && !poison; i++) {
			const candidate = Uint8Array.from(state);
			for (let k = 0; k < 3; k++) candidate[rand(candidate.length)] = rand(256);
			try {
				Y.decodeUpdate(candidate);
			} catch {
				continue;
			}
			const probe = new Y.Doc();
			Y.applyUpdate(probe, state);
			try {
				Y.applyUpdate(probe, candidate);
			} catch {
				poison = candidate;
			}
		}
		expect(poison).not.toBeNull();

		const ws = await rawSocket();
		const closed = closeCode(ws);
		ws.send(encodeUpdate(poison!));
		expect(await closed).toBe(4400);
		// Honest clients are told to reconnect (1011) and find the stored document intact.
		await waitFor(() => a.closes.includes(1011), 'tina reconnects');
		await waitFor(() => a.provider.synced, 'tina resynced');
		text.insert(8, ' still here');
		const late = client(tom);
		await late.synced;
		await waitFor(() => plainText(late.doc, 's1') === 'Headline still here', 'edit after the reset');
	});
});
