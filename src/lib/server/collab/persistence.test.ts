import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { openDatabase, type DB } from '../db/index.ts';
import { DocStore, storedTargets } from './persistence.ts';
import { targetsOfDoc } from '../../ydoc/targets.ts';
import { SaveQueue, type SaveTarget } from './save-queue.ts';

let dir: string;
let db: DB;
let store: DocStore;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'duizhao-persist-'));
	db = openDatabase({ dataDir: dir });
	store = new DocStore(db);
});
afterEach(() => {
	db.close();
	rmSync(dir, { recursive: true, force: true });
});

/** Updates typing `text` into segment s1 of a fresh document, one per character. */
function typing(text: string): { doc: Y.Doc; updates: Uint8Array[] } {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	const t = new Y.XmlText();
	const p = new Y.XmlElement('paragraph');
	p.insert(0, [t]);
	doc.getXmlFragment('s1').insert(0, [p]);
	for (const ch of text) t.insert(t.length, ch);
	return { doc, updates };
}

const textOf = (state: Uint8Array) => {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, state);
	return doc.getXmlFragment('s1').toString();
};

/** The bytes of both ydoc tables, to prove a write changed nothing. */
const tables = () => JSON.stringify([db.prepare('SELECT * FROM ydoc_updates ORDER BY id').all(), db.prepare('SELECT * FROM ydoc_snapshots').all()]);

