// Placeholder text in an empty target editor ("Type the English…"), drawn by CSS from a
// node decoration so it never becomes document content.
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

export const placeholderKey = new PluginKey('placeholder');

export function placeholderPlugin(text: string): Plugin {
	return new Plugin({
		key: placeholderKey,
		props: {
			decorations(state) {
				const { doc } = state;
				const first = doc.firstChild;
				if (doc.childCount !== 1 || !first || first.content.size !== 0) return null;
				return DecorationSet.create(doc, [Decoration.node(0, first.nodeSize, { class: 'is-empty', 'data-placeholder': text })]);
			}
		}
	});
}
