import { describe, expect, it } from 'vitest';
import type { Block, Segment } from '../types.ts';
import { externalLinks, readingOrder } from './layout.ts';
import { importArticle } from './index.ts';

const seg = (id: string): Segment => ({ id, kind: 'paragraph', text: id, html: id });

describe('readingOrder', () => {
	it('puts blocks after their segment, leading blocks first, keeping block order', () => {
		const blocks: Block[] = [
			{ kind: 'image', after: null, src: 'https://e.com/0.jpg' },
			{ kind: 'rule', after: 's2' },
			{ kind: 'image', after: 's2', src: 'https://e.com/2.jpg' }
		];
		const rows = readingOrder([seg('s1'), seg('s2'), seg('s3')], blocks);
		expect(rows.map((r) => (r.type === 'segment' ? r.segment.id : `${r.block.kind}@${r.block.after}`))).toEqual([
			'image@null',
			's1',
			's2',
			'rule@s2',
			'image@s2',
			's3'
		]);
		expect(new Set(rows.filter((r) => r.type === 'block').map((r) => (r.type === 'block' ? r.key : ''))).size).toBe(3);
	});
	it('never loses a block with an unknown anchor', () => {
		const rows = readingOrder([seg('s1')], [{ kind: 'rule', after: 's9' }]);
		expect(rows.at(-1)).toMatchObject({ type: 'block', block: { kind: 'rule' } });
	});
});

describe('externalLinks', () => {
	it('opens every imported link in a new tab with noopener', () => {
		const { article } = importArticle('<p>见<a href="https://e.com/a?b=1&amp;c=2">此</a>和<a href="mailto:x@e.com">信</a>，a href= 文字</p>', { format: 'html' });
		expect(externalLinks(article.segments[0]!.html)).toBe(
			'见<a target="_blank" rel="noopener noreferrer" href="https://e.com/a?b=1&#x26;c=2">此</a>和<a target="_blank" rel="noopener noreferrer" href="mailto:x@e.com">信</a>，a href= 文字'
		);
	});
});
