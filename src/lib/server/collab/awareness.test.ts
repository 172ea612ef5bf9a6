import { describe, expect, it } from 'vitest';
import { AwarenessStore, safeColor, sanitizeState, type AwarenessOwner, type PresenceUser } from './awareness.ts';
import { ProtocolError } from './protocol.ts';

const alice: PresenceUser = { id: 1, name: 'Alice', color: '#1f77b4' };
const mallory: PresenceUser = { id: 2, name: 'Mallory', color: '#d62728' };
const owner = (userId: number): AwarenessOwner => ({ userId, awarenessIds: new Set() });
const store = () => new AwarenessStore({ maxStatesPerOwner: 2, maxStateBytes: 200 });
const entry = (clientId: number, clock: number, state: unknown) => ({ clientId, clock, json: JSON.stringify(state) });

describe('sanitizeState', () => {
	it('overwrites user with the session record and keeps the rest', () => {
		const out = JSON.parse(sanitizeState(JSON.stringify({ user: { name: 'Admin', color: 'red' }, cursor: { a: 1 } }), alice)!);
		expect(out).toEqual({ user: { id: 1, name: 'Alice', color: '#1f77b4' }, cursor: { a: 1 } });
	});

	it('adds user when missing, keeps null, drops non-objects, refuses non-JSON', () => {
		expect(JSON.parse(sanitizeState('{}', alice)!).user.name).toBe('Alice');
		expect(sanitizeState('null', alice)).toBe('null');
		expect(sanitizeState('[1,2]', alice)).toBeNull();
		expect(sanitizeState('"x"', alice)).toBeNull();
		expect(sanitizeState('42', alice)).toBeNull();
		expect(() => sanitizeState('{nope', alice)).toThrow(ProtocolError);
	});

	it('never lets a CSS payload through as colour', () => {
		expect(safeColor('#ABCDEF')).toBe('#abcdef');
		for (const bad of ['red', '#fff', 'red;background:url(javascript:alert(1))', '#1234567', '', null, 5]) {
			expect(safeColor(bad)).toBe('#888888');
		}
		const evil: PresenceUser = { id: 3, name: 'E', color: '#000000;position:fixed' };
		expect(JSON.parse(sanitizeState('{}', evil)!).user.color).toBe('#888888');
	});
});

describe('AwarenessStore', () => {
	it('applies y-protocols clock rules and reports only changes', () => {
		const s = store();
		const a = owner(1);
		expect(s.apply(a, alice, [entry(10, 1, { cursor: 1 })], 0).accepted).toHaveLength(1);
		expect(s.apply(a, alice, [entry(10, 1, { cursor: 2 })], 0).accepted).toHaveLength(0); // same clock
		expect(s.apply(a, alice, [entry(10, 0, { cursor: 3 })], 0).accepted).toHaveLength(0); // older
		const renewed = s.apply(a, alice, [entry(10, 2, { cursor: 4 })], 0).accepted;
		expect(JSON.parse(renewed[0]!.json)).toEqual({ cursor: 4, user: { id: 1, name: 'Alice', color: '#1f77b4' } });
		// Removal with the same clock is accepted (that is how clients say goodbye).
		expect(s.apply(a, alice, [{ clientId: 10, clock: 2, json: 'null' }], 0).accepted).toEqual([{ clientId: 10, clock: 2, json: 'null' }]);
		expect(s.snapshot()).toEqual([]);
	});

	it("drops entries for another user's client id, without touching that state", () => {
		const s = store();
		const a = owner(1);
		const m = owner(2);
		s.apply(a, alice, [entry(10, 1, { cursor: 'real' })], 0);
		const spoof = s.apply(m, mallory, [entry(10, 5, { cursor: 'fake' }), { clientId: 10, clock: 6, json: 'null' }], 0);
		expect(spoof).toEqual({ accepted: [], violation: null });
		expect(s.snapshot().map((e) => JSON.parse(e.json).cursor)).toEqual(['real']);
		expect(m.awarenessIds.size).toBe(0);
		// Closing Mallory's connection removes nothing of Alice's.
		expect(s.removeOwner(m)).toEqual([]);
		expect(s.size).toBe(1);
	});

	it("moves an id to the same user's new connection (a reconnecting tab)", () => {
		const s = store();
		const oldTab = owner(1);
		const newTab = owner(1);
		s.apply(oldTab, alice, [entry(10, 1, { cursor: 1 })], 0);
		s.apply(newTab, alice, [entry(10, 2, { cursor: 2 })], 0);
		expect(newTab.awarenessIds.has(10)).toBe(true);
		expect(oldTab.awarenessIds.has(10)).toBe(false);
		// The old socket finally closing does not remove the live tab's presence.
		expect(s.removeOwner(oldTab)).toEqual([]);
		expect(s.size).toBe(1);
	});

	it('caps states per connection and state size', () => {
		const s = store();
		const a = owner(1);
		const r = s.apply(a, alice, [entry(1, 1, {}), entry(2, 1, {}), entry(3, 1, {})], 0);
		expect(r.accepted).toHaveLength(2);
		expect(r.violation).toMatch(/more than 2/);
		const big = s.apply(owner(1), alice, [entry(9, 1, { pad: 'x'.repeat(300) })], 0);
		expect(big.violation).toMatch(/over 200/);
		expect(big.accepted).toEqual([]);
	});

	it('removes an owner on close and expires states not renewed', () => {
		const s = store();
		const a = owner(1);
		const b = owner(2);
		s.apply(a, alice, [entry(1, 4, {})], 1000);
		s.apply(b, mallory, [entry(2, 1, {})], 5000);
		expect(s.removeOwner(a)).toEqual([{ clientId: 1, clock: 4, json: 'null' }]);
		expect(a.awarenessIds.size).toBe(0);
		expect(s.expire(20_000, 30_000)).toEqual([]);
		expect(s.expire(35_000, 30_000)).toEqual([{ clientId: 2, clock: 1, json: 'null' }]);
		expect(s.size).toBe(0);
		// A renewal after expiry comes back with a higher clock.
		expect(s.apply(b, mallory, [entry(2, 2, {})], 36_000).accepted).toHaveLength(1);
	});

	it('ignores a first entry that only removes', () => {
		const s = store();
		const a = owner(1);
		expect(s.apply(a, alice, [{ clientId: 5, clock: 3, json: 'null' }], 0).accepted).toEqual([]);
		expect(a.awarenessIds.size).toBe(0);
	});
});