/** Makes every insert into the log fail, the way a full disk would, inside SQLite. */
const breakWrites = () => db.exec(`CREATE TRIGGER fail_log BEFORE INSERT ON ydoc_updates BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
const fixWrites = () => db.exec('DROP TRIGGER fail_log');

describe('DocStore', () => {
	it('appends rows in order and loads them back', () => {
		const { updates } = typing('abc');
		const ids = store.append(updates.map((data) => ({ doc: 'article-1', data })));
		expect(ids).toHaveLength(updates.length);
		expect([...ids].sort((a, b) => a - b)).toEqual(ids);
		store.append([{ doc: 'article-2', data: updates[0]! }]);
		const loaded = store.load('article-1');
		expect(loaded.snapshot).toBeNull();
		expect(loaded.updates.map((u) => u.id)).toEqual(ids);
		expect(textOf(Y.mergeUpdates(loaded.updates.map((u) => u.data)))).toBe('<paragraph>abc</paragraph>');
	});

	it('writes a batch in one transaction: all rows or none', () => {
		const { updates } = typing('xyz');
		store.append([{ doc: 'article-1', data: updates[0]! }]);
		const before = tables();
		db.exec(`CREATE TRIGGER fail_third BEFORE INSERT ON ydoc_updates WHEN (SELECT count(*) FROM ydoc_updates) >= 3 BEGIN SELECT RAISE(ABORT, 'boom'); END`);
		expect(() => store.append(updates.map((data) => ({ doc: 'article-1', data })))).toThrow(/boom/);
		expect(tables()).toBe(before);
	});

	it('compacts: the snapshot replaces the rows it covers, later rows stay', () => {
		const { doc, updates } = typing('hello');
		const ids = store.append(updates.map((data) => ({ doc: 'article-1', data })));
		const later = typing('!').updates;
		const laterIds = store.append([{ doc: 'article-1', data: later[0]! }]);
		store.compact('article-1', Y.encodeStateAsUpdate(doc), ids.at(-1)!);
		const loaded = store.load('article-1');
		expect(textOf(loaded.snapshot!)).toBe('<paragraph>hello</paragraph>');
		expect(loaded.updates.map((u) => u.id)).toEqual(laterIds);
	});

	it('a failed compaction leaves the log and the old snapshot as they were', () => {
		const { doc, updates } = typing('ok');
		const ids = store.append(updates.map((data) => ({ doc: 'article-1', data })));
		const before = tables();
		db.exec(`CREATE TRIGGER fail_delete BEFORE DELETE ON ydoc_updates BEGIN SELECT RAISE(ABORT, 'io error'); END`);
		expect(() => store.compact('article-1', Y.encodeStateAsUpdate(doc), ids.at(-1)!)).toThrow(/io error/);
		expect(tables()).toBe(before);
	});

	it('keeps the English beside a snapshot; a live compaction stores none', () => {
		const { doc, updates } = typing('hello');
		const ids = store.append(updates.map((data) => ({ doc: 'article-1', data })));
		const english = JSON.stringify(targetsOfDoc(doc, ['s1']));
		store.compact('article-1', Y.encodeStateAsUpdate(doc), ids.at(-1)!, english);
		expect(store.load('article-1')).toMatchObject({ targets: english, hasTargets: true });
		// A room only asks whether the English is there, without reading it.
		expect(store.load('article-1', { targets: false })).toMatchObject({ targets: null, hasTargets: true });
		store.compact('article-1', Y.encodeStateAsUpdate(doc), ids.at(-1)!);
		expect(store.load('article-1')).toMatchObject({ targets: null, hasTargets: false });
		expect(store.load('article-1', { targets: false }).hasTargets).toBe(false);
		store.putTargets('article-1', english);
		expect(store.load('article-1').targets).toBe(english);
	});

	it('storedTargets reads the kept English only while no log row follows the snapshot', () => {
		const { doc, updates } = typing('hello');
		const ids = store.append(updates.map((data) => ({ doc: 'article-1', data })));
		const paragraph = (text: string) => ({ s1: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }, s2: null });
		expect(storedTargets(store.load('article-1'), ['s1', 's2'])).toEqual(paragraph('hello'));
		// A marker no Yjs state holds proves which source answered.
		const kept = JSON.stringify({ s1: paragraph('kept').s1 });
		store.compact('article-1', Y.encodeStateAsUpdate(doc), ids.at(-1)!, kept);
		expect(storedTargets(store.load('article-1'), ['s1', 's2'])).toEqual(paragraph('kept'));
		// A later row makes the kept English stale: the state is read instead.
		const t = (doc.getXmlFragment('s1').get(0) as Y.XmlElement).get(0) as Y.XmlText;
		const more: Uint8Array[] = [];
		doc.on('update', (u: Uint8Array) => more.push(u));
		t.insert(5, '!');
		store.append(more.map((data) => ({ doc: 'article-1', data })));
		expect(storedTargets(store.load('article-1'), ['s1', 's2'])).toEqual(paragraph('hello!'));
	});

	it('storedTargets falls back to the state when the kept English does not parse', () => {
		const { doc, updates } = typing('fine');
		const ids = store.append(updates.map((data) => ({ doc: 'article-1', data })));
		store.compact('article-1', Y.encodeStateAsUpdate(doc), ids.at(-1)!, '{not json');
		const errors: unknown[] = [];
		const original = console.error;
		console.error = (...args: unknown[]) => void errors.push(args);
		try {
			expect(storedTargets(store.load('article-1'), ['s1'])).toEqual(targetsOfDoc(doc, ['s1']));
		} finally {
			console.error = original;
		}
		expect(errors).toHaveLength(1);
	});

	it('finds articles and their segment ids', () => {
		expect(store.articleExists(1)).toBe(false);
		db.prepare(`INSERT INTO articles (id, title, lang, format, created_at) VALUES (5, 't', 'zh-Hans', 'text', 'now')`).run();
		db.prepare(`INSERT INTO segments (article_id, id, position, kind, text, html) VALUES (5, 's1', 0, 'title', 'a', 'a'), (5, 's2', 1, 'paragraph', 'b', 'b')`).run();
		expect(store.articleExists(5)).toBe(true);
		expect(store.segmentIds(5).sort()).toEqual(['s1', 's2']);
	});
});

/** A room stand-in: the queue only needs names, pending updates and the two callbacks. */
class Target implements SaveTarget {
	pending: Uint8Array[] = [];
	log: string[] = [];
	constructor(readonly name: string) {}
	get pendingUpdates() {
		return this.pending;
	}
	committed(count: number, lastId: number) {
		this.pending.splice(0, count);
		this.log.push(`committed ${count} up to ${lastId}`);
	}
	saveFailed(error: unknown) {
		this.log.push(`failed: ${(error as Error).message}`);
	}
}

describe('SaveQueue', () => {
	it('writes every dirty room of the turn in one transaction, then reports per room', () => {
		let scheduled = 0;
		const queue = new SaveQueue(store, () => scheduled++);
		const a = new Target('article-1');
		const b = new Target('article-2');
		const { updates } = typing('ab');
		a.pending.push(updates[0]!, updates[1]!);
		b.pending.push(updates[2]!);
		queue.markDirty(a);
		queue.markDirty(b);
		expect(scheduled).toBe(2);
		expect(queue.flush()).toBe(true);
		const rows = db.prepare('SELECT id, doc FROM ydoc_updates ORDER BY id').all() as { id: number; doc: string }[];
		expect(rows.map((r) => r.doc)).toEqual(['article-1', 'article-1', 'article-2']);
		expect(a.log).toEqual([`committed 2 up to ${rows[1]!.id}`]);
		expect(b.log).toEqual([`committed 1 up to ${rows[2]!.id}`]);
		expect(a.pending).toEqual([]);
	});

	it('keeps updates after a failed write, backs off, and stores them when storage recovers', async () => {
		let scheduled = 0;
		const queue = new SaveQueue(store, () => scheduled++);
		const a = new Target('article-1');
		a.pending.push(...typing('x').updates);
		const count = a.pending.length;
		breakWrites();
		queue.markDirty(a);
		expect(queue.flush()).toBe(false);
		expect(queue.failing).toBe(true);
		expect(a.log).toEqual(['failed: disk full']);
		expect(a.pending).toHaveLength(count);
		// During the backoff an ordinary end-of-turn flush does not hammer the disk.
		expect(queue.flush()).toBe(false);
		expect(a.log).toHaveLength(1);
		fixWrites();
		// The retry timer schedules a turn; that turn's flush stores everything.
		const before = scheduled;
		await new Promise((r) => setTimeout(r, 150));
		expect(scheduled).toBe(before + 1);
		expect(queue.flush()).toBe(true);
		expect(queue.failing).toBe(false);
		expect(a.pending).toEqual([]);
		expect(db.prepare('SELECT count(*) AS n FROM ydoc_updates').get()).toEqual({ n: count });
		queue.dispose();
	});

	it('a forced flush tries again before the backoff ends', () => {
		const queue = new SaveQueue(store, () => {});
		const a = new Target('article-1');
		a.pending.push(...typing('y').updates);
		breakWrites();
		queue.markDirty(a);
		expect(queue.flush()).toBe(false);
		fixWrites();
		expect(queue.flush(true)).toBe(true);
		queue.dispose();
	});
});
