import type { ChangeDirection, DiagnosisChange, StatusChange } from '../analysis/compare.js';
import type { IndicatorValue, Status } from '../analysis/types.js';
import { formatNumber, truncate } from './escape.js';
import { h, htmlDocument, statusBadge, table } from './html-parts.js';
import { DIRECTION_MARK, STATUS_STYLE } from './status.js';
import { frostLabel } from './svg/frost-matrix-svg.js';

/** Options of {@link changeText} and {@link changeHtml}. */
export interface ChangeReportOptions {
  /** The collaboration's name, for the heading. */
  readonly collaborationName?: string;
  /** List every indicator, not only those whose status moved (default false). */
  readonly allIndicators?: boolean;
}

const DIRECTIONS: readonly ChangeDirection[] = [
  'better',
  'worse',
  'same',
  'new evidence',
  'lost evidence',
];

const statusText = (s: Status | null) =>
  s === null ? '(absent)' : `${STATUS_STYLE[s].mark} ${STATUS_STYLE[s].word}`;
const scoreText = (n: number | null) => (n === null ? '–' : String(n));
const signed = (n: number | null) =>
  n === null ? '' : n > 0 ? `+${formatNumber(n, 3)}` : formatNumber(n, 3);
const side = (s: { asOf: string; waveId: string | null }) =>
  `${s.waveId ?? 'no wave'} (as of ${s.asOf})`;

/** The indicators to list: those whose status moved, or all of them. */
function indicatorsShown(change: DiagnosisChange, all: boolean): readonly StatusChange[] {
  return all ? change.indicators : change.indicators.filter((i) => i.direction !== 'same');
}

function summaryLine(counts: Readonly<Record<ChangeDirection, number>>): string {
  return DIRECTIONS.map((d) => `${counts[d]} ${d}`).join(', ');
}

/** A value in a few words: numbers rounded, lists counted, tables summarised. */
function valueText(v: IndicatorValue | undefined): string {
  if (v === undefined || v === null) return '–';
  if (typeof v === 'number') return formatNumber(v, 3);
  if (typeof v === 'string') return truncate(v, 40);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return `${v.length} item${v.length === 1 ? '' : 's'}`;
  return '(table)';
}

/**
 * The change between two diagnoses (usually two survey waves) as plain text of at most 100
 * columns: a table of every element's status and score before and after with the direction,
 * then the indicators whose status moved, then the group's Frost level and the team form.
 */
export function changeText(change: DiagnosisChange, options: ChangeReportOptions = {}): string {
  const lines: string[] = [];
  lines.push(
    truncate(
      `Weframe: change${options.collaborationName ? ` in ${options.collaborationName}` : ''}`,
      100,
    ),
  );
  lines.push(`From ${side(change.before)} to ${side(change.after)}.`);
  lines.push('');
  lines.push(`Elements: ${summaryLine(change.summary.elements)}.`);
  lines.push(`Indicators: ${summaryLine(change.summary.indicators)}.`);
  lines.push('');
  const row = (name: string, before: string, after: string, middle: string, dir: string) =>
    `${truncate(name, 34).padEnd(34)} ${before.padEnd(17)} ${after.padEnd(17)} ${middle.padEnd(11)} ${dir}`.trimEnd();
  lines.push(row('Element', 'Before', 'After', 'Score', 'Change'));
  lines.push('-'.repeat(100));
  for (const e of change.elements) {
    lines.push(
      row(
        e.name,
        statusText(e.statusBefore),
        statusText(e.statusAfter),
        `${scoreText(e.scoreBefore)} → ${scoreText(e.scoreAfter)}`,
        `${DIRECTION_MARK[e.direction]} ${e.direction}`,
      ),
    );
  }
  lines.push('');
  const shown = indicatorsShown(change, options.allIndicators ?? false);
  lines.push(options.allIndicators ? 'Indicators' : 'Indicators whose status moved');
  if (shown.length === 0) {
    lines.push('None.');
  } else {
    lines.push(row('Indicator', 'Before', 'After', 'Value Δ', 'Change'));
    lines.push('-'.repeat(100));
    for (const i of shown) {
      lines.push(
        row(
          i.name,
          statusText(i.statusBefore),
          statusText(i.statusAfter),
          signed(i.delta),
          `${DIRECTION_MARK[i.direction]} ${i.direction}`,
        ),
      );
    }
  }
  lines.push('');
  lines.push(
    `Frost level of the group: ${frostLabel(change.frost.before)} → ${frostLabel(change.frost.after)} (${DIRECTION_MARK[change.frost.direction]} ${change.frost.direction}).`,
  );
  lines.push(
    `Team form score: ${formatNumber(change.teamForm.before, 2)} → ${formatNumber(change.teamForm.after, 2)} (${signed(change.teamForm.delta) || '0'}).`,
  );
  return `${lines.join('\n')}\n`;
}

function changeRows(items: readonly StatusChange[], values: boolean): string[][] {
  return items.map((c) => [
    `${h(c.name)} <span class="muted small">(<code>${h(c.id)}</code>)</span>`,
    c.statusBefore === null ? '(absent)' : statusBadge(c.statusBefore),
    c.statusAfter === null ? '(absent)' : statusBadge(c.statusAfter),
    values
      ? `${h(valueText(c.valueBefore))} → ${h(valueText(c.valueAfter))}${c.delta !== null ? ` (${h(signed(c.delta))})` : ''}`
      : `${scoreText(c.scoreBefore)} → ${scoreText(c.scoreAfter)}${c.delta !== null ? ` (${h(signed(c.delta))})` : ''}`,
    `${h(DIRECTION_MARK[c.direction])} ${h(c.direction)}`,
  ]);
}

/** The change between two diagnoses as one standalone HTML file (inline CSS, no scripts). */
export function changeHtml(change: DiagnosisChange, options: ChangeReportOptions = {}): string {
  const title = `Weframe: change${options.collaborationName ? ` in ${options.collaborationName}` : ''}`;
  const shown = indicatorsShown(change, options.allIndicators ?? false);
  const body =
    `<header><h1>${h(title)}</h1><p>From <strong>${h(side(change.before))}</strong> to <strong>${h(side(change.after))}</strong>.</p>` +
    `<p>Elements: ${h(summaryLine(change.summary.elements))}. Indicators: ${h(summaryLine(change.summary.indicators))}.</p></header><main>` +
    '<section aria-labelledby="elements-h"><h2 id="elements-h" class="first">Elements</h2>' +
    table(
      'Status and score of every element, before and after',
      ['Element', 'Before', 'After', 'Score', 'Change'],
      changeRows(change.elements, false),
    ) +
    '</section><section aria-labelledby="indicators-h">' +
    `<h2 id="indicators-h">${options.allIndicators ? 'Indicators' : 'Indicators whose status moved'}</h2>` +
    (shown.length === 0
      ? '<p>None.</p>'
      : table(
          'Status and value of each indicator, before and after',
          ['Indicator', 'Before', 'After', 'Value', 'Change'],
          changeRows(shown, true),
        )) +
    '</section><section aria-labelledby="group-h"><h2 id="group-h">Frost level and team form</h2>' +
    `<p>Frost level of the group: ${h(frostLabel(change.frost.before))} → ${h(frostLabel(change.frost.after))} (${h(DIRECTION_MARK[change.frost.direction])} ${h(change.frost.direction)}).</p>` +
    `<p>Team form score: ${formatNumber(change.teamForm.before, 2)} → ${formatNumber(change.teamForm.after, 2)} (${h(signed(change.teamForm.delta) || '0')}).</p>` +
    '</section></main>';
  return htmlDocument(title, body);
}
