import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect.ts';

describe('detectFormat', () => {
	it('recognises the mirror by two of its marks', () => {
		expect(detectFormat('### 标题\n\n<div id="artbody"><p>x</p></div>\n\n原文链接：https://e.com/n1.htm')).toBe('mirror');
		expect(detectFormat('#### [首页](../..?n1) | [评论](../x)\n\n<ok href="https://e.com">x</ok>')).toBe('mirror');
		// One mark alone is not enough: a markdown article may quote a footer line.
		expect(detectFormat('# 标题\n\n原文链接：https://e.com/n1.htm')).toBe('markdown');
	});
	it('recognises HTML documents and fragments', () => {
		expect(detectFormat('<!DOCTYPE html><html><body><p>x</p></body></html>')).toBe('html');
		expect(detectFormat('  <p>第一段</p>\n<p>第二段</p>')).toBe('html');
		expect(detectFormat('<article><h1>x</h1></article>')).toBe('html');
	});
	it('recognises markdown by front matter or markdown-only syntax', () => {
		expect(detectFormat('---\ntitle: x\n---\n\n正文')).toBe('markdown');
		expect(detectFormat('## 小标题\n\n正文')).toBe('markdown');
		expect(detectFormat('正文[链接](https://e.com)。')).toBe('markdown');
		expect(detectFormat('正文**重点**。')).toBe('markdown');
		expect(detectFormat('| a | b |\n| --- | --- |\n| 1 | 2 |')).toBe('markdown');
		expect(detectFormat('清单：\n\n- 一\n- 二\n')).toBe('markdown');
	});
	it('falls back to plain text', () => {
		expect(detectFormat('标题\n第一段。\n第二段。')).toBe('text');
		expect(detectFormat('1. 第一点\n2. 第二点')).toBe('text'); // numbered lines without blank lines
		expect(detectFormat('a < b and c > d')).toBe('text');
	});
});
