// The workbench page: the article's source side, statuses and what this user may do.
import { error, redirect } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { can, canSetStatus } from '$lib/server/auth/permissions';
import { getArticle } from '$lib/server/db/articles';
import { listGlossary } from '$lib/server/db/glossary';
import { listUsers } from '$lib/server/auth/users';
import { STATUSES, type Status } from '$lib/types';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals, url }) => {
	const user = locals.user;
	if (!user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	if (!can(user.role, 'article.read')) error(403, 'Your role may not read articles');
	const id = /^[1-9]\d{0,15}$/.test(params.id) ? Number(params.id) : NaN;
	const article = Number.isNaN(id) ? null : getArticle(runtime().db, id);
	if (!article) error(404, 'No such article');
	const statuses: Record<string, Status> = {};
	for (const s of article.statuses) statuses[s.segmentId] = s.status;
	return {
		article: {
			id: article.id,
			title: article.title,
			lang: article.lang,
			meta: article.meta,
			segments: article.segments,
			blocks: article.blocks,
			createdAt: article.createdAt
		},
		statuses,
		canEdit: can(user.role, 'text.edit'),
		canExport: can(user.role, 'article.export'),
		allowedStatuses: STATUSES.filter((s) => canSetStatus(user.role, s)),
		// The workspace glossary: term highlights, Alt+1…9 and QA in the browser.
		glossary: listGlossary(runtime().db),
		canWriteGlossary: can(user.role, 'glossary.write'),
		canDeleteGlossary: can(user.role, 'glossary.delete'),
		/** Active members for @mention autocomplete and display names. */
		members: listUsers(runtime().db)
			.filter((u) => u.active)
			.map(({ id, name, displayName }) => ({ id, name, displayName })),
		/** Review actions this role may take (the API checks again). */
		review: {
			comment: can(user.role, 'comment.create'),
			resolveComments: can(user.role, 'comment.resolve'),
			deleteAnyComment: can(user.role, 'comment.delete.any'),
			createClaims: can(user.role, 'claim.create'),
			resolveClaims: can(user.role, 'claim.resolve')
		}
	};
};
