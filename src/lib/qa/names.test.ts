import { describe, expect, it } from 'vitest';
import { checkNameVariants, type TargetText } from './names.ts';

const t = (segmentId: string, text: string): TargetText => ({ segmentId, text });
/** Findings as `segment "text"`. */
const found = (targets: TargetText[], preferred: string[] = []) =>
	checkNameVariants(targets, preferred).map((f) => {
		const text = targets.find((x) => x.segmentId === f.segmentId)!.text;
		return `${f.segmentId} ${JSON.stringify(text.slice(f.range!.from, f.range!.to))}`;
	});

describe('checkNameVariants', () => {
	const table: [string, TargetText[], string[]][] = [
		['Xi Jinping / Jinping Xi', [t('s1', 'Xi Jinping met Putin.'), t('s2', 'Xi Jinping said so.'), t('s3', 'Jinping Xi left.')], ['s3 "Jinping Xi"']],
		['Xi Jinping / Xi Jin-ping', [t('s1', 'Xi Jinping met Putin.'), t('s2', 'Later, Xi Jin-ping said so.'), t('s3', 'Xi Jinping left.')], ['s2 "Xi Jin-ping"']],
		['Kim Jong Un / Kim Jong-un / Kim Jongun', [t('s1', 'Putin and Kim Jong Un met.'), t('s2', 'Kim Jong-un arrived by train.'), t('s3', 'Kim Jong Un’s visit; Kim Jongun asked.')], ['s2 "Kim Jong-un"', 's3 "Kim Jongun"']],
		['Kim Jong Un / Jong Un Kim', [t('s1', 'Kim Jong Un met Putin.'), t('s2', 'Kim Jong Un and Jong Un Kim.')], ['s2 "Jong Un Kim"']],
		['variants in one paragraph', [t('s1', 'Moon Jae-in met Moon Jae In, and Moon Jae-in left.')], ['s1 "Moon Jae In"']],
		['the seed, translated consistently', [t('s2', 'On Wednesday (Sept. 13, 2023), Putin and Kim Jong Un met at the Vostochny Cosmodrome.'), t('s9', 'Putin showed Kim Jong Un around. Kim Jong Un arrived from North Korea by train.'), t('s12', 'Britain said Kim Jong Un’s visit showed how isolated Russia had become.')], []],
		['different people are not variants', [t('s1', 'Xi Jinping met Li Qiang and Wang Yi.'), t('s2', 'Li Keqiang and Wang Yi left.')], []],
		['related words are not variants', [t('s1', 'North Korea and North Korean officials.'), t('s2', 'The State Department and the United States.')], []],
		['names split by punctuation are not candidates', [t('s1', 'Xi, Jinping Province'), t('s2', 'Xi Jinping')], []]
	];
	it.each(table)('%s', (_name, targets, expected) => {
		expect(found(targets)).toEqual(expected);
	});

	it('takes the glossary’s spelling as the reference, even when rarer', () => {
		const targets = [t('s1', 'Kim Jong-un met Putin.'), t('s2', 'Kim Jong-un left.'), t('s3', 'Kim Jong Un arrived.')];
		expect(found(targets)).toEqual(['s3 "Kim Jong Un"']);
		expect(found(targets, ['Kim Jong Un'])).toEqual(['s1 "Kim Jong-un"', 's2 "Kim Jong-un"']);
		expect(checkNameVariants(targets, ['Kim Jong Un'])[0]).toMatchObject({ code: 'name-variant', severity: 'warning', message: '“Kim Jong-un”: the glossary has “Kim Jong Un” (1×)' });
	});
});
