// The workspace glossary (issue 5).
// GET: every entry, sorted by source term; `?q=` keeps those whose source, renderings,
// forbidden variants, type or note contain every word of the query (case-insensitive).
// POST: `{"source","target"|"targets","type"?,"note"?,"forbidden"?,"doNotTranslate"?}` →
// 201 {"id"} (translators, editors, admins); 400 on bad input, 409 when the same term and
// type exist. Pushed live on the glossary topic.
import { api, requireUser } from '$lib/server/http/route';
import { json } from '$lib/server/http/errors';
import { readJson } from '$lib/server/http/body';
import { runtime } from '$lib/server/runtime';
import { listGlossary } from '$lib/server/db/glossary';
import { createGlossaryEntry } from '$lib/server/records/glossary';
import { filterGlossary } from '$lib/glossary/search';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, url }) => {
	requireUser(locals, 'glossary.read');
	const q = url.searchParams.get('q');
	return json({ entries: filterGlossary(listGlossary(runtime().db), q) });
});

export const POST: RequestHandler = api(async ({ locals, request }) => {
	const user = requireUser(locals, 'glossary.write');
	const body = await readJson(request, 64 * 1024);
	const entry = createGlossaryEntry(runtime(), user, body);
	return json({ id: entry.id }, 201, { location: `/api/glossary/${entry.id}` });
});
