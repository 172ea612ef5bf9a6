// Server-to-client websocket frames built once and written to many sockets. `ws` frames
// every `send` separately (a header allocation and a two-buffer write per socket); a
// broadcast to N clients instead builds one complete frame and writes that same buffer to
// each socket. Safe because our sockets never negotiate permessage-deflate (the server
// disables it) and `ws` only queues frames internally while compressing or reading a Blob,
// neither of which we do: each write is one whole frame, in order with `ws`'s own frames.

/**
 * One final, unmasked, binary frame (RFC 6455 §5.2) carrying the `parts` one after the
 * other as its payload, as a single buffer: the payload is copied once, straight into place.
 */
export function binaryFrame(...parts: Uint8Array[]): Buffer {
	let length = 0;
	for (const part of parts) length += part.byteLength;
	const header = length < 126 ? 2 : length < 65536 ? 4 : 10;
	const frame = Buffer.allocUnsafe(header + length);
	frame[0] = 0x82; // FIN + opcode 2 (binary)
	if (header === 2) {
		frame[1] = length;
	} else if (header === 4) {
		frame[1] = 126;
		frame.writeUInt16BE(length, 2);
	} else {
		frame[1] = 127;
		frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
		frame.writeUInt32BE(length >>> 0, 6);
	}
	let offset = header;
	for (const part of parts) {
		frame.set(part, offset);
		offset += part.byteLength;
	}
	return frame;
}

/** Reads a frame made by `binaryFrame` back (tests). */
export function readBinaryFrame(frame: Uint8Array): Uint8Array {
	if (frame[0] !== 0x82) throw new Error('not a final binary frame');
	const len7 = frame[1]! & 0x7f;
	if (frame[1]! & 0x80) throw new Error('server frames are not masked');
	const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
	const [offset, length] =
		len7 < 126 ? [2, len7] : len7 === 126 ? [4, view.getUint16(2)] : [10, view.getUint32(2) * 2 ** 32 + view.getUint32(6)];
	if (offset + length !== frame.byteLength) throw new Error('frame length mismatch');
	return frame.subarray(offset);
}
