// The ordered list of schema migrations. Add a file `NNN_name.ts` exporting
// `{ version: NNN, sql }` and list it here; never edit one that has shipped.
import type { Migration } from './types.ts';
import core from './001_core.ts';
import glossary from './003_glossary.ts';
import review from './004_review.ts';
import authors from './007_authors.ts';
import snapshotTargets from './008_snapshot_targets.ts';

// 002 is reserved for the collaboration server's storage.
export const migrations: Migration[] = [core, glossary, review, authors, snapshotTargets];
