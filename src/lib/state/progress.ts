// Progress numbers for the workbench bar: pairs by status, Chinese characters of source
// done, English words written. Pure.
import type { Segment, Status } from '../types.ts';
import { STATUSES } from '../types.ts';

const HAN = /\p{Script=Han}/gu;
const DONE: ReadonlySet<Status> = new Set(['translated', 'reviewed', 'approved']);

export interface Progress {
	byStatus: Record<Status, number>;
	total: number;
	hanDone: number;
	hanTotal: number;
	words: number;
}

export function hanCount(text: string): number {
	return text.match(HAN)?.length ?? 0;
}

export function wordCount(text: string): number {
	return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

export function progress(segments: Segment[], statuses: Record<string, Status>, words: Record<string, number>, han: Record<string, number>): Progress {
	const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
	let hanDone = 0;
	let hanTotal = 0;
	let total = 0;
	for (const seg of segments) {
		const st = statuses[seg.id] ?? 'empty';
		byStatus[st]++;
		const h = han[seg.id] ?? 0;
		hanTotal += h;
		if (DONE.has(st)) hanDone += h;
		total += words[seg.id] ?? 0;
	}
	return { byStatus, total: segments.length, hanDone, hanTotal, words: total };
}
