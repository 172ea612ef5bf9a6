// Section "fanout": N clients on one article, M of them typing at 5–10 keys a second with a
// cursor move per key (as y-prosemirror does). Measures end-to-end latency (typist's send →
// listener's receive, same clock), the server's CPU per delivered message (/proc, all
// threads) and its RSS before anyone joins, while typing, and after everyone left.
import { cpuTimes, preemptions, rssMb, settle } from './lib/proc.ts';
import { median, percentile, rng, sleep } from './lib/stats.ts';
import { Listener, Typist } from './lib/clients.ts';
import { setPolicy, type Policy } from './lib/sched.ts';
import { startTarget, type CollabTarget, type Kind } from './lib/servers.ts';

export interface FanoutOptions {
	clients: number;
	typists: number;
	/** Pairs of the article (its English is the typed history). */
	pairs: number;
	state: Uint8Array;
	warmupSeconds: number;
	seconds: number;
	/** Seconds to wait after everyone left before reading RSS. */
	leaveSeconds: number;
	/** The server, already started (runFanout starts a round's servers together); stopped here. */
	target?: Promise<CollabTarget>;
	nodeArgs?: string[];
	/** The client process's scheduling policy while the round runs (sched.ts); the server's is 'other'. */
	harnessPolicy: Policy;
	/** Runs around the measured phase (e.g. strace attached to the server). */
	probe?: { start(pid: number): Promise<void>; stop(): Promise<void> };
}

export interface FanoutRound {
	kind: Kind;
	p50: number;
	p99: number;
	samples: number;
	/** Messages the server delivered (updates to every other client, awareness to everyone). */
	delivered: number;
	/** Marked edits listeners should have received but did not. */
	missing: number;
	cpuMs: number;
	/** Of which in the kernel (writes, fsync). */
	cpuSystemMs: number;
	cpuPerMsgUs: number;
	/** Times the server's main thread was preempted, per edit typed (proc.ts). */
	preemptedPerEdit: number;
	rssBefore: number;
	rssDuring: number;
	rssAfter: number;
	/** The measured phase on the monotonic clock (µs), to cut a --cpu-prof profile to it. */
	windowUs: [number, number];
	/** The client process's policy this round ran under ('other' if 'batch' could not be set). */
	harnessPolicy: Policy;
}

/** Starts a server for a fanout round (its document, one user per client). */
export function startFanoutTarget(kind: Kind, opts: FanoutOptions): Promise<CollabTarget> {
	return startTarget(kind, { state: opts.state, pairs: opts.pairs, users: opts.clients, nodeArgs: opts.nodeArgs });
}

export async function fanoutRound(kind: Kind, opts: FanoutOptions): Promise<FanoutRound> {
	const target = await (opts.target ?? startFanoutTarget(kind, opts));
	const typists: Typist[] = [];
	const listeners: Listener[] = [];
	try {
		// Let start-up work finish first: "before" is the idle server, and the heap clean-up
		// V8 runs a few seconds after start is not charged to the typing.
		await settle(target.pid);
		const rssBefore = rssMb(target.pid);
		const harnessPolicy = schedule(target.pid, opts.harnessPolicy);
		const random = rng(7);
		for (let i = 0; i < opts.typists; i++) typists.push(new Typist(target, i, `s${2 + i}`, random));
		await Promise.all(typists.map((t) => t.synced()));
		for (let i = opts.typists; i < opts.clients; i++) listeners.push(await Listener.connect(target, i));

		// Warm-up at 35–50 keys a second per typist: both servers' JIT gets past its ramp
		// (at 5–10 Hz V8 needs most of a minute to optimise the hot paths), then the
		// measured phase runs at the real pace.
		typists.forEach((t) => t.start(true));
		await sleep(opts.warmupSeconds * 1000);
		typists.forEach((t) => t.start());
		await sleep(1000);
		await opts.probe?.start(target.pid);
		for (const c of [...typists, ...listeners]) c.reset();
		const cpu0 = cpuTimes(target.pid);
		const preempted0 = preemptions(target.pid);
		const from = process.hrtime.bigint();
		await sleep(opts.seconds * 1000);
		typists.forEach((t) => t.stop());
		await sleep(500);
		const to = process.hrtime.bigint();
		await opts.probe?.stop();
		const cpu1 = cpuTimes(target.pid);
		const preempted = preemptions(target.pid) - preempted0;
		const cpuUser = cpu1.user - cpu0.user;
		const cpuSystem = cpu1.system - cpu0.system;
		const cpu = cpuUser + cpuSystem;
		const rssDuring = rssMb(target.pid);

		const updates = typists.reduce((n, t) => n + t.sentUpdates, 0);
		const awareness = typists.reduce((n, t) => n + t.sentAwareness, 0);
		const delivered = updates * (opts.clients - 1) + awareness * opts.clients;
		const latencies = listeners.flatMap((l) => l.latencies);
		const missing = Math.max(0, updates * listeners.length - latencies.length);

		for (const t of typists) t.destroy();
		for (const l of listeners) l.close();
		typists.length = listeners.length = 0;
		await sleep(opts.leaveSeconds * 1000);
		const rssAfter = rssMb(target.pid);
		return {
			kind,
			p50: median(latencies),
			p99: percentile(latencies, 99),
			samples: latencies.length,
			delivered,
			missing,
			cpuMs: cpu,
			cpuSystemMs: cpuSystem,
			cpuPerMsgUs: (cpu * 1000) / delivered,
			preemptedPerEdit: preempted / updates,
			rssBefore,
			rssDuring,
			rssAfter,
			windowUs: [Number(from / 1000n), Number(to / 1000n)],
			harnessPolicy
		};
	} finally {
		setPolicy(process.pid, 'other');
		for (const t of typists) t.destroy();
		for (const l of listeners) l.close();
		await target.stop();
	}
}

let warned = false;

/** The server under the default policy, this process under `policy`; returns the one in force. */
function schedule(serverPid: number, policy: Policy): Policy {
	if (policy === 'other') return 'other';
	const set = setPolicy(serverPid, 'other').ok ? setPolicy(process.pid, 'batch') : { ok: false, why: 'the server\'s policy could not be set' };
	if (set.ok) return 'batch';
	if (!warned) process.stderr.write(`  fanout: clients stay SCHED_OTHER (${set.why}); they will preempt the server\n`);
	warned = true;
	return 'other';
}
