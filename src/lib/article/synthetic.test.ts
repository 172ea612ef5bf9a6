// Generalisation: variants of the mirror family and of plain markdown, HTML and text that
// the six fixtures do not show (ARCHITECTURE §5: the importer must not match fixtures).
import { describe, expect, it } from 'vitest';
import type { Article, ImportFormat } from '../types.ts';
import { importArticle } from './index.ts';
import { articleProblems } from './test-helpers.ts';

/** A mirror page around `body` (the inside of div#artbody), with optional lead and footer. */
function mirror(body: string, opts: { lead?: boolean; footer?: 'new' | 'old' | 'none'; title?: string } = {}): string {
	const title = opts.title ?? '测试标题：某地发生某事';
	const lead = opts.lead
		? `<div><img alt="${title}" src="https://i.example.com/lead-600x400.jpg"/>\n<div class="caption">\n 导图说明文字。(AFP)\n</div></div><hr/>`
		: '';
	const footer =
		opts.footer === 'none'
			? ''
			: opts.footer === 'old'
				? '---\n\n原文链接：https://www.example.com/gb/19/3/2/n1.htm'
				: '---\n\n原文链接（需翻墙）：https://www.example.com/gb/19/3/2/n1.htm';
	return `### ${title}

---

#### [首页](../../../..?n1) &nbsp;|&nbsp; [评论](../../../../../epoch-comment?n1) &nbsp;|&nbsp; [翻墙](https://github.com/x/y?n1)


${lead}<div class="post_content" id="artbody" itemprop="articleBody">
 <!-- article content begin -->
${body}
 <!-- article content end -->
 <div id="below_article_ad">
 </div>
</div>


<img src='http://gfw-breaker.win/epoch-news/pages/x/n1.md' width='0px' height='0px'/>

${footer}`;
}

function ok(input: string, format?: ImportFormat) {
	const result = importArticle(input, format ? { format } : {});
	expect(articleProblems(result.article)).toEqual([]);
	return result;
}
const kinds = (a: Article) => a.segments.map((s) => s.kind);

describe('mirror family variants', () => {
	it('without a lead image: title, then the body; no image blocks', () => {
		const { article, format } = ok(mirror(' <p>\n  【大纪元2019年03月02日讯】正文第一段。\n </p>\n <p>\n  第二段。\n </p>'));
		expect(format).toBe('mirror');
		expect(kinds(article)).toEqual(['title', 'paragraph', 'paragraph']);
		expect(article.blocks).toEqual([]);
		expect(article.meta).toEqual({
			sourceUrl: 'https://www.example.com/gb/19/3/2/n1.htm',
			published: '2019-03-02',
			dateline: '大纪元2019年03月02日讯'
		});
	});

	it('older footer without （需翻墙）, and a date from the URL when there is no dateline', () => {
		const { article } = ok(mirror(' <p>正文。</p>', { footer: 'old', lead: true }));
		expect(article.meta.sourceUrl).toBe('https://www.example.com/gb/19/3/2/n1.htm');
		expect(article.meta.published).toBe('2019-03-02');
		expect(article.meta).not.toHaveProperty('dateline');
		expect(kinds(article)).toEqual(['title', 'caption', 'paragraph']);
		expect(article.blocks).toEqual([{ kind: 'image', after: 's1', src: 'https://i.example.com/lead-600x400.jpg', alt: '测试标题：某地发生某事' }]);
	});

	it('tables, blockquotes, embeds, ordered lists, rules and h2/h3/h4', () => {
		const body = ` <h2>\n  第一部分\n </h2>
 <p>说明：</p>
 <table>
  <caption>表一：数据</caption>
  <thead><tr><th>年份</th><th>产量</th></tr></thead>
  <tbody><tr><td>2018\n</td><td> 70.5% </td></tr><tr><td>2019</td><td>62%</td></tr></tbody>
 </table>
 <blockquote>
  <p>引文第一段，<ok href="https://www.example.com/tag/a.html">链接</ok>。</p>
  <p>引文第二段。</p>
 </blockquote>
 <h3>视频</h3>
 <iframe src="https://www.youtube.com/embed/abc" title="采访视频" width="560" height="315"></iframe>
 <ol><li>第一条</li><li>第二条<ul><li>子项</li></ul></li></ol>
 <hr/>
 <h4>结语</h4>
 <p>最后一段。</p>
 <p>（责任编辑：张三）</p>`;
		const { article } = ok(mirror(body, { lead: true }));
		expect(kinds(article)).toEqual([
			'title', 'caption', 'heading', 'paragraph', 'caption', 'quote', 'quote', 'heading',
			'list_item', 'list_item', 'list_item', 'heading', 'paragraph', 'credit'
		]);
		const byKind = (k: string) => article.blocks.filter((b) => b.kind === k);
		expect(byKind('table')).toEqual([{ kind: 'table', after: 's5', rows: [['年份', '产量'], ['2018', '70.5%'], ['2019', '62%']] }]);
		expect(byKind('embed')).toEqual([{ kind: 'embed', after: 's8', src: 'https://www.youtube.com/embed/abc', alt: '采访视频' }]);
		expect(byKind('rule')).toEqual([{ kind: 'rule', after: 's11' }]);
		expect(article.segments[5]!.html).toBe('引文第一段，<a href="https://www.example.com/tag/a.html">链接</a>。');
		expect(article.segments[10]!.text).toBe('子项');
		expect(article.segments.at(-1)!.text).toBe('（责任编辑：张三）');
		expect(article.meta.editor).toBe('张三');
	});

	it('a long photo essay keeps every picture in place, in order', () => {
		const n = 300;
		const figures = Array.from(
			{ length: n },
			(_, i) => ` <figure class="wp-caption aligncenter" style="width: 600px">
  <ok href="https://i.example.com/big-${i}.jpg" target="_blank"><img alt="" src="https://i.example.com/p-${i}-600x400.jpg"/></ok>
  <br/><figcaption class="wp-caption-text">\n   第${i}张图片的说明。(摄影)\n  </figcaption><br/>
 </figure><br/>
 <p>第${i}段正文。</p>`
		).join('\n');
		const { article } = ok(mirror(figures));
		const images = article.blocks.filter((b) => b.kind === 'image');
		expect(images).toHaveLength(n);
		expect(article.segments).toHaveLength(1 + 2 * n);
		images.forEach((img, i) => {
			expect(img.src).toBe(`https://i.example.com/p-${i}-600x400.jpg`);
			const at = article.segments.findIndex((s) => s.id === img.after);
			expect(article.segments[at + 1]).toMatchObject({ kind: 'caption', text: `第${i}张图片的说明。(摄影)` });
			expect(article.segments[at + 2]).toMatchObject({ kind: 'paragraph', text: `第${i}段正文。` });
		});
	});

	it('drops every tracking image and hidden element, wherever it is', () => {
		const body = ` <p>正文<img src="https://stats.example.com/p.gif" width="1" height="1"/>继续。</p>
 <p style="display: none">隐藏的文字</p>
 <p hidden>也隐藏</p>
 <img src='http://gfw-breaker.win/track.png'/>`;
		const { article } = ok(mirror(body));
		expect(article.segments.map((s) => s.text)).toEqual(['测试标题：某地发生某事', '正文继续。']);
		expect(article.blocks).toEqual([]);
	});
});

