import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '../types.ts';
import { checkGlossary, suggestions, termOccurrences, verbatimSpans } from './glossary.ts';
import { compileGlossary } from './matcher.ts';
import { glossaryEntry } from '../glossary/entries.test-helpers.ts';

/** People unless said otherwise: most terms here are names. */
const entry = (id: number, source: string, targets: string[], extra: Partial<GlossaryEntry> = {}) => glossaryEntry(id, source, targets, { type: 'person', ...extra });

const matcher = compileGlossary([
	entry(1, '普京', ['Putin'], { forbidden: ['Poutine'] }),
	entry(2, '金正恩', ['Kim Jong Un'], { forbidden: ['Kim Jong-un', 'Jong Un'] }),
	entry(3, '东方航天发射场', ['Vostochny Cosmodrome'], { type: 'place' }),
	entry(4, '联合国安理会', ['U.N. Security Council', 'UN Security Council'], { type: 'organisation' }),
	entry(5, '制裁', ['sanction'], { type: 'term' }),
	entry(6, '微信', ['WeChat'], { doNotTranslate: false, type: 'term' }),
	entry(7, 'TikTok', [], { doNotTranslate: true, type: 'term' }),
	entry(8, '普京', ['Vladimir Putin'])
]);

const SEED_MEETING = '周三，普京与金正恩在俄罗斯远东地区的东方航天发射场（Vostochny Cosmodrome）会面。';
const SEED_UN = '他说，俄罗斯和朝鲜正在讨论加强合作，这可能违反联合国安理会的决议，这令人不安。';

describe('checkGlossary', () => {
	const table: [string, string, string[]][] = [
		[SEED_MEETING, 'On Wednesday, Putin and Kim Jong Un met at the Vostochny Cosmodrome in Russia’s Far East.', []],
		[SEED_MEETING, 'On Wednesday, the Russian president and Kim Jong Un met at the Vostochny Cosmodrome.', ['glossary-missing:warning']],
		[SEED_MEETING, 'On Wednesday, Putin and Kim Jong Un met at the Vostochny space center.', ['glossary-missing:warning']],
		[SEED_MEETING, 'On Wednesday, Poutine and Kim Jong Un met at the Vostochny Cosmodrome.', ['glossary-missing:warning', 'glossary-forbidden:error']],
		[SEED_MEETING, 'On Wednesday, Putin and Kim Jong-un met at the Vostochny Cosmodrome.', ['glossary-missing:warning', 'glossary-forbidden:error']],
		// “Jong Un” is forbidden alone, but it is part of the accepted “Kim Jong Un”.
		[SEED_MEETING, 'On Wednesday, Putin and Kim Jong Un met at the Vostochny Cosmodrome. Jong Un smiled.', ['glossary-forbidden:error']],
		// Case-insensitive, possessive and a second entry's rendering all count.
		[SEED_MEETING, 'On Wednesday, Vladimir Putin’s guest KIM JONG UN toured the vostochny cosmodrome.', []],
		[SEED_UN, 'He said it could violate U.N. Security Council resolutions.', []],
		[SEED_UN, 'He said it could violate UN Security Council resolutions.', []],
		[SEED_UN, 'He said it could violate resolutions of the Security Council.', ['glossary-missing:warning']],
		// Terms accept a plural; renderings must be whole words.
		['美国将对俄罗斯实施更多制裁。', 'The US will impose more sanctions on Russia.', []],
		['美国将对俄罗斯实施更多制裁。', 'The US will take more sanctioning steps.', ['glossary-missing:warning']],
		// Do-not-translate: verbatim, case-sensitive.
		['他在TikTok上发布了视频。', 'He posted a video on TikTok.', []],
		['他在TikTok上发布了视频。', 'He posted a video on Tiktok.', ['glossary-missing:warning']],
		['俄罗斯与中共一起反对对朝鲜实施新制裁。', 'Russia, together with the CCP, opposed new sanctions on North Korea.', []]
	];
	it.each(table)('%s → %s', (source, target, expected) => {
		expect(checkGlossary(source, target, matcher).map((f) => `${f.code}:${f.severity}`)).toEqual(expected);
	});

	it('names the renderings it expected and points at the forbidden variant', () => {
		const target = 'On Wednesday, Poutine met Kim Jong Un at the Vostochny Cosmodrome.';
		const [missing, forbidden] = checkGlossary(SEED_MEETING, target, matcher);
		expect(missing!.message).toBe('普京 → “Putin” or “Vladimir Putin” is not in the English');
		expect(missing!.range).toBeUndefined();
		expect(target.slice(forbidden!.range!.from, forbidden!.range!.to)).toBe('Poutine');
		expect(forbidden!.message).toBe('“Poutine” is a forbidden variant for 普京: use “Putin”');
	});
});

describe('suggestions', () => {
	it('offers the preferred rendering of each term in source order, once', () => {
		expect(suggestions('普京与金正恩会面。金正恩从朝鲜乘火车抵达，普京带他参观东方航天发射场。', matcher)).toEqual(['Putin', 'Kim Jong Un', 'Vostochny Cosmodrome']);
		expect(suggestions('他在TikTok和微信上发布了视频。', matcher)).toEqual(['TikTok', 'WeChat']);
		expect(suggestions('没有术语。', matcher)).toEqual([]);
	});
});

describe('termOccurrences and verbatimSpans', () => {
	it('finds whole words only', () => {
		expect(termOccurrences('Putin, Putinism and putin', 'Putin')).toEqual([
			{ from: 0, to: 5 },
			{ from: 20, to: 25 }
		]);
		expect(termOccurrences('Putin and putin', 'Putin', { exact: true })).toEqual([{ from: 0, to: 5 }]);
	});
	it('marks do-not-translate terms kept verbatim in the English', () => {
		const m = compileGlossary([entry(1, '对照', [], { doNotTranslate: true }), entry(2, '普京', ['Putin'])]);
		expect(verbatimSpans('Duizhao (对照) and 普京', m)).toEqual([{ from: 9, to: 11 }]);
	});
});
