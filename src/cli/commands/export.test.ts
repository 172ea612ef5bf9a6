// `duizhao export` in-process against a temp data dir (no server): output, --strict and
// the one-line errors.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import * as Y from 'yjs';
import { main } from '../main.ts';
import { openDatabase } from '../../lib/server/db/index.ts';
import { insertArticle } from '../../lib/server/db/articles.ts';
import { DocStore } from '../../lib/server/collab/persistence.ts';

let dir: string;
let id: number;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'duizhao-cli-export-'));
	const db = openDatabase({ dataDir: dir });
	try {
		id = insertArticle(
			db,
			{
				article: { title: '标题', lang: 'zh-Hans', meta: {}, blocks: [], segments: [{ id: 's1', kind: 'title', text: '标题', html: '标题' }, { id: 's2', kind: 'paragraph', text: '第一段', html: '第一段' }] },
				format: 'text',
				warnings: []
			},
			null
		);
		const doc = new Y.Doc();
		const p = new Y.XmlElement('paragraph');
		doc.getXmlFragment('s1').insert(0, [p]);
		const t = new Y.XmlText();
		p.insert(0, [t]);
		t.insert(0, 'The headline');
		new DocStore(db).append([{ doc: `article-${id}`, data: Y.encodeStateAsUpdate(doc) }]);
	} finally {
		db.close();
	}
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]) {
	let stdout = '';
	let stderr = '';
	const code = await main(['export', ...args, '--data', dir], {
		stdin: Readable.from([]),
		stdout: { write: (s: string | Uint8Array) => (stdout += s.toString()) },
		stderr: { write: (s: string | Uint8Array) => (stderr += s.toString()) }
	});
	return { code, stdout, stderr };
}

describe('duizhao export', () => {
	it('writes to stdout without -o, to the file with -o (printing its path), warning about open issues', async () => {
		const md = await cli([String(id), '--format', 'markdown']);
		expect(md.code).toBe(0);
		expect(md.stdout).toContain('The headline');
		expect(md.stderr).toBe('warning: 2 open issues (duizhao export --strict lists them)\n');
		const out = join(dir, 'a.xlf');
		const x = await cli([String(id), '--format', 'xliff', '-o', out]);
		expect(x).toMatchObject({ code: 0, stdout: `${out}\n` });
		expect(readFileSync(out, 'utf8')).toMatch(/<target xml:space="preserve">The headline<\/target>/);
	});

	it('--strict lists every open issue, one per line, and writes nothing', async () => {
		const out = join(dir, 'b.html');
		const r = await cli([String(id), '--format', 'bilingual-html', '--strict', '-o', out]);
		expect(r.code).toBe(1);
		expect(r.stdout).toBe('');
		expect(r.stderr.split('\n').filter(Boolean)).toEqual([
			's1 untranslated (draft): Not marked translated yet (still a draft)',
			's2 untranslated (empty): No English yet',
			'duizhao export: 2 open issues; nothing written (--strict)'
		]);
		expect(existsSync(out)).toBe(false);
	});

	it('bad arguments and missing things: a non-zero exit and one stderr line', async () => {
		for (const [args, code] of [
			[[String(id)], 2],
			[[String(id), '--format', 'pdf'], 2],
			[[String(id), '--format', 'bilingual-html', '--layout', 'grid'], 2],
			[['abc', '--format', 'tmx'], 2],
			[['--format', 'tmx', '--bogus'], 2],
			[['999', '--format', 'tmx'], 1],
			[[String(id), '--format', 'tmx', '-o', join(dir, 'no', 'such', 'dir.tmx')], 1]
		] as const) {
			const r = await cli([...args]);
			expect(r.code, args.join(' ')).toBe(code);
			expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
			expect(r.stdout).toBe('');
		}
		const empty = mkdtempSync(join(tmpdir(), 'duizhao-cli-empty-'));
		try {
			let stderr = '';
			const code = await main(['export', '1', '--format', 'tmx', '--data', join(empty, 'nothing')], {
				stdin: Readable.from([]),
				stdout: { write: () => true },
				stderr: { write: (s: string | Uint8Array) => (stderr += s.toString()) }
			});
			expect(code).toBe(1);
			expect(stderr).toMatch(/^duizhao export: no Duizhao database in .*nothing/);
			expect(existsSync(join(empty, 'nothing'))).toBe(false);
		} finally {
			rmSync(empty, { recursive: true, force: true });
		}
	});
});
