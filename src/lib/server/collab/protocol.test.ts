import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import {
	decodeClientMessage,
	decodeSaveStatus,
	encodeAwareness,
	encodeSaveStatus,
	encodeSyncStep1,
	encodeSyncStep2,
	encodeUpdate,
	MessageType,
	ProtocolError,
	SaveState
} from './protocol.ts';

/** A document with one segment holding `text`, and one update that made it. */
function docWith(text: string): { doc: Y.Doc; update: Uint8Array } {
	const doc = new Y.Doc();
	let update: Uint8Array = new Uint8Array();
	doc.on('update', (u: Uint8Array) => (update = u));
	doc.transact(() => {
		const p = new Y.XmlElement('paragraph');
		p.insert(0, [new Y.XmlText(text)]);
		doc.getXmlFragment('s1').insert(0, [p]);
	});
	return { doc, update };
}

const bytes = (...xs: number[]) => new Uint8Array(xs);
function frame(write: (e: encoding.Encoder) => void): Uint8Array {
	const e = encoding.createEncoder();
	write(e);
	return encoding.toUint8Array(e);
}

describe('decodeClientMessage', () => {
	it('reads what a y-websocket client sends', () => {
		const { doc, update } = docWith('Hello');
		const step1 = frame((e) => {
			encoding.writeVarUint(e, MessageType.sync);
			syncProtocol.writeSyncStep1(e, doc);
		});
		const m1 = decodeClientMessage(step1);
		expect(m1.kind).toBe('sync-step1');
		expect(m1.kind === 'sync-step1' && m1.emptyStateVector).toBe(false);
		expect(m1.kind === 'sync-step1' && Y.decodeStateVector(m1.stateVector).get(doc.clientID)).toBeGreaterThan(0);

		const empty = decodeClientMessage(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
		expect(empty).toMatchObject({ kind: 'sync-step1', emptyStateVector: true });

		const upd = frame((e) => {
			encoding.writeVarUint(e, MessageType.sync);
			syncProtocol.writeUpdate(e, update);
		});
		const m2 = decodeClientMessage(upd);
		expect(m2.kind).toBe('update');
		expect(m2.kind === 'update' && Array.from(m2.update)).toEqual(Array.from(update));
		expect(Array.from(encodeUpdate(update))).toEqual(Array.from(upd));

		expect(decodeClientMessage(encodeSyncStep2(update)).kind).toBe('sync-step2');
		// Byte for byte what a y-protocols step 2 is, also with a length needing a multi-byte varint.
		const big = new Uint8Array(300).fill(7);
		const expected = frame((e) => {
			encoding.writeVarUint(e, MessageType.sync);
			encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
			encoding.writeVarUint8Array(e, big);
		});
		expect(Array.from(encodeSyncStep2(big))).toEqual(Array.from(expected));

		const awareness = new awarenessProtocol.Awareness(doc);
		awareness.setLocalState({ user: { name: 'x' }, cursor: null });
		const aw = frame((e) => {
			encoding.writeVarUint(e, MessageType.awareness);
			encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
		});
		const m3 = decodeClientMessage(aw);
		expect(m3).toEqual({
			kind: 'awareness',
			entries: [{ clientId: doc.clientID, clock: 1, json: JSON.stringify({ user: { name: 'x' }, cursor: null }) }]
		});
		awareness.destroy();
		expect(decodeClientMessage(bytes(MessageType.queryAwareness))).toEqual({ kind: 'query-awareness' });
	});

	it('round-trips awareness entries it encodes', () => {
		const entries = [
			{ clientId: 1, clock: 3, json: '{"a":1}' },
			{ clientId: 4294967295, clock: 0, json: 'null' }
		];
		expect(decodeClientMessage(encodeAwareness(entries))).toEqual({ kind: 'awareness', entries });
	});

	const malformed: [string, Uint8Array][] = [
		['empty frame', bytes()],
		['truncated varint', bytes(0x80)],
		['unknown message type', bytes(7, 0)],
		['auth from a client', bytes(MessageType.auth, 0)],
		['unknown sync type', bytes(0, 9, 0)],
		['sync without payload', bytes(0, 0)],
		['payload length beyond the frame', bytes(0, 2, 50, 0, 0)],
		['trailing bytes after an update', bytes(0, 2, 2, 0, 0, 99)],
		['update that does not decode', bytes(0, 2, 3, 5, 200, 200)],
		['state vector with trailing bytes', bytes(0, 0, 3, 0, 1, 2)],
		['query-awareness with a payload', bytes(3, 1)],
		['awareness with invalid UTF-8', bytes(1, 6, 1, 1, 1, 2, 0xc3, 0x28)],
		['awareness claiming more entries than bytes', bytes(1, 2, 100, 0)],
		['awareness client id beyond 32 bits', frame((e) => {
			encoding.writeVarUint(e, 1);
			encoding.writeVarUint8Array(e, frame((i) => {
				encoding.writeVarUint(i, 1);
				encoding.writeVarUint(i, 2 ** 40);
				encoding.writeVarUint(i, 1);
				encoding.writeVarString(i, 'null');
			}));
		})]
	];
	for (const [what, data] of malformed) {
		it(`refuses ${what} with a ProtocolError`, () => {
			expect(() => decodeClientMessage(data)).toThrow(ProtocolError);
		});
	}

	it('throws nothing but ProtocolError on random garbage, and never accepts a non-decodable update', () => {
		let seed = 42;
		const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
		for (let i = 0; i < 5000; i++) {
			const data = new Uint8Array(1 + Math.floor(rand() * 40)).map(() => Math.floor(rand() * 256));
			if (i % 2 === 0) data[0] = Math.floor(rand() * 4); // reach the inner decoders too
			try {
				const msg = decodeClientMessage(data);
				if (msg.kind === 'update' || msg.kind === 'sync-step2') expect(() => Y.decodeUpdate(msg.update)).not.toThrow();
			} catch (err) {
				expect(err).toBeInstanceOf(ProtocolError);
			}
		}
	});
});

describe('save status extension', () => {
	it('round-trips and is ignored when it is another type', () => {
		expect(decodeSaveStatus(encodeSaveStatus(SaveState.notSaved, 'storage error'))).toEqual({ state: 1, detail: 'storage error' });
		expect(decodeSaveStatus(encodeSaveStatus(SaveState.saved))).toEqual({ state: 0, detail: '' });
		expect(decodeSaveStatus(encodeUpdate(new Uint8Array([0, 0])))).toBeNull();
	});
});
