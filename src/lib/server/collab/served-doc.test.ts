import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { readBinaryFrame } from './frame.ts';
import { ServedDoc } from './served-doc.ts';

function docWith(text: string): Y.Doc {
	const doc = new Y.Doc();
	doc.getText('s1').insert(0, text);
	return doc;
}

/** Applies a server sync frame to `doc` as a client would; returns the state vector of a step 1. */
function receive(doc: Y.Doc, frame: Buffer): Uint8Array | null {
	const d = decoding.createDecoder(readBinaryFrame(frame));
	expect(decoding.readVarUint(d)).toBe(0); // sync
	const type = decoding.readVarUint(d);
	if (type === syncProtocol.messageYjsSyncStep1) return decoding.readVarUint8Array(d);
	Y.applyUpdate(doc, decoding.readVarUint8Array(d));
	return null;
}

describe('ServedDoc', () => {
	it('answers joiners from a stored snapshot before building, and the same after', () => {
		const source = docWith('普京');
		const early = Y.encodeStateAsUpdate(source);
		source.getText('s1').insert(2, ' said');
		const served = new ServedDoc({ snapshot: Y.encodeStateAsUpdate(source), updates: [], targets: null, hasTargets: false });
		expect(served.built).toBe(false);
		expect(served.doc.getText('s1').toString()).toBe('');

		const fresh = new Y.Doc();
		receive(fresh, served.step2Frame(new Uint8Array([0]), true));
		expect(fresh.getText('s1').toString()).toBe('普京 said');

		// A client that has the first part gets only the rest.
		const client = new Y.Doc();
		Y.applyUpdate(client, early);
		const diff = served.step2Frame(Y.encodeStateVector(client), false);
		expect(readBinaryFrame(diff).byteLength).toBeLessThan(readBinaryFrame(served.step2Frame(new Uint8Array([0]), true)).byteLength);
		receive(client, diff);
		expect(client.getText('s1').toString()).toBe('普京 said');

		expect(receive(new Y.Doc(), served.step1Frame())).toEqual(Y.encodeStateVector(source));

		const cached = served.step2Frame(new Uint8Array([0]), true);
		served.build();
		expect(served.built).toBe(true);
		expect(served.doc.getText('s1').toString()).toBe('普京 said');
		expect(served.step2Frame(new Uint8Array([0]), true)).toBe(cached); // still the same state
	});

	it('drops its cached frames when the document changes', () => {
		const served = new ServedDoc({ snapshot: null, updates: [], targets: null, hasTargets: false });
		expect(served.built).toBe(true);
		served.doc.getText('s1').insert(0, 'one');
		served.changed();
		const first = served.step2Frame(new Uint8Array([0]), true);
		const step1 = served.step1Frame();
		expect(served.step2Frame(new Uint8Array([0]), true)).toBe(first);
		expect(served.step1Frame()).toBe(step1);

		served.doc.getText('s1').insert(3, ' two');
		served.changed();
		const client = new Y.Doc();
		receive(client, served.step2Frame(new Uint8Array([0]), true));
		expect(client.getText('s1').toString()).toBe('one two');
		expect(receive(new Y.Doc(), served.step1Frame())).toEqual(Y.encodeStateVector(served.doc));

		// Compaction hands over the state it encoded: that is what a fresh joiner gets.
		const state = Y.encodeStateAsUpdate(served.doc);
		served.encodedAs(state);
		const tail = readBinaryFrame(served.step2Frame(new Uint8Array([0]), true)).subarray(-state.byteLength);
		expect(Buffer.from(tail).equals(Buffer.from(state))).toBe(true);
	});

	it('applies a log after the snapshot at once and reports the rows Yjs refused', () => {
		const source = docWith('first');
		const snapshot = Y.encodeStateAsUpdate(source);
		const sv = Y.encodeStateVector(source);
		source.getText('s1').insert(5, ', then more');
		const row = Y.encodeStateAsUpdate(source, sv);
		const broken = new Uint8Array([0xff, 0xff, 0xff]);
		const served = new ServedDoc({
			snapshot,
			updates: [
				{ id: 7, data: broken },
				{ id: 8, data: row }
			],
			targets: null,
			hasTargets: false
		});
		expect(served.built).toBe(true);
		expect(served.doc.getText('s1').toString()).toBe('first, then more');
		expect(served.refusedRows.map((r) => r.id)).toEqual([7]);
		expect(served.refusedRows[0]!.error).toBeInstanceOf(Error);
	});

	it('throws when the stored snapshot does not apply, and does not try again', () => {
		const served = new ServedDoc({ snapshot: new Uint8Array([0xff, 0xff, 0xff]), updates: [], targets: null, hasTargets: false });
		expect(() => served.build()).toThrow();
		expect(served.built).toBe(true);
		expect(() => served.build()).not.toThrow();
	});

	it('encodes the state of a built document for an empty joiner and the missing part for others', () => {
		const served = new ServedDoc({ snapshot: null, updates: [], targets: null, hasTargets: false });
		served.doc.getText('s1').insert(0, 'abc');
		const client = new Y.Doc();
		Y.applyUpdate(client, Y.encodeStateAsUpdate(served.doc));
		served.doc.getText('s1').insert(3, 'def');
		served.changed();
		receive(client, served.step2Frame(Y.encodeStateVector(client), false));
		expect(client.getText('s1').toString()).toBe('abcdef');
	});
});
