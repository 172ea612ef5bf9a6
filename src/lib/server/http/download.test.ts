// Content-Disposition file names: ASCII stays as is, anything else gets a fallback and filename*.
import { describe, expect, it } from 'vitest';
import { contentDisposition, fileResponse } from './download.ts';

describe('contentDisposition', () => {
	it('quotes an ASCII name as is', () => {
		expect(contentDisposition('attachment', 'article-1-us-warns.tmx')).toBe('attachment; filename="article-1-us-warns.tmx"');
		expect(contentDisposition('inline', 'a b.html')).toBe('inline; filename="a b.html"');
	});
	it('replaces quotes, backslashes, controls and non-ASCII in the fallback and adds filename*', () => {
		const header = contentDisposition('attachment', '美国 "x"\\\r\n.html');
		expect(header).toBe(`attachment; filename="__ _x____.html"; filename*=UTF-8''%E7%BE%8E%E5%9B%BD%20%22x%22%5C%0D%0A.html`);
		expect(header).not.toMatch(/[\r\n]/);
		expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe('美国 "x"\\\r\n.html');
	});
	it('never leaves the fallback empty', () => {
		expect(contentDisposition('attachment', '')).toBe('attachment; filename="download"; filename*=UTF-8\'\'');
	});
});

describe('fileResponse', () => {
	it('sets type, disposition, no-store and the CSP when given', async () => {
		const res = fileResponse('<p>x</p>', 'text/html; charset=utf-8', 'x.html', { inline: true, csp: "default-src 'none'" });
		expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(res.headers.get('content-disposition')).toBe('inline; filename="x.html"');
		expect(res.headers.get('cache-control')).toBe('private, no-store');
		expect(res.headers.get('content-security-policy')).toBe("default-src 'none'");
		expect(await res.text()).toBe('<p>x</p>');
		expect(fileResponse('', 'application/xml', 'y.tmx').headers.get('content-security-policy')).toBeNull();
	});
});
