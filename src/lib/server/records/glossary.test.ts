// Glossary writes against a real (in-memory) SQLite database and the real broadcaster:
// the validation table, role rules, conflicts, pushes and all-or-nothing imports.
import { describe, expect, it } from 'vitest';
import type { Role, SessionUser } from '../../types.ts';
import { openDatabase } from '../db/index.ts';
import { listGlossary } from '../db/glossary.ts';
import { LocalBroadcaster, topics, type RecordEvent } from '../events.ts';
import { HttpError } from '../http/errors.ts';
import type { Runtime } from '../runtime.ts';
import { validateNewEntry, validatePatch, type GlossaryInput } from './glossary-input.ts';
import { createGlossaryEntry, deleteGlossaryEntry, ImportRejected, importGlossaryRows, updateGlossaryEntry } from './glossary.ts';

function setup() {
	const db = openDatabase({ dataDir: ':memory:' });
	const rt: Runtime = { config: { dataDir: ':memory:', synchronous: 'normal', port: 0, host: '127.0.0.1', origin: null }, db, events: new LocalBroadcaster(), collab: null };
	const pushed: RecordEvent[] = [];
	rt.events.subscribe(topics.glossary, (e) => pushed.push(e));
	const users = {} as Record<Role, SessionUser>;
	(['admin', 'editor', 'translator', 'reviewer'] as const).forEach((role, i) => {
		db.prepare(`INSERT INTO users (id, name, display_name, role, color, created_at) VALUES (?, ?, ?, ?, '#1f77b4', '2026-01-01')`).run(i + 1, role, role, role);
		users[role] = { id: i + 1, name: role, displayName: role, role, color: '#1f77b4' };
	});
	return { rt, db, pushed, users };
}

function status(fn: () => unknown): number | 'ok' {
	try {
		fn();
		return 'ok';
	} catch (err) {
		if (err instanceof HttpError) return err.status;
		throw err;
	}
}

const long = (n: number, ch = '字') => ch.repeat(n);

