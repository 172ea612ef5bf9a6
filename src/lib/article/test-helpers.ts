// Shared assertions for the importer's tests: the Article JSON invariants that must hold
// for every input (ids, kinds, anchors, the html allowlist). Used only by *.test.ts.
import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { BLOCK_KINDS, SEGMENT_KINDS, type Article } from '../types.ts';

const fragment = unified().use(rehypeParse, { fragment: true });
const ALLOWED = new Set(['a', 'strong', 'em', 'br']);

/** Problems with one segment's html: elements, attributes or URLs outside the allowlist. */
export function htmlProblems(html: string): string[] {
	const problems: string[] = [];
	if (/<\s*(script|style|iframe|img|svg|math)\b/i.test(html)) problems.push(`forbidden tag in ${html}`);
	if (/<[^>]*\son[a-z]+\s*=/i.test(html)) problems.push(`event attribute in ${html}`);
	const tree = fragment.parse(html) as Root;
	const stack: RootContent[] = [...tree.children];
	while (stack.length) {
		const node = stack.pop()!;
		if (node.type === 'comment') problems.push('comment in html');
		if (node.type !== 'element') continue;
		const el = node as Element;
		if (!ALLOWED.has(el.tagName)) problems.push(`<${el.tagName}> is not allowed`);
		const keys = Object.keys(el.properties ?? {});
		const allowedKeys = el.tagName === 'a' ? ['href'] : [];
		for (const k of keys) if (!allowedKeys.includes(k)) problems.push(`attribute ${k} on <${el.tagName}>`);
		if (el.tagName === 'a') {
			const href = String(el.properties?.href ?? '');
			if (!/^(https?:\/\/|mailto:)/i.test(href)) problems.push(`unsafe href ${href}`);
		}
		stack.push(...(el.children as RootContent[]));
	}
	return problems;
}

/** Every invariant of the Article contract; returns a list of problems (empty = fine). */
export function articleProblems(article: Article): string[] {
	const problems: string[] = [];
	if (!article.title || article.title !== article.title.trim()) problems.push('title empty or untrimmed');
	if (!/^zh-Han[st]$/.test(article.lang)) problems.push(`lang ${article.lang}`);
	for (const [k, v] of Object.entries(article.meta)) {
		if (v === '' || v === null || v === undefined || (Array.isArray(v) && !v.length)) problems.push(`empty meta.${k}`);
	}
	if (article.meta.published && !/^\d{4}-\d{2}-\d{2}$/.test(article.meta.published)) problems.push('published not ISO');
	const ids = new Set<string>();
	article.segments.forEach((s, i) => {
		if (s.id !== `s${i + 1}`) problems.push(`id ${s.id} at position ${i}`);
		ids.add(s.id);
		if (!(SEGMENT_KINDS as readonly string[]).includes(s.kind)) problems.push(`kind ${s.kind}`);
		if (!s.text.trim()) problems.push(`${s.id} has no text`);
		if (s.text !== s.text.trim()) problems.push(`${s.id} text is not trimmed`);
		if (/[ \t]{2,}|\n[ \t]/.test(s.text)) problems.push(`${s.id} text has uncollapsed whitespace`);
		if (s.kind === 'title' && i !== 0) problems.push('title is not first');
		problems.push(...htmlProblems(s.html).map((p) => `${s.id}: ${p}`));
	});
	for (const b of article.blocks) {
		if (!(BLOCK_KINDS as readonly string[]).includes(b.kind)) problems.push(`block kind ${b.kind}`);
		if (b.after !== null && !ids.has(b.after)) problems.push(`block after unknown ${b.after}`);
		if ((b.kind === 'image' || b.kind === 'embed') && !/^https?:\/\//.test(b.src ?? '')) problems.push(`block src ${b.src}`);
	}
	// Blocks are in document order: their anchors never go backwards.
	const order = (id: string | null) => (id === null ? 0 : Number(id.slice(1)));
	for (let k = 1; k < article.blocks.length; k++) {
		if (order(article.blocks[k]!.after) < order(article.blocks[k - 1]!.after)) problems.push('blocks out of order');
	}
	return problems;
}
