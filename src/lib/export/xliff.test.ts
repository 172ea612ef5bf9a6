import { DOMParser, XMLSerializer, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { docToText, textToDoc } from '../schema/text.ts';
import { STATUSES, type PMNodeJSON } from '../types.ts';
import { seedInput } from './fixtures.test-helpers.ts';
import { tmx } from './tmx.ts';
import { STATE_OF_STATUS, xliff, XLIFF_NS } from './xliff.ts';
import { parseXliff, XliffError } from './xliff-parse.ts';
import { planXliffImport } from './xliff-import.ts';

const strict = () =>
	new DOMParser({
		onError: (level, msg) => {
			if (level !== 'warning') throw new Error(msg);
		}
	});

const units = (xml: string) => Array.from(strict().parseFromString(xml, 'application/xml').getElementsByTagNameNS(XLIFF_NS, 'unit'));
const child = (el: Element, name: string) => Array.from(el.getElementsByTagNameNS(XLIFF_NS, name));

describe('xliff', () => {
	it('writes XLIFF 2.0 that a namespace-aware parser reads: langs, one unit per segment, states from statuses', () => {
		const input = seedInput();
		STATUSES.forEach((status, i) => (input.statuses[`s${i + 3}`] = status));
		const xml = xliff(input);
		const doc = strict().parseFromString(xml, 'application/xml');
		const root = doc.documentElement!;
		expect([root.namespaceURI, root.localName, root.getAttribute('version'), root.getAttribute('srcLang'), root.getAttribute('trgLang')]).toEqual([
			XLIFF_NS,
			'xliff',
			'2.0',
			'zh-Hans',
			'en'
		]);
		const list = units(xml);
		expect(list.map((u) => u.getAttribute('id'))).toEqual(input.article.segments.map((s) => s.id));
		const stateOf = (id: string) => child(list.find((u) => u.getAttribute('id') === id)!, 'segment')[0]!;
		expect(STATUSES.map((_, i) => stateOf(`s${i + 3}`).getAttribute('state'))).toEqual(['initial', 'initial', 'translated', 'reviewed', 'final', 'initial']);
		expect(stateOf('s4').getAttribute('subState')).toBe('duizhao:draft');
		expect(stateOf('s8').getAttribute('subState')).toBe('duizhao:rejected');
		const s8notes = child(list.find((u) => u.getAttribute('id') === 's8')!, 'note');
		expect(s8notes.map((n) => n.getAttribute('category'))).toEqual(['review']);
	});

	it('carries comments as notes, in order, before the segment', () => {
		const xml = xliff(seedInput());
		const s5 = units(xml).find((u) => u.getAttribute('id') === 's5')!;
		const notes = child(s5, 'note').map((n) => n.textContent ?? '');
		expect(notes).toHaveLength(2);
		expect(notes[0]).toContain('Dana Wu');
		expect(notes[0]).toContain('Check the quote against the State Department transcript.\nThe official wording may differ.');
		expect(notes[1]).toContain('Matched to the transcript.');
		const elementNames = Array.from(s5.childNodes).filter((n) => n.nodeType === 1).map((n) => (n as Element).localName);
		expect(elementNames).toEqual(['notes', 'segment']);
	});

	it('round-trips through parseXliff: same ids, sources, targets and states', () => {
		const input = seedInput();
		input.targets.s6 = null;
		input.targets.s7 = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Line one' }, { type: 'hard_break' }, { type: 'text', text: 'line two' }] }] };
		input.statuses.s6 = 'empty';
		const parsed = parseXliff(xliff(input));
		expect(parsed.srcLang).toBe('zh-Hans');
		expect(parsed.trgLang).toBe('en');
		expect(parsed.units).toEqual(
			input.article.segments.map((s) => {
				const target = docToText(input.targets[s.id]);
				return { id: s.id, source: s.text, target: target.trim() ? target : null, state: STATE_OF_STATUS[input.statuses[s.id] ?? 'empty'] };
			})
		);
		expect(parsed.units.find((u) => u.id === 's7')!.target).toBe('Line one\nline two');
	});

	it('keeps text exactly, whatever it contains (entity-like text, markup, CDATA ends, controls)', () => {
		const tricky = 'A &lt;b&gt; & &amp; &#60; &foo; <x y="1"> ]]> "quotes" \'apos\' \u2028 \u0085 tab\tend \u0001\u0000 \ud800 😀';
		const input = seedInput();
		input.article.segments[2]!.text = tricky;
		input.targets.s3 = textToDoc(tricky + '\nsecond line');
		const parsed = parseXliff(xliff(input));
		const s3 = parsed.units.find((u) => u.id === 's3')!;
		expect(s3.source).toBe(tricky);
		expect(s3.target).toBe(tricky + '\nsecond line');
	});

	it('sees targets changed or added in the file (as a CAT tool would)', () => {
		const input = seedInput();
		input.targets.s6 = null;
		let xml = xliff(input);
		// Edit the text: change one English sentence.
		const before = 'Britain urged North Korea to end its arms talks with Russia';
		expect(xml).toContain(before);
		xml = xml.replace(before, 'The United Kingdom urged Pyongyang to end its arms talks with Moscow');
		// Edit the tree: add a <target> to the empty unit and raise its state.
		const doc = strict().parseFromString(xml, 'application/xml');
		const s6 = Array.from(doc.getElementsByTagNameNS(XLIFF_NS, 'unit')).find((u) => u.getAttribute('id') === 's6')!;
		const segment = s6.getElementsByTagNameNS(XLIFF_NS, 'segment')[0]!;
		const target = doc.createElementNS(XLIFF_NS, 'target');
		target.appendChild(doc.createTextNode('He said closer Russia–North Korea cooperation was troubling & <unlawful>.'));
		segment.appendChild(target);
		segment.setAttribute('state', 'translated');
		const parsed = parseXliff(new XMLSerializer().serializeToString(doc));
		expect(parsed.units.find((u) => u.id === 's12')!.target).toMatch(/^The United Kingdom urged Pyongyang/);
		expect(parsed.units.find((u) => u.id === 's6')).toEqual({
			id: 's6',
			source: input.article.segments[5]!.text,
			target: 'He said closer Russia–North Korea cooperation was troubling & <unlawful>.',
			state: 'translated'
		});
	});

	it('reads files other tools write: prefixed namespace, several segments per unit, inline codes', () => {
		const xml = `<?xml version="1.0" encoding="UTF-8"?>
<x:xliff xmlns:x="${XLIFF_NS}" version="2.1" srcLang="zh-Hans" trgLang="en">
 <x:file id="f1"><x:group id="g"><x:unit id="s1">
  <x:segment state="final"><x:source>一。</x:source><x:target>One.</x:target></x:segment>
  <x:ignorable><x:source> </x:source></x:ignorable>
  <x:segment state="translated"><x:source>二<x:ph id="1" equiv="[1]"/>。</x:source><x:target>Two<x:ph id="1" equiv="[1]"/> <x:pc id="2">bold</x:pc> <x:cp hex="1"/><![CDATA[<cdata>]]>.</x:target></x:segment>
 </x:unit></x:group>
 <other:unit xmlns:other="urn:example" id="ignored"/>
 </x:file>
</x:xliff>`;
		expect(parseXliff(xml)).toEqual({
			srcLang: 'zh-Hans',
			trgLang: 'en',
			units: [{ id: 's1', source: '一。 二[1]。', target: 'One. Two[1] bold \u0001<cdata>.', state: 'translated' }]
		});
	});

	const bad: [string, string, RegExp][] = [
		['empty', '', /empty/],
		['not XML', 'hello world', /not well-formed|Not an XLIFF/],
		['unclosed element', `<xliff xmlns="${XLIFF_NS}" version="2.0" srcLang="zh"><file id="f"><unit id="s1"></file></xliff>`, /not well-formed/],
		['undefined entity', `<xliff xmlns="${XLIFF_NS}" version="2.0" srcLang="zh"><file id="f">&foo;</file></xliff>`, /not well-formed/],
		['HTML', '<html><body>x</body></html>', /Not an XLIFF 2\.0 document.*<html> without a namespace/],
		['XLIFF 1.2', '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file/></xliff>', /Not an XLIFF 2\.0 document.*1\.2/],
		['wrong version', `<xliff xmlns="${XLIFF_NS}" version="3.0" srcLang="zh"/>`, /Unsupported XLIFF version "3\.0"/],
		['missing version', `<xliff xmlns="${XLIFF_NS}" srcLang="zh"/>`, /Unsupported XLIFF version \(missing\)/],
		['missing srcLang', `<xliff xmlns="${XLIFF_NS}" version="2.0" trgLang="en"/>`, /no srcLang/],
		['unit without id', `<xliff xmlns="${XLIFF_NS}" version="2.0" srcLang="zh"><file id="f"><unit><segment><source>a</source></segment></unit></file></xliff>`, /no id/],
		['duplicate unit', `<xliff xmlns="${XLIFF_NS}" version="2.0" srcLang="zh"><file id="f"><unit id="a"><segment><source>a</source></segment></unit><unit id="a"><segment><source>b</source></segment></unit></file></xliff>`, /"a" appears twice/],
		['unknown state', `<xliff xmlns="${XLIFF_NS}" version="2.0" srcLang="zh"><file id="f"><unit id="a"><segment state="done"><source>a</source></segment></unit></file></xliff>`, /unknown state "done"/],
		['segment without source', `<xliff xmlns="${XLIFF_NS}" version="2.0" srcLang="zh"><file id="f"><unit id="a"><segment><target>a</target></segment></unit></file></xliff>`, /without <source>/],
		['bad cp', `<xliff xmlns="${XLIFF_NS}" version="2.0" srcLang="zh"><file id="f"><unit id="a"><segment><source><cp hex="zz"/></source></segment></unit></file></xliff>`, /invalid <cp hex="zz">/],
		[
			'XXE',
			`<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xliff xmlns="${XLIFF_NS}" version="2.0" srcLang="zh"><file id="f"><unit id="a"><segment><source>&xxe;</source></segment></unit></file></xliff>`,
			/DOCTYPE or entity declaration/
		],
		[
			'billion laughs',
			`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><xliff xmlns="${XLIFF_NS}" version="2.0" srcLang="zh"><file id="f"><unit id="a"><segment><source>&lol3;</source></segment></unit></file></xliff>`,
			/DOCTYPE or entity declaration/
		],
		['lower-case doctype', `<!doctype xliff><xliff xmlns="${XLIFF_NS}" version="2.0" srcLang="zh"/>`, /DOCTYPE/]
	];
	it.each(bad)('refuses %s with a clear XliffError', (_name, xml, message) => {
		expect(() => parseXliff(xml)).toThrow(XliffError);
		expect(() => parseXliff(xml)).toThrow(message);
	});
});

describe('planXliffImport', () => {
	it('fills empty targets from a returned file and says why other units are skipped', () => {
		const input = seedInput();
		input.targets.s6 = null;
		input.targets.s7 = textToDoc(' ');
		let xml = xliff(input);
		// The translator fills s6 and s7, rewrites s12, and the file also has a foreign unit.
		const doc = strict().parseFromString(xml, 'application/xml');
		const unitEl = (id: string) => Array.from(doc.getElementsByTagNameNS(XLIFF_NS, 'unit')).find((u) => u.getAttribute('id') === id)!;
		for (const [id, text] of [['s6', 'Filled six.'], ['s7', 'Filled seven.']] as const) {
			const seg = unitEl(id).getElementsByTagNameNS(XLIFF_NS, 'segment')[0]!;
			const target = doc.createElementNS(XLIFF_NS, 'target');
			target.appendChild(doc.createTextNode(text));
			seg.appendChild(target);
			seg.setAttribute('state', id === 's6' ? 'translated' : 'final');
		}
		unitEl('s12').getElementsByTagNameNS(XLIFF_NS, 'target')[0]!.textContent = 'Rewritten twelve.';
		unitEl('s13').getElementsByTagNameNS(XLIFF_NS, 'source')[0]!.textContent = '别的文章';
		const foreign = unitEl('s14').cloneNode(true) as Element;
		foreign.setAttribute('id', 's99');
		unitEl('s14').parentNode!.appendChild(foreign);
		unitEl('s24').parentNode!.removeChild(unitEl('s24'));
		xml = new XMLSerializer().serializeToString(doc);

		const plan = planXliffImport(input.article, input.targets, parseXliff(xml));
		expect(plan.fill).toEqual([
			{ segmentId: 's6', text: 'Filled six.', state: 'translated', status: 'translated' },
			{ segmentId: 's7', text: 'Filled seven.', state: 'final', status: 'approved' }
		]);
		const reasons = Object.fromEntries(plan.skipped.map((s) => [s.id, s.reason]));
		expect(reasons.s12).toBe('has-translation');
		expect(reasons.s13).toBe('source-mismatch');
		expect(reasons.s99).toBe('unknown-unit');
		expect(reasons.s3).toBe('unchanged');
		expect(plan.skipped).toHaveLength(parseXliff(xml).units.length - 2);
		expect(plan.warnings).toEqual(['1 segment is not in the file.']);

		const overwrite = planXliffImport(input.article, input.targets, parseXliff(xml), { overwrite: true });
		expect(overwrite.fill.map((f) => [f.segmentId, f.text])).toEqual([
			['s6', 'Filled six.'],
			['s7', 'Filled seven.'],
			['s12', 'Rewritten twelve.']
		]);
	});

	it('warns when the file is for other languages', () => {
		const input = seedInput();
		const parsed = { ...parseXliff(xliff(input)), srcLang: 'ja', trgLang: 'fr' };
		expect(planXliffImport(input.article, input.targets, parsed).warnings).toEqual([
			"The file's source language is ja, the article's is zh-Hans.",
			"The file's target language is fr, not English."
		]);
	});
});

describe('tmx', () => {
	const parse = (xml: string) => strict().parseFromString(xml, 'application/xml');

	it('is TMX 1.4b with every required header attribute', () => {
		const doc = parse(tmx(seedInput()));
		const root = doc.documentElement!;
		expect([root.tagName, root.getAttribute('version')]).toEqual(['tmx', '1.4']);
		const header = doc.getElementsByTagName('header')[0]!;
		const attrs = Object.fromEntries(['creationtool', 'creationtoolversion', 'datatype', 'segtype', 'adminlang', 'srclang', 'o-tmf', 'creationdate'].map((a) => [a, header.getAttribute(a)]));
		expect(attrs).toEqual({
			creationtool: 'Duizhao',
			creationtoolversion: '0.1.0',
			datatype: 'plaintext',
			segtype: 'paragraph',
			adminlang: 'en',
			srclang: 'zh-Hans',
			'o-tmf': 'Duizhao',
			creationdate: '20230915T120000Z'
		});
	});

	it('has one <tu> per translated pair (translated/reviewed/approved with English), each with both languages', () => {
		const input = seedInput();
		input.statuses.s3 = 'draft';
		input.statuses.s4 = 'empty';
		input.statuses.s5 = 'rejected';
		input.targets.s6 = null;
		input.targets.s7 = textToDoc('  ');
		const expected = input.article.segments.filter(
			(s) => ['translated', 'reviewed', 'approved'].includes(input.statuses[s.id] ?? 'empty') && docToText(input.targets[s.id]).trim()
		);
		expect(expected).toHaveLength(input.article.segments.length - 5);
		const doc = parse(tmx(input));
		const tus = Array.from(doc.getElementsByTagName('tu'));
		expect(tus).toHaveLength(expected.length);
		tus.forEach((tu, i) => {
			const seg = expected[i]!;
			const tuvs = Array.from(tu.getElementsByTagName('tuv'));
			expect(tuvs.map((t) => t.getAttribute('xml:lang'))).toEqual(['zh-Hans', 'en']);
			expect(tuvs.map((t) => t.getElementsByTagName('seg')[0]!.textContent)).toEqual([seg.text, docToText(input.targets[seg.id] as PMNodeJSON)]);
		});
	});
});
