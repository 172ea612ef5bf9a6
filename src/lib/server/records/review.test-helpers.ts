// Test fixtures for the review records: an in-memory runtime (real SQLite, real
// broadcaster, no collab server — stored English is read from the update log) with one
// user per role and a two-pair article, plus a recorder of published events.
import * as Y from 'yjs';
import type { Role, SessionUser } from '../../types.ts';
import { openDatabase } from '../db/index.ts';
import { DocStore } from '../collab/persistence.ts';
import { LocalBroadcaster, type RecordEvent } from '../events.ts';
import type { Runtime } from '../runtime.ts';

export const SOURCE = ['美国务院：若俄朝达成武器交易 美将祭制裁', '米勒表示：“我们已经采取了一系列行动。”'];

export interface Fixture {
	rt: Runtime;
	users: Record<Role, SessionUser>;
	articleId: number;
	/** Events published on any topic, in order. */
	events: { topic: string; event: RecordEvent }[];
	/** Appends a Yjs update to the article's stored document. */
	store(update: Uint8Array): void;
}

export function fixture(): Fixture {
	const db = openDatabase({ dataDir: ':memory:' });
	const events: Fixture['events'] = [];
	const broadcaster = new LocalBroadcaster();
	const publish = broadcaster.publish.bind(broadcaster);
	broadcaster.publish = (topic, event) => {
		events.push({ topic, event });
		publish(topic, event);
	};
	const rt: Runtime = { config: { dataDir: ':memory:', synchronous: 'normal', port: 0, host: '127.0.0.1', origin: null }, db, events: broadcaster, collab: null };
	const now = new Date().toISOString();
	const users = {} as Record<Role, SessionUser>;
	for (const role of ['admin', 'editor', 'translator', 'reviewer'] as Role[]) {
		const name = { admin: 'adele', editor: 'ed', translator: 'ana', reviewer: 'rita' }[role];
		const id = Number(
			db.prepare(`INSERT INTO users (name, display_name, role, color, created_at) VALUES (?, ?, ?, '#1f5fa8', ?)`).run(name, name, role, now).lastInsertRowid
		);
		users[role] = { id, name, displayName: name, role, color: '#1f5fa8' };
	}
	const articleId = Number(db.prepare(`INSERT INTO articles (title, lang, format, created_at) VALUES ('t', 'zh-Hans', 'text', ?)`).run(now).lastInsertRowid);
	SOURCE.forEach((text, i) =>
		db.prepare('INSERT INTO segments (article_id, id, position, kind, text, html) VALUES (?, ?, ?, ?, ?, ?)').run(articleId, `s${i + 1}`, i, 'paragraph', text, text)
	);
	const docs = new DocStore(db);
	return { rt, users, articleId, events, store: (data) => docs.append([{ doc: `article-${articleId}`, data }]) };
}

/** A Y.Doc whose changes are appended to the fixture's stored document. */
export function storedDoc(f: Fixture): Y.Doc {
	const doc = new Y.Doc();
	doc.on('update', (update: Uint8Array) => f.store(update));
	return doc;
}

/** Writes one paragraph of English into a segment of `doc`; returns its Y.XmlText. */
export function writeEnglish(doc: Y.Doc, segmentId: string, text: string): Y.XmlText {
	const p = new Y.XmlElement('paragraph');
	const t = new Y.XmlText();
	t.insert(0, text);
	p.insert(0, [t]);
	doc.getXmlFragment(segmentId).insert(0, [p]);
	return t;
}
