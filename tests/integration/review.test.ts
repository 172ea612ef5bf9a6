// Review records against the real production server: comments and claims through the HTTP
// API for every role (403s change nothing), bad input (400/413, nothing stored), @mentions
// into the inbox, live pushes, target anchors that follow the words as other y-websocket
// clients edit, and the re-check flag when a resolved claim's English changes.
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';
import { importArticle, readSeedArticle } from '../helpers/articles.ts';
import { seedUser, type SeededUser } from '../helpers/users.ts';
import { connectClient, until, type YClient } from '../helpers/yclient.ts';
import { createTargetAnchor, resolveTargetAnchor, textBetween } from '../../src/lib/ydoc/anchors.ts';
import type { Claim, Comment, TargetAnchor } from '../../src/lib/types.ts';

let server: TestServer;
let admin: SeededUser, ed: SeededUser, ana: SeededUser, ben: SeededUser, rita: SeededUser;
let articleId: number;
let s5: string;

beforeAll(async () => {
	server = await startServer();
	admin = seedUser(server.dataDir, 'adele', 'admin');
	ed = seedUser(server.dataDir, 'ed', 'editor');
	ana = seedUser(server.dataDir, 'ana', 'translator');
	ben = seedUser(server.dataDir, 'ben', 'translator');
	rita = seedUser(server.dataDir, 'rita', 'reviewer');
	const article = await importArticle(server.url, ed, readSeedArticle());
	articleId = article.id;
	s5 = article.segments.find((s) => s.id === 's5')!.text;
	expect(s5.startsWith('米勒表示')).toBe(true);
});
afterAll(async () => {
	await server?.dispose();
});

