// Fact-check claims (issue 6): a span of a source paragraph with its claimant, a verdict on
// the ClaimReview-compatible scale, evidence links, a note, the checker and a status; linked
// to a span of the English (or the whole paragraph). Validate → check the role → write → push.
// Rules: every member reads; translators, reviewers, editors and admins create claims and
// edit their details; only reviewers, editors and admins resolve or reopen a claim, change
// its verdict, re-link a resolved claim's English or delete a claim.
//
// Re-check: resolving stores the linked English as it is then (`resolved_text`); when that
// English changes later the claim is flagged `recheck` (see recheckOnTextChange); resolving
// again takes a new baseline and clears the flag.
import * as Y from 'yjs';
import { z } from 'zod';
import type { Claim, SessionUser, TargetAnchor } from '../../types.ts';
import { can } from '../auth/permissions.ts';
import { HttpError } from '../http/errors.ts';
import { topics, type TextChanged } from '../events.ts';
import type { Runtime } from '../runtime.ts';
import { getClaim, listClaims } from '../db/review.ts';
import { prepared } from '../db/index.ts';
import { linkedText } from '../../ydoc/anchors.ts';
import { articleState } from './targets.ts';
import {
	LIMITS,
	checkEvidence,
	checkSourceAnchor,
	checkTargetAnchor,
	evidenceShape,
	normaliseVerdict,
	parse,
	requireArticle,
	segmentIdShape,
	segmentText,
	sourceAnchorShape,
	targetAnchorShape
} from './review-input.ts';

const statusShape = z.enum(['open', 'resolved']);

const createShape = z.object({
	segmentId: segmentIdShape,
	anchor: sourceAnchorShape,
	claimant: z.string().max(LIMITS.claimant).optional(),
	verdict: z.unknown().optional(),
	evidence: evidenceShape.optional(),
	note: z.string().max(LIMITS.note).optional(),
	status: statusShape.optional(),
	target: targetAnchorShape.nullable().optional()
});

/** An update may change any field a claim is created with, and only those. */
const updateShape = createShape.partial();

/** Every claim of an article, for any member. */
export function claimsOf(rt: Runtime, user: SessionUser, articleId: number): Claim[] {
	if (!can(user.role, 'article.read')) throw new HttpError('forbidden', `A ${user.role} may not read articles`);
	requireArticle(rt.db, articleId);
	return listClaims(rt.db, articleId);
}

function requireClaim(rt: Runtime, articleId: number, claimId: number): Claim {
	const claim = getClaim(rt.db, claimId);
	if (!claim || claim.articleId !== articleId) throw new HttpError('not_found', `No claim ${claimId} in article ${articleId}`);
	return claim;
}

function publish(rt: Runtime, claim: Claim): void {
	rt.events.publish(topics.article(claim.articleId), { type: 'claim', data: claim });
}

/** The stored English a claim is linked to, as it is now (the whole paragraph when `target` is null). */
export async function currentLinkedText(rt: Runtime, articleId: number, segmentId: string, target: TargetAnchor | null): Promise<string> {
	const doc = new Y.Doc();
	try {
		Y.applyUpdate(doc, await articleState(rt, articleId));
		return linkedText(doc.getXmlFragment(segmentId), target);
	} finally {
		doc.destroy();
	}
}

const forbidden = (user: SessionUser, what: string) => new HttpError('forbidden', `A ${user.role} may not ${what} (reviewers, editors and admins may)`);

/** Creates a claim; creating it already resolved needs the right to resolve. */
export async function createClaim(rt: Runtime, user: SessionUser, articleId: number, input: unknown): Promise<Claim> {
	requireArticle(rt.db, articleId);
	if (!can(user.role, 'claim.create')) throw new HttpError('forbidden', `A ${user.role} may not create claims`);
	const data = parse(createShape, input);
	const anchor = checkSourceAnchor(data.anchor, segmentText(rt.db, articleId, data.segmentId));
	const verdict = data.verdict === undefined ? 'unproven' : normaliseVerdict(data.verdict);
	const evidence = checkEvidence(data.evidence ?? []);
	const target = data.target ? checkTargetAnchor(data.target, 'target') : null;
	const status = data.status ?? 'open';
	if (status === 'resolved' && !can(user.role, 'claim.resolve')) throw forbidden(user, 'resolve claims');

	const resolvedText = status === 'resolved' ? await currentLinkedText(rt, articleId, data.segmentId, target) : null;
	const now = new Date().toISOString();
	const id = Number(
		rt.db
			.prepare(
				`INSERT INTO claims (article_id, segment_id, anchor, target, claimant, verdict, evidence, note, status, recheck, resolved_text, checker_id, created_at, updated_at)
				 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`
			)
			.run(
				articleId,
				data.segmentId,
				JSON.stringify(anchor),
				target ? JSON.stringify(target) : null,
				(data.claimant ?? '').trim(),
				verdict,
				JSON.stringify(evidence),
				(data.note ?? '').trim(),
				status,
				resolvedText,
				user.id,
				now,
				now
			).lastInsertRowid
	);
	const claim = getClaim(rt.db, id)!;
	publish(rt, claim);
	return claim;
}

/**
 * Changes a claim. Sending `status: "resolved"` (re)resolves it: the linked English is
 * read now as the new baseline and `recheck` is cleared. Every role check passes before
 * anything is written.
 */
