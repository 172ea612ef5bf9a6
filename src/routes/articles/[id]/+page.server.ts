// An article's aligned pairs: source segments (and blocks in place) with their statuses.
import { error, redirect } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { can } from '$lib/server/auth/permissions';
import { getArticle } from '$lib/server/db/articles';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	if (!locals.user) redirect(303, '/login');
	if (!can(locals.user.role, 'article.read')) error(403, 'Your role may not read articles');
	const id = /^[1-9]\d{0,15}$/.test(params.id) ? Number(params.id) : NaN;
	const article = Number.isNaN(id) ? null : getArticle(runtime().db, id);
	if (!article) error(404, 'No such article');
	return { article };
};
