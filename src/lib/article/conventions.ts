// Conventions of Chinese news copy that hold across sites and formats: the opening
// dateline `【大纪元2023年09月14日讯】（大纪元记者夏雨综合报导）` gives the place/date and the
// byline, and a closing `责任编辑：…` line names the editor and becomes a `credit`
// segment. They fill `meta`; the paragraph text itself is kept as written. Pure.
import type { ArticleMeta } from '../types.ts';
import type { Item, Piece } from './segment.ts';

const DATELINE = /^【([^】\n]{2,60})】\s*(?:[（(]([^）)\n]{2,80})[）)])?/;
const BYLINE_ONLY = /^[（(]([^）)\n]{2,80}?(?:记者|記者|报导|報導|报道|報道|撰稿|编译|編譯|综合|綜合|电|電)[^）)\n]{0,40})[）)]/;
const CREDIT = /^[（(]?\s*(责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[:：]\s*([^）)\n#]{1,40}?)\s*[）)]?\s*#*$/;
const CN_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

/** `YYYY-MM-DD` when the parts form a real calendar date, else undefined. */
export function isoDate(y: number, m: number, d: number): string | undefined {
	if (y < 1900 || y > 2200) return undefined;
	const date = new Date(Date.UTC(y, m - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
	return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Reads a date written `2023年9月14日` or `2023-09-14` (ISO, with or without time). */
export function parseDate(value: string): string | undefined {
	const cn = CN_DATE.exec(value);
	if (cn) return isoDate(Number(cn[1]), Number(cn[2]), Number(cn[3]));
	const iso = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[\sT])/.exec(value);
	if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
	return undefined;
}

/** Dateline, byline and date from the opening of the first paragraph. */
export function datelineMeta(text: string): Pick<ArticleMeta, 'dateline' | 'byline' | 'published'> {
	const meta: Pick<ArticleMeta, 'dateline' | 'byline' | 'published'> = {};
	const m = DATELINE.exec(text);
	if (m) {
		meta.dateline = m[1]!.trim();
		const published = parseDate(m[1]!);
		if (published) meta.published = published;
		if (m[2]?.trim()) meta.byline = m[2].trim();
		return meta;
	}
	const b = BYLINE_ONLY.exec(text);
	if (b) meta.byline = b[1]!.trim();
	return meta;
}

/**
 * If the piece is an editor credit line, turns it into a `credit` segment (dropping the
 * mirror's trailing `#`) and returns the editor's name.
 */
export function creditOf(piece: Piece): string | undefined {
	if (piece.kind !== 'paragraph' || piece.text.length > 60) return undefined;
	const m = CREDIT.exec(piece.text.trim());
	if (!m) return undefined;
	piece.kind = 'credit';
	// Strip trailing `#` marks (and the spaces before them) from the end of the html too.
	for (let k = piece.tokens.length - 1; k >= 0; k--) {
		const t = piece.tokens[k]!;
		if (t.t !== 'text') break;
		t.v = t.v.replace(/[\s#]+$/, '');
		if (t.v) break;
		piece.tokens.splice(k, 1);
	}
	piece.text = piece.text.replace(/[\s#]+$/, '');
	return m[2]!.trim();
}

/** Applies the conventions to the items in place and returns the meta they yield. */
export function applyConventions(items: Item[]): ArticleMeta {
	const meta: ArticleMeta = {};
	const first = items.find((i): i is Extract<Item, { type: 'segment' }> => i.type === 'segment' && i.piece.kind === 'paragraph');
	if (first) Object.assign(meta, datelineMeta(first.piece.text));
	for (const item of items) {
		if (item.type !== 'segment') continue;
		const editor = creditOf(item.piece);
		if (editor) meta.editor = editor;
	}
	return meta;
}
