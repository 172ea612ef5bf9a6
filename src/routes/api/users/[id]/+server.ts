// JSON API for one user (admins only): GET it, or PATCH any of
// {displayName, role, active, password}. Every field is checked before anything is
// written; a change that would leave no active admin is refused with 409.
import { api, intParam, requireUser } from '$lib/server/http/route';
import { readJson } from '$lib/server/http/body';
import { HttpError, json } from '$lib/server/http/errors';
import { runtime } from '$lib/server/runtime';
import { changeActive, changeRole, resetPassword } from '$lib/server/auth/admin';
import { passwordProblem } from '$lib/server/auth/passwords';
import { displayNameProblem, getUser, isRole, setDisplayName } from '$lib/server/auth/users';
import { ROLES } from '$lib/types';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, params }) => {
	requireUser(locals, 'users.manage');
	const user = getUser(runtime().db, intParam(params.id, 'user'));
	if (!user) throw new HttpError('not_found', 'No such user');
	return json(user);
});

const FIELDS = new Set(['displayName', 'role', 'active', 'password']);

export const PATCH: RequestHandler = api(async ({ locals, params, request }) => {
	requireUser(locals, 'users.manage');
	const rt = runtime();
	const id = intParam(params.id, 'user');
	const body = await readJson(request, 16 * 1024);

	const unknown = Object.keys(body).filter((k) => !FIELDS.has(k));
	if (unknown.length) throw new HttpError('bad_request', `Unknown field(s): ${unknown.join(', ')}`);
	const { displayName, role, active, password } = body;
	if (displayName !== undefined) {
		const problem = typeof displayName === 'string' ? displayNameProblem(displayName.normalize('NFC').trim()) : 'displayName must be a string';
		if (problem) throw new HttpError('bad_request', problem);
	}
	if (role !== undefined && !isRole(role)) throw new HttpError('bad_request', `role must be one of ${ROLES.join(', ')}`);
	if (active !== undefined && typeof active !== 'boolean') throw new HttpError('bad_request', 'active must be true or false');
	if (password !== undefined) {
		const problem = typeof password === 'string' ? passwordProblem(password) : 'password must be a string';
		if (problem) throw new HttpError('bad_request', problem);
	}
	if (!getUser(rt.db, id)) throw new HttpError('not_found', 'No such user');

	if (typeof displayName === 'string') setDisplayName(rt.db, id, displayName);
	if (isRole(role)) changeRole(rt, id, role);
	if (typeof active === 'boolean') changeActive(rt, id, active);
	if (typeof password === 'string') await resetPassword(rt, id, password);
	return json(getUser(rt.db, id));
});
