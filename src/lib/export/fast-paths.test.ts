// The export's shortcuts for the common case (plain text needs no cleaning, markup-free
// source HTML needs no parser) give exactly what the general path gives.
import { describe, expect, it } from 'vitest';
import { htmlText } from './html-parts.ts';
import { sourceInline } from './inline.ts';

/** htmlText's general path, without the shortcut. */
const slowHtmlText = (text: string) =>
	text
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
		.replace(/\r\n?/g, '\n')
		.replace(/[\t\f ]+\n/g, '\n');

const SAMPLES = [
	'',
	'美国国务院周三表示，如果俄罗斯和朝鲜达成任何新的武器交易。',
	'The State Department said on Wednesday that sanctions would follow.',
	'  leading and trailing  ',
	'a > b and c >= d',
	'line one \nline two\t\nthree',
	'windows\r\nline\rends',
	'bell\u0007 escape\u001b del\u007f c1\u0085',
	'emoji 😀 and a lone \uD800 high and \uDC00 low surrogate',
	'noncharacters \uFDD0 \uFFFE \uFFFF',
	'form\ffeed',
	'\u00a0non-breaking\u00a0spaces\u2009thin'
];

describe('export fast paths', () => {
	it('htmlText returns what the three replacements return', () => {
		for (const s of SAMPLES) expect(htmlText(s)).toBe(slowHtmlText(s));
	});

	it('markup-free source HTML gives the same nodes as parsing it', () => {
		for (const s of SAMPLES.filter((x) => !/[<&\r\0]/.test(x) && x.trim() !== '')) {
			// A trailing <br> forces the parser; drop it again to compare.
			const parsed = sourceInline({ text: s, html: `${s}<br>` }).slice(0, -1);
			expect(sourceInline({ text: s, html: s })).toEqual(parsed);
		}
	});

	it('markup, references and carriage returns still go through the parser', () => {
		expect(sourceInline({ text: 'a & b', html: 'a &amp; b' })).toEqual([{ type: 'text', value: 'a & b' }]);
		const strong = sourceInline({ text: 'x', html: '<b>x</b>' });
		expect(strong).toHaveLength(1);
		expect(strong[0]).toMatchObject({ type: 'element', tagName: 'strong' });
		expect(sourceInline({ text: 'a\nb', html: 'a\r\nb' })).toEqual([{ type: 'text', value: 'a\nb' }]);
	});
});
