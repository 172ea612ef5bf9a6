// A user's inbox: the comments that @mention them, newest first, with the article and pair
// they sit on, and whether the user has seen them (comment_mentions.seen).
import type { Comment } from '../../types.ts';
import type { DB } from './index.ts';
import { getComment } from './review.ts';

export interface InboxItem {
	comment: Comment;
	article: { id: number; title: string };
	segmentId: string;
	seen: boolean;
}

/** Mentions of `userId`, newest first (at most `limit`). */
export function listInbox(db: DB, userId: number, limit = 200): InboxItem[] {
	const rows = db
		.prepare(
			`SELECT m.comment_id, m.seen, a.id AS article_id, a.title, c.segment_id
			 FROM comment_mentions m JOIN comments c ON c.id = m.comment_id JOIN articles a ON a.id = c.article_id
			 WHERE m.user_id = ? ORDER BY c.id DESC LIMIT ?`
		)
		.all(userId, limit) as { comment_id: number; seen: number; article_id: number; title: string; segment_id: string }[];
	return rows.map((r) => ({
		comment: getComment(db, r.comment_id)!,
		article: { id: r.article_id, title: r.title },
		segmentId: r.segment_id,
		seen: r.seen === 1
	}));
}

/** How many mentions of `userId` are unseen. */
export function unreadCount(db: DB, userId: number): number {
	return (db.prepare('SELECT count(*) AS n FROM comment_mentions WHERE user_id = ? AND seen = 0').get(userId) as { n: number }).n;
}

/** Marks mentions as seen: the given comments', or all of them. Returns how many changed. */
export function markSeen(db: DB, userId: number, commentIds?: number[]): number {
	if (commentIds) {
		return db
			.prepare('UPDATE comment_mentions SET seen = 1 WHERE user_id = ? AND seen = 0 AND comment_id IN (SELECT value FROM json_each(?))')
			.run(userId, JSON.stringify(commentIds)).changes;
	}
	return db.prepare('UPDATE comment_mentions SET seen = 1 WHERE user_id = ? AND seen = 0').run(userId).changes;
}
