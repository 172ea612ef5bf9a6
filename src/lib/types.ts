// Domain types shared by every layer. This module imports nothing: it is the bottom of the
// dependency graph (ARCHITECTURE §9). Shapes marked "contract" are read by integrators and
// acceptance checks (ARCHITECTURE §4) — extend them compatibly, never rename.

/* ------------------------------------------------------------------ articles (contract) */

export const SEGMENT_KINDS = [
	'title',
	'paragraph',
	'heading',
	'caption',
	'list_item',
	'quote',
	'credit'
] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

/** One translatable unit of the source side. Immutable once imported. */
export interface Segment {
	/** Stable id in document order: `s1`, `s2`, … */
	id: string;
	kind: SegmentKind;
	/** Plain text; anchors are UTF-16 offsets into this string. */
	text: string;
	/** Sanitized inline HTML: only `a[href]` (http/https/mailto), `strong`, `em`, `br`. */
	html: string;
}

export const BLOCK_KINDS = ['image', 'embed', 'table', 'rule'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/** A non-translatable block kept in place between segments. */
export interface Block {
	kind: BlockKind;
	/** Id of the segment this block follows; `null` when it comes before every segment. */
	after: string | null;
	/** Image or embed URL (http/https only). */
	src?: string;
	alt?: string;
	/** Tables: plain-text cells, row by row. */
	rows?: string[][];
}

/** Article metadata. Unknown fields are omitted, never empty strings. */
export interface ArticleMeta {
	sourceUrl?: string;
	/** ISO date `YYYY-MM-DD`. */
	published?: string;
	dateline?: string;
	byline?: string;
	editor?: string;
	description?: string;
	tags?: string[];
}

/** The Article JSON contract (ARCHITECTURE §4). */
export interface Article {
	title: string;
	lang: string;
	meta: ArticleMeta;
	segments: Segment[];
	blocks: Block[];
}

export const IMPORT_FORMATS = ['auto', 'mirror', 'markdown', 'html', 'text'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What the importer returns: the article plus non-fatal remarks ("body is empty"). */
export interface ImportResult {
	article: Article;
	/** The format actually used (never `auto`). */
	format: Exclude<ImportFormat, 'auto'>;
	warnings: string[];
}

/* ------------------------------------------------------------------ people and roles */

export const ROLES = ['admin', 'editor', 'translator', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in user as routes and the collab server see it. */
export interface SessionUser {
	id: number;
	name: string;
	displayName: string;
	role: Role;
	/** `#rrggbb`, used for presence. */
	color: string;
}

/* ------------------------------------------------------------------ statuses */

export const STATUSES = ['empty', 'draft', 'translated', 'reviewed', 'approved', 'rejected'] as const;
export type Status = (typeof STATUSES)[number];

export interface SegmentStatus {
	segmentId: string;
	status: Status;
	updatedBy: number | null;
	updatedAt: string | null;
}

/* ------------------------------------------------------------------ target text */

/**
 * ProseMirror JSON for one segment's English (the target schema, ARCHITECTURE §4):
 * `{type:'doc', content:[{type:'paragraph', content:[{type:'text', text, marks?}]}]}`.
 * Pure modules (QA, export) take this plain data, never a Y.Doc.
 */
export interface PMNodeJSON {
	type: string;
	attrs?: Record<string, unknown>;
	content?: PMNodeJSON[];
	text?: string;
	marks?: { type: string; attrs?: Record<string, unknown> }[];
}

/* ------------------------------------------------------------------ anchors */

/** A span of a segment's source text (Hypothesis-style: offsets plus the quote). */
export interface SourceAnchor {
	start: number;
	end: number;
	quote: string;
}

/**
 * A span of a segment's English: two encoded `Y.RelativePosition`s (base64) so the anchor
 * moves with edits, plus the quote so it can be shown when orphaned.
 */
export interface TargetAnchor {
	from: string;
	to: string;
	quote: string;
}

/* ------------------------------------------------------------------ QA */

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
	code: string;
	severity: Severity;
	message: string;
	/** UTF-16 offsets into the target plain text, when the finding points somewhere. */
	range?: { from: number; to: number };
}

export interface ArticleFinding extends Finding {
	segmentId: string;
}

/* ------------------------------------------------------------------ glossary */

export const TERM_TYPES = ['person', 'place', 'organisation', 'term'] as const;
export type TermType = (typeof TERM_TYPES)[number];

/** What a glossary entry says: the fields its author writes (the dialog, the API, CSV rows). */
export interface GlossaryFields {
	source: string;
	/** English renderings; the first is preferred. */
	targets: string[];
	type: TermType;
	note: string;
	forbidden: string[];
	doNotTranslate: boolean;
}

export interface GlossaryEntry extends GlossaryFields {
	id: number;
	createdBy: { id: number; name: string } | null;
	createdAt: string;
	updatedAt: string;
}

/* ------------------------------------------------------------------ review records */

export interface Author {
	id: number;
	name: string;
}

export interface Comment {
	id: number;
	articleId: number;
	segmentId: string;
	parentId: number | null;
	author: Author;
	body: string;
	/** `side` tells which text the anchor points into. */
	anchor: ({ side: 'source' } & SourceAnchor) | ({ side: 'target' } & TargetAnchor) | null;
	resolved: boolean;
	mentions: Author[];
	createdAt: string;
	updatedAt: string;
}

export const VERDICTS = [
	'true',
	'mostly_true',
	'mixed',
	'mostly_false',
	'false',
	'unproven',
	'needs_source'
] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface Evidence {
	url: string;
	title: string;
	/** ISO date `YYYY-MM-DD`. */
	accessed: string;
}

export interface Claim {
	id: number;
	articleId: number;
	segmentId: string;
	anchor: SourceAnchor;
	/** The English rendering of the claim; `null` = the whole paragraph. */
	target: TargetAnchor | null;
	claimant: string;
	verdict: Verdict;
	evidence: Evidence[];
	note: string;
	status: 'open' | 'resolved';
	/** The English changed after the claim was resolved. */
	recheck: boolean;
	checker: Author;
	createdAt: string;
	updatedAt: string;
}

/* ------------------------------------------------------------------ collab close codes */

/**
 * Websocket close codes shared by the collab server and the browser client, so the client
 * knows whether to reconnect (4401/4403 after sign-in changes) and what to tell the user.
 */
export const CLOSE_CODES = {
	/** Session or token no longer valid (signed out, deactivated). Do not retry blindly. */
	unauthorized: { code: 4401, reason: 'unauthorized' },
	/** Role changed or access removed: reconnect to get the new permissions. */
	permissionsChanged: { code: 4403, reason: 'permissions-changed' },
	/** Too many documents or awareness states on one connection. */
	limit: { code: 4429, reason: 'limit-exceeded' },
	/** A frame that does not parse as the y-websocket protocol. */
	protocolError: { code: 4400, reason: 'protocol-error' },
	/** Frame over the size limit (the standard code). */
	tooBig: { code: 1009, reason: 'message-too-big' },
	/** Server shutting down; reconnect. */
	goingAway: { code: 1001, reason: 'server-restart' }
} as const;

/* ------------------------------------------------------------------ API errors (contract) */

export type ErrorCode =
	| 'bad_request'
	| 'unauthorized'
	| 'forbidden'
	| 'not_found'
	| 'conflict'
	| 'too_large'
	| 'unsupported_media_type'
	| 'rate_limited'
	| 'internal';

export interface ApiError {
	error: { code: ErrorCode; message: string };
}
