// The review components' view of the English: the user's selection as a target anchor, and
// where a stored target anchor points now (null until the document has synced, so nothing
// looks orphaned while the text is still loading).
import type { TargetAnchor } from '../../types.ts';
import type { WorkbenchContext } from '../../state/context.ts';
import type { ReviewStore } from '../../state/review.svelte.ts';
import { targetSelection, type TargetSelection } from '../../collab/target-selection.ts';
import { resolveTargetAnchor, type ResolvedAnchor } from '../../ydoc/anchors.ts';

/** The English span the user selected (in any mounted editor), or null. */
export function selectedEnglish(ctx: WorkbenchContext): TargetSelection | null {
	const s = ctx.session();
	if (!s) return null;
	return targetSelection(ctx.views, ctx.wb.focusedId, (id) => s.fragment(id));
}

/** Where `anchor` points in the segment's English now; null before the first sync. */
export function resolveEnglish(ctx: WorkbenchContext, segmentId: string, anchor: TargetAnchor): ResolvedAnchor | null {
	const s = ctx.session();
	if (!s || !ctx.wb.sync.synced) return null;
	return resolveTargetAnchor(s.fragment(segmentId), anchor);
}

/** Starts a comment on the English the user selected (panel button or Ctrl+Alt+M). */
export function commentOnEnglish(ctx: WorkbenchContext, review: ReviewStore): void {
	const sel = selectedEnglish(ctx);
	if (!sel) {
		ctx.wb.notice = { kind: 'info', text: 'Select some English in a pair first, then comment on the selection (Ctrl+Alt+M).' };
		return;
	}
	review.startComment({ segmentId: sel.segmentId, anchor: { side: 'target', ...sel.anchor } });
}
