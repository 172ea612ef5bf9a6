// The import pipeline (ARCHITECTURE §5): bytes or text in, Article JSON out.
//   decode (size, binary, UTF-8) → detect format → guard nesting → parse to one HTML tree
//   → site profile (mirror) → title → walk + sanitize → segments/blocks → conventions
//   (dateline, credit) → ids.
// Pure: no I/O, usable from the server, the CLI and tests alike.
import type { Element, Root } from 'hast';
import { IMPORT_FORMATS, type Article, type ArticleMeta, type ImportFormat, type ImportResult } from '../types.ts';
import { applyConventions } from './conventions.ts';
import { decodeInput } from './decode.ts';
import { detectFormat, type ConcreteFormat } from './detect.ts';
import { ImportError } from './errors.ts';
import { collapseBlankLines, guardHtml, guardMarkdown } from './guard.ts';
import { detectLang } from './lang.ts';
import { cleanMeta, frontMatterMeta, headMeta, type DeclaredMeta } from './meta.ts';
import { parseHtml, parseMarkdown, parseText, type Parsed } from './parse.ts';
import { applyMirrorProfile, dateFromSourceUrl } from './profiles/mirror.ts';
import { assemble, normalizeDrafts, walk, type Draft, type Item } from './segment.ts';
import { htmlTitle, markdownTitle, textTitle, type TitleSource } from './title.ts';

export { ImportError, type ImportErrorCode } from './errors.ts';
export { MAX_ARTICLE_BYTES } from './limits.ts';
export { detectFormat } from './detect.ts';

export interface ImportOptions {
	/** `auto` (default) detects the format from the text. */
	format?: ImportFormat;
}

/** Is `value` one of the import formats? */
export function isImportFormat(value: unknown): value is ImportFormat {
	return typeof value === 'string' && (IMPORT_FORMATS as readonly string[]).includes(value);
}

/** The HTML element that holds the article: `<article>`, else `<main>`, else the body. */
function articleRoot(tree: Root): Root {
	for (const tag of ['article', 'main']) {
		// Breadth first (the outermost match wins), with a moving head: shift() is O(n).
		const queue: (Root['children'][number] | Element['children'][number])[] = [...tree.children];
		for (let head = 0; head < queue.length; head++) {
			const node = queue[head]!;
			if (node.type !== 'element') continue;
			if (node.tagName === tag) return { type: 'root', children: node.children };
			for (const child of node.children) queue.push(child);
		}
	}
	return tree;
}

/** The title as drafts: one `title` segment (plus any picture that sat inside it). */
function titleDrafts(source: TitleSource): Draft[] {
	if (!source) return [];
	if ('text' in source) {
		return [{ type: 'segment', kind: 'title', tokens: [{ t: 'text', v: source.text, href: null, strong: false, em: false }] }];
	}
	const { drafts } = walk(source.element);
	const tokens = drafts.flatMap((d) => (d.type === 'segment' ? d.tokens : []));
	const blocks = drafts.filter((d) => d.type === 'block');
	return [{ type: 'segment', kind: 'title', tokens }, ...blocks];
}

function plural(n: number, one: string, many: string): string {
	return `${n} ${n === 1 ? one : many}`;
}

function build(text: string, format: ConcreteFormat): ImportResult {
	const warnings: string[] = [];
	if (format !== 'text') guardHtml(text);
	if (format === 'markdown' || format === 'mirror') {
		text = collapseBlankLines(text);
		guardMarkdown(text);
	}

	const parsed: Parsed = format === 'html' ? parseHtml(text) : format === 'text' ? parseText(text) : parseMarkdown(text);
	let tree = parsed.tree;
	let declared: DeclaredMeta = { meta: {} };
	let title: TitleSource = null;
	const profileMeta: ArticleMeta = {};

	if (format === 'mirror') {
		const mirror = applyMirrorProfile(tree);
		title = mirror.title ? { element: mirror.title } : markdownTitle(tree, undefined);
		if (mirror.sourceUrl) {
			profileMeta.sourceUrl = mirror.sourceUrl;
			const filed = dateFromSourceUrl(mirror.sourceUrl);
			if (filed) profileMeta.published = filed;
		} else {
			warnings.push('No 原文链接 footer was found, so the source URL is unknown');
		}
	} else if (format === 'markdown') {
		if (parsed.frontMatter !== undefined) declared = frontMatterMeta(parsed.frontMatter, warnings);
		title = markdownTitle(tree, declared.title);
	} else if (format === 'html') {
		declared = headMeta(parsed.head);
		const body = tree;
		tree = articleRoot(body);
		title = htmlTitle(tree, body, declared.title);
	} else {
		title = textTitle(tree);
	}

	const result = walk(tree);
	const items: Item[] = normalizeDrafts([...titleDrafts(title), ...result.drafts]);
	const conventions = applyConventions(items);
	const { segments, blocks } = assemble(items);

	if (result.droppedImages) warnings.push(`${plural(result.droppedImages, 'image was', 'images were')} left out: relative or unsafe URL`);
	if (result.droppedEmbeds) warnings.push(`${plural(result.droppedEmbeds, 'embed was', 'embeds were')} left out: relative or unsafe URL`);

	if (!segments.length) throw new ImportError('no_text', 'The file has no text to translate');
	const titleSegment = segments[0]!.kind === 'title' ? segments[0] : undefined;
	if (!titleSegment) warnings.push('No title was found; the first paragraph names the article');
	if (segments.every((s) => s.kind === 'title')) warnings.push('The article body is empty: only the title was imported');

	const name = (titleSegment ?? segments[0]!).text.replace(/\s+/g, ' ');
	const article: Article = {
		title: titleSegment || name.length <= 100 ? name : name.slice(0, 99) + '…',
		lang: detectLang(text),
		// Declared metadata (front matter, <head>) wins over what conventions infer.
		meta: cleanMeta({ ...profileMeta, ...conventions, ...declared.meta, ...(profileMeta.sourceUrl ? { sourceUrl: profileMeta.sourceUrl } : {}) }),
		segments,
		blocks
	};
	return { article, format, warnings };
}

/**
 * Imports an article file. Bytes must be UTF-8; `format` defaults to `auto`.
 * Throws `ImportError` for input it refuses (too large, binary, not UTF-8, nested too
 * deeply, no text); everything else it could not use becomes a warning.
 */
export function importArticle(input: Uint8Array | string, opts: ImportOptions = {}): ImportResult {
	const requested = opts.format ?? 'auto';
	if (!isImportFormat(requested)) {
		throw new ImportError('bad_format', `Unknown format "${String(requested)}" (use ${IMPORT_FORMATS.join(', ')})`);
	}
	const text = decodeInput(input);
	if (!text.trim()) throw new ImportError('no_text', 'The file is empty');
	const format = requested === 'auto' ? detectFormat(text) : requested;
	try {
		return build(text, format);
	} catch (err) {
		// Last line of defence: the guards should refuse deep input before any recursion.
		if (err instanceof RangeError) throw new ImportError('too_deep', 'The document is nested too deeply to import');
		throw err;
	}
}
