// Input checks shared by comments and claims: request shapes (zod), anchors into the source
// text and into the English, evidence links and the verdict scale. Every failure is a 400
// with a message naming the field, thrown before anything is written.
import { z } from 'zod';
import type { Comment, Evidence, SourceAnchor, TargetAnchor, Verdict } from '../../types.ts';
import { VERDICTS } from '../../types.ts';
import { safeMediaSrc } from '../../schema/url.ts';
import { decodePosition } from '../../ydoc/anchors.ts';
import { HttpError } from '../http/errors.ts';
import type { DB } from '../db/index.ts';

/** Size limits of review records (characters), with the request body limit in bytes. */
export const LIMITS = {
	body: 10_000,
	quote: 5_000,
	claimant: 500,
	note: 10_000,
	evidenceTitle: 500,
	evidenceItems: 50,
	url: 2_048,
	/** A JSON request body; beyond it the server answers 413 before parsing. */
	requestBytes: 64 * 1024
} as const;

/** Parses `value` with `schema`, or throws 400 naming the first problem. */
export function parse<T>(schema: z.ZodType<T>, value: unknown, what = 'body'): T {
	const result = schema.safeParse(value);
	if (result.success) return result.data;
	const issue = result.error.issues[0]!;
	const path = issue.path.length ? `${what}.${issue.path.join('.')}` : what;
	throw new HttpError('bad_request', `${path}: ${issue.message}`);
}

export const sourceAnchorShape = z.object({
	side: z.literal('source').optional(),
	start: z.number().int().min(0),
	end: z.number().int().min(0),
	quote: z.string().max(LIMITS.quote)
});

export const targetAnchorShape = z.object({
	side: z.literal('target').optional(),
	from: z.string().max(1024),
	to: z.string().max(1024),
	quote: z.string().max(LIMITS.quote)
});

export const segmentIdShape = z.string().min(1).max(64);

/** The source text of a segment, or 400 when the article has no such segment. */
export function segmentText(db: DB, articleId: number, segmentId: string): string {
	const row = db.prepare('SELECT text FROM segments WHERE article_id = ? AND id = ?').get(articleId, segmentId) as { text: string } | undefined;
	if (!row) throw new HttpError('bad_request', `Article ${articleId} has no segment "${segmentId}"`);
	return row.text;
}

/** 404 unless the article exists. */
export function requireArticle(db: DB, articleId: number): { id: number; title: string } {
	const row = db.prepare('SELECT id, title FROM articles WHERE id = ?').get(articleId) as { id: number; title: string } | undefined;
	if (!row) throw new HttpError('not_found', `No article ${articleId}`);
	return row;
}

/** A source anchor inside `text` whose quote is exactly the text it covers. */
export function checkSourceAnchor(anchor: z.infer<typeof sourceAnchorShape>, text: string): SourceAnchor {
	const { start, end, quote } = anchor;
	if (!(start < end && end <= text.length)) {
		throw new HttpError('bad_request', `anchor: need 0 ≤ start < end ≤ ${text.length} (the segment's length), got ${start}…${end}`);
	}
	if (text.slice(start, end) !== quote) throw new HttpError('bad_request', 'anchor.quote does not match the source text at start…end');
	return { start, end, quote };
}

/** A target anchor whose two positions decode as Yjs relative positions. */
export function checkTargetAnchor(anchor: z.infer<typeof targetAnchorShape>, what = 'anchor'): TargetAnchor {
	for (const key of ['from', 'to'] as const) {
		try {
			decodePosition(anchor[key]);
		} catch {
			throw new HttpError('bad_request', `${what}.${key} is not a base64-encoded Y.RelativePosition`);
		}
	}
	if (anchor.quote.trim() === '') throw new HttpError('bad_request', `${what}.quote: the English span is empty`);
	return { from: anchor.from, to: anchor.to, quote: anchor.quote };
}

/** A comment's anchor: a source span (`start`, `end`, `quote`) or an English span (`from`, `to`, `quote`). */
export function parseCommentAnchor(value: unknown, text: string): Comment['anchor'] {
	if (value === undefined || value === null) return null;
	const isTarget = typeof value === 'object' && !Array.isArray(value) && ('from' in value || (value as { side?: unknown }).side === 'target');
	if (isTarget) return { side: 'target', ...checkTargetAnchor(parse(targetAnchorShape, value, 'anchor')) };
	return { side: 'source', ...checkSourceAnchor(parse(sourceAnchorShape, value, 'anchor'), text) };
}

/**
 * A verdict on the scale, from its stored form (`mostly_true`) or its label
 * ("Mostly true", "mostly-true"); 400 for anything else.
 */
export function normaliseVerdict(value: unknown): Verdict {
	const key = typeof value === 'string' ? value.trim().toLowerCase().replace(/[\s-]+/g, '_') : '';
	const aliases: Record<string, Verdict> = { needs_a_source: 'needs_source' };
	const verdict = aliases[key] ?? key;
	if (!(VERDICTS as readonly string[]).includes(verdict)) {
		throw new HttpError('bad_request', `verdict must be one of ${VERDICTS.join(', ')}`);
	}
	return verdict as Verdict;
}

export const evidenceShape = z
	.array(
		z.object({
			url: z.string().max(LIMITS.url),
			title: z.string().max(LIMITS.evidenceTitle).optional(),
			accessed: z.string().max(10).optional()
		})
	)
	.max(LIMITS.evidenceItems);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
	const m = ISO_DATE.exec(value);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.toISOString().slice(0, 10) === value;
}

/** Evidence links: http/https only (normalised), titles trimmed, accessed dates real (default today). */
export function checkEvidence(list: z.infer<typeof evidenceShape>, today = new Date().toISOString().slice(0, 10)): Evidence[] {
	return list.map((item, i) => {
		const url = safeMediaSrc(item.url);
		if (!url) throw new HttpError('bad_request', `evidence[${i}].url must be an absolute http or https URL`);
		const accessed = item.accessed?.trim() || today;
		if (!isIsoDate(accessed)) throw new HttpError('bad_request', `evidence[${i}].accessed must be a date YYYY-MM-DD`);
		return { url, title: (item.title ?? '').trim(), accessed };
	});
}
