import { describe, expect, it } from 'vitest';
import { sameValue, scaleSlip, scanEnNumbers } from './en-numbers.ts';

const values = (text: string) => scanEnNumbers(text).map((n) => ({ value: n.value, approx: n.approx, unit: n.unit, text: text.slice(n.from, n.to) }));

describe('scanEnNumbers', () => {
	const table: [string, { value: number; approx?: string; unit?: string; text?: string }][] = [
		['The project cost 350 million yuan.', { value: 350_000_000, text: '350 million' }],
		['The project cost 350,000,000 yuan.', { value: 350_000_000 }],
		['a $3.5bn package', { value: 3_500_000_000, text: '3.5bn' }],
		['About 12,000 troops took part.', { value: 12_000, approx: 'less' }],
		['twelve thousand troops', { value: 12_000, text: 'twelve thousand' }],
		['a million people', { value: 1_000_000, text: 'a million' }],
		['one hundred and five', { value: 105 }],
		['in more than 18 months of war', { value: 18, approx: 'more' }],
		['the 18-plus months of war', { value: 18, approx: 'more' }],
		['over 18 months', { value: 18, approx: 'more' }],
		['nearly 30 years', { value: 30, approx: 'less' }],
		['more than $350 million', { value: 350_000_000, approx: 'more' }],
		['rose 0.5 percentage point', { value: 0.5, unit: 'pp' }],
		['rose 5%', { value: 5, unit: 'percent' }],
		['rose 5 per cent', { value: 5, unit: 'percent' }],
		['the twenty-first century', { value: 21, text: 'twenty-first' }],
		['World War II', { value: 2 }],
		['the G20 summit', { value: 20 }],
		['the 19th Party Congress', { value: 19 }],
		['a dozen drones', { value: 12 }]
	];
	it.each(table)('reads %s', (text, expected) => {
		expect(values(text)).toContainEqual(expect.objectContaining(expected));
	});

	it.each([
		['Russia and North Korea denied it.', []],
		['He said “not now.”', []],
		['two and three', [2, 3]],
		['twenty-first', [21]],
		['3.5 percent', [3.5]],
		['1,2', [1]]
	] as const)('reads exactly %s', (text, expected) => {
		expect(scanEnNumbers(text).map((n) => n.value)).toEqual(expected);
	});

	it('gives decades a second reading in years', () => {
		expect(scanEnNumbers('three decades')[0]).toMatchObject({ value: 3, alt: 30 });
	});
});

describe('value comparison', () => {
	it('tolerates floating point', () => {
		expect(sameValue(1.2 * 1e4, 12_000)).toBe(true);
		expect(sameValue(0.1 + 0.2, 0.3)).toBe(true);
		expect(sameValue(12_000, 12_001)).toBe(false);
	});
	it('recognises a slip of scale', () => {
		expect(scaleSlip(3_500_000_000, 350_000_000)).toBe(true);
		expect(scaleSlip(1_200, 12_000)).toBe(true);
		expect(scaleSlip(350_000_000, 350_000_000)).toBe(false);
		expect(scaleSlip(340_000_000, 350_000_000)).toBe(false);
	});
});
