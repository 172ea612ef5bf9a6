// The publish check over the seed: what each kind of open item looks like, and a clean
// article passing.
import { describe, expect, it } from 'vitest';
import { textToDoc } from '../schema/text.ts';
import { seedClaims, seedComments, seedInput } from './fixtures.test-helpers.ts';
import { formatIssue, publishCheck } from './publish-check.ts';

/** The seed with every record closed: resolved claims, resolved comments, all approved. */
function clean() {
	const input = seedInput();
	for (const id of Object.keys(input.statuses)) input.statuses[id] = 'approved';
	return seedInput({
		statuses: input.statuses,
		claims: seedClaims().map((c) => ({ ...c, status: 'resolved' as const })),
		comments: seedComments().map((c) => ({ ...c, resolved: c.parentId === null }))
	});
}

describe('publishCheck', () => {
	it('passes a fully translated, reviewed article with every record closed', () => {
		const check = publishCheck(clean());
		expect(check.issues).toEqual([]);
		expect(check).toEqual({ ok: true, counts: { untranslated: 0, qa: 0, comment: 0, claim: 0 }, issues: [] });
	});

	it('lists untranslated pairs: empty English, drafts and rejected pairs', () => {
		const input = clean();
		input.targets.s3 = null;
		input.targets.s4 = textToDoc('   ');
		input.statuses.s6 = 'draft';
		input.statuses.s7 = 'rejected';
		delete input.statuses.s8;
		const check = publishCheck(input);
		expect(check.ok).toBe(false);
		expect(check.issues.map((i) => [i.segmentId, i.kind, i.code])).toEqual([
			['s3', 'untranslated', 'empty'],
			['s4', 'untranslated', 'empty'],
			['s6', 'untranslated', 'draft'],
			['s7', 'untranslated', 'rejected'],
			['s8', 'untranslated', 'draft']
		]);
		// The QA "empty" error of an approved pair with no English is not listed twice.
		expect(check.counts).toEqual({ untranslated: 5, qa: 0, comment: 0, claim: 0 });
	});

	it('lists QA errors (not warnings) with their code', () => {
		const input = clean();
		input.targets.s5 = textToDoc('Miller said the 美国 would act。');
		input.targets.s6 = textToDoc('He said it was troubling  that they met.'); // double space: a warning only
		const check = publishCheck(input);
		expect(check.issues.every((i) => i.kind === 'qa' && i.segmentId === 's5')).toBe(true);
		expect(check.issues.map((i) => i.code)).toContain('han-left');
		expect(check.counts.qa).toBe(check.issues.length);
	});

	it('lists open comment threads once (replies ride on their thread) and open or stale claims', () => {
		const input = clean();
		input.comments = seedComments(); // thread on s5 open, with one reply
		input.claims = seedClaims().map((c, i) => (i === 0 ? { ...c, recheck: true } : c)); // s10 stale, s19 open
		const check = publishCheck(input);
		expect(check.issues).toEqual([
			{ kind: 'comment', segmentId: 's5', code: 'open', ref: 1, message: 'Open comment by Dana Wu: Check the quote against the State Department transcript. The official wording m…' },
			expect.objectContaining({ kind: 'claim', segmentId: 's10', code: 'recheck', ref: 1 }),
			expect.objectContaining({ kind: 'claim', segmentId: 's19', code: 'open', ref: 2, message: 'Unresolved fact-check: “这是自1991年以来俄罗斯国防部长首次访问朝鲜”' })
		]);
		expect(check.counts).toEqual({ untranslated: 0, qa: 0, comment: 1, claim: 2 });
	});

	it('orders by pair, then kind; records on unknown pairs come last; long bodies are cut', () => {
		const input = clean();
		input.targets.s10 = null;
		input.comments = [{ ...seedComments()[0]!, id: 9, segmentId: 's99', body: 'x'.repeat(300) }, { ...seedComments()[0]!, id: 8, segmentId: 's10' }];
		input.claims = [{ ...seedClaims()[1]!, segmentId: 's10' }];
		const check = publishCheck(input);
		expect(check.issues.map((i) => `${i.segmentId}:${i.kind}`)).toEqual(['s10:untranslated', 's10:comment', 's10:claim', 's99:comment']);
		expect(check.issues[3]!.message.length).toBeLessThan(120);
		expect(check.issues[3]!.message.endsWith('…')).toBe(true);
	});

	it('formats one line per issue for the CLI', () => {
		expect(formatIssue({ kind: 'untranslated', segmentId: 's3', code: 'empty', message: 'No English yet' })).toBe('s3 untranslated (empty): No English yet');
	});
});
