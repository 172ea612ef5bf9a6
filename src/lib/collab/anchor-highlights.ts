// Highlights of target anchors (comments and claims on English words) inside a segment's
// editor. Anchors are resolved from the Y.XmlFragment whenever the document comes from Yjs
// (a remote change, the first render) or the anchor list changes; local typing in between
// maps the decorations through the transaction, as y-prosemirror's own cursors do.
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import type * as Y from 'yjs';
import type { TargetAnchor } from '../types.ts';
import { resolveTargetAnchor } from '../ydoc/anchors.ts';

/** One span to highlight. */
export interface AnchorMark {
	anchor: TargetAnchor;
	/** CSS classes, e.g. `hl-target-comment` or `hl-target-claim verdict-false`. */
	className: string;
	/** `data-ref` of the decoration (e.g. `comment-12`). */
	ref: string;
	title?: string;
}

export const anchorHighlightsKey = new PluginKey<DecorationSet>('duizhao-anchor-highlights');

function build(state: EditorState, fragment: Y.XmlFragment, marks: AnchorMark[]): DecorationSet {
	const size = state.doc.content.size;
	const decorations: Decoration[] = [];
	for (const m of marks) {
		const r = resolveTargetAnchor(fragment, m.anchor);
		if (r.orphaned || r.to > size) continue;
		decorations.push(
			Decoration.inline(r.from, r.to, { class: m.className, 'data-ref': m.ref, ...(m.title ? { title: m.title } : {}) }, { inclusiveStart: false, inclusiveEnd: false })
		);
	}
	return DecorationSet.create(state.doc, decorations);
}

/**
 * The plugin for one editor: `marks()` is read when decorations are rebuilt, so it can
 * return the current records without the editor being recreated.
 */
export function anchorHighlights(fragment: Y.XmlFragment, marks: () => AnchorMark[]): Plugin<DecorationSet> {
	return new Plugin<DecorationSet>({
		key: anchorHighlightsKey,
		state: {
			init: (_, state) => build(state, fragment, marks()),
			apply(tr: Transaction, old: DecorationSet, _before: EditorState, state: EditorState) {
				const fromYjs = (ySyncPluginKey.getState(state) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin;
				if (tr.getMeta(anchorHighlightsKey) || fromYjs) return build(state, fragment, marks());
				return old.map(tr.mapping, tr.doc);
			}
		},
		props: {
			decorations: (state) => anchorHighlightsKey.getState(state)
		}
	});
}

/** Rebuilds the highlights of a mounted editor (after the anchor list changed). */
export function refreshAnchorHighlights(view: EditorView): void {
	if (!view.isDestroyed && anchorHighlightsKey.getState(view.state)) view.dispatch(view.state.tr.setMeta(anchorHighlightsKey, true));
}
