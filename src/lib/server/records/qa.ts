// QA of an article as stored (ARCHITECTURE §7, §8): the source segments, the English from
// the live room or SQLite (never a client's word), the statuses and the workspace glossary
// go through the pure checks. Serves `GET /api/articles/<id>/qa`; export can reuse it.
import type { ArticleFinding, Status } from '../../types.ts';
import { checkArticle } from '../../qa/index.ts';
import { getSegments, getStatuses } from '../db/articles.ts';
import { listGlossary } from '../db/glossary.ts';
import type { Runtime } from '../runtime.ts';
import { loadTargets } from './targets.ts';

/** Every finding of the article, in segment order (see `checkArticle`). */
export async function articleFindings(rt: Runtime, articleId: number): Promise<ArticleFinding[]> {
	const segments = getSegments(rt.db, articleId);
	const statuses: Record<string, Status> = {};
	for (const s of getStatuses(rt.db, articleId).statuses) statuses[s.segmentId] = s.status;
	const targets = await loadTargets(rt, articleId);
	return checkArticle({ segments, targets, glossary: listGlossary(rt.db), statuses });
}
