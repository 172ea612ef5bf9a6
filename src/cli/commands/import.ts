// `duizhao import <file> [--format …] [--json]` (CLI contract, ARCHITECTURE §4).
// With --json: parse only, print the Article JSON on stdout (warnings on stderr), write
// nothing. Without: store it in the database at $DUIZHAO_DATA (or --data) and print the
// new article id. `-` reads the file from stdin. Errors: exit code ≠ 0, one stderr line.
import { openSync, closeSync, fstatSync, readSync } from 'node:fs';
import type { Io } from '../io.ts';
import { readAll } from '../io.ts';
import { parseCommandArgs, usageError, withDatabase } from '../args.ts';
import { importArticle, isImportFormat, MAX_ARTICLE_BYTES } from '../../lib/article/index.ts';
import { insertArticle } from '../../lib/server/db/articles.ts';
import { IMPORT_FORMATS } from '../../lib/types.ts';

export const summary = 'import an article file: import <file> [--format …] [--json]';

const USAGE = `usage: duizhao import <file|-> [--format ${IMPORT_FORMATS.join('|')}] [--json] [--data DIR]`;

/** Reads at most MAX_ARTICLE_BYTES + 1 bytes, so an oversized file is refused without loading it. */
function readLimited(path: string): Uint8Array {
	const fd = openSync(path, 'r');
	try {
		if (!fstatSync(fd).isFile()) throw new Error(`${path} is not a file`);
		const buf = Buffer.alloc(MAX_ARTICLE_BYTES + 1);
		let n = 0;
		for (;;) {
			const read = readSync(fd, buf, n, buf.length - n, null);
			if (read === 0 || (n += read) >= buf.length) break;
		}
		return buf.subarray(0, n);
	} finally {
		closeSync(fd);
	}
}

function readError(path: string, err: unknown): Error {
	const code = (err as NodeJS.ErrnoException)?.code;
	if (code === 'ENOENT') return new Error(`${path}: no such file`);
	if (code === 'EISDIR') return new Error(`${path} is a directory`);
	if (code === 'EACCES') return new Error(`${path}: permission denied`);
	return err instanceof Error ? err : new Error(String(err));
}

export async function run(args: string[], io: Io): Promise<number> {
	const parsed = parseCommandArgs(io, 'import', USAGE, args, {
		format: { type: 'string', default: 'auto' },
		json: { type: 'boolean', default: false },
		data: { type: 'string' }
	});
	if (!parsed) return 2;
	const { values, positionals } = parsed;
	if (positionals.length !== 1) return usageError(io, 'import', USAGE);
	if (!isImportFormat(values.format)) return usageError(io, 'import', `--format must be one of ${IMPORT_FORMATS.join(', ')}`);
	const path = positionals[0]!;
	let bytes: Uint8Array;
	try {
		bytes = path === '-' ? await readAll(io.stdin) : readLimited(path);
	} catch (err) {
		throw readError(path, err);
	}

	// Throws ImportError (one-line message) before anything is opened or written.
	const result = importArticle(bytes, { format: values.format });
	for (const w of result.warnings) io.stderr.write(`warning: ${w}\n`);
	if (values.json) {
		io.stdout.write(JSON.stringify(result.article, null, 2) + '\n');
		return 0;
	}
	return withDatabase(values.data, (db) => {
		io.stdout.write(`${insertArticle(db, result, null)}\n`);
		return 0;
	});
}
