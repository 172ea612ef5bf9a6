// Import through the HTTP contract against the real production server: POST
// /api/articles stores the seed article, GET returns its structure; every bad request is
// refused with the JSON error shape and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startServer, type TestServer } from '../helpers/server.ts';
import { SEED_ARTICLE_PATH } from '../helpers/articles.ts';
import { seedUser, type SeededUser } from '../helpers/users.ts';

// Bytes, not a string: fetch adds no content-type of its own to them.
const SEED = readFileSync(SEED_ARTICLE_PATH);
const MiB = 1024 * 1024;

let server: TestServer;
let editor: SeededUser;
let reviewer: SeededUser;
beforeAll(async () => {
	server = await startServer();
	editor = seedUser(server.dataDir, 'editor1', 'editor');
	reviewer = seedUser(server.dataDir, 'reviewer1', 'reviewer');
});
afterAll(async () => {
	await server?.dispose();
});

function post(body: BodyInit, opts: { type?: string; user?: SeededUser | null; query?: string; headers?: Record<string, string> } = {}) {
	const headers: Record<string, string> = { ...(opts.user === null ? {} : (opts.user ?? editor).headers), ...opts.headers };
	if (opts.type !== '') headers['content-type'] = opts.type ?? 'text/markdown; charset=utf-8';
	return fetch(`${server.url}/api/articles${opts.query ?? ''}`, { method: 'POST', headers, body });
}

async function total(): Promise<number> {
	const res = await fetch(`${server.url}/api/articles`, { headers: editor.headers });
	expect(res.status).toBe(200);
	return ((await res.json()) as { total: number }).total;
}

async function expectError(res: Response, status: number, code: string): Promise<string> {
	expect(res.status).toBe(status);
	expect(res.headers.get('content-type')).toMatch(/application\/json/);
	const body = (await res.json()) as { error: { code: string; message: string } };
	expect(body.error.code).toBe(code);
	expect(body.error.message.length).toBeGreaterThan(5);
	return body.error.message;
}

let seedId: number;

