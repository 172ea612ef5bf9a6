// Builds an export's input from persisted state only (ARCHITECTURE §8: "never from a
// client's word"): the stored article, its English from the live room or SQLite, statuses,
// claims, comments, the glossary and the credits. Used by the export and publish-check
// endpoints and by `duizhao export` (rt.collab null: the English comes from SQLite).
import type { ExportInput } from '../../export/types.ts';
import type { Status } from '../../types.ts';
import { getArticle } from '../db/articles.ts';
import type { DB } from '../db/index.ts';
import { listGlossary } from '../db/glossary.ts';
import { listClaims, listComments } from '../db/review.ts';
import type { Runtime } from '../runtime.ts';
import { loadTargets } from './targets.ts';

/** Statuses whose setter wrote (or vouched for) the English. */
const WRITER_STATUSES: Status[] = ['draft', 'translated'];
/** Statuses that are review outcomes. */
const REVIEW_STATUSES: Status[] = ['reviewed', 'approved', 'rejected'];

/**
 * Credits from stored records, by display name:
 * - translators: everyone who wrote English in a pair (`segment_authors`, kept from the
 *   collab server's text notices and XLIFF imports) or whose name is on a pair's current
 *   `draft`/`translated` status — most pairs first, then who started first;
 * - reviewers: everyone whose name is on a pair's current `reviewed`/`approved`/`rejected`
 *   status, most pairs first.
 * Someone who both wrote and reviewed appears in both lists. Deactivated accounts keep
 * their credit; deleted users drop out (their rows are gone).
 */
export function loadCredits(db: DB, articleId: number): ExportInput['credits'] {
	const list = (sql: string) => (db.prepare(sql).all({ article: articleId }) as { name: string }[]).map((r) => r.name);
	const marks = (statuses: Status[]) => statuses.map((s) => `'${s}'`).join(', ');
	const translators = list(
		`WITH w AS (
			SELECT user_id, segment_id, first_at AS at FROM segment_authors WHERE article_id = @article
			UNION ALL
			SELECT updated_by, segment_id, updated_at FROM segment_status
			 WHERE article_id = @article AND updated_by IS NOT NULL AND status IN (${marks(WRITER_STATUSES)})
		)
		SELECT u.display_name AS name FROM w JOIN users u ON u.id = w.user_id
		GROUP BY u.id ORDER BY count(DISTINCT w.segment_id) DESC, min(w.at), u.display_name`
	);
	const reviewers = list(
		`SELECT u.display_name AS name FROM segment_status st JOIN users u ON u.id = st.updated_by
		 WHERE st.article_id = @article AND st.status IN (${marks(REVIEW_STATUSES)})
		 GROUP BY u.id ORDER BY count(*) DESC, min(st.updated_at), u.display_name`
	);
	return { translators, reviewers };
}

/** The article's export input, or null when there is no such article. */
export async function loadExportInput(rt: Runtime, articleId: number, now = new Date()): Promise<ExportInput | null> {
	const article = getArticle(rt.db, articleId);
	if (!article) return null;
	const targets = await loadTargets(rt, articleId);
	const statuses: Record<string, Status> = {};
	for (const s of article.statuses) statuses[s.segmentId] = s.status;
	return {
		article: { id: article.id, title: article.title, lang: article.lang, meta: article.meta, segments: article.segments, blocks: article.blocks },
		targets,
		statuses,
		claims: listClaims(rt.db, articleId),
		comments: listComments(rt.db, articleId),
		glossary: listGlossary(rt.db),
		credits: loadCredits(rt.db, articleId),
		exportedAt: now.toISOString()
	};
}
