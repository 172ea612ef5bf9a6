// Chinese numerals and quantities in source text: parses 三十, 两千, 三百五, 3.5亿, 1.2万,
// 3亿5000万, 百分之五, and finds every quantity a translation has to carry, with its
// qualifier (多/余/逾 → more than, 近/不到 → nearly), unit (percent, percentage points),
// currency and measure word. Dates are found by zh-dates.ts and passed in as spans to skip.
// Pure, table-driven. All offsets are UTF-16 offsets into the original text.

/** A span `[start, end)` of the source text. */
export interface Span {
	start: number;
	end: number;
}

export type Approx = 'more' | 'less';
export type QuantityUnit = 'percent' | 'pp';
export type Currency = 'cny' | 'usd' | 'eur' | 'jpy' | 'hkd' | 'twd' | 'krw' | 'gbp' | 'rub';

/** A quantity of the source that the English must carry. */
export interface ZhQuantity extends Span {
	value: number;
	/** The source text of the whole expression (prefix, numeral, units, measure). */
	text: string;
	/** 多, 余, 逾, 超过, 以上 → `more`; 近, 将近, 接近, 不到, 不足 → `less`. 约/左右 are not required. */
	approx?: Approx;
	unit?: QuantityUnit;
	currency?: Currency;
	/** The measure word after it (年, 个月, 人, 架 …), when there is one. */
	measure?: string;
	ordinal?: boolean;
}

/* ------------------------------------------------------------------ normalisation */

/** Traditional forms → simplified, for the characters numbers and dates use. One for one. */
const CHAR_MAP: Record<string, string> = {
	兩: '两', 萬: '万', 億: '亿', 點: '点', 個: '个', 週: '周', 號: '号', 歲: '岁', 幾: '几', 餘: '余',
	約: '约', 將: '将', 過: '过', 歐: '欧', 韓: '韩', 臺: '台', 幣: '币', 鎊: '镑', 盧: '卢', 禮: '礼',
	場: '场', 項: '项', 條: '条', 顆: '颗', 輛: '辆', 隻: '只', 張: '张', 噸: '吨', 層: '层', 屆: '届',
	級: '级', 時: '时', 冊: '册', 鐘: '钟', 貳: '贰', 陸: '陆', 於: '于', 達: '达', 與: '与', 國: '国',
	'．': '.', '％': '%'
};

/**
 * Same-length normalisation for scanning: traditional number characters to simplified and
 * full-width digits to ASCII. Offsets into the result are offsets into the input.
 */
export function normaliseZh(text: string): string {
	let out = '';
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		const code = c.charCodeAt(0);
		if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xfee0);
		else out += CHAR_MAP[c] ?? c;
	}
	return out;
}

/* ------------------------------------------------------------------ numerals */

