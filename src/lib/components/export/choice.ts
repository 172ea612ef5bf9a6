// What the export dialog asks for, as plain data: the chosen format and options, the URLs
// of the file and its preview, and the labels it shows. Pure, so it is tested without a page.
import type { ExportFormat, Layout } from '../../export/types.ts';
import type { PublishIssueKind } from '../../export/publish-check.ts';
import type { XliffSkipReason } from '../../export/xliff-import.ts';

export interface ExportChoice {
	format: ExportFormat;
	layout: Layout;
	/** Internal copy: review comments under each pair (bilingual HTML). */
	includeComments: boolean;
	/** Keep pairs without English (bilingual HTML). */
	includeUntranslated: boolean;
}

export const DEFAULT_CHOICE: ExportChoice = { format: 'bilingual-html', layout: 'side-by-side', includeComments: false, includeUntranslated: true };

export const FORMAT_LABELS: Record<ExportFormat, string> = {
	'bilingual-html': 'Bilingual HTML',
	html: 'English HTML',
	markdown: 'English Markdown',
	xliff: 'XLIFF 2.0 (CAT tools)',
	tmx: 'TMX 1.4b (translation memory)',
	claimreview: 'ClaimReview JSON-LD'
};

export const LAYOUT_LABELS: Record<Layout, string> = { 'side-by-side': 'Side by side', interleaved: 'Interleaved' };

/** Which options apply to a format (the others are shown disabled). */
export function optionsApply(format: ExportFormat): { layout: boolean; comments: boolean; untranslated: boolean } {
	const bilingual = format === 'bilingual-html';
	return { layout: bilingual, comments: bilingual, untranslated: bilingual };
}

/**
 * The export URL for a choice: `endpoint` (the resolved `/api/articles/<id>/export`) plus
 * the query; `inline` for the preview frame.
 */
export function exportUrl(endpoint: string, choice: ExportChoice, opts: { inline?: boolean } = {}): string {
	const q = new URLSearchParams({ format: choice.format });
	const applies = optionsApply(choice.format);
	if (applies.layout) q.set('layout', choice.layout);
	if (applies.comments && choice.includeComments) q.set('comments', '1');
	if (applies.untranslated && !choice.includeUntranslated) q.set('untranslated', '0');
	if (opts.inline) q.set('inline', '1');
	return `${endpoint}?${q}`;
}

/** The preview is always the bilingual HTML (or the English HTML when that is chosen). */
export function previewUrl(endpoint: string, choice: ExportChoice): string {
	const format = choice.format === 'html' ? 'html' : 'bilingual-html';
	return exportUrl(endpoint, { ...choice, format }, { inline: true });
}

export const ISSUE_LABELS: Record<PublishIssueKind, [one: string, many: string]> = {
	untranslated: ['untranslated pair', 'untranslated pairs'],
	qa: ['QA error', 'QA errors'],
	comment: ['open comment', 'open comments'],
	claim: ['unresolved claim', 'unresolved claims']
};

export function countLabel(kind: PublishIssueKind, n: number): string {
	return `${n} ${ISSUE_LABELS[kind][n === 1 ? 0 : 1]}`;
}

export const SKIP_LABELS: Record<XliffSkipReason, string> = {
	'unknown-unit': 'not a pair of this article',
	'source-mismatch': 'the source text differs',
	'no-target': 'no English in the file',
	'has-translation': 'already has English (tick “Replace existing English” to overwrite)',
	unchanged: 'English is already the same'
};
