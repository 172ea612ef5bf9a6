import { describe, expect, it } from 'vitest';
import { checkNumbers } from './numbers.ts';

const codes = (source: string, target: string) => checkNumbers(source, target).map((f) => `${f.code}:${f.severity}`);

const SEED_18 = '美国和韩国官员对金正恩可能向俄罗斯提供武器弹药表示担忧，俄罗斯在乌克兰18个多月的战争中消耗了大量库存。';
const SEED_TWO_WEEKS = '过去两周，美国多次敦促平壤不要向俄罗斯出售武器。';
const SEED_TWO_COUNTRIES = '他当时对记者表示：“我将提醒两国，任何从朝鲜向俄罗斯转让武器的行为都将违反联合国安理会多项决议。”';

describe('checkNumbers', () => {
	// [source, English, expected findings]
	const table: [string, string, string[]][] = [
		// The seed: 18个多月 as “18 months” is a finding, as “more than 18 months” is not.
		[SEED_18, 'U.S. and South Korean officials are concerned, as Russia has used up large stocks in 18 months of war in Ukraine.', ['number-approx:warning']],
		[SEED_18, 'U.S. and South Korean officials are concerned, as Russia has used up large stocks in more than 18 months of war in Ukraine.', []],
		[SEED_18, 'Russia has used up large stocks in over 18 months of war.', []],
		[SEED_18, 'Russia has used up large stocks in the 18-plus months of war.', []],
		[SEED_18, 'Russia has used up large stocks in its war in Ukraine.', ['number-mismatch:warning']],
		[SEED_TWO_WEEKS, 'Over the past two weeks, the United States has repeatedly urged Pyongyang not to sell arms to Russia.', []],
		[SEED_TWO_WEEKS, 'Over the past 2 weeks, the United States has repeatedly urged Pyongyang not to sell arms to Russia.', []],
		[SEED_TWO_WEEKS, 'Over the past three weeks, the United States has urged Pyongyang not to sell arms to Russia.', ['number-mismatch:warning']],
		// 两国 = “both countries”: not a count the English must carry.
		[SEED_TWO_COUNTRIES, '“I would remind both countries that any transfer of arms would violate multiple U.N. Security Council resolutions,” he said.', []],
		// Scales: 亿 and 万.
		['该项目耗资3.5亿元人民币。', 'The project cost 350 million yuan.', []],
		['该项目耗资3.5亿元人民币。', 'The project cost 350,000,000 yuan.', []],
		['该项目耗资3.5亿元人民币。', 'The project cost 3.5 billion yuan.', ['number-mismatch:error']],
		['约有1.2万名士兵参加演习。', 'About 12,000 soldiers took part in the exercise.', []],
		['约有1.2万名士兵参加演习。', 'About twelve thousand soldiers took part in the exercise.', []],
		['约有1.2万名士兵参加演习。', 'About 1.2 million soldiers took part in the exercise.', ['number-mismatch:error']],
		['约有1.2万名士兵参加演习。', 'Thousands of soldiers took part in the exercise.', ['number-mismatch:warning']],
		// Chinese numerals.
		['三十人在袭击中受伤。', 'Thirty people were injured in the attack.', []],
		['三十人在袭击中受伤。', '30 people were injured in the attack.', []],
		['三十人在袭击中受伤。', '13 people were injured in the attack.', ['number-mismatch:warning']],
		// Percent and percentage points.
		['失业率上升了0.5个百分点。', 'The jobless rate rose 0.5 percentage point.', []],
		['失业率上升了0.5个百分点。', 'The jobless rate rose 0.5 percent.', ['unit-mismatch:error']],
		['出口增长百分之五。', 'Exports grew 5%.', []],
		['出口增长百分之五。', 'Exports grew 5 percentage points.', ['unit-mismatch:error']],
		// Currency: 元 is yuan.
		['罚款5000元。', 'The fine was 5,000 yuan.', []],
		['罚款5000元。', 'The fine was 5,000 RMB.', []],
		['罚款5000元。', 'The fine was $5,000.', ['unit-mismatch:error']],
		['罚款5000元。', 'The fine was 5,000.', ['unit-mismatch:warning']],
		['援助金额超过5000万美元。', 'The aid exceeded $50 million.', ['number-approx:warning']],
		['援助金额超过5000万美元。', 'The aid came to more than $50 million.', []],
		// Nearly.
		['近30年来首次访问。', 'The first visit in nearly 30 years.', []],
		['近30年来首次访问。', 'The first visit in almost three decades.', []],
		['近30年来首次访问。', 'The first visit in 30 years.', ['number-approx:warning']]
	];
	it.each(table)('%s → %s', (source, target, expected) => {
		expect(codes(source, target)).toEqual(expected);
	});

	it('points at the number whose qualifier was dropped', () => {
		const target = 'Russia has used up large stocks in 18 months of war.';
		const [f] = checkNumbers(SEED_18, target);
		expect(target.slice(f!.range!.from, f!.range!.to)).toBe('18');
		expect(f!.message).toContain('more than 18 months');
	});

	it('points at the number at the wrong scale and says the right one', () => {
		const target = 'The project cost 3.5 billion yuan.';
		const [f] = checkNumbers('该项目耗资3.5亿元。', target);
		expect(target.slice(f!.range!.from, f!.range!.to)).toBe('3.5 billion');
		expect(f!.message).toBe('3.5亿元 is 350 million, not “3.5 billion”');
	});

	it('leaves dates to the dates family', () => {
		expect(codes('周三（2023年9月13日），普京与金正恩会面。', 'On Wednesday, Putin and Kim met.')).toEqual([]);
	});
});
