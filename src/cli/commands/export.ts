// `duizhao export <articleId> --format … [--layout …] [-o file] [--strict] [--comments]
// [--no-untranslated] [--data DIR]` (CLI contract, ARCHITECTURE §4). Reads the database at
// $DUIZHAO_DATA (or --data) directly — the English comes from the stored Yjs log, so it
// works with or without a running server. Writes the file to stdout, or to `-o file` (then
// prints the path; the export's own file name is in the HTTP Content-Disposition).
// --strict runs the publish check first: with anything open it writes nothing, lists one
// issue per line on stderr and exits 1. Errors: exit code ≠ 0, one stderr line.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Io } from '../io.ts';
import { parseCommandArgs, usageError } from '../args.ts';
import { formatIssue, FORMATS, isExportFormat, isLayout, LAYOUTS, publishCheck, renderExport, type ExportOptions } from '../../lib/export/index.ts';
import { createRuntime } from '../../lib/server/app.ts';
import { configFromEnv } from '../../lib/server/config.ts';
import { loadExportInput } from '../../lib/server/records/export.ts';

export const summary = 'export an article: export <articleId> --format … [-o file] [--strict]';

const USAGE = `usage: duizhao export <articleId> --format ${FORMATS.join('|')} [--layout ${LAYOUTS.join('|')}] [-o file|-] [--strict] [--comments] [--no-untranslated] [--data DIR]`;

export async function run(args: string[], io: Io): Promise<number> {
	const parsed = parseCommandArgs(io, 'export', USAGE, args, {
		format: { type: 'string' },
		layout: { type: 'string', default: 'side-by-side' },
		output: { type: 'string', short: 'o' },
		strict: { type: 'boolean', default: false },
		comments: { type: 'boolean', default: false },
		'no-untranslated': { type: 'boolean', default: false },
		data: { type: 'string' }
	});
	if (!parsed) return 2;
	const { values, positionals } = parsed;
	if (positionals.length !== 1 || !values.format) return usageError(io, 'export', USAGE);
	const rawId = positionals[0]!;
	if (!/^[1-9]\d{0,15}$/.test(rawId)) return usageError(io, 'export', `the article id must be a positive integer, got "${rawId.slice(0, 40)}"`);
	if (!isExportFormat(values.format)) return usageError(io, 'export', `--format must be one of ${FORMATS.join(', ')}`);
	if (!isLayout(values.layout)) return usageError(io, 'export', `--layout must be one of ${LAYOUTS.join(', ')}`);
	const options: ExportOptions = {
		format: values.format,
		layout: values.layout,
		includeComments: values.comments,
		includeUntranslated: !values['no-untranslated']
	};

	const config = configFromEnv(process.env, values.data ? { dataDir: values.data } : {});
	// Reading must not create an empty database somewhere by mistake.
	if (!existsSync(join(config.dataDir, 'duizhao.sqlite'))) {
		io.stderr.write(`duizhao export: no Duizhao database in ${config.dataDir} (set DUIZHAO_DATA or --data)\n`);
		return 1;
	}
	const rt = createRuntime(config);
	try {
		const input = await loadExportInput(rt, Number(rawId));
		if (!input) {
			io.stderr.write(`duizhao export: no article ${rawId} in ${rt.config.dataDir}\n`);
			return 1;
		}
		const check = publishCheck(input);
		if (values.strict && !check.ok) {
			for (const issue of check.issues) io.stderr.write(`${formatIssue(issue)}\n`);
			io.stderr.write(`duizhao export: ${check.issues.length} open issue${check.issues.length === 1 ? '' : 's'}; nothing written (--strict)\n`);
			return 1;
		}
		const file = renderExport(input, options);
		const out = values.output ?? '-';
		if (out === '-') io.stdout.write(file.content);
		else {
			try {
				writeFileSync(out, file.content);
			} catch (err) {
				const code = (err as NodeJS.ErrnoException).code;
				throw new Error(code === 'ENOENT' ? `${out}: no such directory` : code === 'EACCES' ? `${out}: permission denied` : code === 'EISDIR' ? `${out} is a directory` : (err as Error).message);
			}
			io.stdout.write(`${out}\n`);
		}
		if (!check.ok) io.stderr.write(`warning: ${check.issues.length} open issue${check.issues.length === 1 ? '' : 's'} (duizhao export --strict lists them)\n`);
		return 0;
	} finally {
		rt.db.close();
	}
}
