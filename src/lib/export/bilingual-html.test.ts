import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { HtmlValidate } from 'html-validate';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import seedMarkdown from '../../../tests/fixtures/articles/epoch-n14073200-us-sanctions-warning.md?raw';
import { docToText, textToDoc } from '../schema/text.ts';
import { bilingualHtml } from './bilingual-html.ts';
import { claimReviewJson } from './claimreview.ts';
import { SEED_IMAGE, SEED_ROWS, SEED_SOURCE_URL, seedInput } from './fixtures.test-helpers.ts';
import { CSP } from './html-parts.ts';
import { htmlProblems, jsonLdBlocks, parseHtml } from './safety.test-helpers.ts';
import type { ExportInput, Layout } from './types.ts';

// The recommended preset, untouched: the export needs no rule tweaks.
const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

async function validate(html: string): Promise<string[]> {
	const report = await validator.validateString(html);
	return report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
}

const elements = (tree: Root | Element, test: (el: Element) => boolean): Element[] => {
	const out: Element[] = [];
	visit(tree, 'element', (el: Element) => {
		if (test(el)) out.push(el);
	});
	return out;
};
const hasClass = (el: Element, c: string) => Array.isArray(el.properties.className) && el.properties.className.includes(c);

const LAYOUTS: Layout[] = ['side-by-side', 'interleaved'];

describe('the seed fixture', () => {
	it('is typed out faithfully: every hand-made segment occurs in the fixture file', () => {
		// Tags, the mirror's <ok> links and whitespace removed, as the importer would.
		const flat = seedMarkdown.replace(/<[^>]+>/g, '').replace(/\s+/g, '');
		for (const [, zh] of SEED_ROWS) expect(flat).toContain(zh.replace(/\s+/g, ''));
		expect(seedMarkdown).toContain(SEED_SOURCE_URL);
		expect(seedMarkdown).toContain(SEED_IMAGE);
	});
});

