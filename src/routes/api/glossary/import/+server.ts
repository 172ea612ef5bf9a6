// POST /api/glossary/import — a CSV file (Content-Type text/csv, UTF-8, header row; format
// in records/glossary-csv.ts), imported all or nothing: rows update the entry with the same
// term and type or add one. 200 {"created","updated"}; 400 with `error.rows` listing every
// problem by row (and line) when any row is bad — then nothing is stored.
import { api, requireUser } from '$lib/server/http/route';
import { HttpError, json } from '$lib/server/http/errors';
import { readBodyBytes } from '$lib/server/http/body';
import { runtime } from '$lib/server/runtime';
import { CsvError, parseGlossaryCsv } from '$lib/server/records/glossary-csv';
import { ImportRejected, importGlossaryRows } from '$lib/server/records/glossary';
import type { RequestHandler } from './$types';

/** Largest CSV accepted (about 20,000 rows of generous entries). */
const MAX_CSV_BYTES = 8 * 1024 * 1024;
const MEDIA = new Set(['text/csv', 'application/csv', 'text/plain']);

export const POST: RequestHandler = api(async ({ locals, request }) => {
	const user = requireUser(locals, 'glossary.write');
	const type = request.headers.get('content-type') ?? '';
	const media = type.split(';')[0]!.trim().toLowerCase();
	if (!MEDIA.has(media)) throw new HttpError('unsupported_media_type', `Send the glossary as text/csv (got ${media || 'no Content-Type'})`);
	const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1];
	if (charset && !/^utf-?8$/i.test(charset)) throw new HttpError('unsupported_media_type', `Only UTF-8 CSV is accepted (got charset=${charset})`);
	const bytes = await readBodyBytes(request, MAX_CSV_BYTES);
	try {
		return json(importGlossaryRows(runtime(), user, parseGlossaryCsv(bytes)));
	} catch (err) {
		if (err instanceof CsvError) throw new HttpError('bad_request', err.message);
		if (err instanceof ImportRejected) return json({ error: { code: 'bad_request', message: err.message, rows: err.issues } }, 400);
		throw err;
	}
});
