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
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ROWS } from '../../src/lib/export/fixtures.test-helpers.ts';
import { htmlProblems, jsonLdBlocks, XSS_VECTORS } from '../../src/lib/export/safety.test-helpers.ts';
import { XLIFF_NS } from '../../src/lib/export/index.ts';
import type { Segment } from '../../src/lib/types.ts';
import { launchBrowser, screenshot, watchErrors } from '../helpers/browser.ts';
import { ROOT, startServer, type TestServer } from '../helpers/server.ts';
import { seedUser, type SeededUser } from '../helpers/users.ts';
import { connectClient, until, type YClient } from '../helpers/yclient.ts';

let server: TestServer;
let browser: Browser;
let ed: SeededUser;
let dir: string;
const clients: YClient[] = [];

beforeAll(async () => {
	[server, browser] = await Promise.all([startServer(), launchBrowser()]);
	ed = seedUser(server.dataDir, 'ed', 'editor');
	dir = mkdtempSync(join(tmpdir(), 'duizhao-export-e2e-'));
});
afterAll(async () => {
	for (const c of clients) c.destroy();
	await browser?.close();
	await server?.dispose();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

async function importArticle(body: string, type: string, query = ''): Promise<{ id: number; segments: Segment[] }> {
	const res = await fetch(`${server.url}/api/articles${query}`, { method: 'POST', headers: { ...ed.headers, 'content-type': `${type}; charset=utf-8` }, body });
	expect(res.status, await res.clone().text()).toBe(201);
	const id = ((await res.json()) as { id: number }).id;
	const article = (await (await fetch(`${server.url}/api/articles/${id}`, { headers: ed.headers })).json()) as { segments: Segment[] };
	return { id, segments: article.segments };
}

async function exportFile(id: number, query: string): Promise<string> {
	const res = await fetch(`${server.url}/api/articles/${id}/export?${query}`, { headers: ed.headers });
	expect(res.status).toBe(200);
	return res.text();
}

/** Rows straight into the server's database (the claims/comments APIs are other features'). */
function insertRecords(articleId: number, segmentIds: string[]) {
	const db = new Database(join(server.dataDir, 'duizhao.sqlite'));
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
	const client = await connectClient(server.wsUrl, id, ed.token);
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

/* ------------------------------------------------------------------ opening files in Chromium */

const TRAP = `
window.__ran = [];
for (const name of ['alert', 'confirm', 'prompt', 'print', 'open', 'fetch']) {
	const orig = window[name];
	window[name] = function (...args) { window.__ran.push(name); return orig.apply(this, args); };
}
//# sourceURL=duizhao-trap.js`;
const LEAD_PLACEHOLDER = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400"><rect width="600" height="400" fill="#c9d1d9"/><text x="300" y="205" font-family="sans-serif" font-size="22" text-anchor="middle" fill="#57606a">lead image (placeholder)</text></svg>`;
const PLACEHOLDER = `<svg xmlns="http://www.w3.org/2000/svg" width="60" height="40"><rect width="60" height="40" fill="#ccc"/></svg>`;

interface Opened {
	page: Page;
	context: BrowserContext;
	dialogs: string[];
	errors: string[];
	requests: string[];
	scripts: string[];
}

/** Opens an exported file from disk in its own context, with every hook attached before load. */
async function openFile(name: string, html: string): Promise<Opened> {
	const file = join(dir, `${name}.html`);
	writeFileSync(file, html);
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	const dialogs: string[] = [];
	const requests: string[] = [];
	const scripts: string[] = [];
	const errors = watchErrors(page);
	page.on('dialog', (d) => {
		dialogs.push(`${d.type()}: ${d.message()}`);
		void d.dismiss();
	});
	await context.route('**/*', async (route) => {
		const req = route.request();
		if (req.url().startsWith('file:')) return route.continue();
		requests.push(`${req.resourceType()} ${req.url()}`);
		if (req.resourceType() === 'image' && /^https?:/.test(req.url())) return route.fulfill({ contentType: 'image/svg+xml', body: PLACEHOLDER });
		return route.abort();
	});
	const cdp = await context.newCDPSession(page);
	cdp.on('Debugger.scriptParsed', (e) => {
		if (e.executionContextAuxData?.isDefault) scripts.push(e.url || `(inline, ${e.length} chars)`);
	});
	await cdp.send('Debugger.enable');
	await page.addInitScript(TRAP);
	await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
	return { page, context, dialogs, errors, requests, scripts };
}

/** Mouse over, tab through and scroll the page, so any handler would get its event. */
async function poke(page: Page) {
	for (let round = 0; round < 2; round++) {
		for (const y of [100, 300, 500, 700, 850]) for (const x of [100, 400, 700, 1000]) await page.mouse.move(x, y);
		for (let i = 0; i < 15; i++) await page.keyboard.press('Tab');
		await page.mouse.wheel(0, 3000);
	}
}

/** What the live DOM holds that could run script (read after poking; this evaluation is ours). */
async function domAudit(page: Page) {
	return page.evaluate(() => {
		const problems: string[] = [];
		for (const el of Array.from(document.querySelectorAll('*'))) {
			for (const a of Array.from(el.attributes)) if (/^on/i.test(a.name)) problems.push(`${el.tagName} ${a.name}`);
		}
		for (const a of Array.from(document.querySelectorAll('[href]'))) {
			const raw = a.getAttribute('href') ?? '';
			const protocol = new URL((a as HTMLAnchorElement).href, document.baseURI).protocol;
			if (!raw.startsWith('#') && !['http:', 'https:', 'mailto:'].includes(protocol)) problems.push(`href ${raw}`);
		}
		for (const el of Array.from(document.querySelectorAll('[src], [srcset], [action], [formaction], [data]'))) {
			const src = el.getAttribute('src');
			if (src === null || !/^https?:/i.test(src)) problems.push(`${el.tagName} ${el.outerHTML.slice(0, 80)}`);
		}
		for (const sel of ['iframe', 'frame', 'object', 'embed', 'base', 'form', 'svg', 'math', 'input', 'button', 'textarea', 'meta[http-equiv="refresh" i]', 'script:not([type="application/ld+json"])']) {
			const n = document.querySelectorAll(sel).length;
			if (n) problems.push(`${n} × ${sel}`);
		}
		const jsonLd = Array.from(document.querySelectorAll('script[type="application/ld+json"]')).map((s) => JSON.parse(s.textContent ?? '') as unknown);
		return { problems, jsonLd, ran: (window as unknown as { __ran: string[] }).__ran };
	});
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

				const o = await openFile(`${source}-${name}`, html);
				try {
					await poke(o.page);
					// Only our trap was compiled: no inline script, handler or javascript: URL ran.
					expect(o.scripts).toEqual(['duizhao-trap.js']);
					const audit = await domAudit(o.page);
					expect(audit.problems).toEqual([]);
					expect(audit.jsonLd).toHaveLength(1);
					expect(audit.jsonLd[0]).toHaveLength(article.resolvedClaims);
					expect(audit.ran).toEqual([]);
					expect(o.dialogs).toEqual([]);
					expect(o.errors).toEqual([]);
					expect(o.requests.filter((r) => !/^image https?:/.test(r))).toEqual([]);
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
		const { ctx, page, errors } = await openWorkbench(ed, article.id);
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

async function openWorkbench(user: SeededUser, id: number): Promise<{ ctx: BrowserContext; page: Page; errors: string[] }> {
	const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
	await ctx.addCookies([user.cookie(server.url)]);
	// No network here: remote images (the lead image, in the page and the preview) get a placeholder.
	await ctx.route(
		(url) => url.origin !== new URL(server.url).origin,
		(route) => (route.request().resourceType() === 'image' ? route.fulfill({ contentType: 'image/svg+xml', body: LEAD_PLACEHOLDER }) : route.abort())
	);
	const page = await ctx.newPage();
	const errors = watchErrors(page);
	await page.goto(`${server.url}/articles/${id}`);
	await page.locator('[data-sync="ok"]').waitFor({ timeout: 20_000 });
	return { ctx, page, errors };
}

describe('the export dialog', () => {
	it('shows the publish check, previews, downloads, imports XLIFF and jumps to a pair to fix', async () => {
		const seed = readFileSync(join(ROOT, 'tests/fixtures/articles/epoch-n14073200-us-sanctions-warning.md'), 'utf8');
		const { id, segments } = await importArticle(seed, 'text/markdown');
		// Most pairs translated by a y-websocket client; the last three left empty.
		const known = new Map(SEED_ROWS.map(([, zh, en]) => [zh.replace(/\s+/g, ''), en]));
		const writer = await connectClient(server.wsUrl, id, ed.token);
		clients.push(writer);
		const open = segments.slice(-3).map((s) => s.id);
		for (const s of segments.slice(0, -3)) writer.setText(s.id, known.get(s.text.replace(/\s+/g, '')) ?? `English of ${s.id}.`);
		const title = known.get(segments[0]!.text.replace(/\s+/g, ''))!;
		await until(async () => (await exportFile(id, 'format=markdown')).includes(title), 'stored English');
		for (const s of segments.slice(0, -3)) {
			const res = await fetch(`${server.url}/api/articles/${id}/segments/${s.id}/status`, {
				method: 'PUT',
				headers: { ...ed.headers, 'content-type': 'application/json' },
				body: JSON.stringify({ status: 'translated' })
			});
			expect(res.status).toBe(200);
		}

		const { ctx, page, errors } = await openWorkbench(ed, id);
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
			const check = (await (await fetch(`${server.url}/api/articles/${id}/publish-check`, { headers: ed.headers })).json()) as { issues: { segmentId: string }[] };
			await dialog.getByRole('button', { name: 'Fix first' }).click();
			await expect.poll(() => dialog.isVisible()).toBe(false);
			await expect
				.poll(() => page.evaluate(() => document.activeElement?.closest('[data-segment]')?.getAttribute('data-segment') ?? null))
				.toBe(check.issues[0]!.segmentId);
			expect(errors).toEqual([]);
		} finally {
			await ctx.close();
		}
	});

	it('is not offered to translators, and the endpoint refuses them', async () => {
		const tina = seedUser(server.dataDir, 'tina', 'translator');
		const { id } = await importArticle('标题\n\n第一段。\n', 'text/plain');
		const { ctx, page } = await openWorkbench(tina, id);
		try {
			expect(await page.getByRole('button', { name: 'Export…' }).count()).toBe(0);
			const status = await page.evaluate(async (url) => (await fetch(url)).status, `/api/articles/${id}/export?format=tmx`);
			expect(status).toBe(403);
		} finally {
			await ctx.close();
		}
	});
});
