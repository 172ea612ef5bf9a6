// The export view of an article: one pass over an ExportInput that every human-readable
// format shares — the title pair, the lead image and its caption pair, pairs and blocks in
// document order, resolved claims numbered as footnotes, comments per segment, the glossary
// terms that occur in the source, and the metadata already checked (URLs, dates).
import { docToText, isEmptyDoc } from '../schema/text.ts';
import { safeLinkHref, safeMediaSrc } from '../schema/url.ts';
import type { Block, Claim, Comment, GlossaryEntry, PMNodeJSON, Segment, Status } from '../types.ts';
import type { ExportInput } from './types.ts';

/** One source segment with its English and the records that point at it. */
export interface Pair {
	segment: Segment;
	/** The English, or `null` when there is none (no document or only whitespace). */
	target: PMNodeJSON | null;
	status: Status;
	/** Resolved claims on this segment, in footnote order. */
	claims: Footnote[];
	/** Comments on this segment: threads in creation order, each reply after its parent. */
	comments: Comment[];
	/** A valid, unique HTML id for the pair (`seg-s3`). */
	anchor: string;
}

/** A resolved claim and its footnote number (1-based, document order). */
export interface Footnote {
	claim: Claim;
	n: number;
	/** A valid, unique HTML id for the footnote (`claim-7`). */
	anchor: string;
	/** The pair it belongs to; `null` when its segment is not in the article. */
	pair: Pair | null;
}

/** An image block whose `src` passed the scheme check. */
export interface ImageView {
	block: Block;
	src: string;
	alt: string;
}

export type Item = { type: 'pair'; pair: Pair } | { type: 'block'; block: Block };