const DIGITS: Record<string, number> = {
	〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
	壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Characters a numeral is made of (after `normaliseZh`). */
export const ZH_DIGIT_CHARS = '〇零一二两三四五六七八九壹贰叁肆伍陆柒捌玖';
export const ZH_NUMERAL_CHARS = ZH_DIGIT_CHARS + '十拾百佰千仟万亿';

const TOKEN = /(\d+(?:,\d{3})*(?:\.\d+)?)|([〇零一二两三四五六七八九壹贰叁肆伍陆柒捌玖])(?:点([〇零一二三四五六七八九]+))?|([十拾百佰千仟])|([万亿])|([\s\S])/gy;

/**
 * The value of a numeral: Chinese (三十 → 30, 一百零五 → 105, 三百五 → 350, 两万五 → 25000,
 * 三点五 → 3.5), Arabic (1,000 → 1000) or mixed with scale units (3.5亿 → 350000000,
 * 3亿5000万 → 350000000, 2万亿 → 2e12). `null` when it is not one numeral: digit strings
 * such as 二〇二三 or 三四 (“three or four”), or words that merely contain numeral
 * characters (万一, 千万 used as “by all means” parses as 1e7 — callers decide by context).
 */
export function parseChineseNumber(input: string): number | null {
	const s = normaliseZh(input);
	let total = 0;
	let section = 0;
	let current = 0;
	let digit: number | null = null;
	let digitIsZh = false;
	let beforeDigit: 'unit' | 'zero' | 'start' = 'start';
	let lastSmall = Infinity;
	let seenWan = false;
	let prevUnit = 0;
	let started = false;
	TOKEN.lastIndex = 0;
	for (let m = TOKEN.exec(s); m; m = TOKEN.exec(s)) {
		const [, arabic, zhDigit, zhFraction, small, big, other] = m;
		if (other !== undefined) return null;
		if (arabic !== undefined || zhDigit !== undefined) {
			const value = arabic !== undefined ? Number(arabic.replace(/,/g, '')) : DIGITS[zhDigit!]! + fraction(zhFraction);
			if (value === 0 && arabic === undefined && zhFraction === undefined) {
				// 零 is a placeholder inside a numeral (一百零五); a second digit in a row is not.
				if (digit !== null) return null;
				beforeDigit = 'zero';
				started = true;
				continue;
			}
			if (digit !== null) return null;
			if (!started) beforeDigit = 'start';
			digit = value;
			digitIsZh = arabic === undefined;
		} else if (small !== undefined) {
			const unit = SMALL_UNITS[small]!;
			if (unit >= lastSmall) return null;
			current += (digit ?? 1) * unit;
			digit = null;
			lastSmall = unit;
			prevUnit = unit;
			beforeDigit = 'unit';
		} else {
			const unit = BIG_UNITS[big!]!;
			if (!started) return null; // 万一, 亿万 are words, not numbers
			if (unit === 1e4) {
				if (seenWan) return null;
				const v = current + (digit ?? 0);
				if (v === 0) return null;
				section = v * 1e4;
				seenWan = true;
			} else {
				const v = total + section + current + (digit ?? 0);
				if (v === 0) return null;
				total = v * 1e8;
				section = 0;
				seenWan = false;
			}
			current = 0;
			digit = null;
			lastSmall = Infinity;
			prevUnit = unit;
			beforeDigit = 'unit';
		}
		started = true;
	}
	if (!started) return null;
	// 三百五 = 350, 两万五 = 25000: a lone Chinese digit right after 百/千/万 is elided.
	if (digit !== null && digitIsZh && beforeDigit === 'unit' && prevUnit >= 100 && digit < 10 && current % prevUnit === 0) {
		digit *= prevUnit / 10;
	}
	return total + section + current + (digit ?? 0);
}

function fraction(digits: string | undefined): number {
	if (!digits) return 0;
	return Number('0.' + [...digits].map((c) => DIGITS[c]).join(''));
}

/** 二〇二三 → 2023, 2023 → 2023: a digit-by-digit numeral (years). `null` otherwise. */
export function parseDigitString(input: string): number | null {
	const s = normaliseZh(input);
	if (/^\d+$/.test(s)) return Number(s);
	let out = '';
	for (const c of s) {
		const d = DIGITS[c];
		if (d === undefined || c === '两') return null;
		out += d;
	}
	return out ? Number(out) : null;
}

/* ------------------------------------------------------------------ context tables */

/** Words right before a numeral, longest first. `vague` makes a Chinese numeral uncountable. */
const PREFIXES: { zh: string; approx?: Approx; ordinal?: boolean; vague?: boolean; currency?: Currency; notAfter?: string }[] = [
	{ zh: '人民币', currency: 'cny' },
	{ zh: '将近', approx: 'less' },
	{ zh: '接近', approx: 'less' },
	{ zh: '近乎', approx: 'less' },
	{ zh: '不到', approx: 'less' },
	{ zh: '不足', approx: 'less' },
	{ zh: '少于', approx: 'less' },
	{ zh: '低于', approx: 'less' },
	{ zh: '超过', approx: 'more' },
	{ zh: '多于', approx: 'more' },
	{ zh: '高于', approx: 'more' },
	{ zh: '大于', approx: 'more' },
	{ zh: '若干', vague: true },
	{ zh: '逾', approx: 'more' },
	{ zh: '超', approx: 'more' },
	// 最近 = recently, 附近 = nearby: not “nearly”.
	{ zh: '近', approx: 'less', notAfter: '最附亲靠邻贴' },
	{ zh: '第', ordinal: true },
	{ zh: '数', vague: true },
	{ zh: '几', vague: true },
	{ zh: '上', vague: true },
	{ zh: '成', vague: true },
	{ zh: '好', vague: true }
];

/** Words right after a numeral, longest first (matched after optional 多/余 and 个). */
const SUFFIXES: { zh: string; unit?: QuantityUnit; currency?: Currency; measure?: boolean; approx?: Approx; vague?: boolean; skip?: boolean }[] = [
	{ zh: '百分点', unit: 'pp' },
	{ zh: '%', unit: 'percent' },
	{ zh: '新台币', currency: 'twd' },
	{ zh: '人民币', currency: 'cny' },
	{ zh: '美元', currency: 'usd' },
	{ zh: '美金', currency: 'usd' },
	{ zh: '欧元', currency: 'eur' },
	{ zh: '日元', currency: 'jpy' },
	{ zh: '日圆', currency: 'jpy' },
	{ zh: '港元', currency: 'hkd' },
	{ zh: '港币', currency: 'hkd' },
	{ zh: '台币', currency: 'twd' },
	{ zh: '韩元', currency: 'krw' },
	{ zh: '英镑', currency: 'gbp' },
	{ zh: '卢布', currency: 'rub' },
	{ zh: '元', currency: 'cny' },
	{ zh: '年代', skip: true }, // 90年代 = the 1990s: not a count of years
	{ zh: '以上', approx: 'more' },
	{ zh: '以下', approx: 'less' },
	{ zh: '以内', approx: 'less' },
	{ zh: '左右' },
	{ zh: '上下' },
	{ zh: '来', vague: true },
	{ zh: '几', vague: true },
	...['小时', '分钟', '秒钟', '星期', '公斤', '千克', '公里', '千米', '英里', '英尺', '平方公里'].map((zh) => ({ zh, measure: true })),
	...[...'年周天秒岁名人位次倍家架艘枚颗辆座条项份批轮场起所种件只头张篇部套支吨米亩届度级层户册'].map((zh) => ({ zh, measure: true }))
];

/** Phrases with a numeral that are not a count: 第二天 = “the next day”, 第二年 = “the following year”. */
const IDIOMS = ['第二天', '第二日', '第二年', '一两', '三三两两', '十有八九', '九成九'];

/* ------------------------------------------------------------------ scanning */

const RUN = new RegExp(
	`(?:\\d+(?:,\\d{3})*(?:\\.\\d+)?|[${ZH_NUMERAL_CHARS}]|点(?=[〇零一二三四五六七八九])|(?<=\\d) (?=[十百千万亿]))+(?:([多余])([万亿]+))?`,
	'g'
);
const PERCENT = new RegExp(`百分之((?:\\d+(?:\\.\\d+)?|[${ZH_NUMERAL_CHARS}]|点(?=[〇零一二三四五六七八九]))+)`, 'g');

function overlaps(a: Span, spans: Span[]): boolean {
	return spans.some((s) => a.start < s.end && s.start < a.end);
}

/**
 * Every quantity of the source a translation must carry, in order. `skip` holds spans
 * already read as dates. Arabic numerals always count; Chinese numerals count when they
 * are clearly a number: a digit with a unit (三十, 一百, 十五), or a digit with a measure
 * word (两周, 三名), never 一 alone and never inside idioms (千万不要, 万一, 十分, 三心二意)
 * or vague amounts (数十, 几百, 十几, 上千).
 */
export function scanZhQuantities(text: string, skip: Span[] = []): ZhQuantity[] {
	const norm = normaliseZh(text);
	const out: ZhQuantity[] = [];
	const taken: Span[] = [...skip];

	for (const m of norm.matchAll(PERCENT)) {
		const span = { start: m.index, end: m.index + m[0].length };
		const value = parseChineseNumber(m[1]!);
		if (value === null || overlaps(span, taken)) continue;
		taken.push(span);
		out.push({ ...span, value, unit: 'percent', text: text.slice(span.start, span.end) });
	}

	for (const m of norm.matchAll(RUN)) {
		const run = { start: m.index, end: m.index + m[0].length };
		if (overlaps(run, taken)) continue;
		const numeral = (m[1] ? m[0].slice(0, m[0].length - 1 - m[2]!.length) + m[2] : m[0]).replace(/ /g, '');
		if (IDIOMS.some((idiom) => norm.startsWith(idiom, run.start - idiom.indexOf(numeral)) && idiom.includes(numeral))) continue;
		const value = parseChineseNumber(numeral);
		if (value === null) continue;
		const q = readContext(norm, run, value, m[1] ? 'more' : undefined);
		if (!q) continue;
		const hasArabic = /\d/.test(numeral);
		if (!hasArabic && !countable(numeral, value, q)) continue;
		taken.push(q);
		out.push({ ...q, text: text.slice(q.start, q.end) });
	}
	return out.sort((a, b) => a.start - b.start);
}

interface Context extends Omit<ZhQuantity, 'text'> {
	vague?: boolean;
}

/** Reads the words around a numeral run. `null` when the run is not a quantity (90年代). */
function readContext(norm: string, run: Span, value: number, approx: Approx | undefined): Context | null {
	const q: Context = { start: run.start, end: run.end, value };
	if (approx) q.approx = approx;
	// Taiwanese and Hong Kong copy spaces digits from words (第 283 天, 20 個): one space is allowed.
	const pre = norm[run.start - 1] === ' ' && /\d/.test(norm[run.start]!) ? run.start - 1 : run.start;
	const before = norm.slice(Math.max(0, pre - 4), pre);
	for (const p of PREFIXES) {
		if (!before.endsWith(p.zh)) continue;
		if (p.notAfter && p.notAfter.includes(before[before.length - p.zh.length - 1] ?? '\0')) break;
		if (p.approx) q.approx = p.approx;
		if (p.ordinal) q.ordinal = true;
		if (p.vague) q.vague = true;
		if (p.currency) q.currency = p.currency;
		if (!p.vague) q.start = pre - p.zh.length;
		break;
	}
	// 30多, 18个多月, 两个月: optional 多/余, 个, 多/余, then 月 after 个.
	let p = run.end;
	if (norm[p] === ' ' && /\d/.test(norm[p - 1]!) && /[^\s\w]/.test(norm[p + 1] ?? ' ')) p++;
	const more = () => {
		if (norm[p] !== '多' && norm[p] !== '余') return;
		q.approx = 'more';
		p++;
	};
	more();
	const ge = norm[p] === '个';
	if (ge) p++;
	more();
	if (ge && norm[p] === '月') {
		q.measure = '个月';
		p++;
	} else if (ge) q.measure = '个';
	// Up to two suffixes: a unit or measure word, then a qualifier (30多人以上, 5个百分点左右).
	for (let round = 0; round < 2; round++) {
		const s = SUFFIXES.find((x) => norm.startsWith(x.zh, p));
		if (!s) break;
		if (s.skip) return null;
		// 十来个, 十几 are vague; 30年来 (“over the past 30 years”) is not.
		if (s.vague && (round > 0 || p !== run.end)) break;
		if (s.vague) q.vague = true;
		if (s.unit) q.unit = s.unit;
		if (s.currency) q.currency = s.currency;
		if (s.approx) q.approx = s.approx;
		if (s.measure && !q.measure) q.measure = s.zh;
		p += s.zh.length;
		if (!s.unit && !s.currency && !s.measure) break;
	}
	q.end = p === run.end + 1 && norm[run.end] === ' ' ? run.end : p;
	return q;
}

/** Whether a numeral written only in Chinese characters is clearly a number here. */
function countable(numeral: string, value: number, q: Context): boolean {
	if (q.vague || value === 1 || value === 0) return false;
	const hasDigit = [...numeral].some((c) => c in DIGITS);
	const hasUnit = [...numeral].some((c) => c in SMALL_UNITS || c in BIG_UNITS);
	if (hasDigit && hasUnit) return true;
	return Boolean(q.measure || q.unit || q.currency || (q.ordinal && hasDigit));
}

/* ------------------------------------------------------------------ English forms */

const SCALES: [number, string][] = [
	[1e12, 'trillion'],
	[1e9, 'billion'],
	[1e6, 'million']
];

/** 12000 → "12,000"; 1234.5 → "1,234.5". */
export function groupDigits(value: number): string {
	const [int, frac] = String(value).split('.');
	const grouped = int!.replace(/\B(?=(\d{3})+$)/g, ',');
	return frac ? `${grouped}.${frac}` : grouped;
}

/** How an English news style writes a value: 350000000 → "350 million", 12000 → "12,000". */
export function englishNumber(value: number): string {
	for (const [scale, word] of SCALES) {
		if (value >= scale) {
			const n = Math.round((value / scale) * 1000) / 1000;
			if (Math.abs(n * scale - value) < 1e-6 * value) return `${n} ${word}`;
		}
	}
	return groupDigits(Math.round(value * 1e6) / 1e6);
}

/** The English reading of a quantity, for messages: “more than 18 months”, “5 percentage points”. */
export function englishQuantity(q: ZhQuantity): string {
	const pre = q.approx === 'more' ? 'more than ' : q.approx === 'less' ? 'nearly ' : '';
	const unit = q.unit === 'pp' ? ' percentage points' : q.unit === 'percent' ? '%' : '';
	const measure = q.measure === '个月' ? (q.value === 1 ? ' month' : ' months') : q.measure === '年' ? (q.value === 1 ? ' year' : ' years') : '';
	return `${pre}${englishNumber(q.value)}${unit}${measure}`;
}
