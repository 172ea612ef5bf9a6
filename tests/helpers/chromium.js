// Finds a Chromium for the browser tests: $CHROMIUM_PATH, /usr/bin/chromium, then
// Playwright's own browser cache. Run directly (`node tests/helpers/chromium.js`, the first
// step of `npm test`) it also tries to fetch Playwright's Chromium when none is found, and
// otherwise stops with one line saying how to install one.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** @returns {string | null} */
function playwrightCached() {
	try {
		const { chromium } = require('playwright-core');
		const path = chromium.executablePath();
		return path && existsSync(path) ? path : null;
	} catch {
		return null;
	}
}

/** The Chromium to use, or null. */
export function findChromium() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	for (const c of candidates) if (c && existsSync(c)) return c;
	return playwrightCached();
}

const HOW = 'No Chromium for the browser tests: run `sudo apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH=/path/to/chrome';

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	let found = findChromium();
	if (!found) {
		console.error('No Chromium found; trying to fetch Playwright\'s Chromium…');
		// playwright-core's own CLI (its package `bin`), which downloads into its cache.
		const cli = join(dirname(require.resolve('playwright-core/package.json')), 'cli.js');
		spawnSync(process.execPath, [cli, 'install', 'chromium'], { stdio: 'inherit', timeout: 300_000 });
		found = playwrightCached();
	}
	if (!found) {
		console.error(HOW);
		process.exit(1);
	}
	console.log(`Browser tests use ${found}`);
}
