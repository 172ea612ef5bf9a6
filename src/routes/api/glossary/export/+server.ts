// GET /api/glossary/export?format=csv|tbx — the whole glossary as a download: CSV (UTF-8
// with BOM, header row; format in records/glossary-csv.ts) or TBX-Basic (ISO 30042:2019).
import { api, requireUser } from '$lib/server/http/route';
import { HttpError } from '$lib/server/http/errors';
import { runtime } from '$lib/server/runtime';
import { listGlossary } from '$lib/server/db/glossary';
import { glossaryToCsv } from '$lib/server/records/glossary-csv';
import { glossaryToTbx } from '$lib/server/records/glossary-tbx';
import type { RequestHandler } from './$types';

const FORMATS = {
	csv: { type: 'text/csv; charset=utf-8; header=present', ext: 'csv', render: glossaryToCsv },
	tbx: { type: 'application/x-tbx+xml; charset=utf-8', ext: 'tbx', render: (e: Parameters<typeof glossaryToTbx>[0]) => glossaryToTbx(e) }
} as const;

export const GET: RequestHandler = api(({ locals, url }) => {
	requireUser(locals, 'glossary.read');
	const format = url.searchParams.get('format') ?? 'csv';
	if (format !== 'csv' && format !== 'tbx') throw new HttpError('bad_request', 'format must be csv or tbx');
	const f = FORMATS[format];
	const day = new Date().toISOString().slice(0, 10);
	return new Response(f.render(listGlossary(runtime().db)), {
		headers: {
			'content-type': f.type,
			'content-disposition': `attachment; filename="duizhao-glossary-${day}.${f.ext}"`,
			'cache-control': 'no-store',
			'x-content-type-options': 'nosniff'
		}
	});
});
