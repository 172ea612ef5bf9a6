// QA family “glossary”: a term of the glossary found in the source must have one of its
// renderings in the English (`glossary-missing`; a do-not-translate term must appear
// verbatim), and no forbidden variant may appear in the English (`glossary-forbidden`).
// Also the suggestions behind Alt+1…9 in the editor. Pure; the matching is matcher.ts.
import type { Finding, GlossaryEntry } from '../types.ts';
import { finding, quote } from './codes.ts';
import { lowerFold, onWordBoundary, type TermMatcher } from './matcher.ts';

function lower(text: string): string {
	let out = '';
	for (let i = 0; i < text.length; i++) out += String.fromCharCode(lowerFold(text.charCodeAt(i)));
	return out;
}

/** What the English should contain for an entry: its renderings, or its source verbatim. */
export function renderings(entry: GlossaryEntry): string[] {
	return entry.doNotTranslate ? [entry.source.trim()] : entry.targets.map((t) => t.trim()).filter(Boolean);
}

/**
 * Where `term` occurs in `text` as a whole word: case-insensitive unless `exact`; `plural`
 * also accepts an English plural (sanction → sanctions). Returns `[from, to)` spans.
 */
export function termOccurrences(text: string, term: string, opts: { exact?: boolean; plural?: boolean } = {}): { from: number; to: number }[] {
	if (!term) return [];
	const hay = opts.exact ? text : lower(text);
	const needle = opts.exact ? term : lower(term);
	const out: { from: number; to: number }[] = [];
	for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
		let end = i + needle.length;
		if (opts.plural) {
			const s = /^(?:e?s)(?![\p{L}\p{N}])/u.exec(hay.slice(end, end + 3));
			if (s) end += s[0].length;
		}
		if (onWordBoundary(hay, i, end)) out.push({ from: i, to: end });
	}
	return out;
}

function rendered(target: string, entry: GlossaryEntry): { from: number; to: number }[] {
	const opts = { exact: entry.doNotTranslate, plural: entry.type === 'term' && !entry.doNotTranslate };
	return renderings(entry).flatMap((r) => termOccurrences(target, r, opts));
}

/**
 * Glossary findings for one pair: each distinct source term whose renderings (any entry
 * with that source term) are all missing, and each forbidden variant in the English that
 * is not part of an accepted rendering (a variant “Jong Un” inside “Kim Jong Un”).
 */
export function checkGlossary(sourceText: string, targetText: string, matcher: TermMatcher): Finding[] {
	const findings: Finding[] = [];
	const done = new Set<string>();
	for (const m of matcher.find(sourceText)) {
		const term = m.entry.source.trim();
		if (done.has(term)) continue;
		done.add(term);
		if (m.entries.some((e) => rendered(targetText, e).length > 0)) continue;
		const wanted = [...new Set(m.entries.flatMap(renderings))];
		if (wanted.length === 0) continue;
		const message = m.entry.doNotTranslate
			? `${quote(term)} is marked do-not-translate: keep it as it is`
			: `${term} → ${wanted.slice(0, 3).map((w) => quote(w)).join(' or ')} is not in the English`;
		findings.push(finding('glossary-missing', message));
	}
	for (const f of matcher.findForbidden(targetText)) {
		const accepted = rendered(targetText, f.entry).some((r) => r.from <= f.start && f.end <= r.to);
		if (accepted) continue;
		const use = renderings(f.entry)[0];
		const message = `${quote(targetText.slice(f.start, f.end))} is a forbidden variant for ${f.entry.source.trim()}${use ? `: use ${quote(use)}` : ''}`;
		findings.push(finding('glossary-forbidden', message, { from: f.start, to: f.end }));
	}
	return findings;
}

/**
 * Spans of the English that hold a do-not-translate term kept verbatim; Han characters
 * there are intended, so the cjk check skips them.
 */
export function verbatimSpans(targetText: string, matcher: TermMatcher): { from: number; to: number }[] {
	return matcher
		.find(targetText)
		.filter((m) => m.entries.some((e) => e.doNotTranslate))
		.map((m) => ({ from: m.start, to: m.end }));
}

/**
 * Renderings to offer for a source paragraph, in source order, without repeats: the
 * preferred rendering of each term found (the term itself when do-not-translate).
 * The editor binds the first nine to Alt+1…9.
 */
export function suggestions(segmentText: string, matcher: TermMatcher): string[] {
	const out: string[] = [];
	for (const m of matcher.find(segmentText)) {
		const r = renderings(m.entry)[0];
		if (r && !out.includes(r)) out.push(r);
	}
	return out;
}
