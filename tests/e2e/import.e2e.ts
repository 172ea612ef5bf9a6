// Import in Chromium: an editor pastes the seed article, submits, and lands on the
// article page with the aligned pairs (source left, empty English column right).
// A reviewer sees the list without the import panel.
import { expect, it } from 'vitest';
import { join } from 'node:path';
import { screenshot } from '../helpers/browser.ts';
import { ROOT } from '../helpers/server.ts';
import { openAs, useServerAndBrowser } from '../helpers/e2e.ts';
import { readSeedArticle } from '../helpers/articles.ts';
import { seedUser } from '../helpers/users.ts';

const SEED = readSeedArticle();

const LEAD_IMAGE = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400" viewBox="0 0 600 400">
<rect width="600" height="400" fill="#c9d3de"/><circle cx="200" cy="170" r="60" fill="#8fa3b8"/>
<path d="M0 400 L220 230 L360 330 L460 260 L600 360 L600 400 Z" fill="#6f859c"/></svg>`;

const e2e = useServerAndBrowser();

it('an editor pastes the seed article and sees the aligned pairs', async () => {
	const editor = seedUser(e2e.server.dataDir, 'editor', 'editor');
	const { ctx, page, errors } = await openAs(e2e, editor, '/', {
		viewport: { width: 1400, height: 1000 },
		// This machine has no way out to the news site: serve its lead image locally.
		setup: (ctx) => ctx.route('https://i.epochtimes.com/**', (route) => route.fulfill({ contentType: 'image/svg+xml', body: LEAD_IMAGE }))
	});

	await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Articles');
	await expect.poll(() => page.getByText('No articles yet.').isVisible()).toBe(true);

	await page.getByLabel('Paste text').check();
	await page.getByLabel('Article text').fill(SEED);
	await page.getByLabel('Format').selectOption('auto');
	await page.getByRole('button', { name: 'Import', exact: true }).click();

	await page.waitForURL(/\/articles\/\d+$/);
	const title = page.getByRole('heading', { level: 1 });
	await expect.poll(() => title.textContent()).toBe('美国务院：若俄朝达成武器交易 美将祭制裁');
	expect(await title.getAttribute('lang')).toBe('zh-Hans');

	const pairs = page.locator('.pair');
	await expect.poll(() => pairs.count()).toBe(24);
	const kind = (k: string) => page.locator(`.pair [data-kind="${k}"]`);
	expect(await kind('title').count()).toBe(1);
	expect(await kind('caption').count()).toBe(1);
	expect(await kind('paragraph').count()).toBe(21);
	expect(await kind('credit').textContent()).toContain('责任编辑：李缘');
	expect(await kind('caption').textContent()).toContain('普京与金正恩在俄罗斯远东地区的东方航天发射场');
	expect(await kind('paragraph').first().textContent()).toContain('【大纪元2023年09月14日讯】');

	// The lead image sits between the title and the caption, in place.
	const image = page.locator('[data-block-kind="image"] img');
	expect(await image.count()).toBe(1);
	expect(await image.getAttribute('src')).toBe('https://i.epochtimes.com/assets/uploads/2023/09/id14073258-000_33V48JK-600x400.jpg');
	const order = await page.locator('.pairs > .pair, .pairs > .block-row').evaluateAll((els) =>
		els.slice(0, 3).map((el) => (el.classList.contains('block-row') ? 'block' : (el.querySelector('[data-kind]') as HTMLElement).dataset.kind))
	);
	expect(order).toEqual(['title', 'block', 'caption']);

	// Links open in a new tab without a handle on the workbench; Chinese is marked as such.
	const link = page.locator('.pair a[href^="https://www.epochtimes.com/gb/tag/"]').first();
	expect(await link.textContent()).toBe('普京');
	expect(await link.getAttribute('target')).toBe('_blank');
	expect(await link.getAttribute('rel')).toContain('noopener');
	expect(await page.locator('.pair [data-kind][lang="zh-Hans"]').count()).toBe(24);

	// The English column is there, empty, one cell per segment.
	expect(await page.locator('.pair .target-cell[lang="en"]').count()).toBe(24);

	await screenshot(page, 'import-pairs');
	expect(errors).toEqual([]);

	// Back on the list, the article is there with its segment count.
	await page.getByRole('link', { name: 'Articles' }).first().click();
	await page.waitForURL(e2e.server.url + '/');
	const row = page.getByRole('row', { name: /美国务院：若俄朝达成武器交易/ });
	await expect.poll(() => row.textContent()).toContain('24');
	await screenshot(page, 'import-list');
	await ctx.close();
});

it('an editor uploads a file; a bad paste shows the error; a reviewer has no import panel', async () => {
	const { ctx, page } = await openAs(e2e, seedUser(e2e.server.dataDir, 'editor2', 'editor'), '/');

	await page.getByLabel(/Article file/).setInputFiles(join(ROOT, 'tests/fixtures/articles/epoch-n12862989-older-footer.md'));
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.waitForURL(/\/articles\/\d+$/);
	await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('为反制中共稀土垄断 北美一公司展开行动');
	expect(await page.locator('.pair [data-kind="heading"]').count()).toBe(3);

	await page.goto(e2e.server.url);
	await page.getByLabel('Paste text').check();
	await page.getByLabel('Article text').fill('<div>'.repeat(5000));
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	const alert = page.getByRole('alert');
	await expect.poll(() => alert.textContent()).toMatch(/nest/);
	expect(new URL(page.url()).pathname).toBe('/');
	await ctx.close();

	const reviewer = await openAs(e2e, seedUser(e2e.server.dataDir, 'reviewer', 'reviewer'), '/');
	await expect.poll(() => reviewer.page.getByRole('heading', { level: 1 }).textContent()).toBe('Articles');
	expect(await reviewer.page.getByRole('heading', { name: 'Import an article' }).count()).toBe(0);
	await reviewer.ctx.close();
});
