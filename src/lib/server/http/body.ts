// Reading request bodies with a byte limit, so an oversized upload is refused with 413
// before it is buffered whole, and JSON bodies that do not parse get a clear 400.
import { HttpError } from './errors.ts';

/** Reads at most `limit` bytes of the body; throws 413 `too_large` beyond that. */
export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array> {
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (declared > limit) throw new HttpError('too_large', `Body is ${declared} bytes; the limit is ${limit}`);
	if (!request.body) return new Uint8Array(0);
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > limit) {
			await reader.cancel();
			throw new HttpError('too_large', `Body is over the limit of ${limit} bytes`);
		}
		chunks.push(value);
	}
	const out = new Uint8Array(total);
	let offset = 0;
	for (const c of chunks) {
		out.set(c, offset);
		offset += c.byteLength;
	}
	return out;
}

/** Reads and parses a JSON object body (default limit 256 KiB). */
export async function readJson(request: Request, limit = 256 * 1024): Promise<Record<string, unknown>> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/json\b/i.test(type)) {
		throw new HttpError('bad_request', 'Expected Content-Type: application/json');
	}
	const bytes = await readBodyBytes(request, limit);
	let value: unknown;
	try {
		value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	} catch {
		throw new HttpError('bad_request', 'Body is not valid UTF-8 JSON');
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new HttpError('bad_request', 'Body must be a JSON object');
	}
	return value as Record<string, unknown>;
}
