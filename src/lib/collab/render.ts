// Static rendering of a segment's English for rows without a mounted editor: the fragment
// becomes a ProseMirror node and then DOM through the schema's own toDOM (which refuses
// unsafe link schemes), so a peer's content is sanitized exactly as in the editor.
import { DOMSerializer } from 'prosemirror-model';
import * as Y from 'yjs';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { targetSchema } from '../schema/target.ts';

const serializer = DOMSerializer.fromSchema(targetSchema);

/** Renders the fragment into `into`, replacing its children. Returns the plain text. */
export function renderFragment(fragment: Y.XmlFragment, into: HTMLElement): string {
	let text = '';
	try {
		const node = yXmlFragmentToProseMirrorRootNode(fragment, targetSchema);
		into.replaceChildren(serializer.serializeFragment(node.content));
		text = node.textContent;
	} catch {
		// Content that does not fit the schema (a misbehaving bot): show it as text only.
		into.textContent = text = fragment.toString().replace(/<[^>]*>/g, '');
	}
	return text;
}

/** Plain text of the fragment (word counts, progress) without building DOM. */
export function fragmentText(fragment: Y.XmlFragment): string {
	return fragment
		.toArray()
		.map((block) => (block instanceof Y.XmlElement ? inlineText(block) : ''))
		.join('\n');
}

function inlineText(el: Y.XmlElement): string {
	let out = '';
	for (const child of el.toArray()) {
		if (child instanceof Y.XmlText) {
			for (const op of child.toDelta() as { insert: unknown }[]) if (typeof op.insert === 'string') out += op.insert;
		} else if (child instanceof Y.XmlElement && child.nodeName === 'hard_break') out += '\n';
	}
	return out;
}
