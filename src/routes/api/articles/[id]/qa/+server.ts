// GET /api/articles/<id>/qa — QA findings computed from the stored English and the
// glossary: { "findings": [ { "segmentId", "code", "severity", "message", "range"? } ] }
// (`range`: UTF-16 offsets into the segment's English as plain text, when it has one).
import { api, intParam, requireUser } from '$lib/server/http/route';
import { HttpError, json } from '$lib/server/http/errors';
import { runtime } from '$lib/server/runtime';
import { articleFindings } from '$lib/server/records/qa';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params }) => {
	requireUser(locals, 'article.read');
	const id = intParam(params.id, 'article');
	const rt = runtime();
	if (!rt.db.prepare('SELECT 1 FROM articles WHERE id = ?').get(id)) throw new HttpError('not_found', 'No such article');
	const findings = await articleFindings(rt, id);
	return json({ findings: findings.map(({ segmentId, code, severity, message, range }) => ({ segmentId, code, severity, message, ...(range ? { range } : {}) })) });
});
