// Writing XML for the XLIFF and TMX exports through xmlbuilder2 (a real serializer: it
// escapes text and attributes). Documents are described as small element trees and
// indented only between elements — mixed content (text beside `<cp/>`) is written inline,
// so indentation never changes a translatable text. Also: which characters XML 1.0 cannot
// carry at all, for the formats to encode (`<cp/>`) or replace (U+FFFD).
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';

/** An element: name, attributes (undefined ones are left out) and children. */
export interface XNode {
	name: string;
	attrs?: Record<string, string | undefined>;
	children?: (XNode | string)[];
}

/** Shorthand for an `XNode`. */
export function el(name: string, attrs: XNode['attrs'] = {}, children: XNode['children'] = []): XNode {
	return { name, attrs, children };
}

/**
 * xmlbuilder2 deliberately leaves `&` alone when it already starts an entity or character
 * reference (`&lt;`, `&foo;`, `&#60;` are written through), so text containing "&lt;"
 * would come back as "<" and "&foo;" would make the file malformed. Writing every `&` as
 * `&amp;` first gives it only `&amp;` sequences, which it writes unchanged: the output then
 * escapes every ampersand exactly once. (The round-trip tests pin this behaviour.)
 */
const amp = (s: string) => s.replace(/&/g, '&amp;');

/**
 * Serializes a document (`<?xml version="1.0" encoding="UTF-8"?>`). With `ns`, the root is
 * in that namespace and so is every descendant (xmlbuilder2 inherits the default namespace).
 */
export function serializeXml(root: XNode, ns?: string): string {
	const doc = create({ version: '1.0', encoding: 'UTF-8' });
	const write = (parent: XMLBuilder, node: XNode, depth: number, top: boolean) => {
		const attrs: Record<string, string> = {};
		for (const [k, v] of Object.entries(node.attrs ?? {})) if (v !== undefined) attrs[k] = amp(v);
		const e = top && ns ? parent.ele(ns, node.name, attrs) : parent.ele(node.name, attrs);
		const kids = node.children ?? [];
		const mixed = kids.some((k) => typeof k === 'string');
		for (const k of kids) {
			if (typeof k === 'string') {
				if (k) e.txt(amp(k));
			} else {
				if (!mixed) e.txt('\n' + '  '.repeat(depth + 1));
				write(e, k, depth + 1, false);
			}
		}
		if (!mixed && kids.length) e.txt('\n' + '  '.repeat(depth));
	};
	write(doc, root, 0, true);
	return doc.end({ prettyPrint: false }) + '\n';
}

/** Characters XML 1.0 cannot contain, even escaped (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/F). */
export const INVALID_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text for an XML text node: line ends normalized to `\n` (a parser would turn a raw CR
 * into LF anyway) and characters XML cannot carry replaced by U+FFFD (for TMX, which has
 * no way to encode them).
 */
export function xmlText(text: string): string {
	return text.replace(/\r\n?/g, '\n').replace(INVALID_XML_CHAR, '\uFFFD');
}

/**
 * Splits text into runs XML can carry and the code points it cannot, for XLIFF's
 * `<cp hex="…"/>`: strings stay strings, each invalid code point becomes a `cp` element.
 */
export function withCodePoints(text: string): (XNode | string)[] {
	const out: (XNode | string)[] = [];
	let last = 0;
	const normalized = text.replace(/\r\n?/g, '\n');
	for (const m of normalized.matchAll(INVALID_XML_CHAR)) {
		if (m.index > last) out.push(normalized.slice(last, m.index));
		out.push(el('cp', { hex: m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0') }));
		last = m.index + m[0].length;
	}
	if (last < normalized.length) out.push(normalized.slice(last));
	return out;
}
