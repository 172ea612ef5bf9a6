// Validating glossary input (HTTP bodies and CSV rows alike) into one clean shape. zod
// checks each field; the rules across fields (a rendering is required unless the term is
// kept verbatim, no rendering is also forbidden) follow. Never throws: callers turn the
// issues into a 400 or a per-row report.
import { z } from 'zod';
import { TERM_TYPES, type GlossaryFields } from '../../types.ts';

/** A validated glossary entry, ready to store: 1–10 `targets` (none when `doNotTranslate`). */
export type GlossaryInput = GlossaryFields;

/** What is wrong with one field (`field` is empty for rules across fields). */
export interface Issue {
	field: string;
	message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** Limits, in characters (Unicode code points, so 𠮷 counts one). */
export const LIMITS = {
	source: 100,
	target: 200,
	targets: 10,
	note: 2000,
	forbidden: 20
} as const;

const length = (s: string) => [...s].length;
/** C0/C1 controls (and lone surrogates, which no text should hold). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;
const HAS_TEXT = /[\p{L}\p{N}]/u;

/** A one-line string: trimmed, `min`–`max` characters, no control characters. */
function line(what: string, max: number) {
	return z
		.string({ error: `${what} must be a string` })
		.trim()
		.refine((s) => length(s) >= 1, { error: `${what} is empty`, abort: true })
		.refine((s) => length(s) <= max, { error: `${what} is longer than ${max} characters`, abort: true })
		.refine((s) => !CONTROL.test(s), { error: `${what} contains control characters or line breaks`, abort: true });
}

const source = line('source', LIMITS.source).refine((s) => HAS_TEXT.test(s), { error: 'source must contain letters or digits, not only punctuation', abort: true });
const rendering = line('rendering', LIMITS.target);
const variant = line('forbidden variant', LIMITS.target);
const note = z
	.string({ error: 'note must be a string' })
	.trim()
	.refine((s) => length(s) <= LIMITS.note, { error: `note is longer than ${LIMITS.note} characters`, abort: true })
	.refine((s) => !CONTROL_EXCEPT_LINES.test(s), { error: 'note contains control characters', abort: true });
const type = z.enum(TERM_TYPES, { error: `type must be one of ${TERM_TYPES.join(', ')}` });

/** Every field a client may send; all optional here, required ones are checked after. */
const fields = z
	.object({
		source: source.optional(),
		target: rendering.optional(),
		targets: z
			.array(rendering, { error: 'targets must be an array of strings' })
			.max(LIMITS.targets, `at most ${LIMITS.targets} renderings`)
			.optional(),
		type: type.optional(),
		note: note.optional(),
		forbidden: z
			.array(variant, { error: 'forbidden must be an array of strings' })
			.max(LIMITS.forbidden, `at most ${LIMITS.forbidden} forbidden variants`)
			.optional(),
		doNotTranslate: z.boolean({ error: 'doNotTranslate must be true or false' }).optional()
	})
	.strict();

type Fields = z.infer<typeof fields>;

function issuesOf(error: z.ZodError): Issue[] {
	return error.issues.map((i) => {
		if (i.code === 'unrecognized_keys') return { field: '', message: `unknown field${i.keys.length > 1 ? 's' : ''}: ${i.keys.join(', ')}` };
		const [head, index] = i.path;
		const field = head === undefined ? '' : typeof index === 'number' ? `${String(head)}[${index}]` : String(head);
		return { field, message: i.message };
	});
}

function parseFields(body: unknown): Validated<Fields> {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, issues: [{ field: '', message: 'expected a JSON object' }] };
	const r = fields.safeParse(body);
	if (!r.success) return { ok: false, issues: issuesOf(r.error) };
	if (r.data.target !== undefined && r.data.targets !== undefined) {
		return { ok: false, issues: [{ field: 'target', message: 'send target (one rendering) or targets (a list), not both' }] };
	}
	return { ok: true, value: r.data };
}

const fold = (s: string) => s.toLowerCase();

/** The rules across fields, on a complete entry. */
function checkWhole(e: GlossaryInput): Validated<GlossaryInput> {
	const issues: Issue[] = [];
	if (e.targets.length === 0 && !e.doNotTranslate) issues.push({ field: 'targets', message: 'give at least one English rendering (or mark the term do-not-translate)' });
	const seen = new Set<string>();
	e.targets.forEach((t, i) => {
		if (seen.has(fold(t))) issues.push({ field: `targets[${i}]`, message: `rendering “${t}” is listed twice` });
		seen.add(fold(t));
	});
	const seenVariants = new Set<string>();
	e.forbidden.forEach((v, i) => {
		if (seen.has(fold(v))) issues.push({ field: `forbidden[${i}]`, message: `“${v}” is both a rendering and forbidden` });
		if (seenVariants.has(fold(v))) issues.push({ field: `forbidden[${i}]`, message: `forbidden variant “${v}” is listed twice` });
		seenVariants.add(fold(v));
	});
	return issues.length ? { ok: false, issues } : { ok: true, value: e };
}

/** Validates a new entry: `source` and a rendering are required; `type` defaults to `term`. */
export function validateNewEntry(body: unknown): Validated<GlossaryInput> {
	const r = parseFields(body);
	if (!r.ok) return r;
	const f = r.value;
	if (f.source === undefined) return { ok: false, issues: [{ field: 'source', message: 'source is required' }] };
	return checkWhole({
		source: f.source,
		targets: f.targets ?? (f.target !== undefined ? [f.target] : []),
		type: f.type ?? 'term',
		note: f.note ?? '',
		forbidden: f.forbidden ?? [],
		doNotTranslate: f.doNotTranslate ?? false
	});
}

/** Validates a change to `current`: only the fields sent change; the result is checked whole. */
export function validatePatch(current: GlossaryInput, body: unknown): Validated<GlossaryInput> {
	const r = parseFields(body);
	if (!r.ok) return r;
	const f = r.value;
	if (Object.keys(f).length === 0) return { ok: false, issues: [{ field: '', message: 'nothing to change' }] };
	return checkWhole({
		source: f.source ?? current.source,
		targets: f.targets ?? (f.target !== undefined ? [f.target] : current.targets),
		type: f.type ?? current.type,
		note: f.note ?? current.note,
		forbidden: f.forbidden ?? current.forbidden,
		doNotTranslate: f.doNotTranslate ?? current.doNotTranslate
	});
}

/** Issues as one line for an error message. */
export function describeIssues(issues: Issue[]): string {
	return issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; ');
}
