// Who is here and where: a reactive view of the awareness states (the server has already
// overwritten each state's `user` from the session, ARCHITECTURE §6).
import type { Awareness } from 'y-protocols/awareness';
import type { PeerState } from '../collab/binding.ts';

export interface Peer {
	clientId: number;
	id: number;
	name: string;
	color: string;
	segmentId: string | null;
}

const COLOR = /^#[0-9a-f]{6}$/i;

export class Presence {
	/** Other clients (not this tab), newest state per client id. */
	peers = $state.raw<Peer[]>([]);

	/** Users per segment, for the avatars on each row (one entry per user). */
	bySegment = $derived.by(() => {
		const map = new Map<string, Peer[]>();
		for (const p of this.peers) {
			if (!p.segmentId) continue;
			const list = map.get(p.segmentId) ?? [];
			if (!list.some((q) => q.id === p.id)) list.push(p);
			map.set(p.segmentId, list);
		}
		return map;
	});

	/** Everyone online, one entry per user. */
	online = $derived.by(() => {
		const seen = new Map<number, Peer>();
		for (const p of this.peers) if (!seen.has(p.id)) seen.set(p.id, p);
		return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
	});

	#off: (() => void) | null = null;
	#signature = '';

	/** Starts following an awareness instance; returns the stop function. */
	follow(awareness: Awareness): () => void {
		this.#off?.();
		const read = () => {
			const peers: Peer[] = [];
			awareness.getStates().forEach((raw, clientId) => {
				if (clientId === awareness.clientID) return;
				const state = raw as PeerState;
				const user = state.user;
				if (!user || typeof user.name !== 'string' || typeof user.id !== 'number') return;
				peers.push({
					clientId,
					id: user.id,
					name: user.name,
					color: COLOR.test(user.color) ? user.color : '#666666',
					segmentId: typeof state.segmentId === 'string' ? state.segmentId : null
				});
			});
			// Cursor moves change awareness constantly; rows only care who is where, so
			// skip the update (and every row's re-render) when that did not change.
			const signature = peers.map((p) => `${p.clientId}:${p.id}:${p.name}:${p.color}:${p.segmentId}`).join('|');
			if (signature === this.#signature) return;
			this.#signature = signature;
			this.peers = peers;
		};
		awareness.on('change', read);
		read();
		this.#off = () => awareness.off('change', read);
		return this.#off;
	}
}
