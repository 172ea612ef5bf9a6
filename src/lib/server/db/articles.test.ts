import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../types.ts';
import { openDatabase, type DB } from './index.ts';
import { countArticles, getArticle, insertArticle, listArticles } from './articles.ts';

const result = (title: string, n = 3): ImportResult => ({
	format: 'markdown',
	warnings: ['a warning'],
	article: {
		title,
		lang: 'zh-Hans',
		meta: { sourceUrl: 'https://e.com/1', published: '2024-01-02' },
		segments: [
			{ id: 's1', kind: 'title', text: title, html: title },
			...Array.from({ length: n - 1 }, (_, i) => ({ id: `s${i + 2}`, kind: 'paragraph' as const, text: `第${i + 1}段`, html: `<strong>第${i + 1}段</strong>` }))
		],
		blocks: [{ kind: 'image', after: 's1', src: 'https://e.com/a.jpg' }]
	}
});

let db: DB;
beforeEach(() => {
	db = openDatabase({ dataDir: ':memory:' });
	db.prepare(`INSERT INTO users (id, name, display_name, role, color, created_at) VALUES (7, 'ed', 'Ed', 'editor', '#000000', 'now')`).run();
});
afterEach(() => db.close());

describe('articles repository', () => {
	it('stores an article with its segments and empty statuses, and reads it back', () => {
		const id = insertArticle(db, result('标题'), 7, new Date('2024-05-06T07:08:09Z'));
		const a = getArticle(db, id)!;
		expect(a).toMatchObject({
			id,
			title: '标题',
			lang: 'zh-Hans',
			format: 'markdown',
			warnings: ['a warning'],
			meta: { sourceUrl: 'https://e.com/1', published: '2024-01-02' },
			blocks: [{ kind: 'image', after: 's1', src: 'https://e.com/a.jpg' }],
			createdAt: '2024-05-06T07:08:09.000Z',
			createdBy: { id: 7, name: 'ed' }
		});
		expect(a.segments.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
		expect(a.segments[1]).toEqual({ id: 's2', kind: 'paragraph', text: '第1段', html: '<strong>第1段</strong>' });
		expect(a.statuses.map((s) => [s.segmentId, s.status, s.updatedBy])).toEqual([
			['s1', 'empty', null],
			['s2', 'empty', null],
			['s3', 'empty', null]
		]);
		expect(a.counts).toEqual({ total: 3, empty: 3, draft: 0, translated: 0, reviewed: 0, approved: 0, rejected: 0 });
	});

	it('keeps document order beyond s9 (positions, not id strings)', () => {
		const id = insertArticle(db, result('长文', 12), null);
		expect(getArticle(db, id)!.segments.map((s) => s.id).slice(8)).toEqual(['s9', 's10', 's11', 's12']);
		expect(getArticle(db, id)!.createdBy).toBeNull();
	});

	it('lists newest first with segment counts', () => {
		const a = insertArticle(db, result('一', 2), 7);
		const b = insertArticle(db, result('二', 5), null);
		expect(listArticles(db).map((x) => [x.id, x.title, x.segmentCount])).toEqual([
			[b, '二', 5],
			[a, '一', 2]
		]);
		expect(countArticles(db)).toBe(2);
		expect(getArticle(db, 999)).toBeNull();
	});

	it('writes nothing when a segment cannot be stored', () => {
		const bad = result('坏', 3);
		bad.article.segments[2]!.id = 's2'; // duplicate primary key half-way through
		expect(() => insertArticle(db, bad, 7)).toThrow();
		expect(countArticles(db)).toBe(0);
		expect((db.prepare('SELECT count(*) AS n FROM segments').get() as { n: number }).n).toBe(0);
		expect((db.prepare('SELECT count(*) AS n FROM segment_status').get() as { n: number }).n).toBe(0);
	});
});
