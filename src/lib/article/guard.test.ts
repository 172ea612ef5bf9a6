// Bad input: refused with a clear ImportError, quickly and without overflowing the stack.
import { describe, expect, it } from 'vitest';
import type { ImportFormat } from '../types.ts';
import { ImportError, importArticle, MAX_ARTICLE_BYTES } from './index.ts';
import { guardTree, htmlTagDepth, treeDepth } from './guard.ts';
import { MAX_NESTING } from './limits.ts';

function refusal(input: Uint8Array | string, format: ImportFormat = 'auto'): ImportError {
	try {
		importArticle(input, { format });
	} catch (err) {
		if (err instanceof ImportError) return err;
		throw err;
	}
	throw new Error('expected the input to be refused');
}

const enc = (s: string) => new TextEncoder().encode(s);

describe('encoding, size and binary data', () => {
	it('refuses bytes that are not UTF-8 (GBK) with a hint', () => {
		// "美国" in GBK
		const e = refusal(new Uint8Array([0xc3, 0xc0, 0xb9, 0xfa, 0x0a]));
		expect(e.code).toBe('not_utf8');
		expect(e.message).toMatch(/UTF-8/);
	});

	it('refuses a truncated UTF-8 sequence', () => {
		const bytes = enc('美国国务院');
		expect(refusal(bytes.subarray(0, bytes.length - 1)).code).toBe('not_utf8');
	});

	it('refuses more than MAX_ARTICLE_BYTES, as bytes and as a string', () => {
		expect(MAX_ARTICLE_BYTES).toBe(5 * 1024 * 1024);
		expect(refusal(new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x61)).code).toBe('too_large');
		// 1.8 M Chinese characters are 5.4 MB in UTF-8 though only 1.8 M UTF-16 units.
		expect(refusal('中'.repeat(1_800_000)).code).toBe('too_large');
	});

	it('accepts exactly MAX_ARTICLE_BYTES', () => {
		const text = '标题\n\n' + 'a'.repeat(MAX_ARTICLE_BYTES - enc('标题\n\n').length);
		expect(enc(text).length).toBe(MAX_ARTICLE_BYTES);
		expect(importArticle(text, { format: 'text' }).article.segments).toHaveLength(2);
	});

	it('refuses binary data and names common file types', () => {
		expect(refusal(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])).message).toMatch(/image/);
		expect(refusal(new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 0, 0])).message).toMatch(/ZIP/);
		expect(refusal(new Uint8Array([0xff, 0xfe, 0x8e, 0x7f, 0xfd, 0x56])).message).toMatch(/UTF-16/);
		expect(refusal(enc('正文\u0000正文')).code).toBe('binary');
		expect(refusal('正文\u0000').code).toBe('binary');
		const noisy = Array.from({ length: 400 }, (_, i) => String.fromCharCode(1 + (i % 7)) + '字').join('');
		expect(refusal(noisy).code).toBe('binary');
	});

	it('tolerates a BOM, CRLF line ends and a stray control character', () => {
		const { article } = importArticle(enc('\ufeff标题\r\n第一段\u0007。\r\n'));
		expect(article.segments.map((s) => s.text)).toEqual(['标题', '第一段。']);
	});

	it('refuses an unknown format name', () => {
		expect(refusal('正文', 'docx' as ImportFormat).code).toBe('bad_format');
	});
});

describe('no text at all', () => {
	for (const [name, input] of [
		['empty', ''],
		['whitespace', ' \n\t\u3000\n'],
		['only markup', '<div><img src="https://e.com/a.jpg"><script>alert(1)</script></div>'],
		['only front matter', '---\ndescription: x\n---\n'],
		['only rules', '---\n\n***\n']
	] as const) {
		it(`refuses ${name}`, () => {
			const e = refusal(input, name === 'only rules' ? 'markdown' : 'auto');
			expect(e.code).toBe('no_text');
			expect(e.message).toMatch(/text|empty/);
		});
	}
});

