// The glossary's HTTP API from the browser: small fetch wrappers that return the server's
// error message (the contract's `{error:{code,message}}`) instead of throwing.
import type { GlossaryEntry, GlossaryFields } from '../../types.ts';

/** What the entry dialog sends. */
export type EntryFields = GlossaryFields;

export type Result<T> = { ok: true; value: T } | { ok: false; message: string; rows?: RowIssue[] };

/** A problem in one row of an imported CSV file. */
export interface RowIssue {
	row: number;
	line?: number;
	field: string;
	message: string;
}

async function call<T>(url: string, init: RequestInit, read: (res: Response) => Promise<T>): Promise<Result<T>> {
	let res: Response;
	try {
		res = await fetch(url, init);
	} catch {
		return { ok: false, message: 'The server could not be reached; nothing was saved.' };
	}
	if (res.ok) return { ok: true, value: await read(res) };
	const body = (await res.json().catch(() => null)) as { error?: { message?: string; rows?: RowIssue[] } } | null;
	return { ok: false, message: body?.error?.message ?? `The server answered ${res.status}.`, rows: body?.error?.rows };
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/** Adds an entry (`id` null) or changes one; returns the stored entry. */
export async function saveEntry(id: number | null, fields: EntryFields): Promise<Result<GlossaryEntry>> {
	const saved = await call(id === null ? '/api/glossary' : `/api/glossary/${id}`, { method: id === null ? 'POST' : 'PATCH', headers: JSON_HEADERS, body: JSON.stringify(fields) }, (r) =>
		r.json() as Promise<GlossaryEntry | { id: number }>
	);
	if (!saved.ok) return saved;
	if ('source' in saved.value) return { ok: true, value: saved.value };
	return fetchEntry(saved.value.id);
}

export function fetchEntry(id: number): Promise<Result<GlossaryEntry>> {
	return call(`/api/glossary/${id}`, {}, (r) => r.json() as Promise<GlossaryEntry>);
}

export function deleteEntry(id: number): Promise<Result<null>> {
	return call(`/api/glossary/${id}`, { method: 'DELETE' }, async () => null);
}

/** Imports a CSV file all or nothing. */
export function importCsv(file: File): Promise<Result<{ created: number; updated: number }>> {
	return call('/api/glossary/import', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: file }, (r) => r.json() as Promise<{ created: number; updated: number }>);
}
