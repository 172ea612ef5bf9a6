// The glossary and QA through the HTTP contract against the real production server:
// entries via the API with role rules and validation, CSV import/export, TBX export, and
// the QA endpoint reporting a missing glossary rendering in English written by a real
// y-websocket client — then not, once the English is fixed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { startServer, type TestServer } from '../helpers/server.ts';
import { importArticle, readSeedArticle } from '../helpers/articles.ts';
import { seedUser, type SeededUser } from '../helpers/users.ts';
import { connectClient, until, type YClient } from '../helpers/yclient.ts';
import type { GlossaryEntry } from '../../src/lib/types.ts';

let server: TestServer;
let ed: SeededUser, ana: SeededUser, rita: SeededUser;
beforeAll(async () => {
	server = await startServer();
	ed = seedUser(server.dataDir, 'ed', 'editor');
	ana = seedUser(server.dataDir, 'ana', 'translator');
	rita = seedUser(server.dataDir, 'rita', 'reviewer');
});
afterAll(async () => {
	await server?.dispose();
});

function api(path: string, user: SeededUser | null, init: { method?: string; json?: unknown; body?: BodyInit; type?: string } = {}) {
	const headers: Record<string, string> = { ...(user?.headers ?? {}) };
	let body = init.body;
	if (init.json !== undefined) {
		headers['content-type'] = 'application/json';
		body = JSON.stringify(init.json);
	} else if (init.type) headers['content-type'] = init.type;
	return fetch(`${server.url}${path}`, { method: init.method ?? 'GET', headers, body });
}

async function entries(q?: string): Promise<GlossaryEntry[]> {
	const res = await api(`/api/glossary${q ? `?q=${encodeURIComponent(q)}` : ''}`, rita);
	expect(res.status).toBe(200);
	return ((await res.json()) as { entries: GlossaryEntry[] }).entries;
}

async function expectError(res: Response, status: number, code: string): Promise<{ code: string; message: string; rows?: unknown[] }> {
	expect(res.status).toBe(status);
	expect(res.headers.get('content-type')).toMatch(/application\/json/);
	const body = (await res.json()) as { error: { code: string; message: string; rows?: unknown[] } };
	expect(body.error.code).toBe(code);
	expect(body.error.message.length).toBeGreaterThan(5);
	return body.error;
}

interface QaFinding {
	segmentId: string;
	code: string;
	severity: string;
	message: string;
}

async function qa(articleId: number): Promise<QaFinding[]> {
	const res = await api(`/api/articles/${articleId}/qa`, rita);
	expect(res.status).toBe(200);
	return ((await res.json()) as { findings: QaFinding[] }).findings;
}

