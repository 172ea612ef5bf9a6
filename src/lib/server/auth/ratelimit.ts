// Slows down password guessing: counts failed sign-ins per key (the client IP and the
// name tried) in a sliding window and locks a key that reaches its limit until its oldest
// failure leaves the window.
//
// State is in memory, one limiter per Runtime (see loginLimiter below): it resets when
// the server restarts and is not shared between processes. That is enough for the
// one-process server of ARCHITECTURE §2; a scale-out deployment would move it to Redis
// behind the same check/fail/succeed interface.
//
// Trade-off, on purpose: the per-name limit lets anyone lock a known name out for a
// while (the classic lockout DoS); the IP limit alone would let a botnet guess one
// account forever. The lock is short and says when to retry.
//
// Behind a reverse proxy every request comes from the proxy's address, so the per-IP
// limit would lock the whole desk: set adapter-node's ADDRESS_HEADER (and XFF_DEPTH) so
// getClientAddress() returns the real client.
import type { Runtime } from '../runtime.ts';

export interface LimitPolicy {
	/** Failures within `windowMs` that lock the key. */
	maxFailures: number;
	windowMs: number;
}

/** Defaults: 5 wrong passwords for one name, or 20 from one address, in 15 minutes. */
export const LOGIN_LIMITS = {
	name: { maxFailures: 5, windowMs: 15 * 60_000 },
	ip: { maxFailures: 20, windowMs: 15 * 60_000 }
} as const satisfies Record<string, LimitPolicy>;

/** Keys kept at most; beyond it the stalest are forgotten (bounds memory under attack). */
export const MAX_KEYS = 10_000;

export type LimitResult = { locked: false } | { locked: true; retryAfterMs: number };

/** A sliding-window failure counter over string keys, each with its policy. */
export class FailureLimiter {
	/** Failure times per key, oldest first; at most `maxFailures` entries are kept. */
	readonly #failures = new Map<string, number[]>();
	readonly #now: () => number;

	constructor(now: () => number = Date.now) {
		this.#now = now;
	}

	/** Whether any of the keys is locked now, and for how long (the longest wait). */
	check(keys: readonly (readonly [string, LimitPolicy])[]): LimitResult {
		const now = this.#now();
		let wait = 0;
		for (const [key, policy] of keys) {
			const times = this.#recent(key, policy, now);
			if (times.length >= policy.maxFailures) wait = Math.max(wait, times[0]! + policy.windowMs - now);
		}
		return wait > 0 ? { locked: true, retryAfterMs: wait } : { locked: false };
	}

	/** Records a failure against every key; returns the state after it. */
	fail(keys: readonly (readonly [string, LimitPolicy])[]): LimitResult {
		const now = this.#now();
		for (const [key, policy] of keys) {
			const times = this.#recent(key, policy, now);
			times.push(now);
			while (times.length > policy.maxFailures) times.shift();
			// Re-insert so Map order is least-recently-failed first (for eviction).
			this.#failures.delete(key);
			this.#failures.set(key, times);
		}
		this.#evict();
		return this.check(keys);
	}

	/** Forgets a key's failures (a correct password for that name). */
	reset(key: string): void {
		this.#failures.delete(key);
	}

	/** Number of keys tracked (for tests and metrics). */
	get size(): number {
		return this.#failures.size;
	}

	#recent(key: string, policy: LimitPolicy, now: number): number[] {
		const times = (this.#failures.get(key) ?? []).filter((t) => t > now - policy.windowMs);
		if (times.length) this.#failures.set(key, times);
		else this.#failures.delete(key);
		return times;
	}

	#evict(): void {
		for (const key of this.#failures.keys()) {
			if (this.#failures.size <= MAX_KEYS) break;
			this.#failures.delete(key);
		}
	}
}

/** The keys a sign-in attempt counts against. Names compare case-insensitively. */
export function loginKeys(ip: string, name: string): [string, LimitPolicy][] {
	return [
		[`ip:${ip}`, LOGIN_LIMITS.ip],
		[`name:${name.normalize('NFC').trim().toLowerCase()}`, LOGIN_LIMITS.name]
	];
}

/** "Too many failed attempts. Try again in 3 minutes." (whole minutes, rounded up). */
export function lockedMessage(retryAfterMs: number): string {
	const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
	return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

/** The sign-in limiter of this server process, created on first use. */
export function loginLimiter(rt: Runtime): FailureLimiter {
	return (rt.loginLimiter ??= new FailureLimiter());
}
