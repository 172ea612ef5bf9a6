// Deciding what a returned XLIFF file changes, before anything is written: which segments
// get which English, and why the other units are left alone. Pure — the server applies the
// plan to the article's Yjs document (one transaction) and reports the skipped units.
import { docToText, isEmptyDoc } from '../schema/text.ts';
import type { PMNodeJSON, Segment, Status } from '../types.ts';
import type { ParsedXliff, XliffState } from './types.ts';
import { STATUS_OF_STATE } from './xliff.ts';

export interface XliffFill {
	segmentId: string;
	/** Plain text for the segment's English (`textToDoc` makes the target document). */
	text: string;
	/** The file's state for the unit and the pair status it suggests. */
	state: XliffState;
	status: Status;
}

export type XliffSkipReason =
	/** No segment with the unit's id in this article. */
	| 'unknown-unit'
	/** The unit's source is not the segment's source: the file is for other text. */
	| 'source-mismatch'
	/** The unit has no target, or only whitespace. */
	| 'no-target'
	/** The segment already has English and `overwrite` is off. */
	| 'has-translation'
	/** The English is already exactly this. */
	| 'unchanged';

export interface XliffImportPlan {
	fill: XliffFill[];
	skipped: { id: string; reason: XliffSkipReason }[];
	/** Non-fatal remarks for the user (language mismatch, segments missing from the file). */
	warnings: string[];
}

/**
 * Plans an XLIFF import into an article. By default only empty targets are filled (a
 * returned file never overwrites work done meanwhile); `overwrite: true` also replaces
 * English that differs. Sources are compared after normalizing whitespace, so a unit is
 * only applied to the text it was translated from.
 */
export function planXliffImport(
	article: { lang: string; segments: Segment[] },
	targets: Record<string, PMNodeJSON | null | undefined>,
	parsed: ParsedXliff,
	options: { overwrite?: boolean } = {}
): XliffImportPlan {
	const plan: XliffImportPlan = { fill: [], skipped: [], warnings: [] };
	if (parsed.srcLang.toLowerCase() !== article.lang.toLowerCase()) {
		plan.warnings.push(`The file's source language is ${parsed.srcLang}, the article's is ${article.lang}.`);
	}
	if (parsed.trgLang && !/^en(-|$)/i.test(parsed.trgLang)) plan.warnings.push(`The file's target language is ${parsed.trgLang}, not English.`);
	const byId = new Map(article.segments.map((s) => [s.id, s]));
	const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
	for (const unit of parsed.units) {
		const segment = byId.get(unit.id);
		const skip = (reason: XliffSkipReason) => plan.skipped.push({ id: unit.id, reason });
		if (!segment) skip('unknown-unit');
		else if (norm(unit.source) !== norm(segment.text)) skip('source-mismatch');
		else if (unit.target === null || !unit.target.trim()) skip('no-target');
		else if (docToText(targets[segment.id]) === unit.target) skip('unchanged');
		else if (!isEmptyDoc(targets[segment.id]) && !options.overwrite) skip('has-translation');
		else plan.fill.push({ segmentId: segment.id, text: unit.target, state: unit.state, status: STATUS_OF_STATE[unit.state] });
	}
	const inFile = new Set(parsed.units.map((u) => u.id));
	const missing = article.segments.filter((s) => !inFile.has(s.id)).length;
	if (missing) plan.warnings.push(`${missing} segment${missing === 1 ? ' is' : 's are'} not in the file.`);
	return plan;
}
