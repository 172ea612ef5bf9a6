// File responses: `Content-Disposition` with a safe file name (RFC 6266: an ASCII
// `filename` always, plus RFC 8187 `filename*` when the name has other characters), and
// the headers every generated file gets (no caching of private drafts, no sniffing).

/** `filename="…"` can carry printable ASCII except `"` and `\`; anything else becomes `_`. */
function asciiFallback(name: string): string {
	return name.replace(/[^\x20-\x7e]|["\\]/g, '_').trim() || 'download';
}

/** RFC 8187 ext-value: UTF-8, percent-encoded except attr-chars. */
function extValue(name: string): string {
	return `UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** The `Content-Disposition` value for a file called `name`. */
export function contentDisposition(kind: 'attachment' | 'inline', name: string): string {
	const ascii = asciiFallback(name);
	return ascii === name ? `${kind}; filename="${ascii}"` : `${kind}; filename="${ascii}"; filename*=${extValue(name)}`;
}

export interface FileResponseOptions {
	/** Show in the browser (a preview frame) instead of downloading. */
	inline?: boolean;
	/** A Content-Security-Policy for the file itself, when it is a document a browser renders. */
	csp?: string;
}

/** A generated file as a response: media type, disposition, no caching. */
export function fileResponse(content: string, mediaType: string, name: string, options: FileResponseOptions = {}): Response {
	const headers: Record<string, string> = {
		'content-type': mediaType,
		'content-disposition': contentDisposition(options.inline ? 'inline' : 'attachment', name),
		'cache-control': 'private, no-store'
	};
	if (options.csp) headers['content-security-policy'] = options.csp;
	return new Response(content, { headers });
}
