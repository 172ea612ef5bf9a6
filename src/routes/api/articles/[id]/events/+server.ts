// GET /api/articles/<id>/events — server-sent events for the article's records (statuses,
// comments, claims), the workspace glossary and the user's own notices. A page that
// reconnects re-reads the records (EventSource reconnects by itself).
import { runtime } from '$lib/server/runtime';
import { api, intParam, requireUser } from '$lib/server/http/route';
import { HttpError } from '$lib/server/http/errors';
import { topics, type RecordEvent } from '$lib/server/events';
import type { RequestHandler } from './$types';

const HEARTBEAT_MS = 25_000;

export const GET: RequestHandler = api(async ({ params, locals, request }) => {
	const user = requireUser(locals, 'article.read');
	const articleId = intParam(params.id, 'article');
	const rt = runtime();
	if (!rt.db.prepare('SELECT 1 FROM articles WHERE id = ?').get(articleId)) {
		throw new HttpError('not_found', `No article ${articleId}`);
	}
	const encoder = new TextEncoder();
	let cleanup = () => {};
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			const write = (text: string) => {
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					cleanup();
				}
			};
			const send = (e: RecordEvent) => write(`event: ${e.type}\ndata: ${JSON.stringify(e.data)}\n\n`);
			const subscriptions = [
				rt.events.subscribe(topics.article(articleId), send),
				rt.events.subscribe(topics.glossary, send),
				rt.events.subscribe(topics.user(user.id), send)
			];
			const heartbeat = setInterval(() => write(': ping\n\n'), HEARTBEAT_MS);
			cleanup = () => {
				clearInterval(heartbeat);
				for (const off of subscriptions) off();
				cleanup = () => {};
			};
			request.signal.addEventListener('abort', () => {
				cleanup();
				try {
					controller.close();
				} catch {
					/* already closed */
				}
			});
			write('retry: 3000\n: connected\n\n');
		},
		cancel() {
			cleanup();
		}
	});
	return new Response(stream, {
		headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' }
	});
});
