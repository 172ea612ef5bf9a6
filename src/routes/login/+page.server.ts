// Sign-in: one generic message for a wrong name or password, rate-limited per IP and per
// name (429 with the wait), then a session cookie and a redirect to a safe `?next=`.
import { fail, redirect } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { field, type FormFailure } from '$lib/server/auth/forms';
import { safeNext } from '$lib/server/auth/gate';
import { signIn } from '$lib/server/auth/login';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/sessions';

import type { Actions, PageServerLoad } from './$types';

/** `fail()` with the page's one failure shape, so the page sees every field. */
const failure = (status: number, data: FormFailure) => fail(status, data);

export const load: PageServerLoad = ({ locals, url }) => {
	const next = safeNext(url.searchParams.get('next'));
	if (locals.user) redirect(303, next);
	return { next };
};

export const actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const name = field(form, 'name');
		const outcome = await signIn(runtime(), { ip: event.getClientAddress(), name, password: field(form, 'password') });
		if (!outcome.ok) {
			if (outcome.retryAfterMs) event.setHeaders({ 'retry-after': String(Math.ceil(outcome.retryAfterMs / 1000)) });
			return failure(outcome.status, { message: outcome.message, values: { name } });
		}
		event.cookies.set(SESSION_COOKIE, outcome.session.id, sessionCookieOptions(event.url, outcome.session.expiresAt));
		// The hidden field is client-editable: checked again here, never trusted.
		redirect(303, safeNext(field(form, 'next')));
	}
} satisfies Actions;
