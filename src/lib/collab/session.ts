// One article's shared document in the browser: the Y.Doc, the y-websocket provider and
// awareness, plus the sync state the workbench always shows (connected / offline with N
// unsynced changes / saved). Document schema contract: the article syncs at
// `/collab/article-<id>`; each segment's English is the XmlFragment named by its id.
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { CLOSE_CODES } from '../types.ts';

export type Phase = 'connecting' | 'online' | 'offline' | 'closed';

/** What the sync badge shows. */
export interface SyncState {
	phase: Phase;
	/** The first sync with the server completed (the visible text is the server's). */
	synced: boolean;
	/** Local changes the server has not confirmed storing. */
	unsynced: number;
	/** The server reported a failed write: changes are held in memory, not on disk. */
	saveFailed: boolean;
	/** Why the server closed the connection for good (signed out, permissions changed). */
	closedReason: string | null;
}

export interface SessionOptions {
	articleId: number;
	/** Websocket base, e.g. `wss://desk.example/collab`. */
	serverUrl: string;
	/** Extra URL params (bots pass `token`; browsers use the session cookie). */
	params?: Record<string, string>;
	/** Node clients pass `ws`'s WebSocket. */
	WebSocketPolyfill?: typeof WebSocket;
	onState?: (state: SyncState) => void;
	/** The server closed with 4403 (role changed): the page should reload its permissions. */
	onPermissionsChanged?: () => void;
}

/** The websocket base URL for the page's own origin. */
export function collabUrl(location: Location): string {
	return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

export class ArticleSession {
	readonly doc = new Y.Doc();
	readonly provider: WebsocketProvider;
	#state: SyncState = { phase: 'connecting', synced: false, unsynced: 0, saveFailed: false, closedReason: null };
	#onState: (s: SyncState) => void;
	#onPermissionsChanged: () => void;

	constructor(opts: SessionOptions) {
		this.#onState = opts.onState ?? (() => {});
		this.#onPermissionsChanged = opts.onPermissionsChanged ?? (() => {});
		this.provider = new WebsocketProvider(opts.serverUrl, `article-${opts.articleId}`, this.doc, {
			params: { ...opts.params, saveStatus: '1' },
			// Tabs of one browser would otherwise sync around the server (and a reviewer's tab
			// could feed a translator's): every change goes through the server's checks.
			disableBc: true,
			...(opts.WebSocketPolyfill ? { WebSocketPolyfill: opts.WebSocketPolyfill } : {})
		});
		this.provider.on('status', ({ status }) => {
			this.#set({ phase: status === 'connected' ? 'online' : status === 'connecting' && !this.#state.synced ? 'connecting' : 'offline' });
		});
		this.provider.on('sync', (synced: boolean) => this.#set({ synced: this.#state.synced || synced }));
		this.provider.on('connection-close', (event) => this.#onClose(event?.code ?? 0));
		this.doc.on('update', (_update: Uint8Array, origin: unknown) => {
			// Local edits (not ones that arrived from the provider) count until the server
			// confirms it stored them.
			if (origin !== this.provider) this.#set({ unsynced: this.#state.unsynced + 1 });
		});
		installSavedHandler(this.provider, (ok) => {
			this.#set(ok ? { unsynced: 0, saveFailed: false } : { saveFailed: true });
		});
	}

	get state(): SyncState {
		return this.#state;
	}

	/** The segment's English (created empty on first access, as Yjs does). */
	fragment(segmentId: string): Y.XmlFragment {
		return this.doc.getXmlFragment(segmentId);
	}

	get awareness() {
		return this.provider.awareness;
	}

	destroy(): void {
		this.provider.destroy();
		this.doc.destroy();
	}

	#onClose(code: number): void {
		// y-websocket does not reconnect after 4400–4499 closes (the server decided).
		if (code === CLOSE_CODES.unauthorized.code) {
			this.#set({ phase: 'closed', closedReason: 'Your session ended. Sign in again to keep editing.' });
		} else if (code === CLOSE_CODES.permissionsChanged.code) {
			this.#set({ phase: 'closed', closedReason: 'Your permissions changed. Reloading…' });
			this.#onPermissionsChanged();
		} else if (code >= 4400 && code < 4500) {
			this.#set({ phase: 'closed', closedReason: `The server closed the connection (${code}). Reload the page.` });
		}
	}

	#set(patch: Partial<SyncState>): void {
		this.#state = { ...this.#state, ...patch };
		this.#onState(this.#state);
	}
}

/** Message type of the server's save-status extension (server/collab/PROTOCOL.md). */
export const MESSAGE_SAVE_STATUS = 100;
const SAVED = 0;

/**
 * Registers the handler for the server's opt-in save-status message (`saveStatus=1`):
 * `varUint state, varString detail`, state 0 = this connection's edits are stored,
 * 1 = a write failed (the server keeps them in memory and retries).
 */
function installSavedHandler(provider: WebsocketProvider, onSaved: (ok: boolean) => void): void {
	provider.messageHandlers[MESSAGE_SAVE_STATUS] = (_encoder, decoder) => {
		onSaved(decoding.readVarUint(decoder) === SAVED);
	};
}
