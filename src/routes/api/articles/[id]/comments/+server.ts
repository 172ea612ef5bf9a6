// GET /api/articles/<id>/comments → {comments: [...]} (every member);
// POST {segmentId, body, anchor?, parentId?, resolved?} → 201 {id} (role-checked, pushed live).
import { runtime } from '$lib/server/runtime';
import { api, intParam, requireUser } from '$lib/server/http/route';
import { json } from '$lib/server/http/errors';
import { readJson } from '$lib/server/http/body';
import { commentsOf, createComment } from '$lib/server/records/comments';
import { LIMITS } from '$lib/server/records/review-input';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ params, locals }) => {
	const user = requireUser(locals, 'article.read');
	return json({ comments: commentsOf(runtime(), user, intParam(params.id, 'article')) });
});

export const POST: RequestHandler = api(async ({ params, locals, request }) => {
	const user = requireUser(locals, 'comment.create');
	const articleId = intParam(params.id, 'article');
	const body = await readJson(request, LIMITS.requestBytes);
	const comment = createComment(runtime(), user, articleId, body);
	return json({ id: comment.id, comment }, 201, { location: `/api/articles/${articleId}/comments/${comment.id}` });
});
