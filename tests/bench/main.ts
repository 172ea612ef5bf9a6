// `npm run bench [-- --quick] [--json] [--only fanout,coldload,browser,import] [--profile]
// [--clients-sched batch|other]`:
// Duizhao against the reference y-websocket server (@y/websocket-server@0.1.1) and against
// an eager-mount page, each comparison alternated (ABAB…) over rounds and summarised as
// medians of per-round medians. Prints the machine, a readable table with the targets of
// issue 8, and with --json one JSON object as the last line. Not part of `npm test`: the
// numbers depend on the machine and its load (run it when `uptime` is low).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuild } from '../../src/cli/build.ts';
import { browserBench, type BrowserResult } from './browser.ts';
import { coldload, type ColdloadResult } from './coldload.ts';
import { fanoutRound, startFanoutTarget, type FanoutRound } from './fanout.ts';
import { importExport, type ImportExportResult } from './import-export.ts';
import { typedState } from './lib/history.ts';
import { machineInfo, type MachineInfo } from './lib/machine.ts';
import { summarizeProfile } from './lib/profile.ts';
import { loadAverage } from './lib/proc.ts';
import type { Policy } from './lib/sched.ts';
import type { Kind } from './lib/servers.ts';
import { median, round } from './lib/stats.ts';
import { report, type BenchResult } from './report.ts';

const SECTIONS = ['fanout', 'coldload', 'browser', 'import'] as const;
type Section = (typeof SECTIONS)[number];

interface Plan {
	quick: boolean;
	fanout: {
		rounds: number;
		clients: number;
		typists: number;
		pairs: number;
		warmupSeconds: number;
		seconds: number;
		leaveSeconds: number;
		/** Also run the relay floor (relay-floor.ts) in every round. */
		relayFloor: boolean;
		/** The client process's scheduling policy during rounds (lib/sched.ts). */
		harnessPolicy: Policy;
	};
	coldload: { pairs: number; rounds: number; samples: number; quietMs?: number };
	browser: { sizes: number[]; large: number; eager: boolean; rounds: number; keys: number };
	io: { pairs: number; runs: number };
}

function plan(quick: boolean, harnessPolicy: Policy): Plan {
	return quick
		? {
				quick,
				fanout: { rounds: 1, clients: 20, typists: 5, pairs: 50, warmupSeconds: 2, seconds: 3, leaveSeconds: 2, relayFloor: false, harnessPolicy },
				coldload: { pairs: 500, rounds: 1, samples: 1, quietMs: 400 },
				browser: { sizes: [50], large: 50, eager: false, rounds: 1, keys: 15 },
				io: { pairs: 500, runs: 2 }
			}
		: {
				quick,
				fanout: { rounds: 5, clients: 20, typists: 5, pairs: 50, warmupSeconds: 6, seconds: 15, leaveSeconds: 5, relayFloor: true, harnessPolicy },
				coldload: { pairs: 2000, rounds: 5, samples: 3 },
				browser: { sizes: [50, 500, 2000], large: 2000, eager: true, rounds: 5, keys: 40 },
				io: { pairs: 2000, runs: 5 }
			};
}

const log = (line: string): void => void process.stderr.write(line + '\n');

/** A bad command line: one line and exit code 2, no stack. */
class UsageError extends Error {}

type FanoutRounds = Record<Kind, FanoutRound[]>;

async function runFanout(p: Plan['fanout']): Promise<FanoutRounds> {
	const state = typedState(p.pairs);
	const rounds: FanoutRounds = { reference: [], duizhao: [], relay: [] };
	for (let r = 0; r < p.rounds; r++) {
		// ABAB: the reference first in even rounds, Duizhao first in odd ones; the floor last.
		const order: Kind[] = r % 2 === 0 ? ['reference', 'duizhao'] : ['duizhao', 'reference'];
		if (p.relayFloor) order.push('relay');
		// All of the round's servers start together and wait out their start-up (settle) side
		// by side; each is then measured alone while the others sit idle.
		const started = new Map(
			order.map((kind) => {
				const target = startFanoutTarget(kind, { ...p, state });
				target.catch(() => undefined); // reported when its turn comes, not as unhandled now
				return [kind, target] as const;
			})
		);
		for (const kind of order) {
			const target = started.get(kind)!;
			started.delete(kind);
			const x = await fanoutRound(kind, { ...p, state, target }).catch(async (err: unknown) => {
				for (const rest of started.values()) await rest.then((t) => t.stop(), () => undefined);
				throw err;
			});
			rounds[kind].push(x);
			log(
				`  fanout round ${r + 1} ${kind.padEnd(9)}: p50 ${x.p50.toFixed(2)} ms, p99 ${x.p99.toFixed(2)} ms, ` +
					`${x.cpuPerMsgUs.toFixed(1)} µs CPU/msg (${x.delivered} msgs, ${x.missing} missing), ` +
					`preempted ${x.preemptedPerEdit.toFixed(1)}×/edit (clients ${x.harnessPolicy}), ` +
					`RSS ${x.rssBefore.toFixed(0)} → ${x.rssDuring.toFixed(0)} → ${x.rssAfter.toFixed(0)} MB (load ${loadAverage()})`
			);
		}
	}
	return rounds;
}

