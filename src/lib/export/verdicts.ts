// The one mapping from a fact-check verdict to what readers and machines see: its English
// label, its badge colour, and its ClaimReview rating. Shared by the HTML exports (badges)
// and ClaimReview JSON-LD, so the two can never disagree.
import type { Verdict } from '../types.ts';

export interface VerdictInfo {
	/** English label, shown on the badge and used as ClaimReview `alternateName`. */
	label: string;
	/** Badge background; white text on it meets WCAG AA contrast (≥ 4.5:1). */
	color: string;
	/**
	 * ClaimReview `ratingValue` on the 1 (false) … 5 (true) scale; `null` for verdicts that
	 * are not a point on that scale (unproven, needs a source): those carry only the label,
	 * which is what Google's ClaimReview guidelines ask for (alternateName is the required part).
	 */
	rating: 1 | 2 | 3 | 4 | 5 | null;
}

export const VERDICT_INFO: Record<Verdict, VerdictInfo> = {
	true: { label: 'True', color: '#1a7f37', rating: 5 },
	mostly_true: { label: 'Mostly true', color: '#3f7d20', rating: 4 },
	mixed: { label: 'Mixed', color: '#8a5a00', rating: 3 },
	mostly_false: { label: 'Mostly false', color: '#b3400b', rating: 2 },
	false: { label: 'False', color: '#b42318', rating: 1 },
	unproven: { label: 'Unproven', color: '#57606a', rating: null },
	needs_source: { label: 'Needs a source', color: '#6639ba', rating: null }
};

/** Info for a verdict; unknown values (corrupt rows) read as `unproven`, never throw. */
export function verdictInfo(verdict: string): VerdictInfo {
	return Object.hasOwn(VERDICT_INFO, verdict) ? VERDICT_INFO[verdict as Verdict] : VERDICT_INFO.unproven;
}
