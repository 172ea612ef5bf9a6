// Chromium loads the app shell from the production server.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, watchErrors } from '../helpers/browser.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { seedUser } from '../helpers/users.ts';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
	[server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await server?.dispose();
});

it('renders the article list', async () => {
	// Pages need a signed-in user (anonymous visitors are sent to /setup or /login).
	const context = await browser.newContext();
	await context.addCookies([seedUser(server.dataDir, 'smoke', 'editor').cookie(server.url)]);
	const page = await context.newPage();
	const errors = watchErrors(page);
	await page.goto(server.url);
	await expect.poll(() => page.locator('h1').textContent()).toContain('Articles');
	expect(errors).toEqual([]);
});