describe('whitespace', () => {
	it('joins line breaks next to Chinese without a space, and keeps one between Latin words', () => {
		const html = `<p>\n  俄罗斯总统\n  <a href="https://e.com/a">\n   普京\n  </a>\n  和朝鲜领导人\n</p>
<p>The\n  <a href="https://e.com/b">\n   State Department\n  </a>\n  said\n  on  Wednesday.</p>
<p>美国国务院发言人马修‧米勒（Matthew\n  Miller）表示</p>
<p>2017 年 4 月&nbsp;21 日\u3000消息</p>`;
		const { article } = ok(html, 'html');
		expect(article.segments.map((s) => s.text)).toEqual([
			'俄罗斯总统普京和朝鲜领导人',
			'The State Department said on Wednesday.',
			'美国国务院发言人马修‧米勒（Matthew Miller）表示',
			'2017 年 4 月 21 日\u3000消息'
		]);
		expect(article.segments[0]!.html).toBe('俄罗斯总统<a href="https://e.com/a">普京</a>和朝鲜领导人');
		expect(article.segments[1]!.html).toBe('The <a href="https://e.com/b">State Department</a> said on Wednesday.');
	});

	it('drops empty paragraphs and splits at <br><br>', () => {
		const { article } = ok('<p>&nbsp;</p><p> <br> </p><p>第一段<br/><br/>\n第二段<br>同段</p><p>\u200b</p>', 'html');
		expect(article.segments.map((s) => s.text)).toEqual(['第一段', '第二段\n同段']);
	});
});

