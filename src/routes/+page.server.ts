// Article list: what exists, and whether this user may import.
import { redirect } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { can } from '$lib/server/auth/permissions';
import { listArticles } from '$lib/server/db/articles';
import { MAX_ARTICLE_BYTES } from '$lib/article';
import { importSample } from '$lib/server/sample';
import sampleText from '$lib/server/sample/sample-article.md?raw';
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (!locals.user) redirect(303, '/login');
	return {
		welcome: url.searchParams.has('welcome'),
		articles: can(locals.user.role, 'article.read') ? listArticles(runtime().db) : [],
		canImport: can(locals.user.role, 'article.import'),
		maxBytes: MAX_ARTICLE_BYTES
	};
};

export const actions: Actions = {
	/** First start: import the bundled sample article and open it. */
	sample: ({ locals }) => {
		if (!locals.user) error(401, 'Sign in first');
		if (!can(locals.user.role, 'article.import')) return fail(403, { message: 'Your role may not import articles' });
		const id = importSample(runtime().db, sampleText, locals.user.id);
		redirect(303, `/articles/${id}`);
	}
};
