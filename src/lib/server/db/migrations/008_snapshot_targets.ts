// The English of a document beside its snapshot (issue 8: export and QA of a closed article
// without rebuilding its Y.Doc, as Outline keeps a document's content beside its Yjs state).
// `targets` is a JSON object segment id → target-schema JSON, derived from `state` when the
// room unloaded. It is NULL whenever the snapshot was written without it (a compaction while
// the room was live); readers use it only while no log row follows the snapshot.
import type { Migration } from './types.ts';

export default {
	version: 8,
	name: 'snapshot_targets',
	sql: /* sql */ `
ALTER TABLE ydoc_snapshots ADD COLUMN targets TEXT;
`
} satisfies Migration;
