// Section "browser": the workbench in headless Chromium, one browser context per user.
// - interactive: from navigation start to `performance.mark('duizhao:interactive')` (the
//   visible editors are mounted and hold the server's text), for 50, 500 and 2,000 pairs,
//   and at 2,000 pairs for the eager baseline (`?mount=all`: the same page and packages
//   with every editor mounted), alternated with the normal page.
// - keystroke: main-thread time spent handling each typed key, from a Chromium trace (the
//   tasks that dispatched its keydown/keypress/input/keyup events, with everything they ran:
//   ProseMirror, y-prosemirror, Svelte effects) — the Event Timing API hides events < 16 ms.
// - remote paint: a key typed in one context until the next animation frame after the
//   other context's editor shows it (both clocks are performance.timeOrigin + now()).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { seedUser, type SeededUser } from '../helpers/users.ts';
import { manySegments, seedArticle } from '../helpers/articles.ts';
import { storeSnapshot } from './lib/servers.ts';
import { median, percentile } from './lib/stats.ts';
import { join } from 'node:path';

export interface BrowserOptions {
	sizes: number[];
	/** Size that also gets the eager baseline, the 1.5× keystroke comparison and remote paint. */
	large: number;
	/** Measure the eager baselines (the full run; --quick skips them). */
	eager: boolean;
	states: Map<number, Uint8Array>;
	rounds: number;
	/** Keys typed per keystroke / remote-paint sample. */
	keys: number;
}

export interface BrowserResult {
	interactive_ms: Record<string, number>;
	eager_interactive_ms: Record<string, number>;
	/** Every editor mounted, but only once the document synced (what the lazy page also waits for). */
	eager_synced_interactive_ms: Record<string, number>;
	keystroke_p95_ms: Record<string, number>;
	keystroke_p50_ms: Record<string, number>;
	remote_paint_p50_ms: number;
	remote_paint_p99_ms: number;
	/** Editors mounted when the page became interactive (lazy page), per size. */
	mounted: Record<string, number>;
}

export interface Fixture {
	server: TestServer;
	browser: Browser;
	ana: SeededUser;
	ben: SeededUser;
	articles: Map<number, number>;
}

const VIEWPORT = { width: 1400, height: 900 };

export async function setup(opts: Pick<BrowserOptions, 'sizes' | 'large' | 'states'>): Promise<Fixture> {
	const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
	const ana = seedUser(server.dataDir, 'ana', 'translator');
	const ben = seedUser(server.dataDir, 'ben', 'translator');
	const articles = new Map<number, number>();
	for (const size of new Set([...opts.sizes, opts.large])) {
		const id = seedArticle(server.dataDir, manySegments(size));
		storeSnapshot(join(server.dataDir, 'duizhao.sqlite'), `article-${id}`, opts.states.get(size)!);
		articles.set(size, id);
	}
	return { server, browser, ana, ben, articles };
}

/** Records the end of the last long task (> 50 ms) in `window.__lastLongTask`. */
const LONG_TASKS = `window.__lastLongTask = 0; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lastLongTask = Math.max(window.__lastLongTask, e.startTime + e.duration); }).observe({ type: 'longtask', buffered: true });`;

/**
 * Opens the article as `user` and waits for the interactive mark; with `idle`, also until
 * no long task ran for a second (the QA pass over every pair, record fetches): typing is
 * measured in a settled page, not against its start-up work.
 */
async function openPage(fx: Fixture, user: SeededUser, articleId: number, query = '', idle = false): Promise<{ ctx: BrowserContext; page: Page }> {
	const ctx = await fx.browser.newContext({ viewport: VIEWPORT });
	await ctx.addCookies([user.cookie(fx.server.url)]);
	await ctx.addInitScript(LONG_TASKS);
	const page = await ctx.newPage();
	await page.goto(`${fx.server.url}/articles/${articleId}${query}`);
	await page.waitForFunction(() => performance.getEntriesByName('duizhao:interactive').length > 0, null, { timeout: 180_000, polling: 50 });
	if (idle) {
		await page.waitForFunction(
			() => performance.now() - (window as unknown as { __lastLongTask: number }).__lastLongTask > 1000,
			null,
			{ timeout: 60_000, polling: 100 }
		);
	}
	return { ctx, page };
}

