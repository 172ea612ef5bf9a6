// Core tables: people, sessions, tokens, articles (source side), statuses and the Yjs
// update log. Timestamps are ISO-8601 strings except the update log's (ms, for ordering).
import type { Migration } from './types.ts';

export default {
	version: 1,
	name: 'core',
	sql: /* sql */ `
CREATE TABLE users (
	id            INTEGER PRIMARY KEY,
	name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
	display_name  TEXT NOT NULL,
	password_hash TEXT,
	role          TEXT NOT NULL CHECK (role IN ('admin','editor','translator','reviewer')),
	color         TEXT NOT NULL,
	active        INTEGER NOT NULL DEFAULT 1,
	created_at    TEXT NOT NULL
);

-- Opaque session ids; only their SHA-256 is stored, so a leaked database leaks no session.
CREATE TABLE sessions (
	id_hash    TEXT PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	created_at TEXT NOT NULL,
	expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

-- Personal access tokens, stored hashed and shown once.
CREATE TABLE tokens (
	id           INTEGER PRIMARY KEY,
	user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	name         TEXT NOT NULL,
	token_hash   TEXT NOT NULL UNIQUE,
	created_at   TEXT NOT NULL,
	last_used_at TEXT,
	revoked      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE articles (
	id         INTEGER PRIMARY KEY,
	title      TEXT NOT NULL,
	lang       TEXT NOT NULL,
	meta       TEXT NOT NULL DEFAULT '{}',
	blocks     TEXT NOT NULL DEFAULT '[]',
	format     TEXT NOT NULL,
	warnings   TEXT NOT NULL DEFAULT '[]',
	created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
	created_at TEXT NOT NULL
);

-- The source side: written once by the importer, never updated.
CREATE TABLE segments (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	id         TEXT NOT NULL,
	position   INTEGER NOT NULL,
	kind       TEXT NOT NULL,
	text       TEXT NOT NULL,
	html       TEXT NOT NULL,
	PRIMARY KEY (article_id, id)
) WITHOUT ROWID;

CREATE TABLE segment_status (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	segment_id TEXT NOT NULL,
	status     TEXT NOT NULL CHECK (status IN ('empty','draft','translated','reviewed','approved','rejected')),
	updated_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
	updated_at TEXT NOT NULL,
	PRIMARY KEY (article_id, segment_id)
) WITHOUT ROWID;

-- Yjs: an append-only update log per document plus a compacted snapshot.
-- AUTOINCREMENT keeps ids monotonic even after compaction deletes the newest rows.
CREATE TABLE ydoc_updates (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	doc        TEXT NOT NULL,
	data       BLOB NOT NULL,
	created_at INTEGER NOT NULL
);
CREATE INDEX ydoc_updates_doc ON ydoc_updates(doc, id);

CREATE TABLE ydoc_snapshots (
	doc        TEXT PRIMARY KEY,
	state      BLOB NOT NULL,
	updated_at INTEGER NOT NULL
) WITHOUT ROWID;
`
} satisfies Migration;
