// The publish check (issue 7): what is still open in an article before it goes out —
// untranslated pairs, QA errors, open comment threads, unresolved or stale fact-checks —
// as a list of issues pointing at pairs. The export dialog shows it ("Export anyway" or
// "Fix first"), `GET /api/articles/<id>/publish-check` returns it and `duizhao export
// --strict` refuses to write while it is not empty. Pure: reads an ExportInput.
import { checkArticle } from '../qa/index.ts';
import { isEmptyDoc } from '../schema/text.ts';
import type { Comment, Status } from '../types.ts';
import type { ExportInput } from './types.ts';

/** Issue families, in the order the dialog and the CLI list them within a pair. */
export const PUBLISH_ISSUE_KINDS = ['untranslated', 'qa', 'comment', 'claim'] as const;
export type PublishIssueKind = (typeof PUBLISH_ISSUE_KINDS)[number];

/** One open item. */
export interface PublishIssue {
	kind: PublishIssueKind;
	/** The pair it belongs to. */
	segmentId: string;
	/**
	 * Finer reason: `empty` / `draft` / `rejected` for untranslated pairs, the QA finding
	 * code for QA errors, `open` for comments, `open` / `recheck` for claims.
	 */
	code: string;
	/** One line for people. */
	message: string;
	/** The comment or claim id, for comments and claims. */
	ref?: number;
}

export interface PublishCheck {
	/** True when nothing is open. */
	ok: boolean;
	counts: Record<PublishIssueKind, number>;
	/** In document order of their pairs; within a pair, by kind. */
	issues: PublishIssue[];
}

/** What the check reads: an export's input without the credits and dates. */
export type PublishCheckInput = Pick<ExportInput, 'article' | 'targets' | 'statuses' | 'claims' | 'comments' | 'glossary'>;

/** Longest excerpt of a comment body or claim quote in a message. */
const EXCERPT = 80;

function excerpt(text: string): string {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length > EXCERPT ? `${line.slice(0, EXCERPT - 1)}…` : line;
}

/** Pairs not ready to publish: no English, still a draft, or rejected in review. */
function untranslated(input: PublishCheckInput): PublishIssue[] {
	const out: PublishIssue[] = [];
	for (const s of input.article.segments) {
		const status: Status = input.statuses[s.id] ?? 'empty';
		const issue = (code: string, message: string) => out.push({ kind: 'untranslated', segmentId: s.id, code, message });
		if (isEmptyDoc(input.targets[s.id])) issue('empty', 'No English yet');
		else if (status === 'empty' || status === 'draft') issue('draft', 'Not marked translated yet (still a draft)');
		else if (status === 'rejected') issue('rejected', 'Rejected in review');
	}
	return out;
}

/**
 * QA errors (severity `error` only). An empty English is already an untranslated pair,
 * so the QA `empty` finding is not repeated.
 */
function qaErrors(input: PublishCheckInput): PublishIssue[] {
	const statuses: Record<string, Status> = {};
	for (const [id, s] of Object.entries(input.statuses)) if (s) statuses[id] = s;
	return checkArticle({ segments: input.article.segments, targets: input.targets, glossary: input.glossary, statuses })
		.filter((f) => f.severity === 'error' && f.code !== 'empty')
		.map((f) => ({ kind: 'qa', segmentId: f.segmentId, code: f.code, message: f.message }));
}

/** Open threads: a comment that starts a thread (or whose parent is gone) and is not resolved. */
function openComments(comments: Comment[]): PublishIssue[] {
	const ids = new Set(comments.map((c) => c.id));
	return comments
		.filter((c) => !c.resolved && (c.parentId === null || !ids.has(c.parentId)))
		.map((c) => ({ kind: 'comment', segmentId: c.segmentId, code: 'open', ref: c.id, message: `Open comment by ${c.author.name}: ${excerpt(c.body)}` }));
}

/** Claims still open, and resolved claims whose English changed since (re-check). */
function claimIssues(input: PublishCheckInput): PublishIssue[] {
	const out: PublishIssue[] = [];
	for (const c of input.claims) {
		const quote = excerpt(c.anchor.quote);
		if (c.status === 'open') out.push({ kind: 'claim', segmentId: c.segmentId, code: 'open', ref: c.id, message: `Unresolved fact-check: “${quote}”` });
		else if (c.recheck) {
			out.push({ kind: 'claim', segmentId: c.segmentId, code: 'recheck', ref: c.id, message: `Fact-check needs a re-check (the English changed after it was resolved): “${quote}”` });
		}
	}
	return out;
}

/** Runs the publish check over an article's persisted state. */
export function publishCheck(input: PublishCheckInput): PublishCheck {
	const order = new Map(input.article.segments.map((s, i) => [s.id, i]));
	const kindOrder = (k: PublishIssueKind) => PUBLISH_ISSUE_KINDS.indexOf(k);
	const all = [...untranslated(input), ...qaErrors(input), ...openComments(input.comments), ...claimIssues(input)];
	// Stable sort: by pair (records on unknown pairs last), then family; QA keeps its order.
	const issues = all
		.map((issue, i) => ({ issue, i }))
		.sort((a, b) => (order.get(a.issue.segmentId) ?? Infinity) - (order.get(b.issue.segmentId) ?? Infinity) || kindOrder(a.issue.kind) - kindOrder(b.issue.kind) || a.i - b.i)
		.map((x) => x.issue);
	const counts = Object.fromEntries(PUBLISH_ISSUE_KINDS.map((k) => [k, 0])) as Record<PublishIssueKind, number>;
	for (const issue of issues) counts[issue.kind]++;
	return { ok: issues.length === 0, counts, issues };
}

/** One line per issue for the CLI: `s3 untranslated (empty): No English yet`. */
export function formatIssue(issue: PublishIssue): string {
	return `${issue.segmentId} ${issue.kind} (${issue.code}): ${issue.message}`;
}
