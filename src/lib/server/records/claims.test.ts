// Claims as server records: validation, the verdict scale, evidence URLs, role rules and
// the re-check of resolved claims when their English changes (English read from SQLite).
import { describe, expect, it } from 'vitest';
import { HttpError } from '../http/errors.ts';
import { listClaims } from '../db/review.ts';
import { topics } from '../events.ts';
import { createTargetAnchor } from '../../ydoc/anchors.ts';
import { createClaim, deleteClaim, recheckSegments, updateClaim } from './claims.ts';
import { checkEvidence, isIsoDate, normaliseVerdict } from './review-input.ts';
import { fixture, storedDoc, writeEnglish } from './review.test-helpers.ts';

async function rejects(fn: () => Promise<unknown>, status: number, message?: RegExp) {
	const err = await fn().then(
		() => null,
		(e: unknown) => e
	);
	expect(err, `expected HTTP ${status}`).toBeInstanceOf(HttpError);
	expect((err as HttpError).status).toBe(status);
	if (message) expect((err as HttpError).message).toMatch(message);
}

const MILLER = { start: 0, end: 2, quote: '米勒' };

describe('claim input', () => {
	it('reads verdicts by value or label and refuses others', () => {
		expect(['mostly true', 'mostly_true', 'Mostly-True', ' MIXED ', 'needs a source'].map(normaliseVerdict)).toEqual([
			'mostly_true',
			'mostly_true',
			'mostly_true',
			'mixed',
			'needs_source'
		]);
		for (const bad of ['pants on fire', '', 3, null]) expect(() => normaliseVerdict(bad)).toThrow(/verdict must be one of/);
	});

	it('keeps http(s) evidence, defaults the accessed date, refuses other schemes and fake dates', () => {
		expect(checkEvidence([{ url: 'https://www.state.gov/briefings/ ', title: ' Briefing ' }], '2023-09-14')).toEqual([
			{ url: 'https://www.state.gov/briefings/', title: 'Briefing', accessed: '2023-09-14' }
		]);
		for (const url of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,x', 'ftp://x.org/', '/relative', 'mailto:a@b.org']) {
			expect(() => checkEvidence([{ url }]), url).toThrow(/http or https/);
		}
		expect(() => checkEvidence([{ url: 'https://x.org', accessed: '2023-02-30' }])).toThrow(/YYYY-MM-DD/);
		expect([isIsoDate('2024-02-29'), isIsoDate('2023-02-29'), isIsoDate('2023-9-1')]).toEqual([true, false, false]);
	});
});

describe('creating and resolving claims', () => {
	it('stores a claim with a checker and pushes it', async () => {
		const f = fixture();
		const claim = await createClaim(f.rt, f.users.translator, f.articleId, {
			segmentId: 's2',
			anchor: MILLER,
			claimant: '米勒 / Matthew Miller',
			verdict: 'mostly true',
			evidence: [{ url: 'https://www.state.gov/', title: 'Press briefing', accessed: '2023-09-13' }],
			note: 'Said at the briefing.'
		});
		expect(claim).toMatchObject({ segmentId: 's2', verdict: 'mostly_true', status: 'open', recheck: false, target: null, checker: { id: f.users.translator.id } });
		expect(f.events).toMatchObject([{ topic: topics.article(f.articleId), event: { type: 'claim', data: { id: claim.id } } }]);
	});

	it('refuses bad input and writes nothing', async () => {
		const f = fixture();
		const u = f.users.reviewer;
		const ok = { segmentId: 's2', anchor: MILLER, verdict: 'false' };
		await rejects(() => createClaim(f.rt, u, f.articleId, { ...ok, segmentId: 's7' }), 400, /no segment/);
		await rejects(() => createClaim(f.rt, u, f.articleId, { ...ok, anchor: { start: 0, end: 99, quote: '米勒' } }), 400);
		await rejects(() => createClaim(f.rt, u, f.articleId, { ...ok, anchor: { start: 0, end: 2, quote: '美国' } }), 400, /does not match/);
		await rejects(() => createClaim(f.rt, u, f.articleId, { ...ok, evidence: [{ url: 'javascript:alert(1)', title: 'x' }] }), 400, /evidence\[0\]\.url/);
		await rejects(() => createClaim(f.rt, u, f.articleId, { ...ok, evidence: [{ url: 'https://x.org', title: 'x'.repeat(501) }] }), 400, /title/);
		await rejects(() => createClaim(f.rt, u, f.articleId, { ...ok, verdict: 'pants_on_fire' }), 400, /verdict/);
		await rejects(() => createClaim(f.rt, u, f.articleId, { ...ok, status: 'closed' }), 400, /status/);
		await rejects(() => createClaim(f.rt, u, f.articleId, { ...ok, target: { from: '%%%', to: 'AA', quote: 'x' } }), 400, /target/);
		expect(listClaims(f.rt.db, f.articleId)).toEqual([]);
		expect(f.events).toEqual([]);
	});

	it('translators create and edit details; only reviewers, editors and admins resolve, change the verdict or delete', async () => {
		const f = fixture();
		const { translator, reviewer, editor, admin } = f.users;
		await rejects(() => createClaim(f.rt, translator, f.articleId, { segmentId: 's2', anchor: MILLER, status: 'resolved' }), 403);
		const claim = await createClaim(f.rt, translator, f.articleId, { segmentId: 's2', anchor: MILLER, verdict: 'unproven' });
		f.events.length = 0;
		await rejects(() => updateClaim(f.rt, translator, f.articleId, claim.id, { status: 'resolved' }), 403);
		await rejects(() => updateClaim(f.rt, translator, f.articleId, claim.id, { verdict: 'true', note: 'sneaky' }), 403);
		await rejects(async () => deleteClaim(f.rt, translator, f.articleId, claim.id), 403);
		expect(listClaims(f.rt.db, f.articleId)).toMatchObject([{ status: 'open', verdict: 'unproven', note: '' }]);
		expect(f.events).toEqual([]);

		expect(await updateClaim(f.rt, translator, f.articleId, claim.id, { note: 'from the transcript', claimant: 'Miller', verdict: 'unproven' })).toMatchObject({
			note: 'from the transcript',
			claimant: 'Miller'
		});
		expect(await updateClaim(f.rt, reviewer, f.articleId, claim.id, { verdict: 'true', status: 'resolved' })).toMatchObject({
			verdict: 'true',
			status: 'resolved',
			checker: { id: reviewer.id }
		});
		expect((await updateClaim(f.rt, editor, f.articleId, claim.id, { status: 'open' })).status).toBe('open');
		deleteClaim(f.rt, admin, f.articleId, claim.id);
		expect(listClaims(f.rt.db, f.articleId)).toEqual([]);
	});
});

