// vitest global setup: build the web app once if its sources changed, so integration and
// browser tests run against the real production build (`node src/bin/duizhao.js serve`).
import { ensureBuild } from '../../src/cli/build.ts';

export default async function setup(): Promise<void> {
	await ensureBuild((line) => process.stderr.write(line + '\n'));
}