export interface ExportModel {
	input: ExportInput;
	/** The first `title` segment (shown in the header), if any. */
	title: Pair | null;
	/** The English title ('' when untranslated). */
	englishTitle: string;
	/** The lead image (the first image block) with its caption pair, when its URL is safe. */
	lead: { image: ImageView; caption: Pair | null } | null;
	/** Everything else in document order: pairs and non-translatable blocks. */
	items: Item[];
	pairs: Pair[];
	footnotes: Footnote[];
	/** Glossary entries whose source term occurs in the source text, by first occurrence. */
	glossary: GlossaryEntry[];
	/** `meta.sourceUrl` when it is a safe http/https/mailto URL. */
	sourceUrl: string | null;
	/** `meta.published` when it is an ISO `YYYY-MM-DD` date. */
	published: string | null;
	/** `exportedAt` when it parses as a date (ISO string), else `null`. */
	exportedAt: string | null;
	toolName: string;
	toolVersion: string;
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** ISO 8601 date-time as HTML's `<time datetime>` accepts it (a "global date and time"). */
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `YYYY-MM-DD` when valid, else `null`. */
export function isoDate(value: unknown): string | null {
	return typeof value === 'string' && ISO_DATE.test(value) ? value : null;
}

/** An ISO date-time usable in `<time datetime>`, else `null`. */
export function isoDateTime(value: unknown): string | null {
	return typeof value === 'string' && ISO_DATETIME.test(value) && !Number.isNaN(Date.parse(value)) ? value : null;
}

/** The default tool identity when the input does not say. */
export const DEFAULT_TOOL = { name: 'Duizhao', version: '0' } as const;

/** Builds the export view. Pure; tolerant of inconsistent records (they are skipped, not fatal). */
export function buildModel(input: ExportInput): ExportModel {
	const ids = new AnchorIds();
	const pairs: Pair[] = input.article.segments.map((segment) => {
		const doc = input.targets[segment.id] ?? null;
		return {
			segment,
			target: doc && !isEmptyDoc(doc) ? doc : null,
			status: input.statuses[segment.id] ?? 'empty',
			claims: [],
			comments: [],
			anchor: ids.take('seg', segment.id)
		};
	});
	const byId = new Map(pairs.map((p) => [p.segment.id, p]));
	const order = new Map(pairs.map((p, i) => [p.segment.id, i]));

	const footnotes = input.claims
		.filter((c) => c.status === 'resolved')
		.map((claim) => ({ claim, seg: order.get(claim.segmentId) ?? Infinity }))
		.sort((a, b) => a.seg - b.seg || a.claim.anchor.start - b.claim.anchor.start || a.claim.id - b.claim.id)
		.map(({ claim }, i): Footnote => {
			const pair = byId.get(claim.segmentId) ?? null;
			const note: Footnote = { claim, n: i + 1, anchor: ids.take('claim', String(claim.id)), pair };
			pair?.claims.push(note);
			return note;
		});

	for (const c of threadOrder(input.comments)) byId.get(c.segmentId)?.comments.push(c);

	const title = pairs.find((p) => p.segment.kind === 'title') ?? null;
	const lead = leadImage(input, pairs);
	const shown = new Set<Pair | null>([title, lead?.caption ?? null]);
	const leadBlock = lead?.image.block;

	const items: Item[] = [];
	const blocksAfter = (after: string | null) =>
		input.article.blocks.filter((b) => b !== leadBlock && b.after === after).map((block): Item => ({ type: 'block', block }));
	items.push(...blocksAfter(null));
	for (const pair of pairs) {
		if (!shown.has(pair)) items.push({ type: 'pair', pair });
		items.push(...blocksAfter(pair.segment.id));
	}
	// Blocks pointing at a segment that does not exist are kept, at the end.
	items.push(
		...input.article.blocks
			.filter((b) => b !== leadBlock && b.after !== null && !byId.has(b.after))
			.map((block): Item => ({ type: 'block', block }))
	);

	return {
		input,
		title,
		englishTitle: title?.target ? docToText(title.target).trim() : '',
		lead,
		items,
		pairs,
		footnotes,
		glossary: glossaryUsed(input.glossary, input.article.segments),
		sourceUrl: safeLinkHref(input.article.meta.sourceUrl),
		published: isoDate(input.article.meta.published),
		exportedAt: isoDateTime(input.exportedAt),
		toolName: input.tool?.name || DEFAULT_TOOL.name,
		toolVersion: input.tool?.version || DEFAULT_TOOL.version
	};
}

/** An image block as shown, or `null` when its URL is not http/https. */
export function imageView(block: Block): ImageView | null {
	const src = safeMediaSrc(block.src);
	return src ? { block, src, alt: block.alt ?? '' } : null;
}

function leadImage(input: ExportInput, pairs: Pair[]): ExportModel['lead'] {
	const block = input.article.blocks.find((b) => b.kind === 'image');
	const image = block && imageView(block);
	if (!block || !image) return null;
	// Its caption is the segment right after it, when that segment is a caption.
	const i = block.after === null ? 0 : pairs.findIndex((p) => p.segment.id === block.after) + 1;
	const next = i > 0 || block.after === null ? pairs[i] : undefined;
	return { image, caption: next?.segment.kind === 'caption' ? next : null };
}

/** Comments as threads: top-level by creation time, each followed by its replies. */
function threadOrder(comments: Comment[]): Comment[] {
	const byTime = [...comments].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
	const ids = new Set(byTime.map((c) => c.id));
	const children = new Map<number | null, Comment[]>();
	for (const c of byTime) {
		const parent = c.parentId !== null && c.parentId !== c.id && ids.has(c.parentId) ? c.parentId : null;
		children.set(parent, [...(children.get(parent) ?? []), c]);
	}
	const out: Comment[] = [];
	const seen = new Set<Comment>();
	const visit = (c: Comment) => {
		if (seen.has(c)) return;
		seen.add(c);
		out.push(c);
		for (const reply of children.get(c.id) ?? []) visit(reply);
	};
	for (const c of children.get(null) ?? []) visit(c);
	// A parent cycle (corrupt rows) is unreachable from the top: keep those comments anyway.
	for (const c of byTime) visit(c);
	return out;
}

/** Entries whose (non-empty) source term occurs in some segment's text, by first occurrence. */
export function glossaryUsed(glossary: GlossaryEntry[], segments: Segment[]): GlossaryEntry[] {
	const found: { entry: GlossaryEntry; seg: number; at: number }[] = [];
	for (const entry of glossary) {
		const term = entry.source.trim();
		if (!term) continue;
		const seg = segments.findIndex((s) => s.text.includes(term));
		if (seg !== -1) found.push({ entry, seg, at: segments[seg]!.text.indexOf(term) });
	}
	return found.sort((a, b) => a.seg - b.seg || a.at - b.at || a.entry.source.localeCompare(b.entry.source)).map((f) => f.entry);
}

/** Hands out HTML ids that are valid (letters, digits, `-`, `_`) and unique in the file. */
class AnchorIds {
	private used = new Set<string>();
	private n = 0;
	take(prefix: string, key: string): string {
		let id = /^[A-Za-z0-9_-]{1,64}$/.test(key) ? `${prefix}-${key}` : `${prefix}-x${++this.n}`;
		while (this.used.has(id)) id = `${prefix}-x${++this.n}`;
		this.used.add(id);
		return id;
	}
}
