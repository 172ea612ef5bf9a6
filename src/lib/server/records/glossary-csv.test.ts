// CSV export and import of the glossary: every field survives a round trip, including
// commas, quotes, line breaks, `|` inside items, formula-looking cells and characters
// outside the BMP; malformed files and rows are refused with clear messages.
import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '../../types.ts';
import { validateNewEntry } from './glossary-input.ts';
import { CsvError, glossaryToCsv, joinList, parseGlossaryCsv, splitList } from './glossary-csv.ts';

const base = { createdBy: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
const ENTRIES: GlossaryEntry[] = [
	{ id: 1, source: '普京', targets: ['Putin', 'Vladimir Putin'], type: 'person', note: 'Russian president, “not” Poutine', forbidden: ['Poutine', 'Pútin'], doNotTranslate: false, ...base },
	{ id: 2, source: '𠮷野家', targets: ['Yoshinoya 🍜'], type: 'organisation', note: 'Line one\nline two, with "quotes"\r\nand a CRLF', forbidden: [], doNotTranslate: false, ...base },
	{ id: 3, source: '大纪元', targets: [], type: 'organisation', note: '', forbidden: [], doNotTranslate: true, ...base },
	{ id: 4, source: '百分点', targets: ['percentage points', 'A|B', '[sic]'], type: 'term', note: '=SUM(A1:A2) is not a formula here', forbidden: ['-points', '@home'], doNotTranslate: false, ...base },
	{ id: 5, source: '东方航天发射场', targets: ['Vostochny Cosmodrome'], type: 'place', note: "'quoted' note; semi;colons, tabs\tand emoji 👩‍🚀", forbidden: ['+Cosmodrome'], doNotTranslate: false, ...base },
	{ id: 6, source: '[测试]', targets: ['[test]'], type: 'term', note: '   ', forbidden: ['["x"]'], doNotTranslate: false, ...base }
];

/** What an entry is after validation (what the database would hold). */
function stored(e: GlossaryEntry) {
	const { source, targets, type, note, forbidden, doNotTranslate } = e;
	return { source, targets, type, note: note.trim(), forbidden, doNotTranslate };
}

describe('glossary CSV', () => {
	it('round-trips every field', () => {
		const csv = glossaryToCsv(ENTRIES);
		expect(csv.startsWith('\uFEFFsource,targets,type,note,forbidden,doNotTranslate\r\n')).toBe(true);
		const rows = parseGlossaryCsv(new TextEncoder().encode(csv));
		expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6]);
		const back = rows.map((r) => {
			const v = validateNewEntry(r.fields);
			if (!v.ok) throw new Error(`row ${r.row}: ${JSON.stringify(v.issues)}`);
			return v.value;
		});
		expect(back).toEqual(ENTRIES.map(stored));
	});

	it('guards cells a spreadsheet would run as formulas', () => {
		const csv = glossaryToCsv(ENTRIES);
		expect(csv).toContain(`'=SUM(A1:A2)`);
		expect(csv).toContain(`'-points|@home`);
		expect(csv).not.toMatch(/(^|,)[=+\-@]/m);
	});

	it('reads a hand-made file: BOM or not, any column order, loose flags and lists', () => {
		const text = 'Type,Source,Targets,doNotTranslate\nperson, 金正恩 ,Kim Jong Un | Kim,yes\n\n"place","东方航天发射场","[""Vostochny Cosmodrome""]",0\n';
		for (const bytes of [new TextEncoder().encode(text), new TextEncoder().encode('\uFEFF' + text)]) {
			const rows = parseGlossaryCsv(bytes);
			expect(rows).toEqual([
				{ row: 1, line: 2, fields: { type: 'person', source: ' 金正恩 ', targets: ['Kim Jong Un', 'Kim'], doNotTranslate: true } },
				{ row: 2, line: 4, fields: { type: 'place', source: '东方航天发射场', targets: ['Vostochny Cosmodrome'], doNotTranslate: false } }
			]);
		}
	});

	it('passes unreadable flags on for the row report', () => {
		const [row] = parseGlossaryCsv(new TextEncoder().encode('source,targets,doNotTranslate\n普京,Putin,maybe\n'));
		expect(row!.fields.doNotTranslate).toBe('maybe');
		expect(validateNewEntry(row!.fields).ok).toBe(false);
	});

	it.each([
		['not UTF-8', new Uint8Array([0x73, 0x6f, 0x75, 0x72, 0x63, 0x65, 0x0a, 0xc6, 0xd5, 0xbe, 0xa9]), /not UTF-8/],
		['empty', new Uint8Array(), /empty/],
		['unknown column', new TextEncoder().encode('source,target\n普京,Putin\n'), /Unknown column “target”/],
		['no source column', new TextEncoder().encode('targets,type\nPutin,person\n'), /no “source” column/],
		['a column twice', new TextEncoder().encode('source,Source\na,b\n'), /appears twice/],
		['broken quoting', new TextEncoder().encode('source,targets\n"普京,Putin\n'), /Not a readable CSV/],
		['ragged rows', new TextEncoder().encode('source,targets\n普京,Putin,extra\n'), /Not a readable CSV/]
	])('refuses a file that is %s', (_name, bytes, message) => {
		expect(() => parseGlossaryCsv(bytes)).toThrow(CsvError);
		expect(() => parseGlossaryCsv(bytes)).toThrow(message);
	});

	it.each([
		[['Putin', 'Vladimir Putin']],
		[['A|B']],
		[['[x]']],
		[['x', '[y]']],
		[[' padded ']],
		[[]],
		[['𠮷', '🍜|🍣']]
	])('joinList/splitList round-trip %j', (items) => {
		const back = splitList(joinList(items));
		expect(back).toEqual(items.length === 1 && items[0] === ' padded ' ? [' padded '] : items);
	});
});
