// The TBX export parses as XML in the TBX 2019 namespace and holds every entry: the
// Chinese term, each rendering with its status, forbidden variants as deprecated terms,
// type, note and the do-not-translate flag — including text that needs escaping.
import { describe, expect, it } from 'vitest';
import { DOMParser, type Element } from '@xmldom/xmldom';
import type { GlossaryEntry } from '../../types.ts';
import { DNT_NOTE, glossaryToTbx, TBX_NAMESPACE } from './glossary-tbx.ts';

const at = '2026-03-04T05:06:07.000Z';
const ENTRIES: GlossaryEntry[] = [
	{ id: 1, source: '普京', targets: ['Putin', 'Vladimir Putin'], type: 'person', note: 'Russian <president> & “friend”', forbidden: ['Poutine'], doNotTranslate: false, createdBy: { id: 1, name: 'ana' }, createdAt: at, updatedAt: at },
	{ id: 2, source: '大纪元', targets: [], type: 'organisation', note: '', forbidden: [], doNotTranslate: true, createdBy: null, createdAt: at, updatedAt: at },
	{ id: 3, source: '𠮷野家', targets: ['Yoshinoya 🍜'], type: 'term', note: '&lt; stays literal', forbidden: ['Yoshinoya&Co', 'Yosh'], doNotTranslate: false, createdBy: null, createdAt: at, updatedAt: at }
];

const kids = (el: Element, name: string) => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name);
const text = (el: Element | undefined) => el?.textContent ?? null;

function parseTbx(xml: string) {
	const errors: string[] = [];
	const doc = new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(xml, 'text/xml');
	expect(errors).toEqual([]);
	const root = doc.documentElement!;
	expect(root.localName).toBe('tbx');
	expect(root.namespaceURI).toBe(TBX_NAMESPACE);
	expect(root.getAttribute('type')).toBe('TBX-Basic');
	const body = kids(kids(root, 'text')[0]!, 'body')[0]!;
	return kids(body, 'conceptEntry').map((c) => {
		const [zh, en] = kids(c, 'langSec');
		const terms = (ls: Element) =>
			kids(ls, 'termSec').map((t) => ({
				term: text(kids(t, 'term')[0]),
				status: kids(t, 'termNote').find((n) => n.getAttribute('type') === 'administrativeStatus')?.textContent ?? null,
				pos: kids(t, 'termNote').find((n) => n.getAttribute('type') === 'partOfSpeech')?.textContent ?? null
			}));
		return {
			id: c.getAttribute('id'),
			type: text(kids(c, 'descrip').find((d) => d.getAttribute('type') === 'subjectField')),
			notes: kids(c, 'note').map((n) => n.textContent),
			zhLang: zh!.getAttribute('xml:lang'),
			enLang: en!.getAttribute('xml:lang'),
			zh: terms(zh!),
			en: terms(en!),
			who: text(kids(kids(c, 'transacGrp')[0]!, 'transacNote')[0])
		};
	});
}

describe('glossary TBX', () => {
	it('parses and holds every entry and field', () => {
		const entries = parseTbx(glossaryToTbx(ENTRIES, at));
		expect(entries).toHaveLength(3);
		expect(entries[0]).toEqual({
			id: 'g1',
			type: 'person',
			notes: ['Russian <president> & “friend”'],
			zhLang: 'zh-Hans',
			enLang: 'en',
			zh: [{ term: '普京', status: null, pos: 'properNoun' }],
			en: [
				{ term: 'Putin', status: 'preferredTerm-admn-sts', pos: 'properNoun' },
				{ term: 'Vladimir Putin', status: 'admittedTerm-admn-sts', pos: 'properNoun' },
				{ term: 'Poutine', status: 'deprecatedTerm-admn-sts', pos: 'properNoun' }
			],
			who: 'ana'
		});
		expect(entries[1]).toMatchObject({ type: 'organisation', notes: [DNT_NOTE], en: [{ term: '大纪元', status: 'preferredTerm-admn-sts' }], who: null });
		expect(entries[2]).toMatchObject({
			type: 'term',
			notes: ['&lt; stays literal'],
			zh: [{ term: '𠮷野家', pos: 'noun' }],
			en: [
				{ term: 'Yoshinoya 🍜', status: 'preferredTerm-admn-sts' },
				{ term: 'Yoshinoya&Co', status: 'deprecatedTerm-admn-sts' },
				{ term: 'Yosh', status: 'deprecatedTerm-admn-sts' }
			]
		});
	});

	it('an empty glossary is still a valid document', () => {
		expect(parseTbx(glossaryToTbx([], at))).toEqual([]);
	});
});
