// "Build if needed": hashes the inputs of the web build and runs `vite build` only when
// they changed since the last build. Used by `duizhao serve` (npm start) and by the test
// suites' global setup, so a fresh clone builds once and later runs start at once.
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STAMP = join(ROOT, 'build', '.duizhao-build-stamp');
const LOCK = join(ROOT, '.duizhao-build-lock');
const INPUTS = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];
const SKIP = /(^|\/)(node_modules|\.svelte-kit)(\/|$)|\.test\.ts$|(^|\/)src\/(cli|bin)\//;

function* walk(path: string): Generator<string> {
	if (!existsSync(path)) return;
	if (statSync(path).isDirectory()) {
		for (const name of readdirSync(path).sort()) yield* walk(join(path, name));
	} else {
		yield path;
	}
}

/** A hash of every file the web build reads. */
export function inputsHash(): string {
	const hash = createHash('sha256');
	for (const input of INPUTS) {
		for (const file of walk(join(ROOT, input))) {
			const rel = relative(ROOT, file);
			if (SKIP.test(rel)) continue;
			hash.update(rel).update('\0').update(readFileSync(file)).update('\0');
		}
	}
	return hash.digest('hex');
}

export function buildIsCurrent(): boolean {
	return existsSync(join(ROOT, 'build', 'handler.js')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === inputsHash();
}

function runViteBuild(log: (line: string) => void): Promise<void> {
	return new Promise((resolve, reject) => {
		const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
		const child = spawn(process.execPath, [vite, 'build'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (d: Buffer) => (output += d.toString()));
		child.stderr.on('data', (d: Buffer) => (output += d.toString()));
		child.on('error', reject);
		child.on('exit', (code) => {
			if (code === 0) resolve();
			else {
				log(output);
				reject(new Error(`vite build failed with exit code ${code}`));
			}
		});
	});
}

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
	const started = Date.now();
	for (;;) {
		try {
			mkdirSync(LOCK);
			break;
		} catch {
			// Another process is building; a lock older than 10 minutes is stale.
			if (Date.now() - started > 600_000) rmSync(LOCK, { recursive: true, force: true });
			await new Promise((r) => setTimeout(r, 250));
		}
	}
	try {
		return await fn();
	} finally {
		rmSync(LOCK, { recursive: true, force: true });
	}
}

/** Builds the web app unless the last build matches the current sources. */
export async function ensureBuild(log: (line: string) => void = (l) => process.stderr.write(l + '\n')): Promise<boolean> {
	if (buildIsCurrent()) return false;
	return withLock(async () => {
		if (buildIsCurrent()) return false;
		log('Building the web app (first start or sources changed)…');
		const hash = inputsHash();
		await runViteBuild(log);
		writeFileSync(STAMP, hash);
		return true;
	});
}
