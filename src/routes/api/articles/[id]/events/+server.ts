// GET /api/articles/<id>/events — server-sent events for the article's records (statuses,
// comments, claims), the workspace glossary and the user's own notices. A page that
// reconnects re-reads the records (EventSource reconnects by itself).
import { runtime } from '$lib/server/runtime';
import { api, intParam, requireUser } from '$lib/server/http/route';
import { HttpError } from '$lib/server/http/errors';
import { eventStream } from '$lib/server/http/sse';
import { topics } from '$lib/server/events';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ params, locals, request }) => {
	const user = requireUser(locals, 'article.read');
	const articleId = intParam(params.id, 'article');
	const rt = runtime();
	if (!rt.db.prepare('SELECT 1 FROM articles WHERE id = ?').get(articleId)) {
		throw new HttpError('not_found', `No article ${articleId}`);
	}
	return eventStream(request, rt.events, [topics.article(articleId), topics.glossary, topics.user(user.id)]);
});
