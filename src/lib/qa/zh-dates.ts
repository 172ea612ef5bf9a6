// Dates and weekdays in Chinese source text: 2023年9月13日, 2023年09月, 9月13日, 7月,
// 1991年, 13日, 二〇二三年九月十三日, and 周三 / 星期三 / 礼拜三. Pure.
import { normaliseZh, parseChineseNumber, parseDigitString, type Span } from './zh-numbers.ts';

/** A date of the source; the fields it names are set. */
export interface ZhDate extends Span {
	year?: number;
	month?: number;
	day?: number;
	text: string;
}

/** A weekday of the source. `day`: 0 = Sunday … 6 = Saturday (as `Date#getDay`). */
export interface ZhWeekday extends Span {
	day: number;
	text: string;
}

const ZH_DIGIT = '〇零一二三四五六七八九';
// Taiwanese and Hong Kong copy spaces digits from units (2017 年 4 月 23 日): one space is allowed.
const YEAR = `(\\d{4}|[${ZH_DIGIT}]{4}) ?年(?!代)`;
const MONTH = `(\\d{1,2}|十[一二]?|[一二三四五六七八九]) ?月`;
const DAY = `(\\d{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]) ?[日号]`;
/** Not glued to a preceding numeral (十二月 is not 二月; 18个多月 never matches 月). */
const START = `(?<![\\d${ZH_DIGIT}十两])`;

const DATE = new RegExp(
	`${START}(?:${YEAR}(?: ?${MONTH}(?: ?${DAY})?)?|${MONTH}(?: ?${DAY})?|(\\d{1,2}) ?[日号](?!\\d))`,
	'g'
);

const WEEKDAY_CHARS: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
/** 周三, 星期三, 礼拜三 — but not 一周三次 (“three times a week”) or 30周年. */
const WEEKDAY = /(?:周|星期|礼拜)([一二三四五六日天])(?![次回遍趟年周个])/g;

function num(s: string | undefined): number | undefined {
	if (s === undefined) return undefined;
	const v = /^\d+$/.test(s) ? Number(s) : parseChineseNumber(s);
	return v ?? undefined;
}

/** Every date of the source, in order. Impossible months and days are skipped. */
export function scanZhDates(text: string): ZhDate[] {
	const norm = normaliseZh(text);
	const out: ZhDate[] = [];
	for (const m of norm.matchAll(DATE)) {
		const [, y, ym, yd, mm, md, dOnly] = m;
		const year = y === undefined ? undefined : (parseDigitString(y) ?? undefined);
		const month = num(ym ?? mm);
		const day = num(yd ?? md ?? dOnly);
		if (month !== undefined && (month < 1 || month > 12)) continue;
		if (day !== undefined && (day < 1 || day > 31)) continue;
		const d: ZhDate = { start: m.index, end: m.index + m[0].length, text: text.slice(m.index, m.index + m[0].length) };
		if (year !== undefined) d.year = year;
		if (month !== undefined) d.month = month;
		if (day !== undefined) d.day = day;
		out.push(d);
	}
	return out;
}

/** Every weekday of the source, in order. */
export function scanZhWeekdays(text: string): ZhWeekday[] {
	const norm = normaliseZh(text);
	return [...norm.matchAll(WEEKDAY)].map((m) => ({
		start: m.index,
		end: m.index + m[0].length,
		day: WEEKDAY_CHARS[m[1]!]!,
		text: text.slice(m.index, m.index + m[0].length)
	}));
}

/** The spans a number scanner should skip: dates and weekdays are read here. */
export function dateSpans(text: string): Span[] {
	return [...scanZhDates(text), ...scanZhWeekdays(text)].map(({ start, end }) => ({ start, end }));
}
