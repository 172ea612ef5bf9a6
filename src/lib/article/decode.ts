// Turns the raw input (bytes or a string) into clean text, refusing what is not an
// article: too large, binary, not UTF-8. Pure.
import { ImportError } from './errors.ts';
import { MAX_ARTICLE_BYTES } from './limits.ts';

// C0 controls other than tab, LF, FF and CR, plus DEL and C1: never part of an article.
// eslint-disable-next-line no-control-regex
const STRAY_CONTROLS = /[\u0001-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g;

/** UTF-8 byte length of a string without allocating its encoding. */
function utf8Length(s: string): number {
	let n = 0;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 0x80) n += 1;
		else if (c < 0x800) n += 2;
		else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
			n += 4;
			i++;
		} else n += 3;
	}
	return n;
}

function describeBinary(bytes: Uint8Array): string {
	const b = bytes;
	const head = String.fromCharCode(...b.subarray(0, 8));
	if (head.startsWith('%PDF')) return 'The file is a PDF, not a text article';
	if (head.startsWith('PK\u0003\u0004')) return 'The file is a ZIP archive (or a Word/OpenDocument file), not a text article';
	if (head.startsWith('\u0089PNG') || (b[0] === 0xff && b[1] === 0xd8) || head.startsWith('GIF8')) {
		return 'The file is an image, not a text article';
	}
	return 'The file contains binary data (NUL bytes), not text';
}

/**
 * Decodes and checks the input. Bytes must be strict UTF-8 (a BOM is dropped); a string
 * is taken as already decoded. Throws `ImportError` with codes `too_large`, `binary` or
 * `not_utf8`. Stray control characters are removed; line endings become `\n`.
 */
export function decodeInput(input: Uint8Array | string): string {
	let text: string;
	if (typeof input === 'string') {
		if (input.length > MAX_ARTICLE_BYTES || utf8Length(input) > MAX_ARTICLE_BYTES) {
			throw new ImportError('too_large', `The article is over the limit of ${MAX_ARTICLE_BYTES} bytes`);
		}
		if (input.includes('\u0000')) throw new ImportError('binary', 'The text contains NUL characters, so it is binary data, not an article');
		text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
	} else {
		if (input.byteLength > MAX_ARTICLE_BYTES) {
			throw new ImportError('too_large', `The file is ${input.byteLength} bytes; the limit is ${MAX_ARTICLE_BYTES}`);
		}
		if ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff)) {
			throw new ImportError('not_utf8', 'The file is UTF-16 text; save it as UTF-8 and try again');
		}
		if (input.includes(0)) throw new ImportError('binary', describeBinary(input));
		try {
			// ignoreBOM false (the default) strips a leading UTF-8 BOM.
			text = new TextDecoder('utf-8', { fatal: true }).decode(input);
		} catch {
			throw new ImportError('not_utf8', 'The file is not valid UTF-8 text (convert it from GBK/Big5 or another encoding to UTF-8)');
		}
	}
	const controls = text.match(STRAY_CONTROLS)?.length ?? 0;
	// A stray control character or two is noise from copy-paste; many of them is binary.
	if (controls > 16 && controls > text.length / 1000) {
		throw new ImportError('binary', 'The file contains binary data (control characters), not text');
	}
	if (controls) text = text.replace(STRAY_CONTROLS, '');
	return text.replace(/\r\n?/g, '\n');
}
