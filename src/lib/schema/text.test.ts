import { describe, expect, it } from 'vitest';
import type { PMNodeJSON } from '../types.ts';
import { targetSchema } from './target.ts';
import { docLinks, docToText, isEmptyDoc, textOffsetToPos, textToDoc } from './text.ts';

// Small builders, as ProseMirror's own tests do.
const t = (text: string, href?: string): PMNodeJSON =>
	href ? { type: 'text', text, marks: [{ type: 'link', attrs: { href } }] } : { type: 'text', text };
const p = (...content: PMNodeJSON[]): PMNodeJSON => ({ type: 'paragraph', content });
const doc = (...content: PMNodeJSON[]): PMNodeJSON => ({ type: 'doc', content });
const br: PMNodeJSON = { type: 'hard_break' };

describe('docToText', () => {
	it('joins paragraphs and hard breaks with newlines', () => {
		expect(docToText(doc(p(t('Putin met')), p(t('Kim'), br, t('Jong Un'))))).toBe('Putin met\nKim\nJong Un');
	});
	it('is empty for null, empty docs and empty paragraphs', () => {
		expect(docToText(null)).toBe('');
		expect(docToText(doc(p()))).toBe('');
		expect(isEmptyDoc(doc(p(t('  '))))).toBe(true);
		expect(isEmptyDoc(doc(p(t('x'))))).toBe(false);
	});
});

describe('docLinks', () => {
	it('reports link ranges in plain-text offsets and merges adjacent runs', () => {
		const d = doc(p(t('Ask '), t('Putin', 'https://a.example/p'), t(' and ')), p(t('Kim', 'https://a.example/k'), t(' Jong', 'https://a.example/k')));
		expect(docLinks(d)).toEqual([
			{ from: 4, to: 9, href: 'https://a.example/p' },
			{ from: 15, to: 23, href: 'https://a.example/k' }
		]);
		expect(docToText(d).slice(15, 23)).toBe('Kim Jong');
	});
});

describe('textToDoc', () => {
	it('round-trips through docToText', () => {
		for (const s of ['', 'one', 'a\nb', 'trailing\n']) expect(docToText(textToDoc(s))).toBe(s);
	});
});

describe('textOffsetToPos', () => {
	it('maps plain-text offsets to positions across hard breaks and paragraphs', () => {
		const d = doc(p(t('Putin met')), p(t('Kim'), br, t('Jong Un')));
		const text = docToText(d); // 'Putin met\nKim\nJong Un'
		expect(textOffsetToPos(d, 0)).toBe(1);
		expect(textOffsetToPos(d, 5)).toBe(6);
		expect(textOffsetToPos(d, 9)).toBe(10); // end of the first paragraph
		expect(textOffsetToPos(d, text.indexOf('Kim'))).toBe(12);
		expect(textOffsetToPos(d, text.indexOf('Jong'))).toBe(16); // after the hard break
		expect(textOffsetToPos(d, text.length)).toBe(23);
		expect(textOffsetToPos(d, 999)).toBe(23);
		expect(textOffsetToPos(null, 3)).toBe(0);
	});
	it('agrees with ProseMirror: a range of the plain text selects the same words in the document', () => {
		const d = doc(p(t('Putin '), t('met', 'https://a.example/')), p(t('Kim'), br, t('Jong Un said  so')));
		const node = targetSchema.nodeFromJSON(d);
		const text = docToText(d);
		for (const word of ['Putin', 'met', 'Kim', 'Jong Un', '  ']) {
			const from = text.indexOf(word);
			expect(node.textBetween(textOffsetToPos(d, from), textOffsetToPos(d, from + word.length))).toBe(word);
		}
	});
});
