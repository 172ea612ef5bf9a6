// The y-websocket wire protocol as pure functions: message-type constants, a strict decoder
// for what clients send (everything is validated before any document is touched) and
// encoders for what the server sends. PROTOCOL.md in this folder is the written spec.
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** First varUint of every message (y-websocket). */
export const MessageType = {
	sync: 0,
	awareness: 1,
	/** y-protocols auth: the server may send "permission denied"; clients never send it. */
	auth: 2,
	queryAwareness: 3,
	/** Duizhao extension, opt-in with `?saveStatus=1`: saved / not saved (PROTOCOL.md). */
	saveStatus: 100
} as const;

/** Second varUint of a sync message (y-protocols/sync). */
export const SyncType = { step1: 0, step2: 1, update: 2 } as const;

/** Values of the save-status extension message. */
export const SaveState = { saved: 0, notSaved: 1 } as const;
export type SaveState = (typeof SaveState)[keyof typeof SaveState];

/** One entry of an awareness update, its state still as the JSON text the client sent. */
export interface AwarenessEntry {
	clientId: number;
	clock: number;
	/** JSON text of the state; `'null'` removes the client. */
	json: string;
}

/** A decoded client message. Byte arrays are views into the received frame. */
export type ClientMessage =
	| { kind: 'sync-step1'; stateVector: Uint8Array; emptyStateVector: boolean }
	| { kind: 'sync-step2'; update: Uint8Array }
	| { kind: 'update'; update: Uint8Array }
	| { kind: 'awareness'; entries: AwarenessEntry[] }
	| { kind: 'query-awareness' };

/** A frame that is not a well-formed message of the protocol (closes the socket, 4400). */
export class ProtocolError extends Error {
	override name = 'ProtocolError';
}

function fail(message: string, cause?: unknown): never {
	throw new ProtocolError(message, cause === undefined ? undefined : { cause });
}

function expectEnd(decoder: decoding.Decoder, what: string): void {
	if (decoding.hasContent(decoder)) fail(`${what}: trailing bytes`);
}

/**
 * Checks that `update` is a structurally valid Yjs (v1) update: every struct and the delete
 * set decode. Applying an update that fails here can leave a document half-changed (Yjs
 * integrates structs before it reads the delete set), so nothing is applied unless it passes.
 */
export function validateUpdate(update: Uint8Array): void {
	try {
		Y.decodeUpdate(update);
	} catch (err) {
		fail('update does not decode', err);
	}
}

function readStateVector(bytes: Uint8Array): number {
	const decoder = decoding.createDecoder(bytes);
	const n = decoding.readVarUint(decoder);
	for (let i = 0; i < n; i++) {
		decoding.readVarUint(decoder);
		decoding.readVarUint(decoder);
	}
	expectEnd(decoder, 'state vector');
	return n;
}

function readAwareness(bytes: Uint8Array): AwarenessEntry[] {
	const decoder = decoding.createDecoder(bytes);
	const n = decoding.readVarUint(decoder);
	// Each entry takes at least 3 bytes; a count above that is a lie, not a big update.
	if (n > bytes.length) fail('awareness: impossible entry count');
	const entries: AwarenessEntry[] = [];
	for (let i = 0; i < n; i++) {
		const clientId = decoding.readVarUint(decoder);
		const clock = decoding.readVarUint(decoder);
		// lib0 decodes UTF-8 with a fatal TextDecoder: invalid UTF-8 throws here.
		const json = decoding.readVarString(decoder);
		if (clientId > 0xffffffff) fail('awareness: client id out of range');
		entries.push({ clientId, clock, json });
	}
	expectEnd(decoder, 'awareness');
	return entries;
}

