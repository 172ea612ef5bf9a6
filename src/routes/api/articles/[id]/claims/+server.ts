// GET /api/articles/<id>/claims → {claims: [...]} (every member); POST {segmentId, anchor,
// claimant, verdict, evidence, note, status, target?} → 201 {id} (role-checked, pushed live).
import { runtime } from '$lib/server/runtime';
import { api, intParam, requireUser } from '$lib/server/http/route';
import { json } from '$lib/server/http/errors';
import { readJson } from '$lib/server/http/body';
import { claimsOf, createClaim } from '$lib/server/records/claims';
import { LIMITS } from '$lib/server/records/review-input';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ params, locals }) => {
	const user = requireUser(locals, 'article.read');
	return json({ claims: claimsOf(runtime(), user, intParam(params.id, 'article')) });
});

export const POST: RequestHandler = api(async ({ params, locals, request }) => {
	const user = requireUser(locals, 'claim.create');
	const articleId = intParam(params.id, 'article');
	const body = await readJson(request, LIMITS.requestBytes);
	const claim = await createClaim(runtime(), user, articleId, body);
	return json({ id: claim.id, claim }, 201, { location: `/api/articles/${articleId}/claims/${claim.id}` });
});
