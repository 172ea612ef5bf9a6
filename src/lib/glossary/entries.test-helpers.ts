// Test fixture (not collected as a test): glossary entries built from what a test cares
// about, the rest filled with the plain defaults of a new entry.
import type { GlossaryEntry } from '../types.ts';

/**
 * A glossary entry `id` for `source` with its English `targets`: a `term` with no note,
 * no forbidden variants and no author unless `extra` says otherwise.
 */
export function glossaryEntry(id: number, source: string, targets: string[], extra: Partial<GlossaryEntry> = {}): GlossaryEntry {
	return {
		id,
		source,
		targets,
		type: 'term',
		note: '',
		forbidden: [],
		doNotTranslate: false,
		createdBy: null,
		createdAt: '',
		updatedAt: '',
		...extra
	};
}
