// A server-sent events response over the record broadcaster: each subscribed topic's
// events are written as `event: <type>\ndata: <json>`, with a heartbeat comment so proxies
// keep the stream open, and every subscription dropped when the client goes away.
import type { Broadcaster, RecordEvent } from '../events.ts';

const HEARTBEAT_MS = 25_000;

/** Streams the events of `topics` until the request is aborted. */
export function eventStream(request: Request, events: Broadcaster, topics: string[]): Response {
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
			const subscriptions = topics.map((t) => events.subscribe(t, send));
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
}
