// Multi-pattern term matching for the glossary: an Aho–Corasick automaton over UTF-16 code
// units, built once per glossary, that finds leftmost-longest, non-overlapping occurrences
// of thousands of terms in one pass over the text — the work per text grows with its length,
// not with the number of terms. Pure.
//
// How leftmost-longest comes out of one pass: the automaton is built over the *reversed*
// patterns and run over the text from right to left. At each position i its state spells the
// longest suffix of text[i..] read backwards that is a pattern prefix, so `outLen[state]`
// (precomputed along failure links) is the length of the longest pattern *starting* at i.
// A greedy left-to-right walk over those lengths then takes, at each step, the match with
// the smallest start and, there, the longest one — the leftmost-longest rule.
import type { GlossaryEntry } from '../types.ts';

/** Counts the automaton's work for one call: transitions, failure-link hops, greedy steps. */
export interface MatchStats {
	steps: number;
}

/** One occurrence of pattern number `pattern` at `[start, end)` (UTF-16 offsets). */
export interface PatternMatch {
	pattern: number;
	start: number;
	end: number;
}

/** A per-code-unit mapping applied to text and patterns alike (keeps offsets). */
export type Fold = (code: number) => number;

const ALPHABET = 0x10000;

/** An Aho–Corasick automaton answering leftmost-longest queries. Build once, query often. */
export class Automaton {
	/** Goto function, keyed `state * 65536 + codeUnit`. */
	private readonly next = new Map<number, number>();
	private readonly fail: Int32Array;
	/** Length of the longest pattern that is a suffix of the state's string (0: none). */
	private readonly outLen: Int32Array;
	/** Index of that pattern. */
	private readonly outPat: Int32Array;
	/** Number of states (trie nodes). */
	readonly states: number;

	/** Patterns are matched as given (after `fold`); empty patterns never match. */
	constructor(
		patterns: readonly string[],
		private readonly fold?: Fold
	) {
		const depth = [0];
		const terminal = [-1];
		const children: number[][] = [[]];
		patterns.forEach((pattern, index) => {
			if (!pattern) return;
			let s = 0;
			for (let i = pattern.length - 1; i >= 0; i--) {
				const c = this.code(pattern, i);
				const key = s * ALPHABET + c;
				let t = this.next.get(key);
				if (t === undefined) {
					t = depth.length;
					this.next.set(key, t);
					depth.push(depth[s]! + 1);
					terminal.push(-1);
					children.push([]);
					children[s]!.push(c, t);
				}
				s = t;
			}
			if (terminal[s] === -1) terminal[s] = index;
		});
		this.states = depth.length;
		this.fail = new Int32Array(this.states);
		this.outLen = new Int32Array(this.states);
		this.outPat = new Int32Array(this.states).fill(-1);
		// Breadth-first, so a state's failure target (shallower) is finished before it.
		const queue = [0];
		for (let head = 0; head < queue.length; head++) {
			const u = queue[head]!;
			const kids = children[u]!;
			for (let k = 0; k < kids.length; k += 2) {
				const c = kids[k]!;
				const v = kids[k + 1]!;
				let f = u === 0 ? -1 : this.fail[u]!;
				while (f > 0 && !this.next.has(f * ALPHABET + c)) f = this.fail[f]!;
				this.fail[v] = f < 0 ? 0 : (this.next.get(f * ALPHABET + c) ?? 0);
				if (terminal[v]! >= 0) {
					this.outLen[v] = depth[v]!;
					this.outPat[v] = terminal[v]!;
				} else {
					this.outLen[v] = this.outLen[this.fail[v]!]!;
					this.outPat[v] = this.outPat[this.fail[v]!]!;
				}
				queue.push(v);
			}
		}
	}

	private code(text: string, i: number): number {
		const c = text.charCodeAt(i);
		return this.fold ? this.fold(c) : c;
	}

	/** Leftmost-longest, non-overlapping matches in `text`, in order. */
	find(text: string, stats?: MatchStats): PatternMatch[] {
		const n = text.length;
		const len = new Int32Array(n);
		const pat = new Int32Array(n);
		let steps = 0;
		let s = 0;
		for (let i = n - 1; i >= 0; i--) {
			const c = this.code(text, i);
			let t = this.next.get(s * ALPHABET + c);
			while (t === undefined && s !== 0) {
				s = this.fail[s]!;
				steps++;
				t = this.next.get(s * ALPHABET + c);
			}
			s = t ?? 0;
			steps++;
			len[i] = this.outLen[s]!;
			pat[i] = this.outPat[s]!;
		}
		const out: PatternMatch[] = [];
		for (let i = 0; i < n; ) {
			steps++;
			const l = len[i]!;
			if (l > 0) {
				out.push({ pattern: pat[i]!, start: i, end: i + l });
				i += l;
			} else i++;
		}
		if (stats) stats.steps += steps;
		return out;
	}
}

