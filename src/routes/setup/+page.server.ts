// First-run setup: creates the first administrator and signs them in. Open only while no
// account exists; afterwards the page redirects to sign-in and the action refuses (409).
import { fail, redirect } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { accountErrors, field, summary, type FormFailure } from '$lib/server/auth/forms';
import { createSession, SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/sessions';
import { createUser, hasUsers } from '$lib/server/auth/users';
import { HttpError } from '$lib/server/http/errors';

import type { Actions, PageServerLoad } from './$types';

/** `fail()` with the page's one failure shape, so the page sees every field. */
const failure = (status: number, data: FormFailure) => fail(status, data);

export const load: PageServerLoad = () => {
	if (hasUsers(runtime().db)) redirect(303, '/login');
	return {};
};

export const actions = {
	default: async ({ request, cookies, url }) => {
		const rt = runtime();
		const form = await request.formData();
		const input = {
			name: field(form, 'name'),
			displayName: field(form, 'displayName'),
			password: field(form, 'password'),
			confirm: field(form, 'confirm')
		};
		const values = { name: input.name, displayName: input.displayName };
		const errors = accountErrors(input);
		if (Object.keys(errors).length) return failure(400, { message: summary(errors), errors, values });

		let userId: number;
		try {
			userId = (await createUser(rt.db, { ...input, role: 'admin' }, { onlyIfFirst: true })).id;
		} catch (err) {
			if (err instanceof HttpError) return failure(err.status, { message: err.message, values });
			throw err;
		}
		const session = createSession(rt.db, userId);
		cookies.set(SESSION_COOKIE, session.id, sessionCookieOptions(url, session.expiresAt));
		redirect(303, '/?welcome=1');
	}
} satisfies Actions;
