// Where an anonymous browser may go: pure decisions used by hooks.server.ts (redirects
// to first-run setup or to sign-in) and by the login form (the `?next=` target).
// APIs are never redirected: they answer 401 JSON themselves (http/route.ts).

/** Pages anyone may open once the first account exists. */
export const PUBLIC_PAGES = ['/login', '/logout', '/setup'] as const;

/** Paths the gate leaves alone: the JSON API, built assets, the collab websocket. */
function ungated(path: string): boolean {
	return /^\/(api|_app|collab)(\/|$)/.test(path);
}

export interface GateState {
	/** At least one account exists (false on a fresh install). */
	hasUsers: boolean;
	signedIn: boolean;
}

/**
 * Where to send a page request instead of serving it, or null to serve it.
 * No accounts yet: every page goes to `/setup`. Anonymous: to `/login?next=<here>`.
 */
export function pageGate(path: string, search: string, state: GateState): string | null {
	if (ungated(path)) return null;
	if (!state.hasUsers) return path === '/setup' ? null : '/setup';
	if (state.signedIn || (PUBLIC_PAGES as readonly string[]).includes(path)) return null;
	const here = path + search;
	return here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`;
}

/**
 * The `?next=` target if it is a safe same-site path, else `fallback`. Refuses absolute
 * and protocol-relative URLs (`//evil`, `/\evil`), control characters, and the account
 * pages themselves (so sign-in never lands on sign-out).
 */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
	if (!next || next.length > 2048 || !next.startsWith('/') || next.startsWith('//')) return fallback;
	// Browsers treat `\` like `/` and ignore tabs/newlines inside URLs: refuse them all.
	// eslint-disable-next-line no-control-regex
	if (/[\\\u0000-\u001f\u007f]/.test(next)) return fallback;
	let url: URL;
	try {
		url = new URL(next, 'http://same.invalid');
	} catch {
		return fallback;
	}
	if (url.origin !== 'http://same.invalid') return fallback;
	if (/^\/(login|logout|setup)(\/|$)/.test(url.pathname)) return fallback;
	return url.pathname + url.search + url.hash;
}
