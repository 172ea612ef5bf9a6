// The workbench context shared by its components (state, presence, the shared document
// and the registry of mounted editors), so rows need no prop drilling.
import { getContext, setContext } from 'svelte';
import type { EditorView } from 'prosemirror-view';
import type { ArticleSession } from '../collab/session.ts';
import type { Presence } from './presence.svelte.ts';
import type { Workbench } from './workbench.svelte.ts';

export interface WorkbenchContext {
	wb: Workbench;
	presence: Presence;
	/** Null until the page is mounted in the browser (no sockets during SSR). */
	session: () => ArticleSession | null;
	/** Mounted editors by segment id. */
	views: Map<string, EditorView>;
	/** Registers a row element for viewport tracking; returns the cleanup. */
	observeRow: (el: HTMLElement, segmentId: string) => () => void;
}

const KEY = Symbol('duizhao.workbench');

export function setWorkbenchContext(ctx: WorkbenchContext): void {
	setContext(KEY, ctx);
}

export function workbenchContext(): WorkbenchContext {
	const ctx = getContext<WorkbenchContext | undefined>(KEY);
	if (!ctx) throw new Error('workbenchContext() used outside <Workbench>');
	return ctx;
}
