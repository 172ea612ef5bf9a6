// XLIFF import against a real in-process collab server (HTTP on port 0, SQLite in a temp
// dir, a real y-websocket client): what gets filled, what is skipped, that an open page
// sees it live, and the statuses and credits it leaves.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Runtime } from '../runtime.ts';
import { HttpError } from '../http/errors.ts';
import { XLIFF_NS } from '../../export/index.ts';
import type { SessionUser } from '../../types.ts';
import { seedUser } from '../../../../tests/helpers/users.ts';
import { seedArticle } from '../../../../tests/helpers/articles.ts';
import { connect, plainText, segmentText, waitFor, type Client } from '../../../../tests/helpers/collab.ts';
import { startInProcessCollab, type InProcessCollab } from '../../../../tests/helpers/inprocess.ts';
import { loadCredits } from './export.ts';
import { fillUpdate, importedStatus, importXliff } from './xliff-import.ts';
import { targetsFromState } from './targets.ts';

let dir: string;
let rt: Runtime;
let env: InProcessCollab;
let wsBase: string;
let editor: SessionUser;
let token: string;
let articleId: number;
let clients: Client[];

beforeEach(async () => {
	env = await startInProcessCollab('duizhao-xliff-');
	({ dir, rt, wsBase } = env);
	const seeded = seedUser(dir, 'ed', 'editor');
	rt.db.prepare(`UPDATE users SET display_name = 'Ed Itor' WHERE id = ?`).run(seeded.id);
	editor = { id: seeded.id, name: 'ed', displayName: 'Ed Itor', role: 'editor', color: '#000000' };
	token = seeded.token;
	articleId = seedArticle(dir, [{ text: '标题' }, { text: '第一段' }, { text: '第二段' }, { text: '第三段' }]);
	clients = [];
});

afterEach(async () => {
	for (const c of clients) c.destroy();
	await env.close();
});

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
/** A returned XLIFF file: units `[id, source, target|null, state]`. */
function xlf(units: [string, string, string | null, string][]): string {
	const body = units
		.map(([id, src, trg, state]) => `<unit id="${id}"><segment state="${state}"><source>${esc(src)}</source>${trg === null ? '' : `<target>${esc(trg)}</target>`}</segment></unit>`)
		.join('');
	return `<?xml version="1.0" encoding="UTF-8"?><xliff xmlns="${XLIFF_NS}" version="2.0" srcLang="zh-Hans" trgLang="en"><file id="f1">${body}</file></xliff>`;
}
const statusOf = (id: string) => (rt.db.prepare('SELECT status FROM segment_status WHERE article_id = ? AND segment_id = ?').get(articleId, id) as { status: string } | undefined)?.status;

describe('fillUpdate', () => {
	it('writes one paragraph per segment (line ends as hard breaks) and nothing when unchanged', () => {
		const empty = Y.encodeStateAsUpdate(new Y.Doc());
		const update = fillUpdate(empty, [{ segmentId: 's1', text: 'Line one\nline two' }])!;
		const doc = new Y.Doc();
		Y.applyUpdate(doc, update);
		const target = targetsFromState(Y.encodeStateAsUpdate(doc), ['s1']).s1!;
		expect(target).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Line one' }, { type: 'hard_break' }, { type: 'text', text: 'line two' }] }] });
		expect(fillUpdate(Y.encodeStateAsUpdate(doc), [{ segmentId: 's1', text: 'Line one\nline two' }])).toBeNull();
	});
	it('caps imported statuses at translated', () => {
		expect(['draft', 'translated', 'reviewed', 'approved'].map((s) => importedStatus(s as 'draft'))).toEqual(['draft', 'translated', 'translated', 'translated']);
	});
});

describe('importXliff', () => {
	it('fills empty pairs live, skips written ones, sets statuses and credits the importer', async () => {
		const page = connect(wsBase, articleId, { token });
		clients.push(page);
		await page.synced;
		segmentText(page.doc, 's2').insert(0, 'Already written');
		// Typing in an empty pair makes it a draft: the server has the text.
		await waitFor(() => statusOf('s2') === 'draft', 'typed text reached the server');

		const result = await importXliff(
			rt,
			editor,
			articleId,
			xlf([
				['s1', '标题', 'The headline', 'final'],
				['s2', '第一段', 'Replacement', 'translated'],
				['s3', '第二段', null, 'initial'],
				['s4', '别的', 'Other text', 'translated'],
				['s9', '无', 'Nowhere', 'translated']
			])
		);
		expect(result.filled).toEqual(['s1']);
		expect(result.skipped).toEqual([
			{ id: 's2', reason: 'has-translation' },
			{ id: 's3', reason: 'no-target' },
			{ id: 's4', reason: 'source-mismatch' },
			{ id: 's9', reason: 'unknown-unit' }
		]);
		await waitFor(() => plainText(page.doc, 's1') === 'The headline', 'the open page sees the import');
		expect(plainText(page.doc, 's2')).toBe('Already written');
		expect(statusOf('s1')).toBe('translated');
		expect(loadCredits(rt.db, articleId).translators).toEqual(['Ed Itor']);

		const again = await importXliff(rt, editor, articleId, xlf([['s2', '第一段', 'Replacement', 'reviewed']]), { overwrite: true });
		expect(again.filled).toEqual(['s2']);
		await waitFor(() => plainText(page.doc, 's2') === 'Replacement', 'overwrite reaches the page');
		expect(statusOf('s2')).toBe('translated');
	});

	it('refuses files that are not XLIFF (400) and unknown articles (404), writing nothing', async () => {
		const before = rt.db.prepare('SELECT count(*) AS n FROM ydoc_updates').get();
		const err = await importXliff(rt, editor, articleId, '<html/>').catch((e: unknown) => e);
		expect(err).toBeInstanceOf(HttpError);
		expect(err).toMatchObject({ status: 400, message: expect.stringMatching(/Not an XLIFF 2\.0 document/) });
		await expect(importXliff(rt, editor, articleId, '<!DOCTYPE x [<!ENTITY a "b">]><x/>')).rejects.toMatchObject({ status: 400 });
		await expect(importXliff(rt, editor, 999, xlf([]))).rejects.toMatchObject({ status: 404 });
		expect(rt.db.prepare('SELECT count(*) AS n FROM ydoc_updates').get()).toEqual(before);
	});
});

