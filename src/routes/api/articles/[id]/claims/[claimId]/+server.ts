// GET/PATCH/DELETE /api/articles/<id>/claims/<claimId>. PATCH takes any of {anchor,
// claimant, verdict, evidence, note, status, target}; resolving, reopening, a new verdict
// and deleting are for reviewers, editors and admins (403 otherwise, nothing changed).
import { runtime } from '$lib/server/runtime';
import { api, intParam, requireUser } from '$lib/server/http/route';
import { HttpError, json } from '$lib/server/http/errors';
import { readJson } from '$lib/server/http/body';
import { getClaim } from '$lib/server/db/review';
import { deleteClaim, updateClaim } from '$lib/server/records/claims';
import { LIMITS } from '$lib/server/records/review-input';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ params, locals }) => {
	requireUser(locals, 'article.read');
	const articleId = intParam(params.id, 'article');
	const claim = getClaim(runtime().db, intParam(params.claimId, 'claim'));
	if (!claim || claim.articleId !== articleId) throw new HttpError('not_found', 'No such claim');
	return json(claim);
});

export const PATCH: RequestHandler = api(async ({ params, locals, request }) => {
	const user = requireUser(locals, 'article.read');
	const articleId = intParam(params.id, 'article');
	const claimId = intParam(params.claimId, 'claim');
	const body = await readJson(request, LIMITS.requestBytes);
	return json(await updateClaim(runtime(), user, articleId, claimId, body));
});

export const DELETE: RequestHandler = api(({ params, locals }) => {
	const user = requireUser(locals, 'article.read');
	deleteClaim(runtime(), user, intParam(params.id, 'article'), intParam(params.claimId, 'claim'));
	return new Response(null, { status: 204 });
});
