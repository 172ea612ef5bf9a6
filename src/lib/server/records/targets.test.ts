// Reading stored English from SQLite without a collab server (what the CLI does).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../db/index.ts';
import { DocStore } from '../collab/persistence.ts';
import { storedState, targetsFromState } from './targets.ts';
import { docToText, docLinks } from '../../schema/text.ts';

function english(doc: Y.Doc, id: string, text: string, href?: string) {
	const p = new Y.XmlElement('paragraph');
	const t = new Y.XmlText();
	t.insert(0, text, href ? { link: { href } } : {});
	p.insert(0, [t]);
	doc.getXmlFragment(id).insert(0, [p]);
}

describe('targets', () => {
	it('reads snapshot plus log from SQLite and converts fragments to target JSON', () => {
		const db = openDatabase({ dataDir: ':memory:' });
		const store = new DocStore(db);
		const a = new Y.Doc();
		english(a, 's1', 'US warns Russia');
		const first = Y.encodeStateAsUpdate(a);
		const sv = Y.encodeStateVector(a);
		english(a, 's2', 'Putin', 'https://www.epochtimes.com/gb/tag/x.html');
		const second = Y.encodeStateAsUpdate(a, sv);
		store.append([{ doc: 'article-1', data: first }]);
		store.append([{ doc: 'article-1', data: second }]);

		const targets = targetsFromState(storedState(db, 'article-1'), ['s1', 's2', 's3']);
		expect(docToText(targets.s1)).toBe('US warns Russia');
		expect(docLinks(targets.s2)).toEqual([{ from: 0, to: 5, href: 'https://www.epochtimes.com/gb/tag/x.html' }]);
		expect(targets.s3).toBeNull();
	});
	it('an article never edited has no English', () => {
		const db = openDatabase({ dataDir: ':memory:' });
		expect(targetsFromState(storedState(db, 'article-9'), ['s1'])).toEqual({ s1: null });
	});
});
