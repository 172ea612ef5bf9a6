// Reading an XLIFF 2.0 file back (a translator's CAT tool returns it with targets filled
// in): a namespace-aware parse with @xmldom/xmldom into plain units the server can write
// into the article's Yjs document. Untrusted input: DOCTYPE and entity declarations are
// refused before parsing (no external entities, no entity expansion), every XML error is
// fatal, and each failure has a message a translator can act on.
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import type { ParsedXliff, XliffState, XliffUnit } from './types.ts';
import { XLIFF_STATES } from './types.ts';
import { XLIFF_NS } from './xliff.ts';

/** A file that is not a usable XLIFF 2.x document; `message` says why. */
export class XliffError extends Error {
	override name = 'XliffError';
}

/** XLIFF core versions read (2.1 and 2.2 keep the 2.0 core namespace and elements). */
const VERSIONS = new Set(['2.0', '2.1', '2.2']);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/**
 * Parses XLIFF 2.0 text into `{srcLang, trgLang, units}`. A unit's `source`/`target` join
 * all its segments (and ignorables) in order; `target` is `null` when no segment of the
 * unit has one; `state` is the lowest state among its segments. Throws `XliffError`.
 */
export function parseXliff(xml: string): ParsedXliff {
	if (typeof xml !== 'string') throw new XliffError('The XLIFF file must be text.');
	const text = xml.replace(/^\uFEFF/, '');
	if (!text.trim()) throw new XliffError('The XLIFF file is empty.');
	// XXE and "billion laughs" both need a DTD: none is accepted, so nothing is ever expanded.
	if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
		throw new XliffError('The XLIFF file contains a DOCTYPE or entity declaration, which is not allowed.');
	}
	let doc;
	try {
		doc = new DOMParser({
			// XML 1.0 line ends only: xmldom would also turn U+2028 and U+0085 into LF (the
			// XML 1.1 rule), which would change a translation that contains them.
			normalizeLineEndings: (s: string) => s.replace(/\r\n?/g, '\n'),
			onError: (level, message) => {
				if (level !== 'warning') throw new XliffError(message);
			}
		}).parseFromString(text, 'application/xml');
	} catch (e) {
		const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
		throw new XliffError(`The XLIFF file is not well-formed XML: ${detail}`);
	}
	const root = doc.documentElement;
	if (!root || root.localName !== 'xliff' || root.namespaceURI !== XLIFF_NS) {
		const found = root ? `<${root.tagName}>${root.namespaceURI ? ` in namespace ${root.namespaceURI}` : ' without a namespace'}` : 'no root element';
		throw new XliffError(`Not an XLIFF 2.0 document: expected <xliff xmlns="${XLIFF_NS}">, found ${found}.`);
	}
	const version = root.getAttribute('version');
	if (!version || !VERSIONS.has(version)) {
		throw new XliffError(`Unsupported XLIFF version ${version ? `"${version}"` : '(missing)'}: export and re-import XLIFF 2.0.`);
	}
	const srcLang = root.getAttribute('srcLang')?.trim();
	if (!srcLang) throw new XliffError('The <xliff> element has no srcLang attribute.');
	const trgLang = root.getAttribute('trgLang')?.trim() || null;

	const units: XliffUnit[] = [];
	const seen = new Set<string>();
	const list = root.getElementsByTagNameNS(XLIFF_NS, 'unit');
	for (let i = 0; i < list.length; i++) {
		const unit = list.item(i)!;
		const id = unit.getAttribute('id');
		if (!id) throw new XliffError(`Unit number ${i + 1} has no id.`);
		if (seen.has(id)) throw new XliffError(`Unit id "${id}" appears twice.`);
		seen.add(id);
		units.push(readUnit(unit, id));
	}
	return { srcLang, trgLang, units };
}

function readUnit(unit: Element, id: string): XliffUnit {
	let source = '';
	let target = '';
	let hasTarget = false;
	let state: XliffState | null = null;
	for (const part of childElements(unit)) {
		if (part.localName !== 'segment' && part.localName !== 'ignorable') continue;
		const src = childElements(part).find((e) => e.localName === 'source');
		const trg = childElements(part).find((e) => e.localName === 'target');
		if (!src) throw new XliffError(`Unit "${id}" has a <${part.localName}> without <source>.`);
		const srcText = inlineText(src, id);
		source += srcText;
		if (trg) {
			hasTarget = true;
			target += inlineText(trg, id);
		} else if (part.localName === 'ignorable') target += srcText;
		if (part.localName === 'segment') {
			const raw = part.getAttribute('state') || 'initial';
			if (!(XLIFF_STATES as readonly string[]).includes(raw)) throw new XliffError(`Unit "${id}" has an unknown state "${raw}".`);
			const s = raw as XliffState;
			if (state === null || XLIFF_STATES.indexOf(s) < XLIFF_STATES.indexOf(state)) state = s;
		}
	}
	return { id, source, target: hasTarget ? target : null, state: state ?? 'initial' };
}

/** Child elements in the XLIFF namespace. */
function childElements(parent: Element): Element[] {
	const out: Element[] = [];
	for (let n: Node | null = parent.firstChild; n; n = n.nextSibling) {
		if (n.nodeType === ELEMENT_NODE && (n as Element).namespaceURI === XLIFF_NS) out.push(n as Element);
	}
	return out;
}

/**
 * Plain text of `<source>`/`<target>` content: text and CDATA as is, `<cp hex>` as its
 * character, placeholders (`ph`, `sc`, `ec`) as their `equiv` text, spanning markup
 * (`pc`, `mrk`) and unknown-namespace elements by their content.
 */
function inlineText(node: Element, unitId: string): string {
	let s = '';
	for (let n: Node | null = node.firstChild; n; n = n.nextSibling) {
		if (n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE) s += n.nodeValue ?? '';
		else if (n.nodeType === ELEMENT_NODE) {
			const e = n as Element;
			const name = e.namespaceURI === XLIFF_NS ? e.localName : null;
			if (name === 'cp') {
				const hex = e.getAttribute('hex') ?? '';
				const cp = /^[0-9A-Fa-f]{1,6}$/.test(hex) ? parseInt(hex, 16) : NaN;
				if (!(cp <= 0x10ffff)) throw new XliffError(`Unit "${unitId}" has an invalid <cp hex="${hex}">.`);
				s += String.fromCodePoint(cp);
			} else if (name === 'ph' || name === 'sc' || name === 'ec') s += e.getAttribute('equiv') ?? '';
			else if (name === 'sm' || name === 'em') continue;
			else s += inlineText(e, unitId);
		}
	}
	return s;
}