describe('bilingualHtml', () => {
	for (const layout of LAYOUTS) {
		for (const includeComments of [false, true]) {
			it(`${layout}${includeComments ? ' with comments' : ''}: passes html-validate (recommended) and is safe`, async () => {
				const html = bilingualHtml(seedInput(), { layout, includeComments });
				expect(await validate(html)).toEqual([]);
				expect(htmlProblems(html)).toEqual([]);
			});
		}

		it(`${layout}: contains every source segment and its English, in order`, () => {
			const input = seedInput();
			const text = toText(parseHtml(bilingualHtml(input, { layout })));
			let at = 0;
			for (const s of input.article.segments) {
				const zh = text.indexOf(s.text, at);
				expect(zh, `source of ${s.id}`).toBeGreaterThanOrEqual(at);
				const en = text.indexOf(docToText(input.targets[s.id]), zh + s.text.length);
				expect(en, `English of ${s.id}`).toBeGreaterThan(zh);
				at = en;
			}
		});
	}

	it('is a self-contained document: doctype, <html lang="en">, CSP meta, no external styles or scripts', () => {
		const html = bilingualHtml(seedInput(), { layout: 'side-by-side' });
		expect(html.startsWith('<!DOCTYPE html><html lang="en">')).toBe(true);
		const tree = parseHtml(html);
		const csp = elements(tree, (el) => el.tagName === 'meta' && el.properties.httpEquiv !== undefined);
		expect(csp).toHaveLength(1);
		expect(String(csp[0]!.properties.content)).toBe(CSP);
		expect(CSP).toMatch(/default-src 'none'/);
		expect(CSP).not.toMatch(/script-src/);
		expect(elements(tree, (el) => el.tagName === 'link')).toEqual([]);
		expect(elements(tree, (el) => el.tagName === 'script').map((s) => s.properties.type)).toEqual(['application/ld+json']);
	});

	it('puts lang on every block: source blocks in the article language, English in en, Chinese text never under en', () => {
		const html = bilingualHtml(seedInput(), { layout: 'interleaved', includeComments: true });
		const tree = parseHtml(html);
		const src = elements(tree, (el) => hasClass(el, 'src'));
		const tgt = elements(tree, (el) => hasClass(el, 'tgt'));
		// Every segment but the title (the h1 has its own spans): pairs and the lead caption.
		expect(src).toHaveLength(SEED_ROWS.length - 1);
		expect(tgt).toHaveLength(SEED_ROWS.length - 1);
		expect(src.every((el) => el.properties.lang === 'zh-Hans')).toBe(true);
		expect(tgt.every((el) => el.properties.lang === 'en')).toBe(true);
		// Walk with the inherited language: every Han character sits under a zh-* lang.
		const wrong: string[] = [];
		const walk = (node: Root | Element, lang: string) => {
			for (const child of node.children) {
				if (child.type === 'element') walk(child, typeof child.properties.lang === 'string' ? child.properties.lang : lang);
				else if (child.type === 'text' && /\p{Script=Han}/u.test(child.value) && !lang.startsWith('zh') && node.type === 'element' && !['style', 'script'].includes(node.tagName)) {
					wrong.push(child.value.slice(0, 20));
				}
			}
		};
		walk(tree, '');
		expect(wrong).toEqual([]);
	});

	it('shows the title in both languages, the source link, date, credits and the lead image with its caption pair', () => {
		const input = seedInput();
		const tree = parseHtml(bilingualHtml(input, { layout: 'side-by-side' }));
		const h1 = elements(tree, (el) => el.tagName === 'h1');
		expect(h1).toHaveLength(1);
		expect(toText(h1[0]!)).toContain(SEED_ROWS[0]![1]);
		expect(toText(h1[0]!)).toContain(SEED_ROWS[0]![2]);
		const header = elements(tree, (el) => el.tagName === 'header')[0]!;
		const text = toText(header);
		for (const s of ['2023-09-13', 'Alice Chen, Bo Li', 'Dana Wu', '大纪元记者夏雨综合报导']) expect(text).toContain(s);
		expect(elements(header, (el) => el.tagName === 'a').map((a) => a.properties.href)).toContain(SEED_SOURCE_URL);
		const figure = elements(header, (el) => el.tagName === 'figure')[0]!;
		expect(elements(figure, (el) => el.tagName === 'img')[0]!.properties.src).toBe(SEED_IMAGE);
		const caption = toText(elements(figure, (el) => el.tagName === 'figcaption')[0]!);
		expect(caption).toContain(SEED_ROWS[1]![1]);
		expect(caption).toContain(SEED_ROWS[1]![2]);
	});

	it('publishes only resolved claims: footnote with badge, evidence links and a link from the claim', () => {
		const input = seedInput();
		const html = bilingualHtml(input, { layout: 'side-by-side' });
		const tree = parseHtml(html);
		const notes = elements(tree, (el) => hasClass(el, 'notes'))[0]!;
		const items = elements(notes, (el) => el.tagName === 'li' && el.properties.id !== undefined);
		expect(items.map((li) => li.properties.id)).toEqual(['claim-1']);
		expect(toText(items[0]!)).toContain('Mostly true');
		expect(toText(items[0]!)).toContain('US and South Korean officials');
		expect(elements(items[0]!, (el) => el.tagName === 'a').map((a) => a.properties.href)).toEqual([
			'https://www.reuters.com/world/europe/russia-ammunition-shortage-2023-09-05/',
			'https://www.state.gov/briefings/department-press-briefing-september-13-2023/',
			'#seg-s10'
		]);
		// The claim is highlighted in both columns of s10 and links to its footnote.
		const pair = elements(tree, (el) => el.properties.id === 'seg-s10')[0]!;
		expect(elements(pair, (el) => el.tagName === 'mark').map((m) => toText(m))).toEqual([
			'俄罗斯在乌克兰18个多月的战争中消耗了大量库存',
			'burned through large stocks in more than 18 months of war in Ukraine'
		]);
		expect(elements(pair, (el) => el.properties.href === '#claim-1')).toHaveLength(2);
		// The open claim (s19) appears nowhere.
		expect(html).not.toContain('claim-2');
		expect(toText(tree)).not.toContain('The Epoch Times');
		// JSON-LD: only the resolved claim, identical to the standalone ClaimReview file.
		const blocks = jsonLdBlocks(html);
		expect(blocks).toEqual([JSON.parse(claimReviewJson(input))]);
		expect(blocks[0]).toHaveLength(1);
	});

	it('has a glossary appendix of only the terms that occur in the source', () => {
		const tree = parseHtml(bilingualHtml(seedInput(), { layout: 'side-by-side' }));
		const rows = elements(elements(tree, (el) => hasClass(el, 'glossary'))[0]!, (el) => el.tagName === 'tr').slice(1);
		expect(rows.map((r) => toText(r.children[0] as Element))).toEqual(['普京', '金正恩']);
		expect(toText(tree)).not.toContain('习近平');
		expect(toText(tree)).toContain('Vladimir Putin / Putin');
	});

	it('shows comments and statuses only in internal copies', () => {
		const pub = bilingualHtml(seedInput(), { layout: 'side-by-side' });
		const internal = bilingualHtml(seedInput(), { layout: 'side-by-side', includeComments: true });
		const body = 'Check the quote against the State Department transcript.';
		expect(pub).not.toContain(body);
		expect(pub).not.toContain('Status:');
		expect(internal).toContain(body);
		expect(internal).toContain('Matched to the transcript.');
		expect(internal).toContain('Status: approved');
	});

	it('marks untranslated pairs, or leaves them out', async () => {
		const input = seedInput();
		input.targets.s5 = null;
		input.targets.s6 = textToDoc('   ');
		const kept = bilingualHtml(input, { layout: 'side-by-side' });
		const keptTree = parseHtml(kept);
		const marked = elements(keptTree, (el) => hasClass(el, 'is-untranslated')).map((el) => el.properties.id);
		expect(marked).toEqual(['seg-s5', 'seg-s6']);
		expect(toText(elements(keptTree, (el) => el.properties.id === 'seg-s5')[0]!)).toContain('Not yet translated');
		expect(await validate(kept)).toEqual([]);

		const left = bilingualHtml(input, { layout: 'interleaved', includeUntranslated: false });
		expect(left).not.toContain(SEED_ROWS[4]![1]);
		expect(left).not.toContain('Not yet translated');
		expect(left).toContain(SEED_ROWS[2]![1]);
		expect(await validate(left)).toEqual([]);
	});

	it('styles every segment kind and keeps non-translatable blocks in place (valid HTML)', async () => {
		const input = seedInput();
		const kinds = ['heading', 'quote', 'list_item', 'list_item', 'caption', 'credit'] as const;
		kinds.forEach((kind, i) => {
			input.article.segments[i + 3]!.kind = kind;
		});
		input.targets.s7 = null;
		input.article.blocks.push(
			{ kind: 'image', after: 's9', src: 'https://example.com/chart.png', alt: '图表' },
			{ kind: 'table', after: 's10', rows: [['年份', '数量'], ['2023', '18']] },
			{ kind: 'rule', after: 's11' },
			{ kind: 'embed', after: 's12', src: 'https://www.youtube.com/watch?v=x' }
		);
		for (const layout of LAYOUTS) {
			const html = bilingualHtml(input, { layout, includeComments: true });
			expect(await validate(html)).toEqual([]);
			const tree = parseHtml(html);
			const pair = (id: string) => elements(tree, (el) => el.properties.id === id)[0]!;
			expect(pair('seg-s4').children.map((c) => (c as Element).tagName).slice(0, 2)).toEqual(['h2', 'h2']);
			expect(pair('seg-s5').children.map((c) => (c as Element).tagName).slice(0, 2)).toEqual(['blockquote', 'blockquote']);
			expect(pair('seg-s6').children.map((c) => (c as Element).tagName).slice(0, 2)).toEqual(['ul', 'ul']);
			expect(hasClass(pair('seg-s8').children[0] as Element, 'caption')).toBe(true);
			expect(hasClass(pair('seg-s9').children[0] as Element, 'credit')).toBe(true);
			// Blocks follow the segment they belong after.
			const pairs = elements(tree, (el) => hasClass(el, 'pairs'))[0]!;
			const order = elements(pairs, (el) => el.properties.id === 'seg-s9' || el.tagName === 'table' || el.tagName === 'hr' || (el.tagName === 'img' && el.properties.src === 'https://example.com/chart.png'));
			expect(order.map((el) => el.tagName)).toEqual(['div', 'img', 'table', 'hr']);
			expect(html).not.toContain('<iframe');
			expect(html).toContain('href="https://www.youtube.com/watch?v=x"');
		}
	});

	it('is deterministic and never reads the clock', () => {
		const a = bilingualHtml(seedInput(), { layout: 'side-by-side' });
		const b = bilingualHtml(seedInput(), { layout: 'side-by-side' });
		expect(a).toBe(b);
		expect(a).toContain('datetime="2023-09-15T12:00:00.000Z"');
	});

	it('survives an input with nothing but an untranslated title', async () => {
		const input: ExportInput = {
			...seedInput(),
			article: { id: 9, title: '标题', lang: 'zh-Hans', meta: {}, segments: [{ id: 's1', kind: 'title', text: '标题', html: '标题' }], blocks: [] },
			targets: {},
			statuses: {},
			claims: [],
			comments: [],
			glossary: [],
			credits: { translators: [], reviewers: [] }
		};
		for (const layout of LAYOUTS) {
			const html = bilingualHtml(input, { layout });
			expect(await validate(html)).toEqual([]);
			expect(html).toContain('<title>标题</title>');
			expect(jsonLdBlocks(html)).toEqual([]);
		}
	});
});
