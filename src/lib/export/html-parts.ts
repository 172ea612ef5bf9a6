// Building blocks shared by the two HTML exports, as HAST (hastscript `h()`), serialized
// by hast-util-to-html: every string from the article is a text node or an attribute
// value, so the serializer escapes it — markup is never concatenated. Every URL goes
// through the scheme checks of schema/url.ts. Pieces: the document head with its CSP, a
// segment's block element, non-translatable blocks, the lead figure, fact-check markers
// and footnotes, the glossary appendix, review comments, the colophon and JSON-LD.
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { safeLinkHref, safeMediaSrc } from '../schema/url.ts';
import type { Block, Comment, SegmentKind } from '../types.ts';
import { claimReviews, jsonForScript } from './claimreview.ts';
import { highlight, LINK_REL, locateQuote, plainText, sourceInline, targetInline, type Span } from './inline.ts';
import { imageView, isoDate, isoDateTime, type ExportModel, type Footnote, type Pair } from './model.ts';
import { VERDICT_INFO, verdictInfo } from './verdicts.ts';

/**
 * The Content-Security-Policy of every exported HTML file. `default-src 'none'` forbids
 * scripts, frames, objects, fonts, fetches and plugins; images may come from the web (the
 * lead image is a remote http/https URL); the one inline `<style>` is allowed. `base-uri`
 * and `form-action` do not fall back to `default-src`, so they are named. (JSON-LD is a
 * data block, which CSP does not treat as script.)
 */
export const CSP = "default-src 'none'; img-src http: https:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** Badge colours, one class per verdict, generated from the shared verdict table. */
export const VERDICT_CSS = Object.entries(VERDICT_INFO)
	.map(([v, info]) => `.badge.v-${v} { background: ${info.color}; }`)
	.join('\n');

/** html-validate's `long-title` (and search engines) stop at 70 characters. */
const MAX_TITLE = 70;

/**
 * The document title cut to `MAX_TITLE`. html-validate measures the raw source text, where
 * `&` and `<` take six characters (`&#x26;`), so they count as six here too.
 */
export function docTitle(title: string): string {
	const cost = (c: string) => (c === '&' || c === '<' ? 6 : 1);
	const chars = [...htmlText(title).replace(/\s+/g, ' ').trim()];
	if (chars.reduce((n, c) => n + cost(c), 0) <= MAX_TITLE) return chars.join('');
	let out = '';
	let n = 1; // the ellipsis
	for (const c of chars) {
		if (n + cost(c) > MAX_TITLE) break;
		out += c;
		n += cost(c);
	}
	return out.trimEnd() + '…';
}

/** The `<head>`: charset, viewport, CSP, no referrer, title, generator, inline CSS. */
export function head(model: ExportModel, title: string, css: string): Element {
	return h('head', [
		h('meta', { charSet: 'utf-8' }),
		h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
		h('meta', { httpEquiv: 'Content-Security-Policy', content: CSP }),
		h('meta', { name: 'referrer', content: 'no-referrer' }),
		h('title', docTitle(title) || 'Untitled'),
		h('meta', { name: 'generator', content: `${model.toolName} ${model.toolVersion}` }),
		h('style', css + '\n' + VERDICT_CSS + '\n')
	]);
}

/**
 * Characters HTML treats as parse errors in text and attributes (C0 controls but ASCII
 * whitespace, NUL, DEL, C1 controls, lone surrogates, noncharacters): replaced by U+FFFD,
 * so the file is valid and a parser cannot drop or reinterpret them.
 */