describe('validateNewEntry', () => {
	const ok: [string, unknown, Partial<GlossaryInput>][] = [
		['the issue’s example', { source: '普京', target: 'Putin', type: 'person', note: 'Russian president', forbidden: ['Poutine'], doNotTranslate: false }, { source: '普京', targets: ['Putin'], forbidden: ['Poutine'] }],
		['targets list, type defaults to term', { source: '百分点', targets: ['percentage points', 'points'] }, { targets: ['percentage points', 'points'], type: 'term', note: '', forbidden: [], doNotTranslate: false }],
		['trims the source and renderings', { source: '  金正恩 ', target: ' Kim Jong Un ' }, { source: '金正恩', targets: ['Kim Jong Un'] }],
		['do-not-translate without a rendering', { source: '大纪元', doNotTranslate: true }, { targets: [], doNotTranslate: true }],
		['100 characters of source (non-BMP count one)', { source: long(99) + '𠮷', target: 'x' }, { source: long(99) + '𠮷' }],
		['ten renderings of 200 characters', { source: '米勒', targets: Array.from({ length: 10 }, (_, i) => long(199, 'a') + i) }, {}],
		['a note of 2,000 characters with line breaks', { source: '米勒', target: 'Miller', note: 'line one\n' + long(1990, 'n') }, {}],
		['twenty forbidden variants', { source: '米勒', target: 'Miller', forbidden: Array.from({ length: 20 }, (_, i) => `Muller${i}`) }, {}],
		['emoji and Latin sources', { source: 'COVID-19 🦠', target: 'COVID-19' }, { source: 'COVID-19 🦠' }]
	];
	it.each(ok)('accepts: %s', (_name, body, expected) => {
		const r = validateNewEntry(body);
		expect(r.ok, JSON.stringify(r)).toBe(true);
		if (r.ok) expect(r.value).toMatchObject(expected);
	});

	const bad: [string, unknown, RegExp][] = [
		['not an object', ['普京'], /JSON object/],
		['no source', { target: 'Putin' }, /source is required/],
		['empty source', { source: '   ', target: 'Putin' }, /source: source is empty/],
		['source of punctuation only', { source: '“”，', target: 'x' }, /letters or digits/],
		['source over 100 characters', { source: long(101), target: 'x' }, /longer than 100/],
		['source with a line break', { source: '普\n京', target: 'x' }, /control characters/],
		['source not a string', { source: 42, target: 'x' }, /source must be a string/],
		['no rendering', { source: '普京' }, /at least one English rendering/],
		['empty targets list', { source: '普京', targets: [] }, /at least one English rendering/],
		['target and targets both', { source: '普京', target: 'Putin', targets: ['Putin'] }, /not both/],
		['eleven renderings', { source: '普京', targets: Array.from({ length: 11 }, (_, i) => `P${i}`) }, /at most 10/],
		['rendering over 200 characters', { source: '普京', target: long(201, 'a') }, /longer than 200/],
		['empty rendering in a list', { source: '普京', targets: ['Putin', ' '] }, /targets\[1\]: rendering is empty/],
		['a rendering twice', { source: '普京', targets: ['Putin', 'putin'] }, /listed twice/],
		['unknown type', { source: '普京', target: 'Putin', type: 'politician' }, /type must be one of/],
		['note over 2,000 characters', { source: '普京', target: 'Putin', note: long(2001, 'n') }, /longer than 2000/],
		['note with a NUL', { source: '普京', target: 'Putin', note: 'a\u0000b' }, /control characters/],
		['21 forbidden variants', { source: '普京', target: 'Putin', forbidden: Array.from({ length: 21 }, (_, i) => `X${i}`) }, /at most 20/],
		['forbidden equals a rendering', { source: '普京', target: 'Putin', forbidden: ['PUTIN'] }, /both a rendering and forbidden/],
		['forbidden not an array', { source: '普京', target: 'Putin', forbidden: 'Poutine' }, /array/],
		['doNotTranslate as a string', { source: '普京', target: 'Putin', doNotTranslate: 'yes' }, /true or false/],
		['unknown field', { source: '普京', target: 'Putin', createdBy: 1 }, /unknown field: createdBy/],
		['lone surrogate', { source: '普京\ud842', target: 'Putin' }, /control characters/]
	];
	it.each(bad)('refuses: %s', (_name, body, message) => {
		const r = validateNewEntry(body);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; ')).toMatch(message);
	});

	it('a patch changes only what is sent and is checked whole', () => {
		const current: GlossaryInput = { source: '普京', targets: ['Putin'], type: 'person', note: '', forbidden: ['Poutine'], doNotTranslate: false };
		const r = validatePatch(current, { note: 'Russian president' });
		expect(r).toEqual({ ok: true, value: { ...current, note: 'Russian president' } });
		expect(validatePatch(current, { target: 'Vladimir Putin' })).toMatchObject({ ok: true, value: { targets: ['Vladimir Putin'] } });
		expect(validatePatch(current, {}).ok).toBe(false);
		expect(validatePatch(current, { targets: ['Poutine'] }).ok).toBe(false);
		expect(validatePatch(current, { source: '' }).ok).toBe(false);
	});
});

