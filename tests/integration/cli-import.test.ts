// `duizhao import` as a user runs it: a child process from a checkout (CLI contract).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ROOT } from '../helpers/server.ts';
import { runCli } from '../helpers/cli.ts';
import { SEED_ARTICLE_PATH } from '../helpers/articles.ts';

const SEED = SEED_ARTICLE_PATH;
const work = mkdtempSync(join(tmpdir(), 'duizhao-cli-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const cli = (args: string[], dataDir?: string) => runCli(args, { cwd: work, dataDir });

function articleCount(dataDir: string): number {
	const db = new Database(join(dataDir, 'duizhao.sqlite'), { readonly: true });
	try {
		return (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
	} finally {
		db.close();
	}
}

describe('duizhao import', () => {
	it('--json prints exactly the Article contract and writes nothing', async () => {
		const data = join(work, 'json-data');
		const { code, stdout, stderr } = await cli(['import', SEED, '--json'], data);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		const article = JSON.parse(stdout);
		expect(Object.keys(article)).toEqual(['title', 'lang', 'meta', 'segments', 'blocks']);
		expect(article.title).toBe('美国务院：若俄朝达成武器交易 美将祭制裁');
		expect(article.segments).toHaveLength(24);
		for (const s of article.segments) expect(Object.keys(s)).toEqual(['id', 'kind', 'text', 'html']);
		expect(article.blocks[0]).toEqual({
			kind: 'image',
			after: 's1',
			src: 'https://i.epochtimes.com/assets/uploads/2023/09/id14073258-000_33V48JK-600x400.jpg',
			alt: '美国务院：若俄朝达成武器交易 美将祭制裁'
		});
		expect(() => readFileSync(join(data, 'duizhao.sqlite'))).toThrow();
	});

	it('--json sends warnings to stderr, keeping stdout pure JSON', async () => {
		const empty = join(ROOT, 'tests/fixtures/articles/epoch-n2782312-empty-body.md');
		const { code, stdout, stderr } = await cli(['import', empty, '--json', '--format', 'mirror']);
		expect(code).toBe(0);
		expect(JSON.parse(stdout).segments).toHaveLength(1);
		expect(stderr).toMatch(/^warning: .*empty/m);
	});

	it('without --json stores the article in $DUIZHAO_DATA and prints its id', async () => {
		const data = join(work, 'store-data');
		const first = await cli(['import', SEED], data);
		expect(first.stderr).toBe('');
		expect(first.code).toBe(0);
		expect(first.stdout).toBe('1\n');
		const second = await cli(['import', SEED, '--format', 'mirror'], data);
		expect(second.stdout).toBe('2\n');
		const db = new Database(join(data, 'duizhao.sqlite'), { readonly: true });
		try {
			expect((db.prepare('SELECT count(*) AS n FROM segments WHERE article_id = 1').get() as { n: number }).n).toBe(24);
			expect((db.prepare(`SELECT count(*) AS n FROM segment_status WHERE article_id = 1 AND status = 'empty'`).get() as { n: number }).n).toBe(24);
		} finally {
			db.close();
		}
	});

	it('bad files: exit code ≠ 0, one line on stderr, nothing written', async () => {
		const data = join(work, 'bad-data');
		const ok = await cli(['import', SEED], data);
		expect(ok.code).toBe(0);
		const binary = join(work, 'image.md');
		writeFileSync(binary, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
		const gbk = join(work, 'gbk.txt');
		writeFileSync(gbk, new Uint8Array([0xc3, 0xc0, 0xb9, 0xfa, 0x0a]));
		const bomb = join(work, 'bomb.html');
		writeFileSync(bomb, '<div>'.repeat(100_000));
		const blank = join(work, 'blank.txt');
		writeFileSync(blank, '  \n\n');
		for (const args of [
			['import', binary],
			['import', gbk],
			['import', bomb],
			['import', blank],
			['import', join(work, 'missing.md')],
			['import', SEED, '--format', 'docx'],
			['import']
		]) {
			const { code, stdout, stderr } = await cli(args, data);
			expect(code, args.join(' ')).not.toBe(0);
			expect(stdout).toBe('');
			expect(stderr.trimEnd().split('\n'), stderr).toHaveLength(1);
			expect(stderr).toMatch(/^duizhao import: /);
		}
		expect(articleCount(data)).toBe(1);
	});
});
