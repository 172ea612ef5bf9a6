// Types of the export layer: what an exporter takes (one article's persisted state, as
// plain data) and the options of each format. The server builds an `ExportInput` from
// SQLite and the Yjs document; the exporters never see either.
import type { ArticleMeta, Block, Claim, Comment, GlossaryEntry, PMNodeJSON, Segment, Status } from '../types.ts';

/** Everything an exporter reads. Plain data: no Y.Doc, no database handle. */
export interface ExportInput {
	article: {
		id: number | string;
		/** The source title as imported. */
		title: string;
		/** BCP 47 tag of the source, e.g. `zh-Hans`. */
		lang: string;
		meta: ArticleMeta;
		segments: Segment[];
		blocks: Block[];
	};
	/** Each segment's English (target schema JSON) by segment id; `null`/missing = none yet. */
	targets: Record<string, PMNodeJSON | null | undefined>;
	/** Pair status by segment id; missing = `empty`. */
	statuses: Record<string, Status | undefined>;
	claims: Claim[];
	comments: Comment[];
	glossary: GlossaryEntry[];
	credits: { translators: string[]; reviewers: string[] };
	/** When the export was made (ISO 8601); the exporters never read the clock. */
	exportedAt: string;
	/** The producing tool, for `<meta name="generator">`, TMX and XLIFF headers. */
	tool?: { name: string; version: string };
	/**
	 * The desk that publishes the translation: the `author` of ClaimReview. Defaults to the
	 * tool's name when absent.
	 */
	desk?: { name: string; url?: string };
	/**
	 * Where the exported page will be published (absolute http/https), if known. Used for
	 * ClaimReview `url` (`<pageUrl>#claim-<id>`); without it `url` is left out.
	 */
	pageUrl?: string;
}

/** The export formats, in the order the UI lists them. */
export const FORMATS = ['bilingual-html', 'html', 'markdown', 'xliff', 'tmx', 'claimreview'] as const;
export type ExportFormat = (typeof FORMATS)[number];

/** Layouts of the bilingual HTML. */
export const LAYOUTS = ['side-by-side', 'interleaved'] as const;
export type Layout = (typeof LAYOUTS)[number];

export interface BilingualHtmlOptions {
	layout: Layout;
	/** Internal copy: show review comments (and pair statuses) under each pair. Default false. */
	includeComments?: boolean;
	/** Keep pairs without English (marked as untranslated); `false` leaves them out. Default true. */
	includeUntranslated?: boolean;
}

/** Options accepted by `renderExport`, the one entry point for the server and the CLI. */
export interface ExportOptions {
	format: ExportFormat;
	/** Bilingual HTML only; default `side-by-side`. */
	layout?: Layout;
	includeComments?: boolean;
	includeUntranslated?: boolean;
}

/** A rendered export file, ready to send or write. */
export interface ExportFile {
	/** The file's text (UTF-8 when encoded). */
	content: string;
	/** `Content-Type` value. */
	mediaType: string;
	/** ASCII-safe file name for `Content-Disposition` or `-o`. */
	fileName: string;
}

/** The result of `parseXliff`: what the server needs to fill targets back in. */
export interface XliffUnit {
	/** The unit id (= segment id). */
	id: string;
	/** Plain text of the source (all segments of the unit joined). */
	source: string;
	/** Plain text of the target; `null` when the file has no `<target>` for the unit. */
	target: string | null;
	/** The lowest `state` of the unit's segments (`initial` when absent, as the spec says). */
	state: XliffState;
}

export const XLIFF_STATES = ['initial', 'translated', 'reviewed', 'final'] as const;
export type XliffState = (typeof XLIFF_STATES)[number];

export interface ParsedXliff {
	srcLang: string;
	trgLang: string | null;
	units: XliffUnit[];
}
