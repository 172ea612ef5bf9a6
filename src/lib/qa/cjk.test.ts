import { describe, expect, it } from 'vitest';
import { checkCjk, englishPunctuation } from './cjk.ts';

/** Findings as `code "text"` with the text their range covers. */
const found = (target: string, allowed: { from: number; to: number }[] = []) =>
	checkCjk(target, allowed).map((f) => `${f.code} ${JSON.stringify(target.slice(f.range!.from, f.range!.to))}`);

describe('checkCjk', () => {
	const table: [string, string[]][] = [
		// Half-finished sentences from translating the seed.
		['State Department spokesman Matthew Miller responded to the meeting between 普京 and Kim Jong Un.', ['han-left "普京"']],
		['Miller said：“We will not hesitate to impose additional sanctions.”', ['cjk-punctuation "："']],
		['Putin and Kim met at the Vostochny Cosmodrome（东方航天发射场）.', ['cjk-punctuation "（"', 'han-left "东方航天发射场"', 'cjk-punctuation "）"']],
		['They discussed military issues、the war in Ukraine and satellites。', ['cjk-punctuation "、"', 'cjk-punctuation "。"']],
		['U.N. Secretary-General António Guterres said Russia must tread carefully．', ['cjk-punctuation "．"']],
		['Russia has used up stocks in more than １８ months of war.', ['cjk-punctuation "１８"']],
		['Miller said\u3000the meeting was not a social gathering.', ['cjk-punctuation "\u3000"']],
		['Defense Minister Sergei‧Shoigu visited North Korea.', ['cjk-punctuation "‧"']],
		['The war continues——and so do the sanctions……', ['cjk-punctuation "——"', 'cjk-punctuation "……"']],
		['The 《Global Times》 said so.', ['cjk-punctuation "《"', 'cjk-punctuation "》"']],
		['Miller said: “We have taken a series of actions.”', []],
		['Putin’s visit — the first since 1991 — lasted a day…', []],
		['U.N. Secretary-General António Guterres said Russia must tread carefully.', []],
		['Costs rose 5% to ¥3,000 (about $410).', []],
		['', []]
	];
	it.each(table)('%s', (target, expected) => {
		expect(found(target)).toEqual(expected);
	});

	it('merges adjacent punctuation into one finding and suggests the English', () => {
		const [f] = checkCjk('He said.”）。');
		expect(f!.message).toContain('“）。”');
		expect(englishPunctuation('）。')).toBe(').');
		expect(englishPunctuation('，：；！？【】')).toBe(',:;!?[]');
		expect(englishPunctuation('ＡＢＣ１２３')).toBe('ABC123');
	});

	it('leaves Han characters inside allowed spans (do-not-translate terms)', () => {
		const target = 'The word 对照 means “side by side”.';
		expect(found(target, [{ from: 9, to: 11 }])).toEqual([]);
		expect(found(target)).toEqual(['han-left "对照"']);
	});

	it('reports non-BMP Han with UTF-16 ranges', () => {
		const target = 'Name: 𠮷田.';
		const [f] = checkCjk(target);
		expect(f!.range).toEqual({ from: 6, to: 9 });
	});
});
