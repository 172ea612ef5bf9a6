// Proving that an exported HTML file runs no script in Chromium: it is opened from disk
// with every hook that would see one run attached before load (dialogs, console errors,
// a trap on the dialog functions, the debugger's list of parsed scripts, every request),
// poked with mouse, keyboard and wheel so handlers would fire, and its live DOM audited
// for anything that could run or navigate to script.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { watchErrors } from './browser.ts';

/** A grey placeholder for remote images: the test machine has no network. */
export const IMAGE_PLACEHOLDER = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400"><rect width="600" height="400" fill="#c9d1d9"/><text x="300" y="205" font-family="sans-serif" font-size="22" text-anchor="middle" fill="#57606a">lead image (placeholder)</text></svg>`;

/** The only script a clean file may show in the debugger's list: the trap, added by us. */
const TRAP_NAME = 'duizhao-trap.js';

/** Records calls of the functions a payload would use to show it ran (or to phone home). */
const TRAP = `
window.__ran = [];
for (const name of ['alert', 'confirm', 'prompt', 'print', 'open', 'fetch']) {
	const orig = window[name];
	window[name] = function (...args) { window.__ran.push(name); return orig.apply(this, args); };
}
//# sourceURL=${TRAP_NAME}`;

export interface OpenedFile {
	page: Page;
	context: BrowserContext;
	/** `type: message` of every dialog (each dismissed). */
	dialogs: string[];
	errors: string[];
	/** `resourceType url` of every request but the file itself. */
	requests: string[];
	/** Every script compiled in the page's main world. */
	scripts: string[];
}

/**
 * Writes `html` to `file` and opens it in a fresh context: remote images answered with
 * the placeholder, every other request refused (and all recorded), dialogs dismissed and
 * recorded, scripts parsed in the page's main world recorded through the DevTools protocol.
 * Close `context` when done.
 */
export async function openFileWithHooks(browser: Browser, file: string, html: string, viewport = { width: 1280, height: 900 }): Promise<OpenedFile> {
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
		if (req.resourceType() === 'image' && /^https?:/.test(req.url())) return route.fulfill({ contentType: 'image/svg+xml', body: IMAGE_PLACEHOLDER });
		return route.abort();
	});
	const cdp = await context.newCDPSession(page);
	// Playwright's own evaluations are compiled there too: read `scripts` before page.evaluate.
	cdp.on('Debugger.scriptParsed', (e) => {
		if (e.executionContextAuxData?.isDefault) scripts.push(e.url || `(inline, ${e.length} chars)`);
	});
	await cdp.send('Debugger.enable');
	await page.addInitScript(TRAP);
	await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
	return { page, context, dialogs, errors, requests, scripts };
}

/**
 * Moves the mouse over the page, tabs through it and scrolls it, so a handler would get
 * its event — without page.evaluate, which would compile scripts of its own.
 */
export async function poke(page: Page): Promise<void> {
	for (let round = 0; round < 3; round++) {
		for (const y of [100, 300, 500, 700, 850]) for (const x of [100, 400, 700, 1000]) await page.mouse.move(x, y);
		for (let i = 0; i < 15; i++) await page.keyboard.press('Tab');
		await page.mouse.wheel(0, 3000);
	}
}

/**
 * What the live DOM holds that could run or navigate to script, the parsed JSON-LD blocks,
 * and the trapped calls. Evaluates in the page: call it after reading `scripts`.
 */
export async function domAudit(page: Page): Promise<{ problems: string[]; jsonLd: unknown[]; ran: string[] }> {
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

/**
 * Pokes an opened export and asserts nothing ran: only the trap was compiled (no inline
 * script, handler or javascript: URL), no script-capable markup, one JSON-LD block that
 * parses and holds `claimReviews` ClaimReviews, no trapped call, no dialog, no error, and
 * no request but http(s) images.
 */
export async function expectInert(opened: OpenedFile, claimReviews: number): Promise<void> {
	await poke(opened.page);
	expect(opened.scripts).toEqual([TRAP_NAME]);
	const audit = await domAudit(opened.page);
	expect(audit.problems).toEqual([]);
	expect(audit.jsonLd).toHaveLength(1);
	expect(audit.jsonLd[0]).toHaveLength(claimReviews);
	expect(audit.ran).toEqual([]);
	expect(opened.dialogs).toEqual([]);
	expect(opened.errors).toEqual([]);
	expect(opened.requests.filter((r) => !/^image https?:/.test(r))).toEqual([]);
}