export async function updateClaim(rt: Runtime, user: SessionUser, articleId: number, claimId: number, input: unknown): Promise<Claim> {
	requireArticle(rt.db, articleId);
	const claim = requireClaim(rt, articleId, claimId);
	if (!can(user.role, 'claim.create')) throw new HttpError('forbidden', `A ${user.role} may not edit claims`);
	const data = parse(updateShape, input);
	if (data.segmentId !== undefined && data.segmentId !== claim.segmentId) throw new HttpError('bad_request', 'segmentId: a claim stays on its pair');
	const anchor = data.anchor ? checkSourceAnchor(data.anchor, segmentText(rt.db, articleId, claim.segmentId)) : claim.anchor;
	const verdict = data.verdict === undefined ? claim.verdict : normaliseVerdict(data.verdict);
	const evidence = data.evidence ? checkEvidence(data.evidence) : claim.evidence;
	const target = data.target === undefined ? claim.target : data.target ? checkTargetAnchor(data.target, 'target') : null;
	const status = data.status ?? claim.status;

	const targetChanged = JSON.stringify(target) !== JSON.stringify(claim.target);
	const resolving = data.status === 'resolved' || (status === 'resolved' && targetChanged);
	const reopening = status === 'open' && claim.status === 'resolved';
	if (verdict !== claim.verdict && !can(user.role, 'claim.resolve')) throw forbidden(user, 'change a claim’s verdict');
	if ((resolving || reopening) && !can(user.role, 'claim.resolve')) {
		throw forbidden(user, data.status ? 'resolve or reopen claims' : 're-link a resolved claim’s English');
	}

	const resolvedText = resolving ? await currentLinkedText(rt, articleId, claim.segmentId, target) : null;
	const checkerId = resolving || verdict !== claim.verdict ? user.id : claim.checker.id || null;
	rt.db
		.prepare(
			`UPDATE claims SET anchor = ?, target = ?, claimant = ?, verdict = ?, evidence = ?, note = ?, status = ?,
			   recheck = CASE WHEN ? THEN 0 ELSE recheck END,
			   resolved_text = CASE WHEN ? THEN ? WHEN ? THEN NULL ELSE resolved_text END,
			   checker_id = ?, updated_at = ?
			 WHERE id = ?`
		)
		.run(
			JSON.stringify(anchor),
			target ? JSON.stringify(target) : null,
			data.claimant !== undefined ? data.claimant.trim() : claim.claimant,
			verdict,
			JSON.stringify(evidence),
			data.note !== undefined ? data.note.trim() : claim.note,
			status,
			resolving || reopening ? 1 : 0,
			resolving ? 1 : 0,
			resolvedText,
			reopening ? 1 : 0,
			checkerId,
			new Date().toISOString(),
			claimId
		);
	const updated = getClaim(rt.db, claimId)!;
	publish(rt, updated);
	return updated;
}

/** Deletes a claim (reviewers, editors and admins). */
export function deleteClaim(rt: Runtime, user: SessionUser, articleId: number, claimId: number): void {
	requireArticle(rt.db, articleId);
	const claim = requireClaim(rt, articleId, claimId);
	if (!can(user.role, 'claim.resolve')) throw forbidden(user, 'delete claims');
	rt.db.prepare('DELETE FROM claims WHERE id = ?').run(claimId);
	rt.events.publish(topics.article(articleId), { type: 'claim', data: { ...claim, deleted: true } });
}

/**
 * Flags resolved claims whose linked English changed since they were resolved. Reads the
 * stored English once per notice, only when a resolved claim sits in a changed segment.
 * A claim resolved without a baseline (written straight into the table, not through this
 * module) cannot be compared and is left alone until it is resolved again.
 */
export async function recheckSegments(rt: Runtime, change: TextChanged): Promise<Claim[]> {
	const rows = prepared<[number, string], { id: number; segment_id: string; target: string | null; resolved_text: string }>(
		rt.db,
		`SELECT id, segment_id, target, resolved_text FROM claims
		 WHERE article_id = ? AND status = 'resolved' AND recheck = 0 AND resolved_text IS NOT NULL
		   AND segment_id IN (SELECT value FROM json_each(?))`
	).all(change.articleId, JSON.stringify(change.segmentIds));
	if (!rows.length) return [];
	const doc = new Y.Doc();
	const flagged: Claim[] = [];
	try {
		Y.applyUpdate(doc, await articleState(rt, change.articleId));
		const flag = rt.db.prepare(`UPDATE claims SET recheck = 1 WHERE id = ? AND status = 'resolved' AND recheck = 0 AND resolved_text IS ?`);
		for (const row of rows) {
			const now = linkedText(doc.getXmlFragment(row.segment_id), row.target ? (JSON.parse(row.target) as TargetAnchor) : null);
			// The guard on resolved_text skips a claim re-resolved while we were reading.
			if (now !== row.resolved_text && flag.run(row.id, row.resolved_text).changes) {
				const claim = getClaim(rt.db, row.id)!;
				publish(rt, claim);
				flagged.push(claim);
			}
		}
	} finally {
		doc.destroy();
	}
	return flagged;
}

/** Subscribes the re-check to the collab server's text notices; returns the unsubscribe function. */
export function recheckOnTextChange(rt: Runtime): () => void {
	return rt.events.subscribe(topics.text, (event) => {
		recheckSegments(rt, event.data as TextChanged).catch((err) => console.error('[claims] re-check failed', err));
	});
}
