// The exported HTML files in Chromium, opened as files (file://) the way a reader would:
// the seed export lays out as designed (screenshots of both layouts), and exports with
// every XSS vector injected run no script — checked with dialog and console hooks, traps
// on the dialog functions, the debugger's list of parsed scripts, and a DOM audit — with
// their CSP and, to prove the escaping alone holds, with the CSP removed. A control page
// shows the hooks do catch a script that runs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IMAGE, seedInput } from '../../src/lib/export/fixtures.test-helpers.ts';
import { bilingualHtml, CSP, englishHtml } from '../../src/lib/export/index.ts';
import { hostileInput } from '../../src/lib/export/safety.test-helpers.ts';
import { launchBrowser, screenshot, watchErrors } from '../helpers/browser.ts';
import { ROOT } from '../helpers/server.ts';

let browser: Browser;
let dir: string;
beforeAll(async () => {
	browser = await launchBrowser();
	dir = mkdtempSync(join(tmpdir(), 'duizhao-export-'));
});
afterAll(async () => {
	await browser?.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A grey placeholder for remote images: the test machine has no network. */
const PLACEHOLDER = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400"><rect width="600" height="400" fill="#c9d1d9"/><text x="300" y="205" font-family="sans-serif" font-size="22" text-anchor="middle" fill="#57606a">lead image (placeholder)</text></svg>`;

const TRAP = `
window.__ran = [];
for (const name of ['alert', 'confirm', 'prompt', 'print', 'open', 'fetch']) {
	const orig = window[name];
	window[name] = function (...args) { window.__ran.push(name); return orig.apply(this, args); };
}
//# sourceURL=duizhao-trap.js`;

interface Opened {
	page: Page;
	context: BrowserContext;
	dialogs: string[];
	errors: string[];
	requests: string[];
	scripts: string[];
}

/**
 * Opens `html` as a file in a fresh context (one per file): images answered with the
 * placeholder, every other request refused and recorded, dialogs dismissed and recorded,
 * scripts parsed in the page's main world recorded through the DevTools protocol.
 */
async function open(name: string, html: string, viewport = { width: 1280, height: 900 }): Promise<Opened> {
	const file = join(dir, `${name}.html`);
	writeFileSync(file, html);
	const context = await browser.newContext({ viewport });
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
	// Every script compiled in the page's main world (Playwright's own evaluations included,
	// so tests read this before calling page.evaluate).
	cdp.on('Debugger.scriptParsed', (e) => {
		if (e.executionContextAuxData?.isDefault) scripts.push(e.url || `(inline, ${e.length} chars)`);
	});
	await cdp.send('Debugger.enable');
	await page.addInitScript(TRAP);
	await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
	return { page, context, dialogs, errors, requests, scripts };
}

/** What the live DOM holds that could run or navigate to script. */
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
		let jsonLd = 0;
		for (const s of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
			JSON.parse(s.textContent ?? '');
			jsonLd++;
		}
		return { problems, jsonLd, ran: (window as unknown as { __ran: string[] }).__ran };
	});
}

/**
 * Moves the mouse over the page, tabs through it and scrolls it, so a handler would get
 * its event — without page.evaluate, which would compile scripts of its own.
 */
async function poke(page: Page) {
	for (let round = 0; round < 3; round++) {
		for (const y of [100, 300, 500, 700, 850]) for (const x of [100, 400, 700, 1000]) await page.mouse.move(x, y);
		for (let i = 0; i < 15; i++) await page.keyboard.press('Tab');
		await page.mouse.wheel(0, 2500);
	}
}

function withoutCsp(html: string): string {
	const stripped = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
	expect(stripped.length).toBeLessThan(html.length);
	return stripped;
}

describe('hostile exports in Chromium', () => {
	const hostile = hostileInput();
	const resolved = hostile.claims.filter((c) => c.status === 'resolved').length;
	const cases: [string, string][] = [
		['bilingual-side-by-side', bilingualHtml(hostile, { layout: 'side-by-side', includeComments: true })],
		['bilingual-interleaved', bilingualHtml(hostile, { layout: 'interleaved', includeComments: true })],
		['english', englishHtml(hostile)]
	];
	for (const [name, html] of cases) {
		for (const csp of [true, false]) {
			it(`${name}${csp ? '' : ' without its CSP'}: no dialog, no script parsed, no script-capable markup`, async () => {
				const o = await open(`xss-${name}${csp ? '' : '-nocsp'}`, csp ? html : withoutCsp(html));
				try {
					await poke(o.page);
					// Only our trap was compiled: no inline script, handler or javascript: URL ran.
					expect(o.scripts).toEqual(['duizhao-trap.js']);
					const audit = await domAudit(o.page);
					expect(audit.problems).toEqual([]);
					expect(audit.jsonLd).toBe(1);
					expect(await o.page.evaluate(() => document.querySelector('script[type="application/ld+json"]')!.textContent!.length)).toBeGreaterThan(0);
					expect(JSON.parse((await o.page.locator('script[type="application/ld+json"]').textContent())!)).toHaveLength(resolved);
					expect(audit.ran).toEqual([]);
					expect(o.dialogs).toEqual([]);
					expect(o.errors).toEqual([]);
					// Only images, only http(s).
					expect(o.requests.filter((r) => !/^image https?:/.test(r))).toEqual([]);
				} finally {
					await o.context.close();
				}
			});
		}
	}

	it('control: the hooks do see a script that runs, and the export CSP stops it', async () => {
		const page = (csp: boolean) =>
			`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${csp ? `<meta http-equiv="Content-Security-Policy" content="${CSP.replace(/'/g, '&#39;')}">` : ''}<title>control</title></head><body><img src="https://example.com/x.png" alt="x" onload="alert('ran')"><script>window.__inline = 1</script></body></html>`;
		const bare = await open('control', page(false));
		try {
			await expect.poll(() => bare.dialogs).toEqual(['alert: ran']);
			expect(bare.scripts.length).toBeGreaterThan(1);
			expect(await bare.page.evaluate(() => (window as unknown as { __ran: string[] }).__ran)).toEqual(['alert']);
		} finally {
			await bare.context.close();
		}
		const guarded = await open('control-csp', page(true));
		try {
			expect(await guarded.page.evaluate(() => (window as unknown as { __inline?: number }).__inline)).toBeUndefined();
			expect(guarded.dialogs).toEqual([]);
			expect(guarded.errors.join('\n')).toMatch(/Content Security Policy/);
		} finally {
			await guarded.context.close();
		}
	});
});

