// Sign-out: a POST (so a link or an image on another site cannot sign anyone out) that
// deletes the session server-side and clears the cookie. GET shows the button.
import { redirect } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { deleteSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import type { Actions } from './$types';

export const actions = {
	default: ({ cookies, url }) => {
		const sessionId = cookies.get(SESSION_COOKIE);
		if (sessionId) deleteSession(runtime().db, sessionId);
		cookies.delete(SESSION_COOKIE, { path: '/', secure: url.protocol === 'https:' });
		redirect(303, '/login');
	}
} satisfies Actions;
