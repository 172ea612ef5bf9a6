// A real y-websocket client for Node tests (ws polyfill, no BroadcastChannel), plus helpers
// to read and write a segment's English in the target schema (paragraph > text).
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';

export interface YClient {
	doc: Y.Doc;
	provider: WebsocketProvider;
	/** Plain text of a segment (paragraphs joined by newlines). */
	text(segmentId: string): string;
	/** Replaces a segment's English with one paragraph of plain text. */
	setText(segmentId: string, text: string): void;
	/** Inserts text into the segment's first paragraph at `index`. */
	insert(segmentId: string, index: number, text: string): void;
	destroy(): void;
}

export async function connectClient(wsBase: string, articleId: number, token: string, opts: { waitSync?: boolean } = {}): Promise<YClient> {
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(`${wsBase}/collab`, `article-${articleId}`, doc, {
		params: { token },
		disableBc: true,
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket
	});
	if (opts.waitSync !== false) {
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('y-websocket client did not sync in 15 s')), 15_000);
			provider.once('sync', () => {
				clearTimeout(timer);
				resolve();
			});
		});
	}
	const paragraph = (segmentId: string): Y.XmlText => {
		const frag = doc.getXmlFragment(segmentId);
		let p = frag.get(0) as Y.XmlElement | undefined;
		if (!p) {
			p = new Y.XmlElement('paragraph');
			frag.insert(0, [p]);
		}
		let t = p.get(0) as Y.XmlText | undefined;
		if (!(t instanceof Y.XmlText)) {
			t = new Y.XmlText();
			p.insert(0, [t]);
		}
		return t;
	};
	return {
		doc,
		provider,
		text: (segmentId) =>
			doc
				.getXmlFragment(segmentId)
				.toArray()
				.map((p) =>
					p instanceof Y.XmlElement
						? p
								.toArray()
								.map((c) => (c instanceof Y.XmlText ? c.toString().replace(/<[^>]+>/g, '') : '\n'))
								.join('')
						: ''
				)
				.join('\n'),
		setText: (segmentId, text) =>
			doc.transact(() => {
				const frag = doc.getXmlFragment(segmentId);
				frag.delete(0, frag.length);
				const p = new Y.XmlElement('paragraph');
				const t = new Y.XmlText();
				t.insert(0, text);
				p.insert(0, [t]);
				frag.insert(0, [p]);
			}),
		insert: (segmentId, index, text) => doc.transact(() => paragraph(segmentId).insert(index, text)),
		destroy: () => {
			provider.destroy();
			doc.destroy();
		}
	};
}

/** Polls `fn` until it returns true (default 10 s). */
export async function until(fn: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (Date.now() < end) {
		if (await fn()) return;
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`timed out waiting for ${what}`);
}
