// Browser-test plumbing: the production server and Chromium a test file runs against
// (started before its tests, closed after them), and pages signed in as a seeded user,
// each in a browser context of its own (ARCHITECTURE §10: no BroadcastChannel shortcut
// between users).
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser, watchErrors } from './browser.ts';
import { startServer, type TestServer } from './server.ts';
import type { SeededUser } from './users.ts';

export interface WithBrowser {
	readonly browser: Browser;
}

export interface ServerAndBrowser extends WithBrowser {
	readonly server: TestServer;
}

function started<T>(value: T | undefined, what: string): T {
	if (value === undefined) throw new Error(`the ${what} is not started yet: use it inside tests or hooks`);
	return value;
}

/** Launches Chromium before the file's tests and closes it after them. */
export function useBrowser(): WithBrowser {
	let browser: Browser | undefined;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});
	return {
		get browser() {
			return started(browser, 'browser');
		}
	};
}

/**
 * Starts a production server (temp data dir) and Chromium, side by side, before the
 * file's tests; closes the browser and disposes of the server after them. Register it
 * first: hooks the file adds later run after the start and before the stop.
 */
export function useServerAndBrowser(): ServerAndBrowser {
	let server: TestServer | undefined;
	let browser: Browser | undefined;
	beforeAll(async () => {
		const [s, b] = await Promise.allSettled([startServer(), launchBrowser()]);
		// Keep whichever started, so afterAll stops it even when the other failed.
		if (s.status === 'fulfilled') server = s.value;
		if (b.status === 'fulfilled') browser = b.value;
		if (s.status === 'rejected') throw s.reason;
		if (b.status === 'rejected') throw b.reason;
	});
	afterAll(async () => {
		await browser?.close();
		await server?.dispose();
	});
	return {
		get server() {
			return started(server, 'server');
		},
		get browser() {
			return started(browser, 'browser');
		}
	};
}

/** A page in its own browser context, and the errors it logged since it opened. */
export interface UserPage {
	ctx: BrowserContext;
	page: Page;
	errors: string[];
}

export interface OpenOptions {
	/** Default 1400 × 900: wide enough for both columns and the side panel. */
	viewport?: { width: number; height: number };
	/** More options for the browser context (e.g. `acceptDownloads`). */
	context?: BrowserContextOptions;
	/** Runs on the new context before the page opens: routes for remote images, websockets … */
	setup?: (ctx: BrowserContext) => unknown;
}

/** Opens `path` signed in as `user` (the session cookie), in a new browser context. */
export async function openAs(e2e: ServerAndBrowser, user: SeededUser, path: string, opts: OpenOptions = {}): Promise<UserPage> {
	const ctx = await e2e.browser.newContext({ viewport: opts.viewport ?? { width: 1400, height: 900 }, ...opts.context });
	await ctx.addCookies([user.cookie(e2e.server.url)]);
	await opts.setup?.(ctx);
	const page = await ctx.newPage();
	const errors = watchErrors(page);
	await page.goto(`${e2e.server.url}${path}`);
	return { ctx, page, errors };
}

/** Opens an article's workbench as `user` and waits until it is synced (`[data-sync="ok"]`). */
export async function openWorkbench(
	e2e: ServerAndBrowser,
	user: SeededUser,
	articleId: number,
	opts: OpenOptions & { syncTimeout?: number } = {}
): Promise<UserPage> {
	const opened = await openAs(e2e, user, `/articles/${articleId}`, opts);
	await opened.page.locator('[data-sync="ok"]').waitFor({ timeout: opts.syncTimeout ?? 30_000 });
	return opened;
}
