// Searching glossary entries: one case-insensitive substring query over the source term,
// the renderings, the forbidden variants and the note. Shared by `GET /api/glossary?q=`
// and the /glossary page's live filter, so both find the same entries. Pure.
import type { GlossaryEntry } from '../types.ts';

/** Lower-cased, whitespace-collapsed form used on both sides of a comparison. */
function fold(text: string): string {
	return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** True when `entry` contains every whitespace-separated word of `query` somewhere. */
export function entryMatches(entry: GlossaryEntry, query: string): boolean {
	const words = fold(query).split(' ').filter(Boolean);
	if (words.length === 0) return true;
	const hay = fold([entry.source, ...entry.targets, ...entry.forbidden, entry.note, entry.type].join('\n'));
	return words.every((w) => hay.includes(w));
}

/** The entries matching `query` (all of them for an empty query), in their order. */
export function filterGlossary<E extends GlossaryEntry>(entries: readonly E[], query: string | null | undefined): E[] {
	if (!query || !query.trim()) return [...entries];
	return entries.filter((e) => entryMatches(e, query));
}
