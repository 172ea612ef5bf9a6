// JSON API for admin scripts: list users, add a user (admins only; 401/403 otherwise).
// POST body: {name, displayName?, role, password} → 201 with the user.
import { api, requireUser } from '$lib/server/http/route';
import { readJson } from '$lib/server/http/body';
import { HttpError, json } from '$lib/server/http/errors';
import { runtime } from '$lib/server/runtime';
import { addUser } from '$lib/server/auth/admin';
import { isRole, listUsers } from '$lib/server/auth/users';
import { ROLES } from '$lib/types';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals }) => {
	requireUser(locals, 'users.manage');
	return json({ users: listUsers(runtime().db) });
});

const str = (v: unknown, what: string, optional = false): string | undefined => {
	if (v === undefined && optional) return undefined;
	if (typeof v !== 'string') throw new HttpError('bad_request', `${what} must be a string`);
	return v;
};

export const POST: RequestHandler = api(async ({ locals, request }) => {
	requireUser(locals, 'users.manage');
	const body = await readJson(request, 16 * 1024);
	const role = body.role;
	if (!isRole(role)) throw new HttpError('bad_request', `role must be one of ${ROLES.join(', ')}`);
	const user = await addUser(runtime(), {
		name: str(body.name, 'name')!,
		displayName: str(body.displayName, 'displayName', true),
		role,
		password: str(body.password, 'password')!
	});
	return json(user, 201, { location: `/api/users/${user.id}` });
});
