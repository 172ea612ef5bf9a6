// Account administration with its side effects in one place, shared by the admin page
// and the JSON API: a changed role or a deactivation closes the user's collab sockets (so
// they reconnect with the new rights, or not at all), deactivation or a password reset
// ends their browser sessions, and their open pages hear about it on topics.user(id).
import { CLOSE_CODES, type Role } from '../../types.ts';
import type { Runtime } from '../runtime.ts';
import { topics } from '../events.ts';
import { deleteUserSessions } from './sessions.ts';
import { createUser, setActive, setPassword, setRole, type NewUser, type UserRecord } from './users.ts';

/** Creates an account (see users.createUser for the rules and errors). */
export function addUser(rt: Runtime, input: NewUser): Promise<UserRecord> {
	return createUser(rt.db, input);
}

/** Sets a role; when it changed, the user's sockets close with `permissionsChanged`. */
export function changeRole(rt: Runtime, id: number, role: Role): UserRecord {
	const { before, after } = setRole(rt.db, id, role);
	if (before.role !== after.role) {
		const { code, reason } = CLOSE_CODES.permissionsChanged;
		rt.collab?.closeUser(id, code, reason);
		notify(rt, id, 'role');
	}
	return after;
}

/** Tells that user's open pages (push channel) that their account changed. */
function notify(rt: Runtime, id: number, change: 'role' | 'deactivated' | 'password'): void {
	rt.events.publish(topics.user(id), { type: 'account', data: { change } });
}

/**
 * Deactivates (ends sessions, closes sockets with `unauthorized`) or reactivates a user.
 * Tokens are kept but do not authenticate while the user is inactive (resolve.ts).
 */
export function changeActive(rt: Runtime, id: number, active: boolean): UserRecord {
	const { after } = setActive(rt.db, id, active);
	if (!active) {
		deleteUserSessions(rt.db, id);
		const { code, reason } = CLOSE_CODES.unauthorized;
		rt.collab?.closeUser(id, code, reason);
		notify(rt, id, 'deactivated');
	}
	return after;
}

/**
 * An administrator sets someone's password: every session of theirs ends and their
 * sockets close, since a reset usually means the old password is not to be trusted.
 */
export async function resetPassword(rt: Runtime, id: number, password: string): Promise<void> {
	await setPassword(rt.db, id, password);
	deleteUserSessions(rt.db, id);
	const { code, reason } = CLOSE_CODES.unauthorized;
	rt.collab?.closeUser(id, code, reason);
	notify(rt, id, 'password');
}
