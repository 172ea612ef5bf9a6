// Scheduling policy of the fanout harness. Its 20 clients stand in for people on other
// machines, who can never take the server's CPU away; here they share two cores with it, and
// a server's socket write wakes the client process, which under Linux's default policy
// preempts the server mid-broadcast (measured: 2–8 preemptions of the server's main thread
// per edit, each a 1–3 ms gap in some listener's latency). Under SCHED_BATCH the client
// process keeps its full CPU share (nice 0) but a wakeup no longer preempts whoever runs —
// it waits for the server to yield. The servers stay SCHED_OTHER. Any user may switch a
// process between the two (util-linux `chrt`); where that fails the bench says so and goes on.
import { execFileSync } from 'node:child_process';

export type Policy = 'batch' | 'other';

/** Sets the policy of every thread of `pid`; false (with `why`) if it could not. */
export function setPolicy(pid: number, policy: Policy): { ok: boolean; why?: string } {
	try {
		execFileSync('chrt', [policy === 'batch' ? '--batch' : '--other', '--all-tasks', '--pid', '0', String(pid)], { stdio: 'pipe' });
		return { ok: true };
	} catch (err) {
		const e = err as { code?: string; stderr?: Buffer };
		return { ok: false, why: e.code === 'ENOENT' ? 'chrt not found (util-linux)' : String(e.stderr ?? err).trim() };
	}
}

/** The policy of `pid`'s main thread, as `chrt -p` reports it. */
export function policyOf(pid: number): string {
	try {
		const out = execFileSync('chrt', ['--pid', String(pid)], { encoding: 'utf8' });
		return /policy:\s*(\S+)/.exec(out)?.[1] ?? 'unknown';
	} catch {
		return 'unknown';
	}
}
