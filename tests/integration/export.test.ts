// Export through the real production server (issue 7): the seed article imported over
// HTTP, its English written by a real y-websocket client, statuses set over HTTP and one
// resolved claim in the database → the exported files (valid HTML, every pair in order,
// ClaimReview JSON-LD), their media types and file names, the role rules, the publish
// check, `duizhao export` on the server's data dir, and an XLIFF round trip that an open
// y-websocket client sees live.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DOMParser, XMLSerializer, type Element } from '@xmldom/xmldom';
import { HtmlValidate } from 'html-validate';
import { toText } from 'hast-util-to-text';
import { SEED_ROWS } from '../../src/lib/export/fixtures.test-helpers.ts';
import { jsonLdBlocks, parseHtml } from '../../src/lib/export/safety.test-helpers.ts';
import { FORMATS, MEDIA_TYPES, XLIFF_NS, type PublishCheck } from '../../src/lib/export/index.ts';
import type { Segment, Status } from '../../src/lib/types.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { importArticle, readSeedArticle } from '../helpers/articles.ts';
import { runCli } from '../helpers/cli.ts';
import { seedUser, type SeededUser } from '../helpers/users.ts';
import { connectClient, until, type YClient } from '../helpers/yclient.ts';

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

let server: TestServer;
let ed: SeededUser, tina: SeededUser, rita: SeededUser;
let id: number;
let segments: Segment[];
let writer: YClient;
const english = new Map<string, string>();
const work = mkdtempSync(join(tmpdir(), 'duizhao-export-it-'));

const get = (path: string, user: SeededUser | null = ed) => fetch(`${server.url}${path}`, { headers: user ? user.headers : {} });
const exportUrl = (query: string) => `/api/articles/${id}/export?${query}`;
async function putStatus(user: SeededUser, segmentId: string, status: Status) {
	const res = await fetch(`${server.url}/api/articles/${id}/segments/${segmentId}/status`, {
		method: 'PUT',
		headers: { ...user.headers, 'content-type': 'application/json' },
		body: JSON.stringify({ status })
	});
	expect(res.status).toBe(200);
}
async function publishCheck(): Promise<PublishCheck> {
	const res = await get(`/api/articles/${id}/publish-check`, tina);
	expect(res.status).toBe(200);
	return (await res.json()) as PublishCheck;
}
async function expectError(res: Response, status: number, code: string) {
	expect(res.status).toBe(status);
	expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
}
const cli = (args: string[]) => runCli(args, { cwd: work, dataDir: server.dataDir });
const xml = (text: string) => {
	const errors: string[] = [];
	const doc = new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(text, 'application/xml');
	expect(errors).toEqual([]);
	return doc;
};

beforeAll(async () => {
	server = await startServer();
	ed = seedUser(server.dataDir, 'ed', 'editor');
	tina = seedUser(server.dataDir, 'tina', 'translator');
	rita = seedUser(server.dataDir, 'rita', 'reviewer');
	({ id, segments } = await importArticle(server.url, ed, readSeedArticle()));
	expect(segments.length).toBeGreaterThan(20);

	// The translator writes the English of every pair through y-websocket.
	const known = new Map(SEED_ROWS.map(([, zh, en]) => [zh.replace(/\s+/g, ''), en]));
	writer = await connectClient(server.wsUrl, id, tina.token);
	for (const s of segments) {
		const en = known.get(s.text.replace(/\s+/g, '')) ?? `English of pair ${s.id}: the State Department said so.`;
		english.set(s.id, en);
		writer.setText(s.id, en);
	}
	await until(async () => (await publishCheck()).issues.every((i) => i.code !== 'empty'), 'the server has every pair’s English', 20_000);
	for (const s of segments) await putStatus(tina, s.id, 'translated');
	for (const s of segments.slice(0, 5)) await putStatus(rita, s.id, 'approved');

	// One resolved claim (the claims API is another feature's; the table is the contract).
	const claimed = segments.find((s) => s.text.includes('18个多月'))!;
	const quote = '18个多月';
	const start = claimed.text.indexOf(quote);
	const db = new Database(join(server.dataDir, 'duizhao.sqlite'));
	db.pragma('busy_timeout = 5000');
	try {
		const now = new Date().toISOString();
		db.prepare(
			`INSERT INTO claims (article_id, segment_id, anchor, claimant, verdict, evidence, note, status, checker_id, created_at, updated_at)
			 VALUES (?, ?, ?, 'US officials', 'mostly_true', ?, 'Western estimates agree.', 'resolved', ?, ?, ?)`
		).run(
			id,
			claimed.id,
			JSON.stringify({ start, end: start + quote.length, quote }),
			JSON.stringify([{ url: 'https://www.state.gov/briefings/department-press-briefing-september-13-2023/', title: 'State Department briefing', accessed: '2023-09-14' }]),
			rita.id,
			now,
			now
		);
	} finally {
		db.close();
	}
});

