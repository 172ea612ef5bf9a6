// Small statistics for the benchmark: median, nearest-rank percentiles and the "median of
// per-round medians" every comparison reports (one noisy round cannot move it).

/** The median of `xs` (NaN when empty). */
export function median(xs: readonly number[]): number {
	if (xs.length === 0) return NaN;
	const s = [...xs].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Nearest-rank percentile, `p` in [0, 100] (NaN when empty). */
export function percentile(xs: readonly number[], p: number): number {
	if (xs.length === 0) return NaN;
	const s = [...xs].sort((a, b) => a - b);
	const rank = Math.ceil((p / 100) * s.length);
	return s[Math.min(s.length - 1, Math.max(0, rank - 1))]!;
}

/** Rounds to `digits` decimals (numbers in the JSON and the table). */
export function round(x: number, digits = 2): number {
	if (!Number.isFinite(x)) return x;
	const f = 10 ** digits;
	return Math.round(x * f) / f;
}

/** A deterministic PRNG: the same article and typing every run. */
export { mulberry32 as rng } from '../../helpers/random.ts';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
