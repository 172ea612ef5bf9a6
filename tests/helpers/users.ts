// Test fixture: puts a user with a personal access token and a browser session straight
// into a server's SQLite database (WAL allows this while the server runs). The secrets
// are hashed exactly as src/lib/server/auth does, so the real server authenticates them.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Role } from '../../src/lib/types.ts';
import { hashSecret, newSessionId, newToken } from '../../src/lib/server/auth/secrets.ts';
import { SESSION_COOKIE } from '../../src/lib/server/auth/resolve.ts';

export interface SeededUser {
	id: number;
	name: string;
	role: Role;
	/** Personal access token, for `Authorization: Bearer` and `?token=`. */
	token: string;
	/** Session id for the `duizhao_session` cookie. */
	sessionId: string;
	/** Ready-made headers for fetch with the token. */
	headers: Record<string, string>;
	/** A Playwright cookie for the session. */
	cookie(url: string): { name: string; value: string; url: string; httpOnly: boolean; sameSite: 'Lax' };
}

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#8c564b', '#e377c2'];

export function seedUser(dataDir: string, name: string, role: Role): SeededUser {
	const db = new Database(join(dataDir, 'duizhao.sqlite'));
	db.pragma('busy_timeout = 5000');
	try {
		const now = new Date().toISOString();
		const id = Number(
			db
				.prepare(
					`INSERT INTO users (name, display_name, password_hash, role, color, active, created_at)
					 VALUES (?, ?, NULL, ?, ?, 1, ?)`
				)
				.run(name, name, role, COLORS[name.length % COLORS.length], now).lastInsertRowid
		);
		const token = newToken();
		db.prepare('INSERT INTO tokens (user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)').run(id, 'test', hashSecret(token), now);
		const sessionId = newSessionId();
		const expires = new Date(Date.now() + 86_400_000).toISOString();
		db.prepare('INSERT INTO sessions (id_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(hashSecret(sessionId), id, now, expires);
		return {
			id,
			name,
			role,
			token,
			sessionId,
			headers: { authorization: `Bearer ${token}` },
			cookie: (url) => ({ name: SESSION_COOKIE, value: sessionId, url, httpOnly: true, sameSite: 'Lax' })
		};
	} finally {
		db.close();
	}
}
