// The six real articles in tests/fixtures/articles: the structure each must import to
// (ARCHITECTURE §5, issue 2), plus the contract invariants for all of them.
import { describe, expect, it } from 'vitest';
import type { Article, Segment } from '../types.ts';
import { importArticle } from './index.ts';
import { articleProblems } from './test-helpers.ts';

const files = import.meta.glob('../../../tests/fixtures/articles/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const fixture = (name: string): string => {
	const key = Object.keys(files).find((k) => k.endsWith(`/${name}.md`));
	if (!key) throw new Error(`no fixture ${name}`);
	return files[key]!;
};
const bytes = (s: string) => new TextEncoder().encode(s);
const kinds = (a: Article, kind: Segment['kind']) => a.segments.filter((s) => s.kind === kind);
const CHROME = /首页|评论\s*\|\s*专题|原文链接|需翻墙|gfw-breaker|####|<ok|article content|below_article_ad/;

describe('every fixture', () => {
	it('has all six', () => expect(Object.keys(files)).toHaveLength(6));

	for (const [path, text] of Object.entries(files)) {
		const name = path.split('/').pop()!;
		it(`${name}: keeps the Article contract and leaves no site chrome`, () => {
			const { article } = importArticle(bytes(text));
			expect(articleProblems(article)).toEqual([]);
			for (const s of article.segments) {
				expect(s.text).not.toMatch(CHROME);
				expect(s.html).not.toMatch(CHROME);
				expect(s.text).not.toMatch(/^#|#$/);
			}
			expect(JSON.stringify(article.blocks)).not.toContain('gfw-breaker');
			expect(article.segments[0]!.kind).toBe('title');
			expect(article.title).toBe(article.segments[0]!.text);
		});
	}
});

describe('seed: epoch-n14073200-us-sanctions-warning', () => {
	const result = importArticle(bytes(fixture('epoch-n14073200-us-sanctions-warning')));
	const { article } = result;

	it('is detected as the mirror format, without warnings', () => {
		expect(result.format).toBe('mirror');
		expect(result.warnings).toEqual([]);
		expect(article.lang).toBe('zh-Hans');
	});

	it('opens with the title, the lead image and its caption', () => {
		const [title, caption] = article.segments;
		expect(title).toMatchObject({ id: 's1', kind: 'title', text: '美国务院：若俄朝达成武器交易 美将祭制裁' });
		expect(article.title).toBe('美国务院：若俄朝达成武器交易 美将祭制裁');
		expect(article.blocks).toEqual([
			{
				kind: 'image',
				after: 's1',
				src: 'https://i.epochtimes.com/assets/uploads/2023/09/id14073258-000_33V48JK-600x400.jpg',
				alt: '美国务院：若俄朝达成武器交易 美将祭制裁'
			}
		]);
		expect(caption!.kind).toBe('caption');
		expect(caption!.text).toMatch(/^周三（2023年9月13日），普京与金正恩在俄罗斯远东地区的东方航天发射场/);
		expect(caption!.text).toMatch(/\(Mikhail Metzel\/POOL\/AFP\)$/);
	});

	it('has 21 paragraphs in order, the first with the dateline, then the credit', () => {
		const paragraphs = kinds(article, 'paragraph');
		expect(paragraphs).toHaveLength(21);
		expect(paragraphs[0]!.text.startsWith('【大纪元2023年09月14日讯】（大纪元记者夏雨综合报导）美国国务院周三')).toBe(true);
		expect(paragraphs[1]!.text).toMatch(/^在周三的新闻发布会上/);
		expect(paragraphs[20]!.text).toBe('当被问及军事合作时，普京周三表示，俄罗斯遵守国际规则，但还有探索的机会。');
		expect(article.segments.map((s) => s.kind)).toEqual(['title', 'caption', ...Array(21).fill('paragraph'), 'credit']);
		const credit = article.segments.at(-1)!;
		expect(credit).toMatchObject({ kind: 'credit', text: '责任编辑：李缘', html: '责任编辑：李缘' });
	});

	it('turns <ok href> back into links without spurious spaces', () => {
		const s = article.segments.find((x) => x.text.startsWith('在周三的新闻发布会上'))!;
		expect(s.text).toContain('俄罗斯总统普京和朝鲜领导人金正恩在俄罗斯会晤问题');
		expect(s.html).toContain('总统<a href="https://www.epochtimes.com/gb/tag/%E6%99%AE%E4%BA%AC.html">普京</a>和');
		expect(s.html).toContain('领导人<a href="https://www.epochtimes.com/gb/tag/%E9%87%91%E6%AD%A3%E6%81%A9.html">金正恩</a>在');
		const links = article.segments.flatMap((x) => [...x.html.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]));
		expect(links.length).toBe(4);
		for (const [href, text] of links) {
			expect(href).toMatch(/^https:\/\/www\.epochtimes\.com\/gb\/tag\//);
			expect(['普京', '金正恩']).toContain(text);
		}
	});

	it('fills the meta from the footer, dateline and credit', () => {
		expect(article.meta).toEqual({
			sourceUrl: 'https://www.epochtimes.com/gb/23/9/13/n14073200.htm',
			published: '2023-09-14',
			dateline: '大纪元2023年09月14日讯',
			byline: '大纪元记者夏雨综合报导',
			editor: '李缘'
		});
	});

	it('keeps whitespace normalised', () => {
		for (const s of article.segments) expect(s.text).not.toMatch(/\n|\s{2}/);
	});
});

describe('older footer: epoch-n12862989', () => {
	const { article } = importArticle(bytes(fixture('epoch-n12862989-older-footer')));
	it('reads the source URL from `原文链接：URL` without （需翻墙）', () => {
		expect(article.meta.sourceUrl).toBe('https://www.epochtimes.com/gb/21/4/7/n12862989.htm');
		expect(article.meta.published).toBe('2021-04-18');
		expect(article.meta.editor).toBe('李寰宇');
	});
	it('keeps h4 subheads (with links) as headings and inline emphasis', () => {
		const headings = kinds(article, 'heading');
		expect(headings.map((h) => h.text)).toEqual([
			'稀土是“新兴石油” 如何打造美国供应链',
			'中共垄断稀土供应链是美国国安安全重大威胁',
			'专家：稀土需求增长 是UCore机遇'
		]);
		expect(headings[1]!.html).toMatch(/^<a href="https:\/\/www\.epochtimes\.com\/gb\/tag\/[^"]+">中共垄断<\/a><a href="[^"]+">稀土供应链<\/a>是/);
		expect(article.segments.some((s) => s.html.includes('<em>[注：英文“Rare Earth Element”（稀土元素）的简写]</em>'))).toBe(true);
		expect(article.segments.some((s) => s.html.includes('<strong>。</strong>'))).toBe(true);
		expect(kinds(article, 'credit').map((s) => s.text)).toEqual(['责任编辑：李寰宇']);
	});
});

describe('headings and figures: epoch-n13925955', () => {
	const { article } = importArticle(bytes(fixture('epoch-n13925955-h3-h4-figures')));
	it('keeps h3 and h4 as headings', () => {
		const headings = kinds(article, 'heading').map((h) => h.text);
		expect(headings).toHaveLength(22); // 2 h4 + 20 h3
		expect(headings[0]).toBe('以下是2023年最好的十个工作及其年薪');
		expect(headings).toContain('1. 软件开发人员');
		expect(headings).toContain('最有保障的十个职业');
	});
	it('turns each <figure> into an image block followed by its caption', () => {
		const images = article.blocks.filter((b) => b.kind === 'image');
		expect(images).toHaveLength(7); // lead + six figures
		for (const img of images.slice(1)) {
			const at = article.segments.findIndex((s) => s.id === img.after);
			expect(article.segments[at + 1]!.kind).toBe('caption');
			// The picture, not the link around it to the full-size file.
			expect(img.src).toMatch(/-\d+x\d+\.jpg$/);
		}
		expect(kinds(article, 'caption').map((c) => c.text)).toContain('编写电脑程序代码概念图。(ShutterStock)');
	});
	it('keeps <br> inside a paragraph as a line break', () => {
		const s = article.segments.find((x) => x.text.startsWith('年薪中位数：120,730美元'))!;
		expect(s.text).toBe('年薪中位数：120,730美元\n学历要求：本科学历');
		expect(s.html).toBe('年薪中位数：120,730美元<br>学历要求：本科学历');
	});
});

describe('lists: epoch-n14009020', () => {
	const { article } = importArticle(bytes(fixture('epoch-n14009020-ul-lists')));
	it('makes every <li> a list item, under its heading', () => {
		expect(kinds(article, 'list_item')).toHaveLength(17);
		const kindsInOrder = article.segments.map((s) => s.kind);
		const firstHeading = kindsInOrder.indexOf('heading');
		expect(kindsInOrder.slice(firstHeading, firstHeading + 5)).toEqual(['heading', 'list_item', 'list_item', 'list_item', 'list_item']);
		expect(kinds(article, 'heading').map((h) => h.text)).toEqual(['候选人要求', '支持率', '筹款', '候选人承诺']);
		expect(article.meta.byline).toBe('大纪元记者王祥报导');
		expect(article.meta.editor).toBe('林妍');
	});
});

describe('empty body: epoch-n2782312', () => {
	const result = importArticle(bytes(fixture('epoch-n2782312-empty-body')));
	it('imports as a title-only article with a warning', () => {
		expect(result.article.segments).toEqual([{ id: 's1', kind: 'title', text: '华西村：浮华的背后', html: '华西村：浮华的背后' }]);
		expect(result.article.blocks).toEqual([]);
		expect(result.warnings.join(' ')).toMatch(/empty/i);
		expect(result.article.meta.sourceUrl).toBe('https://www.epochtimes.com/gb/10/1/10/n2782312.htm');
		expect(result.article.meta.published).toBe('2010-01-10');
	});
});

describe('markdown with front matter and figcaptions: initium', () => {
	const result = importArticle(bytes(fixture('initium-traditional-markdown-figcaption')));
	const { article } = result;
	it('is markdown in Traditional Chinese, titled from the front matter', () => {
		expect(result.format).toBe('markdown');
		expect(article.lang).toBe('zh-Hant');
		expect(article.segments[0]).toMatchObject({ kind: 'title', text: '一家書店的葬禮，和它告別的時代' });
		expect(article.meta.published).toBe('2018-02-06');
		expect(article.meta.tags).toEqual(['季风书园']);
		expect(article.meta.description).toMatch(/^在官方的間接干預下/);
		expect(article.meta).not.toHaveProperty('sourceUrl');
	});
	it('keeps the quote, the rule, and every image with its caption', () => {
		expect(kinds(article, 'quote').map((q) => q.text)).toEqual(['特約撰稿人 秦寬 海舟 發自北京 上海']);
		expect(article.blocks.filter((b) => b.kind === 'rule')).toHaveLength(1);
		const images = article.blocks.filter((b) => b.kind === 'image');
		expect(images.length).toBeGreaterThanOrEqual(4);
		for (const img of images) {
			expect(img.src).toMatch(/^https:\/\/i\.loli\.net\//);
			const at = article.segments.findIndex((s) => s.id === img.after);
			expect(article.segments[at + 1]!.kind).toBe('caption');
		}
		expect(kinds(article, 'caption')).toHaveLength(images.length);
	});
	it('joins a soft line break inside Chinese text without a space and keeps bold', () => {
		const source = article.segments[1]!;
		expect(source.text).toBe('原文：端传媒 「一家書店的葬禮，和它告別的時代」');
		expect(source.html).toBe('原文：端传媒 <a href="https://theinitium.com/article/20180206-mainland-monsoon-bookstore/">「一家書店的葬禮，和它告別的時代」</a>');
		expect(article.segments.some((s) => s.html === '<strong>「萬物皆有裂痕，但是季風吹進來。」</strong>')).toBe(true);
		expect(kinds(article, 'heading').map((h) => h.text)).toContain('季風吹進來');
		// Deliberate spaces in one line stay.
		expect(article.segments.some((s) => s.text.includes('在上海屹立 20 年'))).toBe(true);
	});
});
