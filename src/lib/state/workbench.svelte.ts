// The workbench's reactive state: which pairs are shown, focused and mounted, their
// statuses (server records, pushed live), word counts and the sync state of the shared
// document. Components read it; only its methods change it.
import { SvelteSet } from 'svelte/reactivity';
import type { Block, Segment, SessionUser, Status } from '../types.ts';
import type { SyncState } from '../collab/session.ts';
import { FILTERS, isOpen, type Filter } from './filters.ts';
import { hanCount, progress as computeProgress, wordCount } from './progress.ts';
import type { HighlightProvider, SourceAction, SourceSelection } from './highlights.ts';
import type { Plugin } from 'prosemirror-state';

/** A filter a feature adds (e.g. "has open comments"); tests segment ids, not statuses. */
export interface ExtraFilter {
	key: string;
	label: string;
	test(segmentId: string): boolean;
}

export type RecordListener = (data: unknown) => void;

export interface WorkbenchInit {
	article: { id: number; title: string; lang: string; segments: Segment[]; blocks: Block[] };
	statuses: Record<string, Status>;
	user: SessionUser;
	/** The server's answers: may this user edit text, and which statuses may they set. */
	canEdit: boolean;
	allowedStatuses: Status[];
	/**
	 * Benchmark/debug switch (`?mount=…` on the article page) for the eager baselines of
	 * `npm run bench`: `all` mounts an editor in every row from the start (isMounted() is
	 * always true); `all-synced` mounts every row's editor once the document synced.
	 */
	mountAll?: 'all' | 'all-synced' | null;
}

/** How many editors may be mounted at once (viewport rows plus the focused one). */
export const MAX_MOUNTED = 40;

export class Workbench {
	readonly article: WorkbenchInit['article'];
	readonly user: SessionUser;
	readonly canEdit: boolean;
	readonly allowedStatuses: Status[];
	readonly mountAll: 'all' | 'all-synced' | null;
	readonly #index = new Map<string, number>();
	readonly #han: Record<string, number> = {};

	statuses = $state<Record<string, Status>>({});
	/** A built-in filter key or an extra filter's key. */
	filter = $state<Filter | string>('all');
	extraFilters = $state.raw<ExtraFilter[]>([]);
	/** Features' ProseMirror plugins for each target editor (QA underlines, …). */
	editorPlugins = $state.raw<((segmentId: string) => Plugin[])[]>([]);
	readonly #recordListeners = new Map<string, Set<RecordListener>>();
	#events: EventSource | null = null;
	focusedId = $state<string | null>(null);
	/** Rows in or near the viewport (IntersectionObserver). */
	readonly near = new SvelteSet<string>();
	/** English words per segment. */
	words = $state<Record<string, number>>({});
	/** Bumped when a segment's English changes, so static rows re-render. */
	versions = $state<Record<string, number>>({});
	sync = $state<SyncState>({ phase: 'connecting', synced: false, unsynced: 0, saveFailed: false, closedReason: null });
	/**
	 * Editors are mounted once the document first synced (or the connection failed, so one
	 * can still type offline). An editor bound before the first sync has y-prosemirror walk
	 * the whole synced history's delete set when it arrives — per editor, ~10 ms each at
	 * 2,000 pairs — for text it would render anyway.
	 */
	editorsReady = $state(false);
	shortcutsOpen = $state(false);
	/**
	 * Bumped when the event stream (re)connects: features re-read their records, since
	 * pushes sent before the stream opened (or while it was down) were missed.
	 */
	reconnected = $state(0);
	/** A row that should take keyboard focus as soon as its editor is mounted. */
	focusRequest = $state<string | null>(null);
	/** Features' source highlights (glossary terms, claims, comment anchors). */
	highlightProviders = $state.raw<HighlightProvider[]>([]);
	/** Actions offered on a source selection (add to glossary, comment, fact-check). */
	sourceActions = $state.raw<SourceAction[]>([]);
	/** The current source selection and where to show its actions. */
	selection = $state.raw<{ sel: SourceSelection; rect: DOMRect } | null>(null);
	/** Glossary suggestions per segment for Alt+1…9 (set by the glossary feature). */
	suggestionsFor: (segmentId: string) => string[] = () => [];
	/** Last error to show in the status line (failed status change, …). */
	notice = $state<{ kind: 'error' | 'info'; text: string } | null>(null);

