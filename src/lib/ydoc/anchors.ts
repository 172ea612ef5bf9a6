// Target-side anchors (ARCHITECTURE §3): a span of a segment's English kept as two encoded
// Y.RelativePositions plus the quote, so it moves with everyone's edits. This module turns
// ProseMirror positions of the target schema into relative positions and back, reading the
// Y.XmlFragment directly (no editor, no y-prosemirror mapping), so the browser (highlights,
// "orphaned") and the server (claim re-check) resolve an anchor exactly the same way.
// Depends on yjs and lib0 only: no DOM, no Node built-ins.
import * as Y from 'yjs';
import { fromBase64, toBase64 } from 'lib0/buffer';
import type { TargetAnchor } from '../types.ts';

/** Leaf nodes of the target schema (one position, no content); checked against it in tests. */
export const LEAF_NODES: ReadonlySet<string> = new Set(['hard_break']);

/** Where an anchor points now. Positions are ProseMirror positions in the segment's doc. */
export interface ResolvedAnchor {
	from: number;
	to: number;
	/** The English between `from` and `to` now (paragraphs and hard breaks as `\n`). */
	text: string;
	/** The words are gone: positions unresolvable, collapsed, or only whitespace left. */
	orphaned: boolean;
	/** The text differs from the quote taken when the anchor was made (edited inside). */
	changed: boolean;
}

type Child = Y.XmlElement | Y.XmlText | Y.XmlHook;

/** ProseMirror size of a node stored in Yjs (text length, leaf 1, else 2 + content). */
function nodeSize(node: Child): number {
	if (node instanceof Y.XmlText) return node.length;
	if (node instanceof Y.XmlElement) return LEAF_NODES.has(node.nodeName) ? 1 : 2 + contentSize(node);
	return 0; // XmlHook: not part of the target schema, not rendered
}

function contentSize(parent: Y.XmlFragment): number {
	let size = 0;
	for (const child of parent.toArray()) size += nodeSize(child);
	return size;
}

/** The ProseMirror size of the fragment's document content (the doc's `content.size`). */
export function fragmentSize(fragment: Y.XmlFragment): number {
	return contentSize(fragment);
}

/**
 * The Yjs (type, index) for ProseMirror position `pos` inside `parent`'s content. At a
 * boundary between a text and the next node, `assoc < 0` keeps to the text on the left,
 * `assoc >= 0` moves on to what follows, so the position sticks to the intended character.
 */
function locate(parent: Y.XmlFragment, pos: number, assoc: number): [Y.AbstractType<unknown>, number] {
	const children = parent.toArray();
	let offset = 0;
	for (let i = 0; i < children.length; i++) {
		const child = children[i]!;
		if (child instanceof Y.XmlText) {
			const end = offset + child.length;
			if (pos < end || (pos === end && (assoc < 0 || i === children.length - 1))) {
				return [child as Y.AbstractType<unknown>, Math.max(0, pos - offset)];
			}
			offset = end;
		} else if (child instanceof Y.XmlElement) {
			const size = nodeSize(child);
			if (pos <= offset) return [parent as Y.AbstractType<unknown>, i];
			if (pos < offset + size && !LEAF_NODES.has(child.nodeName)) return locate(child, pos - offset - 1, assoc);
			offset += size;
		}
	}
	return [parent as Y.AbstractType<unknown>, children.length];
}

/**
 * A relative position for ProseMirror position `pos` of the fragment's document.
 * `assoc >= 0` sticks to the character after `pos` (use it for a span's start),
 * `assoc < 0` to the character before (a span's end), so typing at either edge stays outside.
 */
export function relativeFromPos(fragment: Y.XmlFragment, pos: number, assoc: number): Y.RelativePosition {
	const clamped = Math.max(0, Math.min(pos, fragmentSize(fragment)));
	const [type, index] = locate(fragment, clamped, assoc);
	return Y.createRelativePositionFromTypeIndex(type, index, assoc);
}

/** Where `type`'s content starts as a ProseMirror position, or null if it is not (live) inside `fragment`. */
function contentStart(fragment: Y.XmlFragment, type: Y.AbstractType<unknown>): number | null {
	if (type === (fragment as Y.AbstractType<unknown>)) return 0;
	const item = type._item;
	if (!item || item.deleted) return null;
	const parent = item.parent;
	if (!(parent instanceof Y.XmlFragment)) return null;
	const start = contentStart(fragment, parent as Y.AbstractType<unknown>);
	if (start === null) return null;
	let pos = start;
	for (const child of parent.toArray()) {
		if ((child as Y.AbstractType<unknown>) === type) return type instanceof Y.XmlText ? pos : pos + 1;
		pos += nodeSize(child);
	}
	return null;
}

