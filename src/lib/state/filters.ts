// Row filters of the workbench. Pure.
import type { Status } from '../types.ts';

export const FILTERS = {
	all: { label: 'All', test: () => true },
	untranslated: { label: 'Untranslated', test: (s: Status) => s === 'empty' || s === 'draft' },
	review: { label: 'Needs review', test: (s: Status) => s === 'translated' },
	rejected: { label: 'Rejected', test: (s: Status) => s === 'rejected' }
} as const satisfies Record<string, { label: string; test: (s: Status) => boolean }>;

export type Filter = keyof typeof FILTERS;

/** Pairs still to work on: the target of "confirm and go to the next open pair". */
export function isOpen(status: Status): boolean {
	return status === 'empty' || status === 'draft' || status === 'rejected';
}
