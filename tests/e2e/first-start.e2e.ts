// First start as a new desk sees it: setup creates the admin, the article list offers the
// bundled sample article, and importing it opens the workbench with its 24 pairs.
import { expect, it } from 'vitest';
import { screenshot, watchErrors } from '../helpers/browser.ts';
import { useServerAndBrowser } from '../helpers/e2e.ts';

const e2e = useServerAndBrowser();

it('setup, then the sample article, then the workbench', async () => {
	const page = await (await e2e.browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
	const errors = watchErrors(page);
	await page.goto(e2e.server.url);
	await page.waitForURL(/\/setup$/);
	await page.getByLabel('Sign-in name').fill('desk');
	await page.getByLabel('Display name').fill('Desk Chief');
	await page.getByLabel('Password', { exact: true }).fill('a-long-password');
	await page.getByLabel('Password again').fill('a-long-password');
	await page.getByRole('button', { name: 'Create administrator and sign in' }).click();
	await page.waitForURL(/\/\?welcome=1$/);
	await expect.poll(() => page.getByRole('heading', { level: 2, name: /Welcome/ }).count()).toBe(1);
	await screenshot(page, 'first-start');

	await page.getByRole('button', { name: 'Try the sample article' }).click();
	await page.waitForURL(/\/articles\/\d+$/);
	await page.locator('[data-sync="ok"]').waitFor();
	expect(await page.locator('.pair').count()).toBe(24);
	expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('美国务院：若俄朝达成武器交易 美将祭制裁');

	// Back on the list the sample is there, and the offer is gone.
	await page.goto(e2e.server.url);
	await expect.poll(() => page.getByRole('link', { name: /美国务院/ }).count()).toBe(1);
	expect(await page.getByRole('button', { name: 'Try the sample article' }).count()).toBe(0);
	expect(errors).toEqual([]);
});