describe('POST /api/articles', () => {
	it('imports the seed article: 201 {id} with a Location header', async () => {
		const res = await post(SEED);
		expect(res.status).toBe(201);
		const body = (await res.json()) as { id: number; warnings: string[] };
		expect(Number.isInteger(body.id)).toBe(true);
		expect(body.warnings).toEqual([]);
		expect(res.headers.get('location')).toBe(`/api/articles/${body.id}`);
		seedId = body.id;
	});

	it('GET /api/articles/<id> returns meta, segments, blocks, statuses and counts', async () => {
		const res = await fetch(`${server.url}/api/articles/${seedId}`, { headers: reviewer.headers });
		expect(res.status).toBe(200);
		const a = await res.json();
		expect(a.id).toBe(seedId);
		expect(a.title).toBe('美国务院：若俄朝达成武器交易 美将祭制裁');
		expect(a.lang).toBe('zh-Hans');
		expect(a.format).toBe('mirror');
		expect(a.meta).toMatchObject({ sourceUrl: 'https://www.epochtimes.com/gb/23/9/13/n14073200.htm', published: '2023-09-14', editor: '李缘' });
		expect(a.segments).toHaveLength(24);
		expect(a.segments.map((s: { kind: string }) => s.kind)).toEqual(['title', 'caption', ...Array(21).fill('paragraph'), 'credit']);
		expect(a.segments[23]).toEqual({ id: 's24', kind: 'credit', text: '责任编辑：李缘', html: '责任编辑：李缘' });
		expect(a.blocks).toEqual([expect.objectContaining({ kind: 'image', after: 's1', src: expect.stringMatching(/^https:\/\/i\.epochtimes\.com\//) })]);
		expect(a.statuses).toHaveLength(24);
		expect(a.statuses.every((s: { status: string }) => s.status === 'empty')).toBe(true);
		expect(a.counts).toEqual({ total: 24, empty: 24, draft: 0, translated: 0, reviewed: 0, approved: 0, rejected: 0 });
		expect(a.createdBy).toEqual({ id: editor.id, name: 'editor1' });
	});

	it('lists it', async () => {
		const res = await fetch(`${server.url}/api/articles`, { headers: reviewer.headers });
		const body = await res.json();
		expect(body.total).toBe(1);
		expect(body.articles[0]).toMatchObject({ id: seedId, title: '美国务院：若俄朝达成武器交易 美将祭制裁', segmentCount: 24 });
	});

	it('honours ?format= and accepts a browser session from our own origin', async () => {
		const cookie = `duizhao_session=${editor.sessionId}`;
		const origin = new URL(server.url).origin;
		const res = await post('标题\n第一段。', { type: 'text/plain', user: null, query: '?format=text', headers: { cookie, origin } });
		expect(res.status).toBe(201);
		const { id } = await res.json();
		const a = await (await fetch(`${server.url}/api/articles/${id}`, { headers: editor.headers })).json();
		expect(a.format).toBe('text');
		expect(a.segments.map((s: { text: string }) => s.text)).toEqual(['标题', '第一段。']);
	});
});

describe('refusals write nothing', () => {
	let before: number;
	beforeAll(async () => {
		before = await total();
	});
	afterAll(async () => {
		expect(await total()).toBe(before);
	});

	it('401 without credentials', async () => {
		// A browser without a session (same origin, so the CSRF check lets it through).
		await expectError(await post(SEED, { user: null, headers: { origin: new URL(server.url).origin } }), 401, 'unauthorized');
		await expectError(await fetch(`${server.url}/api/articles`), 401, 'unauthorized');
		await expectError(await fetch(`${server.url}/api/articles/${seedId}`), 401, 'unauthorized');
	});

	it('403 for a reviewer, who may read but not import', async () => {
		await expectError(await post(SEED, { user: reviewer }), 403, 'forbidden');
	});

	it('403 for a cookie request from another origin', async () => {
		const res = await post(SEED, { user: null, headers: { cookie: `duizhao_session=${editor.sessionId}`, origin: 'https://evil.example' } });
		await expectError(res, 403, 'forbidden');
	});

	it('413 over 5 MiB', async () => {
		const big = new Uint8Array(5 * MiB + 1).fill(0x61);
		await expectError(await post(big, { type: 'text/plain' }), 413, 'too_large');
	});

	it('415 for other media types and charsets', async () => {
		await expectError(await post('{"a":1}', { type: 'application/json' }), 415, 'unsupported_media_type');
		await expectError(await post(SEED, { type: 'text/markdown; charset=gbk' }), 415, 'unsupported_media_type');
		await expectError(await post(SEED, { type: '' }), 415, 'unsupported_media_type');
	});

	it('400 for a bad ?format=', async () => {
		await expectError(await post(SEED, { query: '?format=docx' }), 400, 'bad_request');
	});

	it('400 for text that is not UTF-8', async () => {
		const gbk = new Uint8Array([0xc3, 0xc0, 0xb9, 0xfa, 0xb9, 0xfa, 0xce, 0xf1, 0xd4, 0xba]);
		expect(await expectError(await post(gbk, { type: 'text/plain' }), 400, 'bad_request')).toMatch(/UTF-8/);
	});

	it('400 for binary data', async () => {
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
		expect(await expectError(await post(png, { type: 'text/plain' }), 400, 'bad_request')).toMatch(/image|binary/);
	});

	it('400 for an HTML bomb of 100,000 nested elements', async () => {
		const bomb = '<div>'.repeat(100_000) + 'x' + '</div>'.repeat(100_000);
		expect(await expectError(await post(bomb, { type: 'text/html' }), 400, 'bad_request')).toMatch(/nest/);
		// The server is still answering.
		expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
	});

	it('400 for a file with no text', async () => {
		await expectError(await post('<p> </p><img src="https://e.com/a.jpg">', { type: 'text/html' }), 400, 'bad_request');
		await expectError(await post('', { type: 'text/plain' }), 400, 'bad_request');
	});

	it('404 for unknown articles', async () => {
		await expectError(await fetch(`${server.url}/api/articles/99999`, { headers: editor.headers }), 404, 'not_found');
		await expectError(await fetch(`${server.url}/api/articles/abc`, { headers: editor.headers }), 404, 'not_found');
	});
});