/** Loads the page and returns the mark's time plus a check of what was mounted at that point. */
/** `eager`: `all` = every editor from the start (the baseline), `all-synced` = every editor after the first sync. */
export async function interactive(fx: Fixture, size: number, eager: false | 'all' | 'all-synced'): Promise<{ ms: number; mounted: number; visibleStatic: number }> {
	const { ctx, page } = await openPage(fx, fx.ana, fx.articles.get(size)!, eager ? `?mount=${eager}` : '');
	try {
		return await page.evaluate(() => {
			const ms = performance.getEntriesByName('duizhao:interactive')[0]!.startTime;
			const rows = [...document.querySelectorAll<HTMLElement>('[data-segment]')];
			const onScreen = rows.filter((r) => {
				const b = r.getBoundingClientRect();
				return b.bottom > 0 && b.top < innerHeight;
			});
			return {
				ms,
				mounted: document.querySelectorAll('.target-editor').length,
				visibleStatic: onScreen.filter((r) => !r.querySelector('.target-editor')).length
			};
		});
	} finally {
		await ctx.close();
	}
}

interface TraceEvent {
	name: string;
	ph: string;
	ts: number;
	dur?: number;
	tid: number;
	pid: number;
	args?: { data?: { type?: string } };
}

const KEY_EVENTS = new Set(['keydown', 'keypress', 'beforeinput', 'input', 'textInput', 'keyup']);

/** Per typed key: the summed duration (ms) of the main-thread tasks that dispatched its key events. */
export function keystrokeDurations(events: TraceEvent[]): number[] {
	const dispatches = events.filter((e) => e.name === 'EventDispatch' && KEY_EVENTS.has(e.args?.data?.type ?? ''));
	if (dispatches.length === 0) return [];
	const { pid, tid } = dispatches[0]!;
	const tasks = events
		.filter((e) => e.ph === 'X' && e.pid === pid && e.tid === tid && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'))
		.sort((a, b) => a.ts - b.ts);
	const taskOf = (ts: number) => {
		let lo = 0;
		let hi = tasks.length - 1;
		let found: TraceEvent | null = null;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			if (tasks[mid]!.ts <= ts) {
				found = tasks[mid]!;
				lo = mid + 1;
			} else hi = mid - 1;
		}
		return found && found.ts + (found.dur ?? 0) >= ts ? found : null;
	};
	const keys: Set<TraceEvent>[] = [];
	for (const d of dispatches.sort((a, b) => a.ts - b.ts)) {
		if (d.args?.data?.type === 'keydown') keys.push(new Set());
		const task = taskOf(d.ts);
		if (task && keys.length > 0) keys.at(-1)!.add(task);
	}
	return keys.map((set) => [...set].reduce((ms, t) => ms + (t.dur ?? 0) / 1000, 0));
}

