// Export dialog URLs and labels.
import { describe, expect, it } from 'vitest';
import { countLabel, DEFAULT_CHOICE, exportUrl, previewUrl } from './choice.ts';

const E = '/api/articles/7/export';

describe('export dialog choice', () => {
	it('builds the export URL with only the options that apply', () => {
		expect(exportUrl(E, DEFAULT_CHOICE)).toBe('/api/articles/7/export?format=bilingual-html&layout=side-by-side');
		expect(exportUrl(E, { format: 'bilingual-html', layout: 'interleaved', includeComments: true, includeUntranslated: false })).toBe(
			'/api/articles/7/export?format=bilingual-html&layout=interleaved&comments=1&untranslated=0'
		);
		expect(exportUrl(E, { ...DEFAULT_CHOICE, format: 'tmx', includeComments: true })).toBe('/api/articles/7/export?format=tmx');
	});
	it('previews bilingual HTML inline, or the English HTML when chosen', () => {
		expect(previewUrl(E, { ...DEFAULT_CHOICE, format: 'xliff' })).toBe('/api/articles/7/export?format=bilingual-html&layout=side-by-side&inline=1');
		expect(previewUrl(E, { ...DEFAULT_CHOICE, format: 'html' })).toBe('/api/articles/7/export?format=html&inline=1');
	});
	it('counts issues in words', () => {
		expect(countLabel('untranslated', 1)).toBe('1 untranslated pair');
		expect(countLabel('claim', 3)).toBe('3 unresolved claims');
	});
});
