// GET /api/articles/<id>/export?format=…&layout=…[&comments=1][&untranslated=0][&inline=1]
// (HTTP contract): the file, rendered from persisted state, with its media type and a
// Content-Disposition file name. Editors and admins (`article.export`). `inline=1` serves it
// for the export dialog's preview frame: same bytes, shown instead of downloaded.
import { runtime } from '$lib/server/runtime';
import { api, intParam, requireUser } from '$lib/server/http/route';
import { HttpError } from '$lib/server/http/errors';
import { fileResponse } from '$lib/server/http/download';
import { loadExportInput } from '$lib/server/records/export';
import { CSP, ExportOptionError, exportOptionsFromQuery, parseFlag, renderExport } from '$lib/export';
import type { RequestHandler } from './$types';

/**
 * The file's own policy, as a header too: the exports' CSP (no script at all), plus
 * `sandbox` (an opaque origin, so even a browser bug could not reach the app's cookies or
 * API) and framing by our own pages only (the preview).
 */
const FILE_CSP = `${CSP}; sandbox; frame-ancestors 'self'`;

export const GET: RequestHandler = api(async ({ locals, params, url }) => {
	requireUser(locals, 'article.export');
	const id = intParam(params.id, 'article');
	let options, inline;
	try {
		options = exportOptionsFromQuery(url.searchParams);
		inline = parseFlag('inline', url.searchParams.get('inline')) ?? false;
	} catch (err) {
		if (err instanceof ExportOptionError) throw new HttpError('bad_request', err.message);
		throw err;
	}
	const input = await loadExportInput(runtime(), id);
	if (!input) throw new HttpError('not_found', 'No such article');
	const file = renderExport(input, options);
	return fileResponse(file.content, file.mediaType, file.fileName, { inline, csp: FILE_CSP });
});
