// Dates and weekdays in English text: September 13, 2023 · Sept. 13, 2023 · Sep 13, 2023 ·
// 13 September 2023 · Sept. 13 · September 2023 · 2023-09-13 · July · Wednesday · Wed.
// Month names are read only when capitalised; a bare “May” only after a preposition
// (“in May”), so the verb is not a date. Pure; offsets are UTF-16 offsets into the text.

/** A date in the English; the fields it names are set. */
export interface EnDate {
	year?: number;
	month?: number;
	day?: number;
	from: number;
	to: number;
}

/** A weekday in the English. `day`: 0 = Sunday … 6 = Saturday. */
export interface EnWeekday {
	day: number;
	from: number;
	to: number;
}

const MONTH_NAMES: [string, number][] = [
	['January', 1], ['February', 2], ['March', 3], ['April', 4], ['May', 5], ['June', 6],
	['July', 7], ['August', 8], ['September', 9], ['October', 10], ['November', 11], ['December', 12],
	['Sept', 9], ['Jan', 1], ['Feb', 2], ['Mar', 3], ['Apr', 4], ['Jun', 6], ['Jul', 7],
	['Aug', 8], ['Sep', 9], ['Oct', 10], ['Nov', 11], ['Dec', 12]
];
const MONTH_NUMBER = new Map(MONTH_NAMES.map(([name, n]) => [name, n]));
const MON = `(${MONTH_NAMES.map(([name]) => name).join('|')})\\.?(?![a-z])`;
const DAY = `(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])`;
const YEAR = `(\\d{4})(?!\\d)`;
const FULL_MONTH = MONTH_NAMES.slice(0, 12)
	.map(([name]) => name)
	.filter((name) => name !== 'May')
	.join('|');

/** Alternatives in priority order; the named shape says which group is what. */
const DATE = new RegExp(
	[
		`\\b${MON}\\s+${DAY}(?:,?\\s+${YEAR})?`, // Sept. 13, 2023
		`\\b${MON},?\\s+(?:of\\s+)?${YEAR}`, // September 2023
		`\\b${DAY}\\s+(?:of\\s+)?${MON}(?:,?\\s+${YEAR})?`, // 13 September 2023
		`\\b${YEAR}-(\\d{2})-(\\d{2})\\b`, // 2023-09-13
		`\\b(${FULL_MONTH})\\b`, // July
		`(?:(?<=\\b(?:in|on|since|until|till|by|from|of|last|next|early|late|this|that|during|before|after|through|mid)[\\s-])|(?<=\\bmid-))(May)\\b` // in May
	].join('|'),
	'g'
);

/** Every date of the English, in order. */
export function scanEnDates(text: string): EnDate[] {
	const out: EnDate[] = [];
	for (const m of text.matchAll(DATE)) {
		const g = m.slice(1);
		let d: Omit<EnDate, 'from' | 'to'>;
		if (g[0] !== undefined) d = { month: MONTH_NUMBER.get(g[0]), day: Number(g[1]), year: opt(g[2]) };
		else if (g[3] !== undefined) d = { month: MONTH_NUMBER.get(g[3]), year: Number(g[4]) };
		else if (g[5] !== undefined) d = { day: Number(g[5]), month: MONTH_NUMBER.get(g[6]!), year: opt(g[7]) };
		else if (g[8] !== undefined) d = { year: Number(g[8]), month: Number(g[9]), day: Number(g[10]) };
		else d = { month: MONTH_NUMBER.get((g[11] ?? g[12])!) };
		if (d.day !== undefined && (d.day < 1 || d.day > 31)) continue;
		if (d.month === undefined || d.month < 1 || d.month > 12) continue;
		const date: EnDate = { from: m.index, to: m.index + m[0].length };
		if (d.year !== undefined) date.year = d.year;
		date.month = d.month;
		if (d.day !== undefined) date.day = d.day;
		out.push(date);
	}
	return out;
}

function opt(s: string | undefined): number | undefined {
	return s === undefined ? undefined : Number(s);
}

const WEEKDAYS: [RegExp, number][] = [
	[/^Sun/, 0], [/^Mon/, 1], [/^Tue/, 2], [/^Wed/, 3], [/^Thu/, 4], [/^Fri/, 5], [/^Sat/, 6]
];
const WEEKDAY = /\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?\b|(?:Mon|Tues?|Wed|Thur?s?|Fri|Sat|Sun)\.)/g;

/** Every weekday of the English, in order (Wednesday, Wednesdays, Wed.). */
export function scanEnWeekdays(text: string): EnWeekday[] {
	return [...text.matchAll(WEEKDAY)].map((m) => ({
		day: WEEKDAYS.find(([re]) => re.test(m[0]))![1],
		from: m.index,
		to: m.index + m[0].length
	}));
}

const AP_MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const MONTHS = MONTH_NAMES.slice(0, 12).map(([name]) => name);
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A date in news style for messages: “Sept. 13, 2023”, “September 2023”, “July”, “the 13th”. */
export function englishDate(d: { year?: number; month?: number; day?: number }): string {
	if (d.month !== undefined && d.day !== undefined) return `${AP_MONTHS[d.month - 1]} ${d.day}${d.year !== undefined ? `, ${d.year}` : ''}`;
	if (d.month !== undefined) return `${MONTHS[d.month - 1]}${d.year !== undefined ? ` ${d.year}` : ''}`;
	if (d.day !== undefined) return `the ${d.day}${ordinalSuffix(d.day)}`;
	return String(d.year ?? '');
}

/** Weekday name for messages. */
export function englishWeekday(day: number): string {
	return WEEKDAY_NAMES[day] ?? '';
}

function ordinalSuffix(n: number): string {
	if (n % 100 >= 11 && n % 100 <= 13) return 'th';
	return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}
