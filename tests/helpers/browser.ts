// Launches Debian's Chromium (or $CHROMIUM_PATH) through playwright-core with the flags
// this machine needs (ARCHITECTURE §10). One browser context per simulated user, so
// y-websocket's BroadcastChannel cannot carry updates around the server.
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from './chromium.js';
import { ROOT } from './server.ts';

export async function launchBrowser(): Promise<Browser> {
	const executablePath = findChromium();
	if (!executablePath) throw new Error('No Chromium found: run `node tests/helpers/chromium.js`');
	return chromium.launch({
		executablePath,
		headless: true,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run'
		]
	});
}

/**
 * Saves a screenshot under tests/artifacts/ (ignored by git); with
 * UPDATE_SCREENSHOTS=1 also under tests/screenshots/ (committed) for the README.
 */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
	const dirs = [join(ROOT, 'tests', 'artifacts')];
	if (process.env.UPDATE_SCREENSHOTS) dirs.push(join(ROOT, 'tests', 'screenshots'));
	for (const dir of dirs) {
		mkdirSync(dir, { recursive: true });
		await page.screenshot({ path: join(dir, `${name}.png`), fullPage: opts.fullPage ?? false });
	}
}

/** Collects page errors and console errors so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
	page.on('console', (m) => {
		// Articles' lead images live on news sites; this machine has no internet.
		if (m.type() === 'error' && !m.text().includes('net::ERR_NAME_NOT_RESOLVED')) errors.push(`console: ${m.text()}`);
	});
	return errors;
}
