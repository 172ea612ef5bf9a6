// The inbox: comments that @mention the signed-in user, newest first, with their article
// and pair. The page marks what it showed as seen (POST /api/inbox) once it is displayed.
import { redirect } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { listInbox } from '$lib/server/db/inbox';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/login?next=/inbox');
	return { mentions: listInbox(runtime().db, locals.user.id) };
};
