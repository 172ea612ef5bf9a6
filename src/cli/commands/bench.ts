// `duizhao bench [--quick] [--json] [--only …]` (= `npm run bench`): runs the benchmark
// harness in tests/bench (a checkout only; it starts servers and Chromium) as its own Node
// process, so its timings and the CLI share nothing.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Io } from '../io.ts';

export const summary = 'benchmark against the reference server and an eager page: bench [--quick] [--json]';

const MAIN = fileURLToPath(new URL('../../../tests/bench/main.ts', import.meta.url));

export async function run(args: string[], io: Io): Promise<number> {
	if (!existsSync(MAIN)) {
		io.stderr.write('duizhao bench: the benchmark lives in tests/bench of a source checkout\n');
		return 2;
	}
	const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { stdio: 'inherit' });
	return new Promise<number>((resolve, reject) => {
		child.once('error', reject);
		child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
	});
}
