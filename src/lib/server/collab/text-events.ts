// Tells the rest of the server which segments' English changed in one room: collects the
// changed segment ids per user and publishes them at most once per `delayMs` as a `text`
// event (events.ts TextChanged), so records (statuses, claims) can react without the collab
// server knowing about them. Only stored changes are reported.
import type { TextChanged } from '../events.ts';

export class TextChangeNotifier {
	#pending = new Map<number | null, Set<string>>();
	#timer: NodeJS.Timeout | null = null;
	#publish: (change: TextChanged) => void;
	#articleId: number;
	#delayMs: number;

	constructor(articleId: number, delayMs: number, publish: (change: TextChanged) => void) {
		this.#articleId = articleId;
		this.#delayMs = delayMs;
		this.#publish = publish;
	}

	/** Records that `userId` (null: the server) changed these segments. */
	add(userId: number | null, segmentIds: Iterable<string>): void {
		let set = this.#pending.get(userId);
		if (!set) this.#pending.set(userId, (set = new Set()));
		for (const id of segmentIds) set.add(id);
		this.#timer ??= setTimeout(() => this.flush(), this.#delayMs);
	}

	/** Publishes everything collected now. */
	flush(): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		const pending = this.#pending;
		this.#pending = new Map();
		for (const [userId, ids] of pending) {
			this.#publish({ articleId: this.#articleId, segmentIds: [...ids].sort(compareSegmentIds), userId });
		}
	}
}

/** `s2` before `s10`. */
export function compareSegmentIds(a: string, b: string): number {
	return a.localeCompare(b, 'en', { numeric: true });
}
