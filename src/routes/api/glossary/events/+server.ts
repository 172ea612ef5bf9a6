// GET /api/glossary/events — server-sent `glossary` events ({op:'upsert', entry} or
// {op:'delete', id}) for the /glossary page. Article pages get them on their own stream.
import { api, requireUser } from '$lib/server/http/route';
import { runtime } from '$lib/server/runtime';
import { eventStream } from '$lib/server/http/sse';
import { topics } from '$lib/server/events';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, request }) => {
	requireUser(locals, 'glossary.read');
	return eventStream(request, runtime().events, [topics.glossary]);
});
