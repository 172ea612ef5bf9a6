// The text under a node of an HTML (hast) tree, walked without recursion so that deep
// trees cannot overflow the stack. Shared by the title finder and the site profiles. Pure.
import type { ElementContent, RootContent } from 'hast';

const NONE: ReadonlySet<string> = new Set();

/**
 * The text nodes under `node` joined in document order, as they stand (no whitespace
 * collapsing); elements whose tag name is in `skip` contribute nothing.
 */
export function treeText(node: ElementContent | RootContent, skip: ReadonlySet<string> = NONE): string {
	let s = '';
	const stack: (ElementContent | RootContent)[] = [node];
	while (stack.length) {
		const n = stack.pop()!;
		if (n.type === 'text') s += n.value;
		else if (n.type === 'element' && !skip.has(n.tagName)) {
			for (let k = n.children.length - 1; k >= 0; k--) stack.push(n.children[k]!);
		}
	}
	return s;
}
