// Comment and claim rows → domain records (read side). The review feature adds validated
// writes in records/; export and the publish check only read through here.
import type { Author, Claim, Comment, Evidence, SourceAnchor, TargetAnchor, Verdict } from '../../types.ts';
import type { DB } from './index.ts';

const GONE: Author = { id: 0, name: '(removed user)' };

interface CommentRow {
	id: number;
	article_id: number;
	segment_id: string;
	parent_id: number | null;
	author_id: number | null;
	author_name: string | null;
	body: string;
	anchor: string | null;
	resolved: number;
	created_at: string;
	updated_at: string;
}

function toComment(r: CommentRow, mentions: Author[]): Comment {
	return {
		id: r.id,
		articleId: r.article_id,
		segmentId: r.segment_id,
		parentId: r.parent_id,
		author: r.author_id !== null ? { id: r.author_id, name: r.author_name ?? '' } : GONE,
		body: r.body,
		anchor: r.anchor ? (JSON.parse(r.anchor) as Comment['anchor']) : null,
		resolved: r.resolved === 1,
		mentions,
		createdAt: r.created_at,
		updatedAt: r.updated_at
	};
}

const COMMENTS = `SELECT c.*, u.name AS author_name FROM comments c LEFT JOIN users u ON u.id = c.author_id`;

function mentionsFor(db: DB, ids: number[]): Map<number, Author[]> {
	const map = new Map<number, Author[]>();
	if (!ids.length) return map;
	const rows = db
		.prepare(
			`SELECT m.comment_id, u.id, u.name FROM comment_mentions m JOIN users u ON u.id = m.user_id
			 WHERE m.comment_id IN (SELECT value FROM json_each(?)) ORDER BY u.name`
		)
		.all(JSON.stringify(ids)) as { comment_id: number; id: number; name: string }[];
	for (const r of rows) map.set(r.comment_id, [...(map.get(r.comment_id) ?? []), { id: r.id, name: r.name }]);
	return map;
}

/** Every comment of an article, oldest first (threads are built by `parentId`). */
export function listComments(db: DB, articleId: number): Comment[] {
	const rows = db.prepare(`${COMMENTS} WHERE c.article_id = ? ORDER BY c.id`).all(articleId) as CommentRow[];
	const mentions = mentionsFor(
		db,
		rows.map((r) => r.id)
	);
	return rows.map((r) => toComment(r, mentions.get(r.id) ?? []));
}

export function getComment(db: DB, id: number): Comment | null {
	const row = db.prepare(`${COMMENTS} WHERE c.id = ?`).get(id) as CommentRow | undefined;
	return row ? toComment(row, mentionsFor(db, [row.id]).get(row.id) ?? []) : null;
}

interface ClaimRow {
	id: number;
	article_id: number;
	segment_id: string;
	anchor: string;
	target: string | null;
	claimant: string;
	verdict: Verdict;
	evidence: string;
	note: string;
	status: 'open' | 'resolved';
	recheck: number;
	checker_id: number | null;
	checker_name: string | null;
	created_at: string;
	updated_at: string;
}

function toClaim(r: ClaimRow): Claim {
	return {
		id: r.id,
		articleId: r.article_id,
		segmentId: r.segment_id,
		anchor: JSON.parse(r.anchor) as SourceAnchor,
		target: r.target ? (JSON.parse(r.target) as TargetAnchor) : null,
		claimant: r.claimant,
		verdict: r.verdict,
		evidence: JSON.parse(r.evidence) as Evidence[],
		note: r.note,
		status: r.status,
		recheck: r.recheck === 1,
		checker: r.checker_id !== null ? { id: r.checker_id, name: r.checker_name ?? '' } : GONE,
		createdAt: r.created_at,
		updatedAt: r.updated_at
	};
}

const CLAIMS = `SELECT c.*, u.name AS checker_name FROM claims c LEFT JOIN users u ON u.id = c.checker_id`;

/** Every claim of an article, in document order of their segments, then by id. */
export function listClaims(db: DB, articleId: number): Claim[] {
	return (
		db
			.prepare(
				`${CLAIMS} LEFT JOIN segments s ON s.article_id = c.article_id AND s.id = c.segment_id
				 WHERE c.article_id = ? ORDER BY s.position, c.id`
			)
			.all(articleId) as ClaimRow[]
	).map(toClaim);
}

export function getClaim(db: DB, id: number): Claim | null {
	const row = db.prepare(`${CLAIMS} WHERE c.id = ?`).get(id) as ClaimRow | undefined;
	return row ? toClaim(row) : null;
}
