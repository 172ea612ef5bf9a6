// CLI dispatcher: `duizhao <command> …`. Each command lives in ./commands/<name>.ts and
// exports `run(args, io)`; it returns the exit code and prints one line to stderr on error.
import type { Io } from './io.ts';
import { processIo } from './io.ts';

type CommandModule = { run(args: string[], io: Io): Promise<number>; summary: string };

const commands: Record<string, () => Promise<CommandModule>> = {
	serve: () => import('./commands/serve.ts'),
	build: () => import('./commands/build.ts'),
	user: () => import('./commands/user.ts'),
	token: () => import('./commands/token.ts'),
	import: () => import('./commands/import.ts'),
	bench: () => import('./commands/bench.ts'),
	export: () => import('./commands/export.ts')
};

function usage(): string {
	return [
		'Usage: duizhao <command> [options]',
		'',
		'Commands:',
		'  import <file> [--format auto|mirror|markdown|html|text] [--json]',
		'  export <articleId> --format bilingual-html|html|markdown|xliff|tmx|claimreview [--layout side-by-side|interleaved] [-o file|-] [--strict] [--comments] [--no-untranslated]',
		'  user add <name> --role admin|editor|translator|reviewer   (password on stdin)',
		'  token create <name>',
		'  serve [--port N] [--data DIR]      (same as npm start)',
		'  build                              (build the web app if sources changed)',
		'  bench [--quick] [--json]'
	].join('\n');
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
	const [name, ...rest] = argv;
	if (!name || name === '--help' || name === '-h' || name === 'help') {
		io.stdout.write(usage() + '\n');
		return name ? 0 : 2;
	}
	const load = commands[name];
	if (!load) {
		io.stderr.write(`duizhao: unknown command "${name}" (try duizhao --help)\n`);
		return 2;
	}
	try {
		const mod = await load();
		return await mod.run(rest, io);
	} catch (err) {
		io.stderr.write(`duizhao ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
		if (process.env.DUIZHAO_DEBUG && err instanceof Error) io.stderr.write(`${err.stack}\n`);
		return 1;
	}
}
