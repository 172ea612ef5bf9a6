// The review records of one article page (comment threads and fact-check claims): loaded
// over HTTP, kept current by the page's event stream, changed only through the API (the
// server checks every role). The page creates one and hands it to the review components.
import type { Claim, Comment, SessionUser, SourceAnchor, TargetAnchor } from '../types.ts';
import { buildThreads, filterClaims, mergeClaim, mergeComment, openCounts, type ClaimFilter, type Member } from './review.ts';

/** What the server lets this user do (computed with can() on the server). */
export interface ReviewPermissions {
	comment: boolean;
	resolveComments: boolean;
	deleteAnyComment: boolean;
	createClaims: boolean;
	resolveClaims: boolean;
}

export interface ReviewInit {
	articleId: number;
	user: SessionUser;
	members: Member[];
	segmentOrder: string[];
	can: ReviewPermissions;
	/** Switches the side panel to a tab (`comments`, `claims`). */
	showTab?: (tab: string) => void;
	/** The signed-in user was @mentioned (refresh the inbox count). */
	onMention?: () => void;
}

export type CommentAnchor = ({ side: 'source' } & SourceAnchor) | ({ side: 'target' } & TargetAnchor);

/** A comment being written: on a pair, optionally anchored. */
export interface CommentDraft {
	segmentId: string;
	anchor: CommentAnchor | null;
}

/** A claim being created from a source selection. */
export interface ClaimDraft {
	segmentId: string;
	anchor: SourceAnchor;
}

function groupBy<T extends { segmentId: string }>(list: readonly T[]): Map<string, T[]> {
	const map = new Map<string, T[]>();
	for (const item of list) {
		const group = map.get(item.segmentId);
		if (group) group.push(item);
		else map.set(item.segmentId, [item]);
	}
	return map;
}

export class ReviewStore {
	readonly articleId: number;
	readonly user: SessionUser;
	readonly members: Member[];
	readonly can: ReviewPermissions;
	readonly segmentOrder: string[];
	readonly #showTab: (tab: string) => void;
	readonly onMention: () => void;

	comments = $state.raw<Comment[]>([]);
	claims = $state.raw<Claim[]>([]);
	loaded = $state(false);
	/** The last failed action, shown in the panel. */
	error = $state<string | null>(null);
	draft = $state.raw<CommentDraft | null>(null);
	claimDraft = $state.raw<ClaimDraft | null>(null);
	/** Which thread / claim the panel should show and highlight. */
	selectedThread = $state<number | null>(null);
	selectedClaim = $state<number | null>(null);
	commentFilter = $state<'open' | 'resolved' | 'all'>('open');
	claimFilter = $state<ClaimFilter>({ status: 'all', verdict: 'all', recheckOnly: false });
	/** Bumped when any English changes, so target anchors are resolved again. */
	textVersion = $state(0);

	threads = $derived.by(() => buildThreads(this.comments, this.segmentOrder));
	/** Records by pair, so per-row lookups do not scan every record. */
	commentsBySegment = $derived(groupBy(this.comments));
	claimsBySegment = $derived(groupBy(this.claims));
	openBySegment = $derived(openCounts(this.comments));
	openThreads = $derived(this.threads.filter((t) => !t.root.resolved).length);
	visibleClaims = $derived.by(() => filterClaims(this.claims, this.claimFilter, this.segmentOrder));
	recheckCount = $derived(this.claims.filter((c) => c.recheck).length);
	/** Claims that need someone: still open, or resolved but their English changed. */
	claimsToDo = $derived(this.claims.filter((c) => c.status === 'open' || c.recheck).length);

	constructor(init: ReviewInit) {
		this.articleId = init.articleId;
		this.user = init.user;
		this.members = init.members;
		this.can = init.can;
		this.segmentOrder = init.segmentOrder;
		this.#showTab = init.showTab ?? (() => {});
		this.onMention = init.onMention ?? (() => {});
	}

	/** The display name of a user id (falls back to the sign-in name). */
	displayName(author: { id: number; name: string }): string {
		return this.members.find((m) => m.id === author.id)?.displayName ?? author.name;
	}

	claimsOf(segmentId: string): Claim[] {
		return this.claimsBySegment.get(segmentId) ?? [];
	}

	commentsOf(segmentId: string): Comment[] {
		return this.commentsBySegment.get(segmentId) ?? [];
	}