describe('glossary API', () => {
	let putinId: number;

	it('a translator adds 普京 → Putin: 201 {id}, readable by everyone', async () => {
		const res = await api('/api/glossary', ana, {
			method: 'POST',
			json: { source: '普京', target: 'Putin', type: 'person', note: 'Russian president', forbidden: ['Poutine'] }
		});
		expect(res.status).toBe(201);
		const body = (await res.json()) as { id: number };
		expect(Object.keys(body)).toEqual(['id']);
		putinId = body.id;
		const [e] = await entries();
		expect(e).toMatchObject({ id: putinId, source: '普京', targets: ['Putin'], type: 'person', note: 'Russian president', forbidden: ['Poutine'], doNotTranslate: false, createdBy: { id: ana.id, name: 'ana' } });
		const one = await api(`/api/glossary/${putinId}`, rita);
		expect(await one.json()).toEqual(e);
	});

	it('applies the roles: 401 without auth, reviewers cannot add, translators cannot delete', async () => {
		await expectError(await api('/api/glossary', null), 401, 'unauthorized');
		await expectError(await api('/api/glossary', rita, { method: 'POST', json: { source: '金正恩', target: 'Kim Jong Un' } }), 403, 'forbidden');
		await expectError(await api(`/api/glossary/${putinId}`, rita, { method: 'PATCH', json: { note: 'x' } }), 403, 'forbidden');
		await expectError(await api(`/api/glossary/${putinId}`, ana, { method: 'DELETE' }), 403, 'forbidden');
		expect((await entries()).map((e) => e.source)).toEqual(['普京']);
	});

	it('refuses bad input with 400 and stores nothing', async () => {
		const bad: unknown[] = [
			{ target: 'Kim Jong Un' },
			{ source: '', target: 'Kim Jong Un' },
			{ source: '金正恩' },
			{ source: '金正恩', target: 'Kim Jong Un', type: 'dictator' },
			{ source: '金正恩', target: 'x'.repeat(201) },
			{ source: '金正恩', target: 'Kim Jong Un', forbidden: 'Kim Jong-un' },
			{ source: '金正恩', target: 'Kim Jong Un', admin: true }
		];
		for (const json of bad) await expectError(await api('/api/glossary', ana, { method: 'POST', json }), 400, 'bad_request');
		await expectError(await api('/api/glossary', ana, { method: 'POST', body: '{"source":', type: 'application/json' }), 400, 'bad_request');
		await expectError(await api('/api/glossary', ana, { method: 'POST', body: 'source=金正恩', type: 'application/x-www-form-urlencoded' }), 400, 'bad_request');
		await expectError(await api(`/api/glossary/${putinId}`, ana, { method: 'PATCH', json: { targets: [] } }), 400, 'bad_request');
		await expectError(await api('/api/glossary', ana, { method: 'POST', json: { source: '普京', target: 'Vladimir Putin', type: 'person' } }), 409, 'conflict');
		await expectError(await api('/api/glossary/99999', ed, { method: 'DELETE' }), 404, 'not_found');
		const all = await entries();
		expect(all).toHaveLength(1);
		expect(all[0]).toMatchObject({ targets: ['Putin'], note: 'Russian president' });
	});

	it('PATCH changes only the fields sent; search finds by source, rendering and note', async () => {
		const res = await api(`/api/glossary/${putinId}`, ana, { method: 'PATCH', json: { targets: ['Putin', 'Vladimir Putin'] } });
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ id: putinId, targets: ['Putin', 'Vladimir Putin'], note: 'Russian president', forbidden: ['Poutine'] });
		expect((await entries('vladimir')).map((e) => e.id)).toEqual([putinId]);
		expect((await entries('russian PRESIDENT')).map((e) => e.id)).toEqual([putinId]);
		expect(await entries('金正恩')).toEqual([]);
	});

	it('imports CSV all or nothing and exports CSV and TBX that hold every entry', async () => {
		const csv =
			'\uFEFFsource,targets,type,note,forbidden,doNotTranslate\r\n' +
			'金正恩,Kim Jong Un,person,"North Korean leader, ""Kim"" on second mention",Kim Jong-un|Kim Jung Un,false\r\n' +
			'东方航天发射场,Vostochny Cosmodrome,place,"In Amur Oblast\nopened 2016",,false\r\n' +
			'𠮷野家,Yoshinoya 🍜,organisation,,,false\r\n';
		// One bad row: nothing is imported, every problem is reported by row.
		const broken = csv + ',Nobody,person,,,false\r\n米勒,Miller,politician,,,maybe\r\n';
		const refused = await expectError(await api('/api/glossary/import', ana, { method: 'POST', body: broken, type: 'text/csv' }), 400, 'bad_request');
		expect(refused.rows).toEqual([
			{ row: 4, line: 6, field: 'source', message: 'source is empty' },
			{ row: 5, line: 7, field: 'type', message: 'type must be one of person, place, organisation, term' },
			{ row: 5, line: 7, field: 'doNotTranslate', message: 'doNotTranslate must be true or false' }
		]);
		expect(await entries()).toHaveLength(1);
		await expectError(await api('/api/glossary/import', rita, { method: 'POST', body: csv, type: 'text/csv' }), 403, 'forbidden');
		await expectError(await api('/api/glossary/import', ana, { method: 'POST', body: csv, type: 'application/json' }), 415, 'unsupported_media_type');
		await expectError(await api('/api/glossary/import', ana, { method: 'POST', body: 'source;targets\n普京;Putin', type: 'text/csv' }), 400, 'bad_request');

		const res = await api('/api/glossary/import', ana, { method: 'POST', body: csv, type: 'text/csv; charset=utf-8' });
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ created: 3, updated: 0 });
		// The same file again updates instead of duplicating.
		expect(await (await api('/api/glossary/import', ana, { method: 'POST', body: csv, type: 'text/csv' })).json()).toEqual({ created: 0, updated: 3 });
		const all = await entries();
		expect(all).toHaveLength(4);
		expect(all.find((e) => e.source === '金正恩')).toMatchObject({ note: 'North Korean leader, "Kim" on second mention', forbidden: ['Kim Jong-un', 'Kim Jung Un'] });
		expect(all.find((e) => e.source === '东方航天发射场')).toMatchObject({ note: 'In Amur Oblast\nopened 2016', type: 'place' });

		const exported = await api('/api/glossary/export?format=csv', rita);
		expect(exported.status).toBe(200);
		expect(exported.headers.get('content-type')).toMatch(/^text\/csv/);
		expect(exported.headers.get('content-disposition')).toMatch(/attachment; filename="duizhao-glossary-\d{4}-\d{2}-\d{2}\.csv"/);
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await exported.arrayBuffer());
		expect(text.startsWith('\uFEFFsource,targets,type,note,forbidden,doNotTranslate')).toBe(true);
		// Exported CSV imports back as the same glossary.
		const before = await entries();
		expect(await (await api('/api/glossary/import', ed, { method: 'POST', body: text, type: 'text/csv' })).json()).toEqual({ created: 0, updated: 4 });
		const after = await entries();
		const fields = (e: GlossaryEntry) => [e.id, e.source, e.targets, e.type, e.note, e.forbidden, e.doNotTranslate];
		expect(after.map(fields)).toEqual(before.map(fields));

		const tbx = await api('/api/glossary/export?format=tbx', rita);
		expect(tbx.status).toBe(200);
		const doc = new DOMParser().parseFromString(await tbx.text(), 'text/xml');
		const concepts = Array.from(doc.getElementsByTagName('conceptEntry'));
		expect(concepts).toHaveLength(4);
		const terms = concepts.map((c) => Array.from(c.getElementsByTagName('term')).map((t) => t.textContent));
		expect(terms).toContainEqual(['普京', 'Putin', 'Vladimir Putin', 'Poutine']);
		expect(terms).toContainEqual(['𠮷野家', 'Yoshinoya 🍜']);
		await expectError(await api('/api/glossary/export?format=xlsx', rita), 400, 'bad_request');
	});

	it('an editor deletes: 204, gone', async () => {
		const kim = (await entries('金正恩'))[0]!;
		const res = await api(`/api/glossary/${kim.id}`, ed, { method: 'DELETE' });
		expect(res.status).toBe(204);
		expect(await entries('金正恩')).toEqual([]);
		await expectError(await api(`/api/glossary/${kim.id}`, rita), 404, 'not_found');
	});
});

