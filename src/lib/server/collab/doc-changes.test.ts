import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocChanges } from './doc-changes.ts';

/** A client document with two segments' English and a non-segment root. */
function client(): Y.Doc {
	const doc = new Y.Doc();
	for (const id of ['s1', 's2']) {
		const p = new Y.XmlElement('paragraph');
		p.insert(0, [new Y.XmlText('')]);
		doc.getXmlFragment(id).insert(0, [p]);
	}
	doc.getMap('meta').set('v', 1);
	return doc;
}

function typeInto(doc: Y.Doc, id: string, text: string): Uint8Array {
	const before = Y.encodeStateVector(doc);
	const p = doc.getXmlFragment(id).get(0) as Y.XmlElement;
	(p.get(0) as Y.XmlText).insert(0, text);
	return Y.encodeStateAsUpdate(doc, before);
}

describe('DocChanges', () => {
	it('names the segments an update changed, at any depth, and ignores other roots', () => {
		const source = client();
		const server = new Y.Doc();
		const changes = new DocChanges(server, new Set(['s1', 's2']));
		const all = changes.apply(Y.encodeStateAsUpdate(source), 'c');
		expect(all.effective).toBe(true);
		expect([...all.segments!].sort()).toEqual(['s1', 's2']);

		expect(changes.apply(typeInto(source, 's2', 'Putin said'), 'c')).toEqual({ effective: true, segments: new Set(['s2']) });

		const before = Y.encodeStateVector(source);
		source.getMap('meta').set('v', 2);
		expect(changes.apply(Y.encodeStateAsUpdate(source, before), 'c')).toEqual({ effective: true, segments: null });
	});

	it('calls a repeated update ineffective, and a deletion effective', () => {
		const source = client();
		const server = new Y.Doc();
		const changes = new DocChanges(server, new Set(['s1', 's2']));
		const update = Y.encodeStateAsUpdate(source);
		changes.apply(update, 'c');
		expect(changes.apply(update, 'c')).toEqual({ effective: false, segments: null });

		const before = Y.encodeStateVector(source);
		typeInto(source, 's1', 'abc');
		changes.apply(Y.encodeStateAsUpdate(source, before), 'c');
		const sv = Y.encodeStateVector(source);
		((source.getXmlFragment('s1').get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 1);
		// A pure deletion adds no struct: the state vector is the same, the delete set is not empty.
		expect(Y.encodeStateVector(source)).toEqual(sv);
		expect(changes.apply(Y.encodeStateAsUpdate(source, sv), 'c')).toEqual({ effective: true, segments: new Set(['s1']) });
	});

	it('counts an update waiting for a missing one as effective, and looks at nothing outside apply', () => {
		const source = client();
		const server = new Y.Doc();
		const changes = new DocChanges(server, new Set(['s1', 's2']));
		const first = Y.encodeStateAsUpdate(source);
		const second = typeInto(source, 's1', 'later');
		expect(changes.apply(second, 'c').effective).toBe(true);
		expect(server.store.pendingStructs).not.toBeNull();

		// Applied directly (as loading does): no result to fill, nothing thrown.
		Y.applyUpdate(server, first, 'load');
		expect(server.getXmlFragment('s1').toString()).toContain('later');
	});

	it('throws what Yjs throws and is ready for the next update', () => {
		const server = new Y.Doc();
		const changes = new DocChanges(server, new Set(['s1']));
		expect(() => changes.apply(new Uint8Array([0xff, 0xff, 0xff]), 'c')).toThrow();
		expect(changes.apply(Y.encodeStateAsUpdate(client()), 'c').segments).toEqual(new Set(['s1']));
	});
});
