// The inline CSS of the HTML exports (screen and print). Constant text — nothing from the
// article ever goes into a stylesheet. The exported files load no fonts (the CSP forbids
// it): the stacks name fonts that readers commonly have.

const BASE = `
:root {
	--ink: #1f2328; --muted: #59636e; --rule: #d1d9e0; --paper: #fff; --tint: #f6f8fa;
	--accent: #0b5cad; --mark: #fff3b0;
	--cjk: "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC";
	--serif: "Noto Serif", "Source Serif 4", Georgia, "Times New Roman", var(--cjk), serif;
	--zh: var(--cjk), sans-serif;
	--sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", var(--cjk), sans-serif;
}
* { box-sizing: border-box; }
html { color: var(--ink); background: var(--paper); }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem 1.25rem 3rem; font: 1.0625rem/1.6 var(--serif); }
/* [lang] makes this outrank single-class rules (.caption, .credit…) that set a Latin stack. */
[lang]:lang(zh) { font-family: var(--zh); line-height: 1.8; }
a { color: var(--accent); }
h1 { margin: 0 0 1rem; line-height: 1.25; }
h1 .title-en { display: block; font-size: 2rem; }
h1 .title-zh { display: block; font-size: 1.35rem; font-weight: 600; color: var(--muted); margin-bottom: .35rem; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 1.2rem 0 .4rem; }
.masthead { border-bottom: 2px solid var(--ink); padding-bottom: 1rem; margin-bottom: 1.5rem; }
.source-meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 1rem; font: .9rem/1.5 var(--sans); color: var(--muted); }
.source-meta div { display: contents; }
.source-meta dt { font-weight: 600; }
.source-meta dd { margin: 0; overflow-wrap: anywhere; }
figure { margin: 1rem 0; }
figure img { display: block; max-width: 100%; height: auto; }
figcaption { font: .9rem/1.5 var(--sans); color: var(--muted); margin-top: .5rem; }
figcaption p { margin: .2rem 0; }
.caption, .credit { font-family: var(--sans); font-size: .9rem; color: var(--muted); }
.credit { font-style: italic; }
.credit:lang(zh) { font-style: normal; }
blockquote { margin: .6rem 0; padding-left: 1rem; border-left: 3px solid var(--rule); }
blockquote p { margin: 0; }
ul.item { margin: .3rem 0; padding-left: 1.4rem; }
p { margin: .6rem 0; }
mark.claim { background: var(--mark); color: inherit; }
.fn { font: 600 .75rem var(--sans); vertical-align: super; line-height: 0; margin-left: .1rem; text-decoration: none; }
.untranslated { color: var(--muted); font: italic .9rem var(--sans); border: 1px dashed var(--rule); padding: .2rem .5rem; }
.block { margin: 1rem 0; }
.block table { border-collapse: collapse; font: .9rem var(--sans); }
.block td { border: 1px solid var(--rule); padding: .25rem .5rem; }
hr { border: 0; border-top: 1px solid var(--rule); margin: 1.5rem 0; }
.badge { display: inline-block; color: #fff; border-radius: .25rem; padding: 0 .45rem; font: 600 .8rem/1.6 var(--sans); white-space: nowrap; }
.notes { margin-top: 2.5rem; border-top: 1px solid var(--rule); }
.notes ol { padding-left: 1.5rem; }
.notes li { margin: .8rem 0; }
.notes .quote { display: block; margin: .3rem 0; }
.notes .meta { font: .85rem/1.5 var(--sans); color: var(--muted); }
.notes .evidence { margin: .2rem 0; padding-left: 1.2rem; font: .85rem/1.5 var(--sans); }
.back { font: .85rem var(--sans); text-decoration: none; }
.glossary table { border-collapse: collapse; width: 100%; font: .9rem/1.5 var(--sans); }
.glossary th, .glossary td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--rule); padding: .35rem .5rem; }
.colophon { margin-top: 2.5rem; font: .8rem var(--sans); color: var(--muted); }
.comments { margin: .2rem 0 .8rem; padding: .4rem .8rem; background: var(--tint); border-left: 3px solid var(--accent); font: .85rem/1.5 var(--sans); }
.comments ul { margin: 0; padding: 0; list-style: none; }
.comments li { margin: .3rem 0; }
.comments li.reply { margin-left: 1.2rem; }
.comments .who { font-weight: 600; }
.comments .body { white-space: pre-wrap; margin: 0; }
.comments .resolved { color: var(--muted); }
.status { font: 600 .75rem var(--sans); text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
@media print {
	body { max-width: none; padding: 0; font-size: 10.5pt; }
	a { color: inherit; }
	.masthead a[href^="http"]::after, .notes a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .8em; overflow-wrap: anywhere; }
	.pair, figure, .notes li, tr { break-inside: avoid; }
	h1, h2 { break-after: avoid; }
	.badge { border: 1px solid currentColor; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
	mark.claim { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
@page { margin: 16mm 14mm; }
`;

/** Side by side: each pair is a grid row of two columns that stack on narrow screens. */
const SIDE_BY_SIDE = `
.pair { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); column-gap: 2.25rem; border-bottom: 1px solid var(--tint); }
.pair > .src { grid-column: 1; }
.pair > .tgt { grid-column: 2; }
.pair > .comments, .pair > .status { grid-column: 1 / -1; }
.columns { font: 600 .8rem var(--sans); text-transform: uppercase; letter-spacing: .05em; color: var(--muted); border-bottom: 1px solid var(--rule); }
.columns p { margin: 0 0 .3rem; }
@media (max-width: 44rem) {
	.pair { grid-template-columns: minmax(0, 1fr); border-bottom: 1px solid var(--rule); padding-bottom: .4rem; }
	.pair > .tgt { grid-column: 1; }
	.columns { display: none; }
}
@media print { .pair { grid-template-columns: 1fr 1fr; column-gap: 8mm; } }
`;

/** Interleaved: each Chinese block followed by its English, set off by a rule at the left. */
const INTERLEAVED = `
body { max-width: 46rem; }
.pair { margin: 0 0 1rem; }
.pair > .src { margin-bottom: .2rem; }
.pair > .tgt { margin-top: 0; padding-left: .8rem; border-left: 3px solid var(--accent); }
.pair > ul.tgt, .pair > blockquote.tgt { padding-left: 2.2rem; }
`;

/** English only: one reading column. */
const ENGLISH = `
body { max-width: 42rem; }
.attribution { font: .9rem/1.5 var(--sans); color: var(--muted); }
article ul { padding-left: 1.4rem; }
`;

export const BILINGUAL_CSS = { 'side-by-side': BASE + SIDE_BY_SIDE, interleaved: BASE + INTERLEAVED } as const;
export const ENGLISH_CSS = BASE + ENGLISH;
