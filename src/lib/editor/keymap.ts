// The target editor's keymap, built from the schema (as prosemirror-example-setup does).
// Workbench-level keys (confirm, move, copy source, suggestions) call back into the page.
import { keymap } from 'prosemirror-keymap';
import { baseKeymap, toggleMark } from 'prosemirror-commands';
import type { Command, Plugin } from 'prosemirror-state';
import { targetSchema } from '../schema/target.ts';
import { insertHardBreak } from './commands.ts';

export interface WorkbenchKeys {
	/** Ctrl/Cmd+Enter: mark translated and go to the next open pair. */
	confirm?: Command;
	/** Alt+↑ / Alt+↓. */
	previous?: Command;
	next?: Command;
	/** Ctrl/Cmd+Shift+S. */
	copySource?: Command;
	/** Alt+1…9: insert the n-th glossary suggestion (index 0…8). */
	suggestion?: (index: number) => Command;
	/** Undo/redo from the collab layer (Yjs undo manager). */
	undo?: Command;
	redo?: Command;
}

const never: Command = () => false;

/** Keys for the workbench, before ProseMirror's base keymap. */
export function buildKeymap(keys: WorkbenchKeys): Plugin[] {
	const bindings: Record<string, Command> = {
		'Mod-b': toggleMark(targetSchema.marks.strong),
		'Mod-i': toggleMark(targetSchema.marks.em),
		Enter: insertHardBreak,
		'Shift-Enter': insertHardBreak,
		'Mod-Enter': keys.confirm ?? never,
		'Alt-ArrowUp': keys.previous ?? never,
		'Alt-ArrowDown': keys.next ?? never,
		'Mod-Shift-s': keys.copySource ?? never,
		'Mod-Shift-S': keys.copySource ?? never,
		'Mod-z': keys.undo ?? never,
		'Mod-y': keys.redo ?? never,
		'Mod-Shift-z': keys.redo ?? never,
		'Mod-Shift-Z': keys.redo ?? never
	};
	if (keys.suggestion) {
		for (let i = 1; i <= 9; i++) bindings[`Alt-${i}`] = keys.suggestion(i - 1);
	}
	// Our Enter comes first and never splits: a segment is one paragraph (document schema).
	return [keymap(bindings), keymap(baseKeymap)];
}
