// The glossary as CSV (RFC 4180, UTF-8) for spreadsheets and other tools, both ways.
//
// Format (documented in the README):
// - header row `source,targets,type,note,forbidden,doNotTranslate` (any order on import;
//   `source` is required, unknown columns are an error so a typo cannot drop data);
// - list fields (`targets`, `forbidden`) hold their items joined with `|`; when an item
//   itself contains `|` (or the cell would start with `[`) the cell is a JSON array instead
//   (`["A|B","C"]`), which import also accepts anywhere;
// - `doNotTranslate` is `true`/`false` (import also takes yes/no, 1/0, empty = false);
// - export starts with a UTF-8 BOM (so Excel reads the Chinese as UTF-8); import ignores one;
// - spreadsheet formula guard: a cell starting with `=`, `+`, `-`, `@`, tab or CR is
//   written with a leading `'` (OWASP's advice), and import removes exactly that prefix,
//   so the round trip is exact.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { GlossaryEntry } from '../../types.ts';
import type { ImportRow } from './glossary.ts';

export const CSV_COLUMNS = ['source', 'targets', 'type', 'note', 'forbidden', 'doNotTranslate'] as const;
type Column = (typeof CSV_COLUMNS)[number];

/** Most rows one import may hold. */
export const MAX_IMPORT_ROWS = 20_000;

const FORMULA = /^[=+\-@\t\r]/;

function guard(cell: string): string {
	return FORMULA.test(cell) ? `'${cell}` : cell;
}

function unguard(cell: string): string {
	return cell.startsWith("'") && FORMULA.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** Joins list items with `|`, or writes a JSON array when that would not read back the same. */
export function joinList(items: readonly string[]): string {
	const joined = items.join('|');
	if (items.some((i) => i.includes('|') || i !== i.trim() || i === '') || joined.startsWith('[')) return JSON.stringify(items);
	return joined;
}

/**
 * Splits a list cell: a JSON array of strings, else items separated by `|` (trimmed,
 * empty ones dropped).
 */
export function splitList(cell: string): string[] {
	const t = cell.trim();
	if (t.startsWith('[')) {
		try {
			const v: unknown = JSON.parse(t);
			if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
		} catch {
			/* not JSON: plain items, the first starting with “[” */
		}
	}
	return t
		.split('|')
		.map((s) => s.trim())
		.filter(Boolean);
}

/** The glossary as a CSV file (with BOM and CRLF line ends, as spreadsheets expect). */
export function glossaryToCsv(entries: readonly GlossaryEntry[]): string {
	const rows = entries.map((e) =>
		[e.source, joinList(e.targets), e.type, e.note, joinList(e.forbidden), e.doNotTranslate ? 'true' : 'false'].map(guard)
	);
	return stringify([[...CSV_COLUMNS], ...rows], { bom: true, record_delimiter: 'windows', quoted_match: /^\s|\s$/ });
}

/** A CSV the file-level parser refused (not the rows' content): one message for the user. */
export class CsvError extends Error {}

const BOOLEAN: Record<string, boolean> = { true: true, false: false, yes: true, no: false, '1': true, '0': false, '': false };

/**
 * Parses an uploaded CSV into raw rows for `importGlossaryRows`, which validates them.
 * Throws CsvError when the file itself is unusable (not UTF-8, broken quoting, bad header).
 * A flag that is not true/false is passed on as it is, so it is reported per row with
 * everything else.
 */
export function parseGlossaryCsv(bytes: Uint8Array): ImportRow[] {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		throw new CsvError('The file is not UTF-8 text: save it as “CSV UTF-8”');
	}
	let records: { record: string[]; info: { lines: number } }[];
	try {
		records = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: false }) as unknown as typeof records;
	} catch (err) {
		throw new CsvError(`Not a readable CSV file: ${err instanceof Error ? err.message : String(err)}`);
	}
	if (records.length === 0) throw new CsvError('The file is empty: expected a header row');
	const header = records[0]!.record.map((h) => h.trim());
	const columns = new Map<Column, number>();
	header.forEach((h, i) => {
		const col = CSV_COLUMNS.find((c) => c.toLowerCase() === h.toLowerCase());
		if (!col) throw new CsvError(`Unknown column “${h}” in the header; expected ${CSV_COLUMNS.join(',')}`);
		if (columns.has(col)) throw new CsvError(`Column “${col}” appears twice in the header`);
		columns.set(col, i);
	});
	if (!columns.has('source')) throw new CsvError(`The header has no “source” column; expected ${CSV_COLUMNS.join(',')}`);
	if (records.length - 1 > MAX_IMPORT_ROWS) throw new CsvError(`At most ${MAX_IMPORT_ROWS} rows per import (the file has ${records.length - 1})`);

	return records.slice(1).map(({ record, info }, i) => {
		const cell = (c: Column) => {
			const at = columns.get(c);
			return at === undefined ? undefined : unguard(record[at] ?? '');
		};
		const fields: Record<string, unknown> = {};
		const source = cell('source');
		if (source !== undefined) fields.source = source;
		const targets = cell('targets');
		if (targets !== undefined) fields.targets = splitList(targets);
		const type = cell('type');
		if (type !== undefined && type.trim() !== '') fields.type = type.trim().toLowerCase();
		const note = cell('note');
		if (note !== undefined) fields.note = note;
		const forbidden = cell('forbidden');
		if (forbidden !== undefined) fields.forbidden = splitList(forbidden);
		const dnt = cell('doNotTranslate');
		if (dnt !== undefined) {
			const flag = dnt.trim().toLowerCase();
			fields.doNotTranslate = Object.hasOwn(BOOLEAN, flag) ? BOOLEAN[flag] : dnt;
		}
		// `info.lines` is the line where the record ends; the row starts that many lines up.
		const line = info.lines - (record.join(',').match(/\r\n|\n|\r/g)?.length ?? 0);
		return { row: i + 1, line, fields };
	});
}
