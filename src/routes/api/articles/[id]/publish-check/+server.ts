// GET /api/articles/<id>/publish-check: what is still open before the article goes out —
// untranslated pairs, QA errors, open comments, unresolved or stale fact-checks — from
// persisted state. Anyone who may read the article may see it.
import { runtime } from '$lib/server/runtime';
import { api, intParam, requireUser } from '$lib/server/http/route';
import { HttpError, json } from '$lib/server/http/errors';
import { loadExportInput } from '$lib/server/records/export';
import { publishCheck } from '$lib/export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params }) => {
	requireUser(locals, 'article.read');
	const input = await loadExportInput(runtime(), intParam(params.id, 'article'));
	if (!input) throw new HttpError('not_found', 'No such article');
	return json(publishCheck(input), 200, { 'cache-control': 'no-store' });
});
