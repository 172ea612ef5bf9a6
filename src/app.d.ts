// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser } from '$lib/types';

declare global {
	namespace App {
		interface Error {
			code?: string;
		}
		interface Locals {
			/** The signed-in user, resolved by hooks.server.ts; `null` when anonymous. */
			user: SessionUser | null;
			/** How the user authenticated: the session cookie or a bearer token. */
			auth: 'cookie' | 'token' | null;
		}
	}
}

export {};
