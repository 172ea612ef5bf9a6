// Builds the Runtime from a Config: opens the database and the broadcaster. Shared by the
// production entry (serve.ts), `vite dev` (dev.ts) and the CLI.
import { openDatabase } from './db/index.ts';
import { LocalBroadcaster } from './events.ts';
import type { Config } from './config.ts';
import type { Runtime } from './runtime.ts';
import { draftOnTyping } from './records/statuses.ts';
import { recordAuthors } from './records/authors.ts';
import { recheckOnTextChange } from './records/claims.ts';

export function createRuntime(config: Config): Runtime {
	const db = openDatabase({ dataDir: config.dataDir, synchronous: config.synchronous });
	const rt: Runtime = { config, db, events: new LocalBroadcaster(), collab: null };
	// Record reactions to text changes (the collab server only announces them).
	draftOnTyping(rt);
	recordAuthors(rt);
	recheckOnTextChange(rt);
	return rt;
}
