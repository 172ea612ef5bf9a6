// Browser sessions: an opaque random id in an httpOnly cookie, only its SHA-256 stored
// server-side, so signing out (or an admin deactivating someone) takes effect at once and
// a leaked database leaks no usable session. Lookup lives in resolve.ts.
import type { DB } from '../db/index.ts';
import { hashSecret, newSessionId } from './secrets.ts';

export { SESSION_COOKIE } from './resolve.ts';

/** How long a session lasts after sign-in (no sliding renewal). */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export interface NewSession {
	/** The secret for the cookie; never stored. */
	id: string;
	expiresAt: Date;
}

/** Starts a session for a user; also clears expired sessions (of everyone). */
export function createSession(db: DB, userId: number, now = new Date()): NewSession {
	const id = newSessionId();
	const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
	db.transaction(() => {
		db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now.toISOString());
		db.prepare('INSERT INTO sessions (id_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
			hashSecret(id),
			userId,
			now.toISOString(),
			expiresAt.toISOString()
		);
	})();
	return { id, expiresAt };
}

/** Ends one session (sign-out). Unknown ids are ignored. */
export function deleteSession(db: DB, sessionId: string): void {
	db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(hashSecret(sessionId));
}

/**
 * Ends every session of a user (deactivation, password reset), except `keepSessionId`
 * (the user changing their own password stays signed in where they did it).
 * Returns how many were ended.
 */
export function deleteUserSessions(db: DB, userId: number, keepSessionId?: string | null): number {
	if (keepSessionId) {
		return db.prepare('DELETE FROM sessions WHERE user_id = ? AND id_hash != ?').run(userId, hashSecret(keepSessionId)).changes;
	}
	return db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId).changes;
}

/** Options for the session cookie (shape of SvelteKit's `cookies.set` options). */
export interface SessionCookieOptions {
	path: '/';
	httpOnly: true;
	sameSite: 'lax';
	secure: boolean;
	expires: Date;
}

/**
 * Cookie options: httpOnly (no script can read it), SameSite=Lax (not sent on cross-site
 * subrequests or POSTs), path `/`, and Secure when the app is served over https (`url` is
 * the request URL; behind a proxy, set ORIGIN so it says https).
 */
export function sessionCookieOptions(url: URL, expires: Date): SessionCookieOptions {
	return { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', expires };
}
