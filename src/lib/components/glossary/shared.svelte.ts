// The glossary feature's per-page state, shared by its workbench components (the feature
// itself, the term hints beside a pair, the terms tab of the side panel).
import type { Workbench } from '../../state/workbench.svelte.ts';
import { featureState } from '../../state/feature-state.ts';
import { GlossaryStore } from '../../state/glossary.svelte.ts';
import type { EntryFields } from './api.ts';

/** Glossary state of one workbench page. */
export class GlossaryFeatureState {
	readonly store = new GlossaryStore();
	/** The open add/edit dialog: a prefill for a new entry. */
	adding = $state.raw<Partial<EntryFields> | null>(null);
	canWrite = $state(false);
	canDelete = $state(false);
}

export function glossaryFeature(wb: Workbench): GlossaryFeatureState {
	return featureState(wb, 'glossary', () => new GlossaryFeatureState());
}
