// Comment threads on pairs (issue 6): validate → check the role → write → push. A thread is
// a first comment (optionally anchored to a span of the source or of the English) and its
// replies; @mentions are stored and pushed to the mentioned users' topics (their inbox).
// Rules: every member reads; translators, reviewers, editors and admins comment; only the
// author edits a comment; the author or an admin deletes it; any member resolves a thread.
import { z } from 'zod';
import type { Author, Comment, SessionUser } from '../../types.ts';
import { can } from '../auth/permissions.ts';
import { HttpError } from '../http/errors.ts';
import { topics } from '../events.ts';
import type { Runtime } from '../runtime.ts';
import { getComment, listComments } from '../db/review.ts';
import { mentionedUsers } from './mentions.ts';
import {
	LIMITS,
	parse,
	parseCommentAnchor,
	requireArticle,
	segmentIdShape,
	segmentText
} from './review-input.ts';

const bodyShape = z.string();

const createShape = z.object({
	segmentId: segmentIdShape.optional(),
	body: bodyShape,
	anchor: z.unknown().optional(),
	parentId: z.number().int().positive().nullable().optional(),
	resolved: z.boolean().optional()
});

const updateShape = z.object({
	body: bodyShape.optional(),
	resolved: z.boolean().optional()
});

/** A comment body: trimmed, 1–10,000 characters. */
function checkBody(body: string): string {
	const trimmed = body.trim();
	if (!trimmed) throw new HttpError('bad_request', 'body: a comment needs some text');
	if (trimmed.length > LIMITS.body) throw new HttpError('bad_request', `body: at most ${LIMITS.body} characters (got ${trimmed.length})`);
	return trimmed;
}

/** The comment, or 404 when it is not one of this article's. */
function requireComment(rt: Runtime, articleId: number, commentId: number): Comment {
	const comment = getComment(rt.db, commentId);
	if (!comment || comment.articleId !== articleId) throw new HttpError('not_found', `No comment ${commentId} in article ${articleId}`);
	return comment;
}

/** Every comment of an article (threads by `parentId`), for any member. */
export function commentsOf(rt: Runtime, user: SessionUser, articleId: number): Comment[] {
	if (!can(user.role, 'article.read')) throw new HttpError('forbidden', `A ${user.role} may not read articles`);
	requireArticle(rt.db, articleId);
	return listComments(rt.db, articleId);
}

function publish(rt: Runtime, comment: Comment): void {
	rt.events.publish(topics.article(comment.articleId), { type: 'comment', data: comment });
}

function notify(rt: Runtime, comment: Comment, users: Author[], article: { id: number; title: string }): void {
	for (const u of users) {
		if (u.id === comment.author.id) continue;
		rt.events.publish(topics.user(u.id), { type: 'mention', data: { comment, article } });
	}
}

function writeMentions(rt: Runtime, commentId: number, users: Author[]): void {
	const insert = rt.db.prepare('INSERT OR IGNORE INTO comment_mentions (comment_id, user_id) VALUES (?, ?)');
	for (const u of users) insert.run(commentId, u.id);
}

