// What the server does with each kind of client message: the handler table, keyed by
// message kind. The read-only rule lives here (y-protocols PROTOCOL.md, as Hocuspocus does
// it): a read-only connection's sync step 1 is answered, its sync step 2 and updates are
// dropped — never applied, broadcast or stored — and it may still send awareness.
import type { Connection } from './connection.ts';
import { decodeClientMessage, type ClientMessage } from './protocol.ts';
import type { Room } from './room.ts';

type Kind = ClientMessage['kind'];
type Handler<K extends Kind> = (room: Room, conn: Connection, msg: Extract<ClientMessage, { kind: K }>, raw: Uint8Array) => void;

export const handlers: { [K in Kind]: Handler<K> } = {
	'sync-step1': (room, conn, msg) => room.answerSyncStep1(conn, msg.stateVector, msg.emptyStateVector),
	'sync-step2': (room, conn, msg) => {
		if (!conn.readOnly) room.acceptUpdate(conn, msg.update, null);
	},
	// An `update` message is forwarded to the others byte for byte once stored.
	update: (room, conn, msg, raw) => {
		if (!conn.readOnly) room.acceptUpdate(conn, msg.update, raw);
	},
	awareness: (room, conn, msg) => room.applyAwareness(conn, msg.entries),
	'query-awareness': (room, conn) => room.sendAwarenessTo(conn)
};

/** Decodes one frame (throws ProtocolError if malformed) and runs its handler. */
export function dispatch(room: Room, conn: Connection, data: Uint8Array): void {
	const msg = decodeClientMessage(data);
	(handlers[msg.kind] as Handler<Kind>)(room, conn, msg, data);
}
