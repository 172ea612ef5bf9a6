import { describe, expect, it } from 'vitest';
import { binaryFrame, readBinaryFrame } from './frame.ts';

describe('binaryFrame', () => {
	it('uses the 7-bit, 16-bit and 64-bit length forms at their boundaries', () => {
		for (const [length, header] of [
			[0, 2],
			[125, 2],
			[126, 4],
			[65535, 4],
			[65536, 10],
			[70000, 10]
		] as const) {
			const payload = new Uint8Array(length).map((_, i) => i % 251);
			const frame = binaryFrame(payload);
			expect(frame.byteLength).toBe(header + length);
			expect(frame[0]).toBe(0x82);
			expect(Buffer.from(readBinaryFrame(frame)).equals(Buffer.from(payload))).toBe(true);
		}
	});

	it('joins several parts into one payload, sizing the header by their sum', () => {
		const head = new Uint8Array([0, 1, 2]);
		const body = new Uint8Array(65534).fill(5);
		const frame = binaryFrame(head, body);
		expect(frame.byteLength).toBe(10 + 65537);
		expect(Buffer.from(readBinaryFrame(frame)).equals(Buffer.concat([head, body]))).toBe(true);
	});

	it('copies the payload (later changes to the source do not leak into a queued frame)', () => {
		const payload = new Uint8Array([1, 2, 3]);
		const frame = binaryFrame(payload);
		payload[0] = 9;
		expect(Array.from(readBinaryFrame(frame))).toEqual([1, 2, 3]);
	});
});
