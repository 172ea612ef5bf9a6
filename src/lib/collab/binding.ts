// Binds one segment's Y.XmlFragment into a target editor: y-prosemirror's sync, cursor and
// undo plugins, configured for many editors on one page. The editor layer below stays free
// of Yjs; this is the facade (as Outline keeps Yjs out of its shared editor code).
import type { Plugin } from 'prosemirror-state';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { redoCommand, undoCommand, yCursorPlugin, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import type { Command } from 'prosemirror-state';

/** Awareness state of a Duizhao client (ARCHITECTURE §6); `user` is set by the server. */
export interface PeerState {
	user?: { id: number; name: string; color: string };
	/** The segment whose editor has this client's focus, if any. */
	segmentId?: string | null;
	cursor?: { anchor: unknown; head: unknown } | null;
}

const COLOR = /^#[0-9a-f]{6}$/i;

/** The remote caret: a coloured bar with the user's name (CSP-safe: styles set via CSSOM). */
export function cursorBuilder(user: { name?: string; color?: string }): HTMLElement {
	const color = user.color && COLOR.test(user.color) ? user.color : '#666666';
	const caret = document.createElement('span');
	caret.className = 'remote-caret';
	caret.style.borderColor = color;
	const label = document.createElement('span');
	label.className = 'remote-caret-label';
	label.style.backgroundColor = color;
	label.textContent = user.name ?? 'Someone';
	caret.append(label);
	return caret;
}

function selectionBuilder(user: { color?: string }) {
	const color = user.color && COLOR.test(user.color) ? user.color : '#666666';
	return { class: 'remote-selection', style: `background-color: ${color}33` };
}

export interface BindingOptions {
	fragment: Y.XmlFragment;
	awareness: Awareness;
	segmentId: string;
}

/**
 * The Yjs plugins for one segment editor. Remote cursors are filtered to clients whose
 * focus is this segment, so each mounted editor only resolves positions that can land in it.
 */
export function yjsPlugins({ fragment, awareness, segmentId }: BindingOptions): Plugin[] {
	return [
		ySyncPlugin(fragment),
		yCursorPlugin(awareness, {
			awarenessStateFilter: (localId: number, clientId: number, state: PeerState) =>
				clientId !== localId && state.segmentId === segmentId,
			cursorBuilder,
			selectionBuilder
		}),
		yUndoPlugin()
	];
}

export const undo: Command = undoCommand;
export const redo: Command = redoCommand;

/** Marks which segment this client is in, for presence (avatars on rows, cursor filter). */
export function setFocusedSegment(awareness: Awareness, segmentId: string | null): void {
	if ((awareness.getLocalState() as PeerState | null)?.segmentId !== segmentId) {
		awareness.setLocalStateField('segmentId', segmentId);
	}
}
