// The workbench in Chromium with several users, each in their own browser context (so
// y-websocket's BroadcastChannel cannot carry edits around the server).
import { beforeAll, describe, expect, it } from 'vitest';
import type { WebSocketRoute } from 'playwright-core';
import { screenshot } from '../helpers/browser.ts';
import { openWorkbench, useServerAndBrowser } from '../helpers/e2e.ts';
import { editor, editorText, focusedSegment } from '../helpers/workbench-page.ts';
import { seedUser, type SeededUser } from '../helpers/users.ts';
import { manySegments, seedArticle, type SeedSegment } from '../helpers/articles.ts';
import { connectClient, until, type YClient } from '../helpers/yclient.ts';

const SEED: SeedSegment[] = [
	{ kind: 'title', text: '美国务院：若俄朝达成武器交易 美将祭制裁' },
	{ kind: 'caption', text: '周三（2023年9月13日），普京与金正恩在俄罗斯远东地区的东方航天发射场会面。' },
	{ text: '【大纪元2023年09月14日讯】美国国务院周三（9月13日）表示，如果俄罗斯和朝鲜达成任何新的武器交易，美国政府将“毫不犹豫”对俄罗斯和朝鲜实施更多制裁。' },
	{ text: '在周三的新闻发布会上，美国国务院发言人马修‧米勒对俄罗斯总统普京和朝鲜领导人金正恩在俄罗斯会晤问题做出回应时，他发出上述警告。' },
	{ text: '米勒表示：“我们已经采取了一系列行动，制裁在朝鲜和俄罗斯之间斡旋军售的实体。”' },
	{ kind: 'credit', text: '责任编辑：李缘' }
];

const e2e = useServerAndBrowser();
let ana: SeededUser, ben: SeededUser, rita: SeededUser, ed: SeededUser;
let articleId: number;

beforeAll(() => {
	const { dataDir } = e2e.server;
	ana = seedUser(dataDir, 'ana', 'translator');
	ben = seedUser(dataDir, 'ben', 'translator');
	rita = seedUser(dataDir, 'rita', 'reviewer');
	ed = seedUser(dataDir, 'ed', 'editor');
	articleId = seedArticle(dataDir, SEED);
});

const open = (user: SeededUser, id = articleId) => openWorkbench(e2e, user, id);

