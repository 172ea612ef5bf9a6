// ClaimReview (schema.org) for the article's resolved fact-checks: as objects (embedded as
// JSON-LD in the HTML exports) and as a JSON-LD file of its own. Open claims are never
// published. See https://schema.org/ClaimReview and Google's ClaimReview guidelines.
import { docToText } from '../schema/text.ts';
import { safeLinkHref } from '../schema/url.ts';
import { buildModel, isoDate, type ExportModel } from './model.ts';
import type { ExportInput } from './types.ts';
import { verdictInfo } from './verdicts.ts';

/** One ClaimReview object (JSON-LD, plain data). */
export type ClaimReview = Record<string, unknown>;

/** ClaimReview objects for the resolved claims, in footnote order. */
export function claimReviews(model: ExportModel): ClaimReview[] {
	const { input } = model;
	const deskName = input.desk?.name?.trim() || model.toolName;
	const deskUrl = safeHttp(input.desk?.url);
	const pageUrl = safeHttp(input.pageUrl);
	const sourceTitle = model.title?.segment.text ?? input.article.title;
	return model.footnotes.map(({ claim, anchor, pair }) => {
		const info = verdictInfo(claim.verdict);
		// The claim in English: the marked English span, else the whole English paragraph
		// (a claim with no target anchor covers it), else the Chinese quote itself.
		const english = claim.target?.quote.trim() || (claim.target === null && pair?.target ? docToText(pair.target).trim() : '');
		const claimant = claim.claimant.trim();
		const appearance = model.sourceUrl
			? {
					'@type': 'CreativeWork',
					url: model.sourceUrl,
					headline: sourceTitle,
					inLanguage: input.article.lang,
					...(model.published ? { datePublished: model.published } : {})
				}
			: undefined;
		const rating: Record<string, unknown> = { '@type': 'Rating', alternateName: info.label };
		if (info.rating !== null) Object.assign(rating, { ratingValue: info.rating, bestRating: 5, worstRating: 1 });
		return {
			'@context': 'https://schema.org',
			'@type': 'ClaimReview',
			...(pageUrl ? { url: `${pageUrl.split('#')[0]}#${anchor}` } : {}),
			claimReviewed: english || claim.anchor.quote,
			inLanguage: 'en',
			author: { '@type': 'Organization', name: deskName, ...(deskUrl ? { url: deskUrl } : {}) },
			datePublished: isoDate(claim.updatedAt.slice(0, 10)) ?? isoDate(input.exportedAt.slice(0, 10)) ?? undefined,
			itemReviewed: {
				'@type': 'Claim',
				...(claimant ? { author: { '@type': 'Person', name: claimant } } : {}),
				...(model.published ? { datePublished: model.published } : {}),
				...(appearance ? { appearance } : {})
			},
			reviewRating: rating,
			...(claim.note.trim() ? { reviewBody: claim.note.trim() } : {})
		};
	});
}

function safeHttp(raw: unknown): string | null {
	const url = safeLinkHref(raw);
	return url && /^https?:/.test(url) ? url : null;
}

/**
 * The ClaimReview JSON-LD file: an array of ClaimReview objects for the resolved claims
 * (an empty array when there are none), pretty-printed.
 */
export function claimReviewJson(input: ExportInput): string {
	return JSON.stringify(claimReviews(buildModel(input)), null, 2) + '\n';
}

/**
 * JSON for inside `<script type="application/ld+json">`: `<`, `>` and `&` escaped as JSON
 * `\u` escapes, so no `</script>` or `<!--` can appear and the text still parses as the
 * same JSON. U+2028/2029 are escaped too (harmless in JSON, but not in every JS parser).
 */
export function jsonForScript(value: unknown): string {
	return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}
