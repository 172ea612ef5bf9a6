// The read side of glossary and review records against a real SQLite database.
import { describe, expect, it } from 'vitest';
import { openDatabase } from './index.ts';
import { getGlossaryEntry, listGlossary } from './glossary.ts';
import { getClaim, getComment, listClaims, listComments } from './review.ts';

function setup() {
	const db = openDatabase({ dataDir: ':memory:' });
	const now = '2026-11-26T00:00:00.000Z';
	db.prepare(`INSERT INTO users (id, name, display_name, role, color, created_at) VALUES (1, 'ana', 'Ana', 'translator', '#1f77b4', ?), (2, 'rita', 'Rita', 'reviewer', '#d62728', ?)`).run(now, now);
	db.prepare(`INSERT INTO articles (id, title, lang, format, created_at) VALUES (1, 't', 'zh-Hans', 'text', ?)`).run(now);
	db.prepare(`INSERT INTO segments (article_id, id, position, kind, text, html) VALUES (1, 's1', 0, 'title', '普京', '普京'), (1, 's2', 1, 'paragraph', '米勒表示', '米勒表示')`).run();
	return { db, now };
}

describe('glossary read side', () => {
	it('maps rows to entries with JSON fields and the creator', () => {
		const { db, now } = setup();
		db.prepare(`INSERT INTO glossary (source, targets, type, note, forbidden, dnt, created_by, created_at, updated_at) VALUES ('普京', '["Putin","Vladimir Putin"]', 'person', 'n', '["Poutine"]', 0, 1, ?, ?)`).run(now, now);
		const [e] = listGlossary(db);
		expect(e).toMatchObject({ source: '普京', targets: ['Putin', 'Vladimir Putin'], forbidden: ['Poutine'], doNotTranslate: false, createdBy: { id: 1, name: 'ana' } });
		expect(getGlossaryEntry(db, e!.id)).toEqual(e);
		expect(getGlossaryEntry(db, 999)).toBeNull();
	});
});

describe('review read side', () => {
	it('lists comments with mentions and claims in segment order', () => {
		const { db, now } = setup();
		db.prepare(`INSERT INTO comments (id, article_id, segment_id, author_id, body, anchor, created_at, updated_at) VALUES (1, 1, 's2', 2, 'Check @ana', '{"side":"source","start":0,"end":2,"quote":"米勒"}', ?, ?)`).run(now, now);
		db.prepare(`INSERT INTO comment_mentions (comment_id, user_id) VALUES (1, 1)`).run();
		const [c] = listComments(db, 1);
		expect(c).toMatchObject({ segmentId: 's2', author: { id: 2, name: 'rita' }, mentions: [{ id: 1, name: 'ana' }], resolved: false, anchor: { side: 'source', quote: '米勒' } });
		expect(getComment(db, 1)).toEqual(c);

		const claim = `INSERT INTO claims (article_id, segment_id, anchor, verdict, checker_id, created_at, updated_at) VALUES (1, ?, '{"start":0,"end":2,"quote":"米勒"}', ?, 2, ?, ?)`;
		db.prepare(claim).run('s2', 'mixed', now, now);
		db.prepare(claim).run('s1', 'false', now, now);
		const claims = listClaims(db, 1);
		expect(claims.map((x) => x.segmentId)).toEqual(['s1', 's2']);
		expect(claims[1]).toMatchObject({ verdict: 'mixed', status: 'open', recheck: false, target: null, evidence: [], checker: { name: 'rita' } });
		expect(getClaim(db, claims[0]!.id)).toEqual(claims[0]);
	});
	it('rejects a verdict outside the scale', () => {
		const { db, now } = setup();
		expect(() =>
			db.prepare(`INSERT INTO claims (article_id, segment_id, anchor, verdict, created_at, updated_at) VALUES (1, 's1', '{}', 'pants_on_fire', ?, ?)`).run(now, now)
		).toThrow(/CHECK/);
	});
});
