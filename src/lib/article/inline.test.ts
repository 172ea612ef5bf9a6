import { describe, expect, it } from 'vitest';
import { collapseText, isCjk, normalizeTokens, splitAtDoubleBreaks, tokensToText, type Token } from './inline.ts';
import { tokensToHtml } from './sanitize.ts';

const t = (v: string, marks: Partial<Pick<Extract<Token, { t: 'text' }>, 'href' | 'strong' | 'em'>> = {}): Token => ({
	t: 'text',
	v,
	href: null,
	strong: false,
	em: false,
	...marks
});
const br: Token = { t: 'br', href: null, strong: false, em: false };
const norm = (tokens: Token[]) => {
	const n = normalizeTokens(tokens);
	return { text: tokensToText(n), html: tokensToHtml(n) };
};

describe('normalizeTokens', () => {
	it('drops line breaks between Chinese and inline elements (总统普京和)', () => {
		expect(norm([t('\n  对俄罗斯总统\n  '), t('\n   普京\n  ', { href: 'https://e.com/p' }), t('\n  和朝鲜\n ')])).toEqual({
			text: '对俄罗斯总统普京和朝鲜',
			html: '对俄罗斯总统<a href="https://e.com/p">普京</a>和朝鲜'
		});
	});

	it('keeps one space between Latin words across elements, outside the link', () => {
		expect(norm([t('the\n  '), t('\n State\n Department \n', { href: 'https://e.com' }), t('\n said')])).toEqual({
			text: 'the State Department said',
			html: 'the <a href="https://e.com">State Department</a> said'
		});
	});

	it('joins a line break next to CJK punctuation, keeps spaces inside a line', () => {
		expect(norm([t('（Matthew\n Miller）\n表示')]).text).toBe('（Matthew Miller）表示');
		expect(norm([t('2017 年  4 月\t21 日')]).text).toBe('2017 年 4 月 21 日');
		expect(norm([t('“引语”\n  米勒说')]).text).toBe('“引语”米勒说');
	});

	it('trims around line breaks and at the edges; leading/trailing breaks go', () => {
		expect(norm([br, t('  一行  '), br, t('  二行 '), br]).text).toBe('一行\n二行');
		expect(norm([t('\u3000\u3000缩进段落。\u3000')]).text).toBe('缩进段落。');
	});

	it('merges neighbours with the same marks and drops invisible characters', () => {
		expect(norm([t('粗', { strong: true }), t('体\u200b', { strong: true }), t('\u00ad')]).html).toBe('<strong>粗体</strong>');
	});

	it('escapes text, never emitting markup it did not build', () => {
		expect(norm([t('<script>alert(1)</script> & "x"')]).html).toBe('&#x3C;script>alert(1)&#x3C;/script> &#x26; "x"');
		expect(norm([t('x', { href: 'https://e.com/?a="b' })]).html).toBe('<a href="https://e.com/?a=&#x22;b">x</a>');
	});
});

describe('helpers', () => {
	it('splits at two or more breaks', () => {
		const parts = splitAtDoubleBreaks(normalizeTokens([t('一'), br, br, t(' '), br, t('二'), br, t('三')]));
		expect(parts.map((p) => tokensToText(normalizeTokens(p)))).toEqual(['一', '二\n三']);
	});
	it('collapses plain strings', () => expect(collapseText('  a \n b\u00a0 c ')).toBe('a b c'));
	it('knows CJK characters', () => {
		expect(['中', '。', '（', '“', 'あ', '한', '𠮷'].every(isCjk)).toBe(true);
		expect(['a', '1', '’', '(', ' '].some(isCjk)).toBe(false);
	});
});
