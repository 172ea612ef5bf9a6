import { describe, expect, it } from 'vitest';
import { checkTypography, unmatchedMarks } from './typography.ts';

const found = (source: string, target: string) =>
	checkTypography(source, target).map((f) => `${f.code} ${JSON.stringify(target.slice(f.range!.from, f.range!.to))}`);

const SEED_QUOTE = '“当你看到看似加强的合作以及可能的军事转移时，这是相当令人不安的，并且可能违反多项联合国安理会决议。”米勒说。';
const SEED_PAREN = '在周三的新闻发布会上，美国国务院发言人马修‧米勒（Matthew Miller）对俄罗斯总统普京和朝鲜领导人金正恩在俄罗斯会晤问题做出回应时，他发出上述警告。';

describe('checkTypography', () => {
	const table: [string, string, string[]][] = [
		[SEED_QUOTE, '“When you see what appears to be increased cooperation, that is quite troubling,” Miller said.', []],
		[SEED_QUOTE, '“When you see what appears to be increased cooperation, that is quite troubling, Miller said.', ['unbalanced "“"']],
		[SEED_QUOTE, 'When you see what appears to be increased cooperation, that is quite troubling,” Miller said.', ['unbalanced "”"']],
		[SEED_QUOTE, '"When you see increased cooperation, that is quite troubling," Miller said.', []],
		[SEED_QUOTE, '"When you see increased cooperation, that is quite troubling, Miller said.', ['unbalanced "\\""']],
		[SEED_PAREN, 'State Department spokesman Matthew Miller (the spokesman issued the warning.', ['unbalanced "("']],
		[SEED_PAREN, 'State Department spokesman Matthew Miller issued the warning.)', ['unbalanced ")"']],
		[SEED_PAREN, 'Spokesman Matthew Miller [of the State Department) issued the warning.', ['unbalanced "["', 'unbalanced ")"']],
		[SEED_PAREN, 'State Department spokesman  Matthew Miller issued the warning.', ['double-space "  "']],
		[SEED_PAREN, 'State Department spokesman Matthew Miller issued the warning .', ['space-before-punctuation " "']],
		[SEED_PAREN, 'Miller , the spokesman, said it ; then left !', ['space-before-punctuation " "', 'space-before-punctuation " "', 'space-before-punctuation " "']],
		[SEED_PAREN, 'It cost .5 million; Putin’s and Kim’s ‘90s-era ties… “They said ‘no.’”', []],
		// A quotation that runs on into the next paragraph, as in the source.
		['“我们继续评估乌克兰人的反攻正在取得的进展，', '“We continue to assess the progress of the counteroffensive,', []],
		// Leading and trailing spaces while typing are not double spaces.
		[SEED_PAREN, '  Miller said  ', []]
	];
	it.each(table)('%s → %s', (source, target, expected) => {
		expect(found(source, target)).toEqual(expected);
	});
});

describe('unmatchedMarks', () => {
	it('reads Chinese brackets of the source as brackets', () => {
		expect(unmatchedMarks('马修‧米勒（Matthew Miller')).toEqual([{ at: 5, mark: '（', kind: 'bracket', problem: 'unclosed' }]);
	});
	it('reports what a mismatched closer leaves open', () => {
		expect(unmatchedMarks('(a “b)').map((u) => `${u.mark}:${u.problem}`)).toEqual(['“:unclosed']);
	});
});
