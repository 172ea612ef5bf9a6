// XLIFF import into an article (issue 7): a returned XLIFF 2.0 file fills the English of
// pairs in the article's Yjs document, through the collab server so open pages see it live
// and it is stored like any edit. The pure part (parse, decide what to fill) lives in
// src/lib/export; this module reads the current document, applies the plan as one Yjs
// update, sets the filled pairs' statuses and credits the importer.
import * as Y from 'yjs';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import { parseXliff, planXliffImport, XliffError, type XliffSkipReason } from '../../export/index.ts';
import { targetSchema } from '../../schema/target.ts';
import { textToDoc } from '../../schema/text.ts';
import type { SessionUser, Status } from '../../types.ts';
import { getArticle } from '../db/articles.ts';
import { HttpError } from '../http/errors.ts';
import type { Runtime } from '../runtime.ts';
import { noteAuthors } from './authors.ts';
import { setStatus } from './statuses.ts';
import { articleState, docName, targetsFromState } from './targets.ts';

/** Largest XLIFF body accepted (the endpoint reads at most this many bytes). */
export const MAX_XLIFF_BYTES = 5 * 1024 * 1024;

export interface XliffImportResult {
	/** Segment ids whose English was written, in file order. */
	filled: string[];
	/** Units left alone, with the reason (see XliffSkipReason). */
	skipped: { id: string; reason: XliffSkipReason }[];
	/** Non-fatal remarks (language mismatch, pairs missing from the file). */
	warnings: string[];
}

/**
 * The status a filled pair gets: the file's state, but never past `translated`. Text that
 * comes back from outside is reviewed here, by people the desk credits as reviewers, so a
 * CAT tool's `reviewed`/`final` does not approve anything.
 */
export function importedStatus(suggested: Status): Status {
	return suggested === 'draft' ? 'draft' : 'translated';
}

/**
 * Builds the Yjs update that writes `fills` into a document holding `state`: each
 * segment's fragment becomes one paragraph of the text (hard breaks for line ends), in the
 * target schema, diffed against what is there. Returns null when nothing changes.
 */
export function fillUpdate(state: Uint8Array, fills: { segmentId: string; text: string }[]): Uint8Array | null {
	const doc = new Y.Doc();
	try {
		Y.applyUpdate(doc, state);
		const before = Y.encodeStateVector(doc);
		doc.transact(() => {
			for (const fill of fills) prosemirrorToYXmlFragment(targetSchema.nodeFromJSON(textToDoc(fill.text)), doc.getXmlFragment(fill.segmentId));
		});
		const update = Y.encodeStateAsUpdate(doc, before);
		// An update with no structs and no deletions is two zero bytes.
		return update.length > 2 ? update : null;
	} finally {
		doc.destroy();
	}
}

/**
 * Imports XLIFF text into an article: fills empty targets only, unless `overwrite`.
 * Throws HttpError 404 (no article), 400 (not a usable XLIFF file). Role checks are the
 * caller's (the endpoint allows editors and admins).
 */
export async function importXliff(
	rt: Runtime,
	user: SessionUser,
	articleId: number,
	xml: string,
	options: { overwrite?: boolean } = {}
): Promise<XliffImportResult> {
	const article = getArticle(rt.db, articleId);
	if (!article) throw new HttpError('not_found', 'No such article');
	let parsed;
	try {
		parsed = parseXliff(xml);
	} catch (err) {
		if (err instanceof XliffError) throw new HttpError('bad_request', err.message);
		throw err;
	}
	if (!rt.collab) throw new Error('XLIFF import needs the collaboration server');
	const collab = rt.collab;
	// From reading the state to handing the update over there is no await in between, so
	// no client edit can slip in: the plan is made against exactly the state it changes.
	const state = await articleState(rt, articleId);
	const targets = targetsFromState(
		state,
		article.segments.map((s) => s.id)
	);
	const plan = planXliffImport(article, targets, parsed, { overwrite: options.overwrite });
	const update = plan.fill.length ? fillUpdate(state, plan.fill) : null;
	if (update) await collab.applyServerUpdate(docName(articleId), update);

	const filled = plan.fill.map((f) => f.segmentId);
	for (const fill of plan.fill) setStatus(rt, user, articleId, fill.segmentId, importedStatus(fill.status));
	noteAuthors(rt.db, articleId, filled, user.id);
	return { filled, skipped: plan.skipped, warnings: plan.warnings };
}