/** Types `keys` characters into pair 3 with a trace running; returns each key's handling time. */
export async function keystrokes(fx: Fixture, size: number, keys: number): Promise<number[]> {
	const { ctx, page } = await openPage(fx, fx.ana, fx.articles.get(size)!, '', true);
	try {
		const editor = page.locator('[data-segment="s3"] .target-editor');
		await editor.click();
		await page.keyboard.press('End');
		// A few keys first: the first keystrokes of a page compile code paths.
		await page.keyboard.type(' warm', { delay: 40 });
		await page.waitForTimeout(300);
		await fx.browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel', 'disabled-by-default-devtools.timeline'] });
		await page.keyboard.type(' the sanctions would follow quickly and hard'.slice(0, keys), { delay: 60 });
		await page.waitForTimeout(300);
		const trace = JSON.parse((await fx.browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
		return keystrokeDurations(trace.traceEvents);
	} finally {
		await ctx.close();
	}
}

/** Ana types into pair 4; returns, per key, ms from her keydown to the frame after Ben's editor shows it. */
export async function remotePaint(fx: Fixture, size: number, keys: number): Promise<number[]> {
	const id = fx.articles.get(size)!;
	const a = await openPage(fx, fx.ana, id, '', true);
	const b = await openPage(fx, fx.ben, id, '', true);
	try {
		// A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
		await b.page.evaluate(`(() => {
			window.__paints = [];
			const host = document.querySelector('[data-segment="s4"] .target-editor');
			function text() {
				let out = '';
				const walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
				for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement.closest('.remote-caret')) out += n.textContent;
				return out;
			}
			const base = text().length;
			let seen = 0;
			new MutationObserver(() => {
				const grown = text().length - base;
				if (grown <= seen) return;
				const newly = grown - seen;
				seen = grown;
				requestAnimationFrame(() => {
					const t = performance.timeOrigin + performance.now();
					for (let i = 0; i < newly; i++) window.__paints.push(t);
				});
			}).observe(host, { subtree: true, childList: true, characterData: true });
		})()`);
		await a.page.evaluate(() => {
			const w = window as unknown as { __keys: number[] };
			w.__keys = [];
			addEventListener('keydown', () => w.__keys.push(performance.timeOrigin + performance.now()), { capture: true });
		});
		await a.page.locator('[data-segment="s4"] .target-editor').click();
		await a.page.keyboard.press('End');
		await a.page.keyboard.type('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'.slice(0, keys), { delay: 120 });
		await a.page.waitForTimeout(500);
		const sent = await a.page.evaluate(() => (window as unknown as { __keys: number[] }).__keys);
		const painted = await b.page.evaluate(() => (window as unknown as { __paints: number[] }).__paints);
		// `End` was a key too: the typed characters are the last `keys` keydowns.
		const typed = sent.slice(-keys);
		return painted.slice(0, typed.length).map((t, i) => t - typed[i]!);
	} finally {
		await a.ctx.close();
		await b.ctx.close();
	}
}

export async function browserBench(opts: BrowserOptions, log: (line: string) => void): Promise<BrowserResult> {
	const fx = await setup(opts);
	try {
		const lazy = new Map<number, number[]>();
		const mounted = new Map<number, number[]>();
		const eager: number[] = [];
		const eagerSynced: number[] = [];
		const keys = new Map<number, { p95: number[]; p50: number[] }>();
		const paints: { p50: number[]; all: number[] } = { p50: [], all: [] };
		// Warm the server (and the browser's caches of nothing: every context is fresh).
		await interactive(fx, opts.sizes[0]!, false);
		await interactive(fx, opts.large, false);
		for (let r = 0; r < opts.rounds; r++) {
			const line: string[] = [];
			for (const size of opts.sizes) {
				const x = await interactive(fx, size, false);
				if (x.visibleStatic > 0) throw new Error(`${size} pairs: ${x.visibleStatic} rows on screen had no editor when the page said interactive`);
				(lazy.get(size) ?? lazy.set(size, []).get(size)!).push(x.ms);
				(mounted.get(size) ?? mounted.set(size, []).get(size)!).push(x.mounted);
				line.push(`${size}: ${x.ms.toFixed(0)} ms (${x.mounted} editors)`);
				if (size === opts.large && opts.eager) {
					const e = await interactive(fx, size, 'all');
					eager.push(e.ms);
					line.push(`eager ${size}: ${e.ms.toFixed(0)} ms (${e.mounted} editors)`);
					const es = await interactive(fx, size, 'all-synced');
					eagerSynced.push(es.ms);
					line.push(`all after sync ${size}: ${es.ms.toFixed(0)} ms`);
				}
			}
			for (const size of new Set([opts.sizes[0]!, opts.large])) {
				const d = await keystrokes(fx, size, opts.keys);
				const k = keys.get(size) ?? keys.set(size, { p95: [], p50: [] }).get(size)!;
				k.p95.push(percentile(d, 95));
				k.p50.push(median(d));
				line.push(`keys@${size}: p50 ${median(d).toFixed(1)} p95 ${percentile(d, 95).toFixed(1)} ms (${d.length})`);
			}
			const p = await remotePaint(fx, opts.large, opts.keys);
			paints.p50.push(median(p));
			paints.all.push(...p);
			line.push(`remote paint: p50 ${median(p).toFixed(1)} p99 ${percentile(p, 99).toFixed(1)} ms (${p.length})`);
			log(`  browser round ${r + 1}: ${line.join(', ')}`);
		}
		const bySize = (m: Map<number, number[]>) => Object.fromEntries([...m].map(([size, xs]) => [String(size), median(xs)]));
		return {
			interactive_ms: bySize(lazy),
			eager_interactive_ms: opts.eager ? { [String(opts.large)]: median(eager) } : {},
			eager_synced_interactive_ms: opts.eager ? { [String(opts.large)]: median(eagerSynced) } : {},
			keystroke_p95_ms: Object.fromEntries([...keys].map(([size, k]) => [String(size), median(k.p95)])),
			keystroke_p50_ms: Object.fromEntries([...keys].map(([size, k]) => [String(size), median(k.p50)])),
			remote_paint_p50_ms: median(paints.p50),
			// p99 of all rounds' samples together: one round has too few keys for a p99.
			remote_paint_p99_ms: percentile(paints.all, 99),
			mounted: bySize(mounted)
		};
	} finally {
		await fx.browser.close();
		await fx.server.dispose();
	}
}
