// QA family “empty”: the English is missing (`empty`) or is not a translation at all
// (`untranslated`: the Chinese copied over, or Chinese text without a single English word).
// When either fires, the other checks of the pair have nothing meaningful to say. Pure.
import type { Finding, Severity, Status } from '../types.ts';
import { finding } from './codes.ts';

const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /[A-Za-z]{2,}/;

/** Empty is expected before work starts, a warning in general, an error once claimed done. */
const EMPTY_SEVERITY: Record<Status, Severity> = {
	empty: 'info',
	draft: 'info',
	rejected: 'warning',
	translated: 'error',
	reviewed: 'error',
	approved: 'error'
};

/** Whitespace-insensitive form for comparing a source with its target. */
export function normaliseSpace(text: string): string {
	return text.replace(/[\s\u3000]+/g, ' ').trim();
}

/**
 * `empty` when the source has text and the English has none; `untranslated` when the
 * English equals the Chinese source, or has Chinese and no English word. A source without
 * Han characters (a credit line, a number) may legitimately be copied as is.
 */
export function checkEmpty(sourceText: string, targetText: string, status?: Status): Finding[] {
	const source = normaliseSpace(sourceText);
	const target = normaliseSpace(targetText);
	if (!source) return [];
	if (!target) {
		const severity = status ? EMPTY_SEVERITY[status] : 'warning';
		const claim = status && severity === 'error' ? ` but the pair is marked ${status}` : '';
		return [finding('empty', `No English yet${claim}`, undefined, severity)];
	}
	if (!HAN.test(source)) return [];
	const whole = { from: 0, to: targetText.length };
	if (target === source) return [finding('untranslated', 'The English is a copy of the Chinese source', whole)];
	if (HAN.test(target) && !LATIN_WORD.test(target)) return [finding('untranslated', 'The English has Chinese text and no English words', whole)];
	return [];
}
