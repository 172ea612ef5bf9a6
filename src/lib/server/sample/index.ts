// The bundled sample article offered on first start: a real Epoch Times news-mirror
// article (US sanctions warning, 2023-09-14) — 24 pairs, links, a lead image and caption.
// Imported through the same pipeline as any upload.
import { importArticle } from '../../article/index.ts';
import { insertArticle } from '../db/articles.ts';
import type { DB } from '../db/index.ts';

/** Imports the sample text (the file's contents, passed in by the caller) and returns its id. */
export function importSample(db: DB, text: string, userId: number): number {
	return insertArticle(db, importArticle(text, { format: 'mirror' }), userId);
}
