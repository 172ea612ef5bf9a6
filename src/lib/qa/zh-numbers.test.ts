import { describe, expect, it } from 'vitest';
import { englishNumber, englishQuantity, normaliseZh, parseChineseNumber, parseDigitString, scanZhQuantities } from './zh-numbers.ts';

describe('parseChineseNumber', () => {
	const table: [string, number | null][] = [
		['三十', 30],
		['十五', 15],
		['二十五', 25],
		['一百零五', 105],
		['三百五', 350],
		['两千', 2000],
		['两万五', 25000],
		['三千五百万', 35_000_000],
		['三点五', 3.5],
		['三点五亿', 350_000_000],
		['3.5亿', 350_000_000],
		['1.2万', 12_000],
		['5000万', 50_000_000],
		['3亿5000万', 350_000_000],
		['2万亿', 2e12],
		['1,000', 1000],
		['１８', 18],
		['兩萬', 20000],
		// Not one numeral: digit strings, ranges (三四 = three or four), idioms.
		['二〇二三', null],
		['三四', null],
		['一两', null],
		['万一', null],
		['十百', null],
		['3点30', null]
	];
	it.each(table)('%s → %s', (input, expected) => {
		expect(parseChineseNumber(input)).toBe(expected);
	});
});

describe('parseDigitString', () => {
	it.each([
		['二〇二三', 2023],
		['一九九一', 1991],
		['2023', 2023],
		['两千', null],
		['三十', null]
	] as const)('%s → %s', (input, expected) => {
		expect(parseDigitString(input)).toBe(expected);
	});
});

describe('scanZhQuantities', () => {
	const pick = (text: string) => scanZhQuantities(text).map(({ text: t, value, approx, unit, currency }) => ({ text: t, value, approx, unit, currency }));
	// Sentences from the seed article and from common wire copy.
	const positives: [string, { text: string; value: number; approx?: string; unit?: string; currency?: string }][] = [
		['俄罗斯在乌克兰18个多月的战争中消耗了大量库存。', { text: '18个多月', value: 18, approx: 'more' }],
		['过去两周，美国多次敦促平壤不要向俄罗斯出售武器。', { text: '两周', value: 2 }],
		['该项目耗资3.5亿元。', { text: '3.5亿元', value: 350_000_000, currency: 'cny' }],
		['约有1.2万名士兵参加演习。', { text: '1.2万名', value: 12_000 }],
		['失业率上升了0.5个百分点。', { text: '0.5个百分点', value: 0.5, unit: 'pp' }],
		['出口增长百分之五。', { text: '百分之五', value: 5, unit: 'percent' }],
		['近30年来首次访问。', { text: '近30年', value: 30, approx: 'less' }],
		['已有300多万人撤离。', { text: '300多万人', value: 3_000_000, approx: 'more' }],
		['三十人受伤。', { text: '三十人', value: 30 }],
		['逾5000万美元的援助。', { text: '逾5000万美元', value: 50_000_000, approx: 'more', currency: 'usd' }],
		['GDP增长5.2%。', { text: '5.2%', value: 5.2, unit: 'percent' }],
		// Traditional characters with spaced digits, from the Initium fixture.
		['玻璃牆旁邊的倒計時牌，從「第 283 天」開始，一天一天，倒數到了「第 000 天」。', { text: '第 283 天', value: 283 }],
		['一家有 8000 多冊圖書的季風書店破土而出。', { text: '8000 多冊', value: 8000, approx: 'more' }],
		['從 2017 年 4 月預告了自己的死亡開始，在歷經了兩百多天的漫長告別後', { text: '兩百多天', value: 200, approx: 'more' }]
	];
	it.each(positives)('finds the quantity in %s', (text, expected) => {
		expect(pick(text)).toContainEqual(expect.objectContaining(expected));
	});

	const negatives: string[] = [
		'我将提醒两国，任何从朝鲜向俄罗斯转让武器的行为都将违反联合国安理会多项决议。', // 两国 = both countries
		'我们已经采取了一系列行动。', // 一 is idiomatic
		'在入侵最初几周未能占领乌克兰首都后。', // vague
		'千万不要低估这一点。', // 千万 = by all means
		'这十分重要。', // 十分 = very
		'万一谈判失败。', // 万一 = in case
		'数十人受伤。', // 数十 = dozens
		'上千名抗议者。', // 上千 = thousands
		'七国集团峰会。', // G7: 七 without a measure word
		'她在90年代出生。', // 90年代 = the 1990s
		'第二天，他又來了。' // 第二天 = the next day
	];
	it.each(negatives)('finds no quantity in %s', (text) => {
		expect(pick(text)).toEqual([]);
	});

	it('skips spans already read as dates and keeps offsets of the original text', () => {
		const text = '周三（2023年9月13日）有18个多月';
		const q = scanZhQuantities(text, [{ start: 3, end: 13 }]);
		expect(q.map((x) => x.text)).toEqual(['18个多月']);
		expect(text.slice(q[0]!.start, q[0]!.end)).toBe('18个多月');
	});
});

describe('English forms', () => {
	it.each([
		[350_000_000, '350 million'],
		[12_000, '12,000'],
		[3_500_000_000, '3.5 billion'],
		[2e12, '2 trillion'],
		[1_234_567, '1,234,567'],
		[3.5, '3.5']
	])('%d reads as %s', (value, text) => {
		expect(englishNumber(value)).toBe(text);
	});
	it('reads qualifier and measure', () => {
		const [q] = scanZhQuantities('18个多月');
		expect(englishQuantity(q!)).toBe('more than 18 months');
	});
	it('normalises traditional characters and full-width digits without moving offsets', () => {
		const text = '１８個多月，兩萬';
		expect(normaliseZh(text)).toBe('18个多月，两万');
		expect(normaliseZh(text)).toHaveLength(text.length);
	});
});
