// Every vector of tests/fixtures/xss-vectors.json in every field the exporters read
// (safety.test-helpers.ts `hostileInput`): the outputs are parsed and walked — HTML with
// rehype-parse, Markdown with remark, XML with @xmldom/xmldom — and must contain no
// executable markup, while the hostile text itself survives as text.
import { DOMParser } from '@xmldom/xmldom';
import { toText } from 'hast-util-to-text';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { docToText } from '../schema/text.ts';
import { bilingualHtml } from './bilingual-html.ts';
import { claimReviewJson } from './claimreview.ts';
import { englishHtml } from './english-html.ts';
import { fileName } from './files.ts';
import { htmlText } from './html-parts.ts';
import { englishMarkdown } from './markdown.ts';
import { dangerousUrl, hostileInput, htmlProblems, jsonLdBlocks, markdownProblems, parseHtml, XSS_VECTORS } from './safety.test-helpers.ts';
import { tmx } from './tmx.ts';
import { FORMATS, type ExportInput } from './types.ts';
import { xliff } from './xliff.ts';
import { parseXliff } from './xliff-parse.ts';

const INPUTS: [string, () => ExportInput][] = [
	['hostile fields', () => hostileInput()],
	['hostile fields, language tag and article id', () => hostileInput({ lang: '"><script>alert(1)</script>', id: '../../etc/passwd"<x>' })]
];

/** Text as the export writes it (controls as U+FFFD) and a parser reads it (whitespace runs as one space). */
const norm = (s: string) => htmlText(s).replace(/\s+/g, ' ').trim();
const xmlSafe = (s: string) => s.replace(/\r\n?/g, '\n');

describe.each(INPUTS)('injection: %s', (_name, make) => {
	it('the fixture has vectors to test with', () => {
		expect(XSS_VECTORS.length).toBeGreaterThan(50);
	});

	for (const layout of ['side-by-side', 'interleaved'] as const) {
		for (const includeComments of [false, true]) {
			it(`bilingual HTML (${layout}${includeComments ? ', comments' : ''}) has no executable markup and keeps the text`, () => {
				const input = make();
				const html = bilingualHtml(input, { layout, includeComments });
				expect(htmlProblems(html)).toEqual([]);
				// Escaped, not stripped: the hostile English and comments are on the page as text.
				const text = norm(toText(parseHtml(html)));
				for (const { payload } of XSS_VECTORS) expect(text).toContain(norm(payload));
				if (includeComments) for (const c of input.comments) expect(text).toContain(norm(c.body));
				// JSON-LD: one block, parses, resolved claims only, no script URL anywhere in it.
				const [ld] = jsonLdBlocks(html) as Record<string, unknown>[][];
				expect(ld).toHaveLength(input.claims.filter((c) => c.status === 'resolved').length);
				expect(ld).toEqual(JSON.parse(claimReviewJson(input)));
				expect(urlsIn(ld).filter(dangerousUrl)).toEqual([]);
			});
		}
	}

	it('English HTML has no executable markup', () => {
		const html = englishHtml(make());
		expect(htmlProblems(html)).toEqual([]);
		expect(jsonLdBlocks(html)).toHaveLength(1);
	});

	it('Markdown has no raw HTML and only http/https/mailto links', () => {
		const md = englishMarkdown(make());
		expect(markdownProblems(md)).toEqual([]);
	});

	it('XLIFF parses with a real XML parser and carries every text exactly (invalid XML characters as <cp/>)', () => {
		const input = make();
		const xml = xliff(input);
		const doc = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') throw new Error(msg); } }).parseFromString(xml, 'application/xml');
		expect(doc.documentElement?.localName).toBe('xliff');
		const parsed = parseXliff(xml);
		expect(parsed.srcLang).toBe(input.article.lang);
		expect(parsed.units.map((u) => u.id)).toEqual(input.article.segments.map((s) => s.id));
		for (const u of parsed.units) {
			const seg = input.article.segments.find((s) => s.id === u.id)!;
			expect(u.source).toBe(xmlSafe(seg.text));
			expect(u.target).toBe(xmlSafe(docToText(input.targets[seg.id])));
		}
	});

	it('TMX parses with a real XML parser; its texts are the inputs (U+FFFD for what XML cannot carry)', () => {
		const input = make();
		const xml = tmx(input);
		const doc = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') throw new Error(msg); } }).parseFromString(xml, 'application/xml');
		const segs = Array.from(doc.getElementsByTagName('seg')).map((s) => s.textContent);
		const fffd = (s: string) => xmlSafe(s).replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
		expect(segs.length).toBeGreaterThan(0);
		for (const s of input.article.segments) {
			if (segs.includes(fffd(s.text))) expect(segs).toContain(fffd(docToText(input.targets[s.id])));
		}
	});

	it('ClaimReview JSON parses, holds only resolved claims and no script URLs', () => {
		const input = make();
		const reviews = JSON.parse(claimReviewJson(input)) as Record<string, unknown>[];
		expect(reviews).toHaveLength(input.claims.filter((c) => c.status === 'resolved').length);
		expect(urlsIn(reviews).filter(dangerousUrl)).toEqual([]);
		expect(reviews.every((r) => !('url' in r))).toBe(true); // pageUrl was javascript:, so left out
	});

	it('file names are ASCII-safe for every format', () => {
		const input = make();
		for (const f of FORMATS) expect(fileName(input, f, 'interleaved')).toMatch(/^[a-z0-9][a-z0-9.-]*$/);
	});
});

it('html-validate (recommended) still passes on the hostile bilingual export', async () => {
	const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
	const report = await validator.validateString(bilingualHtml(hostileInput(), { layout: 'side-by-side', includeComments: true }));
	expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
});

/** Every string value under a `url` key, anywhere in a JSON value. */
function urlsIn(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap(urlsIn);
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([k, v]) => (k === 'url' && typeof v === 'string' ? [v] : urlsIn(v)));
	}
	return [];
}
