// The QA API: `checkSegment` for one source/target pair (live in the editor), `checkArticle`
// for a whole article (the QA endpoint and export), `compileGlossary` / `suggestions` for
// term highlighting and Alt+1…9, and the registry of finding codes (`QA_CODES`) for the UI.
// Everything here is pure: plain data in, findings out — no I/O, no Yjs.
// Finding ranges are UTF-16 offsets into `docToText(target)`; the editor turns them into
// document positions with `textOffsetToPos` (schema/text.ts) to underline them.
import type { ArticleFinding, Finding, GlossaryEntry, PMNodeJSON, Segment, Status } from '../types.ts';
import { docLinks, docToText } from '../schema/text.ts';
import { checkCjk } from './cjk.ts';
import { checkConsistency } from './consistency.ts';
import { checkDates } from './dates.ts';
import { checkEmpty } from './empty.ts';
import { checkGlossary, renderings, verbatimSpans } from './glossary.ts';
import { checkLinks } from './links.ts';
import { compileGlossary, type TermMatcher } from './matcher.ts';
import { checkNameVariants } from './names.ts';
import { checkNumbers } from './numbers.ts';
import { checkTypography } from './typography.ts';

export { QA_CODES, QA_CODE_LIST, type QaCode, type QaCodeInfo, type QaScope } from './codes.ts';
export { compileGlossary, type TermMatcher, type TermMatch, type ForbiddenMatch, type MatchStats } from './matcher.ts';
export { suggestions, renderings } from './glossary.ts';

/** Input of `checkSegment`. */
export interface SegmentCheckInput {
	/** The source paragraph: its plain text and sanitized HTML (for links). */
	segment: Segment;
	/** The English as target-schema ProseMirror JSON; `null` when nothing was written yet. */
	target: PMNodeJSON | null;
	/** The compiled glossary; without it the glossary checks are skipped. */
	matcher?: TermMatcher;
	/** The pair's status: an empty English is `info` while empty/draft, `error` once translated. */
	status?: Status;
}

/** Pair-level findings first (no range), then by position in the English. */
function byPosition(a: Finding, b: Finding): number {
	return (a.range?.from ?? -1) - (b.range?.from ?? -1);
}

/**
 * Every check that needs only one pair: empty/untranslated, Chinese characters and
 * punctuation, numbers, dates, glossary, typography, links. When the English is empty or
 * untranslated, that is the only finding. Linear in the pair's length (the glossary part
 * is one automaton pass), so it can run on every (debounced) keystroke.
 * Ranges are UTF-16 offsets into `docToText(target)`.
 */
export function checkSegment(input: SegmentCheckInput): Finding[] {
	const { segment, target, matcher, status } = input;
	const source = segment.text;
	const english = docToText(target);
	const gate = checkEmpty(source, english, status);
	if (gate.length > 0 || !english.trim()) return gate;
	const findings = [
		...checkCjk(english, matcher ? verbatimSpans(english, matcher) : []),
		...checkNumbers(source, english),
		...checkDates(source, english),
		...(matcher ? checkGlossary(source, english, matcher) : []),
		...checkTypography(source, english),
		...checkLinks(segment.html, docLinks(target))
	];
	return findings.sort(byPosition);
}

/** Input of `checkArticle`. */
export interface ArticleCheckInput {
	/** The article's segments in document order. */
	segments: Segment[];
	/** The English of each segment by segment id (missing or `null` = nothing written). */
	targets: Record<string, PMNodeJSON | null | undefined>;
	glossary: GlossaryEntry[];
	/** A matcher already compiled from `glossary`, to reuse; compiled here otherwise. */
	matcher?: TermMatcher;
	/** Statuses by segment id, for the severity of empty pairs. */
	statuses?: Record<string, Status>;
}

/**
 * All findings of an article: `checkSegment` for every pair plus the checks across pairs
 * (`inconsistent`, `name-variant`). In segment order; within a segment, pair-level
 * findings first, then by position.
 */
export function checkArticle(input: ArticleCheckInput): ArticleFinding[] {
	const { segments, targets, glossary, statuses } = input;
	const matcher = input.matcher ?? compileGlossary(glossary);
	const perSegment = new Map<string, Finding[]>();
	for (const segment of segments) {
		perSegment.set(segment.id, checkSegment({ segment, target: targets[segment.id] ?? null, matcher, status: statuses?.[segment.id] }));
	}
	for (const f of checkAcrossPairs({ segments, targets, glossary })) {
		const { segmentId, ...rest } = f;
		perSegment.get(segmentId)?.push(rest);
	}
	return segments.flatMap((s) => (perSegment.get(s.id) ?? []).sort(byPosition).map((f) => ({ segmentId: s.id, ...f })));
}

/**
 * Only the checks across pairs (`inconsistent`, `name-variant`): what `checkArticle` adds
 * to `checkSegment`. The workbench runs these on their own (debounced) while it keeps
 * per-pair findings live, so a keystroke never re-checks the whole article.
 */
export function checkAcrossPairs(input: Pick<ArticleCheckInput, 'segments' | 'targets' | 'glossary'>): ArticleFinding[] {
	const { segments, targets, glossary } = input;
	const texts = segments.map((s) => ({ segmentId: s.id, source: s.text, target: docToText(targets[s.id]) }));
	const preferred = glossary.filter((e) => e.type === 'person').flatMap(renderings);
	return [...checkConsistency(texts), ...checkNameVariants(texts.map((t) => ({ segmentId: t.segmentId, text: t.target })), preferred)];
}
