// Glossary rows → domain entries (read side). The glossary feature adds validated writes
// in records/glossary.ts; export and QA only read through here.
import type { GlossaryEntry, TermType } from '../../types.ts';
import type { DB } from './index.ts';

interface GlossaryRow {
	id: number;
	source: string;
	targets: string;
	type: TermType;
	note: string;
	forbidden: string;
	dnt: number;
	created_by: number | null;
	creator_name: string | null;
	created_at: string;
	updated_at: string;
}

const SELECT = `SELECT g.*, u.name AS creator_name FROM glossary g LEFT JOIN users u ON u.id = g.created_by`;

function toEntry(r: GlossaryRow): GlossaryEntry {
	return {
		id: r.id,
		source: r.source,
		targets: JSON.parse(r.targets) as string[],
		type: r.type,
		note: r.note,
		forbidden: JSON.parse(r.forbidden) as string[],
		doNotTranslate: r.dnt === 1,
		createdBy: r.created_by !== null ? { id: r.created_by, name: r.creator_name ?? '' } : null,
		createdAt: r.created_at,
		updatedAt: r.updated_at
	};
}

/** Every entry, sorted by source term. */
export function listGlossary(db: DB): GlossaryEntry[] {
	return (db.prepare(`${SELECT} ORDER BY g.source, g.id`).all() as GlossaryRow[]).map(toEntry);
}

export function getGlossaryEntry(db: DB, id: number): GlossaryEntry | null {
	const row = db.prepare(`${SELECT} WHERE g.id = ?`).get(id) as GlossaryRow | undefined;
	return row ? toEntry(row) : null;
}
