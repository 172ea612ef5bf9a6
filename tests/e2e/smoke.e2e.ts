// Chromium loads the app shell from the production server.
import { expect, it } from 'vitest';
import { openAs, useServerAndBrowser } from '../helpers/e2e.ts';
import { seedUser } from '../helpers/users.ts';

const e2e = useServerAndBrowser();

it('renders the article list', async () => {
	// Pages need a signed-in user (anonymous visitors are sent to /setup or /login).
	const { page, errors } = await openAs(e2e, seedUser(e2e.server.dataDir, 'smoke', 'editor'), '/');
	await expect.poll(() => page.locator('h1').textContent()).toContain('Articles');
	expect(errors).toEqual([]);
});
