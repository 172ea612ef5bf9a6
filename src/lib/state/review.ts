// Pure helpers of the review panels: comment threads in document order, open counts per
// pair, claim filters, and the @mention autocomplete's text handling. No DOM, no fetch.
import type { Claim, Comment, Verdict } from '../types.ts';

/** A member as the page knows them, for @mention autocomplete and display names. */
export interface Member {
	id: number;
	name: string;
	displayName: string;
}

export interface Thread {
	root: Comment;
	replies: Comment[];
}

/** Threads (first comment + replies, oldest first) ordered by pair, then by age. */
export function buildThreads(comments: readonly Comment[], segmentOrder: readonly string[]): Thread[] {
	const rank = new Map(segmentOrder.map((id, i) => [id, i]));
	const byRoot = new Map<number, Thread>();
	for (const c of comments) if (c.parentId === null) byRoot.set(c.id, { root: c, replies: [] });
	for (const c of comments) if (c.parentId !== null) byRoot.get(c.parentId)?.replies.push(c);
	const threads = [...byRoot.values()];
	for (const t of threads) t.replies.sort((a, b) => a.id - b.id);
	return threads.sort((a, b) => (rank.get(a.root.segmentId) ?? Infinity) - (rank.get(b.root.segmentId) ?? Infinity) || a.root.id - b.root.id);
}

/** Open (unresolved) threads per pair. */
export function openCounts(comments: readonly Comment[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const c of comments) if (c.parentId === null && !c.resolved) counts.set(c.segmentId, (counts.get(c.segmentId) ?? 0) + 1);
	return counts;
}

/** Applies a pushed comment (or its deletion) to a list; replies of a deleted thread go too. */
export function mergeComment(list: readonly Comment[], incoming: Comment & { deleted?: boolean }): Comment[] {
	if (incoming.deleted) return list.filter((c) => c.id !== incoming.id && c.parentId !== incoming.id);
	const { deleted: _deleted, ...comment } = incoming;
	const i = list.findIndex((c) => c.id === comment.id);
	if (i < 0) return [...list, comment].sort((a, b) => a.id - b.id);
	return list.map((c) => (c.id === comment.id ? comment : c));
}

/** Applies a pushed claim (or its deletion) to a list. */
export function mergeClaim(list: readonly Claim[], incoming: Claim & { deleted?: boolean }): Claim[] {
	if (incoming.deleted) return list.filter((c) => c.id !== incoming.id);
	const { deleted: _deleted, ...claim } = incoming;
	const i = list.findIndex((c) => c.id === claim.id);
	return i < 0 ? [...list, claim] : list.map((c) => (c.id === claim.id ? claim : c));
}

export interface ClaimFilter {
	status: 'all' | 'open' | 'resolved';
	verdict: 'all' | Verdict;
	recheckOnly: boolean;
}

/** Claims passing the panel's filters, in pair order, then by position in the source. */
export function filterClaims(claims: readonly Claim[], filter: ClaimFilter, segmentOrder: readonly string[]): Claim[] {
	const rank = new Map(segmentOrder.map((id, i) => [id, i]));
	return claims
		.filter((c) => (filter.status === 'all' || c.status === filter.status) && (filter.verdict === 'all' || c.verdict === filter.verdict) && (!filter.recheckOnly || c.recheck))
		.sort((a, b) => (rank.get(a.segmentId) ?? Infinity) - (rank.get(b.segmentId) ?? Infinity) || a.anchor.start - b.anchor.start || a.id - b.id);
}

// An @ that starts a mention: at the start or after a character that cannot be in a name.
const MENTION_BEFORE_CARET = /(?:^|[^\p{L}\p{N}._@-])@([\p{L}\p{N}._-]{0,64})$/u;

/** The mention being typed at `caret` (`@an|`): where its `@` is and the query after it. */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
	const m = MENTION_BEFORE_CARET.exec(text.slice(0, caret));
	if (!m) return null;
	return { start: caret - m[1]!.length - 1, query: m[1]! };
}

/** Replaces the mention being typed (from its `@` to the caret) by `@name `. */
export function insertMention(text: string, start: number, caret: number, name: string): { text: string; caret: number } {
	const inserted = `@${name} `;
	const after = text.slice(caret).replace(/^[\p{L}\p{N}._-]+/u, '').replace(/^ /, '');
	return { text: text.slice(0, start) + inserted + after, caret: start + inserted.length };
}

/** Members whose name or display name starts with (then contains) the query, best first. */
export function matchMembers(members: readonly Member[], query: string, limit = 6): Member[] {
	const q = query.toLowerCase();
	const score = (m: Member) => {
		const name = m.name.toLowerCase();
		const display = m.displayName.toLowerCase();
		if (name.startsWith(q)) return 0;
		if (display.startsWith(q) || display.split(/\s+/).some((w) => w.startsWith(q))) return 1;
		if (name.includes(q) || display.includes(q)) return 2;
		return 3;
	};
	return members
		.map((m) => ({ m, s: score(m) }))
		.filter((x) => x.s < 3)
		.sort((a, b) => a.s - b.s || a.m.name.localeCompare(b.m.name))
		.slice(0, limit)
		.map((x) => x.m);
}

/** Splits a comment body into text and @mention parts (only names in `mentioned` count). */
export function bodyParts(body: string, mentioned: readonly { name: string }[]): { text: string; mention: boolean }[] {
	if (!mentioned.length) return [{ text: body, mention: false }];
	const names = new Set(mentioned.map((m) => m.name.toLowerCase()));
	const parts: { text: string; mention: boolean }[] = [];
	let last = 0;
	for (const m of body.matchAll(/(?<![\p{L}\p{N}._@-])@([\p{L}\p{N}._-]{1,64})/gu)) {
		let name = m[1]!;
		if (!names.has(name.toLowerCase())) name = name.replace(/[._-]+$/, '');
		if (!names.has(name.toLowerCase())) continue;
		if (m.index > last) parts.push({ text: body.slice(last, m.index), mention: false });
		parts.push({ text: `@${name}`, mention: true });
		last = m.index + name.length + 1;
	}
	if (last < body.length) parts.push({ text: body.slice(last), mention: false });
	return parts;
}
