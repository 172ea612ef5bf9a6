// Who wrote the English of which pair: kept from the collab server's text notices (and
// from XLIFF imports), for the translator credits of an export. A status row only knows
// its last setter, so once a reviewer approves a pair the translator would be forgotten;
// this table never forgets (rows go only with the article or the user).
import { topics, type TextChanged } from '../events.ts';
import { prepared, type DB } from '../db/index.ts';
import type { Runtime } from '../runtime.ts';

/**
 * `last_at` is moved only when this much older than the new time: typing sends a notice
 * every few hundred milliseconds, and a credit needs the minute, not a write per notice.
 */
const LAST_AT_STEP_MS = 60_000;

/** Records that `userId` wrote in these segments of an article (unknown segment ids are ignored). */
export function noteAuthors(db: DB, articleId: number, segmentIds: readonly string[], userId: number, now = new Date()): void {
	if (segmentIds.length === 0) return;
	const at = now.toISOString();
	const stale = new Date(now.getTime() - LAST_AT_STEP_MS).toISOString();
	const upsert = prepared(
		db,
		`INSERT INTO segment_authors (article_id, segment_id, user_id, first_at, last_at)
		 SELECT ?, s.id, ?, ?, ? FROM segments s WHERE s.article_id = ? AND s.id = ?
		 ON CONFLICT (article_id, segment_id, user_id) DO UPDATE SET last_at = excluded.last_at
		 WHERE segment_authors.last_at < ?`
	);
	db.transaction(() => {
		for (const id of segmentIds) upsert.run(articleId, userId, at, at, articleId, id, stale);
	})();
}

/**
 * Keeps `segment_authors` up to date from the collab server's `text` notices. Changes made
 * by the server itself (`userId` null) are credited by whoever asked for them (XLIFF
 * import). Returns the unsubscribe function.
 */
export function recordAuthors(rt: Runtime): () => void {
	return rt.events.subscribe(topics.text, (event) => {
		const { articleId, segmentIds, userId } = event.data as TextChanged;
		if (userId !== null) noteAuthors(rt.db, articleId, segmentIds, userId);
	});
}
