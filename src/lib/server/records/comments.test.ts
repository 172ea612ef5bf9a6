// Comments as server records: validation, threads, @mentions, role rules and pushes,
// against a real in-memory SQLite database.
import { describe, expect, it } from 'vitest';
import { HttpError } from '../http/errors.ts';
import { listComments } from '../db/review.ts';
import { listInbox, markSeen, unreadCount } from '../db/inbox.ts';
import { topics } from '../events.ts';
import { createComment, deleteComment, updateComment } from './comments.ts';
import { mentionNames } from './mentions.ts';
import { fixture, SOURCE } from './review.test-helpers.ts';

function rejects(fn: () => unknown, status: number, message?: RegExp) {
	try {
		fn();
	} catch (err) {
		expect(err).toBeInstanceOf(HttpError);
		expect((err as HttpError).status).toBe(status);
		if (message) expect((err as HttpError).message).toMatch(message);
		return;
	}
	throw new Error(`expected HTTP ${status}`);
}

describe('mention parsing', () => {
	it('finds @names of any script, once each, but not e-mail addresses', () => {
		expect(mentionNames('@ana please check, cc @张伟 and @ana. Mail ana@example.org')).toEqual(['ana', '张伟', 'ana.']);
		expect(mentionNames('no mentions @ here')).toEqual([]);
	});
});

describe('creating comments', () => {
	it('stores a source-anchored comment, pushes it and notifies the mentioned user', () => {
		const f = fixture();
		const { rita, translator } = { rita: f.users.reviewer, translator: f.users.translator };
		const c = createComment(f.rt, rita, f.articleId, { segmentId: 's2', body: '  Check this, @ana.  ', anchor: { start: 0, end: 2, quote: '米勒' } });
		expect(c).toMatchObject({ segmentId: 's2', body: 'Check this, @ana.', anchor: { side: 'source', start: 0, end: 2, quote: '米勒' }, author: { id: rita.id }, mentions: [{ name: 'ana' }], resolved: false });
		expect(f.events.map((e) => [e.topic, e.event.type])).toEqual([
			[topics.article(f.articleId), 'comment'],
			[topics.user(translator.id), 'mention']
		]);
		expect(listInbox(f.rt.db, translator.id)).toMatchObject([{ comment: { id: c.id }, article: { id: f.articleId }, segmentId: 's2', seen: false }]);
		expect(unreadCount(f.rt.db, translator.id)).toBe(1);
		expect(markSeen(f.rt.db, translator.id)).toBe(1);
		expect(unreadCount(f.rt.db, translator.id)).toBe(0);
	});

	it('refuses bad input and writes nothing', () => {
		const f = fixture();
		const u = f.users.translator;
		const bad: [unknown, RegExp][] = [
			[{ segmentId: 's9', body: 'x' }, /no segment/],
			[{ segmentId: 's1', body: '   ' }, /needs some text/],
			[{ segmentId: 's1', body: 'x'.repeat(10_001) }, /at most 10000/],
			[{ segmentId: 's1', body: 'x', anchor: { start: 2, end: 2, quote: '' } }, /start < end/],
			[{ segmentId: 's1', body: 'x', anchor: { start: 0, end: SOURCE[0]!.length + 1, quote: 'x' } }, /≤/],
			[{ segmentId: 's1', body: 'x', anchor: { start: 0, end: 2, quote: '俄朝' } }, /does not match/],
			[{ segmentId: 's1', body: 'x', anchor: { start: -1, end: 2, quote: '美国' } }, /anchor.start/],
			[{ segmentId: 's1', body: 'x', anchor: { from: 'AAAA', to: '!!', quote: 'x' } }, /anchor.from|anchor.to/],
			[{ segmentId: 's1', body: 42 }, /body/],
			[{ body: 'x' }, /segmentId is required/],
			[{ segmentId: 's1', body: 'x', parentId: 999 }, /parentId/]
		];
		for (const [input, message] of bad) rejects(() => createComment(f.rt, u, f.articleId, input), 400, message);
		rejects(() => createComment(f.rt, u, 999, { segmentId: 's1', body: 'x' }), 404);
		expect(listComments(f.rt.db, f.articleId)).toEqual([]);
		expect(f.events).toEqual([]);
	});

	it('threads replies one level deep on the parent’s pair', () => {
		const f = fixture();
		const root = createComment(f.rt, f.users.reviewer, f.articleId, { segmentId: 's1', body: 'first' });
		const reply = createComment(f.rt, f.users.translator, f.articleId, { body: 'reply', parentId: root.id });
		const nested = createComment(f.rt, f.users.editor, f.articleId, { body: 'nested', parentId: reply.id });
		expect([reply.parentId, nested.parentId, nested.segmentId]).toEqual([root.id, root.id, 's1']);
		rejects(() => createComment(f.rt, f.users.editor, f.articleId, { segmentId: 's2', body: 'x', parentId: root.id }), 400, /its thread/);
	});
});

describe('who may change a comment', () => {
	it('only the author edits; any member resolves; the author or an admin deletes', () => {
		const f = fixture();
		const { reviewer, translator, editor, admin } = f.users;
		const c = createComment(f.rt, reviewer, f.articleId, { segmentId: 's1', body: 'original' });
		f.events.length = 0;

		for (const u of [translator, editor, admin]) rejects(() => updateComment(f.rt, u, f.articleId, c.id, { body: 'hijacked' }), 403);
		// Body and resolve together: the body check fails, so the resolve is not applied either.
		rejects(() => updateComment(f.rt, translator, f.articleId, c.id, { body: 'x', resolved: true }), 403);
		for (const u of [translator, editor]) rejects(() => deleteComment(f.rt, u, f.articleId, c.id), 403);
		expect(listComments(f.rt.db, f.articleId)).toMatchObject([{ body: 'original', resolved: false }]);
		expect(f.events).toEqual([]);

		expect(updateComment(f.rt, reviewer, f.articleId, c.id, { body: 'edited @ana' })).toMatchObject({ body: 'edited @ana', mentions: [{ name: 'ana' }] });
		expect(updateComment(f.rt, translator, f.articleId, c.id, { resolved: true }).resolved).toBe(true);
		expect(updateComment(f.rt, editor, f.articleId, c.id, { resolved: false }).resolved).toBe(false);
		// Editing away the mention removes it from the inbox.
		updateComment(f.rt, reviewer, f.articleId, c.id, { body: 'edited' });
		expect(listInbox(f.rt.db, translator.id)).toEqual([]);

		const reply = createComment(f.rt, translator, f.articleId, { body: 'reply', parentId: c.id });
		rejects(() => updateComment(f.rt, translator, f.articleId, reply.id, { resolved: true }), 400, /first comment/);
		deleteComment(f.rt, translator, f.articleId, reply.id);
		deleteComment(f.rt, admin, f.articleId, c.id);
		expect(listComments(f.rt.db, f.articleId)).toEqual([]);
		expect(f.events.at(-1)).toMatchObject({ event: { type: 'comment', data: { id: c.id, deleted: true } } });
	});

	it('deleting a thread deletes its replies', () => {
		const f = fixture();
		const root = createComment(f.rt, f.users.reviewer, f.articleId, { segmentId: 's1', body: 'root' });
		createComment(f.rt, f.users.translator, f.articleId, { body: 'reply', parentId: root.id });
		deleteComment(f.rt, f.users.reviewer, f.articleId, root.id);
		expect(listComments(f.rt.db, f.articleId)).toEqual([]);
	});
});
