// QA family “numbers”: every quantity of the Chinese source must be in the English with the
// same value, qualifier, unit and currency (3.5亿 → 350 million, 1.2万 → 12,000,
// 18个多月 → more than 18 months, 5个百分点 → 5 percentage points, 3.5亿元 → yuan).
// Severity: `warning` when the English lacks something (it may be paraphrased: “a year and a
// half”); `error` when it is clearly wrong: the same digits at another scale (3.5 billion),
// percent for percentage points, or another currency. Pure.
import type { Finding } from '../types.ts';
import { finding, quote } from './codes.ts';
import { scanEnDates } from './en-dates.ts';
import { sameValue, scaleSlip, scanEnNumbers, type EnNumber } from './en-numbers.ts';
import { dateSpans, scanZhDates } from './zh-dates.ts';
import { englishNumber, englishQuantity, scanZhQuantities, type Currency, type ZhQuantity } from './zh-numbers.ts';

/** How each currency shows in English: `any` counts as named, `strong` as clearly that one. */
const CURRENCIES: Record<Currency, { name: string; any: RegExp; strong: RegExp }> = {
	cny: { name: 'yuan', any: /\b(?:yuan|RMB|renminbi|CNY)\b|[¥￥]/i, strong: /\b(?:yuan|RMB|renminbi|CNY)\b/i },
	usd: { name: 'U.S. dollars', any: /\$|\bdollars?\b|\bUSD\b/i, strong: /(?<![A-Z])\$|US\$|\bU\.?S\.? dollars?\b|\bUSD\b/ },
	eur: { name: 'euros', any: /€|\beuros?\b|\bEUR\b/i, strong: /€|\beuros?\b|\bEUR\b/i },
	jpy: { name: 'yen', any: /\byen\b|\bJPY\b|[¥￥]/i, strong: /\byen\b|\bJPY\b/i },
	hkd: { name: 'Hong Kong dollars', any: /HK\$|Hong Kong dollars?|\bHKD\b/i, strong: /HK\$|Hong Kong dollars?|\bHKD\b/i },
	twd: { name: 'Taiwan dollars', any: /NT\$|Taiwan(?:ese)? dollars?|\bTWD\b/i, strong: /NT\$|Taiwan(?:ese)? dollars?|\bTWD\b/i },
	krw: { name: 'won', any: /\bwon\b|\bKRW\b|₩/i, strong: /\bKRW\b|₩/ },
	gbp: { name: 'pounds', any: /£|\bpounds?\b|\bsterling\b|\bGBP\b/i, strong: /£|\bGBP\b|\bsterling\b/i },
	rub: { name: 'rubles', any: /\br[ou]bles?\b|\bRUB\b|₽/i, strong: /\br[ou]bles?\b|\bRUB\b|₽/i }
};

const PP_WORDS = /percentage[- ]points?|\bpoints?\b|\bppts?\b|\bpp\b/i;

/**
 * Compares the quantities of the source with the numbers of the English.
 * Numbers the English adds are not findings; dates and weekdays are checked by dates.ts.
 */
export function checkNumbers(sourceText: string, targetText: string): Finding[] {
	const quantities = scanZhQuantities(sourceText, dateSpans(sourceText));
	if (quantities.length === 0) return [];
	const english = scanEnNumbers(targetText);
	const inDates = scanEnDates(targetText);
	const sourceValues = [...quantities.map((q) => q.value), ...scanZhDates(sourceText).flatMap((d) => [d.year, d.month, d.day])];
	const explained = (n: EnNumber) => n.weak || inDates.some((d) => n.from >= d.from && n.to <= d.to) || sourceValues.some((v) => v !== undefined && sameValue(v, n.value));

	const findings: Finding[] = [];
	const seen = new Set<string>();
	for (const q of quantities) {
		const key = `${q.value}|${q.approx ?? ''}|${q.unit ?? ''}`;
		if (seen.has(key)) continue;
		seen.add(key);
		const hits = english.filter((n) => sameValue(n.value, q.value) || (n.alt !== undefined && sameValue(n.alt, q.value)));
		if (hits.length === 0) {
			const slip = english.find((n) => !explained(n) && scaleSlip(n.value, q.value));
			findings.push(
				slip
					? finding('number-mismatch', `${q.text} is ${englishNumber(q.value)}, not ${quote(targetText.slice(slip.from, slip.to))}`, { from: slip.from, to: slip.to }, 'error')
					: finding('number-mismatch', `${q.text} (${englishQuantity(q)}) is not in the English`)
			);
			continue;
		}
		findings.push(...approxFindings(q, hits), ...unitFindings(q, hits, targetText));
	}
	findings.push(...currencyFindings(quantities, targetText));
	return findings;
}

function approxFindings(q: ZhQuantity, hits: EnNumber[]): Finding[] {
	if (!q.approx || hits.some((n) => n.approx === q.approx)) return [];
	const n = hits[0]!;
	const wanted = q.approx === 'more' ? '“more than” / “over”' : '“nearly” / “almost”';
	return [finding('number-approx', `${q.text} is ${englishQuantity(q)}: the English drops ${wanted}`, { from: n.from, to: n.to })];
}

function unitFindings(q: ZhQuantity, hits: EnNumber[], target: string): Finding[] {
	if (q.unit === 'pp') {
		if (hits.some((n) => n.unit === 'pp')) return [];
		const pct = hits.find((n) => n.unit === 'percent');
		if (pct) return [finding('unit-mismatch', `${q.text} is percentage points, not percent`, { from: pct.from, to: pct.to }, 'error')];
		if (!PP_WORDS.test(target)) return [finding('unit-mismatch', `${q.text}: “percentage points” is not in the English`)];
	}
	if (q.unit === 'percent' && hits.every((n) => n.unit === 'pp')) {
		const n = hits[0]!;
		return [finding('unit-mismatch', `${q.text} is percent, not percentage points`, { from: n.from, to: n.to }, 'error')];
	}
	return [];
}

function currencyFindings(quantities: ZhQuantity[], target: string): Finding[] {
	const wanted = [...new Set(quantities.flatMap((q) => (q.currency ? [q.currency] : [])))];
	const findings: Finding[] = [];
	for (const c of wanted) {
		if (CURRENCIES[c].any.test(target)) continue;
		const q = quantities.find((x) => x.currency === c)!;
		const other = (Object.keys(CURRENCIES) as Currency[]).find((o) => o !== c && !wanted.includes(o) && CURRENCIES[o].strong.test(target));
		if (other) {
			const m = CURRENCIES[other].strong.exec(target)!;
			findings.push(finding('unit-mismatch', `${q.text} is in ${CURRENCIES[c].name}, not ${CURRENCIES[other].name}`, { from: m.index, to: m.index + m[0].length }, 'error'));
		} else {
			findings.push(finding('unit-mismatch', `${q.text}: the currency (${CURRENCIES[c].name}) is not named in the English`));
		}
	}
	return findings;
}