function call(user: SeededUser | null, method: string, path: string, body?: unknown, raw?: string): Promise<Response> {
	const headers: Record<string, string> = { ...(user?.headers ?? {}) };
	if (body !== undefined || raw !== undefined) headers['content-type'] = 'application/json';
	return fetch(`${server.url}/api/articles/${articleId}${path}`, { method, headers, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
}

async function comments(): Promise<Comment[]> {
	const res = await call(ana, 'GET', '/comments');
	expect(res.status).toBe(200);
	return ((await res.json()) as { comments: Comment[] }).comments;
}

async function claims(): Promise<Claim[]> {
	const res = await call(rita, 'GET', '/claims');
	expect(res.status).toBe(200);
	return ((await res.json()) as { claims: Claim[] }).claims;
}

async function created(res: Response): Promise<number> {
	const text = await res.text();
	expect(res.status, text).toBe(201);
	return (JSON.parse(text) as { id: number }).id;
}

async function expectError(res: Response, status: number, code?: string): Promise<void> {
	const body = (await res.json()) as { error: { code: string; message: string } };
	expect(res.status, body.error?.message).toBe(status);
	if (code) expect(body.error.code).toBe(code);
	expect(body.error.message).toBeTruthy();
}

const MILLER = { start: 0, end: 2, quote: '米勒' };

describe('comments over HTTP', () => {
	it('every role comments and reads; answers carry the author and timestamps', async () => {
		const ids: number[] = [];
		for (const u of [admin, ed, ana, rita]) {
			ids.push(await created(await call(u, 'POST', '/comments', { segmentId: 's3', body: `note from ${u.name}` })));
		}
		const list = await comments();
		for (const [i, u] of [admin, ed, ana, rita].entries()) {
			const c = list.find((x) => x.id === ids[i])!;
			expect(c).toMatchObject({ segmentId: 's3', body: `note from ${u.name}`, author: { id: u.id, name: u.name }, resolved: false, parentId: null });
			expect(Date.parse(c.createdAt)).not.toBeNaN();
			expect(Date.parse(c.updatedAt)).not.toBeNaN();
		}
		await expectError(await call(null, 'GET', '/comments'), 401, 'unauthorized');
		const anon = await fetch(`${server.url}/api/articles/${articleId}/comments`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: new URL(server.url).origin },
			body: JSON.stringify({ segmentId: 's3', body: 'anon' })
		});
		await expectError(anon, 401, 'unauthorized');
	});

	it('the reviewer comments on a source span; the translator replies and resolves; forbidden changes answer 403 and change nothing', async () => {
		const root = await created(await call(rita, 'POST', '/comments', { segmentId: 's5', body: 'Is 米勒 the spokesman? @ana', anchor: MILLER }));
		const reply = await created(await call(ana, 'POST', '/comments', { segmentId: 's5', body: 'Yes, Matthew Miller.', parentId: root }));
		const before = await comments();

		await expectError(await call(ana, 'PATCH', `/comments/${root}`, { body: 'rewritten by someone else' }), 403, 'forbidden');
		await expectError(await call(ed, 'PATCH', `/comments/${root}`, { body: 'editor rewrite', resolved: true }), 403);
		await expectError(await call(admin, 'PATCH', `/comments/${reply}`, { body: 'admin rewrite' }), 403);
		await expectError(await call(ana, 'DELETE', `/comments/${root}`), 403);
		await expectError(await call(ed, 'DELETE', `/comments/${reply}`), 403);
		expect(await comments()).toEqual(before);

		const resolved = await call(ana, 'PATCH', `/comments/${root}`, { resolved: true });
		expect(resolved.status).toBe(200);
		expect(((await resolved.json()) as Comment).resolved).toBe(true);
		const edited = await call(ana, 'PATCH', `/comments/${reply}`, { body: 'Yes: Matthew Miller, the spokesman.' });
		expect(((await edited.json()) as Comment).body).toBe('Yes: Matthew Miller, the spokesman.');
		const list = await comments();
		expect(list.find((c) => c.id === root)).toMatchObject({ resolved: true, anchor: { side: 'source', ...MILLER }, mentions: [{ name: 'ana' }] });
		expect(list.find((c) => c.id === reply)).toMatchObject({ parentId: root, segmentId: 's5' });

		// Reopen (any member), then the admin deletes someone else's thread with its replies.
		expect((await call(ed, 'PATCH', `/comments/${root}`, { resolved: false })).status).toBe(200);
		expect((await call(admin, 'DELETE', `/comments/${root}`)).status).toBe(204);
		expect((await comments()).filter((c) => c.id === root || c.id === reply)).toEqual([]);
		await expectError(await call(rita, 'PATCH', `/comments/${root}`, { resolved: true }), 404);
	});

	it('bad input answers 400 or 413 and stores nothing', async () => {
		const before = await comments();
		const bad: [unknown, number][] = [
			[{ segmentId: 's99', body: 'unknown segment' }, 400],
			[{ segmentId: 's5', body: 'out of range', anchor: { start: 50, end: 70, quote: 'x' } }, 400],
			[{ segmentId: 's5', body: 'negative', anchor: { start: -1, end: 2, quote: '米勒' } }, 400],
			[{ segmentId: 's5', body: 'quote mismatch', anchor: { start: 0, end: 2, quote: '普京' } }, 400],
			[{ segmentId: 's5', body: 'bad target', anchor: { from: 'not-a-position', to: 'AAAA', quote: 'x' } }, 400],
			[{ segmentId: 's5', body: '' }, 400],
			[{ segmentId: 's5', body: 'x'.repeat(10_001) }, 400],
			[{ segmentId: 's5', body: 'x'.repeat(100 * 1024) }, 413],
			[{ segmentId: 's5', body: 'orphan reply', parentId: 987654 }, 400]
		];
		for (const [body, status] of bad) await expectError(await call(ana, 'POST', '/comments', body), status);
		await expectError(await call(ana, 'POST', '/comments', undefined, '{not json'), 400);
		expect(await comments()).toEqual(before);
	});

	it('@mentions reach the inbox of the mentioned user, with the article and pair', async () => {
		const id = await created(await call(rita, 'POST', '/comments', { segmentId: 's7', body: 'Please check the quote, @ben.' }));
		const inbox = async () => (await (await fetch(`${server.url}/api/inbox`, { headers: ben.headers })).json()) as { mentions: { comment: Comment; article: { id: number; title: string }; segmentId: string; seen: boolean }[]; unread: number };
		const got = await inbox();
		expect(got.unread).toBe(1);
		expect(got.mentions[0]).toMatchObject({ comment: { id }, article: { id: articleId }, segmentId: 's7', seen: false });
		expect(got.mentions[0]!.article.title).toContain('美国务院');
		const seen = await fetch(`${server.url}/api/inbox`, { method: 'POST', headers: { ...ben.headers, 'content-type': 'application/json' }, body: '{}' });
		expect(((await seen.json()) as { unread: number }).unread).toBe(0);
		expect((await inbox()).mentions[0]!.seen).toBe(true);
		// Nobody else was mentioned.
		expect(((await (await fetch(`${server.url}/api/inbox`, { headers: ana.headers })).json()) as { mentions: { comment: Comment }[] }).mentions.map((m) => m.comment.id)).not.toContain(id);
	});

	it('pushes comment events live on the article stream', async () => {
		const ctrl = new AbortController();
		const res = await fetch(`${server.url}/api/articles/${articleId}/events`, { headers: ana.headers, signal: ctrl.signal });
		const reader = res.body!.getReader();
		let text = '';
		await until(async () => {
			const { value } = await reader.read();
			text += new TextDecoder().decode(value);
			return text.includes(': connected');
		}, 'the stream');
		const id = await created(await call(rita, 'POST', '/comments', { segmentId: 's6', body: 'live one' }));
		await until(async () => {
			const { value } = await reader.read();
			text += new TextDecoder().decode(value);
			return text.includes(`"id":${id}`);
		}, 'the comment event');
		expect(text).toMatch(/event: comment\ndata: \{[^\n]*"body":"live one"/);
		ctrl.abort();
	});
});

describe('claims over HTTP', () => {
	const base = { segmentId: 's5', anchor: MILLER, claimant: '米勒 / Matthew Miller', verdict: 'mostly true', note: 'Briefing of 13 September.' };

	it('translators, reviewers, editors and admins create claims; only reviewers, editors and admins resolve them or change the verdict', async () => {
		const ids: number[] = [];
		for (const u of [admin, ed, ana, rita]) {
			ids.push(await created(await call(u, 'POST', '/claims', { ...base, evidence: [{ url: 'https://www.state.gov/briefings/', title: 'Department Press Briefing', accessed: '2023-09-14' }] })));
		}
		const list = await claims();
		const mine = list.find((c) => c.id === ids[2])!;
		expect(mine).toMatchObject({
			segmentId: 's5',
			anchor: MILLER,
			claimant: '米勒 / Matthew Miller',
			verdict: 'mostly_true',
			evidence: [{ url: 'https://www.state.gov/briefings/', title: 'Department Press Briefing', accessed: '2023-09-14' }],
			status: 'open',
			recheck: false,
			target: null,
			checker: { id: ana.id, name: 'ana' }
		});
		expect(Date.parse(mine.createdAt)).not.toBeNaN();

		const before = await claims();
		await expectError(await call(ana, 'PATCH', `/claims/${ids[2]}`, { status: 'resolved' }), 403, 'forbidden');
		await expectError(await call(ben, 'PATCH', `/claims/${ids[2]}`, { verdict: 'false' }), 403);
		await expectError(await call(ana, 'PATCH', `/claims/${ids[2]}`, { verdict: 'false', note: 'sneaky' }), 403);
		await expectError(await call(ana, 'POST', '/claims', { ...base, status: 'resolved' }), 403);
		await expectError(await call(ana, 'DELETE', `/claims/${ids[2]}`), 403);
		expect(await claims()).toEqual(before);

		for (const [u, id] of [[rita, ids[2]], [ed, ids[1]], [admin, ids[0]]] as const) {
			const res = await call(u, 'PATCH', `/claims/${id}`, { verdict: 'true', status: 'resolved' });
			expect(res.status).toBe(200);
			expect(await res.json()).toMatchObject({ verdict: 'true', status: 'resolved', checker: { id: u.id } });
		}
		// Translators may still add evidence and notes to an open claim.
		const noted = await call(ana, 'PATCH', `/claims/${ids[3]}`, { note: 'Transcript linked.', evidence: [{ url: 'http://example.org/transcript', title: 'Transcript' }] });
		expect(noted.status).toBe(200);
		expect(((await noted.json()) as Claim).evidence[0]).toMatchObject({ url: 'http://example.org/transcript', title: 'Transcript' });
	});

	it('bad input answers 400 or 413 and stores nothing', async () => {
		const before = await claims();
		const bad: [unknown, number][] = [
			[{ ...base, segmentId: 's404' }, 400],
			[{ ...base, anchor: { start: 0, end: s5.length + 1, quote: s5 + 'x' } }, 400],
			[{ ...base, anchor: { start: 2, end: 1, quote: '' } }, 400],
			[{ ...base, anchor: { start: 0, end: 2, quote: '普京' } }, 400],
			[{ ...base, evidence: [{ url: 'javascript:alert(document.cookie)', title: 'x', accessed: '2023-09-14' }] }, 400],
			[{ ...base, evidence: [{ url: 'https://ok.example/', title: 'x', accessed: 'yesterday' }] }, 400],
			[{ ...base, evidence: [{ url: 'https://ok.example/', title: 't'.repeat(501) }] }, 400],
			[{ ...base, verdict: 'pants on fire' }, 400],
			[{ ...base, target: { from: '###', to: '###', quote: 'x' } }, 400],
			[{ ...base, note: 'x'.repeat(100 * 1024) }, 413]
		];
		for (const [body, status] of bad) await expectError(await call(rita, 'POST', '/claims', body), status);
		const [first] = before;
		await expectError(await call(rita, 'PATCH', `/claims/${first!.id}`, { evidence: [{ url: 'javascript:alert(1)' }] }), 400);
		await expectError(await call(rita, 'PATCH', `/claims/${first!.id}`, { segmentId: 's6' }), 400);
		expect(await claims()).toEqual(before);
	});
});

/** Writes English into s5 through a y-websocket client and waits until the server has it. */
async function writeS5(client: YClient, text: string): Promise<void> {
	client.setText('s5', text);
	const probe = await connectClient(server.wsUrl, articleId, ed.token);
	try {
		await until(() => probe.text('s5') === text, 'the English on the server');
	} finally {
		probe.destroy();
	}
}

const textOf = (client: YClient) => ((client.doc.getXmlFragment('s5').get(0) as Y.XmlElement).get(0) as Y.XmlText);

describe('target anchors with live clients', () => {
	it('a comment on English words keeps pointing at them through another client’s edits, and is orphaned when they are deleted', async () => {
		const a = await connectClient(server.wsUrl, articleId, ana.token);
		const b = await connectClient(server.wsUrl, articleId, ben.token);
		try {
			await writeS5(a, 'Miller said: we have taken a series of actions against the brokers.');
			await until(() => b.text('s5').startsWith('Miller said'), 'b has the English');
			const fragment = a.doc.getXmlFragment('s5');
			const start = 1 + 'Miller said: we have taken '.length;
			const anchor = createTargetAnchor(fragment, start, start + 'a series of actions'.length);
			expect(anchor.quote).toBe('a series of actions');
			const id = await created(await call(rita, 'POST', '/comments', { segmentId: 's5', body: '“a series of” reads oddly', anchor }));
			const stored = (await comments()).find((c) => c.id === id)!.anchor as TargetAnchor & { side: string };
			expect(stored).toMatchObject({ side: 'target', ...anchor });

			// Another client edits before the span and inside it.
			textOf(b).insert(0, 'Spokesman ');
			textOf(b).insert('Spokesman Miller said: we have taken a series of'.length, ' concrete');
			const expected = 'a series of concrete actions';
			for (const client of [a, b]) {
				await until(() => client.text('s5').includes(expected), 'the edits everywhere');
				const r = resolveTargetAnchor(client.doc.getXmlFragment('s5'), stored);
				expect(r).toMatchObject({ text: expected, orphaned: false });
				expect(textBetween(client.doc.getXmlFragment('s5'), r.from, r.to)).toBe(expected);
				expect(client.text('s5').indexOf(expected) + 1).toBe(r.from);
			}
			// Typing right after the span stays outside it.
			textOf(b).insert(b.text('s5').indexOf(expected) + expected.length, ' (sic)');
			await until(() => a.text('s5').includes('(sic)'), 'the last edit');
			expect(resolveTargetAnchor(a.doc.getXmlFragment('s5'), stored).text).toBe(expected);

			// Deleting the words orphans the anchor; the stored quote still tells what it was.
			textOf(b).delete(b.text('s5').indexOf(expected), expected.length);
			await until(() => !a.text('s5').includes('series'), 'the deletion');
			const fresh = await connectClient(server.wsUrl, articleId, rita.token);
			try {
				expect(resolveTargetAnchor(fresh.doc.getXmlFragment('s5'), stored)).toMatchObject({ orphaned: true });
				expect(resolveTargetAnchor(a.doc.getXmlFragment('s5'), stored)).toMatchObject({ orphaned: true });
				expect(stored.quote).toBe('a series of actions');
			} finally {
				fresh.destroy();
			}
		} finally {
			a.destroy();
			b.destroy();
		}
	});
});

describe('re-check', () => {
	it('a resolved claim linked to English is flagged when another client edits that English; resolving again clears it', async () => {
		const a = await connectClient(server.wsUrl, articleId, ana.token);
		try {
			await writeS5(a, 'Miller said: “We have already taken a series of actions to sanction entities.”');
			const fragment = a.doc.getXmlFragment('s5');
			const text = a.text('s5');
			const span = (words: string) => createTargetAnchor(fragment, 1 + text.indexOf(words), 1 + text.indexOf(words) + words.length);
			const linked = await created(await call(rita, 'POST', '/claims', { ...claimBody(), target: span('a series of actions') }));
			const other = await created(await call(rita, 'POST', '/claims', { ...claimBody(), target: span('Miller said') }));
			const whole = await created(await call(ed, 'POST', '/claims', { ...claimBody(), segmentId: 's6', anchor: { start: 0, end: 2, quote: '他说' } }));
			for (const [u, id] of [[rita, linked], [rita, other], [ed, whole]] as const) {
				expect((await call(u, 'PATCH', `/claims/${id}`, { status: 'resolved' })).status).toBe(200);
			}
			const byId = async (id: number) => (await claims()).find((c) => c.id === id)!;
			expect((await byId(linked)).recheck).toBe(false);

			// The translator's client (not the fact-checker) changes the linked words.
			textOf(a).insert(text.indexOf('actions'), 'concrete ');
			await until(async () => (await byId(linked)).recheck, 'the re-check flag', 15_000);
			expect((await byId(other)).recheck).toBe(false);
			expect((await byId(whole)).recheck).toBe(false);

			// Whole-paragraph link: any change of that paragraph.
			a.setText('s6', 'He said it was troubling.');
			await until(async () => (await byId(whole)).recheck, 'the whole-paragraph re-check', 15_000);

			const again = await call(rita, 'PATCH', `/claims/${linked}`, { status: 'resolved' });
			expect(await again.json()).toMatchObject({ status: 'resolved', recheck: false });
			expect((await byId(linked)).recheck).toBe(false);
		} finally {
			a.destroy();
		}
	});
});

function claimBody() {
	return { segmentId: 's5', anchor: MILLER, claimant: 'Matthew Miller', verdict: 'true' };
}
