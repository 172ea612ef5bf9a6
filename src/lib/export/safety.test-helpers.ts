// Test helpers: find what would be unsafe in an exported file by PARSING it (rehype-parse
// for HTML, remark for Markdown, @xmldom/xmldom for XML) and walking the tree — the checks
// the injection tests and the browser test assert to be empty. Also the hostile input:
// every vector of tests/fixtures/xss-vectors.json in every field an export reads.
import type { Element, Root } from 'hast';
import type { Root as MdRoot } from 'mdast';
import rehypeParse from 'rehype-parse';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import vectors from '../../../tests/fixtures/xss-vectors.json';
import { SEGMENT_KINDS, STATUSES, VERDICTS, type Claim, type Comment, type GlossaryEntry, type PMNodeJSON, type Segment } from '../types.ts';
import type { ExportInput } from './types.ts';

export const XSS_VECTORS: { id: string; payload: string }[] = vectors;

/** Parses a full HTML document the way a browser would (parse5 via rehype-parse). */
export function parseHtml(html: string): Root {
	return unified().use(rehypeParse).parse(html);
}

/** Attributes that hold URLs (hast property names). */
const URL_PROPS = new Set(['href', 'src', 'srcSet', 'action', 'formAction', 'cite', 'poster', 'background', 'data', 'xLinkHref', 'ping', 'manifest', 'longDesc', 'useMap', 'codeBase', 'archive', 'profile', 'itemId']);
/** Elements an export must never contain. */
const FORBIDDEN = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'form', 'input', 'button', 'textarea', 'select', 'option', 'svg', 'math', 'template', 'link', 'noscript', 'portal', 'video', 'audio', 'source', 'track', 'isindex', 'keygen']);

/** Strips what browsers ignore inside a URL scheme, then says whether it is a script-ish URL. */
export function dangerousUrl(value: string): boolean {
	// eslint-disable-next-line no-control-regex
	const cleaned = value.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200b\u2028\u2029\u205f\u3000\ufeff]/g, '').toLowerCase();
	return /^(javascript|vbscript|livescript):/.test(cleaned) || cleaned.startsWith('data:text/html') || /^data:(?!image\/(png|gif|jpeg|webp);)/.test(cleaned);
}

/**
 * Problems found in an HTML export, as readable strings (empty = safe): event-handler
 * attributes, script/vbscript/data-HTML URLs or any non-http(s)/mailto/fragment URL,
 * forbidden elements, scripts other than JSON-LD that parses, `<meta http-equiv>` other
 * than the CSP, more than one `<style>`.
 */
