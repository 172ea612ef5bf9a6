// Media types and file names of the export formats, for the HTTP endpoint
// (`Content-Type`, `Content-Disposition`) and the CLI (`-o` default). Names are ASCII only
// (letters, digits, `-`, `.`), so they need no quoting or RFC 5987 encoding in a header.
import { docToText } from '../schema/text.ts';
import type { ExportFormat, ExportInput, Layout } from './types.ts';

/**
 * `Content-Type` per format. TMX has no registered media type (`application/x-tmx+xml` is
 * an unregistered `x-` name, which RFC 6648 deprecates): it is sent as what it is, generic
 * XML (RFC 7303), and the `.tmx` file name tells tools what kind. XLIFF has its registered
 * type. The XML files declare UTF-8 in their XML declaration.
 */
export const MEDIA_TYPES: Record<ExportFormat, string> = {
	'bilingual-html': 'text/html; charset=utf-8',
	html: 'text/html; charset=utf-8',
	markdown: 'text/markdown; charset=utf-8',
	xliff: 'application/xliff+xml',
	tmx: 'application/xml',
	claimreview: 'application/ld+json'
};

const SUFFIX: Record<ExportFormat, string> = {
	'bilingual-html': '.html',
	html: '.en.html',
	markdown: '.en.md',
	xliff: '.xlf',
	tmx: '.tmx',
	claimreview: '.claimreview.jsonld'
};

/** Longest slug kept, in characters (cut at a word boundary). */
const MAX_SLUG = 60;

/** An ASCII slug: lower case, diacritics dropped, runs of anything else as one `-`. */
export function slugify(text: string, max = MAX_SLUG): string {
	const slug = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	if (slug.length <= max) return slug;
	const cut = slug.slice(0, max + 1);
	const at = cut.lastIndexOf('-');
	return (at > max / 2 ? cut.slice(0, at) : slug.slice(0, max)).replace(/-+$/, '');
}

/**
 * The file name of an export: `article-<id>-<english-title-slug>` plus a suffix per format
 * (`.bilingual-side-by-side.html`, `.en.html`, `.en.md`, `.xlf`, `.tmx`,
 * `.claimreview.jsonld`). Without an English title the slug is left out.
 */
export function fileName(input: ExportInput, format: ExportFormat, layout: Layout = 'side-by-side'): string {
	const id = slugify(String(input.article.id), 20) || 'x';
	const title = input.article.segments.find((s) => s.kind === 'title');
	const slug = title ? slugify(docToText(input.targets[title.id])) : '';
	const suffix = format === 'bilingual-html' ? `.bilingual-${layout === 'interleaved' ? 'interleaved' : 'side-by-side'}.html` : SUFFIX[format];
	return `article-${id}${slug ? `-${slug}` : ''}${suffix}`;
}
