// Decides whether a websocket upgrade request may become a collaboration connection, before
// `handleUpgrade` and before any document is created or loaded (ARCHITECTURE §4 Auth). The
// checks run cheapest first, and the ones that need no database come before the ones that
// do: path and name shape → credentials present → Origin (cookie sessions) → who is it (DB)
// → role → per-user limits → article exists (DB). Everything here is pure given `deps`.
import type { IncomingHttpHeaders } from 'node:http';
import type { ErrorCode, SessionUser } from '../../types.ts';
import { can } from '../auth/permissions.ts';
import { SESSION_COOKIE, type Credentials, type Resolved } from '../auth/resolve.ts';

/** Websocket path prefix; the document name follows it. */
export const COLLAB_PREFIX = '/collab/';
/** Longest request target considered at all; longer ones are refused before parsing. */
export const MAX_URL_LENGTH = 2048;
/** `article-<id>` with a positive integer id of at most 15 digits (a safe integer). */
const DOC_NAME = /^article-([1-9][0-9]{0,14})$/;

export type ParsedUrl =
	| { kind: 'other' }
	| { kind: 'bad'; message: string }
	| { kind: 'doc'; docName: string; articleId: number; token: string | null; saveStatus: boolean };

/**
 * Parses a request target. Not under `/collab/` → `other` (Vite's HMR socket in dev).
 * Under it, only `/collab/article-<id>` with an optional query is a document; anything else
 * (`../x`, `%2e%2e`, a 10 KB name, a second path segment) is `bad`. No decoding is done: the
 * name is matched byte for byte, so no encoding trick reaches the database.
 */
export function parseCollabUrl(url: string | undefined): ParsedUrl {
	const target = url ?? '';
	if (!target.startsWith(COLLAB_PREFIX)) return { kind: 'other' };
	if (target.length > MAX_URL_LENGTH) return { kind: 'bad', message: 'Request target too long' };
	const q = target.indexOf('?');
	const name = target.slice(COLLAB_PREFIX.length, q === -1 ? undefined : q);
	const m = DOC_NAME.exec(name);
	if (!m) return { kind: 'bad', message: 'Document names look like article-<id>' };
	const params = new URLSearchParams(q === -1 ? '' : target.slice(q + 1));
	return {
		kind: 'doc',
		docName: name,
		articleId: Number(m[1]),
		token: params.get('token'),
		saveStatus: params.get('saveStatus') === '1'
	};
}

/** Parses a document name alone (`article-<id>`), or null. */
export function parseDocName(docName: string): { docName: string; articleId: number } | null {
	const m = DOC_NAME.exec(docName);
	return m ? { docName, articleId: Number(m[1]) } : null;
}

/** The value of one cookie in a `Cookie` header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
	if (!header) return null;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
		const raw = part.slice(eq + 1).trim();
		try {
			return decodeURIComponent(raw);
		} catch {
			return raw;
		}
	}
	return null;
}

/**
 * Whether a cookie-authenticated upgrade comes from our own pages: `Origin` must equal the
 * configured public origin or, without one, the request's own `http(s)://Host` (the same
 * rule as hooks.server.ts applies to unsafe HTTP requests).
 */
export function originAllowed(origin: string | undefined, host: string | undefined, configured: string | null): boolean {
	if (!origin) return false;
	if (configured) return origin === configured.replace(/\/+$/, '');
	if (!host) return false;
	return origin === `http://${host}` || origin === `https://${host}`;
}

export interface UpgradeRequest {
	url?: string;
	headers: IncomingHttpHeaders;
}

export interface UpgradeDeps {
	/** Configured public origin (`ORIGIN`), if any. */
	origin: string | null;
	/** Session or token lookup (database). */
	resolve(creds: Credentials): Resolved | null;
	/** Per-user limits: null if admitted, else why not. No database. */
	admit(user: SessionUser, docName: string): string | null;
	/** Whether the article exists (database). */
	articleExists(articleId: number): boolean;
}

export type UpgradeDecision =
	| { kind: 'ignore' }
	| { kind: 'reject'; status: 400 | 401 | 403 | 404 | 429; message: string }
	| {
			kind: 'accept';
			docName: string;
			articleId: number;
			user: SessionUser;
			auth: Resolved['auth'];
			readOnly: boolean;
			saveStatus: boolean;
	  };

/**
 * The whole admission decision. With `dev`, upgrades outside `/collab/` are left to others
 * (`ignore`); in production they are rejected.
 */
export function decideUpgrade(req: UpgradeRequest, dev: boolean, deps: UpgradeDeps): UpgradeDecision {
	const parsed = parseCollabUrl(req.url);
	if (parsed.kind === 'other') {
		return dev ? { kind: 'ignore' } : { kind: 'reject', status: 404, message: 'Not found' };
	}
	if (parsed.kind === 'bad') return { kind: 'reject', status: 400, message: parsed.message };

	const sessionId = parsed.token ? null : readCookie(req.headers.cookie, SESSION_COOKIE);
	if (!parsed.token && !sessionId) {
		return { kind: 'reject', status: 401, message: 'Sign in, or pass ?token=<personal access token>' };
	}
	// Browsers send the cookie with cross-site websocket requests too: only our own pages may
	// use it. A token carries no ambient authority, so token requests skip this.
	if (sessionId && !originAllowed(req.headers.origin, req.headers.host, deps.origin)) {
		return { kind: 'reject', status: 403, message: 'Cross-site websocket refused' };
	}
	const resolved = deps.resolve({ token: parsed.token, sessionId });
	if (!resolved) return { kind: 'reject', status: 401, message: 'Session or token not valid' };
	const { user } = resolved;
	if (!can(user.role, 'article.read')) return { kind: 'reject', status: 403, message: 'Your role may not read articles' };

	const refused = deps.admit(user, parsed.docName);
	if (refused) return { kind: 'reject', status: 429, message: refused };
	if (!deps.articleExists(parsed.articleId)) return { kind: 'reject', status: 404, message: 'No such article' };

	return {
		kind: 'accept',
		docName: parsed.docName,
		articleId: parsed.articleId,
		user,
		auth: resolved.auth,
		readOnly: !can(user.role, 'text.edit'),
		saveStatus: parsed.saveStatus
	};
}

const REASONS: Record<number, [string, ErrorCode]> = {
	400: ['Bad Request', 'bad_request'],
	401: ['Unauthorized', 'unauthorized'],
	403: ['Forbidden', 'forbidden'],
	404: ['Not Found', 'not_found'],
	429: ['Too Many Requests', 'rate_limited'],
	500: ['Internal Server Error', 'internal'],
	503: ['Service Unavailable', 'internal']
};

/** The raw HTTP response written on the socket for a refused upgrade. */
export function rejectionResponse(status: number, message: string): string {
	const [reason, code] = REASONS[status] ?? ['Error', 'internal'];
	const body = JSON.stringify({ error: { code, message } });
	return (
		`HTTP/1.1 ${status} ${reason}\r\n` +
		'Connection: close\r\n' +
		'Content-Type: application/json\r\n' +
		`Content-Length: ${Buffer.byteLength(body)}\r\n` +
		'\r\n' +
		body
	);
}
