// The QA plugin on a real EditorState (no view needed): decorations follow the findings
// sent as meta, map through edits, and skip findings without a range.
import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import { targetSchema } from '../schema/target.ts';
import type { Finding } from '../types.ts';
import { qaKey, qaPlugin } from './qa-plugin.ts';

const { paragraph, hard_break } = targetSchema.nodes;
const doc = (...parts: (string | 'BR')[]) =>
	targetSchema.node('doc', null, [paragraph.create(null, parts.map((p) => (p === 'BR' ? hard_break.create() : targetSchema.text(p))))]);

function spans(state: EditorState) {
	const set = qaKey.getState(state)!.decorations;
	return set.find().map((d) => ({ text: state.doc.textBetween(d.from, d.to), class: (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs.class }));
}

const comma: Finding = { code: 'cjk-punctuation', severity: 'warning', message: 'Chinese comma', range: { from: 7, to: 8 } };
const han: Finding = { code: 'han-left', severity: 'error', message: 'Han', range: { from: 0, to: 2 } };
const pairLevel: Finding = { code: 'glossary-missing', severity: 'warning', message: '普京 → Putin' };

describe('qaPlugin', () => {
	it('draws the initial findings and replaces them when new ones arrive', () => {
		let state = EditorState.create({ doc: doc('普京 said，yes'), plugins: [qaPlugin(() => [han, pairLevel])] });
		expect(spans(state)).toEqual([{ text: '普京', class: 'qa-mark qa-error' }]);
		state = state.apply(state.tr.setMeta(qaKey, [comma]));
		expect(spans(state)).toEqual([{ text: '，', class: 'qa-mark qa-warning' }]);
		state = state.apply(state.tr.setMeta(qaKey, []));
		expect(spans(state)).toEqual([]);
	});

	it('keeps its state when the same findings arrive again', () => {
		let state = EditorState.create({ doc: doc('普京 said，yes'), plugins: [qaPlugin()] });
		state = state.apply(state.tr.setMeta(qaKey, [comma]));
		const before = qaKey.getState(state);
		state = state.apply(state.tr.setMeta(qaKey, [{ ...comma, range: { ...comma.range! } }]));
		expect(qaKey.getState(state)).toBe(before);
		state = state.apply(state.tr.setMeta(qaKey, [{ ...comma, severity: 'error' }]));
		expect(qaKey.getState(state)).not.toBe(before);
	});

	it('maps underlines through edits until fresh findings arrive', () => {
		let state = EditorState.create({ doc: doc('普京 said，yes'), plugins: [qaPlugin()] });
		state = state.apply(state.tr.setMeta(qaKey, [comma]));
		state = state.apply(state.tr.insertText('He ', 1));
		expect(spans(state)).toEqual([{ text: '，', class: 'qa-mark qa-warning' }]);
		// Deleting the marked text removes its underline.
		const at = state.doc.textContent.indexOf('，') + 1;
		state = state.apply(state.tr.delete(at, at + 1));
		expect(spans(state)).toEqual([]);
	});

	it('counts a hard break as one character of the plain text', () => {
		const f: Finding = { code: 'double-space', severity: 'info', message: 'x', range: { from: 4, to: 6 } };
		const state = EditorState.create({ doc: doc('abc', 'BR', 'de  f'), plugins: [qaPlugin(() => [f])] });
		expect(spans(state)).toEqual([{ text: 'de', class: 'qa-mark qa-info' }]);
	});

	it('draws initial findings on the text the binding fills in, when the editor starts empty', () => {
		let state = EditorState.create({ schema: targetSchema, plugins: [qaPlugin(() => [comma])] });
		expect(spans(state)).toEqual([]);
		state = state.apply(state.tr.replaceWith(0, state.doc.content.size, doc('普京 said，yes').content));
		expect(spans(state)).toEqual([{ text: '，', class: 'qa-mark qa-warning' }]);
		// Later changes map as usual.
		state = state.apply(state.tr.insertText('x', 1));
		expect(spans(state)).toEqual([{ text: '，', class: 'qa-mark qa-warning' }]);
	});
});
