import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../db/index.ts';
import { verifyPassword } from './passwords.ts';
import {
	createUser,
	findForLogin,
	getUser,
	hasUsers,
	listUsers,
	nameProblem,
	normalizeName,
	PALETTE,
	pickColor,
	setActive,
	setDisplayName,
	setPassword,
	setRole
} from './users.ts';

let db: DB;
beforeEach(() => {
	db = openDatabase({ dataDir: ':memory:' });
});
afterEach(() => db.close());

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => {
		const v = parseInt(hex.slice(i, i + 2), 16) / 255;
		return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('palette', () => {
	it('has distinct #rrggbb colours readable against white (WCAG AA, 4.5:1)', () => {
		expect(new Set(PALETTE).size).toBe(PALETTE.length);
		for (const c of PALETTE) {
			expect(c).toMatch(/^#[0-9a-f]{6}$/);
			expect(1.05 / (luminance(c) + 0.05)).toBeGreaterThanOrEqual(4.5);
		}
	});

	it('picks the least used colour', () => {
		expect(pickColor([])).toBe(PALETTE[0]);
		expect(pickColor([PALETTE[0]])).toBe(PALETTE[1]);
		expect(pickColor([...PALETTE, PALETTE[0], PALETTE[1]])).toBe(PALETTE[2]);
		expect(pickColor(['#ffffff'])).toBe(PALETTE[0]);
	});
});

describe('names', () => {
	it('accepts letters of any script, digits and ._-', () => {
		for (const ok of ['alice', 'li.wei', 'team_2', 'a-b', '张伟', 'x', 'a'.repeat(64)]) expect(nameProblem(ok)).toBeNull();
	});

	it('refuses empty, long, spaced and punctuated names', () => {
		for (const bad of ['', 'a'.repeat(65), 'two words', 'a@b', '<script>', 'a/b', 'tab\tname', 'semi;colon']) {
			expect(nameProblem(bad)).not.toBeNull();
		}
		expect(normalizeName('  alice ')).toBe('alice');
	});
});

describe('users repository', () => {
	it('creates users with a hashed password, a palette colour and the name as default display name', async () => {
		expect(hasUsers(db)).toBe(false);
		const a = await createUser(db, { name: 'alice', role: 'admin', password: 'alice-password' });
		const b = await createUser(db, { name: 'bob', displayName: ' Bob Li ', role: 'translator', password: 'bob-password' });
		expect(hasUsers(db)).toBe(true);
		expect(a).toMatchObject({ name: 'alice', displayName: 'alice', role: 'admin', active: true, color: PALETTE[0] });
		expect(b).toMatchObject({ displayName: 'Bob Li', color: PALETTE[1] });
		expect(getUser(db, b.id)).toEqual(b);
		expect(listUsers(db).map((u) => u.name)).toEqual(['alice', 'bob']);
		const stored = findForLogin(db, 'ALICE')!;
		expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
		expect(await verifyPassword(stored.passwordHash, 'alice-password')).toBe(true);
	});

	it('refuses bad input and taken names (case-insensitively) without writing', async () => {
		await createUser(db, { name: 'alice', role: 'admin', password: 'alice-password' });
		await expect(createUser(db, { name: 'Alice', role: 'editor', password: 'another-pass' })).rejects.toMatchObject({ status: 409 });
		await expect(createUser(db, { name: 'bad name', role: 'editor', password: 'another-pass' })).rejects.toMatchObject({ status: 400 });
		await expect(createUser(db, { name: 'carol', role: 'boss' as never, password: 'another-pass' })).rejects.toMatchObject({ status: 400 });
		await expect(createUser(db, { name: 'carol', role: 'editor', password: 'short' })).rejects.toMatchObject({ status: 400 });
		await expect(createUser(db, { name: 'carol', displayName: 'x\u202ey', role: 'editor', password: 'long-enough' })).rejects.toMatchObject({
			status: 400
		});
		expect(listUsers(db)).toHaveLength(1);
	});

	it('creates the first account only once when asked (setup)', async () => {
		await createUser(db, { name: 'first', role: 'admin', password: 'first-password' }, { onlyIfFirst: true });
		await expect(createUser(db, { name: 'second', role: 'admin', password: 'second-password' }, { onlyIfFirst: true })).rejects.toMatchObject({
			status: 409
		});
		expect(listUsers(db).map((u) => u.name)).toEqual(['first']);
	});

	it('changes roles but never demotes the last active admin', async () => {
		const a = await createUser(db, { name: 'alice', role: 'admin', password: 'alice-password' });
		const b = await createUser(db, { name: 'bob', role: 'translator', password: 'bob-password' });
		expect(() => setRole(db, a.id, 'editor')).toThrow(expect.objectContaining({ status: 409 }));
		expect(getUser(db, a.id)!.role).toBe('admin');
		expect(setRole(db, b.id, 'admin')).toMatchObject({ before: { role: 'translator' }, after: { role: 'admin' } });
		expect(setRole(db, a.id, 'editor').after.role).toBe('editor');
		expect(() => setRole(db, 999, 'editor')).toThrow(expect.objectContaining({ status: 404 }));
	});

	it('never deactivates the last active admin; an inactive admin does not count', async () => {
		const a = await createUser(db, { name: 'alice', role: 'admin', password: 'alice-password' });
		const b = await createUser(db, { name: 'bob', role: 'admin', password: 'bob-password' });
		expect(setActive(db, b.id, false).after.active).toBe(false);
		expect(() => setActive(db, a.id, false)).toThrow(expect.objectContaining({ status: 409 }));
		expect(() => setRole(db, a.id, 'reviewer')).toThrow(expect.objectContaining({ status: 409 }));
		// Demoting an inactive admin is fine: it was not keeping anyone in charge.
		expect(setRole(db, b.id, 'editor').after.role).toBe('editor');
		expect(setActive(db, b.id, true).after.active).toBe(true);
	});

	it('sets a new password and display name', async () => {
		const a = await createUser(db, { name: 'alice', role: 'admin', password: 'alice-password' });
		await setPassword(db, a.id, 'brand-new-password');
		const stored = findForLogin(db, 'alice')!.passwordHash;
		expect(await verifyPassword(stored, 'brand-new-password')).toBe(true);
		expect(await verifyPassword(stored, 'alice-password')).toBe(false);
		await expect(setPassword(db, a.id, 'short')).rejects.toMatchObject({ status: 400 });
		await expect(setPassword(db, 999, 'long-enough')).rejects.toMatchObject({ status: 404 });
		expect(setDisplayName(db, a.id, ' Alice W. ').displayName).toBe('Alice W.');
		expect(() => setDisplayName(db, a.id, '  ')).toThrow(expect.objectContaining({ status: 400 }));
	});
});