/** Creates a comment or a reply; answers the stored record. */
export function createComment(rt: Runtime, user: SessionUser, articleId: number, input: unknown): Comment {
	const article = requireArticle(rt.db, articleId);
	if (!can(user.role, 'comment.create')) throw new HttpError('forbidden', `A ${user.role} may not comment`);
	const data = parse(createShape, input);
	const body = checkBody(data.body);

	let segmentId = data.segmentId;
	let parentId: number | null = null;
	if (data.parentId) {
		const parent = getComment(rt.db, data.parentId);
		if (!parent || parent.articleId !== articleId) throw new HttpError('bad_request', `parentId: no comment ${data.parentId} in this article`);
		if (segmentId !== undefined && segmentId !== parent.segmentId) throw new HttpError('bad_request', 'segmentId: a reply belongs to its thread’s pair');
		if (data.anchor !== undefined && data.anchor !== null) throw new HttpError('bad_request', 'anchor: replies are not anchored (the thread’s first comment is)');
		if (data.resolved !== undefined) throw new HttpError('bad_request', 'resolved: resolve the thread’s first comment');
		segmentId = parent.segmentId;
		// Threads are one level deep: a reply to a reply joins the thread.
		parentId = parent.parentId ?? parent.id;
	}
	if (segmentId === undefined) throw new HttpError('bad_request', 'segmentId is required');
	const text = segmentText(rt.db, articleId, segmentId);

	const anchor = parseCommentAnchor(data.anchor, text);

	const mentions = mentionedUsers(rt.db, body);
	const now = new Date().toISOString();
	const id = rt.db.transaction(() => {
		const newId = Number(
			rt.db
				.prepare(
					`INSERT INTO comments (article_id, segment_id, parent_id, author_id, body, anchor, resolved, created_at, updated_at)
					 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
				)
				.run(articleId, segmentId, parentId, user.id, body, anchor ? JSON.stringify(anchor) : null, data.resolved ? 1 : 0, now, now).lastInsertRowid
		);
		writeMentions(rt, newId, mentions);
		return newId;
	})();
	const comment = getComment(rt.db, id)!;
	publish(rt, comment);
	notify(rt, comment, mentions, article);
	return comment;
}

/**
 * Edits a comment's body (its author only) and/or resolves or reopens its thread (any
 * member; on the thread's first comment). Both checks pass before anything is written.
 */
export function updateComment(rt: Runtime, user: SessionUser, articleId: number, commentId: number, input: unknown): Comment {
	const article = requireArticle(rt.db, articleId);
	const comment = requireComment(rt, articleId, commentId);
	const data = parse(updateShape, input);
	if (data.body === undefined && data.resolved === undefined) throw new HttpError('bad_request', 'Nothing to change: send body and/or resolved');
	if (data.body !== undefined && comment.author.id !== user.id) throw new HttpError('forbidden', 'Only the author may edit a comment');
	if (data.resolved !== undefined && !can(user.role, 'comment.resolve')) throw new HttpError('forbidden', `A ${user.role} may not resolve comments`);
	const body = data.body !== undefined ? checkBody(data.body) : undefined;
	if (data.resolved !== undefined && comment.parentId !== null) throw new HttpError('bad_request', 'resolved: resolve the thread’s first comment');

	const now = new Date().toISOString();
	let added: Author[] = [];
	rt.db.transaction(() => {
		if (body !== undefined && body !== comment.body) {
			rt.db.prepare('UPDATE comments SET body = ?, updated_at = ? WHERE id = ?').run(body, now, commentId);
			const mentions = mentionedUsers(rt.db, body);
			const before = new Set(comment.mentions.map((m) => m.id));
			added = mentions.filter((m) => !before.has(m.id));
			rt.db
				.prepare('DELETE FROM comment_mentions WHERE comment_id = ? AND user_id NOT IN (SELECT value FROM json_each(?))')
				.run(commentId, JSON.stringify(mentions.map((m) => m.id)));
			writeMentions(rt, commentId, added);
		}
		if (data.resolved !== undefined && data.resolved !== comment.resolved) {
			rt.db.prepare('UPDATE comments SET resolved = ?, updated_at = ? WHERE id = ?').run(data.resolved ? 1 : 0, now, commentId);
		}
	})();
	const updated = getComment(rt.db, commentId)!;
	publish(rt, updated);
	notify(rt, updated, added, article);
	return updated;
}

/** Deletes a comment (and, for a thread's first comment, its replies): author or admin. */
export function deleteComment(rt: Runtime, user: SessionUser, articleId: number, commentId: number): void {
	requireArticle(rt.db, articleId);
	const comment = requireComment(rt, articleId, commentId);
	if (comment.author.id !== user.id && !can(user.role, 'comment.delete.any')) {
		throw new HttpError('forbidden', 'Only the author or an admin may delete a comment');
	}
	rt.db.prepare('DELETE FROM comments WHERE id = ?').run(commentId);
	rt.events.publish(topics.article(articleId), { type: 'comment', data: { ...comment, deleted: true } });
}
