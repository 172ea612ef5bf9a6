// Reading export options from outside (the HTTP query string, CLI flags) into
// `ExportOptions`, with one clear message per bad value. Pure.
import { FORMATS, LAYOUTS, type ExportFormat, type ExportOptions, type Layout } from './types.ts';

/** A bad option value; `message` names the option and the accepted values. */
export class ExportOptionError extends Error {
	override name = 'ExportOptionError';
}

export function isExportFormat(value: unknown): value is ExportFormat {
	return typeof value === 'string' && (FORMATS as readonly string[]).includes(value);
}

export function isLayout(value: unknown): value is Layout {
	return typeof value === 'string' && (LAYOUTS as readonly string[]).includes(value);
}

/** `1`/`true`/`yes` or `0`/`false`/`no` (empty = absent); anything else is an error. */
export function parseFlag(name: string, value: string | null): boolean | undefined {
	if (value === null || value === '') return undefined;
	if (/^(1|true|yes)$/i.test(value)) return true;
	if (/^(0|false|no)$/i.test(value)) return false;
	throw new ExportOptionError(`${name} must be 1 or 0, got "${value.slice(0, 40)}"`);
}

/**
 * Options from a query string: `format` (default `bilingual-html`), `layout` (default
 * `side-by-side`), `comments` and `untranslated` flags. Throws `ExportOptionError`.
 */
export function exportOptionsFromQuery(params: URLSearchParams): ExportOptions {
	const format = params.get('format') || 'bilingual-html';
	if (!isExportFormat(format)) throw new ExportOptionError(`format must be one of ${FORMATS.join(', ')}, got "${format.slice(0, 40)}"`);
	const layout = params.get('layout') || 'side-by-side';
	if (!isLayout(layout)) throw new ExportOptionError(`layout must be one of ${LAYOUTS.join(', ')}, got "${layout.slice(0, 40)}"`);
	const options: ExportOptions = { format, layout };
	const comments = parseFlag('comments', params.get('comments'));
	const untranslated = parseFlag('untranslated', params.get('untranslated'));
	if (comments !== undefined) options.includeComments = comments;
	if (untranslated !== undefined) options.includeUntranslated = untranslated;
	return options;
}
