// One article (HTTP contract): meta, segments, blocks, statuses and counts.
// `?fields=statuses` answers only `{statuses, counts}` — what an open page re-reads when
// its event stream (re)connects, without the whole source side again.
import { api, intParam, requireUser } from '$lib/server/http/route';
import { HttpError, json } from '$lib/server/http/errors';
import { runtime } from '$lib/server/runtime';
import { getArticle, getStatuses } from '$lib/server/db/articles';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, params, url }) => {
	requireUser(locals, 'article.read');
	const id = intParam(params.id, 'article');
	const db = runtime().db;
	if (url.searchParams.get('fields') === 'statuses') {
		if (!db.prepare('SELECT 1 FROM articles WHERE id = ?').get(id)) throw new HttpError('not_found', 'No such article');
		return json(getStatuses(db, id));
	}
	const article = getArticle(db, id);
	if (!article) throw new HttpError('not_found', 'No such article');
	return json(article);
});
