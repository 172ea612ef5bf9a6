// Format detection for `--format auto`: the news-mirror format, HTML, markdown or plain
// text, from a look at the text (no parsing). Pure.
import type { ImportFormat } from '../types.ts';
import { looksLikeMirror } from './profiles/mirror.ts';

export type ConcreteFormat = Exclude<ImportFormat, 'auto'>;

const HTML_START = /^(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:article|main|section|div|p|h[1-6]|table|ul|ol|figure|blockquote|header|meta|title|!--)[\s>/])/i;
const FRONT_MATTER = /^---[ \t]*\n[\s\S]*?\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/**
 * Markdown-only syntax that plain text does not produce by accident. Every quantifier
 * over arbitrary text is bounded, so a hostile line cannot make a pattern quadratic.
 */
const STRONG_MARKDOWN = [
	/^#{1,6}[ \t]+\S/m, // ATX heading
	/!?\[[^\]\n]{1,300}\]\([^)\s]{1,2000}(?:\s+"[^"\n]{0,300}")?\)/, // link or image
	/^(?:```|~~~)/m, // fenced code
	/^\|?[ \t]{0,20}:?-{3,}:?[ \t]{0,20}\|/m, // table delimiter row
	/\*\*[^*\n]{1,300}\*\*/, // strong
	/^[^\n]{1,300}\n(?:={3,}|-{3,})[ \t]*$/m // setext heading
];
const WEAK_MARKDOWN = /^(?:[ \t]{0,8}(?:[-*+]|\d{1,9}[.)])[ \t]+\S|>[ \t]?\S)/gm;

/** Picks the format of `text`. */
export function detectFormat(text: string): ConcreteFormat {
	const head = text.trimStart();
	if (looksLikeMirror(text)) return 'mirror';
	if (FRONT_MATTER.test(head)) return 'markdown';
	if (HTML_START.test(head)) return 'html';
	if (STRONG_MARKDOWN.some((re) => re.test(text))) return 'markdown';
	// Lists and quotes alone are weak evidence: numbered lines occur in plain text too.
	if ((text.match(WEAK_MARKDOWN)?.length ?? 0) >= 2 && /\n[ \t]*\n/.test(text)) return 'markdown';
	return 'text';
}
