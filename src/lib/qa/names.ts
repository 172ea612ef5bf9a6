// QA family “names”: one name romanised several ways in one article — Xi Jinping / Jinping Xi /
// Xi Jin-ping, Kim Jong Un / Kim Jong-un / Kim Jongun. Candidates are runs of one to three
// capitalised words seen in the article's English; two candidates are the same name when
// they spell the same letters once hyphens and spaces are dropped, or do so with the last
// word moved to the front (given-name-first order). The form the glossary prefers, else the
// most frequent form, is the reference; every other form is a `name-variant`. Pure.
import type { ArticleFinding } from '../types.ts';
import { finding, quote } from './codes.ts';

/** One pair's English as plain text. */
export interface TargetText {
	segmentId: string;
	text: string;
}

interface Candidate {
	segmentId: string;
	surface: string;
	words: number;
	from: number;
	to: number;
	key: string;
	rotated: string | null;
}

const WORD = /\p{Lu}\p{L}*(?:-\p{L}+)*/gu;
const MIN_KEY = 4;

function keyOf(words: string[]): string {
	return words.join('').replace(/-/g, '').toLowerCase();
}

/** Every run of 1–3 capitalised words (single spaces between them) in a text. */
function candidates(segmentId: string, text: string): Candidate[] {
	const words = [...text.matchAll(WORD)].map((m) => ({ w: m[0], from: m.index, to: m.index + m[0].length }));
	const out: Candidate[] = [];
	for (let i = 0; i < words.length; i++) {
		for (let n = 1; n <= 3 && i + n <= words.length; n++) {
			const run = words.slice(i, i + n);
			if (n > 1 && text.slice(run[n - 2]!.to, run[n - 1]!.from) !== ' ') break;
			const parts = run.map((r) => r.w);
			const key = keyOf(parts);
			if (key.length < MIN_KEY) continue;
			out.push({
				segmentId,
				surface: text.slice(run[0]!.from, run[n - 1]!.to),
				words: n,
				from: run[0]!.from,
				to: run[n - 1]!.to,
				key,
				rotated: n > 1 ? keyOf([parts[n - 1]!, ...parts.slice(0, n - 1)]) : null
			});
		}
	}
	return out;
}

/** Union-find over keys. */
function grouper() {
	const parent = new Map<string, string>();
	const find = (k: string): string => {
		let root = k;
		while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
		parent.set(k, root);
		return root;
	};
	const union = (a: string, b: string) => {
		const ra = find(a);
		const rb = find(b);
		if (ra !== rb) parent.set(rb, ra);
	};
	return { find, union };
}

/**
 * Name variants across the article. `preferred` are spellings to take as the reference
 * when they occur (the glossary's renderings).
 */
export function checkNameVariants(targets: TargetText[], preferred: readonly string[] = []): ArticleFinding[] {
	const all = targets.flatMap((t) => candidates(t.segmentId, t.text));
	const keys = new Set(all.map((c) => c.key));
	const g = grouper();
	for (const c of all) {
		g.find(c.key);
		if (c.rotated && keys.has(c.rotated)) g.union(c.key, c.rotated);
	}
	const groups = new Map<string, Candidate[]>();
	for (const c of all) {
		const root = g.find(c.key);
		const list = groups.get(root);
		if (list) list.push(c);
		else groups.set(root, [c]);
	}
	// Longest names first, so “Kim Jong-un” is reported once, not again as “Jong-un”.
	const ordered = [...groups.values()]
		.filter((list) => new Set(list.map((c) => c.surface)).size > 1)
		.sort((a, b) => Math.max(...b.map((c) => c.words)) - Math.max(...a.map((c) => c.words)) || b[0]!.key.length - a[0]!.key.length);
	const covered: Candidate[] = [];
	const inside = (c: Candidate) => covered.some((o) => o.segmentId === c.segmentId && o.from <= c.from && c.to <= o.to);
	const preferredSet = new Set(preferred);
	const findings: ArticleFinding[] = [];
	for (const group of ordered) {
		const members = group.filter((c) => !inside(c));
		const counts = new Map<string, number>();
		for (const c of members) counts.set(c.surface, (counts.get(c.surface) ?? 0) + 1);
		if (counts.size < 2) continue;
		const reference =
			members.find((c) => preferredSet.has(c.surface))?.surface ??
			[...counts.entries()].reduce((best, cur) => (cur[1] > best[1] ? cur : best))[0];
		const why = preferredSet.has(reference) ? 'the glossary has' : `this article also writes`;
		for (const c of members) {
			covered.push(c);
			if (c.surface === reference) continue;
			const f = finding('name-variant', `${quote(c.surface)}: ${why} ${quote(reference)} (${counts.get(reference)}×)`, { from: c.from, to: c.to });
			findings.push({ segmentId: c.segmentId, ...f });
		}
	}
	return findings;
}