afterAll(async () => {
	writer?.destroy();
	await server?.dispose();
	rmSync(work, { recursive: true, force: true });
});

describe('GET /api/articles/<id>/export', () => {
	for (const layout of ['side-by-side', 'interleaved']) {
		it(`bilingual HTML (${layout}): valid, every source segment and its English in order, ClaimReview JSON-LD, credits`, async () => {
			const res = await get(exportUrl(`format=bilingual-html&layout=${layout}`));
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
			expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="article-${id}-us-will-impose-sanctions[a-z0-9-]*\\.bilingual-${layout}\\.html"$`));
			const html = await res.text();

			const report = await validator.validateString(html);
			expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`))).toEqual([]);

			const text = toText(parseHtml(html));
			let at = 0;
			for (const s of segments) {
				const zh = text.indexOf(s.text, at);
				expect(zh, `source of ${s.id}`).toBeGreaterThanOrEqual(at);
				const en = text.indexOf(english.get(s.id)!, zh + s.text.length);
				expect(en, `English of ${s.id}`).toBeGreaterThan(zh);
				at = en;
			}

			const [reviews] = jsonLdBlocks(html) as Record<string, unknown>[][];
			expect(reviews).toHaveLength(1);
			expect(reviews![0]).toMatchObject({ '@type': 'ClaimReview', reviewRating: { alternateName: expect.any(String) } });
			// The claim has no English span: the whole English paragraph is what was checked.
			const claimed = segments.find((s) => s.text.includes('18个多月'))!;
			expect(reviews![0]!.claimReviewed).toBe(english.get(claimed.id));
			expect(text).toMatch(/Translated by\s*tina/);
			expect(text).toMatch(/Reviewed by\s*rita/);
		});
	}

	it('every format: its media type and an attachment file name; inline=1 for the preview, with the file’s own CSP', async () => {
		const suffix: Record<string, string> = {
			'bilingual-html': '.bilingual-side-by-side.html',
			html: '.en.html',
			markdown: '.en.md',
			xliff: '.xlf',
			tmx: '.tmx',
			claimreview: '.claimreview.jsonld'
		};
		for (const format of FORMATS) {
			const res = await get(exportUrl(`format=${format}`));
			expect(res.status, format).toBe(200);
			expect(res.headers.get('content-type')).toBe(MEDIA_TYPES[format]);
			const disposition = res.headers.get('content-disposition')!;
			expect(disposition).toMatch(/^attachment; filename="article-\d+-[a-z0-9-]+\.[a-z.-]+"$/);
			expect(disposition.endsWith(`${suffix[format]}"`)).toBe(true);
			expect(res.headers.get('cache-control')).toBe('private, no-store');
			expect((await res.text()).length).toBeGreaterThan(100);
		}
		const inline = await get(exportUrl('format=bilingual-html&layout=interleaved&inline=1'));
		expect(inline.headers.get('content-disposition')).toMatch(/^inline; filename=/);
		const csp = inline.headers.get('content-security-policy')!;
		expect(csp).toMatch(/default-src 'none'/);
		expect(csp).toMatch(/sandbox/);
		expect(csp).not.toMatch(/script-src/);
		expect(JSON.parse(await (await get(exportUrl('format=claimreview'))).text())).toHaveLength(1);
	});

	it('roles and bad input: 401, 403 for translators and reviewers, 400 bad format/layout/flag, 404 unknown article', async () => {
		await expectError(await get(exportUrl('format=tmx'), null), 401, 'unauthorized');
		await expectError(await get(exportUrl('format=tmx'), tina), 403, 'forbidden');
		await expectError(await get(exportUrl('format=tmx'), rita), 403, 'forbidden');
		await expectError(await get(exportUrl('format=pdf')), 400, 'bad_request');
		await expectError(await get(exportUrl('format=bilingual-html&layout=columns')), 400, 'bad_request');
		await expectError(await get(exportUrl('format=tmx&comments=maybe')), 400, 'bad_request');
		await expectError(await get('/api/articles/999999/export?format=tmx'), 404, 'not_found');
		await expectError(await get('/api/articles/abc/export?format=tmx'), 404, 'not_found');
	});

	it('TMX parses and has one tu per translated pair; `duizhao export --format tmx -o` on the data dir gives the same', async () => {
		const translated = segments.filter((s) => english.get(s.id)!.trim()).length;
		const fromHttp = xml(await (await get(exportUrl('format=tmx'))).text());
		expect(fromHttp.getElementsByTagName('tu').length).toBe(translated);
		expect(fromHttp.getElementsByTagName('header').item(0)!.getAttribute('segtype')).toBe('paragraph');

		const out = join(work, 'seed.tmx');
		const run = await cli(['export', String(id), '--format', 'tmx', '-o', out]);
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		expect(run.stdout).toBe(`${out}\n`);
		const fromCli = xml(readFileSync(out, 'utf8'));
		expect(fromCli.getElementsByTagName('tu').length).toBe(translated);
		const segs = (d: typeof fromCli) => Array.from({ length: d.getElementsByTagName('seg').length }, (_, i) => d.getElementsByTagName('seg').item(i)!.textContent);
		expect(segs(fromCli)).toEqual(segs(fromHttp));

		// Without -o the file goes to stdout.
		const piped = await cli(['export', String(id), '--format', 'tmx']);
		expect(piped.code).toBe(0);
		expect(xml(piped.stdout).getElementsByTagName('tu').length).toBe(translated);

		expect((await cli(['export', '999', '--format', 'tmx', '-o', join(work, 'x.tmx')])).code).toBe(1);
		const bad = await cli(['export', String(id), '--format', 'pdf']);
		expect(bad.code).toBe(2);
		expect(bad.stderr.trim().split('\n')).toHaveLength(1);
	});
});

