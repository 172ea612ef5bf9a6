// Review in Chromium, one browser context per user: a reviewer comments on a source span
// (with an @mention), the translator sees the badge live, replies and resolves; the
// reviewer (as fact-checker) records a claim from a source selection, links it to English
// words and resolves it; the translator edits those words; both pages flag "re-check".
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../helpers/browser.ts';
import { openWorkbench, useServerAndBrowser } from '../helpers/e2e.ts';
import { editor, selectSource } from '../helpers/workbench-page.ts';
import { importArticle, readSeedArticle } from '../helpers/articles.ts';
import { seedUser, type SeededUser } from '../helpers/users.ts';
import { connectClient, until } from '../helpers/yclient.ts';

const ENGLISH_S5 = 'Miller said: “We have already taken a series of actions to sanction entities brokering arms sales.”';

const e2e = useServerAndBrowser();
let ana: SeededUser, rita: SeededUser, ed: SeededUser;
let articleId: number;

beforeAll(async () => {
	const { server } = e2e;
	ana = seedUser(server.dataDir, 'ana', 'translator');
	rita = seedUser(server.dataDir, 'rita', 'reviewer');
	ed = seedUser(server.dataDir, 'ed', 'editor');
	articleId = (await importArticle(server.url, ed, readSeedArticle())).id;
	// The English the claim will be linked to, written by a bot client before the pages open.
	const bot = await connectClient(server.wsUrl, articleId, ed.token);
	bot.setText('s5', ENGLISH_S5);
	const probe = await connectClient(server.wsUrl, articleId, ana.token);
	await until(() => probe.text('s5') === ENGLISH_S5, 'the English on the server');
	probe.destroy();
	bot.destroy();
});

const open = (user: SeededUser) =>
	openWorkbench(e2e, user, articleId, {
		viewport: { width: 1500, height: 950 },
		// No way out to the news site's image host here: answer locally.
		setup: (ctx) => ctx.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 204, body: '' }))
	});

/** Selects `words` inside a pair's English editor with a DOM selection (read-only editors too). */
async function selectEnglish(page: Page, segmentId: string, words: string): Promise<void> {
	await page.evaluate(
		({ segmentId, words }) => {
			const root = document.querySelector(`[data-segment="${segmentId}"] .target-editor`)!;
			const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
				const i = (n as Text).data.indexOf(words);
				if (i < 0) continue;
				const range = document.createRange();
				range.setStart(n, i);
				range.setEnd(n, i + words.length);
				window.getSelection()!.removeAllRanges();
				window.getSelection()!.addRange(range);
				return;
			}
			throw new Error(`${words} not in the English of ${segmentId}`);
		},
		{ segmentId, words }
	);
}

const badge = (page: Page, segmentId: string) => page.locator(`[data-segment="${segmentId}"] .review-badges .comments`);

