import { describe, expect, it } from 'vitest';
import { FailureLimiter, LOGIN_LIMITS, lockedMessage, loginKeys, MAX_KEYS, type LimitPolicy } from './ratelimit.ts';

const MIN = 60_000;
const policy: LimitPolicy = { maxFailures: 3, windowMs: 10 * MIN };
const key = (k: string) => [[k, policy]] as const;

function clock(start = 1_000_000) {
	const c = { t: start, now: () => c.t };
	return c;
}

describe('FailureLimiter', () => {
	it('locks a key at the limit and reports the wait until the oldest failure expires', () => {
		const c = clock();
		const limiter = new FailureLimiter(c.now);
		expect(limiter.fail(key('a'))).toEqual({ locked: false });
		c.t += 2 * MIN;
		expect(limiter.fail(key('a'))).toEqual({ locked: false });
		c.t += 1 * MIN;
		expect(limiter.fail(key('a'))).toEqual({ locked: true, retryAfterMs: 7 * MIN });
		expect(limiter.check(key('a'))).toEqual({ locked: true, retryAfterMs: 7 * MIN });
		expect(limiter.check(key('b'))).toEqual({ locked: false });
	});

	it('unlocks when failures slide out of the window', () => {
		const c = clock();
		const limiter = new FailureLimiter(c.now);
		for (let i = 0; i < 3; i++) limiter.fail(key('a'));
		c.t += 10 * MIN - 1;
		expect(limiter.check(key('a')).locked).toBe(true);
		c.t += 1;
		expect(limiter.check(key('a'))).toEqual({ locked: false });
		// Old failures no longer count: it takes the full limit again to lock.
		limiter.fail(key('a'));
		limiter.fail(key('a'));
		expect(limiter.check(key('a')).locked).toBe(false);
	});

	it('is locked when any key is, with the longest wait', () => {
		const c = clock();
		const limiter = new FailureLimiter(c.now);
		const long: LimitPolicy = { maxFailures: 1, windowMs: 30 * MIN };
		limiter.fail([['ip', long]]);
		const both = [
			['ip', long],
			['name', policy]
		] as const;
		expect(limiter.check(both)).toEqual({ locked: true, retryAfterMs: 30 * MIN });
		limiter.reset('ip');
		expect(limiter.check(both)).toEqual({ locked: false });
	});

	it('reset forgets one key only', () => {
		const limiter = new FailureLimiter(clock().now);
		for (let i = 0; i < 3; i++) limiter.fail([...key('a'), ...key('b')]);
		limiter.reset('a');
		expect(limiter.check(key('a')).locked).toBe(false);
		expect(limiter.check(key('b')).locked).toBe(true);
	});

	it('keeps memory bounded under a flood of distinct keys', () => {
		const limiter = new FailureLimiter(clock().now);
		for (let i = 0; i < MAX_KEYS + 500; i++) limiter.fail(key(`k${i}`));
		expect(limiter.size).toBe(MAX_KEYS);
		// The newest keys are the ones kept.
		expect(limiter.check(key(`k${MAX_KEYS + 499}`)).locked).toBe(false);
	});
});

describe('login keys and messages', () => {
	it('keys by IP and by the case-folded name', () => {
		const keys = loginKeys('10.0.0.1', '  Alice ');
		expect(keys.map(([k]) => k)).toEqual(['ip:10.0.0.1', 'name:alice']);
		expect(keys[1]![1]).toBe(LOGIN_LIMITS.name);
	});

	it('locks a name after 5 failures within 15 minutes', () => {
		const c = clock();
		const limiter = new FailureLimiter(c.now);
		for (let i = 0; i < 4; i++) expect(limiter.fail(loginKeys(`10.0.0.${i}`, 'alice')).locked).toBe(false);
		expect(limiter.fail(loginKeys('10.0.0.9', 'alice')).locked).toBe(true);
		expect(limiter.check(loginKeys('10.0.0.10', 'ALICE')).locked).toBe(true);
		expect(limiter.check(loginKeys('10.0.0.10', 'bob')).locked).toBe(false);
	});

	it('says how many minutes to wait, rounded up', () => {
		expect(lockedMessage(14 * MIN + 1)).toBe('Too many failed sign-in attempts. Try again in 15 minutes.');
		expect(lockedMessage(1)).toBe('Too many failed sign-in attempts. Try again in 1 minute.');
	});
});
