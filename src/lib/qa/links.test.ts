import { describe, expect, it } from 'vitest';
import type { TextLink } from '../schema/text.ts';
import { checkLinks, sourceLinks } from './links.ts';

const PUTIN = 'https://www.epochtimes.com/gb/tag/%E6%99%AE%E4%BA%AC.html';
const KIM = 'https://www.epochtimes.com/gb/tag/%E9%87%91%E6%AD%A3%E6%81%A9.html';
// The seed's second paragraph: two tag links.
const SEED_HTML = `在周三的新闻发布会上，美国国务院发言人马修‧米勒（Matthew Miller）对俄罗斯总统<a href="${PUTIN}">普京</a>和朝鲜领导人<a href="${KIM}">金正恩</a>在俄罗斯会晤问题做出回应时，他发出上述警告。`;

const link = (href: string, from = 0, to = 1): TextLink => ({ from, to, href });

describe('checkLinks', () => {
	const table: [string, string, TextLink[], string[]][] = [
		['both links kept', SEED_HTML, [link(PUTIN), link(KIM)], []],
		['Kim link dropped', SEED_HTML, [link(PUTIN)], ['link-missing:warning']],
		['all links dropped', SEED_HTML, [], ['link-missing:warning', 'link-missing:warning']],
		['a link to somewhere else', SEED_HTML, [link(PUTIN), link('https://example.com/')], ['link-missing:warning']],
		['the same address, written differently', SEED_HTML, [link('HTTPS://www.epochtimes.com/gb/tag/%E6%99%AE%E4%BA%AC.html'), link(KIM)], []],
		['no links in the source', '米勒表示：“我们已经采取了一系列行动。”', [], []],
		['same address twice in the source, once in the English', `<a href="${PUTIN}">普京</a>与<a href="${PUTIN}">普京</a>`, [link(PUTIN)], ['link-missing:info']],
		['entities in the source href', `<a href="https://a.example/?x=1&amp;y=2">x</a>`, [link('https://a.example/?x=1&y=2')], []],
		['extra links in the English', SEED_HTML, [link(PUTIN), link(KIM), link('https://example.com/')], []]
	];
	it.each(table)('%s', (_name, html, links, expected) => {
		expect(checkLinks(html, links).map((f) => `${f.code}:${f.severity}`)).toEqual(expected);
	});

	it('names the missing address', () => {
		expect(checkLinks(SEED_HTML, [link(PUTIN)])[0]!.message).toContain(KIM);
	});
});

describe('sourceLinks', () => {
	it('reads double, single and unquoted hrefs in order', () => {
		expect(sourceLinks(`<a href="https://a.example/1">1</a><a class=x href='https://a.example/2'>2</a><a href=https://a.example/3>3</a>`)).toEqual([
			'https://a.example/1',
			'https://a.example/2',
			'https://a.example/3'
		]);
	});
});
