// The glossary and QA in Chromium, one browser context per user: add a term from a
// source selection, see it highlighted (on a second user's page too, live), insert its
// rendering with Alt+1, watch a QA underline and badge appear and go; the /glossary page;
// and 5,000 terms over a 2,000-pair article.
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../helpers/browser.ts';
import { openAs, openWorkbench, useServerAndBrowser } from '../helpers/e2e.ts';
import { editor, editorText, focusedSegment, selectSource } from '../helpers/workbench-page.ts';
import { seedUser, type SeededUser } from '../helpers/users.ts';
import { manySegments, seedArticle, type SeedSegment } from '../helpers/articles.ts';
import { until } from '../helpers/yclient.ts';

const SEED: SeedSegment[] = [
	{ kind: 'title', text: '美国务院：若俄朝达成武器交易 美将祭制裁' },
	{ text: '普京与金正恩会面。' },
	{ text: '米勒认为，普京向金正恩寻求帮助，表明他在2022年对乌克兰全面入侵是一次“战略失败”。' },
	{ kind: 'credit', text: '责任编辑：李缘' }
];

const e2e = useServerAndBrowser();
let ana: SeededUser, ben: SeededUser, ed: SeededUser;
let articleId: number;

beforeAll(() => {
	const { dataDir } = e2e.server;
	ana = seedUser(dataDir, 'ana', 'translator');
	ben = seedUser(dataDir, 'ben', 'translator');
	ed = seedUser(dataDir, 'ed', 'editor');
	articleId = seedArticle(dataDir, SEED);
});