describe('glossary writes', () => {
	it('creates, updates and deletes, publishing each change', () => {
		const { rt, pushed, users } = setup();
		const e = createGlossaryEntry(rt, users.translator, { source: '普京', target: 'Putin', type: 'person', forbidden: ['Poutine'] });
		expect(e).toMatchObject({ source: '普京', targets: ['Putin'], createdBy: { id: users.translator.id, name: 'translator' } });
		expect(e.createdAt).toBe(e.updatedAt);
		expect(pushed).toEqual([{ type: 'glossary', data: { op: 'upsert', entry: e } }]);

		const changed = updateGlossaryEntry(rt, users.translator, e.id, { note: 'Russian president' });
		expect(changed).toMatchObject({ id: e.id, note: 'Russian president', targets: ['Putin'], createdAt: e.createdAt });
		expect(pushed[1]).toEqual({ type: 'glossary', data: { op: 'upsert', entry: changed } });

		deleteGlossaryEntry(rt, users.editor, e.id);
		expect(pushed[2]).toEqual({ type: 'glossary', data: { op: 'delete', id: e.id } });
		expect(listGlossary(rt.db)).toEqual([]);
	});

	it('applies the role rules: reviewers only read, translators cannot delete', () => {
		const { rt, users, pushed } = setup();
		expect(status(() => createGlossaryEntry(rt, users.reviewer, { source: '普京', target: 'Putin' }))).toBe(403);
		const e = createGlossaryEntry(rt, users.translator, { source: '普京', target: 'Putin' });
		expect(status(() => updateGlossaryEntry(rt, users.reviewer, e.id, { note: 'x' }))).toBe(403);
		expect(status(() => deleteGlossaryEntry(rt, users.translator, e.id))).toBe(403);
		expect(status(() => deleteGlossaryEntry(rt, users.admin, e.id))).toBe('ok');
		expect(pushed.map((p) => (p.data as { op: string }).op)).toEqual(['upsert', 'delete']);
	});

	it('refuses bad input and conflicts without storing or publishing anything', () => {
		const { rt, users, pushed } = setup();
		expect(status(() => createGlossaryEntry(rt, users.editor, { source: '', target: 'Putin' }))).toBe(400);
		const e = createGlossaryEntry(rt, users.editor, { source: '普京', target: 'Putin', type: 'person' });
		expect(status(() => createGlossaryEntry(rt, users.editor, { source: '普京', target: 'V. Putin', type: 'person' }))).toBe(409);
		// The same term as another type is a different entry.
		const other = createGlossaryEntry(rt, users.editor, { source: '普京', target: 'Putin', type: 'term' });
		expect(status(() => updateGlossaryEntry(rt, users.editor, other.id, { type: 'person' }))).toBe(409);
		expect(status(() => updateGlossaryEntry(rt, users.editor, e.id, { targets: [] }))).toBe(400);
		expect(status(() => updateGlossaryEntry(rt, users.editor, 999, { note: 'x' }))).toBe(404);
		expect(status(() => deleteGlossaryEntry(rt, users.editor, 999))).toBe(404);
		expect(listGlossary(rt.db).map((x) => [x.id, x.targets, x.type])).toEqual([
			[e.id, ['Putin'], 'person'],
			[other.id, ['Putin'], 'term']
		]);
		expect(pushed).toHaveLength(2);
	});
});

describe('importGlossaryRows', () => {
	it('adds new terms and updates existing ones (same term and type), in one transaction', () => {
		const { rt, users, pushed } = setup();
		const putin = createGlossaryEntry(rt, users.editor, { source: '普京', target: 'Putin', type: 'person' });
		const summary = importGlossaryRows(rt, users.translator, [
			{ row: 1, fields: { source: '普京', targets: ['Vladimir Putin', 'Putin'], type: 'person', note: 'updated' } },
			{ row: 2, fields: { source: '金正恩', targets: ['Kim Jong Un'], type: 'person', forbidden: ['Kim Jong-un'] } }
		]);
		expect(summary).toEqual({ created: 1, updated: 1 });
		const all = listGlossary(rt.db);
		expect(all.find((x) => x.id === putin.id)).toMatchObject({ targets: ['Vladimir Putin', 'Putin'], note: 'updated', createdBy: { name: 'editor' } });
		expect(all.find((x) => x.source === '金正恩')).toMatchObject({ createdBy: { name: 'translator' }, forbidden: ['Kim Jong-un'] });
		expect(pushed).toHaveLength(3);
	});

	it('stores nothing when any row is bad, and reports every bad row', () => {
		const { rt, users, pushed } = setup();
		let issues: unknown = null;
		try {
			importGlossaryRows(rt, users.editor, [
				{ row: 1, line: 2, fields: { source: '普京', targets: ['Putin'] } },
				{ row: 2, line: 3, fields: { source: '', targets: ['x'] } },
				{ row: 3, line: 4, fields: { source: '金正恩', targets: [], type: 'leader' } },
				{ row: 4, line: 5, fields: { source: '普京', targets: ['V. Putin'] } }
			]);
		} catch (err) {
			expect(err).toBeInstanceOf(ImportRejected);
			issues = (err as ImportRejected).issues;
		}
		expect(issues).toEqual([
			{ row: 2, line: 3, field: 'source', message: 'source is empty' },
			{ row: 3, line: 4, field: 'type', message: 'type must be one of person, place, organisation, term' },
			{ row: 4, line: 5, field: 'source', message: 'same term and type as row 1' }
		]);
		expect(listGlossary(rt.db)).toEqual([]);
		expect(pushed).toEqual([]);
		expect(status(() => importGlossaryRows(rt, users.reviewer, []))).toBe(403);
	});
});
