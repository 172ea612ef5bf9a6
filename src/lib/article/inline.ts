// The inline model of a segment: a flat run of text pieces with their marks (link,
// strong, em) and line breaks. Flattening makes whitespace decisions across element
// boundaries simple — `总统\n  <ok>普京</ok>\n  和` must read `总统普京和` — and lets a
// block (an image inside a link) split a paragraph anywhere. Pure.

/** A piece of inline content with the marks in effect where it was found. */
export type Token =
	| { t: 'text'; v: string; href: string | null; strong: boolean; em: boolean }
	| { t: 'br'; href: string | null; strong: boolean; em: boolean };

/** Marks in effect at a point of the walk. */
export interface Marks {
	href: string | null;
	strong: boolean;
	em: boolean;
}

export const NO_MARKS: Marks = { href: null, strong: false, em: false };

// Whitespace that collapses. U+3000 (ideographic space) is content in Chinese text
// (deliberate spacing), so it is kept inside a segment and only trimmed at its edges.
const WS = /[ \t\n\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f]+/g;
// Invisible characters that are never content.
const INVISIBLE = /[\u200b\ufeff\u00ad]/g;
const EDGE = /^[\s\u3000]+|[\s\u3000]+$/g;

// Han, kana, hangul, CJK and full-width punctuation, plus the punctuation Chinese text
// shares with Western typography (“ ” — … ‧ ·). A line break next to one of these is
// not a word space: Chinese has none.
const CJK =
	/[\u1100-\u11ff\u2e80-\u2fff\u3000-\u9fff\ua960-\ua97f\uac00-\ud7af\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uffef\u201c\u201d\u2014\u2026\u2027\u00b7\u{20000}-\u{3ffff}]/u;

/** Whether the character (one code point) is Chinese/Japanese/Korean script or punctuation. */
export function isCjk(ch: string): boolean {
	return CJK.test(ch);
}

function lastCodePoint(s: string): string {
	const c = s.charCodeAt(s.length - 1);
	return c >= 0xdc00 && c <= 0xdfff && s.length > 1 ? s.slice(-2) : s.slice(-1);
}

function firstCodePoint(s: string): string {
	return String.fromCodePoint(s.codePointAt(0)!);
}

const sameMarks = (a: Marks, b: Marks) => a.href === b.href && a.strong === b.strong && a.em === b.em;

/**
 * Collapses whitespace the way a browser renders it, but language-aware: a run of
 * whitespace that contains a line break disappears when either neighbour is CJK (source
 * HTML wraps lines inside Chinese sentences), and becomes one space otherwise. Spaces
 * within a line are kept as one space (`2017 年 4 月` is deliberate). Trims the edges and
 * around line breaks; merges neighbours with equal marks; drops empty pieces.
 */
export function normalizeTokens(tokens: readonly Token[]): Token[] {
	const out: Token[] = [];
	/** Where the current whitespace run started (the token it belongs to), and what it held. */
	let pending: { at: Extract<Token, { t: 'text' }>; newline: boolean } | null = null;
	let prev: string | null = null; // last non-space character, null at start / after br

	type TextToken = Extract<Token, { t: 'text' }>;
	/** The text token at the end of `out` with these marks, appended if needed. */
	const textAt = (marks: Marks): TextToken => {
		const last = out[out.length - 1];
		if (last && last.t === 'text' && sameMarks(last, marks)) return last;
		const token: TextToken = { t: 'text', v: '', href: marks.href, strong: marks.strong, em: marks.em };
		out.push(token);
		return token;
	};

	for (const token of tokens) {
		if (token.t === 'br') {
			pending = null;
			prev = null;
			out.push(token);
			continue;
		}
		const value = token.v.replace(INVISIBLE, '');
		let i = 0;
		WS.lastIndex = 0;
		for (;;) {
			const m = WS.exec(value);
			const wordEnd = m ? m.index : value.length;
			if (wordEnd > i) {
				const word = value.slice(i, wordEnd);
				if (pending && prev !== null) {
					const joinCjk = pending.newline && (isCjk(prev) || isCjk(firstCodePoint(word)));
					if (!joinCjk) pending.at.v += ' ';
				}
				pending = null;
				textAt(token).v += word;
				prev = lastCodePoint(word);
			}
			if (!m) break;
			if (!pending) pending = { at: textAt(token), newline: false };
			if (m[0].includes('\n')) pending.newline = true;
			i = m.index + m[0].length;
		}
	}

	// Trim the edges of the segment and around line breaks; drop what became empty.
	const result: Token[] = [];
	for (let k = 0; k < out.length; k++) {
		const token = out[k]!;
		if (token.t === 'br') {
			const last = result[result.length - 1];
			if (!last) continue; // leading break
			if (last.t === 'text') last.v = last.v.replace(/[\s\u3000]+$/, '');
			result.push(token);
			continue;
		}
		if (!token.v) continue;
		result.push(token);
	}
	// Edges: leading/trailing breaks and spaces.
	while (result.length && result[result.length - 1]!.t === 'br') result.pop();
	const first = result[0];
	if (first && first.t === 'text') first.v = first.v.replace(/^[\s\u3000]+/, '');
	const last = result[result.length - 1];
	if (last && last.t === 'text') last.v = last.v.replace(/[\s\u3000]+$/, '');
	for (let k = 1; k < result.length; k++) {
		const before = result[k - 1]!;
		const token = result[k]!;
		if (before.t === 'br' && token.t === 'text') token.v = token.v.replace(/^[\s\u3000]+/, '');
	}
	return result.filter((t) => t.t === 'br' || t.v !== '');
}

/** The plain text of a segment: text pieces joined, line breaks as `\n`. */
export function tokensToText(tokens: readonly Token[]): string {
	let s = '';
	for (const t of tokens) s += t.t === 'br' ? '\n' : t.v;
	return s;
}

/** Collapses whitespace in a plain string (table cells, alt text, meta values). */
export function collapseText(s: string): string {
	return s.replace(INVISIBLE, '').replace(WS, ' ').replace(EDGE, '');
}

/**
 * Splits tokens at runs of two or more line breaks: old pages separate paragraphs with
 * `<br><br>` inside one element, and each of those is its own segment.
 */
export function splitAtDoubleBreaks(tokens: readonly Token[]): Token[][] {
	const parts: Token[][] = [[]];
	for (let k = 0; k < tokens.length; k++) {
		const t = tokens[k]!;
		if (t.t === 'br' && tokens[k + 1]?.t === 'br') {
			while (tokens[k + 1]?.t === 'br') k++;
			parts.push([]);
			continue;
		}
		parts[parts.length - 1]!.push(t);
	}
	return parts.filter((p) => p.length > 0);
}
