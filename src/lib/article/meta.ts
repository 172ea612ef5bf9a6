// Article metadata from the places formats keep it: markdown YAML front matter and the
// `<head>` of an HTML page. Only known fields, only non-empty values (the contract omits
// unknown fields rather than sending empty strings). Pure.
import type { Element, Root } from 'hast';
import { parse as parseYaml } from 'yaml';
import type { ArticleMeta } from '../types.ts';
import { safeMediaSrc } from '../schema/url.ts';
import { parseDate } from './conventions.ts';
import { collapseText } from './inline.ts';
import { attr } from './sanitize.ts';

/** Metadata plus the title a format declares outside its body, if any. */
export interface DeclaredMeta {
	title?: string;
	meta: ArticleMeta;
}

function str(value: unknown): string | undefined {
	if (typeof value === 'string') return collapseText(value) || undefined;
	if (typeof value === 'number') return String(value);
	return undefined;
}

function dateOf(value: unknown): string | undefined {
	if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
	const s = str(value);
	return s ? parseDate(s) : undefined;
}

function tagsOf(value: unknown): string[] | undefined {
	const list = Array.isArray(value)
		? value.map(str)
		: typeof value === 'string'
			? value.split(/[,，、\s]+/)
			: [];
	const tags = [...new Set(list.map((t) => (t ? collapseText(t) : '')).filter(Boolean))];
	return tags.length ? tags : undefined;
}

/** Http(s) URL for `sourceUrl`, else undefined. */
function urlOf(value: unknown): string | undefined {
	return safeMediaSrc(str(value)) ?? undefined;
}

/** Drops undefined and empty values so the meta object holds known, filled fields only. */
export function cleanMeta(meta: ArticleMeta): ArticleMeta {
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(meta)) {
		if (v === undefined || v === null || v === '') continue;
		if (Array.isArray(v) && v.length === 0) continue;
		out[k] = v;
	}
	return out as ArticleMeta;
}

/** Reads YAML front matter (Jekyll/Hugo style keys). Bad YAML is a warning, not an error. */
export function frontMatterMeta(yaml: string, warnings: string[]): DeclaredMeta {
	let data: unknown;
	try {
		data = parseYaml(yaml, { maxAliasCount: 50 });
	} catch {
		warnings.push('The front matter is not valid YAML; it was ignored');
		return { meta: {} };
	}
	if (!data || typeof data !== 'object' || Array.isArray(data)) return { meta: {} };
	const d = data as Record<string, unknown>;
	const pick = (...keys: string[]) => keys.map((k) => d[k]).find((v) => v !== undefined && v !== null && v !== '');
	return {
		title: str(pick('title')),
		meta: cleanMeta({
			sourceUrl: urlOf(pick('sourceUrl', 'source_url', 'source', 'url', 'canonical', 'canonical_url', 'original', 'link')),
			published: dateOf(pick('published', 'date', 'pubdate', 'publishDate')),
			dateline: str(pick('dateline')),
			byline: str(pick('byline', 'author', 'authors')),
			editor: str(pick('editor')),
			description: str(pick('description', 'summary', 'excerpt')),
			tags: tagsOf(pick('tags', 'keywords'))
		})
	};
}

function findAll(root: Root | Element, tag: string): Element[] {
	const found: Element[] = [];
	const stack = [...root.children];
	while (stack.length) {
		const node = stack.pop()!;
		if (node.type !== 'element') continue;
		if (node.tagName === tag) found.push(node);
		for (const child of node.children) stack.push(child);
	}
	return found;
}

/** Reads `<title>`, `<meta>` (Open Graph, article:*, description) and the canonical link. */
export function headMeta(head: Element | undefined): DeclaredMeta {
	if (!head) return { meta: {} };
	const metas = new Map<string, string>();
	for (const el of findAll(head, 'meta')) {
		const key = (attr(el.properties, 'property') ?? attr(el.properties, 'name') ?? attr(el.properties, 'itemProp') ?? '').toLowerCase();
		const content = attr(el.properties, 'content');
		if (key && content && !metas.has(key)) metas.set(key, content);
	}
	const canonical = findAll(head, 'link').find((l) => attr(l.properties, 'rel')?.toLowerCase().split(/\s+/).includes('canonical'));
	const titleEl = findAll(head, 'title')[0];
	const titleText = titleEl ? titleEl.children.map((c) => (c.type === 'text' ? c.value : '')).join('') : undefined;
	const tags = [...findAll(head, 'meta')]
		.filter((el) => (attr(el.properties, 'property') ?? '').toLowerCase() === 'article:tag')
		.map((el) => attr(el.properties, 'content') ?? '');
	return {
		title: str(metas.get('og:title')) ?? str(titleText),
		meta: cleanMeta({
			sourceUrl: urlOf(attr(canonical?.properties, 'href')) ?? urlOf(metas.get('og:url')),
			published: dateOf(metas.get('article:published_time') ?? metas.get('datepublished') ?? metas.get('pubdate') ?? metas.get('date')),
			byline: str(metas.get('author')),
			description: str(metas.get('description') ?? metas.get('og:description')),
			tags: tagsOf(tags.length ? tags : metas.get('keywords'))
		})
	};
}