/* ------------------------------------------------------------------ glossary matcher */

/** A glossary term found in a text. `entries` are all entries sharing that source term. */
export interface TermMatch {
	/** The first entry with this source term (the one whose rendering is suggested). */
	entry: GlossaryEntry;
	entries: GlossaryEntry[];
	start: number;
	end: number;
}

/** A forbidden variant found in an English text. */
export interface ForbiddenMatch {
	entry: GlossaryEntry;
	/** The variant as the glossary spells it. */
	variant: string;
	start: number;
	end: number;
}

/** A compiled glossary. Immutable: compile again when the glossary changes. */
export interface TermMatcher {
	/** The entries it was compiled from. */
	readonly entries: readonly GlossaryEntry[];
	/** Number of distinct source terms. */
	readonly size: number;
	/** Source terms in a (Chinese) text: leftmost-longest, non-overlapping, exact. */
	find(text: string, stats?: MatchStats): TermMatch[];
	/**
	 * Forbidden variants in an English text: case-insensitive, whole words only (a variant
	 * that starts or ends with a letter or digit must not be glued to another one).
	 */
	findForbidden(text: string, stats?: MatchStats): ForbiddenMatch[];
}

/** Per-code-unit lower case (a code unit whose lower case is longer stays as it is). */
export const lowerFold: Fold = (() => {
	const cache = new Map<number, number>();
	return (c) => {
		if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
		let v = cache.get(c);
		if (v === undefined) {
			const lower = String.fromCharCode(c).toLowerCase();
			v = lower.length === 1 ? lower.charCodeAt(0) : c;
			cache.set(c, v);
		}
		return v;
	};
})();

const WORD_EDGE = /[\p{L}\p{N}]/u;

/** True when `[start, end)` of `text` is not glued to letters or digits on a word edge. */
export function onWordBoundary(text: string, start: number, end: number): boolean {
	const first = text[start] ?? '';
	const last = text[end - 1] ?? '';
	if (WORD_EDGE.test(first) && WORD_EDGE.test(text[start - 1] ?? '')) return false;
	if (WORD_EDGE.test(last) && WORD_EDGE.test(text[end] ?? '')) return false;
	return true;
}

/**
 * Compiles a glossary into a matcher: one automaton over the source terms (trimmed;
 * entries with the same source term are grouped, first one first) and one over the
 * forbidden variants (lower-cased). O(total length of the terms) to build.
 */
export function compileGlossary(entries: readonly GlossaryEntry[]): TermMatcher {
	const groups = new Map<string, GlossaryEntry[]>();
	const forbidden = new Map<string, { entry: GlossaryEntry; variant: string }>();
	for (const entry of entries) {
		const source = entry.source.trim();
		if (source) {
			const group = groups.get(source);
			if (group) group.push(entry);
			else groups.set(source, [entry]);
		}
		for (const variant of entry.forbidden) {
			const v = variant.trim();
			const key = [...v].map((ch) => (ch.length === 1 ? String.fromCharCode(lowerFold(ch.charCodeAt(0))) : ch)).join('');
			if (v && !forbidden.has(key)) forbidden.set(key, { entry, variant: v });
		}
	}
	const sources = [...groups.keys()];
	const sourceGroups = [...groups.values()];
	const variants = [...forbidden.values()];
	const terms = new Automaton(sources);
	const banned = new Automaton([...forbidden.keys()], lowerFold);
	return {
		entries,
		size: sources.length,
		find(text, stats) {
			return terms.find(text, stats).map(({ pattern, start, end }) => {
				const group = sourceGroups[pattern]!;
				return { entry: group[0]!, entries: group, start, end };
			});
		},
		findForbidden(text, stats) {
			return banned
				.find(text, stats)
				.filter((m) => onWordBoundary(text, m.start, m.end))
				.map(({ pattern, start, end }) => ({ ...variants[pattern]!, start, end }));
		}
	};
}
