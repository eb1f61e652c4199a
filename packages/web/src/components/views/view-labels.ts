import type { ChangeDirection, FrostLevel, Status } from '@weframe/core';

/**
 * Words, marks and colours the views share. They follow the HTML report (the colours are the
 * same ColorBrewer fills) so a printed report and the screen agree; every colour comes with a
 * word and a mark, never alone.
 */

/** Frost levels from none to coordination. */
export const FROST_ORDER: readonly FrostLevel[] = [
  'none',
  'cooperation',
  'collaboration',
  'coordination',
];

/** How each Frost level is shown: its digit (also drawn in every matrix cell), word and fill. */
export const FROST_SHOWN: Readonly<
  Record<FrostLevel, { digit: string; label: string; fill: string; description: string }>
> = {
  none: {
    digit: '0',
    label: 'None yet',
    fill: '#f7f7f7',
    description: 'No contact about this work in the window.',
  },
  cooperation: {
    digit: '1',
    label: 'Cooperation',
    fill: '#d9f0d3',
    description: 'In contact and keeping each other informed.',
  },
  collaboration: {
    digit: '2',
    label: 'Collaboration',
    fill: '#a6dba0',
    description:
      'Planning together, with a joint goal both recognise or an overlap, duplication or gap resolved.',
  },
  coordination: {
    digit: '3',
    label: 'Coordination',
    fill: '#5aae61',
    description:
      'Planning, doing and reviewing together, again and again, towards a joint goal both recognise.',
  },
};

/** The word for a Frost level. */
export const frostWord = (level: FrostLevel): string => FROST_SHOWN[level].label;

/** How each element status is worded (its shape and fill follow the model picture). */
export const STATUS_SHOWN: Readonly<Record<Status, { label: string }>> = {
  strength: { label: 'Strength' },
  ok: { label: 'OK' },
  watch: { label: 'Watch' },
  concern: { label: 'Concern' },
  insufficient: { label: 'Insufficient evidence' },
};

/** How each change between two waves is shown: a mark and a word. */
export const DIRECTION_SHOWN: Readonly<
  Record<ChangeDirection, { mark: string; label: string; tone: string }>
> = {
  better: { mark: '▲', label: 'Better', tone: 'better' },
  worse: { mark: '▼', label: 'Worse', tone: 'worse' },
  same: { mark: '=', label: 'Same', tone: 'same' },
  'new evidence': { mark: '+', label: 'New evidence', tone: 'new' },
  'lost evidence': { mark: '−', label: 'Lost evidence', tone: 'lost' },
};

/** Okabe and Ito's colour-blind-safe colours, as the report's network pictures use them. */
export const GROUP_COLOURS = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#999999',
] as const;

/** The colour of the `index`th group (colours repeat after eight; the tables name every group). */
export const groupColour = (index: number): string =>
  GROUP_COLOURS[index % GROUP_COLOURS.length] ?? '#999999';

/** A number with at most `digits` decimals, e.g. 0.29 or 1. */
export function fixed(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return String(Number(value.toFixed(digits)));
}

/** A share as a whole percentage, e.g. "29 %". */
export function percent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${Math.round(value * 100)} %`;
}

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A YYYY-MM-DD day as "19 Dec 2025" (the day itself, whatever the time zone). */
export function day(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : dayFormat.format(date);
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Compares names in natural order ("Agency 2" before "Agency 10"); one shared collator. */
export const byName = (a: string, b: string): number => collator.compare(a, b);

const PHASES: Readonly<Record<string, string>> = {
  planning: 'Planning',
  doing: 'Doing',
  reviewing: 'Reviewing',
};

/** The phase of joint work in words. */
export const phaseWord = (phase: string): string => PHASES[phase] ?? phase;

const METHODS: Readonly<Record<string, string>> = {
  consensus: 'By consensus',
  vote: 'By vote',
  leadDecides: 'The lead decided',
  agencyUnilateral: 'One agency alone',
  delegated: 'Delegated',
  other: 'Other',
};

/** How a decision was taken, in words. */
export const methodWord = (method: string): string => METHODS[method] ?? method;
