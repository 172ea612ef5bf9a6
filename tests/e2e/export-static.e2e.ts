// The exported HTML files in Chromium, opened as files (file://) the way a reader would:
// the seed export lays out as designed (screenshots of both layouts), and exports with
// every XSS vector injected run no script — checked with dialog and console hooks, traps
// on the dialog functions, the debugger's list of parsed scripts, and a DOM audit — with
// their CSP and, to prove the escaping alone holds, with the CSP removed. A control page
// shows the hooks do catch a script that runs.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IMAGE, seedInput } from '../../src/lib/export/fixtures.test-helpers.ts';
import { bilingualHtml, CSP, englishHtml } from '../../src/lib/export/index.ts';
import { hostileInput } from '../../src/lib/export/safety.test-helpers.ts';
import { screenshot, watchErrors } from '../helpers/browser.ts';
import { useBrowser } from '../helpers/e2e.ts';
import { expectInert, IMAGE_PLACEHOLDER, openFileWithHooks } from '../helpers/script-audit.ts';
import { ROOT } from '../helpers/server.ts';

const e2e = useBrowser();
let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'duizhao-export-'));
});
afterAll(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Opens `html` as a file of its own (one context per file), every hook attached. */
const open = (name: string, html: string) => openFileWithHooks(e2e.browser, join(dir, `${name}.html`), html);

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
					await expectInert(o, resolved);
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
	const context = await e2e.browser.newContext({ viewport, bypassCSP: true });
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
		if (url === SEED_IMAGE) return route.fulfill({ contentType: 'image/svg+xml', body: IMAGE_PLACEHOLDER });
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
