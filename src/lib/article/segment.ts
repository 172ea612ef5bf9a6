// Splits a sanitized walk of the HTML tree into the Article's segments and blocks
// (ARCHITECTURE §5 steps 2–4): every paragraph, heading, list item, quote and caption is a
// segment; images, embeds, tables and rules are blocks kept in place; empty paragraphs
// are dropped; ids `s1…sN` follow document order. Pure. The tree must have passed
// guardTree (the walk recurses once per element level).
import type { Element, ElementContent, Root } from 'hast';
import type { Block, Segment, SegmentKind } from '../types.ts';
import { collapseText, normalizeTokens, splitAtDoubleBreaks, tokensToText, NO_MARKS, type Marks, type Token } from './inline.ts';
import {
	attr,
	BLOCKS,
	DROP,
	EM,
	EMBEDS,
	embedSrc,
	HEADINGS,
	imageSrc,
	isHidden,
	isTrackingImage,
	linkHref,
	STRONG,
	tokensToHtml
} from './sanitize.ts';

/** A segment before ids are assigned, or a block before its `after` is known. */
export type Draft = { type: 'segment'; kind: SegmentKind; tokens: Token[] } | { type: 'block'; block: Omit<Block, 'after'> };

export interface WalkOptions {
	/** A profile's extra test for images to leave out (a mirror's own tracking host). */
	dropImage?: (el: Element) => boolean;
}

interface Ctx {
	kind: SegmentKind;
	marks: Marks;
	pre: boolean;
}

const CAPTION_CLASS = /^(?:caption|wp-caption-text|(?:.*[-_])?caption[-_]text|(?:img|image|photo|pic|figure)[-_]?caption)$/i;

function hasDescendant(el: Element, test: (e: Element) => boolean): boolean {
	const stack: ElementContent[] = [...el.children];
	while (stack.length) {
		const node = stack.pop()!;
		if (node.type !== 'element') continue;
		if (test(node)) return true;
		for (const child of node.children) stack.push(child);
	}
	return false;
}

function isCaption(el: Element): boolean {
	if (el.tagName === 'figcaption') return true;
	const classes = el.properties?.className;
	if (!Array.isArray(classes) || !classes.some((c) => CAPTION_CLASS.test(String(c)))) return false;
	// A container that holds the picture is a figure, not its caption.
	return !hasDescendant(el, (e) => e.tagName === 'img');
}

/** Plain text of an element for table cells: text nodes joined, dropped elements skipped. */
function cellText(el: Element): string {
	let s = '';
	const stack: ElementContent[] = [...el.children].reverse();
	while (stack.length) {
		const node = stack.pop()!;
		if (node.type === 'text') s += node.value;
		else if (node.type === 'element') {
			if (DROP.has(node.tagName) || isHidden(node)) continue;
			if (node.tagName === 'br') s += ' ';
			else for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]!);
		}
	}
	return collapseText(s);
}

const LAYOUT_INSIDE = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'img', 'blockquote', 'figure']);

/** Collects the drafts of one tree; `warnings` gathers what was left out and why. */
class Walker {
	readonly drafts: Draft[] = [];
	private buf: Token[] = [];
	private bufKind: SegmentKind = 'paragraph';
	droppedImages = 0;
	droppedEmbeds = 0;

	constructor(private readonly options: WalkOptions) {}

	flush(): void {
		if (this.buf.length) this.drafts.push({ type: 'segment', kind: this.bufKind, tokens: this.buf });
		this.buf = [];
	}

	private push(token: Token, ctx: Ctx): void {
		if (!this.buf.length) this.bufKind = ctx.kind;
		this.buf.push(token);
	}

	private block(block: Omit<Block, 'after'>): void {
		this.flush();
		this.drafts.push({ type: 'block', block });
	}

	children(nodes: readonly ElementContent[] | Root['children'], ctx: Ctx): void {
		for (const node of nodes) {
			if (node.type === 'text') this.text(node.value, ctx);
			else if (node.type === 'element') this.element(node, ctx);
			// comments and doctypes carry nothing for a reader
		}
	}

	private text(value: string, ctx: Ctx): void {
		if (!ctx.pre) {
			this.push({ t: 'text', v: value, ...ctx.marks }, ctx);
			return;
		}
		const lines = value.split('\n');
		lines.forEach((line, k) => {
			if (k > 0) this.push({ t: 'br', ...ctx.marks }, ctx);
			if (line) this.push({ t: 'text', v: line, ...ctx.marks }, ctx);
		});
	}

