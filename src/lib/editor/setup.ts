// Builds the target editor's state config from the schema: keymap, paste sanitizing and
// whatever extra plugins the caller binds (the collab layer adds y-prosemirror's sync,
// cursor and undo plugins — the editor itself knows nothing of Yjs).
import { EditorState, type Plugin } from 'prosemirror-state';
import type { DirectEditorProps } from 'prosemirror-view';
import { targetSchema } from '../schema/target.ts';
import { buildKeymap, type WorkbenchKeys } from './keymap.ts';
import { sanitizePastedHTML } from './paste.ts';
import { placeholderPlugin } from './placeholder.ts';

export interface SetupOptions {
	keys: WorkbenchKeys;
	/** Plugins that must come first (the Yjs binding). */
	plugins?: Plugin[];
	readOnly?: boolean;
	/** Accessible name of the editable region, e.g. "English for paragraph 3". */
	label: string;
}

/** State and view props for one target editor. */
export function targetEditorProps(opts: SetupOptions): DirectEditorProps {
	const state = EditorState.create({
		schema: targetSchema,
		plugins: [
			...(opts.plugins ?? []),
			...buildKeymap(opts.keys),
			placeholderPlugin(opts.readOnly ? 'No English yet' : 'Type the English… (Ctrl+Shift+S copies the source)')
		]
	});
	return {
		state,
		editable: () => !opts.readOnly,
		transformPastedHTML: sanitizePastedHTML,
		attributes: {
			class: 'target-editor',
			lang: 'en',
			role: 'textbox',
			'aria-multiline': 'true',
			'aria-label': opts.label,
			...(opts.readOnly ? { 'aria-readonly': 'true' } : {}),
			spellcheck: 'true'
		}
	};
}
