// Test fixture: articles for a running server. `seedArticle` writes an article's source
// side straight into its SQLite database (WAL allows this while the server runs), for
// tests that need an article but are not about importing one; `importArticle` goes
// through the HTTP contract, for tests that need a real import (the seed article).
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Segment, SegmentKind } from '../../src/lib/types.ts';
import { ROOT } from './server.ts';
import type { SeededUser } from './users.ts';

/** Path of the seed article (the news-mirror format, 24 pairs once imported). */
export const SEED_ARTICLE_PATH = join(ROOT, 'tests/fixtures/articles/epoch-n14073200-us-sanctions-warning.md');

/** The seed article's file, as read from disk. */
export const readSeedArticle = (): string => readFileSync(SEED_ARTICLE_PATH, 'utf8');

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

export interface ImportedArticle {
	id: number;
	segments: Segment[];
}

/**
 * Imports an article file through `POST /api/articles` as `user` (an editor or admin) and
 * reads its segments back. Throws, with the server's answer, unless it was created.
 */
export async function importArticle(
	serverUrl: string,
	user: SeededUser,
	body: BodyInit,
	opts: { type?: string; query?: string } = {}
): Promise<ImportedArticle> {
	const res = await fetch(`${serverUrl}/api/articles${opts.query ?? ''}`, {
		method: 'POST',
		headers: { ...user.headers, 'content-type': `${opts.type ?? 'text/markdown'}; charset=utf-8` },
		body
	});
	if (res.status !== 201) throw new Error(`import answered ${res.status}: ${await res.text()}`);
	const { id } = (await res.json()) as { id: number };
	const article = await fetch(`${serverUrl}/api/articles/${id}`, { headers: user.headers });
	if (!article.ok) throw new Error(`GET /api/articles/${id} answered ${article.status}`);
	return { id, segments: ((await article.json()) as { segments: Segment[] }).segments };
}
