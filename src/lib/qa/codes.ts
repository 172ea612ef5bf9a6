// The registry of QA finding codes: one stable code per kind of problem, its default
// severity, the family (file) that reports it and a one-line description the UI can show.
// Every check builds its findings through `finding()` so codes and severities stay in one
// place. Pure data.
import type { Finding, Severity } from '../types.ts';

/** Where a check needs to look: one source/target pair, or the whole article. */
export type QaScope = 'segment' | 'article';

/** One row of the registry. */
export interface QaCodeInfo {
	/** Severity used unless the check says otherwise (each exception is documented on the check). */
	severity: Severity;
	scope: QaScope;
	/** The module that reports it (`src/lib/qa/<family>.ts`). */
	family: string;
	/** Short label for badges and filters. */
	title: string;
	/** One line for tooltips and the QA panel legend. */
	description: string;
}

/**
 * Every finding code, in the order the QA panel lists them. Codes are stable: the HTTP API
 * (`GET /api/articles/<id>/qa`) and stored preferences refer to them.
 */
export const QA_CODES = {
	empty: {
		severity: 'warning',
		scope: 'segment',
		family: 'empty',
		title: 'Empty',
		description: 'The source has text but the English is empty (error when the pair is marked translated or later, info while it is still empty or draft).'
	},
	untranslated: {
		severity: 'error',
		scope: 'segment',
		family: 'empty',
		title: 'Untranslated',
		description: 'The English is the Chinese source itself, or has Chinese text and no English words.'
	},
	'han-left': {
		severity: 'error',
		scope: 'segment',
		family: 'cjk',
		title: 'Chinese characters',
		description: 'Han characters left in the English.'
	},
	'cjk-punctuation': {
		severity: 'warning',
		scope: 'segment',
		family: 'cjk',
		title: 'Chinese punctuation',
		description: 'Chinese punctuation, full-width spaces or full-width letters and digits in the English.'
	},
	'number-mismatch': {
		severity: 'warning',
		scope: 'segment',
		family: 'numbers',
		title: 'Number',
		description: 'A number in the source is missing from the English (error when the English has it at the wrong scale, as 3.5 billion for 3.5亿).'
	},
	'number-approx': {
		severity: 'warning',
		scope: 'segment',
		family: 'numbers',
		title: 'Approximation',
		description: 'The source says “more than” (多, 余, 逾, 超过) or “nearly” (近, 将近, 不到) and the English gives the bare number.'
	},
	'unit-mismatch': {
		severity: 'warning',
		scope: 'segment',
		family: 'numbers',
		title: 'Unit',
		description: 'Percentage points, percent or a currency not carried over (error when the English names a different one).'
	},
	'date-mismatch': {
		severity: 'warning',
		scope: 'segment',
		family: 'dates',
		title: 'Date',
		description: 'A date, month, year or weekday of the source is missing (error when the English has a different one; info when only the year, or a weekday next to its date, was dropped).'
	},
	'glossary-missing': {
		severity: 'warning',
		scope: 'segment',
		family: 'glossary',
		title: 'Glossary',
		description: 'A glossary term is in the source but none of its renderings is in the English (do-not-translate terms must appear verbatim).'
	},
	'glossary-forbidden': {
		severity: 'error',
		scope: 'segment',
		family: 'glossary',
		title: 'Forbidden term',
		description: 'The English uses a variant the glossary forbids.'
	},
	'double-space': {
		severity: 'warning',
		scope: 'segment',
		family: 'typography',
		title: 'Double space',
		description: 'Two or more spaces in a row.'
	},
	'space-before-punctuation': {
		severity: 'info',
		scope: 'segment',
		family: 'typography',
		title: 'Space before punctuation',
		description: 'A space before a comma, full stop, colon, semicolon, question or exclamation mark.'
	},
	unbalanced: {
		severity: 'warning',
		scope: 'segment',
		family: 'typography',
		title: 'Unbalanced',
		description: 'A quotation mark or bracket is not closed (or closed without being opened), unless the source is unbalanced the same way.'
	},
	'link-missing': {
		severity: 'warning',
		scope: 'segment',
		family: 'links',
		title: 'Link',
		description: 'A link of the source is not in the English (info when every address is there but fewer times).'
	},
	inconsistent: {
		severity: 'warning',
		scope: 'article',
		family: 'consistency',
		title: 'Inconsistent',
		description: 'Identical source paragraphs are translated differently in this article.'
	},
	'name-variant': {
		severity: 'warning',
		scope: 'article',
		family: 'names',
		title: 'Name variant',
		description: 'A name is spelled in more than one way in this article (hyphens, spacing or order: Xi Jinping / Jinping Xi / Xi Jin-ping).'
	}
} as const satisfies Record<string, QaCodeInfo>;

/** A registered finding code. */
export type QaCode = keyof typeof QA_CODES;

/** The registry as a list, for the UI legend. */
export const QA_CODE_LIST: ({ code: QaCode } & QaCodeInfo)[] = (Object.keys(QA_CODES) as QaCode[]).map((code) => ({
	code,
	...QA_CODES[code]
}));

/** Builds a finding with the code's default severity unless `severity` is given. */
export function finding(code: QaCode, message: string, range?: { from: number; to: number }, severity?: Severity): Finding {
	const f: Finding = { code, severity: severity ?? QA_CODES[code].severity, message };
	if (range) f.range = { from: range.from, to: range.to };
	return f;
}

/** Quotes text for a message, shortened so a message stays one line. */
export function quote(text: string, max = 40): string {
	const t = text.length > max ? text.slice(0, max - 1) + '…' : text;
	return `“${t}”`;
}
