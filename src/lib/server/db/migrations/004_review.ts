// Review records: comment threads on pairs (optionally anchored to a span of the source
// or of the English), @mentions, and fact-check claims (issue 6).
import type { Migration } from './types.ts';

export default {
	version: 4,
	name: 'review',
	sql: /* sql */ `
CREATE TABLE comments (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	segment_id TEXT NOT NULL,
	parent_id  INTEGER REFERENCES comments(id) ON DELETE CASCADE,
	author_id  INTEGER REFERENCES users(id) ON DELETE SET NULL,
	body       TEXT NOT NULL,
	anchor     TEXT,                       -- JSON {side:'source',start,end,quote} | {side:'target',from,to,quote}
	resolved   INTEGER NOT NULL DEFAULT 0,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX comments_article ON comments(article_id, segment_id);

CREATE TABLE comment_mentions (
	comment_id INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
	user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	seen       INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (comment_id, user_id)
) WITHOUT ROWID;
CREATE INDEX comment_mentions_user ON comment_mentions(user_id, seen);

CREATE TABLE claims (
	id            INTEGER PRIMARY KEY,
	article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	segment_id    TEXT NOT NULL,
	anchor        TEXT NOT NULL,           -- JSON SourceAnchor {start,end,quote}
	target        TEXT,                    -- JSON TargetAnchor, or NULL = the whole paragraph
	claimant      TEXT NOT NULL DEFAULT '',
	verdict       TEXT NOT NULL CHECK (verdict IN ('true','mostly_true','mixed','mostly_false','false','unproven','needs_source')),
	evidence      TEXT NOT NULL DEFAULT '[]',
	note          TEXT NOT NULL DEFAULT '',
	status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','resolved')),
	recheck       INTEGER NOT NULL DEFAULT 0,
	resolved_text TEXT,                    -- the linked English when resolved, to detect changes
	checker_id    INTEGER REFERENCES users(id) ON DELETE SET NULL,
	created_at    TEXT NOT NULL,
	updated_at    TEXT NOT NULL
);
CREATE INDEX claims_article ON claims(article_id, segment_id);
`
} satisfies Migration;
