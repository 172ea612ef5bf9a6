// The English Markdown export (CommonMark + GFM footnotes): the translation with the source
// attributed. Text is escaped so that nothing in it can become markup — no raw HTML, no
// link, emphasis, heading, list, table or code syntax — and every link and image URL is
// scheme-checked and written as an angle-bracket destination.
import { docToText } from '../schema/text.ts';
import { safeLinkHref, safeMediaSrc } from '../schema/url.ts';
import type { Block, PMNodeJSON } from '../types.ts';
import { buildModel, imageView, type ExportModel, type Pair } from './model.ts';
import type { ExportInput } from './types.ts';
import { verdictInfo } from './verdicts.ts';

/**
 * Escapes text for Markdown: backslash before every ASCII character that can open or close
 * inline syntax (code, emphasis, links, footnotes, autolinks, raw HTML, entities, GFM
 * strikethrough and tables, ATX closing `#`), and, at the start of each line, before what
 * would start a block (lists, setext rules); leading whitespace (indented code) is dropped.
 * Newlines become hard breaks (`\` + newline).
 */
export function escapeMarkdown(text: string): string {
	return blockSafe(escapeInline(text));
}

/**
 * Inline escaping only (for pieces that are joined into a line before `blockSafe`). GFM
 * turns bare `http://…`, `https://…` and `www.…` into links (http/https only, so safe),
 * and a parser that finds them before escapes would keep the backslashes of escapes
 * inside them ("http://a.b/c\_d" showing its `\`): escaping their `:` or `.` makes such
 * parsers (cmark-gfm) leave the text plain, and the others (micromark) link the same text.
 */
