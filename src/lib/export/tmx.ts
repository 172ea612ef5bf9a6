// TMX 1.4b export: a translation memory of the article's translated pairs (status
// translated, reviewed or approved, and English not empty), one `<tu>` per pair with a
// `<tuv xml:lang>` + `<seg>` for each language, plain text. The header carries every
// attribute TMX 1.4b requires. Spec: https://www.gala-global.org/tmx-14b
import { docToText } from '../schema/text.ts';
import type { Status } from '../types.ts';
import { DEFAULT_TOOL } from './model.ts';
import type { ExportInput } from './types.ts';
import { el, serializeXml, xmlText, type XNode } from './xml.ts';

/** Statuses whose pairs go into the translation memory. */
export const TM_STATUSES: readonly Status[] = ['translated', 'reviewed', 'approved'];

/** TMX dates are `YYYYMMDDThhmmssZ` (UTC). `null` when `iso` does not parse. */
export function tmxDate(iso: string): string | null {
	const t = Date.parse(iso);
	return Number.isNaN(t) ? null : new Date(t).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
}

/** Renders the TMX 1.4b file. Pure. Characters XML cannot carry become U+FFFD. */
export function tmx(input: ExportInput): string {
	const { article } = input;
	const tool = input.tool?.name || DEFAULT_TOOL.name;
	const creationdate = tmxDate(input.exportedAt) ?? undefined;
	const tus: XNode[] = [];
	for (const segment of article.segments) {
		const status = input.statuses[segment.id] ?? 'empty';
		const english = docToText(input.targets[segment.id]);
		if (!TM_STATUSES.includes(status) || !english.trim()) continue;
		tus.push(
			el('tu', { tuid: `${article.id}-${segment.id}`, creationdate }, [
				el('prop', { type: 'x-status' }, [status]),
				el('prop', { type: 'x-segment-kind' }, [segment.kind]),
				el('tuv', { 'xml:lang': article.lang }, [el('seg', {}, [xmlText(segment.text)])]),
				el('tuv', { 'xml:lang': 'en' }, [el('seg', {}, [xmlText(english)])])
			])
		);
	}
	return serializeXml(
		el('tmx', { version: '1.4' }, [
			el('header', {
				creationtool: tool,
				creationtoolversion: input.tool?.version || DEFAULT_TOOL.version,
				datatype: 'plaintext',
				segtype: 'paragraph',
				adminlang: 'en',
				srclang: article.lang,
				'o-tmf': tool,
				creationdate
			}),
			el('body', {}, tus)
		])
	);
}
