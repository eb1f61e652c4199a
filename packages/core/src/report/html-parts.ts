import type { Status } from '../analysis/types.js';
import { escapeHtml } from './escape.js';
import { INK, STATUS_STYLE } from './status.js';

/**
 * Pieces shared by the standalone HTML documents (diagnosis and wave comparison): the page
 * shell with inline, print-friendly CSS, and small escaped building blocks.
 */

/** Escaped text; shorthand used throughout the HTML renderers. */
export const h = escapeHtml;

/** CSS of every Weframe HTML document: system fonts, readable tables, status badges, print rules. */
export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  color: ${INK}; background: #ffffff; margin: 0; line-height: 1.45; font-size: 15px; }
.page { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 1.8rem; margin: 0 0 0.4rem; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 0.6rem; padding-top: 0.6rem; border-top: 2px solid #4d4d4d; }
h3 { font-size: 1.12rem; margin: 1.4rem 0 0.4rem; }
h4 { font-size: 1rem; margin: 1rem 0 0.3rem; }
a { color: #1f4e8c; }
code { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; font-size: 0.9em;
  background: #f2f2f2; padding: 0 0.25em; border-radius: 3px; overflow-wrap: anywhere; }
.fictional { display: inline-block; background: #fff3cd; border: 1px solid #8a6d1d; padding: 0.3rem 0.7rem;
  border-radius: 4px; font-weight: 600; margin: 0.3rem 0 0.6rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0.6rem 0; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
nav.toc ol { columns: 2; margin: 0.4rem 0; padding-left: 1.4rem; }
figure { margin: 1rem 0; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 0.92rem; color: #333333; margin-top: 0.3rem; }
table { border-collapse: collapse; margin: 0.6rem 0 1rem; font-size: 0.93rem; }
caption { text-align: left; font-weight: 600; padding: 0.2rem 0; }
th, td { border: 1px solid #b8b8b8; padding: 0.3rem 0.55rem; text-align: left; vertical-align: top; }
thead th { background: #ececec; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.status { display: inline-block; padding: 0.05rem 0.45rem; border-radius: 4px; border: 1px solid;
  font-weight: 600; white-space: nowrap; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.88em; }
${(['strength', 'ok', 'watch', 'concern', 'insufficient'] as const)
  .map(
    (s) =>
      `.status-${s} { background: ${STATUS_STYLE[s].fill}; border-color: ${STATUS_STYLE[s].stroke}; color: ${INK}; }`,
  )
  .join('\n')}
.muted { color: #4a4a4a; }
.small { font-size: 0.9rem; }
article.attention { border-left: 6px solid #9e9e9e; padding: 0.2rem 0 0.4rem 1rem; margin: 1.2rem 0; }
article.attention.status-border-concern { border-left-color: ${STATUS_STYLE.concern.stroke}; }
article.attention.status-border-watch { border-left-color: ${STATUS_STYLE.watch.stroke}; }
.indicator { margin: 0.6rem 0 1rem; }
.indicator dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.9rem; margin: 0.4rem 0; }
.indicator dt { font-weight: 600; }
.indicator dd { margin: 0; }
ul.evidence { margin: 0; padding-left: 1.1rem; }
.actions { background: #eef5fb; border: 1px solid #9cc3e5; border-radius: 4px; padding: 0.4rem 0.8rem; }
.actions ul { margin: 0.2rem 0; padding-left: 1.2rem; }
ul.conventions { font-size: 0.88rem; color: #333333; }
footer { margin-top: 3rem; border-top: 1px solid #b8b8b8; padding-top: 0.6rem; font-size: 0.9rem; color: #333333; }
@media print {
  body { font-size: 11pt; }
  .page { max-width: none; padding: 0; }
  nav.toc { display: none; }
  h2 { break-before: page; border-top: none; }
  h2.first { break-before: auto; }
  figure, table, article.attention, .indicator { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .status { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** A complete standalone HTML document: no scripts, no external requests. */
export function htmlDocument(title: string, body: string): string {
  return (
    '<!DOCTYPE html>\n' +
    '<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    '<meta name="generator" content="Weframe">\n' +
    `<title>${h(title)}</title>\n<style>${REPORT_CSS}</style>\n</head>\n<body>\n<div class="page">\n` +
    body +
    '\n</div>\n</body>\n</html>\n'
  );
}

/** A status badge: mark and word on the status colour. */
export function statusBadge(status: Status): string {
  const s = STATUS_STYLE[status];
  return `<span class="status status-${status}">${h(s.mark)} ${h(s.word)}</span>`;
}

/** A table from a header row and body rows of ready-made (already escaped) cells. */
export function table(
  caption: string,
  head: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly number[] = [],
): string {
  const cls = (i: number) => (numeric.includes(i) ? ' class="num"' : '');
  return (
    `<table>${caption ? `<caption>${h(caption)}</caption>` : ''}<thead><tr>` +
    head.map((c, i) => `<th scope="col"${cls(i)}>${h(c)}</th>`).join('') +
    '</tr></thead><tbody>' +
    rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${c}</td>`).join('')}</tr>`).join('') +
    '</tbody></table>'
  );
}
