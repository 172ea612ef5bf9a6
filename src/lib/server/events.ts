// In-process publish/subscribe for record changes (statuses, comments, claims, glossary),
// streamed to open pages as server-sent events. A multi-process deployment would put
// Redis behind this same narrow interface (ARCHITECTURE §2: `Broadcaster`).

export interface RecordEvent {
	/** e.g. `status`, `comment`, `claim`, `glossary`. */
	type: string;
	/** Free-form JSON payload; listeners re-read records when in doubt. */
	data: unknown;
}

export type Listener = (event: RecordEvent) => void;

export interface Broadcaster {
	publish(topic: string, event: RecordEvent): void;
	subscribe(topic: string, listener: Listener): () => void;
}

/** Topic names, so publishers and subscribers cannot drift apart. */
export const topics = {
	article: (id: number) => `article:${id}`,
	glossary: 'glossary',
	user: (id: number) => `user:${id}`,
	/** Internal: segments' English changed (published by the collab server). */
	text: 'internal:text'
} as const;

/** Payload of a `text` event on `topics.text`. */
export interface TextChanged {
	articleId: number;
	segmentIds: string[];
	/** Who typed, when known. */
	userId: number | null;
}

export class LocalBroadcaster implements Broadcaster {
	#listeners = new Map<string, Set<Listener>>();

	publish(topic: string, event: RecordEvent): void {
		for (const listener of this.#listeners.get(topic) ?? []) {
			try {
				listener(event);
			} catch (err) {
				console.error(`[events] listener for ${topic} failed`, err);
			}
		}
	}

	subscribe(topic: string, listener: Listener): () => void {
		let set = this.#listeners.get(topic);
		if (!set) this.#listeners.set(topic, (set = new Set()));
		set.add(listener);
		return () => {
			set.delete(listener);
			if (set.size === 0) this.#listeners.delete(topic);
		};
	}
}