function fanoutSummary(p: Plan['fanout'], { reference: ref, duizhao: dz, relay }: FanoutRounds): BenchResult['fanout'] {
	const m = (rounds: FanoutRound[], f: (x: FanoutRound) => number) => median(rounds.map(f));
	// Ratios per round (each round's server against the reference run beside it), then the median.
	const cpuRatio = (rounds: FanoutRound[]) => median(rounds.map((x, i) => x.cpuPerMsgUs / ref[i]!.cpuPerMsgUs));
	return {
		clients: p.clients,
		typists: p.typists,
		p50_ms: round(m(dz, (x) => x.p50)),
		p99_ms: round(m(dz, (x) => x.p99)),
		ref_p50_ms: round(m(ref, (x) => x.p50)),
		ref_p99_ms: round(m(ref, (x) => x.p99)),
		cpu_per_msg_ratio: round(cpuRatio(dz), 3),
		rss_after_leave_ratio: round(m(dz, (x) => x.rssAfter / x.rssBefore), 3),
		cpu_per_msg_us: round(m(dz, (x) => x.cpuPerMsgUs)),
		ref_cpu_per_msg_us: round(m(ref, (x) => x.cpuPerMsgUs)),
		preempted_per_edit: round(m(dz, (x) => x.preemptedPerEdit)),
		ref_preempted_per_edit: round(m(ref, (x) => x.preemptedPerEdit)),
		clients_sched: [...dz, ...ref].every((x) => x.harnessPolicy === 'batch') ? 'batch' : 'other',
		...(relay.length > 0 && {
			relay_cpu_per_msg_us: round(m(relay, (x) => x.cpuPerMsgUs)),
			relay_cpu_per_msg_ratio: round(cpuRatio(relay), 3),
			relay_p99_ms: round(m(relay, (x) => x.p99)),
			relay_preempted_per_edit: round(m(relay, (x) => x.preemptedPerEdit))
		}),
		rss_mb: { before: round(m(dz, (x) => x.rssBefore), 1), during: round(m(dz, (x) => x.rssDuring), 1), after: round(m(dz, (x) => x.rssAfter), 1) },
		ref_rss_after_leave_ratio: round(m(ref, (x) => x.rssAfter / x.rssBefore), 3),
		missing: [...dz, ...ref].reduce((n, x) => n + x.missing, 0)
	};
}

