// `duizhao serve` (= `npm start`): build if needed, then serve app + collab on one port.
import { parseArgs } from 'node:util';
import type { Io } from '../io.ts';
import { ensureBuild } from '../build.ts';
import { configFromEnv } from '../../lib/server/config.ts';
import { startServer } from '../../lib/server/serve.ts';

export const summary = 'serve the app (same as npm start)';

export async function run(args: string[], io: Io): Promise<number> {
	const { values } = parseArgs({
		args,
		options: { port: { type: 'string' }, data: { type: 'string' }, host: { type: 'string' } }
	});
	const config = configFromEnv(process.env, {
		...(values.port !== undefined ? { port: Number(values.port) } : {}),
		...(values.data !== undefined ? { dataDir: values.data } : {}),
		...(values.host !== undefined ? { host: values.host } : {})
	});
	if (!process.env.DUIZHAO_SKIP_BUILD) await ensureBuild((l) => io.stderr.write(l + '\n'));
	const server = await startServer(config);
	io.stdout.write(`Duizhao listening on ${server.url} (data in ${config.dataDir})\n`);

	let stopping = false;
	const stop = async (signal: string) => {
		if (stopping) return;
		stopping = true;
		io.stderr.write(`${signal}: saving documents and shutting down…\n`);
		await server.close();
		process.exit(0);
	};
	process.once('SIGINT', () => void stop('SIGINT'));
	process.once('SIGTERM', () => void stop('SIGTERM'));
	return new Promise<number>(() => {
		/* runs until a signal */
	});
}
