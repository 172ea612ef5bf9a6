// Reading the target ProseMirror JSON (PMNodeJSON) as plain data: its plain text with
// offsets, and its links. Shared by QA and export, which never see a Y.Doc. Pure.
import type { PMNodeJSON } from '../types.ts';

/** A link in the plain text: `[from, to)` offsets and the href as stored (unchecked). */
export interface TextLink {
	from: number;
	to: number;
	href: string;
}

/**
 * Plain text of a target document: paragraphs joined by `\n`, hard breaks as `\n`.
 * Offsets into this string are the `range`s of QA findings.
 */
export function docToText(doc: PMNodeJSON | null | undefined): string {
	if (!doc) return '';
	const paragraphs = doc.type === 'doc' ? (doc.content ?? []) : [doc];
	return paragraphs.map(inlineText).join('\n');
}

function inlineText(node: PMNodeJSON): string {
	let out = '';
	for (const child of node.content ?? []) {
		if (child.type === 'text') out += child.text ?? '';
		else if (child.type === 'hard_break') out += '\n';
		else out += inlineText(child);
	}
	return out;
}

/** The links of a target document, with offsets into `docToText(doc)`. */
export function docLinks(doc: PMNodeJSON | null | undefined): TextLink[] {
	const links: TextLink[] = [];
	if (!doc) return links;
	let offset = 0;
	const paragraphs = doc.type === 'doc' ? (doc.content ?? []) : [doc];
	paragraphs.forEach((p, i) => {
		if (i > 0) offset += 1;
		for (const child of p.content ?? []) {
			const len = child.type === 'text' ? (child.text ?? '').length : child.type === 'hard_break' ? 1 : 0;
			const link = child.marks?.find((m) => m.type === 'link');
			const href = link?.attrs?.href;
			if (typeof href === 'string') {
				const last = links[links.length - 1];
				// Adjacent text nodes with the same link (split by other marks) are one link.
				if (last && last.to === offset && last.href === href) last.to = offset + len;
				else links.push({ from: offset, to: offset + len, href });
			}
			offset += len;
		}
	});
	return links;
}

/** A target document holding `text` as one paragraph (hard breaks for `\n`). */
export function textToDoc(text: string): PMNodeJSON {
	const content: PMNodeJSON[] = [];
	text.split('\n').forEach((line, i) => {
		if (i > 0) content.push({ type: 'hard_break' });
		if (line) content.push({ type: 'text', text: line });
	});
	return { type: 'doc', content: [{ type: 'paragraph', content }] };
}

/** True when the document has no text at all (whitespace counts as empty). */
export function isEmptyDoc(doc: PMNodeJSON | null | undefined): boolean {
	return docToText(doc).trim() === '';
}

/**
 * The ProseMirror position in `doc` of a plain-text offset of `docToText(doc)` (a QA
 * finding's range), for decorations. Hard breaks are one position, like their `\n`; the
 * `\n` between paragraphs is the end of the earlier paragraph. Offsets past the end clamp.
 */
export function textOffsetToPos(doc: PMNodeJSON | null | undefined, offset: number): number {
	const paragraphs = doc?.type === 'doc' ? (doc.content ?? []) : doc ? [doc] : [];
	let text = 0;
	let pos = 0;
	for (const [i, p] of paragraphs.entries()) {
		const size = (p.content ?? []).reduce((n, c) => n + (c.type === 'text' ? (c.text ?? '').length : 1), 0);
		if (offset <= text + size || i === paragraphs.length - 1) return pos + 1 + Math.max(0, Math.min(offset - text, size));
		text += size + 1;
		pos += size + 2;
	}
	return 0;
}
