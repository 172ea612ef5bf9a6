// The English the user has selected, as a target anchor: from the editor holding the DOM
// selection (read-only editors too, where ProseMirror's own selection may stay empty),
// else from the focused editor's selection. Browser only.
import type { EditorView } from 'prosemirror-view';
import type * as Y from 'yjs';
import type { TargetAnchor } from '../types.ts';
import { createTargetAnchor } from '../ydoc/anchors.ts';

export interface TargetSelection {
	segmentId: string;
	anchor: TargetAnchor;
}

function domRange(view: EditorView): { from: number; to: number } | null {
	const sel = view.dom.ownerDocument.getSelection();
	if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
	const range = sel.getRangeAt(0);
	if (!view.dom.contains(range.startContainer) || !view.dom.contains(range.endContainer)) return null;
	try {
		const a = view.posAtDOM(range.startContainer, range.startOffset);
		const b = view.posAtDOM(range.endContainer, range.endOffset);
		return { from: Math.min(a, b), to: Math.max(a, b) };
	} catch {
		return null;
	}
}

/** The selected English span, or null when nothing (or only whitespace) is selected. */
export function targetSelection(views: Map<string, EditorView>, focusedId: string | null, fragment: (segmentId: string) => Y.XmlFragment): TargetSelection | null {
	const candidates: [string, { from: number; to: number } | null][] = [];
	for (const [id, view] of views) {
		const r = domRange(view);
		if (r) candidates.push([id, r]);
	}
	const focused = focusedId ? views.get(focusedId) : undefined;
	if (focusedId && focused) candidates.push([focusedId, { from: focused.state.selection.from, to: focused.state.selection.to }]);
	for (const [id, r] of candidates) {
		if (!r || r.from >= r.to) continue;
		const anchor = createTargetAnchor(fragment(id), r.from, r.to);
		if (anchor.quote.trim()) return { segmentId: id, anchor };
	}
	return null;
}