/* ------------------------------------------------------------------ the seed, rendered */

/**
 * Fonts for the screenshots only: this machine has no CJK system font, and the exported
 * file loads none (its CSP forbids it). The screenshot context bypasses the CSP and is
 * given the app's own Noto fonts under the family names the export's CSS asks for.
 */
const FONT_PKGS: [pkg: string, family: string, as: string][] = [
	['@fontsource-variable/noto-sans-sc', 'Noto Sans SC Variable', 'Noto Sans SC'],
	['@fontsource-variable/noto-serif', 'Noto Serif Variable', 'Noto Serif']
];

function fontCss(): string {
	return FONT_PKGS.map(([pkg, from, to], i) =>
		readFileSync(join(ROOT, 'node_modules', pkg, 'index.css'), 'utf8')
			.replaceAll(`'${from}'`, `'${to}'`)
			.replace(/url\(\.\/files\//g, `url(http://export.test/fonts/${i}/`)
	).join('\n');
}

async function openForScreenshot(html: string, viewport: { width: number; height: number }) {
	const context = await browser.newContext({ viewport, bypassCSP: true });
	const page = await context.newPage();
	const errors = watchErrors(page);
	await context.route('**/*', async (route) => {
		const url = route.request().url();
		if (url === 'http://export.test/export.html') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
		const font = /^http:\/\/export\.test\/fonts\/(\d+)\/([\w.-]+\.woff2)$/.exec(url);
		if (font) {
			const path = join(ROOT, 'node_modules', FONT_PKGS[Number(font[1])]![0], 'files', font[2]!);
			return route.fulfill({ contentType: 'font/woff2', body: readFileSync(path) });
		}
		if (url === SEED_IMAGE) return route.fulfill({ contentType: 'image/svg+xml', body: PLACEHOLDER });
		return route.abort();
	});
	await page.goto('http://export.test/export.html');
	await page.addStyleTag({ content: fontCss() });
	// Load every subset the page's text needs (fonts.ready alone can resolve before loads start).
	await page.evaluate(async (families) => {
		const text = document.body.innerText;
		for (const family of families) for (const style of ['normal', 'italic']) await document.fonts.load(`${style} 16px "${family}"`, text);
		await document.fonts.ready;
	}, FONT_PKGS.map(([, , family]) => family));
	return { page, context, errors };
}

describe('the seed export in Chromium', () => {
	const input = seedInput();

	for (const layout of ['side-by-side', 'interleaved'] as const) {
		it(`${layout}: renders, no errors, screenshot`, async () => {
			const { page, context, errors } = await openForScreenshot(bilingualHtml(input, { layout }), { width: 1280, height: 900 });
			try {
				await expect.poll(() => page.evaluate(() => (document.querySelector('figure.lead img') as HTMLImageElement).naturalWidth)).toBe(600);
				// Side by side: source and English of a pair on one row; interleaved: English below.
				const src = (await page.locator('#seg-s10 > .src').boundingBox())!;
				const tgt = (await page.locator('#seg-s10 > .tgt').boundingBox())!;
				if (layout === 'side-by-side') {
					expect(Math.abs(src.y - tgt.y)).toBeLessThan(2);
					expect(tgt.x).toBeGreaterThan(src.x + src.width);
				} else {
					expect(tgt.y).toBeGreaterThanOrEqual(src.y + src.height - 1);
				}
				expect(errors).toEqual([]);
				await screenshot(page, `export-${layout}`, { fullPage: true });
			} finally {
				await context.close();
			}
		});
	}

	it('side-by-side stacks on a narrow screen and stays in two columns in print', async () => {
		const { page, context } = await openForScreenshot(bilingualHtml(input, { layout: 'side-by-side' }), { width: 390, height: 844 });
		try {
			const box = async () => [(await page.locator('#seg-s10 > .src').boundingBox())!, (await page.locator('#seg-s10 > .tgt').boundingBox())!] as const;
			const [src, tgt] = await box();
			expect(tgt.y).toBeGreaterThanOrEqual(src.y + src.height - 1);
			expect(Math.abs(tgt.x - src.x)).toBeLessThan(2);
			await page.setViewportSize({ width: 1000, height: 800 });
			await page.emulateMedia({ media: 'print' });
			const [psrc, ptgt] = await box();
			expect(Math.abs(psrc.y - ptgt.y)).toBeLessThan(2);
		} finally {
			await context.close();
		}
	});
});
