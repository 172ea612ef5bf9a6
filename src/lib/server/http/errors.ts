// The JSON error shape of the HTTP contract: `{ "error": { "code", "message" } }`.
import type { ErrorCode } from '../../types.ts';

const STATUS: Record<ErrorCode, number> = {
	bad_request: 400,
	unauthorized: 401,
	forbidden: 403,
	not_found: 404,
	conflict: 409,
	too_large: 413,
	unsupported_media_type: 415,
	rate_limited: 429,
	internal: 500
};

/** An error a route can throw; `handleError`/`apiRoute` turn it into the JSON shape. */
export class HttpError extends Error {
	readonly status: number;
	constructor(
		readonly code: ErrorCode,
		message: string
	) {
		super(message);
		this.status = STATUS[code];
	}
}

export function errorResponse(code: ErrorCode, message: string, headers: HeadersInit = {}): Response {
	return new Response(JSON.stringify({ error: { code, message } }), {
		status: STATUS[code],
		headers: { 'content-type': 'application/json; charset=utf-8', ...headers }
	});
}

export function json(data: unknown, status = 200, headers: HeadersInit = {}): Response {
	return new Response(JSON.stringify(data), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', ...headers }
	});
}
