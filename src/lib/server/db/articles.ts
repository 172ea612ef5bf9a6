// Articles repository: the source side as the importer produced it (ARCHITECTURE §3).
// Written once, in one transaction with its segments and their initial `empty` statuses;
// never updated. Typed rows in, domain objects out.
import type { Article, ArticleMeta, Block, ImportResult, Segment, SegmentKind, SegmentStatus, Status } from '../../types.ts';
import { STATUSES } from '../../types.ts';
import type { DB } from './index.ts';

/** One line of the article list. */
export interface ArticleSummary {
	id: number;
	title: string;
	lang: string;
	format: string;
	segmentCount: number;
	createdAt: string;
	createdBy: { id: number; name: string } | null;
}

/** Segments per status, plus the total. */
export type StatusCounts = Record<Status, number> & { total: number };

/** A stored article with everything a page or an API client needs to show it. */
export interface StoredArticle extends Article {
	id: number;
	format: string;
	warnings: string[];
	createdAt: string;
	createdBy: { id: number; name: string } | null;
	statuses: SegmentStatus[];
	counts: StatusCounts;
}

interface ArticleRow {
	id: number;
	title: string;
	lang: string;
	meta: string;
	blocks: string;
	format: string;
	warnings: string;
	created_at: string;
	created_by: number | null;
	creator_name: string | null;
}

interface SegmentRow {
	id: string;
	kind: SegmentKind;
	text: string;
	html: string;
}

interface StatusRow {
	segment_id: string;
	status: Status;
	updated_by: number | null;
	updated_at: string;
}

/**
 * Stores an imported article: the article row, its segments in order and an `empty`
 * status for each, all or nothing. Returns the new id.
 */
export function insertArticle(db: DB, result: ImportResult, createdBy: number | null, now = new Date()): number {
	const { article, format, warnings } = result;
	const at = now.toISOString();
	return db.transaction(() => {
		const id = Number(
			db
				.prepare(
					`INSERT INTO articles (title, lang, meta, blocks, format, warnings, created_by, created_at)
					 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
				)
				.run(article.title, article.lang, JSON.stringify(article.meta), JSON.stringify(article.blocks), format, JSON.stringify(warnings), createdBy, at)
				.lastInsertRowid
		);
		const segment = db.prepare('INSERT INTO segments (article_id, id, position, kind, text, html) VALUES (?, ?, ?, ?, ?, ?)');
		const status = db.prepare(`INSERT INTO segment_status (article_id, segment_id, status, updated_by, updated_at) VALUES (?, ?, 'empty', NULL, ?)`);
		article.segments.forEach((s, position) => {
			segment.run(id, s.id, position, s.kind, s.text, s.html);
			status.run(id, s.id, at);
		});
		return id;
	})();
}

const SELECT_ARTICLE = `SELECT a.id, a.title, a.lang, a.meta, a.blocks, a.format, a.warnings, a.created_at, a.created_by,
	u.name AS creator_name FROM articles a LEFT JOIN users u ON u.id = a.created_by`;

function creator(row: { created_by: number | null; creator_name: string | null }) {
	return row.created_by !== null && row.creator_name !== null ? { id: row.created_by, name: row.creator_name } : null;
}

/** Segments of an article in document order. */
export function getSegments(db: DB, articleId: number): Segment[] {
	return db
		.prepare('SELECT id, kind, text, html FROM segments WHERE article_id = ? ORDER BY position')
		.all(articleId) as SegmentRow[];
}

/** Statuses of an article's segments in document order, with their counts. */
export function getStatuses(db: DB, articleId: number): { statuses: SegmentStatus[]; counts: StatusCounts } {
	const rows = db
		.prepare(
			`SELECT st.segment_id, st.status, st.updated_by, st.updated_at
			 FROM segment_status st JOIN segments s ON s.article_id = st.article_id AND s.id = st.segment_id
			 WHERE st.article_id = ? ORDER BY s.position`
		)
		.all(articleId) as StatusRow[];
	const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
	counts.total = rows.length;
	const statuses = rows.map((r) => {
		counts[r.status]++;
		return { segmentId: r.segment_id, status: r.status, updatedBy: r.updated_by, updatedAt: r.updated_at };
	});
	return { statuses, counts };
}

/** The article with segments, blocks, statuses and counts, or null. */
export function getArticle(db: DB, id: number): StoredArticle | null {
	const row = db.prepare(`${SELECT_ARTICLE} WHERE a.id = ?`).get(id) as ArticleRow | undefined;
	if (!row) return null;
	const { statuses, counts } = getStatuses(db, id);
	return {
		id: row.id,
		title: row.title,
		lang: row.lang,
		meta: JSON.parse(row.meta) as ArticleMeta,
		segments: getSegments(db, id),
		blocks: JSON.parse(row.blocks) as Block[],
		format: row.format,
		warnings: JSON.parse(row.warnings) as string[],
		createdAt: row.created_at,
		createdBy: creator(row),
		statuses,
		counts
	};
}

/** Articles, newest first. */
export function listArticles(db: DB, { limit = 200, offset = 0 }: { limit?: number; offset?: number } = {}): ArticleSummary[] {
	const rows = db
		.prepare(
			`SELECT a.id, a.title, a.lang, a.format, a.created_at, a.created_by, u.name AS creator_name,
			        (SELECT count(*) FROM segments s WHERE s.article_id = a.id) AS segment_count
			 FROM articles a LEFT JOIN users u ON u.id = a.created_by
			 ORDER BY a.id DESC LIMIT ? OFFSET ?`
		)
		.all(limit, offset) as (Omit<ArticleRow, 'meta' | 'blocks' | 'warnings'> & { segment_count: number })[];
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		lang: r.lang,
		format: r.format,
		segmentCount: r.segment_count,
		createdAt: r.created_at,
		createdBy: creator(r)
	}));
}

/** How many articles exist. */
export function countArticles(db: DB): number {
	return (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
}