describe('workbench', () => {
	it('two translators type into the same paragraph at once and converge; it survives a reload', async () => {
		const a = await open(ana);
		const b = await open(ben);
		await screenshot(a.page, 'workbench-empty');
		await editor(a.page, 's3').click();
		await editor(b.page, 's3').click();
		await Promise.all([
			a.page.keyboard.type('The State Department said on Wednesday ', { delay: 15 }),
			b.page.keyboard.type('that sanctions would follow. ', { delay: 15 })
		]);
		await until(async () => (await editorText(a.page, 's3')) === (await editorText(b.page, 's3')), 'convergence');
		const merged = await editorText(a.page, 's3');
		expect(merged).toContain('The State Department said on Wednesday');
		expect(merged).toContain('that sanctions would follow.');
		expect(merged.length).toBe('The State Department said on Wednesday '.length + 'that sanctions would follow. '.length);

		// Presence: each sees the other in pair 3 (avatar) and the remote caret inside it.
		await expect.poll(() => a.page.locator('[data-segment="s3"] .who li').count()).toBe(1);
		await expect.poll(() => a.page.locator('[data-segment="s3"] .remote-caret-label').textContent()).toBe('ben');
		await screenshot(a.page, 'workbench-presence');

		await a.page.reload();
		await a.page.locator('[data-sync="ok"]').waitFor();
		await expect.poll(() => editorText(a.page, 's3')).toBe(merged);
		// Typing in an empty pair made it a draft (server record, pushed live).
		await expect.poll(() => b.page.locator('[data-segment="s3"] select.status').inputValue()).toBe('draft');
		expect(a.errors).toEqual([]);
		expect(b.errors).toEqual([]);
		await a.ctx.close();
		await b.ctx.close();
	});

	it('a reviewer sees edits live, cannot type, and a forced write changes nothing on the server', async () => {
		const t = await open(ana);
		const r = await open(rita);
		expect(await r.page.getByRole('note').textContent()).toContain('Read-only');
		expect(await editor(r.page, 's4').getAttribute('contenteditable')).toBe('false');

		await editor(t.page, 's4').click();
		await t.page.keyboard.type('At Wednesday’s briefing, spokesman Matthew Miller', { delay: 5 });
		await expect.poll(() => editorText(r.page, 's4')).toBe('At Wednesday’s briefing, spokesman Matthew Miller');

		// The reviewer types into the read-only editor: nothing happens.
		await editor(r.page, 's4').click();
		await r.page.keyboard.type('XYZ');
		expect(await editorText(r.page, 's4')).not.toContain('XYZ');

		// Forced write: the reviewer's page writes into its own Y.Doc directly; the server
		// must drop it (never applied, broadcast or stored).
		await r.page.evaluate(() => {
			const w = window as unknown as { __duizhao: { views: Map<string, import('prosemirror-view').EditorView> } };
			const view = w.__duizhao.views.get('s4')!;
			view.dispatch(view.state.tr.insertText('FORGED ', 1));
		});
		expect(await editorText(r.page, 's4')).toContain('FORGED');
		const probe: YClient = await connectClient(e2e.server.wsUrl, articleId, ed.token);
		await new Promise((res) => setTimeout(res, 500));
		expect(probe.text('s4')).toBe('At Wednesday’s briefing, spokesman Matthew Miller');
		expect(await editorText(t.page, 's4')).not.toContain('FORGED');
		probe.destroy();
		await t.ctx.close();
		await r.ctx.close();
	});

	it('a status change by one user shows on the other page; Ctrl+Enter marks translated and moves on', async () => {
		const t = await open(ana);
		const r = await open(rita);
		await editor(t.page, 's5').click();
		await t.page.keyboard.type('Miller said: “We have taken a series of actions.”');
		await t.page.keyboard.press('Control+Enter');
		// Marked translated, and focus moved to the next open pair.
		await expect.poll(() => t.page.locator('[data-segment="s5"] select.status').inputValue()).toBe('translated');
		await expect.poll(() => focusedSegment(t.page)).not.toBe('s5');
		await expect.poll(() => r.page.locator('[data-segment="s5"] select.status').inputValue()).toBe('translated');

		// The reviewer approves; the translator's page shows it without reload.
		await r.page.locator('[data-segment="s5"] select.status').selectOption('approved');
		await expect.poll(() => t.page.locator('[data-segment="s5"] select.status').inputValue()).toBe('approved');
		// A translator may not approve: the server refuses (the UI does not offer it).
		const res = await fetch(`${e2e.server.url}/api/articles/${articleId}/segments/s4/status`, {
			method: 'PUT',
			headers: { ...ana.headers, 'content-type': 'application/json' },
			body: JSON.stringify({ status: 'approved' })
		});
		expect(res.status).toBe(403);
		await screenshot(t.page, 'workbench-mid-translation');
		await t.ctx.close();
		await r.ctx.close();
	});

	it('keyboard: copy the source, move between pairs, the shortcut list', async () => {
		const { ctx, page } = await open(ed);
		await editor(page, 's1').click();
		await page.keyboard.press('Control+Shift+S');
		await expect.poll(() => editorText(page, 's1')).toBe('美国务院：若俄朝达成武器交易 美将祭制裁');
		// Copying refuses to overwrite English that is already there.
		await page.keyboard.type(' X');
		await page.keyboard.press('Control+Shift+S');
		expect(await editorText(page, 's1')).toBe('美国务院：若俄朝达成武器交易 美将祭制裁 X');
		await page.keyboard.press('Alt+ArrowDown');
		await expect.poll(() => focusedSegment(page)).toBe('s2');
		await page.keyboard.press('Alt+ArrowDown');
		await page.keyboard.press('Alt+ArrowUp');
		await expect.poll(() => focusedSegment(page)).toBe('s2');
		// `?` outside the editor opens the list of shortcuts; Escape closes it.
		await page.locator('h1').click();
		await page.keyboard.press('?');
		await expect.poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible()).toBe(true);
		await screenshot(page, 'workbench-shortcuts');
		await page.keyboard.press('Escape');
		await expect.poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible()).toBe(false);
		// Clean up: the other tests expect an empty s1.
		await editor(page, 's1').click();
		await page.keyboard.press('Control+a');
		await page.keyboard.press('Delete');
		await expect.poll(() => editorText(page, 's1')).toBe('');
		await ctx.close();
	});

	it('editing offline continues and merges on reconnect', async () => {
		let blocked = false;
		const live: WebSocketRoute[] = [];
		const { ctx, page } = await openWorkbench(e2e, ben, articleId, {
			// The collab websocket through a switch: cut to go offline, let through to come back.
			setup: (ctx) =>
				ctx.routeWebSocket(/\/collab\//, (ws) => {
					if (blocked) return ws.close({ code: 1006 });
					ws.connectToServer();
					live.push(ws);
				})
		});
		const other = await open(ana);

		blocked = true;
		for (const ws of live.splice(0)) await ws.close({ code: 1006 });
		await page.locator('[data-sync="warn"]').waitFor();
		await editor(page, 's6').click();
		await page.keyboard.type('Editor in charge: Li Yuan');
		await expect.poll(() => page.locator('[data-sync]').textContent()).toContain('unsynced');
		// Meanwhile the other translator edits another pair.
		await editor(other.page, 's2').click();
		await other.page.keyboard.type('On Wednesday (Sept. 13, 2023), Putin met Kim Jong Un.');
		expect(await editorText(other.page, 's6')).toBe('');

		blocked = false;
		await page.locator('[data-sync="ok"]').waitFor({ timeout: 20_000 });
		await expect.poll(() => editorText(other.page, 's6')).toBe('Editor in charge: Li Yuan');
		await expect.poll(() => editorText(page, 's2')).toBe('On Wednesday (Sept. 13, 2023), Putin met Kim Jong Un.');
		await ctx.close();
		await other.ctx.close();
	});

	it('pasting an onerror image or a javascript: link leaves no handler or URL in the DOM', async () => {
		const { ctx, page } = await open(ed);
		await editor(page, 's1').click();
		await page.evaluate(() => {
			const target = document.querySelector('[data-segment="s1"] .target-editor')!;
			const data = new DataTransfer();
			data.setData(
				'text/html',
				'<p>US warns <img src=x onerror="window.__pwned=1"> <a href="javascript:window.__pwned=2">Moscow</a> and <a href="https://www.state.gov/">Pyongyang</a><script>window.__pwned=3</script></p>'
			);
			data.setData('text/plain', 'US warns Moscow and Pyongyang');
			target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
		});
		await expect.poll(() => editorText(page, 's1')).toContain('Moscow and Pyongyang');
		const html = await page.locator('.pairs').innerHTML();
		expect(html).not.toMatch(/onerror|javascript:|<script|<img[^>]+src="x"/i);
		expect(await editor(page, 's1').locator('a').getAttribute('href')).toBe('https://www.state.gov/');
		expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
		await ctx.close();
	});

	it('a 2,000-pair article mounts a bounded number of editors, and typing at the end works', async () => {
		const bigId = seedArticle(e2e.server.dataDir, manySegments(2000));
		const { ctx, page, errors } = await open(ana, bigId);
		const count = () => page.locator('.ProseMirror').count();
		expect(await count()).toBeGreaterThan(0);
		expect(await count()).toBeLessThanOrEqual(41);
		await page.locator('[data-segment="s2000"]').scrollIntoViewIfNeeded();
		await editor(page, 's2000').click();
		await page.keyboard.type('The last paragraph.');
		expect(await count()).toBeLessThanOrEqual(41);
		const probe = await connectClient(e2e.server.wsUrl, bigId, ed.token);
		await until(() => probe.text('s2000') === 'The last paragraph.', 'the last pair on the server');
		probe.destroy();
		expect(errors).toEqual([]);
		await ctx.close();
	});
});
