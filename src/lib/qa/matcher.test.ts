import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '../types.ts';
import { Automaton, compileGlossary, type MatchStats, type PatternMatch } from './matcher.ts';
import { glossaryEntry } from '../glossary/entries.test-helpers.ts';
import { mulberry32 } from '../../../tests/helpers/random.ts';

/** Deterministic, so failures reproduce. */
const rng = mulberry32;

/** The obvious reference: at each position, the longest pattern starting there. */
function naive(text: string, patterns: string[]): PatternMatch[] {
	const out: PatternMatch[] = [];
	for (let i = 0; i < text.length; ) {
		let best = -1;
		patterns.forEach((p, k) => {
			if (p && text.startsWith(p, i) && (best < 0 || p.length > patterns[best]!.length)) best = k;
		});
		if (best >= 0) {
			out.push({ pattern: best, start: i, end: i + patterns[best]!.length });
			i += patterns[best]!.length;
		} else i++;
	}
	return out;
}

const entry = (id: number, source: string, targets: string[] = [`T${id}`], extra: Partial<GlossaryEntry> = {}) => glossaryEntry(id, source, targets, extra);

describe('Automaton: leftmost-longest, non-overlapping', () => {
	const table: [string[], string, [number, number, number][]][] = [
		[['普京', '金正恩'], '普京与金正恩会面', [[0, 0, 2], [1, 3, 6]]],
		[['俄罗斯', '俄罗斯远东地区', '远东'], '俄罗斯远东地区的发射场', [[1, 0, 7]]],
		[['bcd', 'abcde'], 'xabcdex', [[1, 1, 6]]],
		[['ab', 'bc'], 'abc', [[0, 0, 2]]],
		[['a', 'aa', 'aaa'], 'aaaaaaa', [[2, 0, 3], [2, 3, 6], [0, 6, 7]]],
		[['he', 'she', 'his', 'hers'], 'ushers', [[1, 1, 4]]],
		[['联合国', '联合国安理会', '安理会'], '违反联合国安理会决议，安理会', [[1, 2, 8], [2, 11, 14]]],
		[['𠮷', '𠮷田'], '𠮷田さん𠮷', [[1, 0, 3], [0, 5, 7]]],
		[[''], 'abc', []],
		[['x'], '', []]
	];
	it.each(table)('%j in %s', (patterns, text, expected) => {
		expect(new Automaton(patterns).find(text).map((m) => [m.pattern, m.start, m.end])).toEqual(expected);
	});

	it('agrees with the naive reference on random inputs', () => {
		const random = rng(20230913);
		const alphabets = ['ab', 'abc', '普京金正恩俄', 'a𠮷b'];
		for (let round = 0; round < 600; round++) {
			const alphabet = [...alphabets[round % alphabets.length]!];
			const pick = () => alphabet[Math.floor(random() * alphabet.length)]!;
			const word = (max: number) => Array.from({ length: 1 + Math.floor(random() * max) }, pick).join('');
			const patterns = Array.from({ length: 1 + Math.floor(random() * 12) }, () => word(5));
			const text = Array.from({ length: Math.floor(random() * 120) }, pick).join('');
			expect(new Automaton(patterns).find(text), `${JSON.stringify(patterns)} in ${text}`).toEqual(naive(text, patterns));
		}
	});
});

describe('Automaton: work grows with the text, not with the number of terms', () => {
	const CHARS = [...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严'];
	const random = rng(42);
	const pick = () => CHARS[Math.floor(random() * CHARS.length)]!;
	const terms = (count: number) => {
		const set = new Set<string>();
		while (set.size < count) set.add(Array.from({ length: 2 + Math.floor(random() * 5) }, pick).join(''));
		return [...set];
	};
	const text = (length: number) => Array.from({ length }, pick).join('');
	const few = new Automaton(terms(10));
	const many = new Automaton(terms(5000));
	const steps = (a: Automaton, t: string) => {
		const stats: MatchStats = { steps: 0 };
		const found = a.find(t, stats);
		return { steps: stats.steps, found: found.length };
	};

	it('does at most 3 steps per code unit, whatever the glossary size', () => {
		for (const n of [1_000, 4_000, 16_000]) {
			const t = text(n);
			const a = steps(few, t);
			const b = steps(many, t);
			expect(b.found).toBeGreaterThan(0);
			for (const s of [a.steps, b.steps]) {
				expect(s).toBeGreaterThanOrEqual(n);
				expect(s).toBeLessThanOrEqual(3 * n);
			}
		}
	});

	it('grows linearly with the text length', () => {
		const base = text(1_000);
		const one = steps(many, base).steps;
		const sixteen = steps(many, base.repeat(16)).steps;
		// 16× the text, 16× the work (± the few steps at the seams).
		expect(sixteen).toBeGreaterThanOrEqual(16 * one - 16 * 20);
		expect(sixteen).toBeLessThanOrEqual(16 * one + 16 * 20);
	});

	it('stays linear on the worst case for match-enumerating matchers (a, aa, aaa … over aaaa…)', () => {
		const nested = new Automaton(Array.from({ length: 200 }, (_, i) => 'a'.repeat(i + 1)));
		for (const n of [1_000, 8_000]) {
			const s = steps(nested, 'a'.repeat(n) + 'b');
			expect(s.steps).toBeLessThanOrEqual(3 * (n + 1));
			expect(s.found).toBe(Math.ceil(n / 200));
		}
	});

	it('highlights 5,000 terms over a 2,000-pair article in linear work', () => {
		const matcher = compileGlossary(terms(5000).map((source, i) => entry(i, source)));
		const pairs = Array.from({ length: 2000 }, () => text(60));
		const stats: MatchStats = { steps: 0 };
		let found = 0;
		for (const p of pairs) found += matcher.find(p, stats).length;
		const total = pairs.reduce((sum, p) => sum + p.length, 0);
		expect(found).toBeGreaterThan(0);
		expect(stats.steps).toBeLessThanOrEqual(3 * total);
	});
});

describe('compileGlossary', () => {
	it('groups entries with the same source term, first one first', () => {
		const m = compileGlossary([entry(1, '普京', ['Putin']), entry(2, ' 普京 ', ['Vladimir Putin']), entry(3, '金正恩', ['Kim Jong Un'])]);
		expect(m.size).toBe(2);
		const found = m.find('普京会见金正恩');
		expect(found.map((f) => [f.entry.id, f.entries.map((e) => e.id), f.start, f.end])).toEqual([
			[1, [1, 2], 0, 2],
			[3, [3], 4, 7]
		]);
	});

	it('finds forbidden variants case-insensitively, as whole words', () => {
		const m = compileGlossary([entry(1, '普京', ['Putin'], { forbidden: ['Poutine'] }), entry(2, '金正恩', ['Kim Jong Un'], { forbidden: ['Kim Jong-un'] })]);
		const text = 'POUTINE met KIM JONG-UN; poutines are food; Kim Jong-une is not a name.';
		expect(m.findForbidden(text).map((f) => [f.entry.id, f.variant, text.slice(f.start, f.end)])).toEqual([
			[1, 'Poutine', 'POUTINE'],
			[2, 'Kim Jong-un', 'KIM JONG-UN']
		]);
	});

	it('ignores empty terms and variants', () => {
		const m = compileGlossary([entry(1, '  ', ['x'], { forbidden: ['', ' '] })]);
		expect(m.size).toBe(0);
		expect(m.find('anything')).toEqual([]);
		expect(m.findForbidden('anything')).toEqual([]);
	});
});
