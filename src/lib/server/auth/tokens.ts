// Personal access tokens for scripts and bots (`Authorization: Bearer`, `?token=`):
// created with a CSPRNG, shown once, stored only as SHA-256, listed without secrets,
// revoked by their owner. Lookup lives in resolve.ts.
import type { DB } from '../db/index.ts';
import { HttpError } from '../http/errors.ts';
import { hashSecret, newToken } from './secrets.ts';

export const TOKEN_NAME_MAX = 64;
/** Active tokens one user may hold; far above real use, it bounds a runaway script. */
export const TOKENS_PER_USER = 50;

/** A token as listed: never the secret. */
export interface TokenInfo {
	id: number;
	name: string;
	createdAt: string;
	lastUsedAt: string | null;
}

export interface CreatedToken extends TokenInfo {
	/** The secret (`dzt_…`). Shown to the user once; only its hash is stored. */
	token: string;
}

// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f]/;

/** Why a token name is not acceptable, or null. Expects a trimmed string. */
export function tokenNameProblem(name: string): string | null {
	if (name.length === 0) return 'Token name is required';
	if ([...name].length > TOKEN_NAME_MAX) return `Token name must be at most ${TOKEN_NAME_MAX} characters`;
	if (CONTROL_RE.test(name)) return 'Token name may not contain control characters';
	return null;
}

/** Creates a token for a user. Throws 400 on a bad name, 409 over TOKENS_PER_USER. */
export function createToken(db: DB, userId: number, name: string): CreatedToken {
	const clean = name.normalize('NFC').trim();
	const problem = tokenNameProblem(clean);
	if (problem) throw new HttpError('bad_request', problem);
	const token = newToken();
	const createdAt = new Date().toISOString();
	const id = db
		.transaction(() => {
			const { n } = db.prepare('SELECT count(*) AS n FROM tokens WHERE user_id = ? AND revoked = 0').get(userId) as { n: number };
			if (n >= TOKENS_PER_USER) {
				throw new HttpError('conflict', `You already have ${TOKENS_PER_USER} tokens: revoke one you no longer use`);
			}
			return Number(
				db
					.prepare('INSERT INTO tokens (user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)')
					.run(userId, clean, hashSecret(token), createdAt).lastInsertRowid
			);
		})
		.immediate();
	return { id, name: clean, createdAt, lastUsedAt: null, token };
}

/** A user's active (unrevoked) tokens, newest first. */
export function listTokens(db: DB, userId: number): TokenInfo[] {
	return db
		.prepare(
			`SELECT id, name, created_at AS createdAt, last_used_at AS lastUsedAt
			 FROM tokens WHERE user_id = ? AND revoked = 0 ORDER BY id DESC`
		)
		.all(userId) as TokenInfo[];
}

/**
 * Revokes one of the user's own tokens. Returns false when there is no such active token
 * of theirs (someone else's token id is indistinguishable from an unknown one).
 */
export function revokeToken(db: DB, userId: number, tokenId: number): boolean {
	return db.prepare('UPDATE tokens SET revoked = 1 WHERE id = ? AND user_id = ? AND revoked = 0').run(tokenId, userId).changes > 0;
}
