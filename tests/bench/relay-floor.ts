// The fanout section's floor: a relay that does nothing but forward bytes — no Yjs, no
// storage, no accounts — with Duizhao's write strategy and framing (frame.ts: each frame
// built once; one write per client per event-loop turn). It answers every sync step 1 with
// the preloaded state (REF_STATE_FILE), sends updates to the other clients and awareness to
// everyone. What it costs per delivered message is what the socket path alone costs on this
// machine, so a CPU target can be read against what any relay could reach. Not a server to
// use: it checks nothing. Run with `--import tsx` (servers.ts does).
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { binaryFrame } from '../../src/lib/server/collab/frame.ts';
import { syncStep2Parts } from '../../src/lib/server/collab/protocol.ts';

const step2 = binaryFrame(...syncStep2Parts(readFileSync(process.env.REF_STATE_FILE!)));
const clients = new Set<Duplex>();
const queued = new Map<Duplex, Buffer[]>();
let scheduled = false;

function send(client: Duplex, frame: Buffer): void {
	const q = queued.get(client);
	if (q) q.push(frame);
	else queued.set(client, [frame]);
	if (!scheduled) {
		scheduled = true;
		setImmediate(flush);
	}
}

function flush(): void {
	scheduled = false;
	for (const [client, q] of queued) client.write(q.length === 1 ? q[0]! : Buffer.concat(q));
	queued.clear();
}

const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
const server = createServer((_req, res) => res.end('okay'));
server.on('upgrade', (request, socket, head) => {
	wss.handleUpgrade(request, socket, head, (ws) => {
		clients.add(socket);
		ws.on('message', (data: Buffer) => {
			if (data[0] === 0 && data[1] === 0) return send(socket, step2);
			const frame = binaryFrame(data);
			// Awareness (1) to everyone, the sender included; sync messages to the others.
			for (const other of clients) if (data[0] === 1 || other !== socket) send(other, frame);
		});
		ws.on('close', () => clients.delete(socket));
	});
});
server.listen(0, '127.0.0.1', () => {
	const address = server.address();
	console.log(`relay listening on ${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
