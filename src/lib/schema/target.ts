// The target (English) ProseMirror schema — the document-schema contract (ARCHITECTURE §4).
// Each segment's English is one Y.XmlFragment whose content follows this schema:
// block `paragraph`, inline `text` and `hard_break`, marks `strong`, `em`, `link {href}`.
// Plain spec data first, `new Schema` at the end (as prosemirror-schema-basic does).
import { Schema, type MarkSpec, type NodeSpec } from 'prosemirror-model';
import { safeLinkHref } from './url.ts';

export const nodes = {
	// `paragraph+`, not `paragraph`: a bot may write two paragraphs, and y-prosemirror
	// deletes content that does not fit the schema. Export joins them with a line break.
	doc: { content: 'paragraph+' },
	paragraph: {
		content: 'inline*',
		group: 'block',
		parseDOM: [{ tag: 'p' }, { tag: 'div', priority: 10 }, { tag: 'h1' }, { tag: 'h2' }, { tag: 'h3' }, { tag: 'h4' }, { tag: 'li' }, { tag: 'blockquote' }],
		toDOM: () => ['p', 0]
	},
	text: { group: 'inline' },
	hard_break: {
		inline: true,
		group: 'inline',
		selectable: false,
		parseDOM: [{ tag: 'br' }],
		toDOM: () => ['br']
	}
} satisfies Record<string, NodeSpec>;

export const marks = {
	link: {
		attrs: { href: {} },
		inclusive: false,
		parseDOM: [
			{
				tag: 'a[href]',
				// Refusing the mark keeps the text and drops the link: paste sanitizing.
				getAttrs: (dom: HTMLElement) => {
					const href = safeLinkHref(dom.getAttribute('href'));
					return href ? { href } : false;
				}
			}
		],
		// Checked again on output: content from a peer or a bot never went through parseDOM.
		toDOM: (mark) => {
			const href = safeLinkHref(mark.attrs.href);
			return href
				? ['a', { href, rel: 'noopener noreferrer nofollow', target: '_blank' }, 0]
				: ['span', { class: 'link-refused', title: 'Link removed: unsafe URL' }, 0];
		}
	},
	em: {
		parseDOM: [{ tag: 'i' }, { tag: 'em' }, { style: 'font-style=italic' }],
		toDOM: () => ['em', 0]
	},
	strong: {
		parseDOM: [
			{ tag: 'strong' },
			// Google Docs wraps pasted text in <b style="font-weight:normal">.
			{ tag: 'b', getAttrs: (node: HTMLElement) => node.style.fontWeight !== 'normal' && null },
			{ style: 'font-weight=400', clearMark: (m) => m.type.name === 'strong' },
			{ style: 'font-weight', getAttrs: (value: string) => /^(bold(er)?|[5-9]\d{2,})$/.test(value) && null }
		],
		toDOM: () => ['strong', 0]
	}
} satisfies Record<string, MarkSpec>;

export const targetSchema = new Schema({ nodes, marks });
