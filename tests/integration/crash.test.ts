// Crash durability: the real server as a child process on a fixed data dir, three clients
// typing, SIGKILL at a random moment, restart on the same data dir. Every update any client
// had received from the killed server must be in the restarted server's document (updates
// are stored before they are broadcast), and the reconnecting clients must converge.
// DUIZHAO_KILL_CYCLES sets the number of cycles (20 here; `npm run test:reliability`: 200).
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import * as Y from 'yjs';
import { startServer, tempDataDir, type TestServer } from '../helpers/server.ts';
import { seedUser, type SeededUser } from '../helpers/users.ts';
import { seedArticle } from '../helpers/articles.ts';
import { connect, plainText, segmentText, sleep, waitFor, type Client } from '../helpers/collab.ts';

const CYCLES = Number(process.env.DUIZHAO_KILL_CYCLES ?? 20);
const SEGMENTS = ['s1', 's2', 's3'];

const dataDir = tempDataDir('duizhao-crash-');
let server: TestServer | null = null;
afterAll(async () => {
	await server?.kill();
	rmSync(dataDir, { recursive: true, force: true });
});

/** Whether `doc` already holds everything in `update` (applying it changes nothing). */
function contains(doc: Y.Doc, update: Uint8Array): boolean {
	const probe = new Y.Doc();
	Y.applyUpdate(probe, Y.encodeStateAsUpdate(doc));
	const before = Y.snapshot(probe);
	Y.applyUpdate(probe, update);
	return Y.equalSnapshots(before, Y.snapshot(probe));
}

const sameText = (docs: Y.Doc[]) => SEGMENTS.every((s) => docs.every((d) => plainText(d, s) === plainText(docs[0]!, s)));

describe('crash durability', () => {
	it(
		`survives ${CYCLES} SIGKILLs at random moments with nothing a client saw lost`,
		async () => {
			server = await startServer({ dataDir });
			const users: SeededUser[] = ['ann', 'ben', 'cai'].map((n) => seedUser(dataDir, n, 'translator'));
			const observerUser = seedUser(dataDir, 'obs', 'editor');
			const articleId = seedArticle(dataDir, [{ text: '标题' }, { text: '一' }, { text: '二' }]);
			const docs = users.map(() => new Y.Doc());
			let seed = Number(process.env.DUIZHAO_CRASH_SEED ?? Date.now() % 100000);
			const rand = (n: number) => ((seed = (seed * 48271) % 2147483647), seed % n);
			const started = Date.now();
			let checkedUpdates = 0;

			// The paragraphs exist before anyone types (as the workbench creates them).
			{
				const first = connect(server.wsUrl, articleId, { token: users[0]!.token, doc: docs[0] });
				await first.synced;
				for (const s of SEGMENTS) segmentText(docs[0]!, s);
				await sleep(100);
				first.destroy();
			}

			for (let cycle = 0; cycle < CYCLES; cycle++) {
				const clients: Client[] = users.map((u, i) => connect(server!.wsUrl, articleId, { token: u.token, doc: docs[i] }));
				await Promise.all(clients.map((c) => c.synced));
				// Reconnected clients converge, offline edits included.
				await waitFor(() => sameText(docs), `convergence after restart ${cycle}`);

				const typing = clients.map((c, i) =>
					setInterval(() => {
						const t = segmentText(docs[i]!, SEGMENTS[rand(SEGMENTS.length)]!);
						if (t.length > 5 && rand(10) === 0) t.delete(rand(t.length), 1);
						else t.insert(rand(t.length + 1), String.fromCharCode(97 + rand(26)));
					}, 3 + rand(8))
				);
				await sleep(20 + rand(300));
				await server!.kill();
				typing.forEach(clearInterval);
				for (const c of clients) c.destroy();

				// Everything the killed server had sent to anyone.
				const seen = clients.flatMap((c) => c.received);
				server = await startServer({ dataDir });
				const observer = connect(server.wsUrl, articleId, { token: observerUser.token });
				await observer.synced;
				// One check for all of them; only on failure, find which.
				if (seen.length > 0 && !contains(observer.doc, Y.mergeUpdates(seen))) {
					const lost = seen.filter((u) => !contains(observer.doc, u));
					expect(lost, `cycle ${cycle}: ${lost.length} of ${seen.length} received updates missing after restart`).toEqual([]);
					expect.unreachable(`cycle ${cycle}: received updates missing after restart`);
				}
				checkedUpdates += seen.length;
				observer.destroy();
			}

			// Last round: everyone reconnects and converges with what the server stores.
			const clients = users.map((u, i) => connect(server!.wsUrl, articleId, { token: u.token, doc: docs[i] }));
			await Promise.all(clients.map((c) => c.synced));
			await waitFor(() => sameText(docs), 'final convergence');
			await sleep(300);
			const observer = connect(server.wsUrl, articleId, { token: observerUser.token });
			await observer.synced;
			await waitFor(() => sameText([...docs, observer.doc]), 'observer matches the clients');
			expect(plainText(observer.doc, 's2').length).toBeGreaterThan(0);
			for (const c of [...clients, observer]) c.destroy();
			console.log(`crash test: ${CYCLES} kills, ${checkedUpdates} received updates checked, ${((Date.now() - started) / 1000).toFixed(1)} s`);
		},
		Math.max(120_000, CYCLES * 6_000)
	);
});
