// The reference: @y/websocket-server@0.1.1 exactly as its own bin/server.js runs it (its
// bundled `ws`, `setupWSConnection`, in-memory documents), on port 0, with the benchmark's
// document preloaded from REF_STATE_FILE into REF_DOC so it serves the same content as
// Duizhao. Plain JavaScript, so the reference process carries no TypeScript loader.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as Y from 'yjs';
import { getYDoc, setupWSConnection } from '@y/websocket-server/utils';

// The reference's own `ws` (its bin imports it from its package folder).
const pkg = dirname(createRequire(import.meta.url).resolve('@y/websocket-server/package.json'));
const WebSocket = createRequire(join(pkg, 'src', 'server.js'))('ws');

if (process.env.REF_STATE_FILE && process.env.REF_DOC) {
	Y.applyUpdate(getYDoc(process.env.REF_DOC), readFileSync(process.env.REF_STATE_FILE));
}

const wss = new WebSocket.Server({ noServer: true });
wss.on('connection', setupWSConnection);
const server = createServer((_req, res) => {
	res.writeHead(200, { 'Content-Type': 'text/plain' });
	res.end('okay');
});
server.on('upgrade', (request, socket, head) => {
	wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
server.listen(0, '127.0.0.1', () => {
	const address = server.address();
	console.log(`reference listening on ${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
