// Finding the article's title: the heading a page opens with (markdown, the mirror) or
// its first `<h1>` (HTML), else what the format declares (front matter, `<title>`), else
// the first line of plain text when it reads like one. Pure.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { collapseText } from './inline.ts';
import { DROP, HEADINGS } from './sanitize.ts';
import { treeText } from './tree-text.ts';

type Parent = Root | Element;

/** What a reader sees of `node`: its text without dropped elements, whitespace collapsed. */
const textOf = (node: ElementContent | RootContent): string => collapseText(treeText(node, DROP));

const WRAPPERS = new Set(['div', 'article', 'main', 'section', 'header', 'hgroup', 'body']);

/**
 * The first element with text, descending through wrappers (`div`, `article`, …), with
 * its parent. Images and rules before it are skipped, not taken.
 */
function firstContent(root: Parent): { el: Element; parent: Parent } | null {
	let parent: Parent = root;
	for (;;) {
		const children: readonly (ElementContent | RootContent)[] = parent.children;
		const next = children.find((c): c is Element => c.type === 'element' && !DROP.has(c.tagName) && textOf(c) !== '');
		if (!next) return null;
		if (WRAPPERS.has(next.tagName) && !HEADINGS.has(next.tagName)) {
			parent = next;
			continue;
		}
		return { el: next, parent };
	}
}

function remove(parent: Parent, el: Element): void {
	parent.children = parent.children.filter((c) => c !== el) as typeof parent.children;
}

/** The first element named `tag` anywhere in the tree (document order), with its parent. */
function findFirst(root: Parent, tag: string): { el: Element; parent: Parent } | null {
	const stack: { node: ElementContent | RootContent; parent: Parent }[] = [];
	for (let k = root.children.length - 1; k >= 0; k--) stack.push({ node: root.children[k]!, parent: root });
	while (stack.length) {
		const { node, parent } = stack.pop()!;
		if (node.type !== 'element' || DROP.has(node.tagName)) continue;
		if (node.tagName === tag) return { el: node, parent };
		for (let k = node.children.length - 1; k >= 0; k--) stack.push({ node: node.children[k]!, parent: node });
	}
	return null;
}

/** What the title is: an element taken out of the tree, or declared text. */
export type TitleSource = { element: Element } | { text: string } | null;

/**
 * Markdown: the front-matter title, else an opening h1–h3. An opening heading that repeats
 * the front-matter title is removed so it is not imported twice.
 */
export function markdownTitle(tree: Root, declared: string | undefined): TitleSource {
	const first = firstContent(tree);
	const opening = first && /^h[1-3]$/.test(first.el.tagName) ? first : null;
	if (declared) {
		if (opening && textOf(opening.el) === collapseText(declared)) remove(opening.parent, opening.el);
		return { text: declared };
	}
	if (!opening) return null;
	remove(opening.parent, opening.el);
	return { element: opening.el };
}

/**
 * HTML: the first `<h1>` of the article, else of the page (often in a header above the
 * article), else the page's declared title (`og:title`, `<title>`), else an opening
 * h1–h3 of the article.
 */
export function htmlTitle(article: Root, page: Root, declared: string | undefined): TitleSource {
	for (const tree of article === page ? [article] : [article, page]) {
		const h1 = findFirst(tree, 'h1');
		if (h1 && textOf(h1.el)) {
			remove(h1.parent, h1.el);
			return { element: h1.el };
		}
	}
	if (declared) return { text: declared };
	return markdownTitle(article, undefined);
}

/**
 * Plain text: the first paragraph is the title when it is one short line that does not
 * end like a sentence and more text follows.
 */
export function textTitle(tree: Root): TitleSource {
	const paragraphs = tree.children.filter((c): c is Element => c.type === 'element');
	const first = paragraphs[0];
	if (!first || paragraphs.length < 2) return null;
	const raw = first.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
	const text = collapseText(raw);
	if (raw.trim().includes('\n') || text.length > 80 || /[。！？.!?；;，,：:]["”’」』）)]?$/.test(text)) return null;
	remove(tree, first);
	return { element: first };
}
