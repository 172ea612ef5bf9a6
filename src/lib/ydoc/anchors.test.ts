// Target anchors against real Yjs documents, cross-checked with y-prosemirror's own
// rendering of the fragment (positions and text must agree with what the editor shows).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { targetSchema } from '../schema/target.ts';
import { docToText } from '../schema/text.ts';
import type { PMNodeJSON } from '../types.ts';
import {
	LEAF_NODES,
	createTargetAnchor,
	decodePosition,
	fragmentPlainText,
	fragmentSize,
	linkedText,
	posFromRelative,
	relativeFromPos,
	resolveTargetAnchor,
	textBetween
} from './anchors.ts';

const p = (...content: PMNodeJSON[]): PMNodeJSON => ({ type: 'paragraph', content });
const t = (text: string, ...marks: string[]): PMNodeJSON => ({ type: 'text', text, ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}) });
const br: PMNodeJSON = { type: 'hard_break' };
const doc = (...content: PMNodeJSON[]): PMNodeJSON => ({ type: 'doc', content });

function fragmentOf(json: PMNodeJSON, name = 's1', ydoc = new Y.Doc()): Y.XmlFragment {
	const fragment = ydoc.getXmlFragment(name);
	prosemirrorJSONToYXmlFragment(targetSchema, json, fragment);
	return fragment;
}

const SHAPES: Record<string, PMNodeJSON> = {
	plain: doc(p(t('spokesman Matthew Miller said'))),
	marks: doc(p(t('US '), t('warns', 'strong'), t(' Russia', 'em'))),
	breaks: doc(p(t('one'), br, t('two'), br, br, t('three'))),
	'leading break': doc(p(br, t('x'))),
	paragraphs: doc(p(t('first')), p(), p(t('third'), br)),
	empty: doc(p())
};

/** Finds `word` in the fragment's text and returns its ProseMirror span (one paragraph). */
function spanOf(fragment: Y.XmlFragment, word: string): [number, number] {
	const node = yXmlFragmentToProseMirrorRootNode(fragment, targetSchema);
	let found: [number, number] | null = null;
	node.descendants((n, pos) => {
		const i = n.isText ? n.text!.indexOf(word) : -1;
		if (i >= 0 && !found) found = [pos + i, pos + i + word.length];
	});
	if (!found) throw new Error(`${word} not in ${node.textContent}`);
	return found;
}

describe('positions and text agree with the editor’s document', () => {
	for (const [name, json] of Object.entries(SHAPES)) {
		it(name, () => {
			const fragment = fragmentOf(json);
			const pm = yXmlFragmentToProseMirrorRootNode(fragment, targetSchema);
			expect(fragmentSize(fragment)).toBe(pm.content.size);
			expect(fragmentPlainText(fragment)).toBe(docToText(json));
			for (let from = 0; from <= pm.content.size; from++) {
				for (let to = from; to <= pm.content.size; to++) {
					expect(textBetween(fragment, from, to), `${from}..${to}`).toBe(pm.textBetween(from, to, '\n', '\n'));
				}
				for (const assoc of [0, -1]) {
					expect(posFromRelative(fragment, relativeFromPos(fragment, from, assoc)), `${from} assoc ${assoc}`).toBe(from);
				}
			}
		});
	}

	it('knows every leaf node of the target schema', () => {
		const leaves = Object.values(targetSchema.nodes)
			.filter((n) => n.isLeaf && !n.isText)
			.map((n) => n.name);
		expect(new Set(leaves)).toEqual(LEAF_NODES);
	});
});

describe('a target anchor follows the words', () => {
	function setup() {
		const a = new Y.Doc();
		const b = new Y.Doc();
		a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'b' && Y.applyUpdate(b, u, 'a'));
		b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'a' && Y.applyUpdate(a, u, 'b'));
		const fa = fragmentOf(SHAPES.plain!, 's1', a);
		const fb = b.getXmlFragment('s1');
		const [from, to] = spanOf(fa, 'Matthew Miller');
		const anchor = createTargetAnchor(fa, from, to);
		const textB = () => (fb.get(0) as Y.XmlElement).get(0) as Y.XmlText;
		return { fa, fb, anchor, textB };
	}

	it('records the quote and resolves to it', () => {
		const { fa, anchor } = setup();
		expect(anchor.quote).toBe('Matthew Miller');
		expect(resolveTargetAnchor(fa, anchor)).toMatchObject({ text: 'Matthew Miller', orphaned: false, changed: false });
	});

	it('edits before the span by another client shift it', () => {
		const { fa, fb, anchor, textB } = setup();
		textB().insert(0, 'U.S. State Department ');
		for (const f of [fa, fb]) {
			const r = resolveTargetAnchor(f, anchor);
			expect(r).toMatchObject({ text: 'Matthew Miller', orphaned: false });
			expect([r.from, r.to]).toEqual(spanOf(f, 'Matthew Miller'));
		}
	});

	it('typing at either edge stays outside; typing inside is part of the span', () => {
		const { fa, anchor, textB } = setup();
		const start = 'spokesman '.length;
		textB().insert(start + 'Matthew Miller'.length, ',');
		textB().insert(start, 'Mr ');
		expect(resolveTargetAnchor(fa, anchor).text).toBe('Matthew Miller');
		textB().insert(start + 'Mr Matthew'.length, ' A.');
		expect(resolveTargetAnchor(fa, anchor)).toMatchObject({ text: 'Matthew A. Miller', orphaned: false, changed: true });
	});

	it('deleting the words orphans it, keeping the quote', () => {
		const { fa, anchor, textB } = setup();
		textB().delete('spokesman '.length, 'Matthew Miller'.length);
		expect(resolveTargetAnchor(fa, anchor)).toMatchObject({ orphaned: true, text: '' });
		expect(anchor.quote).toBe('Matthew Miller');
		expect(linkedText(fa, anchor)).toBe('');
	});

	it('replacing the whole paragraph orphans it', () => {
		const { fa, fb, anchor } = setup();
		fb.doc!.transact(() => {
			fb.delete(0, fb.length);
			const para = new Y.XmlElement('paragraph');
			para.insert(0, [new Y.XmlText('spokesman Matthew Miller said')]);
			fb.insert(0, [para]);
		});
		expect(resolveTargetAnchor(fa, anchor).orphaned).toBe(true);
	});

	it('an anchor of another segment, or garbage, does not resolve here', () => {
		const ydoc = new Y.Doc();
		const s1 = fragmentOf(SHAPES.plain!, 's1', ydoc);
		const s2 = fragmentOf(SHAPES.marks!, 's2', ydoc);
		const anchor = createTargetAnchor(s1, 1, 5);
		expect(resolveTargetAnchor(s2, anchor).orphaned).toBe(true);
		expect(resolveTargetAnchor(s1, { ...anchor, from: 'not base64!' }).orphaned).toBe(true);
		expect(() => decodePosition('javascript:alert(1)')).toThrow();
	});

	it('a whole-paragraph link reads the whole text', () => {
		const f = fragmentOf(SHAPES.breaks!);
		expect(linkedText(f, null)).toBe('one\ntwo\n\nthree');
	});
});
