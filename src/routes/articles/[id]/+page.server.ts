// The workbench page: the article's source side, statuses and what this user may do.
import { error, redirect } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { can, canSetStatus } from '$lib/server/auth/permissions';
import { listStatuses } from '$lib/server/records/statuses';
import { STATUSES, type Block, type Segment, type Status } from '$lib/types';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals, url }) => {
	const user = locals.user;
	if (!user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	if (!/^[1-9]\d{0,15}$/.test(params.id)) error(404, 'No such article');
	const id = Number(params.id);
	const rt = runtime();
	const row = rt.db.prepare('SELECT id, title, lang, meta, blocks FROM articles WHERE id = ?').get(id) as
		| { id: number; title: string; lang: string; meta: string; blocks: string }
		| undefined;
	if (!row) error(404, 'No such article');
	const segments = rt.db
		.prepare('SELECT id, kind, text, html FROM segments WHERE article_id = ? ORDER BY position')
		.all(id) as Segment[];
	const statuses: Record<string, Status> = {};
	for (const s of listStatuses(rt, id)) statuses[s.segmentId] = s.status;
	return {
		article: { id: row.id, title: row.title, lang: row.lang, meta: JSON.parse(row.meta), segments, blocks: JSON.parse(row.blocks) as Block[] },
		statuses,
		canEdit: can(user.role, 'text.edit'),
		allowedStatuses: STATUSES.filter((s) => canSetStatus(user.role, s))
	};
};
