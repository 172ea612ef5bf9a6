// PATCH /api/articles/<id>/comments/<cid> {body?, resolved?} — the author edits, any member
// resolves; DELETE — the author or an admin. Both answer the JSON error shape on refusal.
import { runtime } from '$lib/server/runtime';
import { api, intParam, requireUser } from '$lib/server/http/route';
import { json } from '$lib/server/http/errors';
import { readJson } from '$lib/server/http/body';
import { deleteComment, updateComment } from '$lib/server/records/comments';
import { LIMITS } from '$lib/server/records/review-input';
import type { RequestHandler } from './$types';

export const PATCH: RequestHandler = api(async ({ params, locals, request }) => {
	const user = requireUser(locals, 'article.read');
	const articleId = intParam(params.id, 'article');
	const commentId = intParam(params.cid, 'comment');
	const body = await readJson(request, LIMITS.requestBytes);
	return json(updateComment(runtime(), user, articleId, commentId, body));
});

export const DELETE: RequestHandler = api(({ params, locals }) => {
	const user = requireUser(locals, 'article.read');
	deleteComment(runtime(), user, intParam(params.id, 'article'), intParam(params.cid, 'comment'));
	return new Response(null, { status: 204 });
});
