// `duizhao build`: build the web app if its sources changed.
import type { Io } from '../io.ts';
import { ensureBuild } from '../build.ts';

export const summary = 'build the web app if sources changed';

export async function run(_args: string[], io: Io): Promise<number> {
	const built = await ensureBuild((l) => io.stderr.write(l + '\n'));
	io.stdout.write(built ? 'Built.\n' : 'Build is up to date.\n');
	return 0;
}
