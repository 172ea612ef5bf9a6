// Resolves who is making a request: the session cookie (browsers) or a bearer token
// (scripts, bots). Used by hooks.server.ts and by the collab upgrade.
// Placeholder until the accounts issue lands: everyone is anonymous.
import type { SessionUser } from '../../types.ts';
import type { Runtime } from '../runtime.ts';

export const SESSION_COOKIE = 'duizhao_session';

export interface Credentials {
	/** Value of the session cookie, if any. */
	sessionId?: string | null;
	/** A personal access token (from `Authorization: Bearer` or `?token=`). */
	token?: string | null;
}

export interface Resolved {
	user: SessionUser;
	auth: 'cookie' | 'token';
}

export function resolveUser(_rt: Runtime, _creds: Credentials): Resolved | null {
	return null;
}
