// The glossary page: every entry and what this user may do with them.
import { error, redirect } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { can } from '$lib/server/auth/permissions';
import { listGlossary } from '$lib/server/db/glossary';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = locals.user;
	if (!user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	if (!can(user.role, 'glossary.read')) error(403, 'Your role may not read the glossary');
	return {
		entries: listGlossary(runtime().db),
		canWrite: can(user.role, 'glossary.write'),
		canDelete: can(user.role, 'glossary.delete'),
		query: url.searchParams.get('q') ?? ''
	};
};
