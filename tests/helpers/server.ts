// Starts the real production server (built app + collab websocket + SQLite) as a child
// process on port 0 with a temp data dir, the way `npm start` runs it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'src', 'bin', 'duizhao.js');

export interface TestServer {
	url: string;
	port: number;
	/** ws://… origin for the collab endpoint. */
	wsUrl: string;
	dataDir: string;
	proc: ChildProcess;
	/** Captured stdout + stderr, for failure messages. */
	output(): string;
	/** SIGTERM and wait for a clean exit. */
	stop(): Promise<void>;
	/** SIGKILL, no cleanup: the crash case. */
	kill(): Promise<void>;
	/** Stop and delete the data dir. */
	dispose(): Promise<void>;
}

export function tempDataDir(prefix = 'duizhao-test-'): string {
	return mkdtempSync(join(tmpdir(), prefix));
}

/** `nodeArgs`: flags for the server's node process (the benchmark's `--cpu-prof`). */
export async function startServer(opts: { dataDir?: string; env?: Record<string, string>; nodeArgs?: string[] } = {}): Promise<TestServer> {
	const dataDir = opts.dataDir ?? tempDataDir();
	const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), BIN, 'serve', '--port', '0', '--host', '127.0.0.1', '--data', dataDir], {
		cwd: ROOT,
		env: { ...process.env, DUIZHAO_SKIP_BUILD: '1', NODE_ENV: 'production', ...opts.env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
	proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
	const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));

	const url = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start in 30 s:\n${out}`)), 30_000);
		const onData = () => {
			const m = /listening on (http:\/\/\S+)/.exec(out);
			if (m) {
				clearTimeout(timer);
				proc.stdout!.off('data', onData);
				resolve(m[1]!);
			}
		};
		proc.stdout!.on('data', onData);
		proc.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code} before listening:\n${out}`));
		});
	});
	const port = Number(new URL(url).port);
	const signal = async (sig: NodeJS.Signals) => {
		if (proc.exitCode === null && proc.signalCode === null) proc.kill(sig);
		await exited;
	};
	return {
		url,
		port,
		wsUrl: url.replace(/^http/, 'ws'),
		dataDir,
		proc,
		output: () => out,
		stop: () => signal('SIGTERM'),
		kill: () => signal('SIGKILL'),
		dispose: async () => {
			await signal('SIGTERM');
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
