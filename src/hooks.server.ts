// Resolves the caller into `event.locals` and applies cross-cutting protections. Routes
// decide what the user may do (CRAFT: hooks only resolve the session).
import { redirect, type Handle } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { resolveUser, SESSION_COOKIE } from '$lib/server/auth/resolve';
import { errorResponse } from '$lib/server/http/errors';
import { pageGate } from '$lib/server/auth/gate';
import { hasUsers } from '$lib/server/auth/users';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function bearer(header: string | null): string | null {
	const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
	return m ? m[1]! : null;
}

export const handle: Handle = async ({ event, resolve }) => {
	const rt = runtime();
	const token = bearer(event.request.headers.get('authorization'));
	const resolved = resolveUser(rt, { token, sessionId: token ? null : event.cookies.get(SESSION_COOKIE) });
	event.locals.user = resolved?.user ?? null;
	event.locals.auth = resolved?.auth ?? null;

	// CSRF: a browser request carries the cookie wherever it comes from, so unsafe methods
	// must come from our own origin. Token requests carry no ambient authority.
	if (UNSAFE.has(event.request.method) && !token) {
		const expected = rt.config.origin ?? event.url.origin;
		const origin = event.request.headers.get('origin');
		if (origin !== expected) {
			return errorResponse('forbidden', `Cross-site ${event.request.method} refused (Origin ${origin ?? 'missing'})`);
		}
	}

	// Pages: first-run setup while no account exists, sign-in for anonymous visitors.
	// APIs are not redirected; they answer 401 JSON themselves (requireUser).
	const to = pageGate(event.url.pathname, event.url.search, {
		hasUsers: !!event.locals.user || hasUsers(rt.db),
		signedIn: !!event.locals.user
	});
	if (to) redirect(303, to);

	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	return response;
};
