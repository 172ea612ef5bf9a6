// Section "import/export": a 2,000-paragraph Markdown article through `POST /api/articles`
// (read, parse, segment, store, answer), and the bilingual HTML export of a 2,000-pair
// article with its English through `GET /api/articles/<id>/export` (stored state → export
// input → HTML). Both end to end over HTTP against the production server, median of
// several runs after one warm-up. The export's floor is what no exporter can beat: the same
// source and English strings escaped and joined into table rows, in this process. The
// in-process split of the export (input from storage vs. rendering) is reported too.
import { startServer } from '../helpers/server.ts';
import { seedUser } from '../helpers/users.ts';
import { createRuntime } from '../../src/lib/server/app.ts';
import { configFromEnv } from '../../src/lib/server/config.ts';
import { loadExportInput } from '../../src/lib/server/records/export.ts';
import { renderExport } from '../../src/lib/export/index.ts';
import { docToText } from '../../src/lib/schema/text.ts';
import { pushThroughServer } from './lib/servers.ts';
import { median, rng, sleep } from './lib/stats.ts';

export interface ImportExportOptions {
	pairs: number;
	/** The English of the export article (a typed history of `pairs` pairs). */
	state: Uint8Array;
	runs: number;
}

export interface ImportExportResult {
	import: { pairs: number; ms: number; segments: number };
	export: { pairs: number; ms: number; floor_ms: number; input_ms: number; render_ms: number; bytes: number };
}

const CLAUSES = ['美国国务院周三表示', '如果俄罗斯和朝鲜达成任何新的武器交易', '美国政府将毫不犹豫实施更多制裁', '发言人在新闻发布会上回应记者提问', '我们已经采取了一系列行动', '制裁在两国之间斡旋军售的实体', '盟友对地区安全表示关切'];

/** A Markdown article of `paragraphs` paragraphs: some headings, links and emphasis, like a long investigation. */
export function markdownArticle(paragraphs: number, seed = 3): string {
	const random = rng(seed);
	const pick = () => CLAUSES[Math.floor(random() * CLAUSES.length)]!;
	const out = ['# 调查：制裁、军售与外交（长篇）', ''];
	for (let i = 1; i < paragraphs; i++) {
		if (i % 40 === 0) {
			out.push(`## 第${i / 40}部分：${pick()}`, '');
			continue;
		}
		const n = 2 + Math.floor(random() * 3);
		const sentences = Array.from({ length: n }, () => `${pick()}，${pick()}。`);
		if (i % 7 === 0) sentences[0] = `**${sentences[0]}**`;
		if (i % 11 === 0) sentences.push(`（[来源](https://example.org/report/${i})）`);
		out.push(`第${i}段：${sentences.join('')}`, '');
	}
	return out.join('\n');
}

/** The floor: every pair's source and English escaped and joined into rows, nothing else. */
function floorHtml(rows: { source: string; target: string }[]): string {
	const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	let html = '<!doctype html><table>';
	for (const r of rows) html += `<tr><td lang="zh">${esc(r.source)}</td><td lang="en">${esc(r.target)}</td></tr>`;
	return html + '</table>';
}

export async function importExport(opts: ImportExportOptions, log: (line: string) => void): Promise<ImportExportResult> {
	const server = await startServer();
	try {
		const ed = seedUser(server.dataDir, 'editor', 'editor');
		const markdown = markdownArticle(opts.pairs);
		const post = async () => {
			const t0 = performance.now();
			const res = await fetch(`${server.url}/api/articles`, {
				method: 'POST',
				headers: { ...ed.headers, 'content-type': 'text/markdown; charset=utf-8' },
				body: markdown
			});
			const body = (await res.json()) as { id: number };
			const ms = performance.now() - t0;
			if (res.status !== 201) throw new Error(`import answered ${res.status}: ${JSON.stringify(body)}`);
			return { ms, id: body.id };
		};
		await post(); // warm-up
		const imports: number[] = [];
		let articleId = 0;
		for (let i = 0; i < opts.runs; i++) {
			const r = await post();
			imports.push(r.ms);
			articleId = r.id;
		}
		const segments = (
			(await (await fetch(`${server.url}/api/articles/${articleId}`, { headers: ed.headers })).json()) as { segments: unknown[] }
		).segments.length;
		log(`  import: ${imports.map((m) => m.toFixed(0)).join(', ')} ms (${segments} segments)`);

		// The English: the typed history's fragments are named s1…sN, the import's ids too. It
		// arrives through the collaboration server, then the room unloads (1 s) and compacts.
		await pushThroughServer(`${server.wsUrl}/collab`, `article-${articleId}`, { token: ed.token }, opts.state);
		await sleep(2500);
		const url = `${server.url}/api/articles/${articleId}/export?format=bilingual-html`;
		const get = async () => {
			const t0 = performance.now();
			const res = await fetch(url, { headers: ed.headers });
			const text = await res.text();
			if (res.status !== 200) throw new Error(`export answered ${res.status}: ${text.slice(0, 200)}`);
			return { ms: performance.now() - t0, bytes: Buffer.byteLength(text) };
		};
		await get(); // warm-up
		const exports: number[] = [];
		let bytes = 0;
		for (let i = 0; i < opts.runs; i++) {
			const r = await get();
			exports.push(r.ms);
			bytes = r.bytes;
		}
		log(`  export: ${exports.map((m) => m.toFixed(0)).join(', ')} ms (${(bytes / 1024).toFixed(0)} KiB)`);

		// In-process: where the export's time goes, and the floor.
		const rt = createRuntime(configFromEnv({}, { dataDir: server.dataDir }));
		try {
			const inputs: number[] = [];
			const renders: number[] = [];
			const floors: number[] = [];
			for (let i = 0; i < opts.runs + 1; i++) {
				const t0 = performance.now();
				const input = (await loadExportInput(rt, articleId))!;
				const t1 = performance.now();
				renderExport(input, { format: 'bilingual-html' });
				const t2 = performance.now();
				const rows = input.article.segments.map((s) => ({ source: s.text, target: docToText(input.targets[s.id] ?? null) }));
				const t3 = performance.now();
				floorHtml(rows);
				const t4 = performance.now();
				if (i === 0) continue; // warm-up
				inputs.push(t1 - t0);
				renders.push(t2 - t1);
				floors.push(t4 - t3);
			}
			return {
				import: { pairs: opts.pairs, ms: median(imports), segments },
				export: { pairs: opts.pairs, ms: median(exports), floor_ms: median(floors), input_ms: median(inputs), render_ms: median(renders), bytes }
			};
		} finally {
			rt.db.close();
		}
	} finally {
		await server.dispose();
	}
}