	showTab(tab: 'comments' | 'claims'): void {
		this.#showTab(tab);
	}

	/** Reads every comment and claim (on load and after the event stream reconnects). */
	async load(): Promise<void> {
		try {
			const [c, k] = await Promise.all([this.#request<{ comments: Comment[] }>('GET', '/comments'), this.#request<{ claims: Claim[] }>('GET', '/claims')]);
			this.comments = c.comments;
			this.claims = k.claims;
			this.loaded = true;
		} catch (err) {
			this.#fail(err);
		}
	}

	/** A pushed `comment` event. */
	applyComment(data: unknown): void {
		const c = data as Comment & { deleted?: boolean };
		if (c?.articleId === this.articleId) this.comments = mergeComment(this.comments, c);
	}

	/** A pushed `claim` event. */
	applyClaim(data: unknown): void {
		const c = data as Claim & { deleted?: boolean };
		if (c?.articleId === this.articleId) this.claims = mergeClaim(this.claims, c);
	}

	/** Starts a comment on a pair (optionally on a span) and shows the comments tab. */
	startComment(draft: CommentDraft): void {
		this.draft = draft;
		this.selectedThread = null;
		this.showTab('comments');
	}

	startClaim(draft: ClaimDraft): void {
		this.claimDraft = draft;
		this.selectedClaim = null;
		this.showTab('claims');
	}

	async addComment(draft: CommentDraft, body: string): Promise<boolean> {
		const res = await this.#try(() => this.#request<{ comment: Comment }>('POST', '/comments', { segmentId: draft.segmentId, body, anchor: draft.anchor }));
		if (res) {
			this.applyComment(res.comment);
			this.draft = null;
			this.selectedThread = res.comment.id;
		}
		return !!res;
	}

	async reply(root: Comment, body: string): Promise<boolean> {
		const res = await this.#try(() => this.#request<{ comment: Comment }>('POST', '/comments', { parentId: root.id, body }));
		if (res) this.applyComment(res.comment);
		return !!res;
	}

	async editComment(comment: Comment, body: string): Promise<boolean> {
		const res = await this.#try(() => this.#request<Comment>('PATCH', `/comments/${comment.id}`, { body }));
		if (res) this.applyComment(res);
		return !!res;
	}

	async setResolved(root: Comment, resolved: boolean): Promise<boolean> {
		const res = await this.#try(() => this.#request<Comment>('PATCH', `/comments/${root.id}`, { resolved }));
		if (res) this.applyComment(res);
		return !!res;
	}

	async deleteComment(comment: Comment): Promise<boolean> {
		const res = await this.#try(() => this.#request<null>('DELETE', `/comments/${comment.id}`));
		if (res !== undefined) this.applyComment({ ...comment, deleted: true });
		return res !== undefined;
	}

	async createClaim(input: Record<string, unknown>): Promise<Claim | null> {
		const res = await this.#try(() => this.#request<{ claim: Claim }>('POST', '/claims', input));
		if (!res) return null;
		this.applyClaim(res.claim);
		this.claimDraft = null;
		this.selectedClaim = res.claim.id;
		return res.claim;
	}

	async updateClaim(claim: Claim, patch: Record<string, unknown>): Promise<Claim | null> {
		const res = await this.#try(() => this.#request<Claim>('PATCH', `/claims/${claim.id}`, patch));
		if (res) this.applyClaim(res);
		return res ?? null;
	}

	async deleteClaim(claim: Claim): Promise<boolean> {
		const res = await this.#try(() => this.#request<null>('DELETE', `/claims/${claim.id}`));
		if (res !== undefined) this.applyClaim({ ...claim, deleted: true });
		return res !== undefined;
	}

	async #try<T>(fn: () => Promise<T>): Promise<T | undefined> {
		this.error = null;
		try {
			return await fn();
		} catch (err) {
			this.#fail(err);
			return undefined;
		}
	}

	#fail(err: unknown): void {
		this.error = err instanceof Error ? err.message : String(err);
	}

	async #request<T>(method: string, path: string, body?: unknown): Promise<T> {
		const res = await fetch(`/api/articles/${this.articleId}${path}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		if (res.status === 204) return null as T;
		const data = (await res.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
		if (!res.ok) throw new Error(data?.error?.message ?? `HTTP ${res.status}`);
		return data as T;
	}
}
