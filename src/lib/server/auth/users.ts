// The users repository: create, read and change accounts in SQLite, with the naming rules
// and the "never leave the desk without an active admin" rule enforced here, so pages,
// the JSON API and the CLI cannot disagree about them.
import type { DB } from '../db/index.ts';
import { ROLES, type Role } from '../../types.ts';
import { HttpError } from '../http/errors.ts';
import { hashPassword } from './passwords.ts';
import { toSessionUser, type UserRow } from './resolve.ts';

/** A user as pages and the API show it (never the password hash). */
export interface UserRecord {
	id: number;
	name: string;
	displayName: string;
	role: Role;
	/** `#rrggbb` from PALETTE, used for presence (cursors, avatars). */
	color: string;
	active: boolean;
	createdAt: string;
}

/**
 * Presence colours. Each has a contrast ratio of at least 4.5:1 against white (checked in
 * users.test.ts), so a name drawn in it on white, or in white on it, stays readable (WCAG AA).
 */
export const PALETTE = [
	'#1f5fa8',
	'#b3261e',
	'#1e7a3a',
	'#7a45b8',
	'#9a5b00',
	'#0b7280',
	'#ad1457',
	'#5a5f1a',
	'#c2410c',
	'#3f51b5',
	'#6d4c41',
	'#455a64'
] as const;

export const NAME_MAX = 64;
export const DISPLAY_NAME_MAX = 100;
// Letters (any script, so 张伟 works), digits, dot, underscore, hyphen.
const NAME_RE = /^[\p{L}\p{N}._-]+$/u;
// Control characters (C0, DEL, C1) and the bidi overrides that could disguise a name.
// eslint-disable-next-line no-control-regex
const UNSAFE_TEXT_RE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Normalises a sign-in name (NFC, trimmed); see nameProblem for the rules. */
export function normalizeName(name: string): string {
	return name.normalize('NFC').trim();
}

/** Why a sign-in name is not acceptable, or null. Expects a normalized name. */
export function nameProblem(name: string): string | null {
	if (name.length === 0) return 'Name is required';
	if ([...name].length > NAME_MAX) return `Name must be at most ${NAME_MAX} characters`;
	if (!NAME_RE.test(name)) return 'Name may contain only letters, digits, dot, underscore and hyphen';
	return null;
}

/** Why a display name is not acceptable, or null. Expects a trimmed string. */
export function displayNameProblem(displayName: string): string | null {
	if (displayName.length === 0) return 'Display name is required';
	if ([...displayName].length > DISPLAY_NAME_MAX) return `Display name must be at most ${DISPLAY_NAME_MAX} characters`;
	if (UNSAFE_TEXT_RE.test(displayName)) return 'Display name may not contain control characters';
	return null;
}

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The next presence colour: the palette entry used by the fewest users (ties: first). */
export function pickColor(usedColors: readonly string[]): string {
	const counts = new Map<string, number>(PALETTE.map((c) => [c, 0]));
	for (const c of usedColors) if (counts.has(c)) counts.set(c, counts.get(c)! + 1);
	let best: string = PALETTE[0];
	for (const c of PALETTE) if (counts.get(c)! < counts.get(best)!) best = c;
	return best;
}

interface RecordRow extends UserRow {
	active: number;
	created_at: string;
}

const COLUMNS = 'id, name, display_name, role, color, active, created_at';

const toRecord = (r: RecordRow): UserRecord => ({ ...toSessionUser(r), active: r.active === 1, createdAt: r.created_at });

