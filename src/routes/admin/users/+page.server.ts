// User administration (admins only; everyone else gets a 403 page or a 403 form result):
// list, add, change role, deactivate/reactivate, reset a password. The side effects
// (closing sockets, ending sessions) live in $lib/server/auth/admin.
import { error, fail } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { can } from '$lib/server/auth/permissions';
import { addUser, changeActive, changeRole, resetPassword } from '$lib/server/auth/admin';
import { accountErrors, field, passwordErrors, summary, type FormFailure } from '$lib/server/auth/forms';
import { getUser, isRole, listUsers } from '$lib/server/auth/users';
import { HttpError } from '$lib/server/http/errors';
import { ROLES } from '$lib/types';
import type { Actions, PageServerLoad } from './$types';

const NOT_ADMIN = 'Only administrators can manage users';

export const load: PageServerLoad = ({ locals }) => {
	// Anonymous visitors were sent to sign-in by the hooks.
	if (!can(locals.user?.role, 'users.manage')) error(403, NOT_ADMIN);
	return { users: listUsers(runtime().db), roles: ROLES };
};

type Result = FormFailure & { action: string; id?: number };

/** `fail()` with the page's one failure shape, so the page sees every field. */
const failure = (status: number, data: Result) => fail(status, data);

/** A 403 form result unless the caller is an admin (actions do not run the page's load). */
function denied(locals: App.Locals, action: string) {
	return can(locals.user?.role, 'users.manage') ? null : failure(403, { action, message: NOT_ADMIN });
}

/** Runs a change; its HttpErrors (404, 409 last admin, 400) become form failures. */
async function attempt(action: string, id: number | undefined, run: () => Promise<string> | string) {
	try {
		return { action, id, ok: true as const, message: await run() };
	} catch (err) {
		if (err instanceof HttpError) return failure(err.status, { action, id, message: err.message });
		throw err;
	}
}

/** The `id` field as a user id, or 0 (no user has it). */
function idField(form: FormData): number {
	const raw = field(form, 'id');
	return /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : 0;
}

function named(id: number): string {
	const user = getUser(runtime().db, id);
	return user ? `${user.displayName} (${user.name})` : 'the user';
}

export const actions = {
	create: async ({ request, locals }) => {
		const refused = denied(locals, 'create');
		if (refused) return refused;
		const form = await request.formData();
		const input = {
			name: field(form, 'name'),
			displayName: field(form, 'displayName'),
			role: field(form, 'role'),
			password: field(form, 'password')
		};
		const values = { name: input.name, displayName: input.displayName, role: input.role };
		const errors = accountErrors(input);
		if (!isRole(input.role)) errors.role = 'Choose a role';
		if (Object.keys(errors).length || !isRole(input.role)) {
			return failure(400, { action: 'create', message: summary(errors), errors, values });
		}
		const role = input.role;
		const result = await attempt('create', undefined, async () => {
			const user = await addUser(runtime(), { ...input, role });
			return `Added ${user.displayName} (${user.name}) as ${user.role}`;
		});
		// Keep what was typed when the name is taken.
		if ('data' in result) return failure(result.status, { ...result.data, values });
		return result;
	},

	role: async ({ request, locals }) => {
		const refused = denied(locals, 'role');
		if (refused) return refused;
		const form = await request.formData();
		const id = idField(form);
		const role = field(form, 'role');
		if (!isRole(role)) return failure(400, { action: 'role', id, message: 'Choose a role' });
		return attempt('role', id, () => {
			const user = changeRole(runtime(), id, role);
			return `${user.displayName} (${user.name}) is now ${user.role}`;
		});
	},

	deactivate: async ({ request, locals }) => {
		const refused = denied(locals, 'deactivate');
		if (refused) return refused;
		const id = idField(await request.formData());
		return attempt('deactivate', id, () => {
			const user = changeActive(runtime(), id, false);
			return `Deactivated ${user.displayName} (${user.name}); they are signed out everywhere`;
		});
	},

	reactivate: async ({ request, locals }) => {
		const refused = denied(locals, 'reactivate');
		if (refused) return refused;
		const id = idField(await request.formData());
		return attempt('reactivate', id, () => {
			const user = changeActive(runtime(), id, true);
			return `Reactivated ${user.displayName} (${user.name})`;
		});
	},

	password: async ({ request, locals }) => {
		const refused = denied(locals, 'password');
		if (refused) return refused;
		const form = await request.formData();
		const id = idField(form);
		const password = field(form, 'password');
		const errors = passwordErrors(password, password);
		if (errors.password) return failure(400, { action: 'password', id, message: errors.password });
		return attempt('password', id, async () => {
			await resetPassword(runtime(), id, password);
			return `New password set for ${named(id)}; their sessions have ended`;
		});
	}
} satisfies Actions;
