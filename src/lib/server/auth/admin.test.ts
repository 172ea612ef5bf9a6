import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/index.ts';
import { LocalBroadcaster, topics, type RecordEvent } from '../events.ts';
import type { CollabControl, Runtime } from '../runtime.ts';
import { CLOSE_CODES } from '../../types.ts';
import { addUser, changeActive, changeRole, resetPassword } from './admin.ts';
import { resolveUser } from './resolve.ts';
import { createSession } from './sessions.ts';
import { createToken } from './tokens.ts';
import { getUser } from './users.ts';

/** A collab endpoint that only records closeUser calls (the real one is another module). */
class RecordingCollab implements CollabControl {
	closed: [number, number, string][] = [];
	closeUser(userId: number, code: number, reason: string) {
		this.closed.push([userId, code, reason]);
	}
	encodeState = async () => new Uint8Array();
	readTargets = async () => ({});
	applyServerUpdate = async () => {};
	close = async () => {};
}

let rt: Runtime;
let collab: RecordingCollab;
beforeEach(() => {
	collab = new RecordingCollab();
	rt = {
		config: { dataDir: ':memory:', synchronous: 'normal', port: 0, host: '127.0.0.1', origin: null },
		db: openDatabase({ dataDir: ':memory:' }),
		events: new LocalBroadcaster(),
		collab
	};
});
afterEach(() => rt.db.close());

async function twoUsers() {
	const admin = await addUser(rt, { name: 'root', role: 'admin', password: 'root-password' });
	const li = await addUser(rt, { name: 'li', role: 'translator', password: 'li-password' });
	return { admin, li };
}

describe('account administration', () => {
	it('closes the user’s sockets and notifies their pages when the role changes, not when it stays', async () => {
		const { li } = await twoUsers();
		const seen: RecordEvent[] = [];
		rt.events.subscribe(topics.user(li.id), (e) => seen.push(e));
		changeRole(rt, li.id, 'translator');
		expect(collab.closed).toEqual([]);
		expect(changeRole(rt, li.id, 'reviewer').role).toBe('reviewer');
		expect(collab.closed).toEqual([[li.id, CLOSE_CODES.permissionsChanged.code, CLOSE_CODES.permissionsChanged.reason]]);
		expect(seen).toEqual([{ type: 'account', data: { change: 'role' } }]);
	});

	it('deactivation ends sessions, closes sockets as unauthorized, and stops tokens', async () => {
		const { li } = await twoUsers();
		const session = createSession(rt.db, li.id);
		const token = createToken(rt.db, li.id, 'bot').token;
		changeActive(rt, li.id, false);
		expect(collab.closed).toEqual([[li.id, CLOSE_CODES.unauthorized.code, CLOSE_CODES.unauthorized.reason]]);
		expect(rt.db.prepare('SELECT count(*) AS n FROM sessions WHERE user_id = ?').get(li.id)).toEqual({ n: 0 });
		expect(resolveUser(rt, { sessionId: session.id })).toBeNull();
		expect(resolveUser(rt, { token })).toBeNull();
		changeActive(rt, li.id, true);
		expect(resolveUser(rt, { token })).not.toBeNull();
		expect(collab.closed).toHaveLength(1);
	});

	it('refuses to leave the desk without an active admin, and changes nothing then', async () => {
		const { admin } = await twoUsers();
		const session = createSession(rt.db, admin.id);
		expect(() => changeActive(rt, admin.id, false)).toThrow(expect.objectContaining({ status: 409 }));
		expect(() => changeRole(rt, admin.id, 'editor')).toThrow(expect.objectContaining({ status: 409 }));
		expect(getUser(rt.db, admin.id)).toMatchObject({ role: 'admin', active: true });
		expect(resolveUser(rt, { sessionId: session.id })).not.toBeNull();
		expect(collab.closed).toEqual([]);
	});

	it('a password reset ends the user’s sessions and sockets', async () => {
		const { li } = await twoUsers();
		const session = createSession(rt.db, li.id);
		await resetPassword(rt, li.id, 'new-password-1');
		expect(resolveUser(rt, { sessionId: session.id })).toBeNull();
		expect(collab.closed).toEqual([[li.id, CLOSE_CODES.unauthorized.code, CLOSE_CODES.unauthorized.reason]]);
	});

	it('works without a collab endpoint (CLI, tests)', async () => {
		rt.collab = null;
		const { li } = await twoUsers();
		expect(changeRole(rt, li.id, 'editor').role).toBe('editor');
		expect(changeActive(rt, li.id, false).active).toBe(false);
	});
});
