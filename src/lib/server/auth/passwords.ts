// Password hashing for sign-in: argon2id (the OWASP recommendation) through the
// well-kept @node-rs/argon2 binding, with its defaults (m=19 MiB, t=2, p=1), plus the
// length rules every form and the CLI share.
import { hash, verify } from '@node-rs/argon2';
import { HttpError } from '../http/errors.ts';

/** Shortest password accepted anywhere (forms, API, CLI). */
export const PASSWORD_MIN = 8;
/**
 * Longest password accepted. Argon2 takes any length, but an unbounded input lets one
 * request make the server hash megabytes; 256 characters is far beyond any passphrase.
 */
export const PASSWORD_MAX = 256;

// argon2id is the library default; the algorithm is named in every PHC string
// (`$argon2id$v=19$…`), so verify() follows whatever the stored hash says.

/** Why a new password is not acceptable, or null when it is. */
export function passwordProblem(password: string): string | null {
	const length = [...password].length;
	if (length < PASSWORD_MIN) return `Password must be at least ${PASSWORD_MIN} characters`;
	if (length > PASSWORD_MAX) return `Password must be at most ${PASSWORD_MAX} characters`;
	return null;
}

/** Hashes a new password (argon2id, PHC string); throws 400 if it breaks the rules. */
export async function hashPassword(password: string): Promise<string> {
	const problem = passwordProblem(password);
	if (problem) throw new HttpError('bad_request', problem);
	return hash(password);
}

// Verifying against this when there is no user (or no password) makes a wrong name cost
// as much as a wrong password, so response times do not reveal which names exist.
let dummyHash: Promise<string> | null = null;

/**
 * True when `password` matches `stored`. Never throws: a missing or malformed hash, or an
 * over-long password, is simply `false` (after the same argon2 work as a real check).
 */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
	const tooLong = [...password].length > PASSWORD_MAX;
	const candidate = tooLong ? '' : password;
	if (!stored || !stored.startsWith('$argon2')) {
		dummyHash ??= hash('duizhao-dummy-password');
		await verify(await dummyHash, candidate).catch(() => false);
		return false;
	}
	try {
		return (await verify(stored, candidate)) && !tooLong;
	} catch {
		return false;
	}
}