describe('publish check and XLIFF round trip', () => {
	const cleared = () => segments.slice(-4, -1).map((s) => s.id);

	it('untranslated pairs show in the publish check, and `duizhao export --strict` refuses with the list', async () => {
		const before = await publishCheck();
		expect(before.counts.untranslated).toBe(0);
		expect(before.counts.claim).toBe(0);

		writer.doc.transact(() => {
			for (const sid of cleared()) writer.doc.getXmlFragment(sid).delete(0, writer.doc.getXmlFragment(sid).length);
		});
		await until(async () => (await publishCheck()).counts.untranslated === 3, 'the cleared pairs are open');
		const check = await publishCheck();
		expect(check.ok).toBe(false);
		expect(check.issues.filter((i) => i.kind === 'untranslated').map((i) => i.segmentId)).toEqual(cleared());
		await expectError(await get(`/api/articles/${id}/publish-check`, null), 401, 'unauthorized');

		const out = join(work, 'strict.html');
		const strict = await cli(['export', String(id), '--format', 'bilingual-html', '--strict', '-o', out]);
		expect(strict.code).toBe(1);
		const lines = strict.stderr.trim().split('\n');
		for (const sid of cleared()) expect(lines).toContain(`${sid} untranslated (empty): No English yet`);
		expect(lines.at(-1)).toMatch(/open issues?; nothing written \(--strict\)/);
		expect(existsSync(out)).toBe(false);
		// Without --strict it writes, and says there are open issues.
		const loose = await cli(['export', String(id), '--format', 'bilingual-html', '-o', out]);
		expect(loose.code).toBe(0);
		expect(loose.stderr).toMatch(/^warning: \d+ open issues?/);
		expect(existsSync(out)).toBe(true);
	});

	it('XLIFF: export, fill the empty targets (and change a written one) in the file, import → a live client sees them', async () => {
		const res = await get(exportUrl('format=xliff'));
		expect(res.headers.get('content-type')).toBe('application/xliff+xml');
		const doc = xml(await res.text());
		const units = doc.getElementsByTagNameNS(XLIFF_NS, 'unit');
		expect(units.length).toBe(segments.length);
		const unit = (sid: string) => Array.from({ length: units.length }, (_, i) => units.item(i)!).find((u) => u.getAttribute('id') === sid)!;
		const setTarget = (sid: string, text: string) => {
			const segment = unit(sid).getElementsByTagNameNS(XLIFF_NS, 'segment').item(0)!;
			let target = segment.getElementsByTagNameNS(XLIFF_NS, 'target').item(0) as Element | null;
			if (!target) {
				target = doc.createElementNS(XLIFF_NS, 'target');
				segment.appendChild(target);
			}
			target.textContent = text;
			segment.setAttribute('state', 'translated');
		};
		for (const sid of cleared()) {
			expect(unit(sid).getElementsByTagNameNS(XLIFF_NS, 'target').length).toBe(0);
			setTarget(sid, `From the CAT tool: pair ${sid} & "English" < more`);
		}
		const written = segments[3]!.id;
		setTarget(written, 'A different English the desk did not ask for');
		const body = new XMLSerializer().serializeToString(doc);
		xml(body);

		// A second page, open while the file comes back.
		const page = await connectClient(server.wsUrl, id, ed.token);
		try {
			const post = (query = '', user = ed, type = 'application/xliff+xml') =>
				fetch(`${server.url}/api/articles/${id}/xliff${query}`, { method: 'POST', headers: { ...user.headers, 'content-type': type }, body });
			await expectError(await post('', tina), 403, 'forbidden');
			await expectError(await post('', ed, 'text/plain'), 415, 'unsupported_media_type');
			await expectError(await fetch(`${server.url}/api/articles/${id}/xliff`, { method: 'POST', headers: { ...ed.headers, 'content-type': 'application/xml' }, body: '<xliff/>' }), 400, 'bad_request');

			const imported = await post();
			expect(imported.status).toBe(200);
			const result = (await imported.json()) as { filled: string[]; skipped: { id: string; reason: string }[] };
			expect(result.filled).toEqual(cleared());
			expect(result.skipped).toContainEqual({ id: written, reason: 'has-translation' });
			expect(result.skipped.filter((s) => s.reason !== 'unchanged').map((s) => s.id)).toEqual([written]);

			for (const sid of cleared()) {
				const expected = `From the CAT tool: pair ${sid} & "English" < more`;
				await until(() => page.text(sid) === expected && writer.text(sid) === expected, `live clients see ${sid}`);
			}
			expect(page.text(written)).toBe(english.get(written));
			// Stored too: the export (persisted state) has them, and the pairs are translated again.
			const check = await publishCheck();
			expect(check.counts.untranslated).toBe(0);
			const md = await (await get(exportUrl('format=markdown'))).text();
			expect(md).toContain('From the CAT tool: pair');

			// An editor may overwrite written English on purpose.
			const over = (await (await post('?overwrite=1')).json()) as { filled: string[] };
			expect(over.filled).toEqual([written]);
			await until(() => page.text(written) === 'A different English the desk did not ask for', 'overwrite reaches the page');
		} finally {
			page.destroy();
		}
		// A page opened later loads it from storage.
		const later = await connectClient(server.wsUrl, id, tina.token);
		try {
			expect(later.text(cleared()[0]!)).toBe(`From the CAT tool: pair ${cleared()[0]} & "English" < more`);
		} finally {
			later.destroy();
		}
	});
});
