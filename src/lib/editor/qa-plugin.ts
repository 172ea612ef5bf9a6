// QA underlines in a target editor: one plugin (and its key) holding the pair's current
// findings as inline decorations — class by severity, the message as the title. The
// findings are computed elsewhere (debounced, from the shared text) and arrive as a
// transaction meta: `view.dispatch(view.state.tr.setMeta(qaKey, findings))`. Between two
// such updates the decorations move with the text (mapped through each change), so typing
// never shows an underline in the wrong place. Knows nothing of Yjs.
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node as PMNode } from 'prosemirror-model';
import type { Finding, PMNodeJSON } from '../types.ts';
import { textOffsetToPos } from '../schema/text.ts';

/** The plugin's state: the findings last received and their decorations. */
export interface QaPluginState {
	findings: readonly Finding[];
	decorations: DecorationSet;
	/**
	 * The findings are for text the editor does not hold yet: an editor starts empty and
	 * the collab binding fills it in its first change, so the initial findings are drawn
	 * on the document that change produces instead of being mapped (and lost) through it.
	 */
	pending: boolean;
}

export const qaKey = new PluginKey<QaPluginState>('duizhao-qa');

/** True when two lists hold the same findings in the same order. */
export function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
	return (
		a.length === b.length &&
		a.every((f, i) => {
			const g = b[i]!;
			return f.code === g.code && f.severity === g.severity && f.message === g.message && f.range?.from === g.range?.from && f.range?.to === g.range?.to;
		})
	);
}

/** Inline decorations for the findings that point at a range of `doc`'s text. */
export function qaDecorations(doc: PMNode, findings: readonly Finding[]): DecorationSet {
	const ranged = findings.filter((f) => f.range && f.range.to > f.range.from);
	if (ranged.length === 0) return DecorationSet.empty;
	const json = doc.toJSON() as PMNodeJSON;
	const decos: Decoration[] = [];
	for (const f of ranged) {
		const from = textOffsetToPos(json, f.range!.from);
		const to = textOffsetToPos(json, f.range!.to);
		if (to <= from) continue;
		decos.push(Decoration.inline(from, to, { class: `qa-mark qa-${f.severity}`, title: f.message, 'data-qa': f.code }, { qa: f }));
	}
	return DecorationSet.create(doc, decos);
}

/**
 * The QA plugin. `initial` gives the findings known when the editor is created (an editor
 * mounted while scrolling shows the pair's underlines at once); it is called while the
 * editor is built, so a reactive caller should read its state untracked.
 */
export function qaPlugin(initial: () => readonly Finding[] = () => []): Plugin<QaPluginState> {
	return new Plugin<QaPluginState>({
		key: qaKey,
		state: {
			init: (_config, state) => {
				const findings = initial();
				const empty = state.doc.textContent === '' && state.doc.childCount <= 1;
				return { findings, decorations: qaDecorations(state.doc, findings), pending: empty && findings.some((f) => f.range) };
			},
			apply: (tr, value, _old, state) => {
				const findings = tr.getMeta(qaKey) as readonly Finding[] | undefined;
				// The same findings again keep the drawn decorations (and so the DOM and a selection
				// being extended by the keyboard) untouched.
				if (findings && !tr.docChanged && !value.pending && sameFindings(findings, value.findings)) return value;
				if (findings) return { findings, decorations: qaDecorations(state.doc, findings), pending: false };
				if (!tr.docChanged) return value;
				if (value.pending) return { findings: value.findings, decorations: qaDecorations(state.doc, value.findings), pending: false };
				return { findings: value.findings, decorations: value.decorations.map(tr.mapping, tr.doc), pending: false };
			}
		},
		props: {
			decorations: (state: EditorState) => qaKey.getState(state)?.decorations
		}
	});
}
