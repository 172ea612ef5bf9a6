// QA family “cjk”: Han characters (`han-left`) and Chinese punctuation, full-width spaces
// and full-width letters/digits (`cjk-punctuation`) left in the English, each with its range
// and the English replacement in the message. Curly quotes, a single … and a single — are
// English typography too and are not findings; the Chinese doubled forms …… and —— are. Pure.
import type { Finding } from '../types.ts';
import { finding, quote } from './codes.ts';

/** English replacements for Chinese punctuation (full-width ASCII forms are computed). */
const FIX: Record<string, string> = {
	'，': ',', '。': '.', '：': ':', '；': ';', '！': '!', '？': '?', '（': '(', '）': ')',
	'【': '[', '】': ']', '〔': '[', '〕': ']', '、': ',', '《': '“', '》': '”', '〈': '‘', '〉': '’',
	'「': '“', '」': '”', '『': '‘', '』': '’', '\u3000': ' ', '‧': ' ', '・': ' ', '·': ' ',
	'～': '~', '……': '…', '——': '—', '｡': '.', '｢': '“', '｣': '”', '､': ',', '･': ' ',
	'￥': '¥', '￡': '£', '￠': '¢', '〜': '~'
};

/**
 * Han runs, the doubled Chinese dash and ellipsis, the CJK symbols block (U+3000–U+303F),
 * full-width and half-width forms (U+FF01–U+FF65, U+FFE0–U+FFEE), the hyphenation point
 * of Chinese transliterated names (马修‧米勒) and a middle dot between letters.
 */
const SCAN = /(\p{Script=Han}+)|(——|……|[\u3000-\u303F\uFF01-\uFF65\uFFE0-\uFFEE\u2027\u30FB〜]|(?<=\p{L})·(?=\p{L}))/gu;

/** The English for a run of Chinese punctuation or full-width forms. */
export function englishPunctuation(run: string): string {
	let out = '';
	for (let i = 0; i < run.length; i++) {
		const two = run.slice(i, i + 2);
		if (FIX[two]) {
			out += FIX[two];
			i++;
			continue;
		}
		const c = run[i]!;
		const code = c.charCodeAt(0);
		out += FIX[c] ?? (code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : c);
	}
	return out;
}

/**
 * Finds Chinese left in the English. `allowed` are spans of the target that may keep Han
 * characters (occurrences of do-not-translate glossary terms).
 */
export function checkCjk(targetText: string, allowed: { from: number; to: number }[] = []): Finding[] {
	const findings: Finding[] = [];
	let punct: { from: number; to: number } | null = null;
	const flush = () => {
		if (!punct) return;
		const run = targetText.slice(punct.from, punct.to);
		findings.push(finding('cjk-punctuation', `Chinese punctuation or full-width form ${quote(run)}: use ${quote(englishPunctuation(run))}`, punct));
		punct = null;
	};
	for (const m of targetText.matchAll(SCAN)) {
		const range = { from: m.index, to: m.index + m[0].length };
		if (m[1] !== undefined) {
			flush();
			if (allowed.some((a) => range.from >= a.from && range.to <= a.to)) continue;
			findings.push(finding('han-left', `Chinese characters left in the English: ${quote(m[0])}`, range));
		} else if (punct && punct.to === range.from) {
			punct.to = range.to;
		} else {
			flush();
			punct = range;
		}
	}
	flush();
	return findings;
}
