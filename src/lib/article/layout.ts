// How an article reads top to bottom: its segments with the blocks (images, embeds,
// tables, rules) put back where they were. Shared by the pages and exports. Pure.
import type { Block, Segment } from '../types.ts';

/** One row of the reading order: a translatable segment or a block between segments. */
export type Row = { type: 'segment'; segment: Segment } | { type: 'block'; block: Block; key: string };

/** Interleaves blocks after the segment they follow (`after: null` = before all). */
export function readingOrder(segments: readonly Segment[], blocks: readonly Block[]): Row[] {
	const byAfter = new Map<string | null, Block[]>();
	for (const b of blocks) {
		const list = byAfter.get(b.after) ?? [];
		list.push(b);
		byAfter.set(b.after, list);
	}
	const rows: Row[] = [];
	let n = 0;
	const put = (after: string | null) => {
		for (const block of byAfter.get(after) ?? []) rows.push({ type: 'block', block, key: `b${++n}` });
		byAfter.delete(after);
	};
	put(null);
	for (const segment of segments) {
		rows.push({ type: 'segment', segment });
		put(segment.id);
	}
	// Blocks pointing at a segment that does not exist (should not happen) go last, not lost.
	for (const after of [...byAfter.keys()]) put(after);
	return rows;
}

/**
 * Makes the links of a segment's sanitized html open in a new tab without giving the
 * page a handle on ours. Only valid on importer output, whose only tag with attributes
 * is `<a href="…">` (text never holds a raw `<`).
 */
export function externalLinks(html: string): string {
	return html.replaceAll('<a href=', '<a target="_blank" rel="noopener noreferrer" href=');
}
