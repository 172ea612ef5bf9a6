// PUT /api/articles/<id>/segments/<segmentId>/status {"status"} — role-checked, pushed live.
import { runtime } from '$lib/server/runtime';
import { api, intParam, requireUser } from '$lib/server/http/route';
import { json } from '$lib/server/http/errors';
import { readJson } from '$lib/server/http/body';
import { setStatus } from '$lib/server/records/statuses';
import type { RequestHandler } from './$types';

export const PUT: RequestHandler = api(async ({ params, locals, request }) => {
	const user = requireUser(locals, 'article.read');
	const articleId = intParam(params.id, 'article');
	const body = await readJson(request, 4096);
	return json(setStatus(runtime(), user, articleId, params.sid, body.status));
});
