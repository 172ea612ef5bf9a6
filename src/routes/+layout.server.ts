import { can } from '$lib/server/auth/permissions';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user,
	/** Shows the Users link in the header; the admin pages check again on the server. */
	canManageUsers: can(locals.user?.role, 'users.manage')
});