describe('GET /api/articles/<id>/qa', () => {
	let articleId: number;
	let client: YClient;
	afterAll(() => client?.destroy());

	it('reports the missing rendering of 普京 in the stored English, and not once it is fixed', async () => {
		const article = await importArticle(server.url, ed, readSeedArticle());
		articleId = article.id;
		const seg = article.segments.find((s) => s.kind === 'paragraph' && s.text.startsWith('普京带金正恩参观'))!;
		expect(seg).toBeDefined();

		// Nothing written yet: the pair is empty (a note), not a glossary finding.
		expect((await qa(articleId)).filter((f) => f.segmentId === seg.id).map((f) => f.code)).toEqual(['empty']);

		client = await connectClient(server.wsUrl, articleId, ana.token);
		const english = (who: string) =>
			`${who} took Kim Jong Un on a tour of the most advanced space rocket launch site in the Russian Far East and discussed sending North Korean astronauts into space. ` +
			`Kim arrived from North Korea by train and, as ${who === 'Putin' ? 'Putin' : 'the Russian leader'} showed him around the Vostochny Cosmodrome, asked detailed questions about the rockets.`;
		client.setText(seg.id, english('The Russian president'));
		let findings: QaFinding[] = [];
		await until(async () => {
			findings = (await qa(articleId)).filter((f) => f.segmentId === seg.id);
			return findings.some((f) => f.code === 'glossary-missing');
		}, 'the glossary finding');
		// Exactly one: 普京 → Putin (东方航天发射场 → Vostochny Cosmodrome is there).
		expect(findings.filter((f) => f.code === 'glossary-missing')).toEqual([
			{ segmentId: seg.id, code: 'glossary-missing', severity: 'warning', message: expect.stringContaining('Putin') }
		]);

		client.setText(seg.id, english('Putin'));
		await until(async () => !(await qa(articleId)).some((f) => f.segmentId === seg.id && f.code === 'glossary-missing'), 'the finding to go');
		expect((await qa(articleId)).filter((f) => f.segmentId === seg.id)).toEqual([]);
		// The other pairs are untouched: still only empty-pair notes.
		expect((await qa(articleId)).filter((f) => f.segmentId !== seg.id).every((f) => f.code === 'empty')).toBe(true);
	});

	it('answers 404 for an unknown article and 401 without auth', async () => {
		await expectError(await api('/api/articles/99999/qa', rita), 404, 'not_found');
		await expectError(await api(`/api/articles/${articleId}/qa`, null), 401, 'unauthorized');
	});
});
