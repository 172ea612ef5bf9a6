// Numbers in English text, read tolerantly: 350 million, 350,000,000, 350m, 3.5bn, 12,000,
// twelve thousand, a dozen, 18th, third, World War II, 5%, 5 percent, 5 percentage points,
// with the qualifier around them (more than / over / 18-plus → more; nearly / almost /
// under → less). Pure, table-driven; offsets are UTF-16 offsets into the text.
import type { Approx, QuantityUnit } from './zh-numbers.ts';

/** A number in the English. */
export interface EnNumber {
	value: number;
	/** A second reading: “three decades” is 3 and 30 (years). */
	alt?: number;
	from: number;
	to: number;
	approx?: Approx;
	unit?: QuantityUnit;
	/** Words that only sometimes mean a number (both, twice, decade): never blamed as wrong. */
	weak?: boolean;
}

const SMALL: Record<string, number> = {
	zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
	eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
	eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
	eighty: 80, ninety: 90
};
const ORDINALS: Record<string, number> = {
	first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
	tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16,
	seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40,
	fiftieth: 50, sixtieth: 60, seventieth: 70, eightieth: 80, ninetieth: 90, hundredth: 100
};
const SCALE_WORDS: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const SCALE_SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, b: 1e9, bn: 1e9, tn: 1e12, trn: 1e12 };
/** Words that stand for a number on their own. */
const WEAK_WORDS: Record<string, number> = { both: 2, twice: 2, pair: 2, couple: 2, double: 2, thrice: 3, dozen: 12, decade: 10, century: 100 };
const ROMAN: Record<string, number> = { II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9, X: 10, XI: 11, XII: 12, XIII: 13, XIV: 14, XV: 15 };

const CURRENCY_BEFORE = /(?:US\$|HK\$|NT\$|[$€£¥￥]|\b(?:RMB|USD|CNY|EUR)\s?)$/;
const MORE_BEFORE = /\b(?:more than|over|upwards? of|in excess of|above|exceeding|beyond|north of|greater than|longer than|higher than|at least|topping)\s+(?:(?:a|an|the|some)\s+)?$/i;
const LESS_BEFORE = /\b(?:nearly|almost|close to|about|around|roughly|approximately|some|just under|under|less than|fewer than|not quite|up to|approaching|short of|just shy of|barely|nigh on)\s+(?:(?:a|an|the)\s+)?$/i;
const MORE_AFTER = /^(?:\s?\+|-?\s?plus\b|-odd\b|\s+odd\b|\s+or (?:more|longer|above)\b|\s+and (?:more|counting|up)\b)/i;
const LESS_AFTER = /^\s+or (?:less|fewer|so)\b/i;
const PP_AFTER = /^\s*-?\s*(?:percentage[- ]points?|points?\b|pp\b|ppts?\b)/i;
const PERCENT_AFTER = /^\s*(?:%|percent\b|per cent\b)/i;

const DIGITS = /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?!\d)(?:st|nd|rd|th)?/g;
const SCALE_AFTER = /^(?:[\s-]+(hundred|thousand|million|billion|trillion)\b|(k|m|mn|mln|b|bn|tn|trn)\b)/i;
const DECADES_AFTER = /^[\s-]+(decades?|century|centuries)\b/i;
const WORD = /[A-Za-z]+/g;

/**
 * Every number in the English, in order, with its qualifier and unit. Digits glued to
 * letters count (G20, MH17, 5G), as the source writes them the same way.
 */
export function scanEnNumbers(text: string): EnNumber[] {
	const out: EnNumber[] = [];
	for (const m of text.matchAll(DIGITS)) {
		let value = Number(m[1]!.replace(/,/g, '') + (m[2] ?? ''));
		let to = m.index + m[0].length;
		const scale = SCALE_AFTER.exec(text.slice(to));
		if (scale) {
			value *= SCALE_WORDS[(scale[1] ?? '').toLowerCase()] ?? SCALE_SUFFIX[(scale[2] ?? '').toLowerCase()]!;
			to += scale[0].length;
		}
		out.push(annotate(text, { value, from: m.index, to }));
	}
	out.push(...scanWords(text));
	for (const m of text.matchAll(/(?<=\b[A-Z][a-z]+ )([IVX]{2,4})\b/g)) {
		const value = ROMAN[m[1]!];
		if (value) out.push({ value, from: m.index, to: m.index + m[0].length });
	}
	return out.sort((a, b) => a.from - b.from);
}

