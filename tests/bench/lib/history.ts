// A realistic shared document for N pairs: every segment's English typed character by
// character by one of three translators, with typos fixed by backspace (about 10% of
// keystrokes are deletions), so the state carries the item structure and tombstones a
// real article accumulates — not one big insert per paragraph. Deterministic (seeded).
import * as Y from 'yjs';
import { rng } from './stats.ts';

const WORDS = (
	'the state department said on wednesday that if russia and north korea reach any new arms deal ' +
	'washington would not hesitate to impose more sanctions spokesman matthew miller told reporters ' +
	'at a briefing we have already taken a series of actions against entities brokering weapons ' +
	'between the two countries and will continue to do so the meeting in the far east drew ' +
	'attention from allies in seoul and tokyo officials warned of consequences for regional security'
).split(' ');

/** Client ids of the three simulated translators (fixed, so the state is reproducible). */
const TRANSLATORS = [1_000_001, 1_000_002, 1_000_003];

/** The English of pair `i` (80–260 characters). */
export function sentence(i: number, random: () => number): string {
	const target = 80 + Math.floor(random() * 180);
	const words: string[] = [];
	let length = 0;
	while (length < target) {
		const w = WORDS[Math.floor(random() * WORDS.length)]!;
		words.push(w);
		length += w.length + 1;
	}
	const s = words.join(' ');
	return `${s[0]!.toUpperCase()}${s.slice(1)} (${i}).`;
}

/**
 * Builds the document: fragment `s<i>` → paragraph → text, typed key by key (one
 * transaction per key, as an editor sends them). Returns it; callers encode it.
 */
export function typedDocument(pairs: number, seed = 42): Y.Doc {
	const random = rng(seed);
	const doc = new Y.Doc();
	for (let i = 1; i <= pairs; i++) {
		doc.clientID = TRANSLATORS[i % TRANSLATORS.length]!;
		const text = new Y.XmlText();
		doc.transact(() => {
			const p = new Y.XmlElement('paragraph');
			p.insert(0, [text]);
			doc.getXmlFragment(`s${i}`).insert(0, [p]);
		});
		for (const ch of sentence(i, random)) {
			if (random() < 0.11) {
				// A typo, then backspace.
				doc.transact(() => text.insert(text.length, String.fromCharCode(97 + Math.floor(random() * 26))));
				doc.transact(() => text.delete(text.length - 1, 1));
			}
			doc.transact(() => text.insert(text.length, ch));
		}
	}
	return doc;
}

/** The typed document of `pairs` pairs as one Yjs update (what storage holds after compaction). */
export function typedState(pairs: number, seed = 42): Uint8Array {
	const doc = typedDocument(pairs, seed);
	try {
		return Y.encodeStateAsUpdate(doc);
	} finally {
		doc.destroy();
	}
}
