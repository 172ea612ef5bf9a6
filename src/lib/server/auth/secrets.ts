// Opaque secrets (session ids, personal access tokens): generated with a CSPRNG, shown
// once, stored only as SHA-256 hex so a leaked database leaks no usable credential.
// SHA-256 (not argon2) is right here: the secrets have 256 bits of entropy.
import { createHash, randomBytes } from 'node:crypto';

/** Personal access tokens start with `dzt_` so secret scanners can spot them. */
export const TOKEN_PREFIX = 'dzt_';

export function newSessionId(): string {
	return randomBytes(32).toString('base64url');
}

export function newToken(): string {
	return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
	return createHash('sha256').update(secret, 'utf8').digest('hex');
}
