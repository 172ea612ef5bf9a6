// Paste sanitizing for the target editor. Pasted HTML (from Word, Google Docs, a web page,
// or a hostile clipboard) goes through DOMPurify with an allowlist before ProseMirror parses
// it; the schema's parse rules then keep only strong/em/links with safe hrefs.
import DOMPurify from 'dompurify';
import { safeLinkHref } from '../schema/url.ts';

const ALLOWED_TAGS = ['a', 'b', 'strong', 'i', 'em', 'br', 'p', 'div', 'span', 'h1', 'h2', 'h3', 'h4', 'li', 'ul', 'ol', 'blockquote'];

/** `EditorProps.transformPastedHTML`: an allowlisted copy of the pasted HTML. */
export function sanitizePastedHTML(html: string): string {
	const fragment = DOMPurify.sanitize(html, {
		ALLOWED_TAGS,
		ALLOWED_ATTR: ['href', 'style'],
		ALLOW_DATA_ATTR: false,
		RETURN_DOM_FRAGMENT: true
	});
	// DOMPurify's URI check allows relative and some other schemes; ours is stricter.
	for (const a of Array.from(fragment.querySelectorAll('a'))) {
		const href = safeLinkHref(a.getAttribute('href'));
		if (href) a.setAttribute('href', href);
		else a.removeAttribute('href');
	}
	// Keep only the style properties the schema reads (bold/italic from Google Docs).
	for (const el of Array.from(fragment.querySelectorAll<HTMLElement>('[style]'))) {
		const { fontWeight, fontStyle } = el.style;
		el.removeAttribute('style');
		if (fontWeight) el.style.fontWeight = fontWeight;
		if (fontStyle) el.style.fontStyle = fontStyle;
	}
	const box = document.createElement('div');
	box.append(fragment);
	return box.innerHTML;
}
