import { can } from '$lib/server/auth/permissions';
import { runtime } from '$lib/server/runtime';
import { unreadCount } from '$lib/server/db/inbox';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, depends }) => {
	// Re-run (only this load) with invalidate('app:inbox') when a mention arrives or is read.
	depends('app:inbox');
	return {
		user: locals.user,
		/** Shows the Users link in the header; the admin pages check again on the server. */
		canManageUsers: can(locals.user?.role, 'users.manage'),
		/** Unseen @mentions, for the Inbox link. */
		unreadMentions: locals.user ? unreadCount(runtime().db, locals.user.id) : 0
	};
};