export function htmlProblems(html: string): string[] {
	const problems: string[] = [];
	const tree = parseHtml(html);
	let styles = 0;
	visit(tree, 'element', (el: Element) => {
		const tag = el.tagName;
		for (const [prop, value] of Object.entries(el.properties)) {
			if (/^on/i.test(prop)) problems.push(`<${tag}> has event handler ${prop}`);
			if (URL_PROPS.has(prop)) {
				const v = Array.isArray(value) ? value.join(' ') : String(value);
				if (dangerousUrl(v)) problems.push(`<${tag} ${prop}="${v}"> is a script URL`);
				else if (!/^(https?:|mailto:|#)/i.test(v)) problems.push(`<${tag} ${prop}="${v}"> is not http(s)/mailto/#`);
			}
			if (prop === 'style') problems.push(`<${tag}> has a style attribute`);
		}
		if (FORBIDDEN.has(tag)) problems.push(`forbidden element <${tag}>`);
		if (tag === 'script') {
			if (el.properties.type !== 'application/ld+json') problems.push(`<script type="${String(el.properties.type)}">`);
			const text = el.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
			try {
				JSON.parse(text);
			} catch {
				problems.push('JSON-LD does not parse');
			}
		}
		if (tag === 'meta' && el.properties.httpEquiv !== undefined) {
			const equiv = String(el.properties.httpEquiv).toLowerCase();
			if (equiv !== 'content-security-policy') problems.push(`<meta http-equiv="${equiv}">`);
		}
		if (tag === 'style') styles++;
	});
	if (styles > 1) problems.push(`${styles} <style> elements`);
	// The same on the raw text, as a second opinion. Quoted attribute values are blanked
	// first: `<` needs no escaping there (the HTML spec), so a hostile value may hold "<svg".
	const raw = html.replace(/="[^"]*"/g, '=""');
	for (const re of [/<iframe/i, /<object/i, /<embed/i, /<base[\s>]/i, /<form/i, /<svg/i, /<math/i, /http-equiv=["']?refresh/i]) {
		if (re.test(raw)) problems.push(`raw text matches ${re}`);
	}
	const scripts = raw.match(/<script\b[^>]*>/gi) ?? [];
	for (const s of scripts) if (s !== '<script type="">') problems.push(`raw script tag ${s}`);
	return problems;
}

/** The JSON-LD data blocks of an HTML export, parsed. */
export function jsonLdBlocks(html: string): unknown[] {
	const out: unknown[] = [];
	visit(parseHtml(html), 'element', (el: Element) => {
		if (el.tagName === 'script' && el.properties.type === 'application/ld+json') {
			out.push(JSON.parse(el.children.map((c) => (c.type === 'text' ? c.value : '')).join('')));
		}
	});
	return out;
}

/** Parses Markdown as GFM (what renderers use). */
export function parseMarkdown(md: string): MdRoot {
	return unified().use(remarkParse).use(remarkGfm).parse(md);
}

/** Problems in a Markdown export: raw HTML nodes, unsafe link/image/definition URLs. */
export function markdownProblems(md: string): string[] {
	const problems: string[] = [];
	visit(parseMarkdown(md), (node) => {
		if (node.type === 'html') problems.push(`raw HTML: ${(node as { value: string }).value.slice(0, 60)}`);
		if ('url' in node && typeof node.url === 'string') {
			if (dangerousUrl(node.url) || !/^(https?:|mailto:)/i.test(node.url)) problems.push(`${node.type} url ${node.url}`);
		}
	});
	return problems;
}

/* ------------------------------------------------------------------ the hostile input */

const JS = 'javascript:alert(1)';

/** A target doc: the payload as text (strong/em), then a link whose href is the payload. */
function hostileDoc(payload: string): PMNodeJSON {
	return {
		type: 'doc',
		content: [
			{
				type: 'paragraph',
				content: [
					{ type: 'text', text: payload, marks: [{ type: 'strong' }] },
					{ type: 'hard_break' },
					{ type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href: payload } }, { type: 'em' }] },
					{ type: 'text', text: ' js', marks: [{ type: 'link', attrs: { href: JS } }] },
					{ type: 'text', text: ' vb', marks: [{ type: 'link', attrs: { href: 'vbscript:msgbox(1)' } }] },
					{ type: 'text', text: ' data', marks: [{ type: 'link', attrs: { href: 'data:text/html,<script>alert(1)</script>' } }] }
				]
			},
			{ type: 'paragraph', content: [{ type: 'text', text: payload }] }
		]
	};
}

/**
 * Every XSS vector in every field an exporter reads: source text and source HTML (raw,
 * as an attacker would store it), English text and link hrefs, claims (quote, English
 * quote, claimant, note, evidence URL and title), comments, glossary, metadata, blocks,
 * credits, tool and desk. Resolved and open claims, every status and segment kind.
 */
export function hostileInput(options: { lang?: string; id?: string | number } = {}): ExportInput {
	const kinds = SEGMENT_KINDS.filter((k) => k !== 'title');
	const segments: Segment[] = [{ id: 's1', kind: 'title', text: `Title ${XSS_VECTORS[0]!.payload}`, html: XSS_VECTORS[0]!.payload }];
	const targets: Record<string, PMNodeJSON> = { s1: hostileDoc(XSS_VECTORS[1]!.payload) };
	const statuses: ExportInput['statuses'] = { s1: 'approved' };
	const claims: Claim[] = [];
	const comments: Comment[] = [];
	const glossary: GlossaryEntry[] = [];
	XSS_VECTORS.forEach(({ payload }, i) => {
		const id = `s${i + 2}`;
		// Source HTML three ways: the raw payload, escaped text, and none (text fallback).
		const html = [payload, payload.replace(/&/g, '&amp;').replace(/</g, '&lt;'), ''][i % 3]!;
		segments.push({ id, kind: kinds[i % kinds.length]!, text: payload, html });
		targets[id] = hostileDoc(payload);
		statuses[id] = STATUSES[i % STATUSES.length]!;
		claims.push({
			id: i + 1,
			articleId: 1,
			segmentId: id,
			anchor: { start: 0, end: payload.length, quote: payload },
			target: i % 2 ? { from: payload, to: payload, quote: payload } : null,
			claimant: payload,
			verdict: i % 5 === 4 ? (payload as Claim['verdict']) : VERDICTS[i % VERDICTS.length]!,
			evidence: [
				{ url: payload, title: payload, accessed: payload },
				{ url: JS, title: 'js', accessed: '2023-09-14' }
			],
			note: payload,
			status: i % 4 === 3 ? 'open' : 'resolved',
			recheck: false,
			checker: { id: 1, name: payload },
			createdAt: '2023-09-14T00:00:00.000Z',
			updatedAt: i % 3 ? payload : '2023-09-14T00:00:00.000Z'
		});
		comments.push({
			id: i + 1,
			articleId: 1,
			segmentId: id,
			parentId: i % 2 ? i : null,
			author: { id: 1, name: payload },
			body: payload,
			anchor: i % 2 ? { side: 'source', start: 0, end: 1, quote: payload } : { side: 'target', from: payload, to: payload, quote: payload },
			resolved: i % 2 === 0,
			mentions: [],
			createdAt: i % 3 ? payload : '2023-09-14T00:00:00.000Z',
			updatedAt: payload
		});
		glossary.push({
			id: i + 1,
			source: payload,
			targets: [payload, JS],
			type: payload as GlossaryEntry['type'],
			note: payload,
			forbidden: [payload],
			doNotTranslate: i % 2 === 0,
			createdBy: { id: 1, name: payload },
			createdAt: payload,
			updatedAt: payload
		});
	});
	const p = (i: number) => XSS_VECTORS[i % XSS_VECTORS.length]!.payload;
	return {
		article: {
			id: options.id ?? 1,
			title: p(2),
			lang: options.lang ?? 'zh-Hans',
			meta: { sourceUrl: JS, published: p(3), dateline: p(4), byline: p(5), editor: p(6), description: p(7), tags: [p(8)] },
			segments,
			blocks: [
				// The first image is the lead image: its URL is unsafe, so there is no lead image.
				{ kind: 'image', after: 's1', src: JS, alt: p(9) },
				{ kind: 'image', after: 's3', src: 'https://example.com/a.png', alt: p(10) },
				{ kind: 'image', after: 's4', src: p(11), alt: p(12) },
				{ kind: 'embed', after: 's5', src: p(13) },
				{ kind: 'embed', after: 's6', src: 'javascript://example.com/%0aalert(1)' },
				{ kind: 'table', after: 's7', rows: [[p(14), p(15)], [p(16)]] },
				{ kind: 'rule', after: 's8' },
				{ kind: 'image', after: 'nope', src: 'data:text/html,<script>alert(1)</script>', alt: p(17) }
			]
		},
		targets,
		statuses,
		claims,
		comments,
		glossary,
		credits: { translators: [p(18), p(19)], reviewers: [p(20)] },
		exportedAt: p(21),
		tool: { name: p(22), version: p(23) },
		desk: { name: p(24), url: JS },
		pageUrl: JS
	};
}
