// QA family “links”: every link of the source paragraph (its sanitized HTML) should be in
// the English: each address at least once (`warning` per missing address), and as many links
// in all (`info` when every address is there but fewer times). Pure.
import type { Finding } from '../types.ts';
import type { TextLink } from '../schema/text.ts';
import { finding } from './codes.ts';

const ANCHOR = /<a\b[^>]*?\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

function decodeEntities(s: string): string {
	return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
		if (name[0] === '#') {
			const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
			return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : all;
		}
		return ENTITIES[name.toLowerCase()] ?? all;
	});
}

/** Comparable form of an address: the URL parser's serialisation when it parses. */
export function normaliseHref(href: string): string {
	const raw = href.trim();
	try {
		return new URL(raw).href;
	} catch {
		return raw;
	}
}

/** The link addresses of a segment's sanitized HTML, in order (entities decoded). */
export function sourceLinks(html: string): string[] {
	return [...html.matchAll(ANCHOR)].map((m) => normaliseHref(decodeEntities(m[1] ?? m[2] ?? m[3] ?? '')));
}

/** Compares the source's links with the English's (from `docLinks`). */
export function checkLinks(sourceHtml: string, targetLinks: TextLink[]): Finding[] {
	const wanted = sourceLinks(sourceHtml);
	if (wanted.length === 0) return [];
	const have = new Set(targetLinks.map((l) => normaliseHref(l.href)));
	const missing = [...new Set(wanted)].filter((href) => !have.has(href));
	if (missing.length > 0) {
		return missing.map((href) => finding('link-missing', `The source links to ${href}; the English does not`));
	}
	if (targetLinks.length < wanted.length) {
		return [finding('link-missing', `The source has ${wanted.length} links, the English ${targetLinks.length}`, undefined, 'info')];
	}
	return [];
}