describe('review in the workbench', () => {
	it('comment threads, then a claim that needs re-checking after the English changes', async () => {
		const r = await open(rita);
		const t = await open(ana);

		// The reviewer selects 马修‧米勒 in pair 4 and comments, mentioning the translator.
		await selectSource(r.page, 's4', '马修‧米勒');
		await r.page.locator('.sel-actions').getByRole('button', { name: 'Comment' }).click();
		const composer = r.page.getByRole('form', { name: 'New comment' });
		await expect.poll(() => composer.textContent()).toContain('马修‧米勒');
		const box = composer.getByRole('combobox', { name: 'Comment' });
		await box.pressSequentially('Is this the spokesman Matthew Miller? @an');
		await r.page.getByRole('option', { name: /@ana/ }).waitFor();
		await box.press('Enter');
		expect(await box.inputValue()).toBe('Is this the spokesman Matthew Miller? @ana ');
		await box.pressSequentially('please check.');
		await composer.getByRole('button', { name: 'Post comment' }).click();
		const rThread = r.page.locator('[data-thread]').first();
		await expect.poll(() => rThread.textContent()).toContain('please check.');
		// The span is highlighted in the source.
		await expect.poll(() => r.page.locator('[data-segment="s4"] mark.hl-comment').textContent()).toBe('马修‧米勒');

		// The translator sees the badge appear without reloading, opens the thread, replies, resolves.
		await expect.poll(() => badge(t.page, 's4').textContent(), { timeout: 10_000 }).toContain('1');
		// "Has open comments" shows only that pair.
		await t.page.locator('fieldset.filters label', { hasText: 'Has open comments' }).click();
		await expect.poll(() => t.page.locator('.pair').count()).toBe(1);
		expect(await t.page.locator('.pair').getAttribute('data-segment')).toBe('s4');
		await t.page.locator('fieldset.filters label', { hasText: 'All' }).click();
		await expect.poll(() => t.page.locator('.pair').count()).toBe(24);
		await badge(t.page, 's4').click();
		const tThread = t.page.locator('[data-thread]').first();
		await expect.poll(() => tThread.textContent()).toContain('Is this the spokesman Matthew Miller?');
		expect(await tThread.locator('.mention').textContent()).toBe('@ana');
		await tThread.getByRole('button', { name: 'Reply' }).click();
		await tThread.getByRole('combobox', { name: 'Reply' }).fill('Yes: Matthew Miller, State Department spokesman.');
		await tThread.getByRole('button', { name: 'Send reply' }).click();
		await expect.poll(() => rThread.textContent()).toContain('Yes: Matthew Miller, State Department spokesman.');
		await screenshot(t.page, 'review-comments');
		await tThread.getByRole('button', { name: 'Resolve' }).click();
		await expect.poll(() => badge(r.page, 's4').count()).toBe(0);
		await expect.poll(() => badge(t.page, 's4').count()).toBe(0);
		await expect.poll(() => r.page.locator('[data-thread]').count()).toBe(0); // the Open filter hides it
		await r.page.locator('.filter label', { hasText: 'Resolved' }).click();
		await expect.poll(() => r.page.locator('[data-thread] .state').textContent()).toBe('resolved');

		// The translator was @mentioned: the inbox link shows it.
		const inbox = await t.ctx.newPage();
		await inbox.goto(`${e2e.server.url}/inbox`);
		await expect.poll(() => inbox.locator('[data-mention]').first().textContent()).toContain('please check.');
		await inbox.close();

		// The reviewer, as fact-checker, records a claim from a source selection in pair 5.
		await selectSource(r.page, 's5', '我们已经采取了一系列行动');
		await r.page.locator('.sel-actions').getByRole('button', { name: 'Fact-check' }).click();
		const card = r.page.getByRole('article', { name: 'New claim' });
		await card.getByLabel('Claimant').fill('米勒 / Matthew Miller');
		await card.getByLabel('Verdict').selectOption('mostly_true');
		await card.getByRole('button', { name: '+ Add evidence link' }).click();
		await card.getByLabel('Evidence 1 URL').fill('https://www.state.gov/briefings/department-press-briefing-september-13-2023/');
		await card.getByLabel('Evidence 1 title').fill('Department Press Briefing, September 13, 2023');
		await card.getByLabel('Note').fill('Said at the briefing; sanctions already imposed in August.');
		// Link the English words the claim became (the reviewer's editor is read-only).
		await selectEnglish(r.page, 's5', 'a series of actions');
		await card.getByRole('button', { name: 'Link selected English' }).click();
		await expect.poll(() => card.locator('.english q').textContent()).toBe('a series of actions');
		await card.getByRole('button', { name: 'Create claim' }).click();

		const rClaim = r.page.locator('[data-claim]:not([data-claim="new"])').first();
		await expect.poll(() => rClaim.getByLabel('Claimant').inputValue()).toBe('米勒 / Matthew Miller');
		expect(await rClaim.getByLabel('Evidence 1 title').inputValue()).toBe('Department Press Briefing, September 13, 2023');
		await rClaim.getByRole('button', { name: 'Resolve' }).click();
		await expect.poll(() => rClaim.locator('.status').textContent()).toBe('resolved');
		// Highlighted in the source with its verdict, and in both pages' English.
		await expect.poll(() => r.page.locator('[data-segment="s5"] mark.hl-claim.verdict-mostly_true').textContent()).toBe('我们已经采取了一系列行动');
		await expect.poll(() => t.page.locator('[data-segment="s5"] .target-editor .hl-target-claim').textContent()).toBe('a series of actions');

		// The translator edits the linked English.
		await setCaret(t.page, 's5', 'actions');
		await t.page.keyboard.type('concrete ');
		await expect.poll(() => t.page.locator('[data-segment="s5"] .target-editor .hl-target-claim').textContent()).toBe('a series of concrete actions');

		// Both pages flag the claim for re-checking: on the row and on the card.
		for (const page of [t.page, r.page]) {
			await expect.poll(() => page.locator('[data-segment="s5"] .review-badges .claims').textContent(), { timeout: 15_000 }).toContain('re-check');
		}
		await expect.poll(() => rClaim.locator('.recheck-flag').textContent()).toBe('re-check');
		await t.page.getByRole('tab', { name: /Claims/ }).click();
		await expect.poll(() => t.page.locator('[data-claim] .recheck-flag').first().textContent()).toBe('re-check');
		// The translator may not resolve it; the reviewer checks again and resolves.
		expect(await t.page.locator('[data-claim]').first().getByRole('button', { name: /resolve/i }).count()).toBe(0);
		await screenshot(r.page, 'review-claims');
		await rClaim.getByRole('button', { name: 'Checked again — resolve' }).click();
		await expect.poll(() => t.page.locator('[data-claim] .recheck-flag').count()).toBe(0);

		expect(r.errors).toEqual([]);
		expect(t.errors).toEqual([]);
		await r.ctx.close();
		await t.ctx.close();
	});

	it('a comment on English words is highlighted in the editors and shows "orphaned" when the words are deleted', async () => {
		const t = await open(ana);
		const r = await open(rita);
		await editor(t.page, 's6').click();
		await t.page.keyboard.type('He said it was troubling that Russia and North Korea were discussing closer cooperation.');
		await expect.poll(() => editor(r.page, 's6').textContent()).toContain('closer cooperation.');

		// The reviewer selects words in the (read-only) English and comments on them.
		await r.page.getByRole('tab', { name: /Comments/ }).click();
		await selectEnglish(r.page, 's6', 'closer cooperation');
		await r.page.getByRole('button', { name: 'Comment on selected English' }).click();
		const composer = r.page.getByRole('form', { name: 'New comment' });
		await expect.poll(() => composer.locator('q').textContent()).toBe('closer cooperation');
		await composer.getByRole('combobox', { name: 'Comment' }).fill('“Closer” or “strengthened”?');
		await composer.getByRole('button', { name: 'Post comment' }).click();
		await expect.poll(() => t.page.locator('[data-segment="s6"] .target-editor .hl-target-comment').textContent()).toBe('closer cooperation');

		// The translator types before the words: the highlight follows them.
		await setCaret(t.page, 's6', 'were discussing');
		await t.page.keyboard.type('still ');
		await expect.poll(() => r.page.locator('[data-segment="s6"] .target-editor .hl-target-comment').textContent()).toBe('closer cooperation');

		// Deleting the words orphans the comment on both pages; its quote stays.
		await setCaret(t.page, 's6', 'closer cooperation', 'closer cooperation'.length);
		await t.page.keyboard.press('Backspace');
		await expect.poll(() => editor(t.page, 's6').textContent()).toContain('discussing .');
		for (const page of [t.page, r.page]) {
			const thread = page.locator('[data-thread]', { hasText: 'strengthened' });
			await expect.poll(() => thread.locator('.orphaned').textContent()).toBe('orphaned');
			expect(await thread.locator('q.gone').textContent()).toBe('closer cooperation');
		}
		expect(await t.page.locator('[data-segment="s6"] .hl-target-comment').count()).toBe(0);

		// Markup in records is text, never HTML: a comment and a claim pushed live to the page.
		const post = (path: string, body: unknown) =>
			fetch(`${e2e.server.url}/api/articles/${articleId}/${path}`, { method: 'POST', headers: { ...rita.headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
		expect((await post('comments', { segmentId: 's7', body: '<img src=x onerror="window.__pwned=1">' })).status).toBe(201);
		expect((await post('claims', { segmentId: 's7', anchor: { start: 0, end: 1, quote: '“' }, claimant: '<script>window.__pwned=2</script>', note: '<b onmouseover=alert(1)>x</b>', evidence: [{ url: 'https://example.org/"><script>window.__pwned=3</script>', title: '<svg onload=window.__pwned=4>' }] })).status).toBe(201);
		await expect.poll(() => t.page.locator('[data-thread]', { hasText: 'onerror' }).count()).toBe(1);
		await t.page.getByRole('tab', { name: /Claims/ }).click();
		await expect.poll(() => t.page.locator('[data-claim]').count()).toBeGreaterThan(0);
		const panel = await t.page.locator('.panel').first().innerHTML();
		expect(panel).not.toMatch(/<img|<script|<svg|<b /i);
		expect(await t.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
		expect(t.errors).toEqual([]);
		expect(r.errors).toEqual([]);
		await t.ctx.close();
		await r.ctx.close();
	});
});

/** Puts the translator's caret before `words` (selecting `length` characters of them). */
async function setCaret(page: Page, segmentId: string, words: string, length = 0): Promise<void> {
	await page.evaluate(
		({ segmentId, words, length }) => {
			const w = window as unknown as { __duizhao: { views: Map<string, import('prosemirror-view').EditorView> } };
			const view = w.__duizhao.views.get(segmentId)!;
			const at = 1 + view.state.doc.textContent.indexOf(words);
			const Selection = view.state.selection.constructor as typeof import('prosemirror-state').TextSelection;
			view.focus();
			view.dispatch(view.state.tr.setSelection(Selection.create(view.state.doc, at, at + length)));
		},
		{ segmentId, words, length }
	);
}
