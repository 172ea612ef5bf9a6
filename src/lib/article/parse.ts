// From text to one HTML tree (hast), by format, with well-kept parsers: markdown through
// unified + remark (GFM, front matter) → remark-rehype → rehype-raw, so raw HTML inside
// markdown (the news mirror) becomes real elements; HTML through rehype-parse; plain text
// split into paragraphs. Pure: no I/O.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Root as MdRoot } from 'mdast';
import { h } from 'hastscript';
import rehypeParse from 'rehype-parse';
import rehypeRaw from 'rehype-raw';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { guardTree } from './guard.ts';

/** A parsed document: the body tree plus what the format declares beside it. */
export interface Parsed {
	tree: Root;
	/** YAML front matter (markdown), raw. */
	frontMatter?: string;
	/** The `<head>` element (HTML documents). */
	head?: Element;
	/** The `lang` attribute of `<html>` (HTML documents). */
	htmlLang?: string;
}

const markdown = unified()
	.use(remarkParse)
	.use(remarkGfm)
	.use(remarkFrontmatter, ['yaml'])
	.use(remarkRehype, { allowDangerousHtml: true })
	.use(rehypeRaw);

const html = unified().use(rehypeParse);

/** Markdown (CommonMark + GFM + front matter, raw HTML allowed) → hast. */
export function parseMarkdown(text: string): Parsed {
	const mdast = markdown.parse(text) as MdRoot;
	guardTree(mdast);
	const first = mdast.children[0];
	const frontMatter = first?.type === 'yaml' ? first.value : undefined;
	const tree = markdown.runSync(mdast) as Root;
	guardTree(tree);
	return { tree, ...(frontMatter !== undefined ? { frontMatter } : {}) };
}

function child(parent: Root | Element | undefined, tag: string): Element | undefined {
	const children: readonly (ElementContent | RootContent)[] = parent?.children ?? [];
	return children.find((c): c is Element => c.type === 'element' && c.tagName === tag);
}

/** An HTML document or fragment → its body as a tree, plus its head. */
export function parseHtml(text: string): Parsed {
	const doc = html.runSync(html.parse(text)) as Root;
	guardTree(doc);
	const htmlEl = child(doc, 'html');
	const body = child(htmlEl, 'body');
	const head = child(htmlEl, 'head');
	const lang = htmlEl?.properties?.lang;
	return {
		tree: { type: 'root', children: body ? body.children : [] },
		...(head ? { head } : {}),
		...(typeof lang === 'string' ? { htmlLang: lang } : {})
	};
}

/**
 * Plain text → paragraphs. With blank lines, a blank line separates paragraphs (lines
 * inside one are joined by the whitespace rules of inline.ts); without any, every line is
 * a paragraph — the usual shape of Chinese text copied from a page.
 */
export function parseText(text: string): Parsed {
	const blankSeparated = /\n[ \t\u3000]*\n/.test(text.trim());
	const blocks = blankSeparated ? text.split(/\n[ \t\u3000]*\n/) : text.split('\n');
	const children = blocks.filter((b) => b.trim()).map((b) => h('p', b));
	return { tree: { type: 'root', children } };
}