/** `--profile`: one more Duizhao fanout round under --cpu-prof; where its CPU went while measured. */
async function profileFanout(p: Plan['fanout']): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), 'duizhao-bench-prof-'));
	try {
		const x = await fanoutRound('duizhao', { ...p, state: typedState(p.pairs), nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
		// The main thread's profile is the first file (others come from worker threads).
		const file = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort()[0];
		if (!file) {
			log('  profile: no .cpuprofile written');
			return;
		}
		const s = summarizeProfile(join(dir, file), x.windowUs, 20);
		log(`  profile of the measured phase (${s.totalMs} ms sampled; wall-clock samples, so fsync waits show as SQLite):`);
		for (const e of s.packages) log(`    ${e.ms.toFixed(1).padStart(8)} ms  ${e.name}`);
		for (const e of s.functions) log(`    ${e.ms.toFixed(1).padStart(8)} ms  ${e.name}`);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

function commandLine(args: string[]): { quick: boolean; json: boolean; only: Set<Section>; profile: boolean; sched: Policy } {
	let values;
	try {
		({ values } = parseArgs({
			args,
			options: {
				quick: { type: 'boolean', default: false },
				json: { type: 'boolean', default: false },
				only: { type: 'string' },
				profile: { type: 'boolean', default: false },
				'clients-sched': { type: 'string', default: 'batch' }
			}
		}));
	} catch (err) {
		throw new UsageError((err as Error).message);
	}
	const sched = values['clients-sched'];
	if (sched !== 'batch' && sched !== 'other') throw new UsageError(`--clients-sched: batch or other, not ${sched}`);
	const only = new Set<Section>(values.only ? (values.only.split(',') as Section[]) : SECTIONS);
	for (const s of only) if (!SECTIONS.includes(s)) throw new UsageError(`--only: unknown section ${s} (${SECTIONS.join(', ')})`);
	return { quick: values.quick, json: values.json, only, profile: values.profile, sched };
}

async function main(): Promise<number> {
	const { quick, json, only, profile, sched } = commandLine(process.argv.slice(2));
	const p = plan(quick, sched);
	const machine: MachineInfo = machineInfo();
	log(`duizhao bench${p.quick ? ' --quick' : ''}: ${machine.cpu}, ${machine.cores} cores, ${machine.memGb} GB, node ${machine.node}, ${machine.date}, load ${machine.load1}`);
	if (machine.load1 > machine.cores) log(`  warning: the load average (${machine.load1}) is above the core count — numbers will be noisy`);
	await ensureBuild(log);

	const result: BenchResult = { machine, quick: p.quick };
	const started = performance.now();
	const states = new Map<number, Uint8Array>();
	const stateOf = (pairs: number) => states.get(pairs) ?? states.set(pairs, typedState(pairs)).get(pairs)!;

	if (only.has('fanout')) {
		log(
			`fanout: ${p.fanout.clients} clients (SCHED_${sched.toUpperCase()}), ${p.fanout.typists} typing at 5–10 keys/s, ` +
				`${p.fanout.rounds} round(s) of ${p.fanout.seconds} s`
		);
		result.fanout = fanoutSummary(p.fanout, await runFanout(p.fanout));
		if (profile) await profileFanout(p.fanout);
	}
	if (only.has('coldload')) {
		log(`coldload: ${p.coldload.pairs} pairs, typed history`);
		const c: ColdloadResult = await coldload({ ...p.coldload, state: stateOf(p.coldload.pairs) }, log);
		result.coldload = {
			pairs: c.pairs,
			synced_ms: round(c.synced_ms, 1),
			ref_synced_ms: round(c.ref_synced_ms, 1),
			floor_ms: round(c.floor_ms, 1),
			warm_synced_ms: round(c.warm_synced_ms, 1),
			state_bytes: c.stateBytes,
			db_doc_bytes: c.dbDocBytes,
			compact_state_bytes: c.compactStateBytes,
			db_file_bytes: c.dbFileBytes
		};
	}
	if (only.has('browser')) {
		log(`browser: ${p.browser.sizes.join(', ')} pairs, ${p.browser.rounds} round(s)`);
		const sizes = new Set([...p.browser.sizes, p.browser.large]);
		const b: BrowserResult = await browserBench({ ...p.browser, states: new Map([...sizes].map((s) => [s, stateOf(s)])) }, log);
		const r = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v, 1)]));
		result.browser = {
			interactive_ms: r(b.interactive_ms),
			eager_interactive_ms: r(b.eager_interactive_ms),
			eager_synced_interactive_ms: r(b.eager_synced_interactive_ms),
			keystroke_p95_ms: r(b.keystroke_p95_ms),
			keystroke_p50_ms: r(b.keystroke_p50_ms),
			remote_paint_p50_ms: round(b.remote_paint_p50_ms, 1),
			remote_paint_p99_ms: round(b.remote_paint_p99_ms, 1),
			mounted_editors: b.mounted
		};
	}
	if (only.has('import')) {
		log(`import/export: ${p.io.pairs} pairs, ${p.io.runs} runs`);
		const io: ImportExportResult = await importExport({ ...p.io, state: stateOf(p.io.pairs) }, log);
		result.import = { pairs: io.import.pairs, ms: round(io.import.ms, 1) };
		result.export = {
			pairs: io.export.pairs,
			ms: round(io.export.ms, 1),
			floor_ms: round(io.export.floor_ms, 2),
			input_ms: round(io.export.input_ms, 1),
			render_ms: round(io.export.render_ms, 1),
			bytes: io.export.bytes
		};
	}
	result.seconds = Math.round((performance.now() - started) / 1000);
	result.load_after = loadAverage();
	process.stdout.write(report(result) + '\n');
	if (json) process.stdout.write(JSON.stringify(result) + '\n');
	return 0;
}

main().then(
	(code) => process.exit(code),
	(err: unknown) => {
		if (err instanceof UsageError) {
			process.stderr.write(`bench: ${err.message}\n`);
			process.exit(2);
		}
		process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
		process.exit(1);
	}
);
