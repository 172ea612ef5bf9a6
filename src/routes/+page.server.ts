// Article list: what exists, and whether this user may import.
import { redirect } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { can } from '$lib/server/auth/permissions';
import { listArticles } from '$lib/server/db/articles';
import { MAX_ARTICLE_BYTES } from '$lib/article';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/login');
	return {
		articles: can(locals.user.role, 'article.read') ? listArticles(runtime().db) : [],
		canImport: can(locals.user.role, 'article.import'),
		maxBytes: MAX_ARTICLE_BYTES
	};
};
