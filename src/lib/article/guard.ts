// Linear pre-scans that refuse pathological input before it reaches the parsers, whose
// work or recursion grows with nesting (see limits.ts). Every function here is iterative,
// so the guards themselves cannot overflow the stack. Pure.
import { ImportError } from './errors.ts';
import {
	MAX_PARAGRAPH_LINES,
	MAX_DELIMITER_RUN,
	MAX_DELIMITER_RUNS_PER_BLOCK,
	MAX_MARKDOWN_BRACKETS,
	MAX_MARKDOWN_CONTAINERS,
	MAX_NESTING
} from './limits.ts';

const tooDeep = (what: string) =>
	new ImportError('too_deep', `The document nests ${what} too deeply to be an article (limit ${MAX_NESTING})`);

// Elements that never hold children, and elements an HTML parser closes by itself when a
// sibling opens (`<p>a<p>b`): neither can build depth, so they are not counted.
const NO_DEPTH = new Set(
	(
		'area base br col embed hr img input link meta source track wbr param keygen command basefont bgsound frame image isindex ' +
		'p li dt dd option optgroup tr td th thead tbody tfoot colgroup caption rb rt rtc rp html head body'
	).split(' ')
);

/**
 * An upper bound of the element nesting an HTML parser would build from the tags in
 * `text`: open tags count up, end tags down. Over-estimates (never under-estimates) for
 * tags the parser would ignore, which is the safe direction. Linear in the input.
 */
export function htmlTagDepth(text: string, limit = MAX_NESTING): number {
	let depth = 0;
	let max = 0;
	let i = text.indexOf('<');
	while (i !== -1 && i < text.length - 1) {
		let j = i + 1;
		const closing = text.charCodeAt(j) === 47; /* / */
		if (closing) j++;
		const start = j;
		while (j < text.length && /[A-Za-z0-9:-]/.test(text[j]!)) j++;
		const name = text.slice(start, j).toLowerCase();
		// A tag name is followed by space, `/` or `>`; `<https://…>` and `<a@b.c>` are not tags.
		const next = text[j] ?? '';
		if (name && /^[a-z]/.test(name) && !name.endsWith(':') && /^[\s/>]$/.test(next)) {
			const end = text.indexOf('>', j);
			if (end === -1) break; // no tag can complete after this point
			if (!NO_DEPTH.has(name)) {
				if (closing) depth = Math.max(0, depth - 1);
				else if (++depth > max) {
					max = depth;
					if (max > limit) return max;
				}
			}
			i = text.indexOf('<', end + 1);
		} else {
			i = text.indexOf('<', i + 1);
		}
	}
	return max;
}

/** Throws `too_deep` when the raw HTML in `text` nests beyond the limit. */
export function guardHtml(text: string): void {
	if (htmlTagDepth(text) > MAX_NESTING) throw tooDeep('HTML elements');
}

// CommonMark's HTML block start conditions 1 and 6 (spec §4.6).
const RAW_HTML = new Set(['pre', 'script', 'style', 'textarea']);
const BLOCK_HTML = new Set(
	(
		'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul'
	).split(' ')
);

