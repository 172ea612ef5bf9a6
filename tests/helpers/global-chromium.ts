// vitest global setup for the browser project: fail fast, in one line, without Chromium.
import { findChromium } from './chromium.js';

export default function setup(): void {
	if (!findChromium()) {
		throw new Error('No Chromium found: run `node tests/helpers/chromium.js` for how to install one');
	}
}
