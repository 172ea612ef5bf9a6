// End-of-turn writer. Everything the server sends during one event-loop turn — stored
// updates, sync answers, presence — is queued on its connection and written at the end of
// the turn (setImmediate), after the turn's updates were committed: one socket write per
// client per turn however many messages it carries. On loopback and real networks alike the
// write syscall, not the encoding, is what a broadcast costs, so a typist's update and the
// cursor move that follows it reach each client in one write instead of two.

/** A connection with frames waiting (connection.ts). */
export interface OutboxClient {
	/** Writes the queued frames in one write. */
	writeQueued(): void;
}

export class Outbox {
	#clients = new Set<OutboxClient>();
	#scheduled = false;
	#beforeWrite: () => void;

	/** `beforeWrite` runs first at the end of each turn (the group commit). */
	constructor(beforeWrite: () => void) {
		this.#beforeWrite = beforeWrite;
	}

	/** `client` has frames queued: write them at the end of this turn. */
	add(client: OutboxClient): void {
		this.#clients.add(client);
		this.schedule();
	}

	/** Makes sure the end-of-turn work runs (also for a commit with nothing queued yet). */
	schedule(): void {
		if (this.#scheduled) return;
		this.#scheduled = true;
		setImmediate(this.#run);
	}

	#run = () => {
		this.#scheduled = false;
		this.#beforeWrite();
		this.flush();
	};

	/** Writes every queued frame now. */
	flush(): void {
		const clients = this.#clients;
		if (clients.size === 0) return;
		this.#clients = new Set();
		for (const client of clients) client.writeQueued();
	}
}
