// Export options from a query string: defaults, flags, and a clear error per bad value.
import { describe, expect, it } from 'vitest';
import { ExportOptionError, exportOptionsFromQuery, parseFlag } from './options.ts';

const q = (s: string) => exportOptionsFromQuery(new URLSearchParams(s));

describe('exportOptionsFromQuery', () => {
	it('defaults to side-by-side bilingual HTML with the exporter defaults for flags', () => {
		expect(q('')).toEqual({ format: 'bilingual-html', layout: 'side-by-side' });
	});
	it('reads format, layout and the flags', () => {
		expect(q('format=bilingual-html&layout=interleaved&comments=1&untranslated=0')).toEqual({
			format: 'bilingual-html',
			layout: 'interleaved',
			includeComments: true,
			includeUntranslated: false
		});
		expect(q('format=tmx').format).toBe('tmx');
	});
	it('refuses unknown formats, layouts and flag values with the accepted values', () => {
		expect(() => q('format=pdf')).toThrow(ExportOptionError);
		expect(() => q('format=pdf')).toThrow(/format must be one of bilingual-html, html, markdown, xliff, tmx, claimreview/);
		expect(() => q('layout=columns')).toThrow(/layout must be one of side-by-side, interleaved/);
		expect(() => q('comments=maybe')).toThrow(/comments must be 1 or 0/);
	});
	it('parseFlag accepts 1/0, true/false, yes/no; empty is absent', () => {
		expect(['1', 'true', 'YES'].map((v) => parseFlag('x', v))).toEqual([true, true, true]);
		expect(['0', 'false', 'no'].map((v) => parseFlag('x', v))).toEqual([false, false, false]);
		expect(parseFlag('x', null)).toBeUndefined();
		expect(parseFlag('x', '')).toBeUndefined();
	});
});