/** Number words: “twelve thousand”, “a million”, “twenty-first”, “both”, “three decades”. */
function scanWords(text: string): EnNumber[] {
	const words = [...text.matchAll(WORD)].map((m) => ({ w: m[0].toLowerCase(), from: m.index, to: m.index + m[0].length }));
	const out: EnNumber[] = [];
	for (let i = 0; i < words.length; i++) {
		const first = words[i]!;
		const article = first.w === 'a' || first.w === 'an';
		const next = words[i + 1];
		const glued = (a: { to: number }, b: { from: number }) => /^[\s-]+$|^\s+and\s+$/.test(text.slice(a.to, b.from));
		if (article && !(next && glued(first, next) && (next.w in SCALE_WORDS || next.w === 'dozen'))) continue;
		if (!article && !(first.w in SMALL) && !(first.w in ORDINALS) && !(first.w in WEAK_WORDS)) continue;
		if (first.w in WEAK_WORDS && !(first.w === 'dozen')) {
			out.push(annotate(text, { value: WEAK_WORDS[first.w]!, from: first.from, to: first.to, weak: true }));
			continue;
		}
		let total = 0;
		let current = article ? 1 : 0;
		let j = article ? i + 1 : i;
		let end = first.to;
		let last = i;
		let ordinal = false;
		for (; j < words.length; j++) {
			const t = words[j]!;
			if (j > i && !glued(words[j - 1]!, t)) break;
			const prev = j > i ? words[j - 1]!.w : '';
			// “and” only inside a number: one hundred and five, two thousand and ten.
			if (t.w === 'and') {
				if (prev in SCALE_WORDS) continue;
				break;
			}
			const unit = SMALL[t.w] ?? ORDINALS[t.w];
			if (unit !== undefined) {
				// twenty-one, hundred and five; not “two three” or “five six”.
				const fits = current === 0 || (current % 100 === 0 && unit < 100) || (current % 100 >= 20 && current % 10 === 0 && unit < 10);
				if (!fits) break;
				current += unit;
				ordinal = t.w in ORDINALS;
			}
			else if (t.w === 'hundred') current = (current || 1) * 100;
			else if (t.w in SCALE_WORDS) {
				total += (current || 1) * SCALE_WORDS[t.w]!;
				current = 0;
			}
			else if (t.w === 'dozen') current = (current || 1) * 12;
			else break;
			end = t.to;
			last = j;
			if (ordinal) break;
		}
		// A trailing “and” is not part of the number.
		const n: EnNumber = { value: total + current, from: first.from, to: end };
		const decades = DECADES_AFTER.exec(text.slice(end));
		if (decades) n.alt = n.value * (decades[1]!.toLowerCase().startsWith('dec') ? 10 : 100);
		out.push(annotate(text, n));
		i = last;
	}
	return out;
}

/** Adds qualifier and unit from the words around a number. */
function annotate(text: string, n: EnNumber): EnNumber {
	const before = text.slice(Math.max(0, n.from - 40), n.from).replace(CURRENCY_BEFORE, '');
	const after = text.slice(n.to, n.to + 30);
	if (MORE_BEFORE.test(before) || MORE_AFTER.test(after)) n.approx = 'more';
	else if (LESS_BEFORE.test(before) || LESS_AFTER.test(after)) n.approx = 'less';
	const afterPlus = after.replace(MORE_AFTER, '');
	if (PERCENT_AFTER.test(afterPlus)) n.unit = 'percent';
	else if (PP_AFTER.test(afterPlus)) n.unit = 'pp';
	return n;
}

/** True when two values are the same number (floating point tolerant). */
export function sameValue(a: number, b: number): boolean {
	return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1);
}

/** True when `a` is `b` times a power of ten other than one (3.5 billion for 350 million). */
export function scaleSlip(a: number, b: number): boolean {
	if (a <= 0 || b <= 0) return false;
	const k = Math.log10(a / b);
	const r = Math.round(k);
	return r !== 0 && Math.abs(r) <= 6 && Math.abs(k - r) < 1e-9;
}
