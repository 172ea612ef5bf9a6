// Every vector of tests/fixtures/xss-vectors.json through the importer, as markdown, as
// HTML and inside a mirror page: no script, style, event attribute or non-http(s)/mailto
// URL may survive into any segment's html or any block's src.
import { describe, expect, it } from 'vitest';
import vectors from '../../../tests/fixtures/xss-vectors.json';
import type { ImportFormat, ImportResult } from '../types.ts';
import { ImportError, importArticle } from './index.ts';
import { htmlProblems } from './test-helpers.ts';

interface Vector {
	id: string;
	payload: string;
}

const list = vectors as Vector[];

function run(input: string, format: ImportFormat): ImportResult | null {
	try {
		return importArticle(input, { format });
	} catch (err) {
		// Refusing the input is a safe outcome too: nothing left but the attack, or a NUL
		// byte (binary data).
		if (err instanceof ImportError && (err.code === 'no_text' || (err.code === 'binary' && input.includes('\u0000')))) return null;
		throw err;
	}
}

function problems(result: ImportResult | null): string[] {
	if (!result) return [];
	const out: string[] = [];
	for (const s of result.article.segments) out.push(...htmlProblems(s.html).map((p) => `${s.id}: ${p}`));
	for (const b of result.article.blocks) {
		if (b.src !== undefined && !/^https?:\/\//i.test(b.src)) out.push(`block src ${b.src}`);
		if (b.kind !== 'image' && b.kind !== 'embed' && b.src !== undefined) out.push(`${b.kind} block with src`);
	}
	const meta = result.article.meta;
	if (meta.sourceUrl && !/^https?:\/\//.test(meta.sourceUrl)) out.push(`sourceUrl ${meta.sourceUrl}`);
	return out;
}

const mirrorPage = (payload: string) => `### 标题

---

#### [首页](../../../..?n1) &nbsp;|&nbsp; [评论](../../../../../epoch-comment?n1)

<div class="post_content" id="artbody" itemprop="articleBody">
 <p>前文。</p>
 ${payload}
 <p>后文。</p>
</div>

---

原文链接（需翻墙）：https://www.example.com/gb/1/1/1/n1.htm`;

describe('XSS vectors', () => {
	it('loads the vector list', () => expect(list.length).toBeGreaterThan(50));

	for (const v of list) {
		it(`${v.id}: nothing executable survives`, () => {
			const cases: [string, ImportFormat][] = [
				[v.payload, 'markdown'],
				[v.payload, 'html'],
				[`<p>前文。</p>${v.payload}<p>后文。</p>`, 'html'],
				[`前文。\n\n${v.payload}\n\n后文。`, 'markdown'],
				[mirrorPage(v.payload), 'mirror'],
				[v.payload, 'auto']
			];
			for (const [input, format] of cases) {
				const result = run(input, format);
				expect(problems(result), `${format}: ${input.slice(0, 80)}`).toEqual([]);
			}
			// With text around it, the article survives: the attack is removed, not the page.
			if (v.payload.includes('\u0000')) return;
			const wrapped = run(`<p>前文。</p>${v.payload}<p>后文。</p>`, 'html')!;
			const texts = wrapped.article.segments.map((s) => s.text).join('\n');
			expect(texts).toContain('前文。');
		});
	}
});
