// Building an export's input from SQLite alone (the CLI's case: no collab server), and the
// credits rule: writers from the authors log and draft/translated statuses, reviewers from
// review statuses.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRuntime } from '../app.ts';
import { configFromEnv } from '../config.ts';
import { DocStore } from '../collab/persistence.ts';
import { topics } from '../events.ts';
import type { Runtime } from '../runtime.ts';
import { docToText } from '../../schema/text.ts';
import { noteAuthors } from './authors.ts';
import { loadCredits, loadExportInput } from './export.ts';

function setup(): { rt: Runtime; user: (name: string, display: string) => number } {
	const rt = createRuntime({ ...configFromEnv({}), dataDir: ':memory:' });
	const now = '2026-11-26T00:00:00.000Z';
	rt.db.prepare(`INSERT INTO articles (id, title, lang, meta, blocks, format, created_at) VALUES (1, '标题', 'zh-Hans', '{"sourceUrl":"https://example.com/a"}', '[]', 'text', ?)`).run(now);
	const seg = rt.db.prepare(`INSERT INTO segments (article_id, id, position, kind, text, html) VALUES (1, ?, ?, ?, ?, ?)`);
	const status = rt.db.prepare(`INSERT INTO segment_status (article_id, segment_id, status, updated_at) VALUES (1, ?, 'empty', ?)`);
	['标题', '第一段', '第二段', '第三段'].forEach((text, i) => {
		seg.run(`s${i + 1}`, i, i === 0 ? 'title' : 'paragraph', text, text);
		status.run(`s${i + 1}`, now);
	});
	let n = 0;
	const user = (name: string, display: string) =>
		Number(rt.db.prepare(`INSERT INTO users (name, display_name, role, color, created_at) VALUES (?, ?, 'translator', '#123456', ?)`).run(name, display, `${now}${n++}`).lastInsertRowid);
	return { rt, user };
}

function setStatus(rt: Runtime, segmentId: string, status: string, userId: number, at: string) {
	rt.db.prepare(`UPDATE segment_status SET status = ?, updated_by = ?, updated_at = ? WHERE article_id = 1 AND segment_id = ?`).run(status, userId, at, segmentId);
}

describe('loadExportInput without a collab server', () => {
	it('reads the English from the stored Yjs log and the records from SQLite', async () => {
		const { rt } = setup();
		const doc = new Y.Doc();
		const p = new Y.XmlElement('paragraph');
		const t = new Y.XmlText();
		t.insert(0, 'Title in English');
		p.insert(0, [t]);
		doc.getXmlFragment('s1').insert(0, [p]);
		new DocStore(rt.db).append([{ doc: 'article-1', data: Y.encodeStateAsUpdate(doc) }]);

		const input = (await loadExportInput(rt, 1, new Date('2026-12-01T10:00:00.000Z')))!;
		expect(input.article).toMatchObject({ id: 1, title: '标题', lang: 'zh-Hans', meta: { sourceUrl: 'https://example.com/a' } });
		expect(input.article.segments.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4']);
		expect(docToText(input.targets.s1)).toBe('Title in English');
		expect(input.targets.s2).toBeNull();
		expect(input.statuses).toEqual({ s1: 'empty', s2: 'empty', s3: 'empty', s4: 'empty' });
		expect(input).toMatchObject({ claims: [], comments: [], glossary: [], credits: { translators: [], reviewers: [] }, exportedAt: '2026-12-01T10:00:00.000Z' });
		expect(await loadExportInput(rt, 2)).toBeNull();
	});
});

describe('credits', () => {
	it('keeps a translator credited after a reviewer approves the pair they wrote', () => {
		const { rt, user } = setup();
		const ana = user('ana', 'Ana Li');
		const rita = user('rita', 'Rita Ng');
		// Typing is announced by the collab server; the authors log keeps it.
		rt.events.publish(topics.text, { type: 'text', data: { articleId: 1, segmentIds: ['s2', 's3'], userId: ana } });
		setStatus(rt, 's2', 'approved', rita, '2026-11-27T00:00:00.000Z');
		setStatus(rt, 's3', 'reviewed', rita, '2026-11-27T00:00:01.000Z');
		expect(loadCredits(rt.db, 1)).toEqual({ translators: ['Ana Li'], reviewers: ['Rita Ng'] });
	});

	it('counts draft/translated setters as writers, orders by pairs then first work, ignores server edits and other articles', () => {
		const { rt, user } = setup();
		const ana = user('ana', 'Ana Li');
		const bo = user('bo', 'Bo Wang');
		const cy = user('cy', 'Cy Xu');
		const ed = user('ed', 'Ed Editor');
		noteAuthors(rt.db, 1, ['s2'], cy, new Date('2026-11-26T01:00:00.000Z'));
		noteAuthors(rt.db, 1, ['s9'], ed); // not a segment of the article: ignored
		rt.events.publish(topics.text, { type: 'text', data: { articleId: 1, segmentIds: ['s4'], userId: null } });
		setStatus(rt, 's2', 'translated', bo, '2026-11-26T02:00:00.000Z');
		setStatus(rt, 's3', 'translated', bo, '2026-11-26T03:00:00.000Z');
		setStatus(rt, 's4', 'draft', ana, '2026-11-26T00:30:00.000Z');
		setStatus(rt, 's1', 'rejected', ed, '2026-11-26T04:00:00.000Z');
		// Bo: two pairs; Ana and Cy one each, Ana started first.
		expect(loadCredits(rt.db, 1)).toEqual({ translators: ['Bo Wang', 'Ana Li', 'Cy Xu'], reviewers: ['Ed Editor'] });
		// The same pair written and marked by the same person counts once.
		noteAuthors(rt.db, 1, ['s3'], bo);
		expect(loadCredits(rt.db, 1).translators[0]).toBe('Bo Wang');
	});
});

describe('noteAuthors', () => {
	it('keeps the first time and moves the last one in minute steps, not on every notice', () => {
		const { rt, user } = setup();
		const ana = user('ana', 'Ana Li');
		const times = () => rt.db.prepare('SELECT first_at, last_at FROM segment_authors WHERE user_id = ?').get(ana);
		noteAuthors(rt.db, 1, ['s2'], ana, new Date('2026-11-26T01:00:00.000Z'));
		noteAuthors(rt.db, 1, ['s2'], ana, new Date('2026-11-26T01:00:30.000Z'));
		expect(times()).toEqual({ first_at: '2026-11-26T01:00:00.000Z', last_at: '2026-11-26T01:00:00.000Z' });
		noteAuthors(rt.db, 1, ['s2'], ana, new Date('2026-11-26T01:01:00.001Z'));
		expect(times()).toEqual({ first_at: '2026-11-26T01:00:00.000Z', last_at: '2026-11-26T01:01:00.001Z' });
		// An older notice never moves it back.
		noteAuthors(rt.db, 1, ['s2'], ana, new Date('2026-11-26T00:00:00.000Z'));
		expect(times()).toEqual({ first_at: '2026-11-26T01:00:00.000Z', last_at: '2026-11-26T01:01:00.001Z' });
	});
});