// eslint-disable-next-line no-control-regex
const NOT_HTML_TEXT = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as it will appear in an HTML export: `NOT_HTML_TEXT` replaced, line ends as `\n`
 * and no spaces before a line end (invisible in every rendering, even `pre-wrap`, and
 * html-validate's `no-trailing-whitespace` would report them).
 */
export function htmlText(text: string): string {
	// Most text has none of the characters the three replacements look for: one plain scan
	// instead of three (the first with lookarounds) over every node of a 2,000-pair export.
	if (!MAY_NEED_CLEANING.test(text)) return text;
	return text.replace(NOT_HTML_TEXT, '\uFFFD').replace(/\r\n?/g, '\n').replace(/[\t\f ]+\n/g, '\n');
}

/** Every character any of `htmlText`'s replacements can match (a superset; no lookarounds). */
// eslint-disable-next-line no-control-regex
const MAY_NEED_CLEANING = /[\u0000-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

function cleanTree(node: Root | ElementContent): void {
	if (node.type === 'text') node.value = htmlText(node.value);
	else if (node.type === 'element' || node.type === 'root') {
		if (node.type === 'element') {
			for (const [k, v] of Object.entries(node.properties)) {
				if (typeof v === 'string') node.properties[k] = htmlText(v);
				else if (Array.isArray(v)) node.properties[k] = v.map((x) => (typeof x === 'string' ? htmlText(x) : x));
			}
		}
		for (const child of node.children) cleanTree(child as ElementContent);
	}
}

/** Serializes a full document: `<!DOCTYPE html>` (the case html-validate prefers) + `<html lang="en">`. */
export function serializeDocument(headEl: Element, body: Element): string {
	const tree: Root = { type: 'root', children: [{ type: 'doctype' }, h('html', { lang: 'en' }, [headEl, body])] };
	cleanTree(tree);
	return toHtml(tree, { upperDoctype: true }) + '\n';
}

/* ------------------------------------------------------------------ segment content */

/** Footnote markers `[n]` linking a pair to its fact checks. */
function markers(pair: Pair): ElementContent[] {
	return pair.claims.flatMap((f) => [{ type: 'text', value: '\u2009' } as const, h('a.fn', { href: `#${f.anchor}` }, `[${f.n}]`)]);
}

const claimMark = (f: Footnote) => ({ className: ['claim'], title: `Fact check ${f.n}: ${verdictInfo(f.claim.verdict).label}` });

/** The source side of a pair: allowlisted inline HTML, claims highlighted, footnote markers. */
export function sourceContent(pair: Pair): ElementContent[] {
	const nodes = sourceInline(pair.segment);
	const text = plainText(nodes);
	const spans: Span[] = [];
	for (const f of pair.claims) {
		const at = locateQuote(text, f.claim.anchor.quote, f.claim.anchor.start);
		if (at) spans.push({ ...at, properties: claimMark(f) });
	}
	return [...highlight(nodes, spans), ...markers(pair)];
}

/** The English side of a pair (empty when untranslated), claims highlighted by their quote. */
export function targetContent(pair: Pair): ElementContent[] {
	const nodes = targetInline(pair.target);
	const text = plainText(nodes);
	const spans: Span[] = [];
	for (const f of pair.claims) {
		const at = f.claim.target ? locateQuote(text, f.claim.target.quote) : null;
		if (at) spans.push({ ...at, properties: claimMark(f) });
	}
	return nodes.length ? [...highlight(nodes, spans), ...markers(pair)] : [];
}

/** What an untranslated English side shows in the bilingual export. */
export function untranslatedContent(): ElementContent[] {
	return [h('span.untranslated', 'Not yet translated')];
}

/**
 * One side of a pair as a block element with its `lang`: a heading is `<h2>`, a quote a
 * `<blockquote>`, a list item a one-item `<ul>`, captions and credits styled paragraphs.
 */
export function segmentBlock(kind: SegmentKind, lang: string, classes: string[], content: ElementContent[]): Element {
	const props = { lang, className: [...classes, `kind-${kind}`] };
	switch (kind) {
		case 'heading':
			return h('h2', props, content);
		case 'quote':
			return h('blockquote', props, [h('p', content)]);
		case 'list_item':
			return h('ul', { ...props, className: [...props.className, 'item'] }, [h('li', content)]);
		case 'caption':
			return h('p', { ...props, className: [...props.className, 'caption'] }, content);
		case 'credit':
			return h('p', { ...props, className: [...props.className, 'credit'] }, content);
		default:
			return h('p', props, content);
	}
}

/* ------------------------------------------------------------------ blocks */

/** A non-translatable block in place: image, embed (as a link, never a frame), table, rule. */
export function blockElement(block: Block, sourceLang: string): Element | null {
	switch (block.kind) {
		case 'image': {
			const image = imageView(block);
			return image ? h('figure.block', [h('img', { src: image.src, alt: image.alt, lang: image.alt ? sourceLang : undefined, loading: 'lazy' })]) : null;
		}
		case 'embed': {
			const href = safeLinkHref(block.src);
			return h('p.block.embed', ['Embedded content: ', href ? h('a', { href, rel: LINK_REL }, href) : 'not shown']);
		}
		case 'table': {
			const rows = (block.rows ?? []).filter((r) => r.length > 0);
			if (rows.length === 0) return null;
			return h('div.block', { lang: sourceLang }, [h('table', [h('tbody', rows.map((r) => h('tr', r.map((c) => h('td', String(c))))))])]);
		}
		case 'rule':
			return h('hr');
		default:
			return null;
	}
}

/* ------------------------------------------------------------------ header */

/** The source attribution as a definition list: original link, dates, byline, credits. */
export function sourceMeta(model: ExportModel): Element | null {
	const { meta } = model.input.article;
	const lang = model.input.article.lang;
	const rows: [string, ElementContent[], string | undefined][] = [];
	if (model.sourceUrl) rows.push(['Original', [h('a', { href: model.sourceUrl, rel: LINK_REL }, model.sourceUrl)], undefined]);
	if (model.published) rows.push(['Published', [h('time', { dateTime: model.published }, model.published)], undefined]);
	else if (meta.published?.trim()) rows.push(['Published', [{ type: 'text', value: meta.published }], undefined]);
	for (const [label, value] of [
		['Dateline', meta.dateline],
		['Byline', meta.byline],
		['Editor', meta.editor]
	] as const) {
		if (value?.trim()) rows.push([label, [{ type: 'text', value }], lang]);
	}
	const names = (list: string[]) => list.map((s) => s.trim()).filter(Boolean).join(', ');
	const translators = names(model.input.credits.translators);
	const reviewers = names(model.input.credits.reviewers);
	if (translators) rows.push(['Translated by', [{ type: 'text', value: translators }], undefined]);
	if (reviewers) rows.push(['Reviewed by', [{ type: 'text', value: reviewers }], undefined]);
	if (rows.length === 0) return null;
	return h(
		'dl.source-meta',
		rows.map(([label, value, valueLang]) => h('div', [h('dt', label), h('dd', { lang: valueLang }, value)]))
	);
}

/**
 * The lead image with its caption pair. `source: false` shows only the English caption
 * (English export); with `untranslated: false` a caption without English is left out,
 * otherwise its English side is marked as not yet translated.
 */
export function leadFigure(model: ExportModel, show: { source: boolean; untranslated: boolean }): Element | null {
	if (!model.lead) return null;
	const { image, caption } = model.lead;
	const lang = model.input.article.lang;
	const parts: Element[] = [];
	if (caption) {
		if (show.source && (caption.target || show.untranslated)) parts.push(h('p.src', { id: caption.anchor, lang }, sourceContent(caption)));
		if (caption.target) parts.push(h('p.tgt', { lang: 'en', id: show.source ? undefined : caption.anchor }, targetContent(caption)));
		else if (show.source && show.untranslated) parts.push(h('p.tgt', { lang: 'en' }, untranslatedContent()));
	}
	return h('figure.lead', [
		h('img', { src: image.src, alt: image.alt, lang: image.alt ? lang : undefined }),
		...(parts.length ? [h('figcaption', parts)] : [])
	]);
}

/* ------------------------------------------------------------------ fact checks */

/**
 * The fact-check footnotes: verdict badge, the claim (Chinese quote and its English),
 * claimant, note, evidence links (http/https only) and a link back to the pair when the
 * pair is in the file (`shown` holds the anchors rendered).
 */
export function factChecks(model: ExportModel, shown: ReadonlySet<string>): Element | null {
	if (model.footnotes.length === 0) return null;
	const lang = model.input.article.lang;
	return h('section.notes', { ariaLabelledBy: 'notes-title' }, [
		h('h2#notes-title', 'Fact checks'),
		h(
			'ol',
			model.footnotes.map(({ claim, n, anchor, pair }) => {
				const info = verdictInfo(claim.verdict);
				const english = claim.target?.quote.trim();
				const evidence = claim.evidence.map((e) => {
					const href = safeMediaSrc(e.url);
					const title = e.title.trim() || href || 'Source';
					const accessed = isoDate(e.accessed);
					return h('li', [
						href ? h('a', { href, rel: LINK_REL }, title) : title,
						...(accessed ? [' (accessed ', h('time', { dateTime: accessed }, accessed), ')'] : [])
					]);
				});
				return h('li', { id: anchor, value: n }, [
					h(`span.badge.v-${Object.hasOwn(VERDICT_INFO, claim.verdict) ? claim.verdict : 'unproven'}`, info.label),
					' ',
					h('span.quote', [h('q', { lang }, claim.anchor.quote), ...(english ? [' — ', h('q', english)] : [])]),
					...(claim.claimant.trim() ? [h('span.meta', ['Claimant: ', claim.claimant])] : []),
					...(claim.note.trim() ? [h('p', claim.note)] : []),
					...(evidence.length ? [h('ul.evidence', evidence)] : []),
					...(pair && shown.has(pair.anchor) ? [h('a.back', { href: `#${pair.anchor}` }, '↩ Back to the text')] : [])
				]);
			})
		)
	]);
}

/** The ClaimReview JSON-LD data block, or `null` when no claim is resolved. */
export function jsonLd(model: ExportModel): Element | null {
	const reviews = claimReviews(model);
	if (reviews.length === 0) return null;
	// A data block: hast-util-to-html writes script text raw, so `jsonForScript` escapes `<`.
	return h('script', { type: 'application/ld+json' }, jsonForScript(reviews));
}

/* ------------------------------------------------------------------ glossary */

/** The glossary appendix: the terms that occur in the source, with their English. */
export function glossaryAppendix(model: ExportModel): Element | null {
	if (model.glossary.length === 0) return null;
	const lang = model.input.article.lang;
	return h('section.glossary', { ariaLabelledBy: 'glossary-title' }, [
		h('h2#glossary-title', 'Glossary'),
		h('table', [
			h('thead', [h('tr', ['Chinese', 'English', 'Type', 'Note'].map((t) => h('th', { scope: 'col' }, t)))]),
			h(
				'tbody',
				model.glossary.map((g) =>
					h('tr', [
						h('td', { lang }, g.source),
						h('td', g.doNotTranslate ? [h('span', { lang }, g.source), ' (kept as is)'] : g.targets.join(' / ')),
						h('td', g.type),
						h('td', g.note)
					])
				)
			)
		])
	]);
}

/* ------------------------------------------------------------------ review (internal copies) */

/** A pair's status and comments, for internal copies. */
export function reviewNotes(pair: Pair, sourceLang: string): Element[] {
	const out: Element[] = [h('p.status', `Status: ${pair.status}`)];
	if (pair.comments.length === 0) return out;
	out.push(
		h('div.comments', [
			h('ul', pair.comments.map((c) => commentItem(c, sourceLang)))
		])
	);
	return out;
}

function commentItem(c: Comment, sourceLang: string): Element {
	const when = isoDateTime(c.createdAt);
	return h(`li${c.parentId !== null ? '.reply' : ''}`, [
		h('span.who', c.author.name),
		...(when ? [' ', h('time', { dateTime: when }, when.slice(0, 10))] : []),
		...(c.resolved ? [' ', h('span.resolved', '(resolved)')] : []),
		...(c.anchor?.quote ? [' on ', h('q', { lang: c.anchor.side === 'source' ? sourceLang : 'en' }, c.anchor.quote)] : []),
		h('p.body', c.body)
	]);
}

/* ------------------------------------------------------------------ colophon */

export function colophon(model: ExportModel): Element {
	const when = model.exportedAt;
	return h('footer.colophon', [
		h('p', [
			`Exported with ${model.toolName} ${model.toolVersion}`,
			...(when ? [' on ', h('time', { dateTime: when }, when.slice(0, 10))] : []),
			'. A translation of the Chinese original; fact checks and glossary by the translation desk.'
		])
	]);
}