function escapeInline(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.replace(/[\\`*_[\]<>&~|#!]/g, '\\$&')
		.replace(/\b(https?):/gi, '$1\\:')
		.replace(/\b(www)\./gi, '$1\\.')
		.replace(/\n/g, '\\\n');
}

/**
 * Makes each line of assembled inline Markdown unable to start a block: drops leading
 * whitespace and escapes a leading `-`, `+`, `=` or ordered-list number (`>`, `#`, `*`,
 * `<` and `|` were escaped inline already).
 */
function blockSafe(markdown: string): string {
	return markdown
		.split('\n')
		.map((line) => line.replace(/^[\t ]+/, '').replace(/^([-+=])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2'))
		.join('\n');
}

/**
 * A URL as a Markdown link destination: `<…>` form, with the few characters that could end
 * or break it percent-encoded. `null` when the URL is not safe (`media` = http/https only).
 */
export function markdownUrl(raw: unknown, media = false): string | null {
	const url = media ? safeMediaSrc(raw) : safeLinkHref(raw);
	if (!url) return null;
	return '<' + url.replace(/[<>\\\s]/g, (c) => encodeURIComponent(c)) + '>';
}

/** Inline Markdown of a target document (paragraphs joined by hard breaks). */
export function targetMarkdown(doc: PMNodeJSON | null | undefined): string {
	if (!doc) return '';
	const paragraphs = doc.type === 'doc' ? (doc.content ?? []) : [doc];
	// A break at the very end would show as a stray backslash.
	return blockSafe(paragraphs.map(paragraphMarkdown).join('\\\n')).replace(/(\\\n)+$/, '');
}

function paragraphMarkdown(p: PMNodeJSON): string {
	// Runs of nodes under the same (safe) link become one link.
	const runs: { href: string | null; text: string }[] = [];
	for (const node of p.content ?? []) {
		let piece: string;
		let href: string | null = null;
		if (node.type === 'hard_break') piece = '\\\n';
		else if (node.type === 'text' && node.text) {
			const marks = node.marks ?? [];
			piece = emphasize(node.text, marks.some((m) => m.type === 'strong') ? '**' : '', marks.some((m) => m.type === 'em') ? '*' : '');
			href = markdownUrl(marks.find((m) => m.type === 'link')?.attrs?.href);
		} else continue;
		const last = runs[runs.length - 1];
		if (last && last.href === href) last.text += piece;
		else runs.push({ href, text: piece });
	}
	return runs.map((r) => (r.href && r.text.trim() ? `[${r.text}](${r.href})` : r.text)).join('');
}

/** Wraps escaped text in emphasis delimiters, keeping outer whitespace outside them. */
function emphasize(text: string, strong: string, em: string): string {
	const escaped = escapeInline(text);
	if (!strong && !em) return escaped;
	const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(escaped)!;
	if (!m[2]) return escaped;
	return `${m[1]}${strong}${em}${m[2]}${em}${strong}${m[3]}`;
}

/** Renders the English Markdown file. Pure. Pairs without English are left out. */
export function englishMarkdown(input: ExportInput): string {
	const model = buildModel(input);
	const out: string[] = [];
	const referenced = new Set<number>();
	const refs = (pair: Pair) =>
		pair.claims
			.map((f) => {
				referenced.add(f.n);
				return `[^${f.n}]`;
			})
			.join('');

	const title = model.title;
	const titleText = title?.target ? targetMarkdown(title.target).replace(/\\\n/g, ' ') + refs(title) : escapeMarkdown((title?.segment.text ?? input.article.title).replace(/\n/g, ' '));
	out.push(`# ${titleText}`);
	out.push(attribution(model));
	if (model.lead) {
		const src = markdownUrl(model.lead.image.src, true);
		if (src) out.push(`![${escapeMarkdown(model.lead.image.alt).replace(/\\\n/g, ' ')}](${src})`);
		const caption = model.lead.caption;
		if (caption?.target) out.push(targetMarkdown(caption.target) + refs(caption));
	}

	let inList = false;
	for (const item of model.items) {
		if (item.type === 'block') {
			const md = blockMarkdown(item.block);
			if (md) out.push(md);
			inList = false;
			continue;
		}
		const { pair } = item;
		if (!pair.target) continue;
		const text = targetMarkdown(pair.target) + refs(pair);
		switch (pair.segment.kind) {
			case 'heading':
				out.push(`## ${text.replace(/\\\n/g, ' ')}`);
				break;
			case 'quote':
				out.push(text.split('\n').map((l) => `> ${l}`).join('\n'));
				break;
			case 'list_item': {
				const li = `- ${text.split('\n').join('\n  ')}`;
				// Consecutive items make one tight list.
				if (inList) out[out.length - 1] += '\n' + li;
				else out.push(li);
				inList = true;
				continue;
			}
			default:
				out.push(text);
		}
		inList = false;
	}

	for (const f of model.footnotes) if (referenced.has(f.n)) out.push(footnote(model, f.n));
	return out.join('\n\n') + '\n';
}

function attribution(model: ExportModel): string {
	const { input, title } = model;
	const { meta } = input.article;
	const oneLine = (s: string) => escapeMarkdown(s.replace(/\s*\n\s*/g, ' '));
	let s = `Translated from the Chinese original “${oneLine(title?.segment.text ?? input.article.title)}”`;
	const url = markdownUrl(model.sourceUrl);
	if (url && model.sourceUrl) s += ` (${url})`;
	if (model.published) s += `, published ${model.published}`;
	if (meta.byline?.trim()) s += `, by ${oneLine(meta.byline)}`;
	s += '.';
	const names = (list: string[]) => list.map((n) => n.trim()).filter(Boolean).join(', ');
	const translators = names(input.credits.translators);
	const reviewers = names(input.credits.reviewers);
	if (translators) s += ` Translated by ${oneLine(translators)}.`;
	if (reviewers) s += ` Reviewed by ${oneLine(reviewers)}.`;
	return s;
}

function footnote(model: ExportModel, n: number): string {
	const { claim, pair } = model.footnotes[n - 1]!;
	const oneLine = (s: string) => escapeMarkdown(s.replace(/\s*\n\s*/g, ' ').trim());
	const english = claim.target?.quote.trim() || (claim.target === null && pair?.target ? docToText(pair.target) : '');
	let s = `[^${n}]: **${escapeMarkdown(verdictInfo(claim.verdict).label)}.** “${oneLine(claim.anchor.quote)}”`;
	if (english) s += ` — “${oneLine(english)}”`;
	if (claim.claimant.trim()) s += `. Claimant: ${oneLine(claim.claimant)}`;
	s += '.';
	if (claim.note.trim()) s += ` ${oneLine(claim.note)}`;
	const evidence = claim.evidence
		.map((e) => {
			const url = markdownUrl(e.url, true);
			const title = oneLine(e.title) || 'Source';
			return url ? `[${title}](${url})` : title;
		})
		.filter(Boolean);
	if (evidence.length) s += ` Evidence: ${evidence.join('; ')}.`;
	return s;
}

function blockMarkdown(block: Block): string | null {
	switch (block.kind) {
		case 'image': {
			const image = imageView(block);
			const src = image && markdownUrl(image.src, true);
			return src ? `![${escapeMarkdown(image!.alt).replace(/\\\n/g, ' ')}](${src})` : null;
		}
		case 'embed': {
			const url = markdownUrl(block.src);
			return url ? `Embedded content: ${url}` : null;
		}
		case 'table': {
			const rows = (block.rows ?? []).filter((r) => r.length > 0);
			if (rows.length === 0) return null;
			const width = Math.max(...rows.map((r) => r.length));
			const cell = (c: string | undefined) => escapeMarkdown(String(c ?? '').replace(/\s*\n\s*/g, ' ')) || ' ';
			const line = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => cell(r[i])).join(' | ')} |`;
			return [line(rows[0]!), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(line)].join('\n');
		}
		case 'rule':
			return '---';
		default:
			return null;
	}
}
