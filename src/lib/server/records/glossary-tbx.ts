// The glossary as TBX (ISO 30042:2019, TBX-Basic dialect, DCA style) for CAT tools:
// one `conceptEntry` per entry with a Chinese `langSec` (the source term) and an English
// one (the renderings, the first `preferredTerm-admn-sts`, the others `admittedTerm-admn-sts`,
// forbidden variants `deprecatedTerm-admn-sts`). The entry's type is the concept's
// `subjectField` (person, place, organisation, term) and, on each term, its part of speech
// (`properNoun` for names, `noun` otherwise); the note is the concept's `note`; a
// do-not-translate term is written as its own English term plus a note saying so; who
// added it and when are a `transacGrp`. Written through a real serializer (export/xml.ts).
import type { GlossaryEntry } from '../../types.ts';
import { el, serializeXml, xmlText, type XNode } from '../../export/xml.ts';

export const TBX_NAMESPACE = 'urn:iso:std:iso:30042:ed-2';
/** The note a do-not-translate entry carries (import tools can key on it). */
export const DNT_NOTE = 'Do not translate: keep the source term as it is.';

function termSec(term: string, partOfSpeech: string, status?: string): XNode {
	return el('termSec', {}, [
		el('term', {}, [xmlText(term)]),
		el('termNote', { type: 'partOfSpeech' }, [partOfSpeech]),
		...(status ? [el('termNote', { type: 'administrativeStatus' }, [status])] : [])
	]);
}

function conceptEntry(e: GlossaryEntry): XNode {
	const pos = e.type === 'term' ? 'noun' : 'properNoun';
	const english = e.doNotTranslate && e.targets.length === 0 ? [e.source] : e.targets;
	const children: XNode[] = [el('descrip', { type: 'subjectField' }, [e.type])];
	if (e.note) children.push(el('note', {}, [xmlText(e.note)]));
	if (e.doNotTranslate) children.push(el('note', {}, [DNT_NOTE]));
	children.push(
		el('transacGrp', {}, [
			el('transac', { type: 'transactionType' }, ['origination']),
			...(e.createdBy ? [el('transacNote', { type: 'responsibility' }, [xmlText(e.createdBy.name)])] : []),
			el('date', {}, [e.createdAt.slice(0, 10)])
		]),
		el('transacGrp', {}, [el('transac', { type: 'transactionType' }, ['modification']), el('date', {}, [e.updatedAt.slice(0, 10)])]),
		el('langSec', { 'xml:lang': 'zh-Hans' }, [termSec(e.source, pos)]),
		el('langSec', { 'xml:lang': 'en' }, [
			...english.map((t, i) => termSec(t, pos, i === 0 ? 'preferredTerm-admn-sts' : 'admittedTerm-admn-sts')),
			...e.forbidden.map((f) => termSec(f, pos, 'deprecatedTerm-admn-sts'))
		])
	);
	return el('conceptEntry', { id: `g${e.id}` }, children);
}

/** The glossary as a TBX-Basic document. Pure. */
export function glossaryToTbx(entries: readonly GlossaryEntry[], exportedAt = new Date().toISOString()): string {
	return serializeXml(
		el('tbx', { type: 'TBX-Basic', style: 'dca', 'xml:lang': 'en' }, [
			el('tbxHeader', {}, [
				el('fileDesc', {}, [
					el('titleStmt', {}, [el('title', {}, ['Duizhao glossary'])]),
					el('sourceDesc', {}, [el('p', {}, [`Exported from Duizhao on ${exportedAt.slice(0, 10)}: ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}, Chinese (zh-Hans) to English.`])])
				])
			]),
			el('text', {}, [el('body', {}, entries.map(conceptEntry))])
		]),
		TBX_NAMESPACE
	);
}