describe('nesting bombs', () => {
	const N = 100_000;
	const cases: [string, string, ImportFormat][] = [
		['100,000 nested divs as HTML', '<div>'.repeat(N) + 'x' + '</div>'.repeat(N), 'html'],
		['100,000 nested divs in markdown', '# 标题\n\n' + '<div>'.repeat(N) + 'x', 'markdown'],
		['100,000 nested spans in a mirror page', '### 标题\n\n<div id="artbody"><p>' + '<span>'.repeat(N) + '正文</p></div>\n\n原文链接：https://e.com/n1.htm', 'mirror'],
		['100,000 nested <b> detected as auto', '<p>' + '<b>'.repeat(N) + 'x', 'auto'],
		['nested quotes', '>'.repeat(N) + ' x', 'markdown'],
		['nested lists', '- '.repeat(20_000) + 'x', 'markdown'],
		['quote prefixes growing line by line', Array.from({ length: 300 }, (_, i) => '>'.repeat(i + 1) + ' x').join('\n'), 'markdown'],
		['nested brackets', '['.repeat(N) + 'x' + ']'.repeat(N), 'markdown'],
		['nested images', '!['.repeat(20_000) + 'x' + '](u)'.repeat(20_000), 'markdown'],
		['a long emphasis run', '*'.repeat(N) + 'x' + '*'.repeat(N), 'markdown'],
		['many emphasis openers', '*a '.repeat(20_000) + 'x' + ' b*'.repeat(20_000), 'markdown'],
		['an unclosed front matter of 200,000 lines', '---\n' + 'a: b\n'.repeat(200_000), 'markdown']
	];
	for (const [name, input, format] of cases) {
		it(`refuses ${name}`, () => {
			const e = refusal(input, format);
			expect(e.code).toBe('too_deep');
			expect(e.message).toMatch(/deep|nest|run|markers/);
		});
	}

	it('accepts legitimate nesting', () => {
		const html = '<div>'.repeat(40) + '<p>正文<b><i><a href="https://e.com">链接</a></i></b></p>' + '</div>'.repeat(40);
		expect(importArticle(html, { format: 'html' }).article.segments[0]!.html).toBe('正文<a href="https://e.com/"><strong><em>链接</em></strong></a>');
		const md = '> - 一\n>   - 二\n>     - 三\n\n姓名：__________ **粗体** [链接](https://e.com) <https://e.com/auto>';
		expect(importArticle(md, { format: 'markdown' }).article.segments.length).toBeGreaterThan(2);
		// A tight list and a big raw-HTML block are many lines without a blank one, legitimately.
		const list = '# 清单\n\n' + Array.from({ length: 3000 }, (_, i) => `- 第${i}项`).join('\n');
		expect(importArticle(list, { format: 'markdown' }).article.segments).toHaveLength(3001);
		const block = '<div id="artbody">\n' + '<p>\n 段落。\n</p>\n'.repeat(1000) + '</div>';
		expect(importArticle(block, { format: 'markdown' }).article.segments).toHaveLength(1000);
	});

	it('reads any number of blank lines as one paragraph break', () => {
		const { article } = importArticle('标题\n' + '\n'.repeat(4_000_000) + '正文。\n\n  \n\t\n\n结尾。', { format: 'markdown' });
		expect(article.segments.map((s) => s.text)).toEqual(['标题', '正文。', '结尾。']);
	});

	it('estimates depth without counting void, self-closing-by-parser or autolink tags', () => {
		expect(htmlTagDepth('<p>a<p>b<p>c<br><img src=x><li>d<li>e')).toBe(0);
		expect(htmlTagDepth('<div><div></div><div><span>x</span></div></div>')).toBe(3);
		expect(htmlTagDepth('<https://a.example/x> <a@b.c> <' + 'x '.repeat(10))).toBe(0);
		expect(htmlTagDepth('<div>'.repeat(MAX_NESTING + 10))).toBeGreaterThan(MAX_NESTING);
	});

	it('measures and guards trees iteratively', () => {
		// A tree far deeper than any recursion could walk.
		type N = { type: string; children: N[] };
		const root: N = { type: 'root', children: [] };
		let node = root;
		for (let i = 0; i < 200_000; i++) {
			const child: N = { type: 'element', children: [] };
			node.children.push(child);
			node = child;
		}
		expect(treeDepth(root)).toBe(200_000);
		expect(() => guardTree(root)).toThrow(ImportError);
	});
});
