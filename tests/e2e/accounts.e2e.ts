// Accounts in Chromium against the production server: first-run setup, the admin adding
// a translator, the translator signing in from another browser context, a wrong password
// with its message, and the rate limit after repeated failures.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { screenshot, watchErrors } from '../helpers/browser.ts';
import { useServerAndBrowser } from '../helpers/e2e.ts';

const e2e = useServerAndBrowser();
let adminContext: BrowserContext;
let admin: Page;
let adminErrors: string[];

beforeAll(async () => {
	adminContext = await e2e.browser.newContext();
	admin = await adminContext.newPage();
	adminErrors = watchErrors(admin);
});

const path = (page: Page) => new URL(page.url()).pathname + new URL(page.url()).search;
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? null);
const status = (page: Page) => page.locator('.form-message[role="status"]').first();

async function signIn(page: Page, name: string, password: string) {
	await page.getByLabel('Name', { exact: true }).fill(name);
	await page.getByLabel('Password', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in with JavaScript on, waiting for the form action's answer. */
async function submitSignIn(page: Page, name: string, password: string) {
	const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/login' && r.request().method() === 'POST');
	await signIn(page, name, password);
	await answered;
}

describe('accounts in the browser', () => {
	it('a fresh server sends / to /setup, which creates the admin and signs them in', async () => {
		await admin.goto(e2e.server.url);
		expect(path(admin)).toBe('/setup');
		await expect.poll(() => focusedId(admin)).toBe('name');

		// A mismatch is explained next to the field and in the live region.
		await admin.getByLabel('Sign-in name').fill('root');
		await admin.getByLabel('Display name').fill('Root Admin');
		await admin.getByLabel('Password', { exact: true }).fill('root-password');
		await admin.getByLabel('Password again').fill('root-passwort');
		await admin.getByRole('button', { name: 'Create administrator and sign in' }).click();
		await expect.poll(() => status(admin).textContent()).toContain('The two passwords are not the same');
		expect(await admin.getByLabel('Password again').getAttribute('aria-invalid')).toBe('true');

		await admin.getByLabel('Password again').fill('root-password');
		await screenshot(admin, 'setup');
		await admin.getByRole('button', { name: 'Create administrator and sign in' }).click();
		await admin.waitForURL((u) => u.pathname === '/' && u.search === '?welcome=1');
		await expect.poll(() => admin.locator('header').textContent()).toContain('Root Admin · admin');

		const [cookie] = await adminContext.cookies();
		expect(cookie).toMatchObject({ name: 'duizhao_session', httpOnly: true, sameSite: 'Lax', path: '/' });
		// Setup is closed now.
		await admin.goto(`${e2e.server.url}/setup`);
		expect(path(admin)).toBe('/');
		expect(adminErrors).toEqual([]);
	});

	it('the admin adds a translator on the users page', async () => {
		await admin.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
		await admin.waitForURL((u) => u.pathname === '/admin/users');
		await admin.getByLabel('Sign-in name').fill('li');
		await admin.getByLabel('Display name').fill('Li Wei');
		await admin.getByLabel('Role', { exact: true }).selectOption('translator');
		await admin.getByLabel('Initial password').fill('li-password');
		await admin.getByRole('button', { name: 'Add user' }).click();
		await expect.poll(() => status(admin).textContent()).toContain('Added Li Wei (li) as translator');
		const row = admin.locator('tr[data-user="li"]');
		await expect.poll(() => row.textContent()).toContain('Li Wei');
		expect(await row.getByLabel('Role of li').inputValue()).toBe('translator');
		// The form was cleared for the next person.
		expect(await admin.getByLabel('Sign-in name').inputValue()).toBe('');
		await screenshot(admin, 'admin-users', { fullPage: true });
		expect(adminErrors).toEqual([]);
	});

	it('the admin creates a personal access token, shown once, that works and can be revoked', async () => {
		await admin.getByRole('link', { name: 'Account' }).click();
		await admin.waitForURL((u) => u.pathname === '/account');
		await admin.getByLabel('Token name').fill('MT draft bot');
		await admin.getByRole('button', { name: 'Create token' }).click();
		const tokenField = admin.getByLabel('Token', { exact: true });
		await expect.poll(() => tokenField.inputValue()).toMatch(/^dzt_/);
		const token = await tokenField.inputValue();
		expect(await admin.locator('.new-token').textContent()).toContain('it will not be shown again');
		await admin.getByRole('button', { name: 'Copy' }).click();
		await expect.poll(() => admin.locator('.copied').textContent()).toMatch(/Copied|Selected/);
		await screenshot(admin, 'account-token', { fullPage: true });

		const api = (t: string) => fetch(`${e2e.server.url}/api/users`, { headers: { authorization: `Bearer ${t}` } });
		expect((await api(token)).status).toBe(200);
		// Listed by name only; after a reload the secret is gone for good.
		await admin.reload();
		expect(await admin.locator('main').textContent()).toContain('MT draft bot');
		expect(await admin.content()).not.toContain(token);
		await admin.getByRole('button', { name: 'Revoke token MT draft bot' }).click();
		await expect.poll(() => admin.locator('main').textContent()).toContain('Token revoked');
		expect((await api(token)).status).toBe(401);
		expect(adminErrors).toEqual([]);
	});

	it('the translator signs in from their own browser context and lands where they were going', async () => {
		const context = await e2e.browser.newContext();
		const page = await context.newPage();
		const errors = watchErrors(page);
		await page.goto(`${e2e.server.url}/account`);
		expect(path(page)).toBe('/login?next=%2Faccount');
		await expect.poll(() => focusedId(page)).toBe('name');
		await signIn(page, 'li', 'li-password');
		await page.waitForURL((u) => u.pathname === '/account');
		await expect.poll(() => page.locator('header').textContent()).toContain('Li Wei · translator');
		expect(await page.getByRole('navigation').getByRole('link', { name: 'Users' }).count()).toBe(0);
		expect(errors).toEqual([]);

		// Admin pages are refused with a clear page, not a blank one.
		const res = await page.goto(`${e2e.server.url}/admin/users`);
		expect(res?.status()).toBe(403);
		await expect.poll(() => page.locator('main').textContent()).toContain('Only administrators can manage users');

		// Signing out from the header ends the session.
		await page.goto(`${e2e.server.url}/account`);
		await page.getByRole('button', { name: 'Sign out' }).click();
		await page.waitForURL((u) => u.pathname === '/login');
		await page.goto(`${e2e.server.url}/account`);
		expect(path(page)).toBe('/login?next=%2Faccount');
		await context.close();
	});

	it('signs in without JavaScript too (progressive enhancement)', async () => {
		const context = await e2e.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${e2e.server.url}/login`);
		await signIn(page, 'li', 'nope-nope');
		await expect.poll(() => status(page).textContent()).toContain('Wrong name or password');
		await signIn(page, 'li', 'li-password');
		await page.waitForURL((u) => u.pathname === '/');
		expect(await page.locator('header').textContent()).toContain('Li Wei');
		await context.close();
	});

	it('a wrong password gets a clear message, and repeated failures are rate-limited', async () => {
		const context = await e2e.browser.newContext();
		const page = await context.newPage();
		const errors = watchErrors(page);
		await page.goto(`${e2e.server.url}/login`);
		// The successful sign-in above cleared li's failures: 5 wrong passwords reach the limit.
		for (let i = 1; i <= 5; i++) {
			await submitSignIn(page, 'li', `wrong-password-${i}`);
			await expect.poll(() => status(page).textContent()).toContain('Wrong name or password');
			// The password is cleared and focused for the next try; the name is kept.
			await expect.poll(() => page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
			expect(await focusedId(page)).toBe('password');
			expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('li');
			if (i === 1) await screenshot(page, 'login-error');
		}
		// The 6th attempt is refused even with the right password.
		await submitSignIn(page, 'li', 'li-password');
		await expect.poll(() => status(page).textContent()).toMatch(/Too many failed sign-in attempts\. Try again in \d+ minutes?\./);
		expect(path(page)).toBe('/login');
		expect(await context.cookies()).toEqual([]);
		await screenshot(page, 'login-locked');
		expect(errors).toEqual([]);
		await context.close();
	});
});
