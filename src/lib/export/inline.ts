// Inline content of one segment as HAST nodes, for the HTML exports: the source side from
// its stored HTML (parsed and rebuilt from an allowlist — never passed through as markup),
// the English side from its ProseMirror JSON, and highlighting of quoted spans (fact-checked
// claims) inside either. Offsets are plain-text offsets where `<br>` counts as one `\n`,
// the same convention as `docToText` and the source anchors.
import type { Element, ElementContent, Nodes, Text } from 'hast';
import { h } from 'hastscript';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { safeLinkHref } from '../schema/url.ts';
import type { PMNodeJSON, Segment } from '../types.ts';

/** `rel` on every outgoing link: the exported file never leaks `window.opener` or ranks links. */
export const LINK_REL = 'noopener noreferrer nofollow';

/** Elements whose content is not text a reader sees: dropped with their content. */
const DROP_WITH_CONTENT = new Set(['script', 'style', 'template', 'iframe', 'noembed', 'noframes', 'noscript', 'object', 'head', 'title']);

const htmlParser = unified().use(rehypeParse, { fragment: true });

/**
 * HTML without markup, references, carriage returns or NUL parses to exactly one text node
 * holding the same string: such segments (most of an article) skip the HTML parser.
 */
const PLAIN_HTML = /^[^<&\r\0]*$/;

/**
 * The source side of a segment as inline HAST: its sanitized HTML re-parsed and rebuilt
 * from the allowlist of ARCHITECTURE §5 (`a[href]` with http/https/mailto, `strong`, `em`,
 * `br`; `b`/`i` read as `strong`/`em`). Anything else becomes its text. Falls back to the
 * plain `text` when the HTML holds no text, so a segment is never shown empty.
 */
export function sourceInline(segment: Pick<Segment, 'text' | 'html'>): ElementContent[] {
	const nodes = segment.html ? (PLAIN_HTML.test(segment.html) ? [{ type: 'text' as const, value: segment.html }] : rebuild(htmlParser.parse(segment.html).children, false)) : [];
	if (plainText(nodes).trim() === '' && segment.text.trim() !== '') return textWithBreaks(segment.text);
	return nodes;
}

function rebuild(children: Nodes[], inLink: boolean): ElementContent[] {
	const out: ElementContent[] = [];
	for (const node of children) {
		if (node.type === 'text') out.push({ type: 'text', value: node.value });
		else if (node.type === 'element') {
			const tag = node.tagName;
			if (DROP_WITH_CONTENT.has(tag)) continue;
			if (tag === 'br') {
				out.push(h('br'));
				continue;
			}
			if (tag === 'a' && !inLink) {
				const inner = rebuild(node.children, true);
				const href = safeLinkHref(node.properties.href);
				if (href) out.push(h('a', { href, rel: LINK_REL }, inner));
				else out.push(...inner);
				continue;
			}
			const inner = rebuild(node.children, inLink);
			if (tag === 'strong' || tag === 'b') out.push(h('strong', inner));
			else if (tag === 'em' || tag === 'i') out.push(h('em', inner));
			else out.push(...inner);
		}
		// Comments, doctypes and anything else carry no reader-visible text: dropped.
	}
	return out;
}

/** Plain text as text nodes with `<br>` for each `\n`. */
export function textWithBreaks(text: string): ElementContent[] {
	const out: ElementContent[] = [];
	text.split('\n').forEach((line, i) => {
		if (i > 0) out.push(h('br'));
		if (line) out.push({ type: 'text', value: line });
	});
	return out;
}

/**
 * The English of a segment (target schema JSON) as inline HAST. Paragraphs are joined by
 * `<br>` (a segment is one block; a bot may have written two paragraphs). Links are checked
 * again here — content from a peer or a bot never went through the editor's paste rules —
 * and an unsafe link keeps its text only. Runs of text under the same link become one `<a>`.
 */
