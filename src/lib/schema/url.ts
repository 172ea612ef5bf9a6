// URL scheme checks shared by import, the editor schema and export. Pure.
// Browsers ignore leading/trailing whitespace and control characters inside a scheme
// ("java\tscript:"), so we strip them before looking at it, as the URL parser would.

const SAFE_LINK = new Set(['http:', 'https:', 'mailto:']);
const SAFE_MEDIA = new Set(['http:', 'https:']);

function scheme(raw: string): string | null {
	// eslint-disable-next-line no-control-regex
	const cleaned = raw.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200b\u2028\u2029\u205f\u3000\ufeff]/g, '');
	const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
	return m ? m[1]!.toLowerCase() + ':' : null;
}

/**
 * Returns the normalised URL when it is an absolute http/https/mailto link, else `null`.
 * Relative URLs are refused: a translation leaves its origin, so they would break.
 */
export function safeLinkHref(raw: unknown): string | null {
	if (typeof raw !== 'string') return null;
	const s = scheme(raw);
	if (!s || !SAFE_LINK.has(s)) return null;
	try {
		return new URL(raw.trim()).href;
	} catch {
		return null;
	}
}

/** Returns the URL when it is absolute http/https (images, embeds, evidence), else `null`. */
export function safeMediaSrc(raw: unknown): string | null {
	if (typeof raw !== 'string') return null;
	const s = scheme(raw);
	if (!s || !SAFE_MEDIA.has(s)) return null;
	try {
		return new URL(raw.trim()).href;
	} catch {
		return null;
	}
}
