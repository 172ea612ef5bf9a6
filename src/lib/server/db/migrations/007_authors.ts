// Who wrote the English of which pair (export credits, issue 7). The collab server only
// announces text changes with the typing user's id; this table keeps them, because a pair's
// status row remembers only its last setter — after review the translator would be lost.
import type { Migration } from './types.ts';

export default {
	version: 7,
	name: 'authors',
	sql: /* sql */ `
CREATE TABLE segment_authors (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	segment_id TEXT NOT NULL,
	user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	first_at   TEXT NOT NULL,
	last_at    TEXT NOT NULL,
	PRIMARY KEY (article_id, segment_id, user_id)
) WITHOUT ROWID;
CREATE INDEX segment_authors_user ON segment_authors(user_id);
`
} satisfies Migration;
