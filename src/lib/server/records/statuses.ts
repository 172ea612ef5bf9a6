// Pair statuses (empty, draft, translated, reviewed, approved, rejected): server records
// with role rules (ARCHITECTURE §3), pushed live to open pages on the article's topic.
import type { SessionUser, Status, SegmentStatus } from '../../types.ts';
import { STATUSES } from '../../types.ts';
import { canSetStatus } from '../auth/permissions.ts';
import { HttpError } from '../http/errors.ts';
import { topics, type TextChanged } from '../events.ts';
import type { Runtime } from '../runtime.ts';
import { prepared } from '../db/index.ts';

function write(rt: Runtime, articleId: number, segmentId: string, status: Status, userId: number | null): SegmentStatus {
	const updatedAt = new Date().toISOString();
	prepared(
		rt.db,
		`INSERT INTO segment_status (article_id, segment_id, status, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
		 ON CONFLICT (article_id, segment_id) DO UPDATE SET status = excluded.status, updated_by = excluded.updated_by, updated_at = excluded.updated_at`
	).run(articleId, segmentId, status, userId, updatedAt);
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
		// One indexed lookup per changed pair: this runs on every notice while people type.
		const current = prepared<[number, string], { status: Status | null }>(
			rt.db,
			`SELECT st.status FROM segments s LEFT JOIN segment_status st ON st.article_id = s.article_id AND st.segment_id = s.id
			 WHERE s.article_id = ? AND s.id = ?`
		);
		for (const segmentId of segmentIds) {
			const row = current.get(articleId, segmentId);
			if (row && (row.status ?? 'empty') === 'empty') write(rt, articleId, segmentId, 'draft', userId);
		}
	});
}