	private element(el: Element, ctx: Ctx): void {
		const tag = el.tagName;
		if (DROP.has(tag) || isHidden(el)) return;
		if (tag === 'img' || tag === 'image') return this.image(el);
		if (EMBEDS.has(tag)) return this.embed(el);
		if (tag === 'br') return this.push({ t: 'br', ...ctx.marks }, ctx);
		if (tag === 'hr') return this.block({ kind: 'rule' });
		if (tag === 'table' && !hasDescendant(el, (e) => LAYOUT_INSIDE.has(e.tagName))) return this.table(el, ctx);

		let marks = ctx.marks;
		if (tag === 'a') marks = { ...marks, href: linkHref(el) };
		else if (STRONG.has(tag)) marks = { ...marks, strong: true };
		else if (EM.has(tag)) marks = { ...marks, em: true };

		const caption = isCaption(el);
		if (BLOCKS.has(tag) || caption) {
			this.flush();
			let kind = ctx.kind;
			if (HEADINGS.has(tag)) kind = 'heading';
			else if (tag === 'li') kind = 'list_item';
			else if (tag === 'blockquote') kind = 'quote';
			if (caption) kind = 'caption';
			this.children(el.children, { kind, marks, pre: ctx.pre || tag === 'pre' });
			this.flush();
			return;
		}
		this.children(el.children, { ...ctx, marks });
	}

	private image(el: Element): void {
		if (isTrackingImage(el) || this.options.dropImage?.(el)) return;
		const p = el.properties ?? {};
		// Emoji and icons set in a line of text are decoration, not pictures.
		if (Number(p.width) > 0 && Number(p.width) <= 24 && Number(p.height) > 0 && Number(p.height) <= 24) return;
		const src = imageSrc(el);
		if (!src) {
			this.droppedImages++;
			return;
		}
		const alt = collapseText(attr(p, 'alt') ?? '');
		this.block({ kind: 'image', src, ...(alt ? { alt } : {}) });
	}

	private embed(el: Element): void {
		const src = embedSrc(el);
		if (!src) {
			this.droppedEmbeds++;
			return;
		}
		const title = collapseText(attr(el.properties, 'title') ?? attr(el.properties, 'ariaLabel') ?? '');
		this.block({ kind: 'embed', src, ...(title ? { alt: title } : {}) });
	}

	private table(el: Element, ctx: Ctx): void {
		this.flush();
		const rows: string[][] = [];
		let caption: Element | null = null;
		const visit = (parent: Element) => {
			for (const child of parent.children) {
				if (child.type !== 'element' || isHidden(child)) continue;
				if (child.tagName === 'caption') caption = child;
				else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') visit(child);
				else if (child.tagName === 'tr') {
					const cells = child.children.filter(
						(c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th')
					);
					const row = cells.map(cellText);
					if (row.some((c) => c)) rows.push(row);
				}
			}
		};
		visit(el);
		if (caption) {
			this.children((caption as Element).children, { ...ctx, kind: 'caption' });
			this.flush();
		}
		if (rows.length) this.block({ kind: 'table', rows });
	}
}

/** What a walk produced, plus counts of things left out (for warnings). */
export interface WalkResult {
	drafts: Draft[];
	droppedImages: number;
	droppedEmbeds: number;
}

/** Walks the content of `root` into drafts, in document order. */
export function walk(root: Root | Element, options: WalkOptions = {}): WalkResult {
	const walker = new Walker(options);
	walker.children(root.children, { kind: 'paragraph', marks: NO_MARKS, pre: false });
	walker.flush();
	return { drafts: walker.drafts, droppedImages: walker.droppedImages, droppedEmbeds: walker.droppedEmbeds };
}

/** A segment with normalised tokens, before it gets an id. */
export interface Piece {
	kind: SegmentKind;
	tokens: Token[];
	text: string;
}

export type Item = { type: 'segment'; piece: Piece } | { type: 'block'; block: Omit<Block, 'after'> };

/**
 * Normalises whitespace, splits at `<br><br>`, and drops segments left without text.
 * The result is what conventions (dateline, credit) look at before ids are given.
 */
export function normalizeDrafts(drafts: readonly Draft[]): Item[] {
	const items: Item[] = [];
	for (const d of drafts) {
		if (d.type === 'block') {
			items.push(d);
			continue;
		}
		for (const part of splitAtDoubleBreaks(normalizeTokens(d.tokens))) {
			const tokens = normalizeTokens(part);
			const text = tokensToText(tokens);
			if (text.trim()) items.push({ type: 'segment', piece: { kind: d.kind, tokens, text } });
		}
	}
	return items;
}

/** Gives ids `s1…sN` in order, serialises the html, and anchors blocks to the segment before. */
export function assemble(items: readonly Item[]): { segments: Segment[]; blocks: Block[] } {
	const segments: Segment[] = [];
	const blocks: Block[] = [];
	let last: string | null = null;
	for (const item of items) {
		if (item.type === 'block') {
			const { kind, ...rest } = item.block;
			blocks.push({ kind, after: last, ...rest });
			continue;
		}
		const id = `s${segments.length + 1}`;
		segments.push({ id, kind: item.piece.kind, text: item.piece.text, html: tokensToHtml(item.piece.tokens) });
		last = id;
	}
	return { segments, blocks };
}