describe('re-check', () => {
	it('flags a resolved claim when its linked English changes, and resolving again clears it', async () => {
		const f = fixture();
		const doc = storedDoc(f);
		const text = writeEnglish(doc, 's2', 'Miller said: “We have taken a series of actions.”');
		writeEnglish(doc, 's1', 'State Department warns of sanctions');
		const fragment = doc.getXmlFragment('s2');
		const from = 1 + 'Miller said: '.length;
		const target = createTargetAnchor(fragment, from, from + '“We have taken a series of actions.”'.length);
		const { reviewer } = f.users;
		const linked = await createClaim(f.rt, reviewer, f.articleId, { segmentId: 's2', anchor: MILLER, verdict: 'true', status: 'resolved', target });
		const whole = await createClaim(f.rt, reviewer, f.articleId, { segmentId: 's1', anchor: { start: 0, end: 3, quote: '美国务' }, status: 'resolved' });
		const open = await createClaim(f.rt, reviewer, f.articleId, { segmentId: 's2', anchor: MILLER });

		// An edit outside the linked span changes nothing.
		text.insert(0, 'Spokesman ');
		expect(await recheckSegments(f.rt, { articleId: f.articleId, segmentIds: ['s1', 's2'], userId: null })).toEqual([]);

		// An edit inside it flags only that claim; the open one is not checked.
		text.insert('Spokesman Miller said: “We have'.length, ' already');
		f.events.length = 0;
		const flagged = await recheckSegments(f.rt, { articleId: f.articleId, segmentIds: ['s2'], userId: null });
		expect(flagged.map((c) => c.id)).toEqual([linked.id]);
		expect(f.events).toMatchObject([{ event: { type: 'claim', data: { id: linked.id, recheck: true } } }]);
		expect(listClaims(f.rt.db, f.articleId).map((c) => [c.id, c.recheck])).toEqual([
			[whole.id, false],
			[linked.id, true],
			[open.id, false]
		]);
		// Flagged once only.
		expect(await recheckSegments(f.rt, { articleId: f.articleId, segmentIds: ['s2'], userId: null })).toEqual([]);

		// Whole-paragraph link: any change of the paragraph counts.
		writeEnglish(doc, 's1', 'New first line');
		expect((await recheckSegments(f.rt, { articleId: f.articleId, segmentIds: ['s1'], userId: null })).map((c) => c.id)).toEqual([whole.id]);

		// A claim resolved straight in the table has no baseline: it is not flagged.
		const now = new Date().toISOString();
		const raw = Number(
			f.rt.db
				.prepare(`INSERT INTO claims (article_id, segment_id, anchor, verdict, status, created_at, updated_at) VALUES (?, 's1', '{"start":0,"end":1,"quote":"美"}', 'true', 'resolved', ?, ?)`)
				.run(f.articleId, now, now).lastInsertRowid
		);
		writeEnglish(doc, 's1', 'Another line');
		expect(await recheckSegments(f.rt, { articleId: f.articleId, segmentIds: ['s1'], userId: null })).toEqual([]);
		expect(listClaims(f.rt.db, f.articleId).find((c) => c.id === raw)!.recheck).toBe(false);

		// Resolving again takes a new baseline.
		expect(await updateClaim(f.rt, reviewer, f.articleId, linked.id, { status: 'resolved' })).toMatchObject({ recheck: false, status: 'resolved' });
		expect(await recheckSegments(f.rt, { articleId: f.articleId, segmentIds: ['s2'], userId: null })).toEqual([]);
	});
});