	rows = $derived(this.#visibleRows());
	progress = $derived(this.#progress());

	constructor(init: WorkbenchInit) {
		this.article = init.article;
		this.user = init.user;
		this.canEdit = init.canEdit;
		this.allowedStatuses = init.allowedStatuses;
		this.mountAll = init.mountAll ?? null;
		this.statuses = { ...init.statuses };
		init.article.segments.forEach((s, i) => {
			this.#index.set(s.id, i);
			this.#han[s.id] = hanCount(s.text);
		});
	}

	#progress() {
		return computeProgress(this.article.segments, this.statuses, this.words, this.#han);
	}

	#visibleRows(): Segment[] {
		const builtin = FILTERS[this.filter as Filter];
		const extra = this.extraFilters.find((f) => f.key === this.filter);
		const keep = builtin
			? (s: Segment) => builtin.test(this.statuses[s.id] ?? 'empty')
			: extra
				? (s: Segment) => extra.test(s.id)
				: () => true;
		return this.article.segments.filter((s) => keep(s) || s.id === this.focusedId);
	}

	status(id: string): Status {
		return this.statuses[id] ?? 'empty';
	}

	/** Whether the row gets a live editor (near the viewport or focused), capped. */
	isMounted(id: string): boolean {
		if (this.mountAll === 'all') return true;
		if (!this.editorsReady) return false;
		if (this.mountAll === 'all-synced' || id === this.focusedId) return true;
		if (!this.near.has(id)) return false;
		return this.near.size <= MAX_MOUNTED || this.#nearRank(id) < MAX_MOUNTED;
	}

	#nearRank(id: string): number {
		const mine = this.#index.get(id) ?? 0;
		let rank = 0;
		for (const other of this.near) if ((this.#index.get(other) ?? 0) < mine) rank++;
		return rank;
	}

	/** Focus a pair: mounts its editor and moves keyboard focus into it. */
	focus(id: string): void {
		this.focusedId = id;
		this.focusRequest = id;
	}

	/** The pair `delta` rows away from `id` in the current filter (null at the ends). */
	neighbour(id: string, delta: 1 | -1): string | null {
		const rows = this.rows;
		const i = rows.findIndex((s) => s.id === id);
		const next = rows[i + delta];
		return next ? next.id : null;
	}

	/** The next pair after `id` that still needs work, wrapping around. */
	nextOpen(id: string): string | null {
		const segs = this.article.segments;
		const start = this.#index.get(id) ?? -1;
		for (let k = 1; k <= segs.length; k++) {
			const seg = segs[(start + k) % segs.length]!;
			if (seg.id !== id && isOpen(this.status(seg.id))) return seg.id;
		}
		return null;
	}

	/** Called by the collab layer when segments' English changed. */
	textChanged(ids: string[], textOf: (id: string) => string): void {
		for (const id of ids) {
			if (!this.#index.has(id)) continue;
			this.words[id] = wordCount(textOf(id));
			this.versions[id] = (this.versions[id] ?? 0) + 1;
		}
	}

	/** Follows the shared document's sync state (the sync badge, when editors may mount). */
	setSync(state: SyncState): void {
		this.sync = state;
		if (state.synced || state.phase === 'offline') this.editorsReady = true;
	}

	/** Applies a status pushed by the server (or our own confirmed change). */
	applyStatus(segmentId: string, status: Status): void {
		if (this.#index.has(segmentId)) this.statuses[segmentId] = status;
	}

	/** Changes a status through the HTTP API; optimistic, reverted if the server refuses. */
	async setStatus(segmentId: string, status: Status): Promise<boolean> {
		const before = this.status(segmentId);
		if (before === status) return true;
		this.statuses[segmentId] = status;
		try {
			const res = await fetch(`/api/articles/${this.article.id}/segments/${encodeURIComponent(segmentId)}/status`, {
				method: 'PUT',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ status })
			});
			if (!res.ok) {
				const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
				throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
			}
			return true;
		} catch (err) {
			this.statuses[segmentId] = before;
			this.notice = { kind: 'error', text: `Status not changed: ${err instanceof Error ? err.message : String(err)}` };
			return false;
		}
	}

	/** Re-reads every status (after the push channel reconnects). */
	async reloadStatuses(): Promise<void> {
		const res = await fetch(`/api/articles/${this.article.id}?fields=statuses`);
		if (!res.ok) return;
		const body = (await res.json()) as { statuses?: { segmentId: string; status: Status }[] };
		if (body.statuses) this.statuses = Object.fromEntries(body.statuses.map((s) => [s.segmentId, s.status]));
	}

	/** Registers a highlight provider; returns the unregister function. */
	addHighlights(provider: HighlightProvider): () => void {
		this.highlightProviders = [...this.highlightProviders, provider];
		return () => (this.highlightProviders = this.highlightProviders.filter((p) => p !== provider));
	}

	/** Registers a source-selection action; returns the unregister function. */
	addSourceAction(action: SourceAction): () => void {
		this.sourceActions = [...this.sourceActions.filter((a) => a.id !== action.id), action];
		return () => (this.sourceActions = this.sourceActions.filter((a) => a !== action));
	}

	/** Adds a filter button; returns the remove function. */
	addFilter(filter: ExtraFilter): () => void {
		this.extraFilters = [...this.extraFilters.filter((f) => f.key !== filter.key), filter];
		return () => {
			this.extraFilters = this.extraFilters.filter((f) => f !== filter);
			if (this.filter === filter.key) this.filter = 'all';
		};
	}

	/**
	 * Adds ProseMirror plugins to every target editor. Editors are recreated when this
	 * list changes, so register once, early (in the feature component's script).
	 */
	addEditorPlugins(factory: (segmentId: string) => Plugin[]): () => void {
		this.editorPlugins = [...this.editorPlugins, factory];
		return () => (this.editorPlugins = this.editorPlugins.filter((f) => f !== factory));
	}

	/**
	 * Listens to a record type pushed on the article's event stream (`status`, `comment`,
	 * `claim`, `glossary`, `mention`, …). Returns the unsubscribe function.
	 */
	onRecord(type: string, listener: RecordListener): () => void {
		let set = this.#recordListeners.get(type);
		if (!set) {
			this.#recordListeners.set(type, (set = new Set()));
			this.#events?.addEventListener(type, (e) => this.#dispatch(type, e as MessageEvent));
		}
		set.add(listener);
		return () => set.delete(listener);
	}

	/** Connects the page's event stream; every registered record type is forwarded. */
	attachEvents(events: EventSource): void {
		this.#events = events;
		for (const type of this.#recordListeners.keys()) events.addEventListener(type, (e) => this.#dispatch(type, e as MessageEvent));
	}

	#dispatch(type: string, e: MessageEvent): void {
		let data: unknown;
		try {
			data = JSON.parse(e.data as string);
		} catch {
			return;
		}
		for (const listener of this.#recordListeners.get(type) ?? []) listener(data);
	}

	/** Position (1-based) of a segment in the article, for labels. */
	number(id: string): number {
		return (this.#index.get(id) ?? 0) + 1;
	}
}