describe('glossary and QA in the workbench', () => {
	it('adds a term from a selection, highlights it live, inserts it with Alt+1, and underlines QA findings', async () => {
		const a = await openWorkbench(e2e, ana, articleId);
		const b = await openWorkbench(e2e, ben, articleId);

		await selectSource(a.page, 's2', '普京');
		await a.page.getByRole('toolbar', { name: 'Actions on the selected source text' }).getByRole('button', { name: 'Add to glossary' }).click();
		const dialog = a.page.getByRole('dialog', { name: 'Add to glossary' });
		await dialog.waitFor();
		expect(await dialog.getByLabel('Chinese term').inputValue()).toBe('普京');
		await dialog.getByLabel('Type').selectOption('person');
		await dialog.getByLabel(/English rendering/).fill('Putin');
		await dialog.getByLabel('Note').fill('Russian president');
		await dialog.getByRole('button', { name: 'Add term' }).click();
		await dialog.waitFor({ state: 'detached' });

		// Highlighted in every pair that has the term, with rendering and note on hover —
		// on this page and, pushed live, on the other translator's.
		for (const page of [a.page, b.page]) {
			const mark = page.locator('[data-segment="s2"] mark.hl-term');
			await mark.waitFor();
			expect(await mark.textContent()).toBe('普京');
			expect(await mark.getAttribute('title')).toBe('Putin — Russian president');
			await page.locator('[data-segment="s3"] mark.hl-term').waitFor();
		}

		// Alt+1 in the pair's English inserts the rendering; the hint beside the pair says so.
		await editor(a.page, 's2').click();
		await a.page.locator('[data-segment="s2"] .term-hints').getByText('Putin').waitFor();
		await a.page.keyboard.press('Alt+1');
		await expect.poll(() => editorText(a.page, 's2')).toBe('Putin');

		// Chinese punctuation in the English: underlined (and counted on the badge) once the
		// debounced check runs; deleting it removes both.
		await a.page.keyboard.type(' met Kim Jong Un，');
		const mark = editor(a.page, 's2').locator('.qa-mark[data-qa="cjk-punctuation"]');
		await mark.waitFor();
		expect(await mark.textContent()).toBe('，');
		expect(await mark.getAttribute('class')).toContain('qa-warning');
		const badge = a.page.locator('[data-segment="s2"] .qa-badge');
		await badge.waitFor();
		expect(await badge.textContent()).toContain('QA: 1 warning');
		// The QA panel lists it under its pair; its button jumps there.
		expect(await a.page.locator('.qa-panel').textContent()).toContain('Chinese punctuation');
		await screenshot(a.page, 'glossary-qa');

		await a.page.keyboard.press('Backspace');
		await a.page.keyboard.type('.');
		await expect.poll(() => editorText(a.page, 's2')).toBe('Putin met Kim Jong Un.');
		await expect.poll(() => editor(a.page, 's2').locator('.qa-mark').count()).toBe(0);
		await badge.waitFor({ state: 'detached' });

		// A glossary finding without a range shows on the badge and in the panel: pair 3
		// mentions 普京 but its English does not say Putin.
		await editor(a.page, 's3').click();
		await a.page.keyboard.type('Miller said the Russian leader’s appeal to Kim showed that his 2022 invasion was a “strategic failure”.');
		await a.page.locator('[data-segment="s3"] .qa-badge').waitFor();
		// English selected in the focused editor prefills the rendering of a new term.
		await a.page.keyboard.press('Control+Home');
		for (let i = 0; i < 'Miller'.length; i++) await a.page.keyboard.press('Shift+ArrowRight');
		// The editor reads the DOM selection on (asynchronous) selectionchange events.
		await expect
			.poll(() =>
				a.page.evaluate(() => {
					const view = (window as unknown as { __duizhao: { views: Map<string, import('prosemirror-view').EditorView> } }).__duizhao.views.get('s3')!;
					return view.state.doc.textBetween(view.state.selection.from, view.state.selection.to);
				})
			)
			.toBe('Miller');
		await selectSource(a.page, 's3', '米勒');
		await a.page.getByRole('button', { name: 'Add to glossary' }).click();
		const second = a.page.getByRole('dialog', { name: 'Add to glossary' });
		expect(await second.getByLabel('Chinese term').inputValue()).toBe('米勒');
		expect(await second.getByLabel(/English rendering/).inputValue()).toBe('Miller');
		await second.getByRole('button', { name: 'Cancel' }).click();
		await second.waitFor({ state: 'detached' });
		await a.page.locator('.qa-panel').getByRole('button', { name: 'Pair 3' }).click();
		await expect.poll(() => a.page.locator('.qa-panel').textContent()).toContain('普京 → “Putin” is not in the English');
		await expect.poll(() => focusedSegment(a.page)).toBe('s3');

		// The filter keeps the pairs with errors or warnings.
		await a.page.locator('.filters label', { hasText: 'Has QA errors' }).click();
		await expect.poll(() => a.page.locator('section[data-segment]').evaluateAll((els) => els.map((e) => e.getAttribute('data-segment')))).toEqual(['s3']);

		expect(a.errors).toEqual([]);
		expect(b.errors).toEqual([]);
		await a.ctx.close();
		await b.ctx.close();
	});

	it('the /glossary page searches, edits and deletes (editor)', async () => {
		const { ctx, page, errors } = await openAs(e2e, ed, '/glossary');
		await page.locator('[data-live="true"]').waitFor();
		const res = await fetch(`${e2e.server.url}/api/glossary`, {
			method: 'POST',
			headers: { ...ed.headers, 'content-type': 'application/json' },
			body: JSON.stringify({ source: '金正恩', targets: ['Kim Jong Un'], type: 'person', forbidden: ['Kim Jong-un'], note: 'North Korean leader' })
		});
		expect(res.status).toBe(201);
		// Added elsewhere: the open page shows it live.
		await page.locator('tbody th', { hasText: '金正恩' }).waitFor();
		expect(await page.locator('tbody tr').count()).toBe(2);
		await page.getByRole('searchbox', { name: 'Search the glossary' }).fill('korean');
		await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
		await page.getByRole('searchbox', { name: 'Search the glossary' }).fill('');
		await expect.poll(() => page.locator('tbody tr').count()).toBe(2);
		await screenshot(page, 'glossary-page');

		await page.getByRole('button', { name: 'Edit 普京' }).click();
		const dialog = page.getByRole('dialog', { name: 'Edit glossary entry' });
		await dialog.getByLabel('Forbidden variants').fill('Poutine');
		await dialog.getByRole('button', { name: 'Save changes' }).click();
		await dialog.waitFor({ state: 'detached' });
		await page.locator('tr', { hasText: '普京' }).getByText('Poutine').waitFor();

		page.once('dialog', (d) => void d.accept());
		await page.getByRole('button', { name: 'Delete 金正恩' }).click();
		await page.locator('tbody th', { hasText: '金正恩' }).waitFor({ state: 'detached' });
		const list = (await (await fetch(`${e2e.server.url}/api/glossary`, { headers: ed.headers })).json()) as { entries: { source: string; forbidden: string[] }[] };
		expect(list.entries.map((e) => [e.source, e.forbidden])).toEqual([['普京', ['Poutine']]]);
		expect(errors).toEqual([]);
		await ctx.close();
	});

	it('5,000 terms over a 2,000-pair article: terms highlighted, typing and Alt+1 work, QA completes', async () => {
		// 4,997 filler terms that occur nowhere, plus three that occur in every pair.
		const rows = ['source,targets,type,note,forbidden,doNotTranslate', '俄罗斯,Russia,place,,,false', '朝鲜,North Korea,place,,,false', '制裁,sanctions,term,,,false'];
		for (let i = 0; rows.length < 5001; i++) rows.push(`词${String.fromCodePoint(0x4e00 + ((i * 37) % 20000))}${String.fromCodePoint(0x9000 + (i % 500))}${i},term ${i},term,,,false`);
		const imported = await fetch(`${e2e.server.url}/api/glossary/import`, { method: 'POST', headers: { ...ed.headers, 'content-type': 'text/csv' }, body: rows.join('\n') });
		expect(imported.status).toBe(200);
		expect(((await imported.json()) as { created: number }).created).toBe(5000);

		const bigId = seedArticle(e2e.server.dataDir, manySegments(2000));
		const { ctx, page, errors } = await openWorkbench(e2e, ana, bigId);
		const marks = page.locator('[data-segment="s2"] mark.hl-term');
		await marks.first().waitFor();
		expect(await marks.allTextContents()).toEqual(['俄罗斯', '朝鲜', '制裁']);
		// Every pair was checked (the panel stops saying “Checking…”).
		await expect.poll(() => page.locator('.qa-panel [role="status"]').textContent(), { timeout: 60_000 }).not.toBe('Checking…');

		await page.locator('[data-segment="s1500"]').scrollIntoViewIfNeeded();
		await page.locator('[data-segment="s1500"] mark.hl-term').first().waitFor();
		await editor(page, 's1500').click();
		await page.keyboard.type('Paragraph 1499: ');
		await page.keyboard.press('Alt+1');
		await expect.poll(() => editorText(page, 's1500')).toBe('Paragraph 1499: Russia');
		await until(async () => (await page.locator('[data-segment="s1500"] .qa-badge').count()) > 0, 'the QA badge of the half-translated pair');
		expect(errors).toEqual([]);
		await ctx.close();
	});
});
