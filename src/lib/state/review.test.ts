import { describe, expect, it } from 'vitest';
import type { Claim, Comment } from '../types.ts';
import { bodyParts, buildThreads, filterClaims, insertMention, matchMembers, mentionAt, mergeClaim, mergeComment, openCounts } from './review.ts';

const comment = (id: number, segmentId: string, parentId: number | null = null, resolved = false): Comment => ({
	id,
	articleId: 1,
	segmentId,
	parentId,
	author: { id: 1, name: 'ana' },
	body: `c${id}`,
	anchor: null,
	resolved,
	mentions: [],
	createdAt: '',
	updatedAt: ''
});

const claim = (id: number, segmentId: string, start: number, extra: Partial<Claim> = {}): Claim => ({
	id,
	articleId: 1,
	segmentId,
	anchor: { start, end: start + 1, quote: 'x' },
	target: null,
	claimant: '',
	verdict: 'unproven',
	evidence: [],
	note: '',
	status: 'open',
	recheck: false,
	checker: { id: 1, name: 'rita' },
	createdAt: '',
	updatedAt: '',
	...extra
});

describe('threads', () => {
	it('groups replies under their thread, ordered by pair then age, and counts open threads', () => {
		const list = [comment(1, 's3'), comment(2, 's1', null, true), comment(3, 's3', 1), comment(4, 's10'), comment(5, 's1', 2)];
		const threads = buildThreads(list, ['s1', 's3', 's10']);
		expect(threads.map((t) => [t.root.id, t.replies.map((r) => r.id)])).toEqual([
			[2, [5]],
			[1, [3]],
			[4, []]
		]);
		expect([...openCounts(list)]).toEqual([
			['s3', 1],
			['s10', 1]
		]);
	});

	it('merges pushes: new, changed, and deleted threads with their replies', () => {
		let list = [comment(1, 's1'), comment(2, 's1', 1)];
		list = mergeComment(list, { ...comment(3, 's2') });
		list = mergeComment(list, { ...comment(1, 's1'), body: 'edited' });
		expect(list.map((c) => [c.id, c.body])).toEqual([
			[1, 'edited'],
			[2, 'c2'],
			[3, 'c3']
		]);
		expect(mergeComment(list, { ...comment(1, 's1'), deleted: true }).map((c) => c.id)).toEqual([3]);
		expect(mergeClaim([claim(1, 's1', 0)], { ...claim(1, 's1', 0), deleted: true })).toEqual([]);
		expect(mergeClaim([claim(1, 's1', 0)], { ...claim(1, 's1', 0), recheck: true })[0]!.recheck).toBe(true);
	});
});

describe('claim filters', () => {
	it('filters by status, verdict and re-check, in source order', () => {
		const list = [
			claim(1, 's2', 5, { status: 'resolved', verdict: 'false', recheck: true }),
			claim(2, 's2', 1, { verdict: 'false' }),
			claim(3, 's1', 9, { status: 'resolved', verdict: 'true' })
		];
		const order = ['s1', 's2'];
		expect(filterClaims(list, { status: 'all', verdict: 'all', recheckOnly: false }, order).map((c) => c.id)).toEqual([3, 2, 1]);
		expect(filterClaims(list, { status: 'resolved', verdict: 'all', recheckOnly: false }, order).map((c) => c.id)).toEqual([3, 1]);
		expect(filterClaims(list, { status: 'all', verdict: 'false', recheckOnly: false }, order).map((c) => c.id)).toEqual([2, 1]);
		expect(filterClaims(list, { status: 'all', verdict: 'all', recheckOnly: true }, order).map((c) => c.id)).toEqual([1]);
	});
});

describe('@mention autocomplete', () => {
	it('finds the mention being typed, but not inside an e-mail address', () => {
		expect(mentionAt('Please check @an', 16)).toEqual({ start: 13, query: 'an' });
		expect(mentionAt('@', 1)).toEqual({ start: 0, query: '' });
		expect(mentionAt('mail ana@exa', 12)).toBeNull();
		expect(mentionAt('@ana done', 9)).toBeNull();
	});

	it('inserts the chosen name and puts the caret after it', () => {
		expect(insertMention('Please check @an', 13, 16, 'ana')).toEqual({ text: 'Please check @ana ', caret: 18 });
		expect(insertMention('cc @be and more', 3, 6, 'ben')).toEqual({ text: 'cc @ben and more', caret: 8 });
	});

	it('ranks members by name, then display name', () => {
		const members = [
			{ id: 1, name: 'ana', displayName: 'Ana Lima' },
			{ id: 2, name: 'rita', displayName: 'Rita Ang' },
			{ id: 3, name: 'ben', displayName: 'Ben' }
		];
		expect(matchMembers(members, 'an').map((m) => m.name)).toEqual(['ana', 'rita']);
		expect(matchMembers(members, '').length).toBe(3);
		expect(matchMembers(members, 'zz')).toEqual([]);
	});

	it('marks only real mentions in a body', () => {
		expect(bodyParts('Thanks @ana. Ask @nobody or mail x@ana.org', [{ name: 'ana' }])).toEqual([
			{ text: 'Thanks ', mention: false },
			{ text: '@ana', mention: true },
			{ text: '. Ask @nobody or mail x@ana.org', mention: false }
		]);
	});
});
