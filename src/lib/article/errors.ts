// The one error type of the importer: bad input, with a machine-readable code and a
// one-line message a person can act on. Callers map it to HTTP 400/413 or a CLI exit code.

/** Why an input was refused. `too_large` maps to HTTP 413, everything else to 400. */
export type ImportErrorCode =
	| 'too_large'
	| 'binary'
	| 'not_utf8'
	| 'too_deep'
	| 'no_text'
	| 'bad_format';

/** Thrown by `importArticle` for input it will not import. The message is one line. */
export class ImportError extends Error {
	constructor(
		readonly code: ImportErrorCode,
		message: string
	) {
		super(message);
		this.name = 'ImportError';
	}
}
