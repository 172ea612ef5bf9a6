// Presence (awareness) for one room, with the server's rules on top of y-protocols': a
// state's `user` is always the session's `{id, name, color}`; a connection may only speak
// for client ids it introduced (ids owned by another user's connection are dropped); a
// connection may introduce only a few ids. States are kept as JSON text, so each change
// is encoded once and a joiner's snapshot needs no re-serialising. No timers of its own:
// the server's ping sweep calls `expire`.
import type { AwarenessEntry } from './protocol.ts';
import { ProtocolError } from './protocol.ts';

/** The presence record the server writes into every state. */
export interface PresenceUser {
	id: number;
	name: string;
	/** `#rrggbb` only. */
	color: string;
}

/** Whoever sends awareness: a connection. */
export interface AwarenessOwner {
	readonly userId: number;
	/** Client ids this owner introduced; the store adds and removes them. */
	readonly awarenessIds: Set<number>;
}

export interface AwarenessLimits {
	maxStatesPerOwner: number;
	maxStateBytes: number;
}

/** Colours are written into CSS by clients: anything but `#rrggbb` becomes neutral grey. */
export function safeColor(color: unknown): string {
	return typeof color === 'string' && /^#[0-9a-fA-F]{6}$/.test(color) ? color.toLowerCase() : '#888888';
}

/**
 * The state JSON with `user` replaced by the session's record; `'null'` stays `'null'`.
 * Returns null for a state that is valid JSON but not an object (dropped). Throws
 * ProtocolError for text that is not JSON.
 */
export function sanitizeState(json: string, user: PresenceUser): string | null {
	if (json === 'null') return json;
	let state: unknown;
	try {
		state = JSON.parse(json);
	} catch (err) {
		throw new ProtocolError('awareness state is not JSON', { cause: err });
	}
	if (state === null) return 'null';
	if (typeof state !== 'object' || Array.isArray(state)) return null;
	(state as Record<string, unknown>).user = { id: user.id, name: user.name, color: safeColor(user.color) };
	return JSON.stringify(state);
}

interface Meta {
	clock: number;
	/** `'null'` once removed (the clock is kept so stale updates stay ignored). */
	json: string;
	updatedAt: number;
	owner: AwarenessOwner;
}

export interface ApplyResult {
	/** Entries to broadcast (already sanitized). */
	accepted: AwarenessEntry[];
	/** Set when the owner broke a limit: close it with the limit code. */
	violation: string | null;
}

export class AwarenessStore {
	#meta = new Map<number, Meta>();
	#limits: AwarenessLimits;

	constructor(limits: AwarenessLimits) {
		this.#limits = limits;
	}

	/** Number of present (non-removed) states. */
	get size(): number {
		let n = 0;
		for (const m of this.#meta.values()) if (m.json !== 'null') n++;
		return n;
	}

	/**
	 * Applies entries sent by `owner` for `user` (y-protocols clock rules), returning the
	 * sanitized entries that changed something. Entries for ids owned by another user are
	 * dropped; an id owned by another connection of the same user moves to this one (a tab
	 * reconnecting before the server noticed its old socket died).
	 */
	apply(owner: AwarenessOwner, user: PresenceUser, entries: readonly AwarenessEntry[], now: number): ApplyResult {
		const accepted: AwarenessEntry[] = [];
		for (const entry of entries) {
			const meta = this.#meta.get(entry.clientId);
			if (meta?.owner !== owner) {
				if (meta && meta.owner.userId !== owner.userId) continue;
				if (owner.awarenessIds.size >= this.#limits.maxStatesPerOwner) {
					return { accepted, violation: `more than ${this.#limits.maxStatesPerOwner} awareness states` };
				}
			}
			if (entry.json.length > this.#limits.maxStateBytes) {
				return { accepted, violation: `awareness state over ${this.#limits.maxStateBytes} bytes` };
			}
			const json = sanitizeState(entry.json, user);
			if (json === null) continue;
			if (meta && meta.owner !== owner) {
				meta.owner.awarenessIds.delete(entry.clientId);
				meta.owner = owner;
				owner.awarenessIds.add(entry.clientId);
			}
			const current = meta?.clock ?? 0;
			const removesPresent = json === 'null' && meta !== undefined && meta.json !== 'null' && current === entry.clock;
			if (!(current < entry.clock || removesPresent)) continue;
			if (meta) {
				meta.clock = entry.clock;
				meta.json = json;
				meta.updatedAt = now;
			} else {
				// A first entry that only says "gone" introduces nothing worth keeping.
				if (json === 'null') continue;
				this.#meta.set(entry.clientId, { clock: entry.clock, json, updatedAt: now, owner });
				owner.awarenessIds.add(entry.clientId);
			}
			accepted.push({ clientId: entry.clientId, clock: entry.clock, json });
		}
		return { accepted, violation: null };
	}

	/** Every present state, for a joining client or a query-awareness message. */
	snapshot(): AwarenessEntry[] {
		const out: AwarenessEntry[] = [];
		for (const [clientId, m] of this.#meta) if (m.json !== 'null') out.push({ clientId, clock: m.clock, json: m.json });
		return out;
	}

	/** Forgets everything `owner` introduced; returns the removals to broadcast. */
	removeOwner(owner: AwarenessOwner): AwarenessEntry[] {
		const removed: AwarenessEntry[] = [];
		for (const clientId of owner.awarenessIds) {
			const m = this.#meta.get(clientId);
			if (!m || m.owner !== owner) continue;
			if (m.json !== 'null') removed.push({ clientId, clock: m.clock, json: 'null' });
			this.#meta.delete(clientId);
		}
		owner.awarenessIds.clear();
		return removed;
	}

	/** Removes states not renewed for `timeoutMs` (clients renew every 15 s); returns the removals. */
	expire(now: number, timeoutMs: number): AwarenessEntry[] {
		const removed: AwarenessEntry[] = [];
		for (const [clientId, m] of this.#meta) {
			if (m.json !== 'null' && now - m.updatedAt >= timeoutMs) {
				m.json = 'null';
				removed.push({ clientId, clock: m.clock, json: 'null' });
			}
		}
		return removed;
	}
}
