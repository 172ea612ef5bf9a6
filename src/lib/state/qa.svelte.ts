// QA findings of the open article in the browser: per pair, what `checkSegment` found
// (kept live while people type) and what the checks across pairs found (refreshed less
// often). Per-pair reads are fine-grained, so a badge re-renders only when its pair changes.
import { SvelteMap } from 'svelte/reactivity';
import type { Finding, Severity } from '../types.ts';
import { sameFindings as same } from '../editor/qa-plugin.ts';

export type SeverityCounts = Record<Severity, number>;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sorts findings: errors first, then warnings, then info; stable otherwise. */
export function bySeverity(a: Finding, b: Finding): number {
	return RANK[a.severity] - RANK[b.severity];
}

export class QaStore {
	readonly #pair = new SvelteMap<string, readonly Finding[]>();
	readonly #across = new SvelteMap<string, readonly Finding[]>();
	/** True once every pair has been checked after the document synced. */
	ready = $state(false);

	/** Sets the pair-level findings of a segment. */
	setPair(segmentId: string, findings: readonly Finding[]): void {
		const before = this.#pair.get(segmentId);
		if (before && same(before, findings)) return;
		if (findings.length) this.#pair.set(segmentId, findings);
		else this.#pair.delete(segmentId);
	}

	/** Replaces every finding of the checks across pairs. */
	setAcross(bySegment: Map<string, Finding[]>): void {
		for (const id of [...this.#across.keys()]) if (!bySegment.has(id)) this.#across.delete(id);
		for (const [id, findings] of bySegment) {
			const before = this.#across.get(id);
			if (!before || !same(before, findings)) this.#across.set(id, findings);
		}
	}

	/** Every finding of a pair, errors first. */
	findings(segmentId: string): Finding[] {
		return [...(this.#pair.get(segmentId) ?? []), ...(this.#across.get(segmentId) ?? [])].sort(bySeverity);
	}

	/** Only the pair-level findings (the ones the editor underlines). */
	pairFindings(segmentId: string): readonly Finding[] {
		return this.#pair.get(segmentId) ?? [];
	}

	counts(segmentId: string): SeverityCounts {
		const c: SeverityCounts = { error: 0, warning: 0, info: 0 };
		for (const f of this.findings(segmentId)) c[f.severity]++;
		return c;
	}

	/** Whether a pair has errors or warnings (the "Has QA errors" filter). */
	hasIssues(segmentId: string): boolean {
		return this.findings(segmentId).some((f) => f.severity !== 'info');
	}

	/** Segment ids with any finding (unordered). */
	segmentIds(): string[] {
		return [...new Set([...this.#pair.keys(), ...this.#across.keys()])];
	}
}
