// DOM helpers for the source text: wrapping plain-text ranges of rendered (sanitized) HTML
// in <mark> elements, and turning a DOM selection back into plain-text offsets. The plain
// text is the concatenation of text nodes with <br> counted as "\n", matching the
// importer's `Segment.text`.
import { highlightRuns, type Highlight } from '../../state/highlights.ts';

interface TextPiece {
	node: Text;
	start: number;
}

/** Text nodes of `root` with their offsets in the plain text (a <br> counts one "\n"). */
function textPieces(root: Node): { pieces: TextPiece[]; length: number } {
	const pieces: TextPiece[] = [];
	let offset = 0;
	const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
	for (let n = walker.nextNode(); n; n = walker.nextNode()) {
		if (n.nodeType === Node.TEXT_NODE) {
			pieces.push({ node: n as Text, start: offset });
			offset += (n as Text).data.length;
		} else if ((n as Element).tagName === 'BR') offset += 1;
	}
	return { pieces, length: offset };
}

/** Wraps each highlight run in nested <mark>s. `root` must hold freshly rendered HTML. */
export function applyHighlights(root: HTMLElement, highlights: Highlight[]): void {
	if (!highlights.length) return;
	const { pieces, length } = textPieces(root);
	const runs = highlightRuns(length, highlights).filter((r) => r.marks.length);
	// Work from the end so earlier offsets stay valid while splitting text nodes.
	for (let r = runs.length - 1; r >= 0; r--) {
		const run = runs[r]!;
		for (let p = pieces.length - 1; p >= 0; p--) {
			const piece = pieces[p]!;
			const from = Math.max(run.start, piece.start);
			const to = Math.min(run.end, piece.start + piece.node.data.length);
			if (from >= to) continue;
			let target = piece.node;
			if (to - piece.start < target.data.length) target.splitText(to - piece.start);
			if (from > piece.start) target = target.splitText(from - piece.start);
			let wrapped: Node = target;
			for (const h of run.marks) {
				const mark = document.createElement('mark');
				mark.className = h.className;
				if (h.title) mark.title = h.title;
				if (h.ref) mark.dataset.ref = h.ref;
				wrapped.parentNode!.insertBefore(mark, wrapped);
				mark.append(wrapped);
				wrapped = mark;
			}
		}
	}
}

/** Plain-text offset of a DOM position (container, offset) inside `root`, or null. */
function offsetOf(root: HTMLElement, container: Node, offset: number): number | null {
	if (!root.contains(container)) return null;
	const range = document.createRange();
	range.setStart(root, 0);
	range.setEnd(container, offset);
	const frag = range.cloneContents();
	return textPieces(frag).length;
}

/** The current DOM selection as plain-text offsets in `root`, or null if outside/empty. */
export function selectionOffsets(root: HTMLElement): { start: number; end: number } | null {
	const sel = window.getSelection();
	if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
	const range = sel.getRangeAt(0);
	const start = offsetOf(root, range.startContainer, range.startOffset);
	const end = offsetOf(root, range.endContainer, range.endOffset);
	if (start === null || end === null || end <= start) return null;
	return { start, end };
}
