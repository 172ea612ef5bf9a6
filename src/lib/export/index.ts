// The export API (ARCHITECTURE §8): pure functions from an article's persisted state
// (`ExportInput`) to files. The HTTP endpoint and the CLI call `renderExport`; the export
// dialog previews `bilingualHtml`; the XLIFF import uses `parseXliff` + `planXliffImport`;
// `publishCheck` lists what is still open before publishing.
import { bilingualHtml } from './bilingual-html.ts';
import { claimReviewJson } from './claimreview.ts';
import { englishHtml } from './english-html.ts';
import { fileName, MEDIA_TYPES } from './files.ts';
import { englishMarkdown } from './markdown.ts';
import { tmx } from './tmx.ts';
import type { ExportFile, ExportInput, ExportOptions } from './types.ts';
import { xliff } from './xliff.ts';

export { bilingualHtml } from './bilingual-html.ts';
export { claimReviewJson, claimReviews, jsonForScript } from './claimreview.ts';
export { englishHtml } from './english-html.ts';
export { fileName, MEDIA_TYPES, slugify } from './files.ts';
export { CSP } from './html-parts.ts';
export { englishMarkdown, escapeMarkdown } from './markdown.ts';
export { tmx, TM_STATUSES } from './tmx.ts';
export { STATE_OF_STATUS, STATUS_OF_STATE, XLIFF_NS, xliff } from './xliff.ts';
export { parseXliff, XliffError } from './xliff-parse.ts';
export { planXliffImport, type XliffFill, type XliffImportPlan, type XliffSkipReason } from './xliff-import.ts';
export { exportOptionsFromQuery, ExportOptionError, isExportFormat, isLayout, parseFlag } from './options.ts';
export { formatIssue, publishCheck, PUBLISH_ISSUE_KINDS, type PublishCheck, type PublishCheckInput, type PublishIssue, type PublishIssueKind } from './publish-check.ts';
export { VERDICT_INFO, verdictInfo, type VerdictInfo } from './verdicts.ts';
export * from './types.ts';

/**
 * Renders one export file with its media type and file name: the single entry point for
 * the HTTP endpoint and `duizhao export`. `layout` defaults to `side-by-side`.
 */
export function renderExport(input: ExportInput, options: ExportOptions): ExportFile {
	const layout = options.layout ?? 'side-by-side';
	const content = (() => {
		switch (options.format) {
			case 'bilingual-html':
				return bilingualHtml(input, { layout, includeComments: options.includeComments, includeUntranslated: options.includeUntranslated });
			case 'html':
				return englishHtml(input);
			case 'markdown':
				return englishMarkdown(input);
			case 'xliff':
				return xliff(input);
			case 'tmx':
				return tmx(input);
			case 'claimreview':
				return claimReviewJson(input);
			default:
				throw new Error(`Unknown export format: ${String(options.format satisfies never)}`);
		}
	})();
	return { content, mediaType: MEDIA_TYPES[options.format], fileName: fileName(input, options.format, layout) };
}
