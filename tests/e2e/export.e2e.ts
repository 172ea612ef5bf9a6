// Export end to end in Chromium (issue 7), against the real production server:
// 1. injection — every vector of tests/fixtures/xss-vectors.json as SOURCE text (imported
//    over HTTP as plain text and as HTML) and as ENGLISH text and link hrefs (written by a
//    real y-websocket client), plus resolved claims and comments carrying them → the files
//    the server exports (bilingual, both layouts, and English HTML) opened from disk run no
//    script (dialog and console hooks, a window.__ran trap, the debugger's list of parsed
//    scripts) and hold no event attribute, no script URL, no script but the JSON-LD, which
//    parses;
// 2. the export dialog on the article page: publish check, preview, download, XLIFF import,
//    "Fix first".
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ROWS } from '../../src/lib/export/fixtures.test-helpers.ts';
import { htmlProblems, jsonLdBlocks, XSS_VECTORS } from '../../src/lib/export/safety.test-helpers.ts';
import { XLIFF_NS } from '../../src/lib/export/index.ts';
import type { Segment } from '../../src/lib/types.ts';
import { screenshot } from '../helpers/browser.ts';
import { openWorkbench, useServerAndBrowser } from '../helpers/e2e.ts';
import { focusedSegment } from '../helpers/workbench-page.ts';
import { expectInert, IMAGE_PLACEHOLDER, openFileWithHooks } from '../helpers/script-audit.ts';
import { importArticle as importAs, readSeedArticle } from '../helpers/articles.ts';
import { seedUser, type SeededUser } from '../helpers/users.ts';
import { connectClient, until, type YClient } from '../helpers/yclient.ts';

const e2e = useServerAndBrowser();
let ed: SeededUser;
let dir: string;
const clients: YClient[] = [];

