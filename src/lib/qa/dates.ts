// QA family “dates”: every date, month, year and weekday of the Chinese source must be in
// the English (2023年9月13日 → September 13, 2023 / Sept. 13, 2023 / 13 September 2023;
// 9月13日 → Sept. 13; 1991年 → 1991; 周三 → Wednesday).
// Severity: `error` when the English has a different date or weekday in its place
// (周三（9月13日） → “Wednesday (Sept. 12)”); `warning` when it is missing; `info` when only
// the year is dropped (news style drops the current year) or a weekday is dropped next to
// the date it names. Pure.
import type { Finding } from '../types.ts';
import { finding, quote } from './codes.ts';
import { englishDate, englishWeekday, scanEnDates, scanEnWeekdays, type EnDate } from './en-dates.ts';
import { scanEnNumbers } from './en-numbers.ts';
import { scanZhDates, scanZhWeekdays, type ZhDate } from './zh-dates.ts';

/** Same month and day where the source names them; the year is compared separately. */
function sameMonthDay(z: ZhDate, e: EnDate): boolean {
	if (z.month === undefined) return false;
	if (e.month !== z.month) return false;
	return z.day === undefined || e.day === z.day;
}

/** Whether an English date says exactly what the source date says. */
function exact(z: ZhDate, e: EnDate): boolean {
	return sameMonthDay(z, e) && (z.year === undefined || e.year === z.year);
}

/** Checks dates and weekdays of one pair. */
export function checkDates(sourceText: string, targetText: string): Finding[] {
	const zhDates = scanZhDates(sourceText);
	const zhDays = scanZhWeekdays(sourceText);
	if (zhDates.length === 0 && zhDays.length === 0) return [];
	const enDates = scanEnDates(targetText);
	const numbers = scanEnNumbers(targetText).filter((n) => Number.isInteger(n.value) && !n.weak);
	const years = new Set([...enDates.flatMap((d) => (d.year ? [d.year] : [])), ...numbers.filter((n) => n.value >= 1000 && n.value <= 2999).map((n) => n.value)]);
	const sourceYears = new Set([...zhDates.flatMap((d) => (d.year ? [d.year] : [])), ...[...sourceText.matchAll(/\d{4}/g)].map((m) => Number(m[0]))]);
	// English dates that some source date accounts for are never blamed as wrong.
	const claimed = new Set(enDates.filter((e) => zhDates.some((z) => exact(z, e) || (sameMonthDay(z, e) && e.year === undefined))));

	const findings: Finding[] = [];
	const missing: ZhDate[] = [];
	const seen = new Set<string>();
	for (const z of zhDates) {
		const key = `${z.year}-${z.month}-${z.day}`;
		if (seen.has(key)) continue;
		seen.add(key);
		const want = englishDate(z);
		if (z.month === undefined) {
			// A year alone (1991年) or a day alone (13日).
			if (z.day !== undefined ? enDates.some((e) => e.day === z.day) || numbers.some((n) => n.value === z.day) : years.has(z.year!)) continue;
			const slip =
				z.year !== undefined
					? numbers.find((n) => n.value >= 1000 && n.value <= 2999 && !sourceYears.has(n.value) && Math.abs(n.value - z.year!) <= 100)
					: undefined;
			findings.push(slip ? wrong(z, want, targetText, slip) : finding('date-mismatch', `${z.text} (${want}) is not in the English`));
			continue;
		}
		if (enDates.some((e) => exact(z, e))) continue;
		const yearless = enDates.find((e) => sameMonthDay(z, e) && e.year === undefined);
		if (yearless) {
			if (z.year !== undefined && !years.has(z.year)) {
				findings.push(finding('date-mismatch', `${z.text}: the year ${z.year} is not in the English`, { from: yearless.from, to: yearless.to }, 'info'));
			}
			continue;
		}
		missing.push(z);
	}
	// Each English date is blamed for at most one source date: the closest one.
	const candidates = missing
		.flatMap((z) => enDates.filter((e) => !claimed.has(e) && differsByOneField(z, e)).map((e) => ({ z, e, cost: distance(z, e) })))
		.sort((a, b) => a.cost - b.cost);
	const slips = new Map<ZhDate, EnDate>();
	for (const c of candidates) {
		if (slips.has(c.z) || [...slips.values()].includes(c.e)) continue;
		slips.set(c.z, c.e);
	}
	for (const z of missing) {
		const slip = slips.get(z);
		const want = englishDate(z);
		findings.push(slip ? wrong(z, want, targetText, slip) : finding('date-mismatch', `${z.text} (${want}) is not in the English`));
	}

	const enDays = scanEnWeekdays(targetText);
	// 周三（9月13日） as “Sept. 13”: the weekday adds nothing the date does not say.
	const dateCarried = zhDates.some((z) => z.day !== undefined && enDates.some((e) => sameMonthDay(z, e)));
	const wantedDays = new Set(zhDays.map((d) => d.day));
	for (const z of zhDays) {
		if (seen.has(`weekday-${z.day}`)) continue;
		seen.add(`weekday-${z.day}`);
		if (enDays.some((e) => e.day === z.day)) continue;
		const slip = enDays.find((e) => !wantedDays.has(e.day));
		const want = englishWeekday(z.day);
		if (slip) findings.push(wrong(z, want, targetText, slip));
		else if (dateCarried) findings.push(finding('date-mismatch', `${z.text} (${want}) is dropped; the date is there`, undefined, 'info'));
		else findings.push(finding('date-mismatch', `${z.text} (${want}) is not in the English`));
	}
	return findings;
}

/** The English date disagrees with the source in one place: another day, month or year. */
function differsByOneField(z: ZhDate, e: EnDate): boolean {
	if (e.month === undefined) return false;
	const sameMonth = e.month === z.month;
	const sameDay = z.day === undefined || e.day === undefined || e.day === z.day;
	const sameYear = z.year === undefined || e.year === undefined || e.year === z.year;
	return [sameMonth, sameDay, sameYear].filter((x) => !x).length === 1;
}

/** How far apart two dates are, for choosing which English date a slip belongs to. */
function distance(z: ZhDate, e: EnDate): number {
	const shape = (z.year === undefined) !== (e.year === undefined) ? 1000 : 0;
	const months = Math.abs((z.month ?? 0) - (e.month ?? 0)) * 31;
	const days = z.day !== undefined && e.day !== undefined ? Math.abs(z.day - e.day) : 0;
	const years = z.year !== undefined && e.year !== undefined ? Math.abs(z.year - e.year) * 372 : 0;
	return shape + months + days + years;
}

function wrong(z: { text: string }, want: string, target: string, at: { from: number; to: number }): Finding {
	return finding('date-mismatch', `${z.text} is ${want}, not ${quote(target.slice(at.from, at.to))}`, { from: at.from, to: at.to }, 'error');
}
