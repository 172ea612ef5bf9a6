// Resolves who is making a request: the session cookie (browsers) or a personal access
// token (scripts, bots: `Authorization: Bearer` on HTTP, `?token=` on the websocket).
// Used by hooks.server.ts and by the collab upgrade — one place to get it right.
import type { Role, SessionUser } from '../../types.ts';
import type { Runtime } from '../runtime.ts';
import { hashSecret } from './secrets.ts';

export const SESSION_COOKIE = 'duizhao_session';

export interface Credentials {
	/** Value of the session cookie, if any. */
	sessionId?: string | null;
	/** A personal access token. */
	token?: string | null;
}

export interface Resolved {
	user: SessionUser;
	auth: 'cookie' | 'token';
}

/** The `users` columns a session user is made of, as SQLite returns them. */
export interface UserRow {
	id: number;
	name: string;
	display_name: string;
	role: Role;
	color: string;
}

/** Who is acting, from their `users` row (also the first fields of a UserRecord). */
export const toSessionUser = (r: UserRow): SessionUser => ({
	id: r.id,
	name: r.name,
	displayName: r.display_name,
	role: r.role,
	color: r.color
});

// Secrets are at most a few hundred bytes; anything longer is garbage, not worth hashing.
const plausible = (s: string | null | undefined): s is string => !!s && s.length <= 512;

export function resolveUser(rt: Runtime, creds: Credentials): Resolved | null {
	if (plausible(creds.token)) {
		const row = rt.db
			.prepare(
				`SELECT u.id, u.name, u.display_name, u.role, u.color, t.id AS token_id
				 FROM tokens t JOIN users u ON u.id = t.user_id
				 WHERE t.token_hash = ? AND t.revoked = 0 AND u.active = 1`
			)
			.get(hashSecret(creds.token)) as (UserRow & { token_id: number }) | undefined;
		if (!row) return null;
		rt.db.prepare('UPDATE tokens SET last_used_at = ? WHERE id = ?').run(new Date().toISOString(), row.token_id);
		return { user: toSessionUser(row), auth: 'token' };
	}
	if (plausible(creds.sessionId)) {
		const row = rt.db
			.prepare(
				`SELECT u.id, u.name, u.display_name, u.role, u.color
				 FROM sessions s JOIN users u ON u.id = s.user_id
				 WHERE s.id_hash = ? AND s.expires_at > ? AND u.active = 1`
			)
			.get(hashSecret(creds.sessionId), new Date().toISOString()) as UserRow | undefined;
		return row ? { user: toSessionUser(row), auth: 'cookie' } : null;
	}
	return null;
}