beforeAll(() => {
	ed = seedUser(e2e.server.dataDir, 'ed', 'editor');
	dir = mkdtempSync(join(tmpdir(), 'duizhao-export-e2e-'));
});
afterAll(() => {
	for (const c of clients) c.destroy();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Imports an article file as the editor. */
const importArticle = (body: string, type: string, query = '') => importAs(e2e.server.url, ed, body, { type, query });

async function exportFile(id: number, query: string): Promise<string> {
	const res = await fetch(`${e2e.server.url}/api/articles/${id}/export?${query}`, { headers: ed.headers });
	expect(res.status).toBe(200);
	return res.text();
}

/** Rows straight into the server's database (the claims/comments APIs are other features'). */
function insertRecords(articleId: number, segmentIds: string[]) {
	const db = new Database(join(e2e.server.dataDir, 'duizhao.sqlite'));
	db.pragma('busy_timeout = 5000');
	try {
		const now = new Date().toISOString();
		const claim = db.prepare(
			`INSERT INTO claims (article_id, segment_id, anchor, target, claimant, verdict, evidence, note, status, checker_id, created_at, updated_at)
			 VALUES (?, ?, ?, ?, ?, 'false', ?, ?, 'resolved', ?, ?, ?)`
		);
		const comment = db.prepare(`INSERT INTO comments (article_id, segment_id, author_id, body, anchor, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
		XSS_VECTORS.forEach((v, i) => {
			const sid = segmentIds[i % segmentIds.length]!;
			if (i % 4 === 0) {
				claim.run(
					articleId,
					sid,
					JSON.stringify({ start: 0, end: 1, quote: v.payload }),
					JSON.stringify({ from: 'AAA=', to: 'AAE=', quote: v.payload }),
					v.payload,
					JSON.stringify([{ url: v.payload, title: v.payload, accessed: '2023-09-14' }, { url: 'https://example.com/ok', title: v.payload, accessed: v.payload }]),
					v.payload,
					ed.id,
					now,
					now
				);
			}
			comment.run(articleId, sid, ed.id, v.payload, JSON.stringify({ side: 'source', start: 0, end: 1, quote: v.payload }), now, now);
		});
	} finally {
		db.close();
	}
}

/** Writes hostile English into every pair: the payload as text, then links whose hrefs are payloads. */
async function writeHostileEnglish(id: number, segments: Segment[]): Promise<void> {
	const client = await connectClient(e2e.server.wsUrl, id, ed.token);
	clients.push(client);
	client.doc.transact(() => {
		segments.forEach((s, i) => {
			const v = XSS_VECTORS[i % XSS_VECTORS.length]!.payload;
			const w = XSS_VECTORS[(i + 1) % XSS_VECTORS.length]!.payload;
			const fragment = client.doc.getXmlFragment(s.id);
			fragment.delete(0, fragment.length);
			const p = new Y.XmlElement('paragraph');
			fragment.insert(0, [p]);
			const t = new Y.XmlText();
			p.insert(0, [t]);
			const parts: [string, string | null][] = [
				[`${v} `, null],
				['link', w],
				[' js', 'javascript:alert(1)'],
				[' data', 'data:text/html,<script>alert(1)</script>'],
				[' vb', 'vbscript:msgbox(1)'],
				[' own', v]
			];
			for (const [text, href] of parts) t.insert(t.length, text, href === null ? {} : { link: { href } });
		});
	});
	// Stored when the export (persisted state) has the last pair's English.
	const last = segments.at(-1)!;
	await until(async () => (await exportFile(id, 'format=markdown')).includes('own'), `server has the English of ${last.id}`, 20_000);
}

describe('injection through import and Yjs, exported by the server, opened in Chromium', () => {
	const articles: { name: string; id: number; resolvedClaims: number }[] = [];

	beforeAll(async () => {
		const n = XSS_VECTORS.length;
		// As plain text: every vector is a paragraph of source text, verbatim.
		// (NUL bytes make a file binary to the importer: they become U+FFFD here; the English keeps them.)
		const text = `XSS 测试文章\n\n${XSS_VECTORS.map((v) => v.payload.replace(/\s*\n\s*/g, ' ')).join('\n\n')}\n`.replace(/\0/g, '\uFFFD');
		// As HTML: every vector inside a paragraph, as an attacker would paste a page.
		const html = `<!DOCTYPE html><html><head><title>XSS 测试</title></head><body><h1>XSS 测试文章</h1>${XSS_VECTORS.map((v) => `<p>段落 ${v.payload}</p>`).join('\n')}</body></html>`.replace(/\0/g, '\uFFFD');
		for (const [name, body, type, query] of [
			['text', text, 'text/plain', '?format=text'],
			['html', html, 'text/html', '']
		] as const) {
			const { id, segments } = await importArticle(body, type, query);
			// Plain text keeps every vector as a paragraph; the HTML importer drops what sanitizes to nothing.
			expect(segments.length).toBeGreaterThan(name === 'text' ? n : 20);
			await writeHostileEnglish(id, segments);
			insertRecords(
				id,
				segments.map((s) => s.id)
			);
			articles.push({ name, id, resolvedClaims: Math.ceil(n / 4) });
		}
	});

	const files = [
		['bilingual-side-by-side', 'format=bilingual-html&layout=side-by-side&comments=1'],
		['bilingual-interleaved', 'format=bilingual-html&layout=interleaved&comments=1'],
		['english', 'format=html']
	] as const;

	for (const source of ['text', 'html']) {
		for (const [name, query] of files) {
			it(`${source} import → ${name}: no script runs, no script-capable markup, JSON-LD parses`, async () => {
				const article = articles.find((a) => a.name === source)!;
				const html = await exportFile(article.id, query);
				// On the file as served: parsed and walked.
				expect(htmlProblems(html)).toEqual([]);
				expect(jsonLdBlocks(html)).toHaveLength(1);

				const o = await openFileWithHooks(e2e.browser, join(dir, `${source}-${name}.html`), html);
				try {
					await expectInert(o, article.resolvedClaims);
					// The vectors are there, as text.
					expect(await o.page.locator('body').innerText()).toContain(XSS_VECTORS[1]!.payload.replace(/\s+/g, ' ').slice(0, 20));
				} finally {
					await o.context.close();
				}
			});
		}
	}

	it('the export dialog previews the hostile article without running anything', async () => {
		const article = articles.find((a) => a.name === 'text')!;
		const { ctx, page, errors } = await openArticle(ed, article.id);
		const dialogs: string[] = [];
		page.on('dialog', (d) => {
			dialogs.push(d.message());
			void d.dismiss();
		});
		try {
			await page.getByRole('button', { name: 'Export…' }).click();
			const frame = page.frameLocator('iframe[title="Export preview"]');
			await expect.poll(() => frame.locator('body').innerText({ timeout: 20_000 }), { timeout: 20_000 }).toContain('XSS');
			await page.mouse.move(900, 400);
			await page.mouse.move(1000, 600);
			expect(dialogs).toEqual([]);
			expect(errors).toEqual([]);
		} finally {
			await ctx.close();
		}
	});
});

/* ------------------------------------------------------------------ the dialog */

/** The article page with downloads on; remote images (the lead image, in the page and the preview) get a placeholder. */
const openArticle = (user: SeededUser, id: number) =>
	openWorkbench(e2e, user, id, {
		context: { acceptDownloads: true },
		setup: (ctx) =>
			ctx.route(
				(url) => url.origin !== new URL(e2e.server.url).origin,
				(route) => (route.request().resourceType() === 'image' ? route.fulfill({ contentType: 'image/svg+xml', body: IMAGE_PLACEHOLDER }) : route.abort())
			)
	});

describe('the export dialog', () => {
	it('shows the publish check, previews, downloads, imports XLIFF and jumps to a pair to fix', async () => {
		const { id, segments } = await importArticle(readSeedArticle(), 'text/markdown');
		// Most pairs translated by a y-websocket client; the last three left empty.
		const known = new Map(SEED_ROWS.map(([, zh, en]) => [zh.replace(/\s+/g, ''), en]));
		const writer = await connectClient(e2e.server.wsUrl, id, ed.token);
		clients.push(writer);
		const open = segments.slice(-3).map((s) => s.id);
		for (const s of segments.slice(0, -3)) writer.setText(s.id, known.get(s.text.replace(/\s+/g, '')) ?? `English of ${s.id}.`);
		const title = known.get(segments[0]!.text.replace(/\s+/g, ''))!;
		await until(async () => (await exportFile(id, 'format=markdown')).includes(title), 'stored English');
		for (const s of segments.slice(0, -3)) {
			const res = await fetch(`${e2e.server.url}/api/articles/${id}/segments/${s.id}/status`, {
				method: 'PUT',
				headers: { ...ed.headers, 'content-type': 'application/json' },
				body: JSON.stringify({ status: 'translated' })
			});
			expect(res.status).toBe(200);
		}

		const { ctx, page, errors } = await openArticle(ed, id);
		try {
			await page.getByRole('button', { name: 'Export…' }).click();
			const dialog = page.getByRole('dialog', { name: 'Export' });
			await expect.poll(() => dialog.locator('.publish-check').getAttribute('data-state')).toBe('open');
			const counts = await dialog.locator('.counts').innerText();
			expect(counts).toMatch(/\b3 untranslated pairs\b/);
			expect(await dialog.locator('.issues li[data-kind="untranslated"]').count()).toBe(3);

			// The preview: the real bilingual export, in a frame that cannot run script.
			const frameEl = dialog.locator('iframe[title="Export preview"]');
			expect(await frameEl.getAttribute('sandbox')).toBe('');
			const frame = page.frameLocator('iframe[title="Export preview"]');
			await expect.poll(() => frame.locator('h1').first().innerText({ timeout: 20_000 }), { timeout: 20_000 }).toContain('制裁');
			expect(await frame.locator(`#seg-${segments[3]!.id}`).innerText()).toContain(known.get(segments[3]!.text.replace(/\s+/g, ''))!.slice(0, 30));
			await screenshot(page, 'export-dialog');

			// Interleaved: the preview follows the layout.
			await dialog.getByLabel('Interleaved').check();
			await expect.poll(() => frameEl.getAttribute('src')).toContain('layout=interleaved');

			// Download ("Export anyway" while items are open).
			const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('link', { name: 'Export anyway' }).click()]);
			expect(download.suggestedFilename()).toMatch(new RegExp(`^article-${id}-us-will-impose-sanctions[a-z0-9-]*\\.bilingual-interleaved\\.html$`));
			const saved = join(dir, 'download.html');
			await download.saveAs(saved);
			const html = readFileSync(saved, 'utf8');
			expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
			expect(html).toContain(title.replace(/&/g, '&#x26;').slice(0, 20));

			await dialog.locator('select').selectOption('tmx');
			expect(await dialog.getByLabel('Interleaved').isDisabled()).toBe(true);
			const [tmx] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('link', { name: 'Export anyway' }).click()]);
			expect(tmx.suggestedFilename()).toMatch(/\.tmx$/);

			// XLIFF import from the dialog: a CAT tool filled the first open pair.
			const first = open[0]!;
			const xlf = new DOMParser().parseFromString(await exportFile(id, 'format=xliff'), 'application/xml');
			const units = xlf.getElementsByTagNameNS(XLIFF_NS, 'unit');
			const unit = Array.from({ length: units.length }, (_, i) => units.item(i)!).find((u) => u.getAttribute('id') === first)!;
			const segment = unit.getElementsByTagNameNS(XLIFF_NS, 'segment').item(0)!;
			const target = xlf.createElementNS(XLIFF_NS, 'target');
			target.textContent = 'Filled from the XLIFF file.';
			segment.appendChild(target);
			segment.setAttribute('state', 'translated');
			const filled = new XMLSerializer().serializeToString(xlf);
			await dialog.locator('input[type="file"]').setInputFiles({ name: 'back.xlf', mimeType: 'application/xliff+xml', buffer: Buffer.from(filled) });
			await dialog.getByRole('button', { name: 'Import' }).click();
			await expect.poll(() => dialog.locator('.xliff [role="status"]').innerText()).toMatch(/Filled 1 pair\b/);
			// (Rows off screen skip rendering, content-visibility: auto: read their text, not innerText.)
			await expect.poll(() => page.locator(`[data-segment="${first}"] .target-cell`).textContent()).toContain('Filled from the XLIFF file.');
			await expect.poll(() => dialog.locator('.counts').innerText()).toMatch(/\b2 untranslated pairs\b/);

			// "Fix first": the dialog closes and the first open pair takes the keyboard.
			const check = (await (await fetch(`${e2e.server.url}/api/articles/${id}/publish-check`, { headers: ed.headers })).json()) as { issues: { segmentId: string }[] };
			await dialog.getByRole('button', { name: 'Fix first' }).click();
			await expect.poll(() => dialog.isVisible()).toBe(false);
			await expect.poll(() => focusedSegment(page)).toBe(check.issues[0]!.segmentId);
			expect(errors).toEqual([]);
		} finally {
			await ctx.close();
		}
	});

	it('is not offered to translators, and the endpoint refuses them', async () => {
		const tina = seedUser(e2e.server.dataDir, 'tina', 'translator');
		const { id } = await importArticle('标题\n\n第一段。\n', 'text/plain');
		const { ctx, page } = await openArticle(tina, id);
		try {
			expect(await page.getByRole('button', { name: 'Export…' }).count()).toBe(0);
			const status = await page.evaluate(async (url) => (await fetch(url)).status, `/api/articles/${id}/export?format=tmx`);
			expect(status).toBe(403);
		} finally {
			await ctx.close();
		}
	});
});
