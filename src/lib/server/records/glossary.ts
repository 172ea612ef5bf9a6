// Glossary writes (workspace records, ARCHITECTURE §3): validate → role check → store →
// publish on `topics.glossary`, so every open page updates its term highlights and QA.
// Translators add and edit entries; editors and admins also delete (permissions.ts).
// Entries are keyed for conflicts by (source term, type): two entries for 普京 as a
// person would only disagree with each other.
import type { GlossaryEntry, SessionUser } from '../../types.ts';
import { can } from '../auth/permissions.ts';
import { getGlossaryEntry } from '../db/glossary.ts';
import type { DB } from '../db/index.ts';
import { HttpError } from '../http/errors.ts';
import { topics } from '../events.ts';
import type { Runtime } from '../runtime.ts';
import type { GlossaryEvent } from '../../glossary/events.ts';
import { describeIssues, validateNewEntry, validatePatch, type GlossaryInput, type Issue } from './glossary-input.ts';

function publish(rt: Runtime, data: GlossaryEvent): void {
	rt.events.publish(topics.glossary, { type: 'glossary', data });
}

function allow(user: SessionUser, action: 'glossary.write' | 'glossary.delete'): void {
	if (!can(user.role, action)) {
		throw new HttpError('forbidden', action === 'glossary.delete' ? `A ${user.role} may not delete glossary entries` : `A ${user.role} may not change the glossary`);
	}
}

function invalid(issues: Issue[]): never {
	throw new HttpError('bad_request', describeIssues(issues));
}

/** The id of another entry with the same source term and type, if any. */
function duplicateOf(db: DB, input: GlossaryInput, except?: number): number | null {
	const row = db.prepare('SELECT id FROM glossary WHERE source = ? AND type = ? AND id IS NOT ? ORDER BY id LIMIT 1').get(input.source, input.type, except ?? null) as
		| { id: number }
		| undefined;
	return row ? row.id : null;
}

function insert(db: DB, input: GlossaryInput, userId: number | null, at: string): number {
	return Number(
		db
			.prepare(
				`INSERT INTO glossary (source, targets, type, note, forbidden, dnt, created_by, created_at, updated_at)
				 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
			)
			.run(input.source, JSON.stringify(input.targets), input.type, input.note, JSON.stringify(input.forbidden), input.doNotTranslate ? 1 : 0, userId, at, at)
			.lastInsertRowid
	);
}

function update(db: DB, id: number, input: GlossaryInput, at: string): void {
	db.prepare(`UPDATE glossary SET source = ?, targets = ?, type = ?, note = ?, forbidden = ?, dnt = ?, updated_at = ? WHERE id = ?`).run(
		input.source,
		JSON.stringify(input.targets),
		input.type,
		input.note,
		JSON.stringify(input.forbidden),
		input.doNotTranslate ? 1 : 0,
		at,
		id
	);
}

/** The stored fields of an entry, as input for a patch. */
export function inputOf(e: GlossaryEntry): GlossaryInput {
	return { source: e.source, targets: e.targets, type: e.type, note: e.note, forbidden: e.forbidden, doNotTranslate: e.doNotTranslate };
}

/** Adds an entry; 400 on bad input, 403 for reviewers, 409 when (source, type) exists. */
export function createGlossaryEntry(rt: Runtime, user: SessionUser, body: unknown): GlossaryEntry {
	allow(user, 'glossary.write');
	const r = validateNewEntry(body);
	if (!r.ok) invalid(r.issues);
	const entry = rt.db.transaction(() => {
		const dup = duplicateOf(rt.db, r.value);
		if (dup !== null) throw new HttpError('conflict', `There is already a ${r.value.type} entry for ${r.value.source} (id ${dup}): edit that one`);
		return getGlossaryEntry(rt.db, insert(rt.db, r.value, user.id, new Date().toISOString()))!;
	})();
	publish(rt, { op: 'upsert', entry });
	return entry;
}

/** Changes the fields sent; 404 when the entry does not exist. */
export function updateGlossaryEntry(rt: Runtime, user: SessionUser, id: number, body: unknown): GlossaryEntry {
	allow(user, 'glossary.write');
	const entry = rt.db.transaction(() => {
		const current = getGlossaryEntry(rt.db, id);
		if (!current) throw new HttpError('not_found', `No glossary entry ${id}`);
		const r = validatePatch(inputOf(current), body);
		if (!r.ok) invalid(r.issues);
		const dup = duplicateOf(rt.db, r.value, id);
		if (dup !== null) throw new HttpError('conflict', `There is already a ${r.value.type} entry for ${r.value.source} (id ${dup})`);
		update(rt.db, id, r.value, new Date().toISOString());
		return getGlossaryEntry(rt.db, id)!;
	})();
	publish(rt, { op: 'upsert', entry });
	return entry;
}

/** Deletes an entry (editors and admins); 404 when it does not exist. */
export function deleteGlossaryEntry(rt: Runtime, user: SessionUser, id: number): void {
	allow(user, 'glossary.delete');
	const { changes } = rt.db.prepare('DELETE FROM glossary WHERE id = ?').run(id);
	if (changes === 0) throw new HttpError('not_found', `No glossary entry ${id}`);
	publish(rt, { op: 'delete', id });
}

/** One problem of an import, by data row (1 = the first row after the header). */
export interface RowIssue extends Issue {
	row: number;
	/** Line in the file where the row starts. */
	line?: number;
}

/** What an import did. */
export interface ImportSummary {
	created: number;
	updated: number;
}

/** A row to import: raw fields as parsed from the file, with its position. */
export interface ImportRow {
	row: number;
	line?: number;
	fields: Record<string, unknown>;
}

/** Thrown when some rows are invalid: nothing was stored. */
export class ImportRejected extends Error {
	constructor(readonly issues: RowIssue[]) {
		super(`${new Set(issues.map((i) => i.row)).size} row(s) have errors; nothing was imported`);
	}
}

/**
 * Imports rows all or nothing, in one transaction: a row updates the entry with the same
 * source term and type, or adds a new one. Every row is validated first; any invalid row
 * (or two rows for the same term and type) rejects the whole file with every problem listed.
 */
export function importGlossaryRows(rt: Runtime, user: SessionUser, rows: ImportRow[]): ImportSummary {
	allow(user, 'glossary.write');
	const issues: RowIssue[] = [];
	const valid: { row: ImportRow; input: GlossaryInput }[] = [];
	const keys = new Map<string, number>();
	for (const row of rows) {
		const r = validateNewEntry(row.fields);
		if (!r.ok) {
			for (const i of r.issues) issues.push({ row: row.row, line: row.line, ...i });
			continue;
		}
		const key = `${r.value.type}\u0000${r.value.source}`;
		const first = keys.get(key);
		if (first !== undefined) issues.push({ row: row.row, line: row.line, field: 'source', message: `same term and type as row ${first}` });
		else keys.set(key, row.row);
		valid.push({ row, input: r.value });
	}
	if (issues.length) throw new ImportRejected(issues);
	const at = new Date().toISOString();
	const changed: number[] = [];
	const summary = rt.db.transaction(() => {
		let created = 0;
		let updated = 0;
		for (const { input } of valid) {
			const existing = duplicateOf(rt.db, input);
			if (existing !== null) {
				update(rt.db, existing, input, at);
				changed.push(existing);
				updated++;
			} else {
				changed.push(insert(rt.db, input, user.id, at));
				created++;
			}
		}
		return { created, updated };
	})();
	for (const id of changed) publish(rt, { op: 'upsert', entry: getGlossaryEntry(rt.db, id)! });
	return summary;
}
