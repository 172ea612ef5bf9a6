import { describe, expect, it } from 'vitest';
import { checkDates } from './dates.ts';
import { scanEnDates, scanEnWeekdays } from './en-dates.ts';
import { scanZhDates, scanZhWeekdays } from './zh-dates.ts';

describe('scanZhDates', () => {
	it.each([
		['周三（2023年9月13日），普京与金正恩会面', { year: 2023, month: 9, day: 13 }],
		['【大纪元2023年09月14日讯】', { year: 2023, month: 9, day: 14 }],
		['美国国务院周三（9月13日）表示', { month: 9, day: 13 }],
		['例如，7月，俄罗斯国防部长谢尔盖‧绍伊古访问了朝鲜', { month: 7 }],
		['这是自1991年以来俄罗斯国防部长首次访问朝鲜', { year: 1991 }],
		['二〇二三年九月十三日', { year: 2023, month: 9, day: 13 }],
		['十二月', { month: 12 }],
		['周三（13日）', { day: 13 }],
		['2017 年 4 月 23 日，季風書園關閉的消息一經傳播，讀者們從四面八方趕來。', { year: 2017, month: 4, day: 23 }]
	] as const)('finds the date in %s', (text, expected) => {
		expect(scanZhDates(text)).toContainEqual(expect.objectContaining(expected));
	});
	it.each(['俄罗斯在乌克兰18个多月的战争中', '近几个月来两国关系更加密切', '三个月后', '90年代', '上个月', '13月32日'])('finds no date in %s', (text) => {
		expect(scanZhDates(text)).toEqual([]);
	});
});

describe('weekday scanners', () => {
	it('reads Chinese weekdays, not frequencies', () => {
		expect(scanZhWeekdays('周三、星期日、礼拜一，一周三次，30周年').map((d) => d.day)).toEqual([3, 0, 1]);
	});
	it('reads English weekdays', () => {
		expect(scanEnWeekdays('on Wednesday, Wed. and Mondays; not Wedding').map((d) => d.day)).toEqual([3, 3, 1]);
	});
});

describe('scanEnDates', () => {
	it.each([
		['September 13, 2023', { year: 2023, month: 9, day: 13 }],
		['Sept. 13, 2023', { year: 2023, month: 9, day: 13 }],
		['Sep 13, 2023', { year: 2023, month: 9, day: 13 }],
		['13 September 2023', { year: 2023, month: 9, day: 13 }],
		['on Sept. 13', { month: 9, day: 13 }],
		['in September 2023', { year: 2023, month: 9 }],
		['2023-09-13', { year: 2023, month: 9, day: 13 }],
		['In July, for example', { month: 7 }],
		['since mid-May', { month: 5 }]
	] as const)('reads %s', (text, expected) => {
		expect(scanEnDates(text)).toEqual([expect.objectContaining(expected)]);
	});
	it.each(['May I ask?', 'They march on.', 'Jan said so', 'in 18 months', 'Sept. 32'])('reads no date in %s', (text) => {
		expect(scanEnDates(text)).toEqual([]);
	});
});

