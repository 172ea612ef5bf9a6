// The bilingual HTML export: one self-contained file with every source block and its
// English, side by side (aligned rows, two columns that stack on narrow screens) or
// interleaved (each Chinese block followed by its English). Header with both titles and
// the source attribution, the lead image with its caption pair, fact-check footnotes with
// ClaimReview JSON-LD, a glossary appendix, and — for internal copies — review comments.
// Both layouts share one DOM (a `.pair` holds a source block then its English block);
// only the CSS differs, so the text order is the same in both.
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { BILINGUAL_CSS } from './styles.ts';
import {
	blockElement,
	colophon,
	factChecks,
	glossaryAppendix,
	head,
	jsonLd,
	leadFigure,
	reviewNotes,
	segmentBlock,
	serializeDocument,
	sourceContent,
	sourceMeta,
	targetContent,
	untranslatedContent
} from './html-parts.ts';
import { buildModel, type ExportModel, type Pair } from './model.ts';
import type { BilingualHtmlOptions, ExportInput } from './types.ts';

/**
 * Renders the bilingual HTML file. Pure: the same input and options give the same bytes.
 * Untranslated pairs are kept and marked unless `includeUntranslated` is `false`;
 * comments and pair statuses appear only with `includeComments` (internal copies).
 */
export function bilingualHtml(input: ExportInput, options: BilingualHtmlOptions): string {
	const model = buildModel(input);
	const layout = options.layout === 'interleaved' ? 'interleaved' : 'side-by-side';
	const untranslated = options.includeUntranslated ?? true;
	const comments = options.includeComments ?? false;
	const srcLang = input.article.lang;

	const shown = new Set<string>();
	const rows: Element[] = [];
	if (layout === 'side-by-side') {
		rows.push(
			h('div.pair.columns', { ariaHidden: 'true' }, [h('p.src', { lang: srcLang }, '原文'), h('p.tgt', { lang: 'en' }, 'English')])
		);
	}
	for (const item of model.items) {
		if (item.type === 'block') {
			const el = blockElement(item.block, srcLang);
			if (el) rows.push(el);
		} else if (item.pair.target || untranslated) {
			shown.add(item.pair.anchor);
			rows.push(pairElement(item.pair, srcLang, comments));
		}
	}
	if (model.title) shown.add(model.title.anchor);
	const caption = model.lead?.caption;
	if (caption && (caption.target || untranslated)) shown.add(caption.anchor);

	const body = h('body', { className: [`layout-${layout}`] }, [
		masthead(model, untranslated),
		h('main', [h('div.pairs', rows), factChecks(model, shown), glossaryAppendix(model)].filter((e): e is Element => e !== null)),
		colophon(model),
		...[jsonLd(model)].filter((e): e is Element => e !== null)
	]);
	const title = model.englishTitle || model.title?.segment.text || input.article.title;
	return serializeDocument(head(model, title, BILINGUAL_CSS[layout]), body);
}

function pairElement(pair: Pair, srcLang: string, comments: boolean): Element {
	const kind = pair.segment.kind;
	const target: ElementContent[] = pair.target ? targetContent(pair) : untranslatedContent();
	return h('div.pair', { id: pair.anchor, className: [`kind-${kind}`, ...(pair.target ? [] : ['is-untranslated'])] }, [
		segmentBlock(kind, srcLang, ['src'], sourceContent(pair)),
		segmentBlock(kind, 'en', ['tgt'], target),
		...(comments ? reviewNotes(pair, srcLang) : [])
	]);
}

/** Both titles, the source attribution and the lead figure. */
function masthead(model: ExportModel, untranslated: boolean): Element {
	const srcLang = model.input.article.lang;
	const title = model.title;
	// Source first, as in every pair; the English is set larger (it is an English page).
	const titleParts: Element[] = [h('span.title-zh', { lang: srcLang }, title ? sourceContent(title) : model.input.article.title)];
	if (title?.target) titleParts.push(h('span.title-en', { lang: 'en' }, targetContent(title)));
	return h(
		'header.masthead',
		[
			h('h1', { id: title?.anchor }, titleParts),
			sourceMeta(model),
			leadFigure(model, { source: true, untranslated })
		].filter((e): e is Element => e !== null)
	);
}
