// @mentions in comment bodies: `@name` of an existing, active user (sign-in names are
// letters of any script, digits, dot, underscore and hyphen). Parsing is pure; matching
// against users reads the database.
import type { Author } from '../../types.ts';
import type { DB } from '../db/index.ts';

// Not preceded by a name character or "@" (so "ana@example.org" is no mention).
const MENTION = /(?<![\p{L}\p{N}._@-])@([\p{L}\p{N}._-]{1,64})/gu;

/** The names written as `@name` in `body`, in order, without duplicates. Pure. */
export function mentionNames(body: string): string[] {
	const names = new Set<string>();
	for (const m of body.matchAll(MENTION)) names.add(m[1]!.normalize('NFC'));
	return [...names];
}

/**
 * The active users mentioned in `body`. A trailing dot, hyphen or underscore that ends a
 * sentence ("thanks @ana.") is tried without it when the full name is no user.
 */
export function mentionedUsers(db: DB, body: string): Author[] {
	const find = db.prepare('SELECT id, name FROM users WHERE name = ? AND active = 1');
	const found = new Map<number, Author>();
	for (const raw of mentionNames(body)) {
		const trimmed = raw.replace(/[._-]+$/, '');
		const row = (find.get(raw) ?? (trimmed && trimmed !== raw ? find.get(trimmed) : undefined)) as Author | undefined;
		if (row) found.set(row.id, { id: row.id, name: row.name });
	}
	return [...found.values()];
}
