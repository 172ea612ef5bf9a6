// One glossary entry: GET it, PATCH the fields sent (translators, editors, admins), DELETE
// it (editors, admins; 204). Changes are pushed live on the glossary topic.
import { api, intParam, requireUser } from '$lib/server/http/route';
import { HttpError, json } from '$lib/server/http/errors';
import { readJson } from '$lib/server/http/body';
import { runtime } from '$lib/server/runtime';
import { getGlossaryEntry } from '$lib/server/db/glossary';
import { deleteGlossaryEntry, updateGlossaryEntry } from '$lib/server/records/glossary';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, params }) => {
	requireUser(locals, 'glossary.read');
	const entry = getGlossaryEntry(runtime().db, intParam(params.id, 'glossary entry'));
	if (!entry) throw new HttpError('not_found', 'No such glossary entry');
	return json(entry);
});

export const PATCH: RequestHandler = api(async ({ locals, params, request }) => {
	const user = requireUser(locals, 'glossary.write');
	const id = intParam(params.id, 'glossary entry');
	const body = await readJson(request, 64 * 1024);
	return json(updateGlossaryEntry(runtime(), user, id, body));
});

export const DELETE: RequestHandler = api(({ locals, params }) => {
	const user = requireUser(locals, 'glossary.delete');
	deleteGlossaryEntry(runtime(), user, intParam(params.id, 'glossary entry'));
	return new Response(null, { status: 204 });
});