/** The ProseMirror position a relative position points at now, or null if it is gone or elsewhere. */
export function posFromRelative(fragment: Y.XmlFragment, rel: Y.RelativePosition): number | null {
	const doc = fragment.doc;
	if (!doc) return null;
	let abs: Y.AbsolutePosition | null;
	try {
		abs = Y.createAbsolutePositionFromRelativePosition(rel, doc);
	} catch {
		return null; // refers to an item this document does not have (yet)
	}
	if (!abs) return null;
	const start = contentStart(fragment, abs.type);
	if (start === null) return null;
	if (abs.type instanceof Y.XmlText) return start + Math.min(abs.index, abs.type.length);
	if (!(abs.type instanceof Y.XmlFragment)) return null;
	const children = abs.type.toArray();
	let pos = start;
	for (let i = 0; i < Math.min(abs.index, children.length); i++) pos += nodeSize(children[i]!);
	return pos;
}

function plain(text: Y.XmlText): string {
	let out = '';
	for (const op of text.toDelta() as { insert: unknown }[]) out += typeof op.insert === 'string' ? op.insert : '\ufffc';
	return out;
}

function collect(parent: Y.XmlFragment, start: number, from: number, to: number, top: boolean, out: string[]): void {
	let pos = start;
	parent.toArray().forEach((child, i) => {
		if (child instanceof Y.XmlText) {
			const len = child.length;
			if (pos < to && pos + len > from) out.push(plain(child).slice(Math.max(0, from - pos), Math.min(len, to - pos)));
			pos += len;
		} else if (child instanceof Y.XmlElement) {
			const size = nodeSize(child);
			if (LEAF_NODES.has(child.nodeName)) {
				if (pos >= from && pos < to) out.push('\n');
			} else {
				// Blocks of the document are separated by one "\n", as docToText joins them.
				if (top && i > 0 && from < pos && to > pos) out.push('\n');
				collect(child, pos + 1, from, to, false, out);
			}
			pos += size;
		}
	});
}

/** The plain text between two ProseMirror positions (blocks and hard breaks as `\n`). */
export function textBetween(fragment: Y.XmlFragment, from: number, to: number): string {
	if (to <= from) return '';
	const out: string[] = [];
	collect(fragment, 0, from, to, true, out);
	return out.join('');
}

/** The plain text of the whole fragment, as `docToText` gives it for the same content. */
export function fragmentPlainText(fragment: Y.XmlFragment): string {
	return textBetween(fragment, 0, fragmentSize(fragment));
}

/** Base64 of `Y.encodeRelativePosition`: the wire and storage form of an anchor's ends. */
export function encodePosition(rel: Y.RelativePosition): string {
	return toBase64(Y.encodeRelativePosition(rel));
}

/** Decodes an encoded position; throws on anything that is not one. */
export function decodePosition(encoded: string): Y.RelativePosition {
	if (typeof encoded !== 'string' || !/^[A-Za-z0-9+/]{2,1024}={0,2}$/.test(encoded)) throw new Error('not a base64 position');
	const rel = Y.decodeRelativePosition(fromBase64(encoded));
	if (!rel.item && !rel.type && rel.tname === null) throw new Error('position names no type');
	return rel;
}

/** Makes a target anchor for the span `[from, to)` of the fragment's document. */
export function createTargetAnchor(fragment: Y.XmlFragment, from: number, to: number): TargetAnchor {
	return {
		from: encodePosition(relativeFromPos(fragment, from, 0)),
		to: encodePosition(relativeFromPos(fragment, to, -1)),
		quote: textBetween(fragment, from, to)
	};
}

/** Where a target anchor points now in the segment's fragment (pure: reads, never writes). */
export function resolveTargetAnchor(fragment: Y.XmlFragment, anchor: Pick<TargetAnchor, 'from' | 'to' | 'quote'>): ResolvedAnchor {
	let from: number | null = null;
	let to: number | null = null;
	try {
		from = posFromRelative(fragment, decodePosition(anchor.from));
		to = posFromRelative(fragment, decodePosition(anchor.to));
	} catch {
		/* undecodable: orphaned */
	}
	if (from === null || to === null || to <= from) {
		const at = from ?? to ?? 0;
		return { from: at, to: at, text: '', orphaned: true, changed: true };
	}
	const text = textBetween(fragment, from, to);
	return { from, to, text, orphaned: text.trim() === '', changed: text !== anchor.quote };
}

/**
 * The English a link points at now: the anchored span, or the whole paragraph when
 * `anchor` is null. Orphaned spans read as the empty string. Used for claims' re-check.
 */
export function linkedText(fragment: Y.XmlFragment, anchor: Pick<TargetAnchor, 'from' | 'to' | 'quote'> | null): string {
	if (!anchor) return fragmentPlainText(fragment);
	const r = resolveTargetAnchor(fragment, anchor);
	return r.orphaned ? '' : r.text;
}
