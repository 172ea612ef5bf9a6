import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from './passwords.ts';

describe('passwords', () => {
	it('hashes with argon2id and a fresh salt each time', async () => {
		const a = await hashPassword('correct horse');
		const b = await hashPassword('correct horse');
		expect(a).toMatch(/^\$argon2id\$v=19\$/);
		expect(a).not.toBe(b);
		expect(a).not.toContain('correct horse');
	});

	it('verifies the right password and rejects others', async () => {
		const stored = await hashPassword('correct horse');
		expect(await verifyPassword(stored, 'correct horse')).toBe(true);
		expect(await verifyPassword(stored, 'correct hors')).toBe(false);
		expect(await verifyPassword(stored, 'Correct horse')).toBe(false);
	});

	it('treats a missing or malformed hash as a mismatch instead of throwing', async () => {
		expect(await verifyPassword(null, 'anything at all')).toBe(false);
		expect(await verifyPassword('', 'anything at all')).toBe(false);
		expect(await verifyPassword('$argon2id$garbage', 'anything at all')).toBe(false);
		expect(await verifyPassword('plaintext-password', 'plaintext-password')).toBe(false);
	});

	it('enforces the length rules when hashing, counting characters not bytes', async () => {
		expect(passwordProblem('a'.repeat(PASSWORD_MIN - 1))).toMatch(/at least 8/);
		expect(passwordProblem('a'.repeat(PASSWORD_MIN))).toBeNull();
		expect(passwordProblem('密码密码密码密码')).toBeNull();
		expect(passwordProblem('a'.repeat(PASSWORD_MAX + 1))).toMatch(/at most/);
		await expect(hashPassword('short')).rejects.toMatchObject({ code: 'bad_request', status: 400 });
	});

	it('never accepts an over-long password, even one whose prefix matches', async () => {
		const stored = await hashPassword('a'.repeat(PASSWORD_MAX));
		expect(await verifyPassword(stored, 'a'.repeat(PASSWORD_MAX))).toBe(true);
		expect(await verifyPassword(stored, 'a'.repeat(PASSWORD_MAX + 1))).toBe(false);
	});
});
