// QA family “consistency”: identical source paragraphs (ignoring whitespace) translated in
// different ways within one article. Every translated member of such a group gets an
// `inconsistent` finding naming the others, so the QA panel can jump to each. Pure.
import type { ArticleFinding } from '../types.ts';
import { QA_CODES } from './codes.ts';
import { normaliseSpace } from './empty.ts';

/** One pair as plain text. */
export interface PairText {
	segmentId: string;
	source: string;
	target: string;
}

/** Inconsistent translations of identical sources. Untranslated members are ignored. */
export function checkConsistency(pairs: PairText[]): ArticleFinding[] {
	const groups = new Map<string, { segmentId: string; target: string }[]>();
	for (const p of pairs) {
		const source = normaliseSpace(p.source);
		const target = normaliseSpace(p.target);
		if (!source || !target) continue;
		const group = groups.get(source);
		if (group) group.push({ segmentId: p.segmentId, target });
		else groups.set(source, [{ segmentId: p.segmentId, target }]);
	}
	const findings: ArticleFinding[] = [];
	for (const group of groups.values()) {
		if (new Set(group.map((g) => g.target)).size < 2) continue;
		for (const member of group) {
			const others = group.filter((g) => g.target !== member.target).map((g) => g.segmentId);
			findings.push({
				segmentId: member.segmentId,
				code: 'inconsistent',
				severity: QA_CODES.inconsistent.severity,
				message: `Same source as ${others.join(', ')}, translated differently`
			});
		}
	}
	return findings;
}
