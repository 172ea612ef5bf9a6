// Site profile for the news-mirror format (ARCHITECTURE §5 step 1): markdown pages with
// raw HTML, as a mirror of a Chinese news site saves them —
//
//   ### title · --- · #### [首页](…) | [评论](…) …  (navigation)
//   <div><img lead> <div class="caption">…</div></div> <hr/>
//   <div class="post_content" id="artbody"> <p>【dateline】（byline）…</p> … <p>责任编辑：…#</p> </div>
//   <img src='http://mirror-host/…' width='0px' height='0px'/>   (tracking pixel)
//   --- · 原文链接（需翻墙）：URL   (or older: 原文链接：URL)
//
// The profile removes the chrome (navigation, separators, footer, tracking images, ad
// slots), turns the mirror's `<ok href>` back into links, and hands back the title and the
// source URL. Everything else is left to the generic segmenter, so articles of the family
// that differ (no lead image, h3/h4, lists, tables, figures, embeds) import the same way.
// Pure.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { safeMediaSrc } from '../../schema/url.ts';
import { isoDate } from '../conventions.ts';
import { collapseText } from '../inline.ts';
import { attr } from '../sanitize.ts';
import { treeText } from '../tree-text.ts';

/** Hosts that serve the mirror itself: images from them are tracking pixels. */
export const MIRROR_HOSTS = ['gfw-breaker.win'];

const FOOTER = /^原文(?:链接|連結|鏈接)\s*(?:[（(][^）)]{0,20}[）)])?\s*[:：]\s*(\S*)/;
const NAV_SEPARATORS = /^[\s|｜·•/\\-]*$/;

/** Strong signs of the mirror format in raw text (used by format detection). */
export function looksLikeMirror(text: string): boolean {
	const footer = /^原文(?:链接|連結|鏈接)\s*(?:[（(][^）)\n]{0,20}[）)])?\s*[:：]\s*https?:\/\//m.test(text);
	const nav = /^#{1,6}\s*\[首页\]\(/m.test(text);
	const body = /<div[^>\n]{0,200}\b(?:id=["']?artbody|class=["'][^"'\n]{0,200}\bpost_content)/.test(text);
	const ok = /<ok\s+href=/i.test(text);
	return [footer, nav, body, ok].filter(Boolean).length >= 2;
}

function elements(nodes: readonly (ElementContent | RootContent)[]): Element[] {
	return nodes.filter((n): n is Element => n.type === 'element');
}

function classes(el: Element): string[] {
	const c = el.properties?.className;
	return Array.isArray(c) ? c.map(String) : [];
}

function isBody(el: Element): boolean {
	return el.properties?.id === 'artbody' || classes(el).includes('post_content') || attr(el.properties, 'itemProp') === 'articleBody';
}

/** A line of links separated only by `|`-like marks: the mirror's navigation. */
function isNavigation(el: Element): boolean {
	const links = [] as Element[];
	let rest = '';
	const stack: ElementContent[] = [...el.children];
	while (stack.length) {
		const n = stack.pop()!;
		if (n.type === 'text') rest += n.value;
		else if (n.type === 'element') {
			if (n.tagName === 'a' || n.tagName === 'ok') links.push(n);
			else for (const child of n.children) stack.push(child);
		}
	}
	return links.length >= 2 && NAV_SEPARATORS.test(rest);
}

function isTracker(el: Element): boolean {
	if (el.tagName !== 'img') return false;
	const src = safeMediaSrc(el.properties?.src);
	if (!src) return false;
	const host = new URL(src).hostname;
	return MIRROR_HOSTS.some((h) => host === h || host.endsWith('.' + h));
}

/** Ad slots and share bars the mirror keeps from the site. */
function isChrome(el: Element): boolean {
	const id = typeof el.properties?.id === 'string' ? el.properties.id : '';
	return [id, ...classes(el)].some((name) => /(?:^|[-_])(?:ad|ads|advert|advertisement|share|social)(?:[-_]|$)/i.test(name));
}

/** Footer URL → `https://…` (the `原文链接` line's link or its text). */
function footerUrl(el: Element): string | null | undefined {
	const text = collapseText(treeText(el));
	const m = FOOTER.exec(text);
	if (!m) return undefined;
	const link = elements(el.children).find((c) => c.tagName === 'a');
	return safeMediaSrc(link?.properties?.href) ?? safeMediaSrc(m[1]) ?? null;
}

/** Date from the site's URL scheme `/gb/23/9/13/n14073200.htm` (the day it was filed). */
export function dateFromSourceUrl(url: string): string | undefined {
	const m = /\/(\d{2})\/(\d{1,2})\/(\d{1,2})\/n\d+\.html?$/.exec(url);
	return m ? isoDate(2000 + Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

export interface MirrorResult {
	/** The title element (removed from the tree), when the page has one. */
	title?: Element;
	sourceUrl?: string;
}

/**
 * Strips the mirror's chrome from `tree` in place and returns the title and source URL.
 */
export function applyMirrorProfile(tree: Root): MirrorResult {
	const result: MirrorResult = {};

	// 1. `<ok href>` → `<a href>`; tracking images, ad slots, comments and the 原文链接
	//    footer out, wherever they are.
	const stack: (Root | Element)[] = [tree];
	while (stack.length) {
		const parent = stack.pop()!;
		parent.children = parent.children.filter((c) => {
			if (c.type === 'comment') return false;
			if (c.type !== 'element') return true;
			if (isTracker(c) || isChrome(c)) return false;
			if (c.tagName === 'ok') c.tagName = 'a';
			if (c.tagName === 'p') {
				const url = footerUrl(c);
				if (url !== undefined) {
					if (url && !result.sourceUrl) result.sourceUrl = url;
					return false;
				}
			}
			return true;
		}) as typeof parent.children;
		for (const c of parent.children) if (c.type === 'element') stack.push(c);
	}

	// 2. Top level: the title (first h1–h3 before the body), navigation lines before the
	//    body, and the `---` separators around the page's parts.
	const kept: RootContent[] = [];
	let seenBody = false;
	for (const node of tree.children) {
		if (node.type !== 'element') {
			kept.push(node);
			continue;
		}
		if (isBody(node)) seenBody = true;
		else if (node.tagName === 'hr') continue;
		else if (!seenBody && !result.title && /^h[1-3]$/.test(node.tagName) && collapseText(treeText(node))) {
			result.title = node;
			continue;
		} else if (!seenBody && /^(?:h[1-6]|p)$/.test(node.tagName) && isNavigation(node)) continue;
		kept.push(node);
	}
	tree.children = kept;
	return result;
}