/**
 * Decodes one client frame completely (message type, sync sub-type, payload, no trailing
 * bytes) and validates updates. Throws ProtocolError on anything else: truncated varints,
 * unknown types, invalid UTF-8, updates that do not decode.
 */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
	try {
		const decoder = decoding.createDecoder(data);
		const type = decoding.readVarUint(decoder);
		switch (type) {
			case MessageType.sync: {
				const sub = decoding.readVarUint(decoder);
				const payload = decoding.readVarUint8Array(decoder);
				expectEnd(decoder, 'sync message');
				if (sub === SyncType.step1) {
					const n = readStateVector(payload);
					return { kind: 'sync-step1', stateVector: payload, emptyStateVector: n === 0 };
				}
				if (sub === SyncType.step2 || sub === SyncType.update) {
					validateUpdate(payload);
					return { kind: sub === SyncType.step2 ? 'sync-step2' : 'update', update: payload };
				}
				return fail(`unknown sync message type ${sub}`);
			}
			case MessageType.awareness: {
				const payload = decoding.readVarUint8Array(decoder);
				expectEnd(decoder, 'awareness message');
				return { kind: 'awareness', entries: readAwareness(payload) };
			}
			case MessageType.queryAwareness:
				expectEnd(decoder, 'query-awareness message');
				return { kind: 'query-awareness' };
			default:
				return fail(`unknown message type ${type}`);
		}
	} catch (err) {
		if (err instanceof ProtocolError) throw err;
		return fail(err instanceof Error ? err.message : 'malformed frame', err);
	}
}

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	write(encoder);
	return encoding.toUint8Array(encoder);
}

/** `sync step 1`: the server's state vector, asking the client for what the server lacks. */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
	return message((e) => {
		encoding.writeVarUint(e, MessageType.sync);
		encoding.writeVarUint(e, SyncType.step1);
		encoding.writeVarUint8Array(e, stateVector);
	});
}

/** `sync step 2`: the answer to a step 1, the update the client lacks. */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
	const [head] = syncStep2Parts(update);
	const out = new Uint8Array(head.byteLength + update.byteLength);
	out.set(head);
	out.set(update, head.byteLength);
	return out;
}

/**
 * `sync step 2` as [head, update]: what `encodeSyncStep2` returns, without copying the
 * update (a whole document, for a joiner) into a new array first — `binaryFrame(...parts)`.
 */
export function syncStep2Parts(update: Uint8Array): [Uint8Array, Uint8Array] {
	const head = message((e) => {
		encoding.writeVarUint(e, MessageType.sync);
		encoding.writeVarUint(e, SyncType.step2);
		encoding.writeVarUint(e, update.byteLength);
	});
	return [head, update];
}

/** `update`: one accepted change, broadcast to the other clients. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
	return message((e) => {
		encoding.writeVarUint(e, MessageType.sync);
		encoding.writeVarUint(e, SyncType.update);
		encoding.writeVarUint8Array(e, update);
	});
}

/** An awareness message carrying the given entries (states as JSON text). */
export function encodeAwareness(entries: readonly AwarenessEntry[]): Uint8Array {
	return message((e) => {
		encoding.writeVarUint(e, MessageType.awareness);
		const inner = encoding.createEncoder();
		encoding.writeVarUint(inner, entries.length);
		for (const entry of entries) {
			encoding.writeVarUint(inner, entry.clientId);
			encoding.writeVarUint(inner, entry.clock);
			encoding.writeVarString(inner, entry.json);
		}
		encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
	});
}

/** Extension: whether the connection's accepted edits are stored (PROTOCOL.md). */
export function encodeSaveStatus(state: SaveState, detail = ''): Uint8Array {
	return message((e) => {
		encoding.writeVarUint(e, MessageType.saveStatus);
		encoding.writeVarUint(e, state);
		encoding.writeVarString(e, detail);
	});
}

/** Reads a save-status message (for our own client and tests). */
export function decodeSaveStatus(data: Uint8Array): { state: SaveState; detail: string } | null {
	const decoder = decoding.createDecoder(data);
	if (decoding.readVarUint(decoder) !== MessageType.saveStatus) return null;
	const state = decoding.readVarUint(decoder);
	if (state !== SaveState.saved && state !== SaveState.notSaved) return null;
	return { state, detail: decoding.readVarString(decoder) };
}
