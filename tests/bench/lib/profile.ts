// Reads a V8 .cpuprofile (node --cpu-prof) and sums self time per function and per
// package, optionally only for a time window of the profile (the measured phase,
// not the start-up or shutdown). Used by `--profile` runs to say where a server's CPU goes.
import { readFileSync } from 'node:fs';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}

interface CpuProfile {
	nodes: ProfileNode[];
	startTime: number;
	endTime: number;
	samples: number[];
	timeDeltas: number[];
}

export interface ProfileSummary {
	totalMs: number;
	functions: { name: string; ms: number }[];
	packages: { name: string; ms: number }[];
}

function packageOf(url: string): string {
	if (!url) return '(native/gc/idle)';
	const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
	if (nm) return nm[1]!;
	if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
	const src = /\/(src\/lib\/[^/]+\/[^/]+|src\/[^/]+|build\/[^/]+)/.exec(url);
	return src ? src[1]! : url;
}

/**
 * Self time per function and package over the whole profile or the window `[fromUs, toUs]`
 * on the monotonic clock (process.hrtime / 1000 in any process: V8 stamps samples with it).
 */
export function summarizeProfile(path: string, window?: [number, number], top = 25): ProfileSummary {
	const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const fn = new Map<string, number>();
	const pkg = new Map<string, number>();
	let t = profile.startTime;
	const [from, to] = window ?? [-Infinity, Infinity];
	let total = 0;
	for (let i = 0; i < profile.samples.length; i++) {
		const dt = profile.timeDeltas[i] ?? 0;
		t += dt;
		if (t < from || t > to) continue;
		const node = byId.get(profile.samples[i]!);
		if (!node) continue;
		const { functionName, url, lineNumber } = node.callFrame;
		if (functionName === '(idle)' || functionName === '(program)') continue;
		const ms = dt / 1000;
		total += ms;
		const name = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
		fn.set(name, (fn.get(name) ?? 0) + ms);
		const p = functionName === '(garbage collector)' ? '(gc)' : packageOf(url);
		pkg.set(p, (pkg.get(p) ?? 0) + ms);
	}
	const sorted = (m: Map<string, number>) =>
		[...m.entries()]
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([name, ms]) => ({ name, ms: Math.round(ms * 10) / 10 }));
	return { totalMs: Math.round(total), functions: sorted(fn), packages: sorted(pkg) };
}
