// Articles API (HTTP contract, ARCHITECTURE §4).
// POST: the body is the article file (text/markdown, text/html or text/plain, UTF-8,
// at most MAX_ARTICLE_BYTES); `?format=auto|mirror|markdown|html|text` overrides the
// choice the media type implies. Parsed completely before anything is written, so a
// refused file writes nothing. Answers 201 {id, warnings} with a Location header.
// GET: the article list, newest first.
import { api, requireUser } from '$lib/server/http/route';
import { readBodyBytes } from '$lib/server/http/body';
import { HttpError, json } from '$lib/server/http/errors';
import { runtime } from '$lib/server/runtime';
import { countArticles, insertArticle, listArticles } from '$lib/server/db/articles';
import { importArticle, ImportError, isImportFormat, MAX_ARTICLE_BYTES } from '$lib/article';
import { IMPORT_FORMATS, type ImportFormat } from '$lib/types';
import type { RequestHandler } from './$types';

const MEDIA_TYPES: Record<string, ImportFormat> = {
	// Markdown files may be plain markdown or the news-mirror format: detect which.
	'text/markdown': 'auto',
	'text/x-markdown': 'auto',
	'text/html': 'html',
	// Pasted text can be anything: detect.
	'text/plain': 'auto'
};

function formatOf(request: Request, url: URL): ImportFormat {
	const type = request.headers.get('content-type') ?? '';
	const media = type.split(';')[0]!.trim().toLowerCase();
	const implied = MEDIA_TYPES[media];
	if (!implied) {
		throw new HttpError('unsupported_media_type', `Send the article as text/markdown, text/html or text/plain (got ${media || 'no Content-Type'})`);
	}
	const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1];
	if (charset && !/^utf-?8$/i.test(charset)) {
		throw new HttpError('unsupported_media_type', `Only UTF-8 text is accepted (got charset=${charset})`);
	}
	const requested = url.searchParams.get('format');
	if (requested === null) return implied;
	if (!isImportFormat(requested)) throw new HttpError('bad_request', `format must be one of ${IMPORT_FORMATS.join(', ')}`);
	return requested;
}

export const POST: RequestHandler = api(async ({ locals, request, url }) => {
	const user = requireUser(locals, 'article.import');
	const format = formatOf(request, url);
	const body = await readBodyBytes(request, MAX_ARTICLE_BYTES);
	let result;
	try {
		result = importArticle(body, { format });
	} catch (err) {
		if (err instanceof ImportError) throw new HttpError(err.code === 'too_large' ? 'too_large' : 'bad_request', err.message);
		throw err;
	}
	const id = insertArticle(runtime().db, result, user.id);
	return json({ id, warnings: result.warnings }, 201, { location: `/api/articles/${id}` });
});

export const GET: RequestHandler = api(({ locals, url }) => {
	requireUser(locals, 'article.read');
	const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? 200) || 200, 1), 1000);
	const offset = Math.max(Number(url.searchParams.get('offset') ?? 0) || 0, 0);
	const db = runtime().db;
	return json({ articles: listArticles(db, { limit, offset }), total: countArticles(db) });
});
