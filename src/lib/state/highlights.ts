// Source-side highlights (glossary terms, claims, comment anchors) and the actions offered
// on a selection of source text. Features register providers and actions on the
// workbench; the source renderer asks for them by segment. Pure types and helpers.

/** A highlighted span of a segment's plain text (UTF-16 offsets, end exclusive). */
export interface Highlight {
	start: number;
	end: number;
	/** CSS class, e.g. `hl-term`, `hl-claim verdict-false`. */
	className: string;
	/** Tooltip text (rendering and note, claim verdict, …). */
	title?: string;
	/** Free data attribute value (`data-ref`), e.g. the glossary entry or claim id. */
	ref?: string;
}

/** A selection in a source segment. */
export interface SourceSelection {
	segmentId: string;
	start: number;
	end: number;
	quote: string;
}

export interface SourceAction {
	id: string;
	label: string;
	/** Whether this user may use it (computed from server-provided flags). */
	enabled: boolean;
	run(selection: SourceSelection): void;
}

export type HighlightProvider = (segmentId: string, text: string) => Highlight[];

/**
 * Splits `[0, length)` into runs where the set of covering highlights is constant, so
 * overlapping highlights (a term inside a claim) nest as separate wrappers.
 */
export function highlightRuns(length: number, highlights: Highlight[]): { start: number; end: number; marks: Highlight[] }[] {
	const cuts = new Set<number>([0, length]);
	for (const h of highlights) {
		if (h.end <= h.start || h.start >= length || h.end <= 0) continue;
		cuts.add(Math.max(0, h.start));
		cuts.add(Math.min(length, h.end));
	}
	const points = [...cuts].sort((a, b) => a - b);
	const runs: { start: number; end: number; marks: Highlight[] }[] = [];
	for (let i = 0; i + 1 < points.length; i++) {
		const start = points[i]!;
		const end = points[i + 1]!;
		runs.push({ start, end, marks: highlights.filter((h) => h.start <= start && h.end >= end && h.end > h.start) });
	}
	return runs;
}