describe('checkDates', () => {
	const codes = (source: string, target: string) => checkDates(source, target).map((f) => `${f.code}:${f.severity}`);
	// [source, English, expected findings]
	const table: [string, string, string[]][] = [
		// The seed's first paragraph: the brief's own case.
		['美国国务院周三（9月13日）表示，如果俄罗斯和朝鲜达成任何新的武器交易，美国政府将“毫不犹豫”对俄罗斯和朝鲜实施更多制裁。', 'The U.S. State Department said on Wednesday (Sept. 12) that it would “not hesitate” to impose more sanctions.', ['date-mismatch:error']],
		['美国国务院周三（9月13日）表示，如果俄罗斯和朝鲜达成任何新的武器交易，美国政府将“毫不犹豫”对俄罗斯和朝鲜实施更多制裁。', 'The U.S. State Department said on Wednesday (Sept. 13) that it would “not hesitate” to impose more sanctions.', []],
		['美国国务院周三（9月13日）表示', 'The State Department said on Wednesday (13 September)', []],
		['美国国务院周三（9月13日）表示', 'The State Department said on Tuesday (Sept. 13)', ['date-mismatch:error']],
		['美国国务院周三（9月13日）表示', 'The State Department said on Wednesday', ['date-mismatch:warning']],
		['美国国务院周三（9月13日）表示', 'The State Department said on Sept. 13', ['date-mismatch:info']],
		['美国国务院周三（9月13日）表示', 'The State Department said', ['date-mismatch:warning', 'date-mismatch:warning']],
		// The caption: full date with year.
		['周三（2023年9月13日），普京与金正恩会面。', 'On Wednesday (September 13, 2023), Putin and Kim Jong Un met.', []],
		['周三（2023年9月13日），普京与金正恩会面。', 'On Wednesday (Sep 13, 2023), Putin and Kim Jong Un met.', []],
		['周三（2023年9月13日），普京与金正恩会面。', 'On Wednesday (Sept. 13, 2022), Putin and Kim Jong Un met.', ['date-mismatch:error']],
		['周三（2023年9月13日），普京与金正恩会面。', 'On Wednesday (Sept. 13), Putin and Kim Jong Un met.', ['date-mismatch:info']],
		['例如，7月，俄罗斯国防部长谢尔盖‧绍伊古访问了朝鲜，这是自1991年以来俄罗斯国防部长首次访问朝鲜。', 'In July, Russian Defense Minister Sergei Shoigu visited North Korea, the first such visit since 1991.', []],
		['例如，7月，俄罗斯国防部长谢尔盖‧绍伊古访问了朝鲜，这是自1991年以来俄罗斯国防部长首次访问朝鲜。', 'In June, Russian Defense Minister Sergei Shoigu visited North Korea, the first such visit since 1991.', ['date-mismatch:error']],
		['例如，7月，俄罗斯国防部长谢尔盖‧绍伊古访问了朝鲜，这是自1991年以来俄罗斯国防部长首次访问朝鲜。', 'This summer, Russian Defense Minister Sergei Shoigu visited North Korea, the first such visit since 1991.', ['date-mismatch:warning']],
		['例如，7月，俄罗斯国防部长谢尔盖‧绍伊古访问了朝鲜，这是自1991年以来俄罗斯国防部长首次访问朝鲜。', 'In July, Russian Defense Minister Sergei Shoigu visited North Korea, the first such visit since 1990.', ['date-mismatch:error']],
		['米勒认为，普京向金正恩寻求帮助，表明他在2022年对乌克兰全面入侵是一次“战略失败”。', 'Miller said the full-scale invasion of Ukraine in 2022 was a “strategic failure.”', []],
		['米勒周一在国务院新闻会上也说', 'Miller also said at a briefing on Monday', []],
		['米勒周一在国务院新闻会上也说', 'Miller also said at a briefing', ['date-mismatch:warning']],
		['俄罗斯在乌克兰18个多月的战争中消耗了大量库存。', 'Russia has used up stocks in 18 months of war.', []]
	];
	it.each(table)('%s → %s', (source, target, expected) => {
		expect(codes(source, target)).toEqual(expected);
	});

	it('points at the wrong date in the English', () => {
		const target = 'The State Department said on Wednesday (Sept. 12) that';
		const [f] = checkDates('美国国务院周三（9月13日）表示', target);
		expect(target.slice(f!.range!.from, f!.range!.to)).toBe('Sept. 12');
		expect(f!.message).toContain('Sept. 13');
	});

	it('blames each wrong English date once, on the closest source date', () => {
		const findings = checkDates('【大纪元2023年09月14日讯】美国国务院周三（9月13日）表示', 'The State Department said on Wednesday (Sept. 12)');
		expect(findings.map((f) => `${f.severity}:${f.message}`)).toEqual([
			'warning:2023年09月14日 (Sept. 14, 2023) is not in the English',
			'error:9月13日 is Sept. 13, not “Sept. 12”'
		]);
	});
});