describe('markdown', () => {
	const md = `---
title: "标题：测试"
date: 2024-05-06T08:00:00+08:00
description: 摘要
tags: [甲, 乙]
author: 王五
source: https://news.example.com/a/1
unknown: ignored
---

# 标题：测试

导语**加粗**与*斜体*，[链接](https://example.com/x)和[相对链接](/rel)。

## 小标题

- 项目一
- 项目二
  1. 子项目

> 引用一段
> 第二行

| 城市 | 人口 |
| --- | ---: |
| 北京 | 2189万 |

![图片说明](https://img.example.com/a.jpg)

<figcaption>图：北京街景</figcaption>

***

最后一段。`;

	it('reads front matter, headings, lists, quotes, tables, images and captions', () => {
		const { article, format, warnings } = ok(md);
		expect(format).toBe('markdown');
		expect(warnings).toEqual([]);
		expect(article.meta).toEqual({
			sourceUrl: 'https://news.example.com/a/1',
			published: '2024-05-06',
			byline: '王五',
			description: '摘要',
			tags: ['甲', '乙']
		});
		// The opening "# 标题：测试" repeats the front-matter title: imported once.
		expect(article.segments.map((s) => [s.kind, s.text])).toEqual([
			['title', '标题：测试'],
			['paragraph', '导语加粗与斜体，链接和相对链接。'],
			['heading', '小标题'],
			['list_item', '项目一'],
			['list_item', '项目二'],
			['list_item', '子项目'],
			['quote', '引用一段第二行'],
			['caption', '图：北京街景'],
			['paragraph', '最后一段。']
		]);
		expect(article.segments[1]!.html).toBe('导语<strong>加粗</strong>与<em>斜体</em>，<a href="https://example.com/x">链接</a>和相对链接。');
		expect(article.blocks).toEqual([
			{ kind: 'table', after: 's7', rows: [['城市', '人口'], ['北京', '2189万']] },
			{ kind: 'image', after: 's7', src: 'https://img.example.com/a.jpg', alt: '图片说明' },
			{ kind: 'rule', after: 's8' }
		]);
	});

	it('without front matter, an opening heading is the title; otherwise there is none', () => {
		expect(ok('## 小标题做标题\n\n正文。').article.segments.map((s) => s.kind)).toEqual(['title', 'paragraph']);
		const untitled = ok('正文第一段，有[链接](https://e.com)。\n\n第二段。');
		expect(untitled.article.segments.map((s) => s.kind)).toEqual(['paragraph', 'paragraph']);
		expect(untitled.article.title).toBe('正文第一段，有链接。');
		expect(untitled.warnings.join(' ')).toMatch(/title/i);
	});

	it('an image before any text is anchored with after: null', () => {
		const { article } = ok('![](https://img.example.com/first.jpg)\n\n正文。', 'markdown');
		expect(article.blocks[0]).toEqual({ kind: 'image', after: null, src: 'https://img.example.com/first.jpg' });
		// A title is always s1, so a picture above the heading follows the title.
		const titled = ok('![](https://img.example.com/first.jpg)\n\n# 标题\n\n正文。', 'markdown');
		expect(titled.article.blocks[0]!.after).toBe('s1');
	});

	it('bad YAML front matter is a warning, not an error', () => {
		const { warnings, article } = ok('---\ntitle: [unclosed\n---\n\n正文。', 'markdown');
		expect(warnings.join(' ')).toMatch(/front matter/);
		expect(article.segments.map((s) => s.text)).toEqual(['正文。']);
	});
});