/** Whether a line opens a CommonMark HTML block (start conditions 1–7), which ends at a blank line. */
function htmlBlockStart(line: string): boolean {
	const m = /^ {0,3}<(\/?)([A-Za-z][A-Za-z0-9-]*)/.exec(line);
	if (!m) return /^ {0,3}<(?:!--|\?|![A-Za-z]|!\[CDATA\[)/.test(line);
	const name = m[2]!.toLowerCase();
	const after = line.slice(m[0].length);
	if (!m[1] && RAW_HTML.has(name) && /^(?:[\s>]|$)/.test(after)) return true;
	if (BLOCK_HTML.has(name) && /^(?:[\s>]|\/>|$)/.test(after)) return true;
	// Any other complete tag alone on its line.
	return /^(?:\s[^<>]*)?\/?>\s*$/.test(after);
}

const CONTAINER_PREFIX = /^[ \t]*(?:(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]*)+/;

/**
 * The lines of `text` (split at `\n`), one at a time. A loop over `indexOf`, not a regex
 * or `split`: a single match over millions of newlines overflows the regex engine's
 * backtracking stack, and the guards stop early without splitting the rest.
 */
function* linesOf(text: string): Generator<string> {
	let start = 0;
	while (start <= text.length) {
		let end = text.indexOf('\n', start);
		if (end === -1) end = text.length;
		yield text.slice(start, end);
		start = end + 1;
	}
}

/**
 * Throws `too_deep` for markdown whose block containers (`>` quotes, list markers),
 * brackets or emphasis delimiters would make the markdown parser slow or recursive.
 * One pass over the lines; fenced code is skipped.
 */
export function guardMarkdown(text: string): void {
	let brackets = 0;
	let runs = 0;
	let lines = 0;
	let fence: string | null = null;
	for (const line of linesOf(text)) {
		const fenceMatch = /^[ \t]{0,3}(`{3,}|~{3,})/.exec(line);
		if (fence) {
			if (fenceMatch && fenceMatch[1]!.startsWith(fence)) fence = null;
			continue;
		}
		if (fenceMatch) {
			fence = fenceMatch[1]!;
			continue;
		}
		if (/^[ \t]*$/.test(line)) {
			// A blank line ends the paragraph: brackets and delimiters cannot pair across it.
			brackets = 0;
			runs = 0;
			lines = 0;
			continue;
		}
		const prefix = CONTAINER_PREFIX.exec(line);
		// Count paragraph lines. Raw HTML blocks (the mirror's body) are cheap to parse, and
		// list items, headings and rules start new blocks.
		if (lines === 0 && htmlBlockStart(line)) lines = -Infinity;
		else if (/^[ \t]{0,3}(?:#{1,6}(?:[ \t]|$)|(?:[-*+]|\d{1,9}[.)])[ \t])/.test(line)) lines = lines < 0 ? lines : 0;
		if (++lines > MAX_PARAGRAPH_LINES) {
			throw new ImportError(
				'too_deep',
				`A markdown paragraph runs over ${MAX_PARAGRAPH_LINES} lines; separate paragraphs with blank lines, or import it as plain text`
			);
		}
		if (prefix) {
			const markers = (prefix[0].match(/>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])/g) ?? []).length;
			const indent = /^[ \t]*/.exec(prefix[0])![0].replace(/\t/g, '    ').length;
			if (markers + Math.floor(indent / 2) > MAX_MARKDOWN_CONTAINERS) {
				throw new ImportError('too_deep', `The markdown nests quotes or lists too deeply (limit ${MAX_MARKDOWN_CONTAINERS})`);
			}
		}
		// A line of only `*`, `-` or `_` is a thematic break, not emphasis.
		if (/^[ \t]*([*_-])(?:[ \t]*\1)*[ \t]*$/.test(line)) continue;

		for (let i = 0; i < line.length; i++) {
			const c = line[i];
			if (c === '\\') {
				i++;
				continue;
			}
			if (c === '[') {
				if (++brackets > MAX_MARKDOWN_BRACKETS) {
					throw new ImportError('too_deep', `The markdown nests brackets or links too deeply (limit ${MAX_MARKDOWN_BRACKETS})`);
				}
			} else if (c === ']') {
				if (brackets > 0) brackets--;
			} else if (c === '*' || c === '_' || c === '~') {
				let j = i + 1;
				while (j < line.length && line[j] === c) j++;
				if (j - i > MAX_DELIMITER_RUN) {
					throw new ImportError('too_deep', `The markdown has a run of ${j - i} "${c}" characters (limit ${MAX_DELIMITER_RUN})`);
				}
				if (++runs > MAX_DELIMITER_RUNS_PER_BLOCK) {
					throw new ImportError('too_deep', `A markdown paragraph has more than ${MAX_DELIMITER_RUNS_PER_BLOCK} emphasis markers`);
				}
				i = j - 1;
			}
		}
	}
}

/** Any unist tree (hast, mdast). */
export interface TreeNode {
	type: string;
	children?: unknown;
}

/** Depth of a tree, computed without recursion. */
export function treeDepth(root: TreeNode): number {
	let max = 0;
	const stack: [TreeNode, number][] = [[root, 0]];
	while (stack.length) {
		const [node, depth] = stack.pop()!;
		if (depth > max) max = depth;
		if (Array.isArray(node.children)) for (const child of node.children as TreeNode[]) stack.push([child, depth + 1]);
	}
	return max;
}

/** Throws `too_deep` when a parsed tree is deeper than recursive walks may go. */
export function guardTree(root: TreeNode): void {
	// The parsers add a few levels of their own (html, body, list + item, paragraph).
	if (treeDepth(root) > MAX_NESTING + MAX_MARKDOWN_CONTAINERS * 2 + 8) throw tooDeep('elements');
}

/**
 * Collapses runs of blank lines to one. Markdown reads any number of blank lines as one
 * paragraph break, but the parser pays for each (5 MB of newlines: many seconds).
 */
export function collapseBlankLines(text: string): string {
	const out: string[] = [];
	let blank = 0;
	for (const line of linesOf(text)) {
		if (/^[ \t]*$/.test(line)) {
			if (++blank > 1) continue;
		} else blank = 0;
		out.push(line);
	}
	return out.join('\n');
}
