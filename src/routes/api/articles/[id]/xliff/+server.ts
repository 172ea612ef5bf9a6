// POST /api/articles/<id>/xliff[?overwrite=1] — body: an XLIFF 2.0 file (application/xliff+xml,
// application/xml or text/xml, at most 5 MiB). Fills the English of the pairs it has targets
// for into the live document (empty pairs only, unless overwrite=1) and answers
// `{filled: [segmentId…], skipped: [{id, reason}], warnings: […]}`.
// Who: editors and admins — it writes text (`text.edit`) for a whole article at once, the
// mirror image of exporting it (`article.export`).
import { runtime } from '$lib/server/runtime';
import { api, intParam, requireUser } from '$lib/server/http/route';
import { HttpError, json } from '$lib/server/http/errors';
import { readBodyBytes } from '$lib/server/http/body';
import { can } from '$lib/server/auth/permissions';
import { importXliff, MAX_XLIFF_BYTES } from '$lib/server/records/xliff-import';
import { ExportOptionError, parseFlag } from '$lib/export';
import type { RequestHandler } from './$types';

const TYPES = /^(application\/xliff\+xml|application\/xml|text\/xml)\s*(;|$)/i;

export const POST: RequestHandler = api(async ({ locals, params, request, url }) => {
	const user = requireUser(locals, 'article.export');
	if (!can(user.role, 'text.edit')) throw new HttpError('forbidden', `Your role (${user.role}) may not change the English`);
	const id = intParam(params.id, 'article');
	let overwrite;
	try {
		overwrite = parseFlag('overwrite', url.searchParams.get('overwrite')) ?? false;
	} catch (err) {
		if (err instanceof ExportOptionError) throw new HttpError('bad_request', err.message);
		throw err;
	}
	const type = request.headers.get('content-type') ?? '';
	if (!TYPES.test(type)) {
		throw new HttpError('unsupported_media_type', 'Send the XLIFF file as application/xliff+xml, application/xml or text/xml');
	}
	const charset = /;\s*charset="?([^";\s]+)/i.exec(type)?.[1];
	if (charset && !/^utf-?8$/i.test(charset)) throw new HttpError('unsupported_media_type', `XLIFF must be UTF-8, not ${charset.slice(0, 40)}`);
	const bytes = await readBodyBytes(request, MAX_XLIFF_BYTES);
	let text;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new HttpError('bad_request', 'The XLIFF file is not valid UTF-8');
	}
	return json(await importXliff(runtime(), user, id, text, { overwrite }));
});
