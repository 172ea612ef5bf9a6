// One sign-in attempt: rate limit, then name + password, then a new session. Shared by
// the login form; the messages are the ones users see.
import type { Runtime } from '../runtime.ts';
import { verifyPassword } from './passwords.ts';
import { loginKeys, loginLimiter, lockedMessage } from './ratelimit.ts';
import { createSession, type NewSession } from './sessions.ts';
import { findForLogin, type UserRecord } from './users.ts';

/** The one message for an unknown name and a wrong password (no account enumeration). */
export const WRONG_CREDENTIALS = 'Wrong name or password';
export const DEACTIVATED = 'This account is deactivated. Ask an administrator to reactivate it.';

export type LoginOutcome =
	| { ok: true; user: UserRecord; session: NewSession }
	| { ok: false; status: 400 | 403 | 429; message: string; retryAfterMs?: number };

export interface Attempt {
	/** Client address, for the per-IP limit. */
	ip: string;
	name: string;
	password: string;
}

/**
 * Checks the limiter first (a locked key is refused without touching the password, so a
 * correct guess during the lock teaches nothing), then the credentials. A failure counts
 * against the IP and the name; success clears the name's count (not the IP's: one valid
 * account must not reset the budget for guessing others).
 */
export async function signIn(rt: Runtime, attempt: Attempt): Promise<LoginOutcome> {
	const limiter = loginLimiter(rt);
	const keys = loginKeys(attempt.ip, attempt.name);
	const before = limiter.check(keys);
	if (before.locked) return { ok: false, status: 429, message: lockedMessage(before.retryAfterMs), retryAfterMs: before.retryAfterMs };

	const user = attempt.name.trim() ? findForLogin(rt.db, attempt.name) : null;
	const ok = await verifyPassword(user?.passwordHash, attempt.password);
	if (!user || !ok) {
		limiter.fail(keys);
		return { ok: false, status: 400, message: WRONG_CREDENTIALS };
	}
	if (!user.active) return { ok: false, status: 403, message: DEACTIVATED };
	limiter.reset(keys[1]![0]);
	const { passwordHash: _omit, ...record } = user;
	return { ok: true, user: record, session: createSession(rt.db, user.id) };
}
