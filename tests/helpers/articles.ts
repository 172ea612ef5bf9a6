// Test fixture: writes an article's source side straight into a server's SQLite database
// (WAL allows this while the server runs), for tests that need an article but are not
// about importing one.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { SegmentKind } from '../../src/lib/types.ts';

export interface SeedSegment {
	kind?: SegmentKind;
	text: string;
	html?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Inserts an article with segments `s1…sN`; returns its id. */
export function seedArticle(dataDir: string, segments: SeedSegment[], title = segments[0]?.text ?? 'Untitled'): number {
	const db = new Database(join(dataDir, 'duizhao.sqlite'));
	db.pragma('busy_timeout = 5000');
	try {
		return db.transaction(() => {
			const id = Number(
				db
					.prepare(`INSERT INTO articles (title, lang, meta, blocks, format, warnings, created_at) VALUES (?, 'zh-Hans', '{}', '[]', 'text', '[]', ?)`)
					.run(title, new Date().toISOString()).lastInsertRowid
			);
			const insert = db.prepare('INSERT INTO segments (article_id, id, position, kind, text, html) VALUES (?, ?, ?, ?, ?, ?)');
			segments.forEach((s, i) => insert.run(id, `s${i + 1}`, i, s.kind ?? (i === 0 ? 'title' : 'paragraph'), s.text, s.html ?? esc(s.text)));
			return id;
		})();
	} finally {
		db.close();
	}
}

/** N generated paragraphs of Chinese-looking text, for large-article tests. */
export function manySegments(n: number): SeedSegment[] {
	const out: SeedSegment[] = [{ kind: 'title', text: `测试文章（${n}段）` }];
	for (let i = 1; i < n; i++) out.push({ text: `第${i}段：美国国务院周三表示，如果俄罗斯和朝鲜达成任何新的武器交易，美国政府将毫不犹豫实施更多制裁。` });
	return out;
}
