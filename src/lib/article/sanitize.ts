// The sanitizer's allowlist (ARCHITECTURE §5 step 2). A segment's `html` may hold only
// `a[href]` with an http/https/mailto URL, `strong`, `em` and `br`; everything else is
// text (its content kept) or a block (images, embeds, tables, rules) or dropped with its
// content (scripts, styles, forms, hidden things). The html is serialised from our own
// token model by hast-util-to-html, so escaping is the library's, not ours. Pure.
import type { Element, ElementContent, Properties, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { safeLinkHref, safeMediaSrc } from '../schema/url.ts';
import type { Token } from './inline.ts';

/** Elements dropped together with everything inside them. */
export const DROP = new Set(
	(
		'script style template noscript noembed noframes textarea select option optgroup datalist button input ' +
		'head title meta link base svg math canvas map area frame frameset dialog nav rp rt param ' +
		'applet xmp plaintext'
	).split(' ')
);

/** Embedded media that become `embed` blocks when their URL is http(s). */
export const EMBEDS = new Set(['iframe', 'embed', 'video', 'audio', 'object']);

/** Elements that end the current paragraph (block-level in HTML). */
export const BLOCKS = new Set(
	(
		'address article aside blockquote body center details dd div dl dt fieldset figcaption figure footer form ' +
		'h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu ol p pre section summary table ul caption'
	).split(' ')
);

export const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
export const STRONG = new Set(['strong', 'b']);
export const EM = new Set(['em', 'i']);

function styleOf(el: Element): string {
	const style = el.properties?.style;
	return typeof style === 'string' ? style.toLowerCase().replace(/\s+/g, '') : '';
}

function zeroSize(value: unknown): boolean {
	return typeof value === 'string' || typeof value === 'number' ? /^0(?:\.0*)?(?:px)?$/.test(String(value).trim()) : false;
}

/** Hidden from readers: `hidden`, `aria-hidden`, `display:none`, `visibility:hidden`. */
export function isHidden(el: Element): boolean {
	const p = el.properties ?? {};
	if (p.hidden !== undefined && p.hidden !== false && p.hidden !== null) return true;
	if (String(p.ariaHidden) === 'true') return true;
	const style = styleOf(el);
	return style.includes('display:none') || style.includes('visibility:hidden');
}

/**
 * A tracking pixel rather than a picture: zero or one pixel wide or high (attribute or
 * style). Site profiles add their own hosts.
 */
export function isTrackingImage(el: Element): boolean {
	const p = el.properties ?? {};
	if (zeroSize(p.width) || zeroSize(p.height)) return true;
	if (p.width === 1 || p.height === 1 || p.width === '1' || p.height === '1') return true;
	const style = styleOf(el);
	return /(?:^|;)(?:width|height):0(?:px)?(?:;|$)/.test(style);
}

/** The link target of an `a` (or a profile's link-like element), if it is safe. */
export function linkHref(el: Element): string | null {
	return safeLinkHref(el.properties?.href);
}

/**
 * The picture URL of an `img`, if it is safe: `src`, or the lazy-loading attributes
 * pages use when `src` is a placeholder (`data:` pixel or missing).
 */
export function imageSrc(el: Element): string | null {
	const p = el.properties ?? {};
	const direct = safeMediaSrc(p.src);
	if (direct) return direct;
	for (const key of ['dataSrc', 'dataOriginal', 'dataLazySrc', 'dataUrl']) {
		const lazy = safeMediaSrc(p[key]);
		if (lazy) return lazy;
	}
	return null;
}

/** The URL of an embed (`iframe`, `video`, …): its own `src`/`data`, or a `<source>`. */
export function embedSrc(el: Element): string | null {
	const p = el.properties ?? {};
	const own = safeMediaSrc(p.src) ?? safeMediaSrc(p.data);
	if (own) return own;
	for (const child of el.children) {
		if (child.type === 'element' && child.tagName === 'source') {
			const src = safeMediaSrc(child.properties?.src);
			if (src) return src;
		}
	}
	return null;
}

/** Plain string attribute, or undefined. */
export function attr(props: Properties | undefined, key: string): string | undefined {
	const v = props?.[key];
	if (typeof v === 'string') return v;
	if (Array.isArray(v)) return v.join(' ');
	return undefined;
}

function wrap(tag: string, children: ElementContent[], properties: Properties = {}): Element {
	return { type: 'element', tagName: tag, properties, children };
}

/** Builds the allowed inline tree for tokens: links outermost, then strong, then em. */
function build(tokens: readonly Token[], level: 0 | 1 | 2 | 3): ElementContent[] {
	if (level === 3) {
		return tokens.map((t): ElementContent => (t.t === 'br' ? wrap('br', []) : { type: 'text', value: t.v }));
	}
	const key = (t: Token) => (level === 0 ? t.href : level === 1 ? t.strong : t.em);
	const out: ElementContent[] = [];
	let k = 0;
	while (k < tokens.length) {
		const value = key(tokens[k]!);
		let end = k + 1;
		while (end < tokens.length && key(tokens[end]!) === value) end++;
		const group = tokens.slice(k, end);
		const inner = build(group, (level + 1) as 1 | 2 | 3);
		if (level === 0 && typeof value === 'string') out.push(wrap('a', inner, { href: value }));
		else if (level === 1 && value === true) out.push(wrap('strong', inner));
		else if (level === 2 && value === true) out.push(wrap('em', inner));
		else for (const node of inner) out.push(node);
		k = end;
	}
	return out;
}

/**
 * Moves spaces at the edges of marked text out of the mark (`<a>普京 </a>` reads better
 * as `<a>普京</a> `), so links and emphasis cover words only.
 */
function tidyEdges(tokens: readonly Token[]): Token[] {
	const out: Token[] = [];
	for (const t of tokens) {
		if (t.t !== 'text' || (!t.href && !t.strong && !t.em)) {
			out.push(t);
			continue;
		}
		const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(t.v)!;
		const plain = { href: null, strong: false, em: false } as const;
		if (m[1]) out.push({ t: 'text', v: m[1], ...plain });
		if (m[2]) out.push({ ...t, v: m[2] });
		if (m[3]) out.push({ t: 'text', v: m[3], ...plain });
	}
	return out;
}

/** Serialises normalised tokens to the allowlisted inline HTML of the Article contract. */
export function tokensToHtml(tokens: readonly Token[]): string {
	const root: Root = { type: 'root', children: build(tidyEdges(tokens), 0) };
	return toHtml(root);
}
