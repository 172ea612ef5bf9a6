// Wraps `/api` handlers so thrown HttpErrors become the contract's JSON error shape and
// unexpected errors become a logged 500 without internals leaking.
import type { RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from '../../types.ts';
import { can, type Action } from '../auth/permissions.ts';
import { HttpError, errorResponse } from './errors.ts';

export function api<E extends RequestEvent>(fn: (event: E) => Promise<Response> | Response) {
	return async (event: E): Promise<Response> => {
		try {
			return await fn(event);
		} catch (err) {
			if (err instanceof HttpError) return errorResponse(err.code, err.message);
			console.error(`[api] ${event.request.method} ${event.url.pathname} failed`, err);
			return errorResponse('internal', 'Internal error');
		}
	};
}

/** The signed-in user, or 401. With an action, also 403 unless the role allows it. */
export function requireUser(locals: App.Locals, action?: Action): SessionUser {
	const user = locals.user;
	if (!user) throw new HttpError('unauthorized', 'Sign in or send Authorization: Bearer <token>');
	if (action && !can(user.role, action)) {
		throw new HttpError('forbidden', `Your role (${user.role}) may not do this (${action})`);
	}
	return user;
}

/** Parses a positive integer route parameter, or 404. */
export function intParam(value: string | undefined, what = 'resource'): number {
	if (!value || !/^[1-9]\d{0,15}$/.test(value)) throw new HttpError('not_found', `No such ${what}`);
	return Number(value);
}
