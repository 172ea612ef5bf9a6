// Pair statuses (empty, draft, translated, reviewed, approved, rejected): server records
// with role rules (ARCHITECTURE §3), pushed live to open pages on the article's topic.
import type { SessionUser, Status, SegmentStatus } from '../../types.ts';
import { STATUSES } from '../../types.ts';
import { canSetStatus } from '../auth/permissions.ts';
import { HttpError } from '../http/errors.ts';
import { topics, type TextChanged } from '../events.ts';
import type { Runtime } from '../runtime.ts';

function write(rt: Runtime, articleId: number, segmentId: string, status: Status, userId: number | null): SegmentStatus {
	const updatedAt = new Date().toISOString();
	rt.db
		.prepare(
			`INSERT INTO segment_status (article_id, segment_id, status, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
			 ON CONFLICT (article_id, segment_id) DO UPDATE SET status = excluded.status, updated_by = excluded.updated_by, updated_at = excluded.updated_at`
		)
		.run(articleId, segmentId, status, userId, updatedAt);
	const record = { segmentId, status, updatedBy: userId, updatedAt };
	rt.events.publish(topics.article(articleId), { type: 'status', data: record });
	return record;
}

/** Sets a status after checking the value, the segment and the role. */
export function setStatus(rt: Runtime, user: SessionUser, articleId: number, segmentId: string, status: unknown): SegmentStatus {
	if (typeof status !== 'string' || !(STATUSES as readonly string[]).includes(status)) {
		throw new HttpError('bad_request', `status must be one of ${STATUSES.join(', ')}`);
	}
	const exists = rt.db.prepare('SELECT 1 FROM segments WHERE article_id = ? AND id = ?').get(articleId, segmentId);
	if (!exists) throw new HttpError('not_found', `No segment ${segmentId} in article ${articleId}`);
	if (!canSetStatus(user.role, status as Status)) {
		throw new HttpError('forbidden', `A ${user.role} may not set the status "${status}"`);
	}
	return write(rt, articleId, segmentId, status as Status, user.id);
}

/**
 * Typing in an empty pair makes it a draft: listens to the collab server's text notices.
 * Returns the unsubscribe function.
 */
export function draftOnTyping(rt: Runtime): () => void {
	return rt.events.subscribe(topics.text, (event) => {
		const { articleId, segmentIds, userId } = event.data as TextChanged;
		const current = new Map(
			(
				rt.db
					.prepare(`SELECT segment_id, status FROM segment_status WHERE article_id = ?`)
					.all(articleId) as { segment_id: string; status: Status }[]
			).map((r) => [r.segment_id, r.status])
		);
		const known = rt.db.prepare('SELECT 1 FROM segments WHERE article_id = ? AND id = ?');
		for (const segmentId of segmentIds) {
			if ((current.get(segmentId) ?? 'empty') === 'empty' && known.get(articleId, segmentId)) {
				write(rt, articleId, segmentId, 'draft', userId);
			}
		}
	});
}
