// Runs `duizhao <args>` as a user would: a child process of the checkout's bin script,
// with its exit code and everything it printed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './server.ts';

export interface CliRun {
	code: number | null;
	stdout: string;
	stderr: string;
}

export interface CliOptions {
	/** `$DUIZHAO_DATA` for the run (WAL lets it share a running server's database). */
	dataDir?: string;
	/** Written to stdin, which is then closed (empty by default). */
	stdin?: string;
	/** Working directory (default: the checkout), where a relative `./data` would land. */
	cwd?: string;
}

/** Runs the CLI to completion; never rejects on a non-zero exit (that is in `code`). */
export function runCli(args: string[], opts: CliOptions = {}): Promise<CliRun> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [join(ROOT, 'src/bin/duizhao.js'), ...args], {
			cwd: opts.cwd ?? ROOT,
			env: { ...process.env, ...(opts.dataDir === undefined ? {} : { DUIZHAO_DATA: opts.dataDir }) },
			stdio: ['pipe', 'pipe', 'pipe']
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
		// A command that exits without reading stdin closes the pipe: not an error here.
		child.stdin.on('error', () => {});
		child.stdin.end(opts.stdin ?? '');
	});
}
