// What the kernel says about a process: CPU time (user + system, all threads) from
// /proc/<pid>/stat, resident memory and preemptions from /proc/<pid>/status. Linux only.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | null = null;

function clockTicks(): number {
	if (ticksPerSecond === null) {
		try {
			ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
		} catch {
			ticksPerSecond = 100;
		}
	}
	return ticksPerSecond;
}

/** User and system CPU milliseconds the process has used so far (all threads). */
export function cpuTimes(pid: number): { user: number; system: number } {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// The command name may contain spaces and parentheses: fields start after the last ')'.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	// fields[0] is field 3 (state); utime and stime are fields 14 and 15.
	const ms = 1000 / clockTicks();
	return { user: Number(fields[11]) * ms, system: Number(fields[12]) * ms };
}

/** CPU milliseconds the process has used so far (utime + stime). */
export function cpuMs(pid: number): number {
	const t = cpuTimes(pid);
	return t.user + t.system;
}

/** Resident set size in MiB. */
export function rssMb(pid: number): number {
	const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return m ? Number(m[1]) / 1024 : NaN;
}

/**
 * Times the process's main thread was preempted while it could have run on (involuntary
 * context switches): each one is a wait behind another thread, on a machine this small
 * often the client process the server's own socket write just woke on the same CPU.
 */
export function preemptions(pid: number): number {
	const m = /nonvoluntary_ctxt_switches:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return m ? Number(m[1]) : NaN;
}

/** The 1-minute load average (the machine is shared: the report prints it). */
export function loadAverage(): number {
	return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}

/** Milliseconds since the process started (/proc/<pid>/stat starttime against /proc/uptime). */
export function ageMs(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const startTicks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
	const uptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
	return uptime * 1000 - (startTicks * 1000) / clockTicks();
}

/**
 * Waits until the process is at least `minAgeMs` old and then quiet (≤ `quietMs` CPU in two
 * consecutive 500 ms windows), or `maxMs` passed. A freshly started Node server does a burst
 * of work about 6–9 s in, idle or not (V8's memory reducer collecting and compacting the heap
 * that loading the modules left: ~100 ms of CPU for Duizhao, ~20 ms for the reference);
 * measuring before it is over charges it to the workload. Returns how long it waited.
 */
export async function settle(pid: number, { minAgeMs = 10_000, quietMs = 10, maxMs = 30_000 } = {}): Promise<number> {
	const started = performance.now();
	let quiet = 0;
	let last = cpuMs(pid);
	while ((quiet < 2 || ageMs(pid) < minAgeMs) && performance.now() - started < maxMs) {
		await new Promise((r) => setTimeout(r, 500));
		const now = cpuMs(pid);
		quiet = now - last <= quietMs ? quiet + 1 : 0;
		last = now;
	}
	return performance.now() - started;
}
