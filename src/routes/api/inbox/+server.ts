// GET /api/inbox → {mentions: [{comment, article, segmentId, seen}], unread} for the signed-in
// user; POST {commentIds?} marks those mentions (or all) as seen → {unread}.
import { z } from 'zod';
import { runtime } from '$lib/server/runtime';
import { api, requireUser } from '$lib/server/http/route';
import { json } from '$lib/server/http/errors';
import { readJson } from '$lib/server/http/body';
import { listInbox, markSeen, unreadCount } from '$lib/server/db/inbox';
import { parse } from '$lib/server/records/review-input';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals }) => {
	const user = requireUser(locals);
	const db = runtime().db;
	return json({ mentions: listInbox(db, user.id), unread: unreadCount(db, user.id) });
});

const seenShape = z.object({ commentIds: z.array(z.number().int().positive()).max(1000).optional() });

export const POST: RequestHandler = api(async ({ locals, request }) => {
	const user = requireUser(locals);
	const { commentIds } = parse(seenShape, await readJson(request, 32 * 1024));
	const db = runtime().db;
	markSeen(db, user.id, commentIds);
	return json({ unread: unreadCount(db, user.id) });
});
