// QA family “typography”: double spaces, a space before punctuation, and quotation marks or
// brackets that are not closed or close nothing. A quote left open in the source too
// (a quotation running on into the next paragraph, as news style does) is not a finding. Pure.
import type { Finding } from '../types.ts';
import { finding } from './codes.ts';

const DOUBLE_SPACE = /(?<=\S)[ \u00A0]{2,}(?=\S)/g;
const SPACE_BEFORE = /(?<=[\p{L}\p{N}”’)\]])[ \u00A0]+(?=[,.;:!?](?:\s|$|[”’")\]]))/gu;

type Kind = 'quote' | 'bracket';
const OPEN: Record<string, { close: string; kind: Kind }> = {
	'(': { close: ')', kind: 'bracket' },
	'[': { close: ']', kind: 'bracket' },
	'{': { close: '}', kind: 'bracket' },
	'“': { close: '”', kind: 'quote' },
	'‘': { close: '’', kind: 'quote' }
};
const CLOSE: Record<string, string> = { ')': '(', ']': '[', '}': '{', '”': '“' };
/** Chinese brackets and corner quotes read as their English counterparts, for the source side. */
const FROM_CHINESE: Record<string, string> = { '（': '(', '）': ')', '【': '[', '】': ']', '〔': '[', '〕': ']', '「': '“', '」': '”', '『': '‘', '』': '’' };

/** One unmatched mark: its offset, the mark, and whether it was left open or closes nothing. */
export interface Unmatched {
	at: number;
	mark: string;
	kind: Kind;
	problem: 'unclosed' | 'unopened';
}

/**
 * Unmatched quotes and brackets of a text. A straight `"` toggles; `’` closes a `‘` when
 * one is open and is otherwise an apostrophe (Putin’s, ’90s); `‘` before a digit is an
 * apostrophe too (‘90s).
 */
export function unmatchedMarks(text: string): Unmatched[] {
	const stack: { at: number; mark: string }[] = [];
	const out: Unmatched[] = [];
	const kindOf = (mark: string): Kind => (mark === '"' ? 'quote' : OPEN[mark]!.kind);
	for (let i = 0; i < text.length; i++) {
		const c = FROM_CHINESE[text[i]!] ?? text[i]!;
		const top = stack[stack.length - 1];
		if (c === '"') {
			if (top?.mark === '"') stack.pop();
			else stack.push({ at: i, mark: c });
		} else if (c === '‘') {
			if (!/\d/.test(text[i + 1] ?? '')) stack.push({ at: i, mark: c });
		} else if (c === '’') {
			if (top?.mark === '‘') stack.pop();
		} else if (OPEN[c]) {
			stack.push({ at: i, mark: c });
		} else if (CLOSE[c]) {
			const opener = CLOSE[c]!;
			const depth = stack.map((s) => s.mark).lastIndexOf(opener);
			if (depth < 0) {
				out.push({ at: i, mark: text[i]!, kind: kindOf(opener), problem: 'unopened' });
				continue;
			}
			// Everything opened after the matching opener was left open.
			for (const s of stack.splice(depth)) if (s.mark !== opener) out.push({ at: s.at, mark: text[s.at]!, kind: kindOf(s.mark), problem: 'unclosed' });
		}
	}
	for (const s of stack) out.push({ at: s.at, mark: text[s.at]!, kind: kindOf(s.mark), problem: 'unclosed' });
	return out.sort((a, b) => a.at - b.at);
}

/** Double spaces, spaces before punctuation, and unmatched quotes or brackets. */
export function checkTypography(sourceText: string, targetText: string): Finding[] {
	const findings: Finding[] = [];
	for (const m of targetText.matchAll(DOUBLE_SPACE)) {
		findings.push(finding('double-space', `${m[0].length} spaces in a row`, { from: m.index, to: m.index + m[0].length }));
	}
	for (const m of targetText.matchAll(SPACE_BEFORE)) {
		const mark = targetText[m.index + m[0].length]!;
		findings.push(finding('space-before-punctuation', `Space before “${mark}”`, { from: m.index, to: m.index + m[0].length }));
	}
	const sourceKinds = new Set(unmatchedMarks(sourceText).map((u) => u.kind));
	for (const u of unmatchedMarks(targetText)) {
		if (sourceKinds.has(u.kind)) continue;
		const message = u.problem === 'unclosed' ? `“${u.mark}” is never closed` : `“${u.mark}” closes nothing`;
		findings.push(finding('unbalanced', message, { from: u.at, to: u.at + 1 }));
	}
	return findings;
}
