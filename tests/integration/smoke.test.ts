// The production server starts on port 0 with a fresh data dir, migrates, and answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.dispose();
});

describe('server', () => {
	it('serves health from a migrated SQLite database in the data dir', async () => {
		const res = await fetch(`${server.url}/api/health`);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ ok: true, articles: 0 });
		expect(existsSync(join(server.dataDir, 'duizhao.sqlite'))).toBe(true);
	});

	it('refuses a body over the hard limit with the JSON error shape', async () => {
		const res = await fetch(`${server.url}/api/articles`, {
			method: 'POST',
			headers: { 'content-type': 'text/plain', 'content-length': String(9 * 1024 * 1024) },
			body: 'x'.repeat(9 * 1024 * 1024)
		});
		expect(res.status).toBe(413);
		expect((await res.json()).error.code).toBe('too_large');
	});
});
