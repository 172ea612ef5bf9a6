import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime } from '../app.ts';
import { configFromEnv } from '../config.ts';
import { resolveUser } from '../auth/resolve.ts';
import type { Runtime } from '../runtime.ts';
import { DocStore } from './persistence.ts';
import { decideUpgrade, originAllowed, parseCollabUrl, readCookie, rejectionResponse, type UpgradeDeps } from './upgrade.ts';
import { seedUser, type SeededUser } from '../../../../tests/helpers/users.ts';
import { seedArticle } from '../../../../tests/helpers/articles.ts';

describe('parseCollabUrl', () => {
	it('accepts article documents with their query', () => {
		expect(parseCollabUrl('/collab/article-42?token=dzt_x&saveStatus=1')).toEqual({
			kind: 'doc',
			docName: 'article-42',
			articleId: 42,
			token: 'dzt_x',
			saveStatus: true
		});
		expect(parseCollabUrl('/collab/article-7')).toMatchObject({ kind: 'doc', token: null, saveStatus: false });
	});

	it('leaves other paths to others', () => {
		for (const url of ['/', '/@vite/client', '/collab', '/collabx/article-1', undefined]) expect(parseCollabUrl(url).kind).toBe('other');
	});

	it('refuses every other name under /collab/ without decoding it', () => {
		const bad = [
			'/collab/../x',
			'/collab/%2e%2e',
			'/collab/%2e%2e/article-1',
			'/collab/article-1/../../etc',
			'/collab/article-01',
			'/collab/article-0',
			'/collab/article-1234567890123456',
			'/collab/article-',
			'/collab/ARTICLE-1',
			'/collab/article-1%00',
			'/collab/article-1 ',
			'/collab/',
			'/collab/' + 'a'.repeat(10 * 1024),
			'/collab/article-1?' + 'x'.repeat(10 * 1024)
		];
		for (const url of bad) expect(parseCollabUrl(url), url).toMatchObject({ kind: 'bad' });
	});
});

describe('readCookie and originAllowed', () => {
	it('reads one cookie among others', () => {
		expect(readCookie('a=1; duizhao_session=abc; b=2', 'duizhao_session')).toBe('abc');
		expect(readCookie('xduizhao_session=abc', 'duizhao_session')).toBeNull();
		expect(readCookie(undefined, 'duizhao_session')).toBeNull();
	});

	it('allows only our own origin', () => {
		expect(originAllowed('http://localhost:3000', 'localhost:3000', null)).toBe(true);
		expect(originAllowed('https://localhost:3000', 'localhost:3000', null)).toBe(true);
		expect(originAllowed('http://evil.example', 'localhost:3000', null)).toBe(false);
		expect(originAllowed(undefined, 'localhost:3000', null)).toBe(false);
		expect(originAllowed('https://desk.example.org', 'internal:3000', 'https://desk.example.org/')).toBe(true);
		expect(originAllowed('http://internal:3000', 'internal:3000', 'https://desk.example.org')).toBe(false);
	});
});

describe('decideUpgrade against a real database', () => {
	let dir: string;
	let rt: Runtime;
	let store: DocStore;
	let translator: SeededUser;
	let reviewer: SeededUser;
	let articleId: number;
	/** Database lookups made by the decision, counted at the seams it is given. */
	let lookups = 0;
	let admitted: string | null = null;
	let deps: UpgradeDeps;

	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'duizhao-upgrade-'));
		rt = createRuntime(configFromEnv({}, { dataDir: dir }));
		store = new DocStore(rt.db);
		translator = seedUser(dir, 'tina', 'translator');
		reviewer = seedUser(dir, 'rita', 'reviewer');
		articleId = seedArticle(dir, [{ text: '标题' }]);
		deps = {
			origin: null,
			resolve: (creds) => (lookups++, resolveUser(rt, creds)),
			admit: () => admitted,
			articleExists: (id) => (lookups++, store.articleExists(id))
		};
	});
	afterAll(() => {
		rt.db.close();
		rmSync(dir, { recursive: true, force: true });
	});

	const decide = (url: string, headers: Record<string, string> = {}) => {
		lookups = 0;
		store.queries = 0;
		return decideUpgrade({ url, headers: { host: 'localhost:3000', ...headers } }, false, deps);
	};

	it('refuses malformed names with 400 before touching the database', () => {
		for (const url of ['/collab/../x', '/collab/%2e%2e', '/collab/' + 'n'.repeat(10 * 1024)]) {
			expect(decide(`${url}?token=${translator.token}`)).toMatchObject({ kind: 'reject', status: 400 });
			expect(lookups).toBe(0);
			expect(store.queries).toBe(0);
		}
	});

	it('401 without credentials, 403 for a cookie from a foreign origin — no database access', () => {
		expect(decide(`/collab/article-${articleId}`)).toMatchObject({ kind: 'reject', status: 401 });
		expect(lookups).toBe(0);
		const cookie = `duizhao_session=${translator.sessionId}`;
		expect(decide(`/collab/article-${articleId}`, { cookie, origin: 'http://evil.example' })).toMatchObject({ kind: 'reject', status: 403 });
		expect(decide(`/collab/article-${articleId}`, { cookie })).toMatchObject({ kind: 'reject', status: 403 });
		expect(lookups).toBe(0);
	});

	it('accepts a cookie from our origin and a token from anywhere', () => {
		const cookie = `duizhao_session=${translator.sessionId}`;
		expect(decide(`/collab/article-${articleId}`, { cookie, origin: 'http://localhost:3000' })).toMatchObject({
			kind: 'accept',
			auth: 'cookie',
			readOnly: false
		});
		expect(decide(`/collab/article-${articleId}?token=${translator.token}`, { origin: 'http://evil.example' })).toMatchObject({
			kind: 'accept',
			auth: 'token',
			docName: `article-${articleId}`,
			articleId
		});
	});

	it('401 for a bad token, read-only for reviewers', () => {
		expect(decide(`/collab/article-${articleId}?token=dzt_nope`)).toMatchObject({ kind: 'reject', status: 401 });
		expect(lookups).toBe(1);
		const d = decide(`/collab/article-${articleId}?token=${reviewer.token}`);
		expect(d).toMatchObject({ kind: 'accept', readOnly: true });
		expect(d.kind === 'accept' && d.user.name).toBe('rita');
	});

	it('429 from the per-user limits before looking the article up; 404 for unknown articles', () => {
		admitted = 'At most 20 open documents per user';
		expect(decide(`/collab/article-999?token=${translator.token}`)).toMatchObject({ kind: 'reject', status: 429 });
		expect(lookups).toBe(1); // the token only
		admitted = null;
		expect(decide(`/collab/article-999?token=${translator.token}`)).toMatchObject({ kind: 'reject', status: 404 });
	});

	it('leaves non-collab upgrades alone in dev and refuses them in production', () => {
		expect(decideUpgrade({ url: '/', headers: {} }, true, deps)).toEqual({ kind: 'ignore' });
		expect(decideUpgrade({ url: '/', headers: {} }, false, deps)).toMatchObject({ kind: 'reject', status: 404 });
	});
});

describe('rejectionResponse', () => {
	it('is a complete HTTP response with the JSON error shape', () => {
		const res = rejectionResponse(429, 'At most 20');
		expect(res.startsWith('HTTP/1.1 429 Too Many Requests\r\n')).toBe(true);
		const body = res.split('\r\n\r\n')[1]!;
		expect(JSON.parse(body)).toEqual({ error: { code: 'rate_limited', message: 'At most 20' } });
		expect(res).toContain(`Content-Length: ${Buffer.byteLength(body)}\r\n`);
	});
});
