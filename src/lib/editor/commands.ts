// Editor commands for the target side. Each is a ProseMirror `Command`: returns false when
// not applicable and dispatches only when `dispatch` is given (so `cmd(state)` is a dry run
// that can enable a button).
import { DOMParser as PMDOMParser, Fragment, Slice } from 'prosemirror-model';
import type { Command } from 'prosemirror-state';
import { targetSchema } from '../schema/target.ts';

/** Inserts a hard break (Enter and Shift-Enter: a segment stays one paragraph). */
export const insertHardBreak: Command = (state, dispatch) => {
	if (dispatch) dispatch(state.tr.replaceSelectionWith(targetSchema.nodes.hard_break.create()).scrollIntoView());
	return true;
};

/** Inserts plain text at the selection (glossary suggestions, Alt+1…9). */
export function insertText(text: string): Command {
	return (state, dispatch) => {
		if (!text) return false;
		if (dispatch) {
			const { from, to } = state.selection;
			// Keep a space between words when inserting after a letter or digit.
			const before = state.doc.textBetween(Math.max(0, from - 1), from);
			const spaced = /[\p{L}\p{N}]$/u.test(before) && /^[\p{L}\p{N}]/u.test(text) ? ' ' + text : text;
			dispatch(state.tr.insertText(spaced, from, to).scrollIntoView());
		}
		return true;
	};
}

/** True when the document has no text. */
export function docIsEmpty(doc: import('prosemirror-model').Node): boolean {
	return doc.textContent.trim() === '' && doc.childCount <= 1;
}

/**
 * Copies the source segment into an empty target (Ctrl/Cmd+Shift+S), keeping its links and
 * emphasis. `sourceHtml` is the importer's sanitized HTML; the schema's parse rules check
 * it again. Refuses when the target already has text.
 */
export function copySource(sourceHtml: string): Command {
	return (state, dispatch) => {
		if (!docIsEmpty(state.doc)) return false;
		if (dispatch) {
			const box = document.createElement('div');
			box.innerHTML = sourceHtml;
			const parsed = PMDOMParser.fromSchema(targetSchema).parseSlice(box);
			const content = parsed.content.firstChild?.isTextblock ? parsed.content.firstChild.content : parsed.content;
			const slice = new Slice(Fragment.from(targetSchema.nodes.paragraph.create(null, content)), 0, 0);
			dispatch(state.tr.replace(0, state.doc.content.size, slice).scrollIntoView());
		}
		return true;
	};
}
