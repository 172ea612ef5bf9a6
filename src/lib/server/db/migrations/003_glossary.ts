// Workspace glossary: source term, English renderings, type, note, forbidden variants,
// do-not-translate flag, who added it and when (issue 5).
import type { Migration } from './types.ts';

export default {
	version: 3,
	name: 'glossary',
	sql: /* sql */ `
CREATE TABLE glossary (
	id         INTEGER PRIMARY KEY,
	source     TEXT NOT NULL,
	targets    TEXT NOT NULL DEFAULT '[]',  -- JSON array; the first is preferred
	type       TEXT NOT NULL CHECK (type IN ('person','place','organisation','term')),
	note       TEXT NOT NULL DEFAULT '',
	forbidden  TEXT NOT NULL DEFAULT '[]',  -- JSON array of forbidden English variants
	dnt        INTEGER NOT NULL DEFAULT 0,  -- do not translate: keep the source verbatim
	created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX glossary_source ON glossary(source);
`
} satisfies Migration;