describe('HTML pages', () => {
	const page = `<!doctype html>
<html lang="zh-CN"><head>
<meta charset="utf-8"><title>页面标题 - 新闻网</title>
<meta property="og:title" content="新闻标题">
<meta name="description" content="新闻摘要">
<meta property="article:published_time" content="2022-11-30T10:00:00Z">
<link rel="canonical" href="https://news.example.com/2022/11/30/x.html">
<script>window.bad = 1</script><style>p{color:red}</style>
</head><body>
<nav><a href="/">首页</a><a href="/world">国际</a></nav>
<header><h1>新闻标题</h1></header>
<article>
 <p class="byline">（中央社記者張三台北30日電）</p>
 <p>第一段<script>alert(1)</script>正文，<a href="javascript:alert(1)">坏链接</a>，<a href="/relative">相对</a>，<a href="mailto:desk@example.com">来信</a>。</p>
 <figure><img data-src="https://img.example.com/lazy.jpg" src="data:image/gif;base64,R0lGOD"><figcaption>懒加载图片</figcaption></figure>
 <img src="/relative.jpg" alt="相对图片">
 <video><source src="https://video.example.com/v.mp4"></video>
 <div aria-hidden="true">装饰</div>
 <p>最后一段。</p>
</article>
<footer>版权所有</footer>
</body></html>`;

	it('takes the article element, the h1 title and the head metadata', () => {
		const { article, format, warnings } = ok(page);
		expect(format).toBe('html');
		expect(article.segments.map((s) => [s.kind, s.text])).toEqual([
			['title', '新闻标题'],
			['paragraph', '（中央社記者張三台北30日電）'],
			['paragraph', '第一段正文，坏链接，相对，来信。'],
			['caption', '懒加载图片'],
			['paragraph', '最后一段。']
		]);
		expect(article.segments[2]!.html).toBe('第一段正文，坏链接，相对，<a href="mailto:desk@example.com">来信</a>。');
		expect(article.blocks).toEqual([
			{ kind: 'image', after: 's3', src: 'https://img.example.com/lazy.jpg' },
			{ kind: 'embed', after: 's4', src: 'https://video.example.com/v.mp4' }
		]);
		expect(article.meta).toEqual({
			sourceUrl: 'https://news.example.com/2022/11/30/x.html',
			published: '2022-11-30',
			byline: '中央社記者張三台北30日電',
			description: '新闻摘要'
		});
		expect(warnings.join(' ')).toMatch(/1 image was left out/);
	});

	it('a fragment without h1 uses no title; with <title> only, that becomes the title', () => {
		expect(ok('<p>只有一段。</p><p>第二段。</p>', 'html').article.segments.map((s) => s.kind)).toEqual(['paragraph', 'paragraph']);
		const titled = ok('<html><head><title>页面标题</title></head><body><p>正文。</p></body></html>');
		expect(titled.article.segments.map((s) => [s.kind, s.text])).toEqual([['title', '页面标题'], ['paragraph', '正文。']]);
		// The declared title wins over an opening subhead; an h1 wins over both.
		const declared = ok('<html><head><title>页面标题</title></head><body><h2>小标题</h2><p>正文。</p></body></html>');
		expect(declared.article.segments.map((s) => s.kind)).toEqual(['title', 'heading', 'paragraph']);
		expect(declared.article.title).toBe('页面标题');
		const h1 = ok('<html><head><title>页面标题</title></head><body><h2>小标题</h2><h1>真标题</h1><p>正文。</p></body></html>');
		expect(h1.article.segments.map((s) => [s.kind, s.text])).toEqual([['title', '真标题'], ['heading', '小标题'], ['paragraph', '正文。']]);
	});

	it('a layout table is read as content, a data table as a block', () => {
		const { article } = ok('<table><tr><td><h1>标题</h1><p>正文一。</p><p>正文二。</p></td></tr></table>', 'html');
		expect(article.segments.map((s) => s.kind)).toEqual(['title', 'paragraph', 'paragraph']);
		expect(article.blocks).toEqual([]);
	});
});

describe('plain text', () => {
	it('one paragraph per line when there are no blank lines; a short first line is the title', () => {
		const { article, format } = ok('美将祭制裁\n第一段。\n第二段<script>alert(1)</script>。\n');
		expect(format).toBe('text');
		expect(article.segments.map((s) => [s.kind, s.text])).toEqual([
			['title', '美将祭制裁'],
			['paragraph', '第一段。'],
			['paragraph', '第二段<script>alert(1)</script>。']
		]);
		expect(article.segments[2]!.html).toBe('第二段&#x3C;script>alert(1)&#x3C;/script>。');
		expect(article.meta).toEqual({});
	});

	it('blank-line paragraphs join their wrapped lines', () => {
		const { article } = ok('标题\n\n第一段第一行\n第一段第二行。\n\nThe second\nparagraph.', 'text');
		expect(article.segments.map((s) => s.text)).toEqual(['标题', '第一段第一行第一段第二行。', 'The second paragraph.']);
	});

	it('a first line that reads like a sentence is not a title', () => {
		const { article } = ok('这是一个完整的句子。\n另一句。', 'text');
		expect(article.segments.map((s) => s.kind)).toEqual(['paragraph', 'paragraph']);
	});

	it('recognises the dateline and the credit in any format', () => {
		const { article } = ok('【大纪元2020年2月29日讯】（大纪元记者李四报导）正文。\n責任編輯：王五', 'text');
		expect(article.meta).toEqual({ dateline: '大纪元2020年2月29日讯', published: '2020-02-29', byline: '大纪元记者李四报导', editor: '王五' });
		expect(article.segments.map((s) => s.kind)).toEqual(['paragraph', 'credit']);
	});
});

describe('large articles', () => {
	it('imports 20,000 HTML paragraphs (no quadratic walk)', () => {
		const { article } = ok('<article>' + '<p>段落\n文字。</p>'.repeat(20_000) + '</article>', 'html');
		expect(article.segments).toHaveLength(20_000);
		expect(article.segments[19_999]).toEqual({ id: 's20000', kind: 'paragraph', text: '段落文字。', html: '段落文字。' });
	});

	it('imports 2,000 paragraphs with every id in order', () => {
		const md = '# 标题\n\n' + Array.from({ length: 2000 }, (_, i) => `第${i + 1}段，**重点**与[链接](https://e.com/${i})。`).join('\n\n');
		const { article } = ok(md);
		expect(article.segments).toHaveLength(2001);
		expect(article.segments[2000]).toMatchObject({ id: 's2001', text: '第2000段，重点与链接。' });
	});
});
