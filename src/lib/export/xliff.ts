// XLIFF 2.0 export: one `<unit>` per segment (id = segment id) holding one `<segment>`
// whose `state` comes from the pair status, the source and English as plain text (hard
// breaks as newlines, `xml:space="preserve"`), and review comments as `<notes>`. For
// CAT tools (Matecat, OmegaT, Trados) to take the work on; `parseXliff` reads it back.
// Spec: https://docs.oasis-open.org/xliff/xliff-core/v2.0/xliff-core-v2.0.html
import { docToText } from '../schema/text.ts';
import { safeLinkHref } from '../schema/url.ts';
import type { Comment, Status } from '../types.ts';
import type { ExportInput, XliffState } from './types.ts';
import { el, serializeXml, withCodePoints, xmlText, type XNode } from './xml.ts';

export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';

/**
 * Pair status → XLIFF `state`. XLIFF has no "rejected" or "draft": both are `initial`,
 * told apart by `subState` (`duizhao:rejected`, `duizhao:draft`) and, for rejected, a note.
 */
export const STATE_OF_STATUS: Record<Status, XliffState> = {
	empty: 'initial',
	draft: 'initial',
	translated: 'translated',
	reviewed: 'reviewed',
	approved: 'final',
	rejected: 'initial'
};

/** XLIFF `state` → the pair status it suggests when a file comes back. */
export const STATUS_OF_STATE: Record<XliffState, Status> = {
	initial: 'draft',
	translated: 'translated',
	reviewed: 'reviewed',
	final: 'approved'
};

/** Renders the XLIFF 2.0 file. Pure. */
export function xliff(input: ExportInput): string {
	const { article } = input;
	const comments = new Map<string, Comment[]>();
	for (const c of [...input.comments].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id)) {
		comments.set(c.segmentId, [...(comments.get(c.segmentId) ?? []), c]);
	}
	const units = article.segments.map((segment): XNode => {
		const status = input.statuses[segment.id] ?? 'empty';
		const target = docToText(input.targets[segment.id]);
		const notes: XNode[] = (comments.get(segment.id) ?? []).map((c) =>
			el('note', { category: 'comment', appliesTo: c.anchor?.side }, [xmlText(commentNote(c))])
		);
		if (status === 'rejected') notes.push(el('note', { category: 'review', appliesTo: 'target' }, ['Rejected in review: the translation needs rework.']));
		const subState = status === 'rejected' || status === 'draft' ? `duizhao:${status}` : undefined;
		return el('unit', { id: segment.id, type: `duizhao:${segment.kind}` }, [
			...(notes.length ? [el('notes', {}, notes)] : []),
			el('segment', { state: STATE_OF_STATUS[status] ?? 'initial', subState }, [
				el('source', { 'xml:space': 'preserve' }, withCodePoints(segment.text)),
				...(target.trim() ? [el('target', { 'xml:space': 'preserve' }, withCodePoints(target))] : [])
			])
		]);
	});
	const original = safeLinkHref(article.meta.sourceUrl) ?? `duizhao:article/${article.id}`;
	return serializeXml(
		el('xliff', { version: '2.0', srcLang: article.lang, trgLang: 'en' }, [el('file', { id: `article-${safeToken(String(article.id))}`, original }, units)]),
		XLIFF_NS
	);
}

function commentNote(c: Comment): string {
	const date = c.createdAt.slice(0, 10);
	const quote = c.anchor?.quote ? ` on “${c.anchor.quote}”` : '';
	return `${c.author.name} (${date})${c.resolved ? ' [resolved]' : ''}${quote}: ${c.body}`;
}

/** An NMTOKEN-safe token for ids (XLIFF `id`s are NMTOKENs). */
function safeToken(s: string): string {
	return s.replace(/[^A-Za-z0-9._-]/g, '_') || '_';
}
