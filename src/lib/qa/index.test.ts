import { describe, expect, it } from 'vitest';
import seedMarkdown from '../../../tests/fixtures/articles/epoch-n14073200-us-sanctions-warning.md?raw';
import { english, SEED_ENGLISH, SEED_GLOSSARY, SEED_PARTS, SEED_SEGMENTS, type Part } from '../../../tests/fixtures/seed-pairs.ts';
import type { PMNodeJSON } from '../types.ts';
import { checkArticle, checkSegment, compileGlossary, QA_CODE_LIST, QA_CODES, suggestions } from './index.ts';

const seg = (id: string) => SEED_SEGMENTS.find((s) => s.id === id)!;
const matcher = compileGlossary(SEED_GLOSSARY);
/** The clean English of a pair with `from` replaced by `to`. */
const edited = (id: string, from: string, to: string): PMNodeJSON =>
	english(...SEED_PARTS[id]!.map((p): Part => (typeof p === 'string' ? p.replace(from, to) : [p[0].replace(from, to), p[1]])));

describe('the seed fixture', () => {
	it('uses the seed article’s own sentences', () => {
		const flat = seedMarkdown.replace(/<[^>]*>/g, '').replace(/\s+/g, '');
		for (const s of SEED_SEGMENTS) expect(flat, s.id).toContain(s.text.replace(/\s+/g, ''));
	});
});

describe('checkArticle', () => {
	it('finds nothing in a correct translation of the seed article', () => {
		expect(checkArticle({ segments: SEED_SEGMENTS, targets: SEED_ENGLISH, glossary: SEED_GLOSSARY })).toEqual([]);
	});

	it('finds each planted mistake in its pair, in segment order', () => {
		const targets = {
			...SEED_ENGLISH,
			s3: edited('s3', 'Sept. 13', 'Sept. 12'),
			s4: english('State Department spokesman Matthew Miller responded on Wednesday to questions about the meeting between ', ['Putin', 'https://www.epochtimes.com/gb/tag/%E6%99%AE%E4%BA%AC.html'], ' and Kim Jong-un.'),
			s8: edited('s8', 'met at', 'met  at'),
			s10: edited('s10', 'more than 18 months', '18 months'),
			s16: null,
			s18: edited('s18', 'Pyongyang', 'North Korea')
		};
		const findings = checkArticle({ segments: SEED_SEGMENTS, targets, glossary: SEED_GLOSSARY });
		expect(findings.map((f) => `${f.segmentId} ${f.code}:${f.severity}`)).toEqual([
			's3 date-mismatch:error',
			's4 glossary-missing:warning',
			's4 link-missing:warning',
			's4 glossary-forbidden:error',
			's4 name-variant:warning',
			's8 double-space:warning',
			's10 number-approx:warning',
			's16 empty:warning',
			's18 glossary-missing:warning'
		]);
	});

	it('reports an inconsistency on both pairs with the same source', () => {
		const same = [{ ...seg('s5'), id: 'a' }, { ...seg('s5'), id: 'b' }];
		const findings = checkArticle({ segments: same, targets: { a: SEED_ENGLISH.s5!, b: edited('s5', 'already', '') }, glossary: [] });
		expect(findings.filter((f) => f.code === 'inconsistent').map((f) => f.segmentId)).toEqual(['a', 'b']);
	});

	it('uses statuses for the severity of empty pairs', () => {
		const findings = checkArticle({ segments: [seg('s3'), seg('s5')], targets: {}, glossary: [], statuses: { s3: 'translated', s5: 'draft' } });
		expect(findings.map((f) => `${f.segmentId} ${f.severity}`)).toEqual(['s3 error', 's5 info']);
	});
});

describe('checkSegment', () => {
	it('reports only the emptiness of an empty or untranslated pair', () => {
		expect(checkSegment({ segment: seg('s3'), target: null, matcher }).map((f) => f.code)).toEqual(['empty']);
		expect(checkSegment({ segment: seg('s3'), target: english(seg('s3').text), matcher }).map((f) => f.code)).toEqual(['untranslated']);
	});

	it('orders findings by position with ranges into the plain text of the English', () => {
		const target = english('Miller said：', '“We have taken  a series of actions.”');
		const findings = checkSegment({ segment: seg('s5'), target, matcher });
		expect(findings.map((f) => f.code)).toEqual(['cjk-punctuation', 'double-space']);
		expect(findings[1]!.range).toEqual({ from: 26, to: 28 });
	});

	it('skips glossary checks without a matcher', () => {
		expect(checkSegment({ segment: seg('s18'), target: edited('s18', 'Pyongyang', 'North Korea') })).toEqual([]);
	});

	it('keeps Han characters of do-not-translate terms', () => {
		const m = compileGlossary([{ ...SEED_GLOSSARY[0]!, id: 99, source: '大纪元', targets: [], doNotTranslate: true }]);
		const segment = { id: 'x', kind: 'paragraph' as const, text: '大纪元报导。', html: '大纪元报导。' };
		expect(checkSegment({ segment, target: english('The Epoch Times (大纪元) reported.'), matcher: m })).toEqual([]);
	});
});

describe('suggestions', () => {
	it('offers the seed’s terms in source order for Alt+1…9', () => {
		expect(suggestions(seg('s9').text, matcher)).toEqual(['Putin', 'Kim Jong Un', 'Vostochny Cosmodrome']);
	});
});

describe('the code registry', () => {
	it('describes every code with a severity, scope and family module', () => {
		const families = new Set(Object.keys(import.meta.glob('./*.ts')).map((p) => p.slice(2, -3)));
		for (const c of QA_CODE_LIST) {
			expect(['error', 'warning', 'info']).toContain(c.severity);
			expect(families, c.code).toContain(c.family);
			expect(c.description.length).toBeGreaterThan(10);
		}
		expect(QA_CODE_LIST.map((c) => c.code)).toEqual(Object.keys(QA_CODES));
	});
});
