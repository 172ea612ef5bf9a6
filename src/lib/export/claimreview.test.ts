import { describe, expect, it } from 'vitest';
import { FORMATS, LAYOUTS } from './types.ts';
import { VERDICTS } from '../types.ts';
import { claimReviewJson, jsonForScript } from './claimreview.ts';
import { fileName, MEDIA_TYPES, slugify } from './files.ts';
import { SEED_ROWS, SEED_SOURCE_URL, seedInput } from './fixtures.test-helpers.ts';
import { renderExport } from './index.ts';
import { VERDICT_INFO, verdictInfo } from './verdicts.ts';

describe('claimReviewJson', () => {
	it('describes each resolved claim as schema.org ClaimReview', () => {
		const input = seedInput({ desk: { name: 'Duizhao Desk', url: 'https://desk.example/' }, pageUrl: 'https://desk.example/a/1.html#top' });
		const [review, ...rest] = JSON.parse(claimReviewJson(input));
		expect(rest).toEqual([]);
		expect(review).toEqual({
			'@context': 'https://schema.org',
			'@type': 'ClaimReview',
			url: 'https://desk.example/a/1.html#claim-1',
			claimReviewed: 'burned through large stocks in more than 18 months of war in Ukraine',
			inLanguage: 'en',
			author: { '@type': 'Organization', name: 'Duizhao Desk', url: 'https://desk.example/' },
			datePublished: '2023-09-14',
			itemReviewed: {
				'@type': 'Claim',
				author: { '@type': 'Person', name: 'US and South Korean officials' },
				datePublished: '2023-09-13',
				appearance: { '@type': 'CreativeWork', url: SEED_SOURCE_URL, headline: SEED_ROWS[0]![1], inLanguage: 'zh-Hans', datePublished: '2023-09-13' }
			},
			reviewRating: { '@type': 'Rating', alternateName: 'Mostly true', ratingValue: 4, bestRating: 5, worstRating: 1 },
			reviewBody: input.claims[0]!.note
		});
	});

	it('maps verdicts to ratings 1–5 and leaves the number out for verdicts off that scale', () => {
		const ratings = VERDICTS.map((v) => {
			const input = seedInput();
			input.claims[0]!.verdict = v;
			return JSON.parse(claimReviewJson(input))[0].reviewRating;
		});
		expect(ratings.map((r) => r.ratingValue)).toEqual([5, 4, 3, 2, 1, undefined, undefined]);
		expect(ratings.map((r) => r.alternateName)).toEqual(VERDICTS.map((v) => VERDICT_INFO[v].label));
		expect(ratings.filter((r) => r.ratingValue !== undefined).every((r) => r.bestRating === 5 && r.worstRating === 1)).toBe(true);
		expect(verdictInfo('no-such-verdict')).toBe(VERDICT_INFO.unproven);
	});

	it('uses the whole English paragraph when the claim has no English span, and [] when nothing is resolved', () => {
		const input = seedInput();
		input.claims[0]!.target = null;
		expect(JSON.parse(claimReviewJson(input))[0].claimReviewed).toBe(SEED_ROWS[9]![2]);
		input.claims[0]!.status = 'open';
		expect(JSON.parse(claimReviewJson(input))).toEqual([]);
	});
});

describe('jsonForScript', () => {
	it('cannot close the script element or open a comment, and parses back to the same value', () => {
		const value = { a: '</script><script>alert(1)</script>', b: '<!-- x -->', c: 'a & b > c', d: '\u2028\u2029' };
		const s = jsonForScript(value);
		expect(s).not.toMatch(/[<>&\u2028\u2029]/);
		expect(JSON.parse(s)).toEqual(value);
	});
});

describe('file names and media types', () => {
	it('derives ASCII names from the article id and the English title', () => {
		const input = seedInput();
		expect(fileName(input, 'bilingual-html')).toBe('article-1-us-will-impose-sanctions-if-russia-and-north-korea-strike.bilingual-side-by-side.html');
		expect(fileName(input, 'bilingual-html', 'interleaved')).toMatch(/\.bilingual-interleaved\.html$/);
		expect(fileName(input, 'xliff')).toMatch(/^article-1-us-will-.*\.xlf$/);
		input.targets.s1 = null;
		expect(fileName(input, 'tmx')).toBe('article-1.tmx');
		expect(slugify('António Guterres: “Respect the sanctions”')).toBe('antonio-guterres-respect-the-sanctions');
	});

	it('gives every format a media type and renderExport a consistent file', () => {
		const input = seedInput();
		for (const format of FORMATS) {
			for (const layout of LAYOUTS) {
				const file = renderExport(input, { format, layout });
				expect(file.mediaType).toBe(MEDIA_TYPES[format]);
				expect(file.fileName).toBe(fileName(input, format, layout));
				expect(file.fileName).toMatch(/^[a-z0-9][a-z0-9.-]*$/);
				expect(file.content.length).toBeGreaterThan(0);
			}
		}
		expect(MEDIA_TYPES['bilingual-html']).toBe('text/html; charset=utf-8');
		expect(renderExport(input, { format: 'bilingual-html', layout: 'interleaved' }).content).toContain('class="layout-interleaved"');
	});
});
