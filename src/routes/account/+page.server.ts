// The signed-in user's own account: change password (the current one is required and
// wrong guesses count against the sign-in limiter), and personal access tokens for
// scripts and bots (created and shown once, listed without secrets, revoked).
import { fail } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { field, passwordErrors, type FormFailure } from '$lib/server/auth/forms';
import { verifyPassword } from '$lib/server/auth/passwords';
import { loginKeys, loginLimiter, lockedMessage } from '$lib/server/auth/ratelimit';
import { deleteUserSessions, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { createToken, listTokens, revokeToken } from '$lib/server/auth/tokens';
import { findForLogin, setPassword } from '$lib/server/auth/users';
import { HttpError } from '$lib/server/http/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	// Anonymous visitors were sent to sign-in by the hooks.
	const user = locals.user!;
	return { tokens: listTokens(runtime().db, user.id) };
};

type Result = FormFailure & { action: string };

/** `fail()` with the page's one failure shape, so the page sees every field. */
const failure = (status: number, data: Result) => fail(status, data);
const SIGN_IN = 'Sign in first';

export const actions = {
	password: async (event) => {
		const { locals, request, cookies } = event;
		if (!locals.user) return failure(401, { action: 'password', message: SIGN_IN });
		const rt = runtime();
		const form = await request.formData();
		const current = field(form, 'current');
		const password = field(form, 'password');
		const errors = passwordErrors(password, field(form, 'confirm'));
		if (Object.keys(errors).length) {
			return failure(400, { action: 'password', message: Object.values(errors)[0]!, errors });
		}
		const limiter = loginLimiter(rt);
		const keys = loginKeys(event.getClientAddress(), locals.user.name);
		const lock = limiter.check(keys);
		if (lock.locked) return failure(429, { action: 'password', message: lockedMessage(lock.retryAfterMs) });
		const me = findForLogin(rt.db, locals.user.name);
		if (!me || !(await verifyPassword(me.passwordHash, current))) {
			limiter.fail(keys);
			return failure(400, {
				action: 'password',
				message: 'Your current password is not right',
				errors: { current: 'Not your current password' }
			});
		}
		await setPassword(rt.db, me.id, password);
		// Other browsers signed in as this user are signed out; this one stays.
		const ended = deleteUserSessions(rt.db, me.id, cookies.get(SESSION_COOKIE));
		return {
			action: 'password',
			ok: true as const,
			message: `Password changed${ended ? `; ${ended} other session${ended === 1 ? '' : 's'} signed out` : ''}`
		};
	},

	createToken: async ({ locals, request }) => {
		if (!locals.user) return failure(401, { action: 'createToken', message: SIGN_IN });
		const name = field(await request.formData(), 'name');
		try {
			const created = createToken(runtime().db, locals.user.id, name);
			return {
				action: 'createToken',
				ok: true as const,
				message: `Token "${created.name}" created. Copy it now: it will not be shown again.`,
				created: { id: created.id, name: created.name, token: created.token }
			};
		} catch (err) {
			if (err instanceof HttpError) {
				return failure(err.status, { action: 'createToken', message: err.message, values: { name } });
			}
			throw err;
		}
	},

	revokeToken: async ({ locals, request }) => {
		if (!locals.user) return failure(401, { action: 'revokeToken', message: SIGN_IN });
		const raw = field(await request.formData(), 'id');
		const id = /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : 0;
		if (!revokeToken(runtime().db, locals.user.id, id)) {
			return failure(404, { action: 'revokeToken', message: 'No such token (already revoked?)' });
		}
		return { action: 'revokeToken', ok: true as const, message: 'Token revoked: it no longer works' };
	}
} satisfies Actions;