export function targetInline(doc: PMNodeJSON | null | undefined): ElementContent[] {
	if (!doc) return [];
	const paragraphs = doc.type === 'doc' ? (doc.content ?? []) : [doc];
	const out: ElementContent[] = [];
	paragraphs.forEach((p, i) => {
		if (i > 0) out.push(h('br'));
		let link = null as { href: string; el: Element } | null;
		for (const node of p.content ?? []) {
			let piece: ElementContent;
			let href: string | null = null;
			if (node.type === 'hard_break') piece = h('br');
			else if (node.type === 'text' && node.text) {
				const marks = node.marks ?? [];
				piece = { type: 'text', value: node.text };
				if (marks.some((m) => m.type === 'em')) piece = h('em', [piece]);
				if (marks.some((m) => m.type === 'strong')) piece = h('strong', [piece]);
				href = safeLinkHref(marks.find((m) => m.type === 'link')?.attrs?.href);
			} else continue;
			if (href && link?.href === href) link.el.children.push(piece);
			else if (href) {
				link = { href, el: h('a', { href, rel: LINK_REL }, [piece]) };
				out.push(link.el);
			} else {
				link = null;
				out.push(piece);
			}
		}
	});
	return out;
}

/** Plain text of inline HAST (`<br>` = `\n`): the offsets `highlight` works in. */
export function plainText(nodes: readonly ElementContent[]): string {
	let s = '';
	for (const n of nodes) {
		if (n.type === 'text') s += n.value;
		else if (n.type === 'element') s += n.tagName === 'br' ? '\n' : plainText(n.children);
	}
	return s;
}

/** A span to highlight: `[start, end)` in `plainText` offsets. */
export interface Span {
	start: number;
	end: number;
	/** Properties of the wrapping `<mark>` (class, title…). */
	properties: Record<string, string | string[]>;
}

/**
 * Where `quote` sits in `text`: at `[start, end)` when the stored offsets still point at it,
 * else its occurrence nearest to `start`; `null` when it does not occur (an orphaned anchor).
 */
export function locateQuote(text: string, quote: string, start = 0): { start: number; end: number } | null {
	if (!quote) return null;
	if (text.slice(start, start + quote.length) === quote) return { start, end: start + quote.length };
	let best: number | null = null;
	for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) {
		if (best === null || Math.abs(i - start) < Math.abs(best - start)) best = i;
	}
	return best === null ? null : { start: best, end: best + quote.length };
}

/**
 * Wraps each span in `<mark>` elements (one per text fragment, so a span may cross element
 * boundaries such as a link's end). Overlapping spans: the later one is skipped.
 */
export function highlight(nodes: ElementContent[], spans: readonly Span[]): ElementContent[] {
	const sorted: Span[] = [];
	for (const s of [...spans].sort((a, b) => a.start - b.start)) {
		const prev = sorted[sorted.length - 1];
		if (s.end > s.start && (!prev || s.start >= prev.end)) sorted.push(s);
	}
	if (sorted.length === 0) return nodes;
	let offset = 0;
	const walk = (list: ElementContent[]): ElementContent[] => {
		const out: ElementContent[] = [];
		for (const n of list) {
			if (n.type === 'text') {
				out.push(...splitText(n, offset, sorted));
				offset += n.value.length;
			} else if (n.type === 'element' && n.tagName === 'br') {
				out.push(n);
				offset += 1;
			} else if (n.type === 'element') out.push({ ...n, children: walk(n.children) });
			else out.push(n);
		}
		return out;
	};
	return walk(nodes);
}

function splitText(node: Text, base: number, spans: readonly Span[]): ElementContent[] {
	const out: ElementContent[] = [];
	const end = base + node.value.length;
	let pos = base;
	for (const s of spans) {
		if (s.end <= pos || s.start >= end) continue;
		const from = Math.max(s.start, pos);
		const to = Math.min(s.end, end);
		if (from > pos) out.push({ type: 'text', value: node.value.slice(pos - base, from - base) });
		out.push(h('mark', s.properties, [{ type: 'text', value: node.value.slice(from - base, to - base) }]));
		pos = to;
	}
	if (pos < end) out.push({ type: 'text', value: node.value.slice(pos - base) });
	return out;
}
