// The benchmark's clients. A typist is a real y-websocket client (Y.Doc, WebsocketProvider,
// awareness with a cursor like y-prosemirror's) that types into its own pair at 5–10 keys a
// second; every edit carries its send time in its text (`@T<µs>#`). A listener is a raw
// websocket that speaks just enough of the protocol to receive the document and then only
// reads frames, finding send times in update frames without decoding Yjs — so 20 clients
// on one machine measure the server, not the harness.
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import type { CollabTarget } from './servers.ts';

/** Microseconds on the harness clock (typists and listeners share the process). */
export const nowUs = () => Math.round(performance.now() * 1000);

const MARK = /@T(\d{6,})#/g;
/** Sync step 1 with an empty state vector: "send me everything". */
const STEP1_EMPTY = new Uint8Array([0, 0, 1, 0]);

export class Listener {
	/** Update frames received, and end-to-end latencies (ms) of the marked edits in them. */
	updates = 0;
	awareness = 0;
	latencies: number[] = [];
	#ws: WebSocket;

	private constructor(ws: WebSocket) {
		this.#ws = ws;
		ws.on('message', (data: Buffer) => {
			if (data[0] === 1) {
				this.awareness++;
				return;
			}
			if (data[0] !== 0 || data[1] !== 2) return;
			const now = nowUs();
			this.updates++;
			for (const m of data.toString('latin1').matchAll(MARK)) this.latencies.push((now - Number(m[1])) / 1000);
		});
	}

	/** Connects as client `i` and resolves once the document arrived (sync step 2). */
	static async connect(target: CollabTarget, i: number): Promise<Listener> {
		const ws = new WebSocket(target.socketUrl(i), { perMessageDeflate: false });
		await new Promise<void>((resolve, reject) => {
			ws.once('open', () => resolve());
			ws.once('error', reject);
		});
		const synced = new Promise<void>((resolve) => {
			const onMessage = (data: Buffer) => {
				if (data[0] === 0 && data[1] === 1) {
					ws.off('message', onMessage);
					resolve();
				}
			};
			ws.on('message', onMessage);
		});
		ws.send(STEP1_EMPTY);
		await synced;
		return new Listener(ws);
	}

	reset(): void {
		this.updates = this.awareness = 0;
		this.latencies = [];
	}

	close(): void {
		this.#ws.close();
	}
}

export class Typist {
	readonly doc = new Y.Doc();
	readonly provider: WebsocketProvider;
	/** Edits and awareness changes sent since the last reset. */
	sentUpdates = 0;
	sentAwareness = 0;
	#text: Y.XmlText | null = null;
	#segment: string;
	#timer: NodeJS.Timeout | null = null;
	#random: () => number;

	constructor(target: CollabTarget, i: number, segment: string, random: () => number) {
		this.#segment = segment;
		this.#random = random;
		this.provider = new WebsocketProvider(target.serverUrl, target.room, this.doc, {
			params: target.params(i),
			disableBc: true,
			WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket
		});
		this.provider.awareness.setLocalStateField('user', { name: `typist ${i}`, color: '#1f77b4' });
		this.provider.awareness.setLocalStateField('segmentId', segment);
		this.doc.on('update', (_u: Uint8Array, origin: unknown) => {
			if (origin !== this.provider) this.sentUpdates++;
		});
		this.provider.awareness.on('update', (_c: unknown, origin: unknown) => {
			if (origin === 'local') this.sentAwareness++;
		});
	}

	synced(): Promise<void> {
		if (this.provider.synced) return Promise.resolve();
		return new Promise((resolve) => this.provider.once('sync', () => resolve()));
	}

	/** The text node of the typist's pair (created if the pair has no English yet). */
	#node(): Y.XmlText {
		if (this.#text) return this.#text;
		const fragment = this.doc.getXmlFragment(this.#segment);
		let p = fragment.get(0) as Y.XmlElement | undefined;
		if (!(p instanceof Y.XmlElement)) {
			p = new Y.XmlElement('paragraph');
			fragment.insert(0, [p]);
		}
		let t = p.get(0);
		if (!(t instanceof Y.XmlText)) {
			t = new Y.XmlText();
			p.insert(0, [t]);
		}
		return (this.#text = t as Y.XmlText);
	}

	/** One keystroke: an edit carrying its send time, then the cursor move (as y-prosemirror). */
	key(): void {
		const text = this.#node();
		const pos = text.length;
		text.insert(pos, `@T${nowUs()}#`);
		const rel = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length));
		this.provider.awareness.setLocalStateField('cursor', { anchor: rel, head: rel });
	}

	/** Types at 5–10 keys a second (or `fast`: 35–50) until stopped. */
	start(fast = false): void {
		this.stop();
		const [min, spread] = fast ? [20, 8] : [100, 100];
		const tick = () => {
			this.key();
			this.#timer = setTimeout(tick, min + this.#random() * spread);
		};
		this.#timer = setTimeout(tick, this.#random() * min);
	}

	stop(): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
	}

	reset(): void {
		this.sentUpdates = this.sentAwareness = 0;
	}

	destroy(): void {
		this.stop();
		this.provider.destroy();
		this.doc.destroy();
	}
}