export function countUsers(db: DB): number {
	return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

/** Whether any account exists (false on a fresh install: first-run setup is open). */
export function hasUsers(db: DB): boolean {
	return db.prepare('SELECT 1 FROM users LIMIT 1').get() !== undefined;
}

export function listUsers(db: DB): UserRecord[] {
	return (db.prepare(`SELECT ${COLUMNS} FROM users ORDER BY name COLLATE NOCASE`).all() as RecordRow[]).map(toRecord);
}

export function getUser(db: DB, id: number): UserRecord | null {
	const row = db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`).get(id) as RecordRow | undefined;
	return row ? toRecord(row) : null;
}

/** The user and password hash for a sign-in attempt (name compared case-insensitively). */
export function findForLogin(db: DB, name: string): (UserRecord & { passwordHash: string | null }) | null {
	const row = db
		.prepare(`SELECT ${COLUMNS}, password_hash FROM users WHERE name = ?`)
		.get(normalizeName(name)) as (RecordRow & { password_hash: string | null }) | undefined;
	return row ? { ...toRecord(row), passwordHash: row.password_hash } : null;
}

export interface NewUser {
	name: string;
	/** Defaults to the name. */
	displayName?: string;
	role: Role;
	password: string;
}

/** Checks a new user's fields; returns the cleaned values or throws 400. */
function cleanNewUser(input: NewUser): { name: string; displayName: string; role: Role } {
	const name = normalizeName(input.name);
	const nameError = nameProblem(name);
	if (nameError) throw new HttpError('bad_request', nameError);
	const displayName = (input.displayName ?? '').normalize('NFC').trim() || name;
	const displayError = displayNameProblem(displayName);
	if (displayError) throw new HttpError('bad_request', displayError);
	if (!isRole(input.role)) throw new HttpError('bad_request', `Role must be one of ${ROLES.join(', ')}`);
	return { name, displayName, role: input.role };
}

/**
 * Creates a user with a hashed password and a presence colour. Throws 400 on bad input,
 * 409 when the name is taken (names are unique case-insensitively). With `onlyIfFirst`,
 * throws 409 unless this is the first account (first-run setup; checked inside the
 * same transaction as the insert, so two concurrent setups cannot both win).
 */
export async function createUser(db: DB, input: NewUser, opts: { onlyIfFirst?: boolean } = {}): Promise<UserRecord> {
	const clean = cleanNewUser(input);
	const passwordHash = await hashPassword(input.password);
	const insert = db.transaction(() => {
		if (opts.onlyIfFirst && hasUsers(db)) throw new HttpError('conflict', 'Setup is already done: sign in instead');
		if (db.prepare('SELECT 1 FROM users WHERE name = ?').get(clean.name)) {
			throw new HttpError('conflict', `The name "${clean.name}" is already taken`);
		}
		const used = (db.prepare('SELECT color FROM users').all() as { color: string }[]).map((r) => r.color);
		const id = Number(
			db
				.prepare(
					`INSERT INTO users (name, display_name, password_hash, role, color, active, created_at)
					 VALUES (?, ?, ?, ?, ?, 1, ?)`
				)
				.run(clean.name, clean.displayName, passwordHash, clean.role, pickColor(used), new Date().toISOString()).lastInsertRowid
		);
		return getUser(db, id)!;
	});
	return insert.immediate();
}

function requireUser(db: DB, id: number): UserRecord {
	const user = getUser(db, id);
	if (!user) throw new HttpError('not_found', 'No such user');
	return user;
}

/** Active admins other than `exceptId`. */
function otherActiveAdmins(db: DB, exceptId: number): number {
	return (
		db.prepare(`SELECT count(*) AS n FROM users WHERE role = 'admin' AND active = 1 AND id != ?`).get(exceptId) as { n: number }
	).n;
}

const LAST_ADMIN = 'This is the last active administrator: make someone else an administrator first';

/**
 * Sets a user's role. Throws 404 for an unknown user, 400 for an unknown role, and 409
 * when it would demote the last active admin. Returns the user before and after.
 */
export function setRole(db: DB, id: number, role: Role): { before: UserRecord; after: UserRecord } {
	if (!isRole(role)) throw new HttpError('bad_request', `Role must be one of ${ROLES.join(', ')}`);
	return db
		.transaction(() => {
			const before = requireUser(db, id);
			if (before.role === 'admin' && role !== 'admin' && before.active && otherActiveAdmins(db, id) === 0) {
				throw new HttpError('conflict', LAST_ADMIN);
			}
			db.prepare('UPDATE users SET role = ? WHERE id = ?').run(role, id);
			return { before, after: requireUser(db, id) };
		})
		.immediate();
}

/**
 * Deactivates or reactivates a user. Throws 404 for an unknown user and 409 when it would
 * deactivate the last active admin. Sessions are the caller's business (sessions.ts).
 */
export function setActive(db: DB, id: number, active: boolean): { before: UserRecord; after: UserRecord } {
	return db
		.transaction(() => {
			const before = requireUser(db, id);
			if (!active && before.role === 'admin' && before.active && otherActiveAdmins(db, id) === 0) {
				throw new HttpError('conflict', LAST_ADMIN);
			}
			db.prepare('UPDATE users SET active = ? WHERE id = ?').run(active ? 1 : 0, id);
			return { before, after: requireUser(db, id) };
		})
		.immediate();
}

/** Changes a user's display name (400 if unacceptable, 404 if unknown). */
export function setDisplayName(db: DB, id: number, displayName: string): UserRecord {
	const clean = displayName.normalize('NFC').trim();
	const problem = displayNameProblem(clean);
	if (problem) throw new HttpError('bad_request', problem);
	requireUser(db, id);
	db.prepare('UPDATE users SET display_name = ? WHERE id = ?').run(clean, id);
	return requireUser(db, id);
}

/** Stores a new password hash (400 if the password breaks the rules, 404 if unknown). */
export async function setPassword(db: DB, id: number, password: string): Promise<void> {
	const passwordHash = await hashPassword(password);
	const { changes } = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, id);
	if (changes === 0) throw new HttpError('not_found', 'No such user');
}
