// English-only exports: HTML (valid, attributed, untranslated pairs left out) and
// Markdown (escaped so text never becomes syntax; safe links only).
import type { Element } from 'hast';
import { toText } from 'hast-util-to-text';
import { HtmlValidate } from 'html-validate';
import type { Nodes as MdNodes, Parent as MdParent } from 'mdast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { docToText, textToDoc } from '../schema/text.ts';
import type { PMNodeJSON } from '../types.ts';
import { englishHtml } from './english-html.ts';
import { SEED_ROWS, SEED_SOURCE_URL, seedInput } from './fixtures.test-helpers.ts';
import { englishMarkdown, escapeMarkdown } from './markdown.ts';
import { htmlProblems, jsonLdBlocks, markdownProblems, parseHtml, parseMarkdown } from './safety.test-helpers.ts';

describe('englishHtml', () => {
	it('passes html-validate (recommended), is safe, and holds every English segment in order', async () => {
		const input = seedInput();
		const html = englishHtml(input);
		const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(html);
		expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
		expect(htmlProblems(html)).toEqual([]);
		const text = toText(parseHtml(html));
		let at = 0;
		for (const s of input.article.segments) {
			const i = text.indexOf(docToText(input.targets[s.id]), at);
			expect(i, s.id).toBeGreaterThanOrEqual(at);
			at = i;
		}
		expect(jsonLdBlocks(html)).toHaveLength(1);
	});

	it('attributes the source (original title and link, date, byline, credits) and leaves untranslated pairs out', () => {
		const input = seedInput();
		input.targets.s5 = null;
		const tree = parseHtml(englishHtml(input));
		const text = toText(tree);
		const attribution = toText(
			(() => {
				let found: Element | undefined;
				visit(tree, 'element', (el: Element) => {
					if (Array.isArray(el.properties.className) && el.properties.className.includes('attribution')) found = el;
				});
				return found!;
			})()
		);
		for (const s of [SEED_ROWS[0]![1], SEED_SOURCE_URL, '2023-09-13', '大纪元记者夏雨综合报导', 'Alice Chen, Bo Li', 'Dana Wu']) expect(attribution).toContain(s);
		expect(text).not.toContain(SEED_ROWS[4]![2].slice(1, 40));
		// No Chinese body text: only the attribution, image alt and fact-check quote are Chinese.
		expect(text).not.toContain(SEED_ROWS[3]![1]);
	});
});

/** Plain text of an mdast node (text and inline code values; breaks as newlines). */
function mdText(node: MdNodes): string {
	if (node.type === 'text' || node.type === 'inlineCode') return node.value;
	if (node.type === 'break') return '\n';
	return 'children' in node ? (node as MdParent).children.map((c) => mdText(c as MdNodes)).join('') : '';
}

describe('englishMarkdown', () => {
	it('has the title, the attribution with a safe source link, and every English segment in order', () => {
		const input = seedInput();
		const md = englishMarkdown(input);
		expect(markdownProblems(md)).toEqual([]);
		const tree = parseMarkdown(md);
		const blocks = tree.children.map((n) => mdText(n));
		expect(tree.children[0]!.type).toBe('heading');
		expect(blocks[0]).toBe(SEED_ROWS[0]![2]);
		const links: string[] = [];
		visit(tree, 'link', (l) => {
			links.push(l.url);
		});
		expect(links).toContain(SEED_SOURCE_URL);
		expect(links).toContain('https://www.epochtimes.com/gb/tag/%E6%99%AE%E4%BA%AC.html');
		let at = 0;
		for (const s of input.article.segments) {
			const i = blocks.indexOf(docToText(input.targets[s.id]), at);
			expect(i, s.id).toBeGreaterThanOrEqual(at);
			at = i;
		}
		// The resolved claim is a GFM footnote; the open one is not there.
		expect(md).toContain('[^1]: **Mostly true.**');
		expect(md).not.toContain('[^2]');
	});

	it('escapes text so that it never becomes Markdown syntax, and keeps it exactly', () => {
		const lines = [
			'# not a heading',
			'1. not a list',
			'2) nor this',
			'- not a bullet',
			'+ nor this',
			'* nor this',
			'> not a quote',
			'    not code',
			'=== not a setext rule',
			'--- not a rule',
			'*not em* _nor_ **strong** `code` ~~strike~~ [link](http://example.com) ![img](http://x/i.png) <b>raw</b> <http://auto> &amp; &#106; | a | b | \\ back\\slash [^1] <!-- c -->',
			'Item #',
			'bare http://example.com/a_b?c=1&d=*2* and www.example.com/x_y and https://e.com]'
		];
		const doc: PMNodeJSON = { type: 'doc', content: lines.map((l) => ({ type: 'paragraph', content: [{ type: 'text', text: l }] })) };
		const input = seedInput();
		input.targets.s3 = doc;
		const md = englishMarkdown(input);
		expect(markdownProblems(md)).toEqual([]);
		const tree = parseMarkdown(md);
		const para = tree.children.find((n) => mdText(n).startsWith('# not a heading'))!;
		expect(para.type).toBe('paragraph');
		// Indentation is dropped (it would make code); everything else is kept character for character.
		expect(mdText(para)).toBe(lines.map((l) => l.trimStart()).join('\n'));
		const kinds = new Set<string>();
		visit(para, (n) => {
			kinds.add(n.type);
		});
		// Bare http(s)/www URLs may become GFM autolinks (safe schemes; markdownProblems checked
		// every URL above) — nothing else may become syntax.
		expect([...kinds].filter((k) => !['break', 'paragraph', 'text', 'link'].includes(k))).toEqual([]);
	});

	it('writes marks as emphasis and only safe links', () => {
		const input = seedInput();
		input.targets.s3 = {
			type: 'doc',
			content: [
				{
					type: 'paragraph',
					content: [
						{ type: 'text', text: 'Bold ', marks: [{ type: 'strong' }] },
						{ type: 'text', text: 'italic', marks: [{ type: 'em' }] },
						{ type: 'text', text: ' safe', marks: [{ type: 'link', attrs: { href: 'https://example.com/a b)' } }] },
						{ type: 'text', text: ' unsafe', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }
					]
				}
			]
		};
		const md = englishMarkdown(input);
		const para = parseMarkdown(md).children.find((n) => mdText(n).startsWith('Bold'))!;
		const types: string[] = [];
		const urls: string[] = [];
		visit(para, (n) => {
			types.push(n.type);
			if (n.type === 'link') urls.push(n.url);
		});
		expect(types).toContain('strong');
		expect(types).toContain('emphasis');
		expect(urls).toEqual(['https://example.com/a%20b)']);
		expect(mdText(para)).toBe('Bold italic safe unsafe');
	});

	it('leaves untranslated pairs out', () => {
		const input = seedInput();
		input.targets.s5 = textToDoc('');
		expect(englishMarkdown(input)).not.toContain('brokered arms sales');
	});

	it('escapeMarkdown turns newlines into hard breaks', () => {
		const tree = parseMarkdown(escapeMarkdown('a\n- b'));
		expect(tree.children.map((n) => n.type)).toEqual(['paragraph']);
		expect(mdText(tree.children[0]!)).toBe('a\n- b');
	});
});
