// Production entry: one Node process serves the SvelteKit app (adapter-node's handler)
// and the collaboration websocket on the same port (ARCHITECTURE §2).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { createRuntime } from './app.ts';
import { attachCollab } from './collab/index.ts';
import { startCheckpointer } from './db/checkpointer.ts';
import { setRuntime } from './runtime.ts';
import type { Config } from './config.ts';

/** Bodies above this are refused before SvelteKit reads them; routes set tighter limits. */
export const HARD_BODY_LIMIT = 8 * 1024 * 1024;

/** Internal header telling adapter-node the scheme when no ORIGIN is configured. */
const PROTOCOL_HEADER = 'x-duizhao-protocol';

export const BUILD_DIR = fileURLToPath(new URL('../../../build/', import.meta.url));

export interface RunningServer {
	url: string;
	port: number;
	close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

export async function startServer(config: Config): Promise<RunningServer> {
	const handlerFile = `${BUILD_DIR}handler.js`;
	if (!existsSync(handlerFile)) {
		throw new Error(`No build at ${BUILD_DIR}: run \`npm run build\` (npm start builds when needed)`);
	}
	const rt = createRuntime(config);
	setRuntime(rt);
	// WAL checkpoints in a worker thread, not inside a keystroke's commit (db/checkpointer.ts).
	const checkpointer = startCheckpointer(rt.db);

	// adapter-node reads these at import time. Our wrapper enforces the hard limit with the
	// JSON error shape; routes enforce their own tighter limits.
	process.env.BODY_SIZE_LIMIT ??= String(HARD_BODY_LIMIT);
	if (config.origin) process.env.ORIGIN ??= config.origin;
	// Without ORIGIN or PROTOCOL_HEADER, adapter-node assumes every request came over https,
	// so `event.url` said https on this plain-http server: the CSRF origin check refused
	// every browser form and session cookies were marked Secure. Tell it the truth through
	// a header we set ourselves (a client-sent one is overwritten, so it cannot be spoofed).
	const markHttp = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
	if (markHttp) process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
	const { handler } = (await import(pathToFileURL(handlerFile).href)) as { handler: Handler };

	const server = createServer((req, res) => {
		const length = Number(req.headers['content-length'] ?? 0);
		if (length > HARD_BODY_LIMIT) {
			// Drain rather than close: closing mid-upload makes clients see EPIPE instead of
			// the 413 answer.
			req.resume();
			res.writeHead(413, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ error: { code: 'too_large', message: `Body over ${HARD_BODY_LIMIT} bytes` } }));
			return;
		}
		if (markHttp) req.headers[PROTOCOL_HEADER] = 'http';
		handler(req, res);
	});
	const collab = attachCollab(server, rt, { dev: false });

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(config.port, config.host, () => resolve());
	});
	const port = (server.address() as AddressInfo).port;
	const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

	let closing: Promise<void> | null = null;
	const close = () =>
		(closing ??= (async () => {
			await collab.close();
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
			await checkpointer.stop();
			rt.db.close();
			setRuntime(undefined);
		})());

	return { url: `http://${shownHost}:${port}`, port, close };
}
