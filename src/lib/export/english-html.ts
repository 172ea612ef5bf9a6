// The English HTML export: the translation alone, as a publishable page, with the source
// attributed (original title and link, publication date, byline, translator and reviewer
// credits), the lead image with its English caption, fact-check footnotes and ClaimReview
// JSON-LD. Pairs without English are left out. Same HAST discipline and CSP as the
// bilingual file (see html-parts.ts).
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { blockElement, colophon, factChecks, head, jsonLd, leadFigure, segmentBlock, serializeDocument, targetContent } from './html-parts.ts';
import { LINK_REL } from './inline.ts';
import { buildModel, type ExportModel } from './model.ts';
import { ENGLISH_CSS } from './styles.ts';
import type { ExportInput } from './types.ts';

/** Renders the English HTML file. Pure. */
export function englishHtml(input: ExportInput): string {
	const model = buildModel(input);
	const srcLang = input.article.lang;
	const shown = new Set<string>();
	const body: Element[] = [];
	let list: Element | null = null;
	for (const item of model.items) {
		if (item.type === 'block') {
			list = null;
			const el = blockElement(item.block, srcLang);
			if (el) body.push(el);
			continue;
		}
		const { pair } = item;
		if (!pair.target) continue;
		shown.add(pair.anchor);
		// Consecutive list items make one list.
		if (pair.segment.kind === 'list_item') {
			const li = h('li', { id: pair.anchor }, targetContent(pair));
			if (list) list.children.push(li);
			else body.push((list = h('ul', [li])));
			continue;
		}
		list = null;
		const el = segmentBlock(pair.segment.kind, 'en', [], targetContent(pair));
		el.properties.id = pair.anchor;
		body.push(el);
	}
	if (model.title?.target) shown.add(model.title.anchor);
	if (model.lead?.caption?.target) shown.add(model.lead.caption.anchor);

	const doc = h('body.english', [
		masthead(model),
		h('main', [h('article', body), factChecks(model, shown)].filter((e): e is Element => e !== null)),
		colophon(model),
		...[jsonLd(model)].filter((e): e is Element => e !== null)
	]);
	const title = model.englishTitle || model.title?.segment.text || input.article.title;
	return serializeDocument(head(model, title, ENGLISH_CSS), doc);
}

function masthead(model: ExportModel): Element {
	const { input, title } = model;
	const srcLang = input.article.lang;
	const sourceTitle = title?.segment.text ?? input.article.title;
	const h1 = title?.target
		? h('h1', { id: title.anchor }, targetContent(title))
		: h('h1', { lang: srcLang }, sourceTitle);
	return h(
		'header.masthead',
		[h1, attribution(model), leadFigure(model, { source: false, untranslated: false })].filter((e): e is Element => e !== null)
	);
}

/** "Translated from the Chinese “…” (original), published …, by …. Translation: …" */
export function attribution(model: ExportModel): Element {
	const { input, title } = model;
	const { meta } = input.article;
	const srcLang = input.article.lang;
	const parts: (ElementContent | string)[] = ['Translated from the Chinese original, ', h('cite', { lang: srcLang }, title?.segment.text ?? input.article.title)];
	if (model.sourceUrl) parts.push(' (', h('a', { href: model.sourceUrl, rel: LINK_REL }, model.sourceUrl), ')');
	if (model.published) parts.push(', published ', h('time', { dateTime: model.published }, model.published));
	if (meta.byline?.trim()) parts.push(', by ', h('span', { lang: srcLang }, meta.byline));
	parts.push('.');
	const names = (list: string[]) => list.map((s) => s.trim()).filter(Boolean).join(', ');
	const translators = names(input.credits.translators);
	const reviewers = names(input.credits.reviewers);
	if (translators) parts.push(` Translated by ${translators}.`);
	if (reviewers) parts.push(` Reviewed by ${reviewers}.`);
	return h('p.attribution', parts);
}
