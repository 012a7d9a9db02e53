/**
 * The dashboard's only stylesheet, served from STYLESHEET_PATH (no CDN: wecena runs on
 * machines without internet access). Mobile first: one column, tables that scroll sideways
 * on their own, system fonts.
 */
export const STYLESHEET = `
:root {
  --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --paper: #ffffff; --wash: #f4f6f9;
  --accent: #1f5fbf; --accent-ink: #ffffff; --good: #1e7a46;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  line-height: 1.5; color: var(--ink); background: var(--wash);
}
@media (prefers-color-scheme: dark) {
  :root { --ink: #e6e9ef; --muted: #a3abbb; --line: #384050; --paper: #1b2029; --wash: #12161d; --accent: #7fb0ff; --accent-ink: #0d1117; --good: #6fd39b; }
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--accent); }
header.site { background: var(--paper); border-bottom: 1px solid var(--line); }
header.site .bar { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .5rem 1rem;
  max-width: 64rem; margin: 0 auto; padding: .75rem 1rem; }
header.site .brand { font-weight: 700; font-size: 1.25rem; text-decoration: none; color: var(--ink); }
header.site nav { display: flex; gap: 1rem; }
main { max-width: 64rem; margin: 0 auto; padding: 1rem; }
footer.site { max-width: 64rem; margin: 0 auto; padding: 1rem; color: var(--muted); font-size: .875rem; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: .5rem 0; }
h2 { font-size: 1.125rem; margin: 1.75rem 0 .75rem; }
.lede { color: var(--muted); margin: 0 0 1rem; max-width: 42rem; }
section.card, .empty { background: var(--paper); border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .75rem; margin: 0; padding: 0; list-style: none; }
.figures li { background: var(--paper); border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; }
.figures .value { display: block; white-space: nowrap; font-size: clamp(1.25rem, 5.5vw, 1.5rem); font-weight: 700; font-variant-numeric: tabular-nums; }
.figures .label { color: var(--muted); font-size: .875rem; }
.figures li.highlight .value { color: var(--good); }
.states { display: grid; grid-template-columns: repeat(auto-fit, minmax(7.5rem, 1fr)); gap: .5rem; margin: 0; padding: 0; list-style: none; }
.states li { display: flex; justify-content: space-between; align-items: baseline; gap: .5rem; background: var(--paper);
  border: 1px solid var(--line); border-radius: .375rem; padding: .5rem .75rem; }
.states .count { font-weight: 700; font-variant-numeric: tabular-nums; }
.states li.zero { color: var(--muted); }
.states li.zero .count { font-weight: 400; }
.tasks { list-style: none; margin: 0; padding: 0; display: grid; gap: .75rem; }
.tasks > li { background: var(--paper); border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; overflow-wrap: anywhere; }
.tasks .title { font-weight: 600; }
.tasks .meta { display: flex; flex-wrap: wrap; gap: .25rem .75rem; margin-top: .25rem; color: var(--muted); font-size: .875rem; }
.tag { display: inline-block; padding: 0 .5rem; border-radius: 999px; border: 1px solid var(--line); font-size: .8125rem; color: var(--ink); }
.empty { margin: 0 0 1rem; }
.empty h2 { margin-top: 0; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .875em; }
pre { background: var(--wash); border: 1px solid var(--line); border-radius: .375rem; padding: .5rem .75rem; overflow-x: auto; }
.table-scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; background: var(--paper); }
th, td { text-align: left; vertical-align: top; padding: .375rem .5rem; border-bottom: 1px solid var(--line); }
th { font-size: .8125rem; color: var(--muted); font-weight: 600; }
.operation { margin-bottom: 1rem; }
.operation h3 { margin: 0 0 .25rem; font-size: 1rem; overflow-wrap: anywhere; }
.operations-index li { overflow-wrap: anywhere; }
.method { display: inline-block; min-width: 3.5rem; text-align: center; padding: 0 .375rem; margin-right: .5rem; border-radius: .25rem;
  background: var(--accent); color: var(--accent-ink); font-size: .8125rem; font-weight: 700; text-transform: uppercase; }
/* Forms and buttons: big enough for a thumb, plain HTML, no script. */
button, .button { display: inline-block; font: inherit; font-weight: 600; padding: .5rem 1rem; min-height: 2.75rem; border-radius: .375rem;
  border: 1px solid var(--accent); background: var(--accent); color: var(--accent-ink); text-decoration: none; cursor: pointer; }
.button.secondary { background: var(--paper); color: var(--accent); }
button.danger { background: #b42318; border-color: #b42318; color: #fff; }
button.link { background: none; border: 0; padding: 0; min-height: 0; color: var(--accent); font-weight: 400; text-decoration: underline; }
form.inline { display: inline; margin: 0; }
input[type=text], input[type=number], input[type=date], input[type=url], textarea { font: inherit; padding: .375rem .5rem; border: 1px solid var(--line); border-radius: .25rem; background: var(--paper); color: var(--ink); width: 100%; }
input[type=checkbox] { width: 1.5rem; height: 1.5rem; }
.stack-form { display: grid; gap: .5rem; margin: .75rem 0; max-width: 28rem; }
.stack-form label { display: grid; gap: .25rem; font-size: .875rem; }
.stack-form [aria-invalid=true] { border-color: #b42318; }
.field-problem { margin: -.25rem 0 .25rem; color: #b42318; font-size: .875rem; }
.address { white-space: pre-line; }
ul.plain { list-style: none; margin: 0; padding: 0; }
.actions, .people, .reviews { list-style: none; margin: 0; padding: 0; display: grid; gap: .75rem; }
.people li { background: var(--paper); border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; }
.reviews li.review { display: flex; gap: .75rem; background: var(--paper); border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; overflow-wrap: anywhere; }
.reviews .body { flex: 1; min-width: 0; }
.reviews .title { font-weight: 600; }
.meta { display: flex; flex-wrap: wrap; gap: .25rem .75rem; color: var(--muted); font-size: .875rem; }
details summary { cursor: pointer; color: var(--accent); margin-top: .5rem; }
.reasons { margin: .25rem 0 0; padding-left: 1.25rem; font-size: .875rem; }
.reasons li { margin: .125rem 0; }
.status { display: inline-block; padding: 0 .5rem; border-radius: 999px; font-size: .8125rem; border: 1px solid var(--line); }
.status-approved, .status-adjusted { color: var(--good); border-color: var(--good); }
.status-rejected { color: #b42318; border-color: #b42318; }
.notice, .problem { padding: .5rem .75rem; border-radius: .375rem; border: 1px solid var(--good); background: var(--paper); }
.problem { border-color: #b42318; }
.warn { color: #b54708; }
.figures li.alert .value { color: #b42318; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
pre.error { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 8rem; overflow-y: auto; }
.tabs { display: flex; flex-wrap: wrap; gap: .25rem 1rem; border-bottom: 1px solid var(--line); margin: 0 0 1rem; padding-bottom: .5rem; }
.tabs a[aria-current=page] { font-weight: 700; color: var(--ink); text-decoration: none; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin: 0 0 1rem; }
.filters label { display: grid; gap: .25rem; font-size: .875rem; }
select { font: inherit; padding: .375rem .5rem; border: 1px solid var(--line); border-radius: .25rem; background: var(--paper); color: var(--ink); }
figure.chart { margin: 0 0 1rem; background: var(--paper); border: 1px solid var(--line); border-radius: .5rem; padding: .75rem; }
figure.chart svg { width: 100%; height: auto; display: block; }
figure.chart .bar { fill: var(--accent); }
figure.chart text { fill: var(--muted); font-size: 11px; }
figure.chart figcaption { color: var(--muted); font-size: .875rem; }
.receipt section.card { margin-bottom: .75rem; }
.receipt dl { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: .25rem 1rem; margin: 0 0 1rem; }
.receipt dt { color: var(--muted); }
.receipt dd { margin: 0; white-space: pre-line; }
@media (max-width: 40rem) { .receipt section.card { margin-bottom: .75rem; }
.receipt dl { grid-template-columns: 1fr; } .receipt dd { margin-bottom: .5rem; } }
/* The receipt data page on paper: no navigation, black on white, no link colours. */
@media print {
  header.site, footer.site, .tabs, .no-print { display: none; }
  :root { --ink: #000; --muted: #333; --paper: #fff; --wash: #fff; --line: #999; --accent: #000; }
  body { background: #fff; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  section.card { border: 0; padding: 0; }
}
/* On a phone, a table row becomes a small card: each cell on its own line, headed by its column. */
@media (max-width: 40rem) {
  table.stack thead { display: none; }
  table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
  table.stack tr { padding: .5rem 0; border-bottom: 1px solid var(--line); }
  table.stack td { border: 0; padding: .125rem 0; }
  table.stack td.num { text-align: left; }
  table.stack td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); font-size: .8125rem; }
}
@media (min-width: 48rem) {
  header.site .bar, footer.site { padding-left: 2rem; padding-right: 2rem; }
  main { padding: 1.5rem 2rem; }
  .states { grid-template-columns: repeat(4, 1fr); }
  h1 { font-size: 1.75rem; }
}
`;
