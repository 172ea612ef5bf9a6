// The fanout section's floor: a relay that does nothing but forward bytes — no Yjs, no
// storage, no accounts — with Duizhao's write strategy (each frame built once, one write
// per client per event-loop turn). It answers every sync step 1 with the preloaded state
// (REF_STATE_FILE), sends updates to the other clients and awareness to everyone. What it
// costs per delivered message is what the socket path alone costs on this machine, so a
// CPU target can be read against what any relay could reach. Not a server to use: it
// checks nothing. Plain JavaScript, like the reference, so the process carries no loader.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { WebSocketServer } from 'ws';

/** One final unmasked binary frame (RFC 6455) of the parts, as one buffer. */
function frame(...parts) {
	const n = parts.reduce((sum, p) => sum + p.byteLength, 0);
	const header = n < 126 ? 2 : n < 65536 ? 4 : 10;
	const out = Buffer.allocUnsafe(header + n);
	out[0] = 0x82;
	if (header === 2) {
		out[1] = n;
	} else if (header === 4) {
		out[1] = 126;
		out.writeUInt16BE(n, 2);
	} else {
		out[1] = 127;
		out.writeUInt32BE(Math.floor(n / 2 ** 32), 2);
		out.writeUInt32BE(n >>> 0, 6);
	}
	let offset = header;
	for (const p of parts) {
		out.set(p, offset);
		offset += p.byteLength;
	}
	return out;
}

function varUint(n) {
	const bytes = [];
	for (; n > 127; n = Math.floor(n / 128)) bytes.push(0x80 | (n & 127));
	bytes.push(n);
	return Uint8Array.from(bytes);
}

const state = readFileSync(process.env.REF_STATE_FILE);
const step2 = frame(Uint8Array.from([0, 1]), varUint(state.byteLength), state);
const clients = new Set();
const queued = new Map();
let scheduled = false;

function send(client, f) {
	const q = queued.get(client);
	if (q) q.push(f);
	else queued.set(client, [f]);
	if (!scheduled) {
		scheduled = true;
		setImmediate(flush);
	}
}

function flush() {
	scheduled = false;
	for (const [client, q] of queued) client.socket.write(q.length === 1 ? q[0] : Buffer.concat(q));
	queued.clear();
}

const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
const server = createServer((_req, res) => res.end('okay'));
server.on('upgrade', (request, socket, head) => {
	wss.handleUpgrade(request, socket, head, (ws) => {
		const client = { socket };
		clients.add(client);
		ws.on('message', (data) => {
			if (data[0] === 0 && data[1] === 0) return send(client, step2);
			const f = frame(data);
			for (const other of clients) if (data[0] === 1 || other !== client) send(other, f);
		});
		ws.on('close', () => clients.delete(client));
	});
});
server.listen(0, '127.0.0.1', () => {
	const address = server.address();
	console.log(`relay listening on ${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
