// One article (HTTP contract): meta, segments, blocks, statuses and counts.
import { api, intParam, requireUser } from '$lib/server/http/route';
import { HttpError, json } from '$lib/server/http/errors';
import { runtime } from '$lib/server/runtime';
import { getArticle } from '$lib/server/db/articles';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, params }) => {
	requireUser(locals, 'article.read');
	const article = getArticle(runtime().db, intParam(params.id, 'article'));
	if (!article) throw new HttpError('not_found', 'No such article');
	return json(article);
});
