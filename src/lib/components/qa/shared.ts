// The QA feature's per-page state, shared by its workbench components (the checker, the
// per-pair badge, the side-panel tab).
import type { Workbench } from '../../state/workbench.svelte.ts';
import { featureState } from '../../state/feature-state.ts';
import { QaStore } from '../../state/qa.svelte.ts';

export function qaStore(wb: Workbench): QaStore {
	return featureState(wb, 'qa', () => new QaStore());
}
