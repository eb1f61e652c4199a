import type { Status } from '../analysis/types.js';
import type { ChangeDirection } from '../analysis/compare.js';

/**
 * How each status is shown, the same in text, HTML and SVG: a mark, a word and a colour. The
 * colours come from ColorBrewer's red–blue diverging scheme (safe for the common colour-vision
 * deficiencies) and carry dark text at WCAG AA contrast or better; the mark and the word always
 * accompany the colour, so colour is never the only signal.
 */
export interface StatusStyle {
  /** Four-character mark for plain text, e.g. `[!!]`. */
  readonly mark: string;
  /** The status in words. */
  readonly word: string;
  /** A longer label for legends and tables. */
  readonly label: string;
  readonly fill: string;
  readonly stroke: string;
}

/** Text colour drawn on every status fill. */
export const INK = '#111111';

/** Statuses from the most to the least pressing, as reports list them. */
export const STATUS_ORDER: readonly Status[] = [
  'concern',
  'watch',
  'ok',
  'strength',
  'insufficient',
];

/** Mark, word and colours of every status. */
export const STATUS_STYLE: Readonly<Record<Status, StatusStyle>> = {
  strength: {
    mark: '[++]',
    word: 'strength',
    label: 'Strength',
    fill: '#67a9cf',
    stroke: '#2166ac',
  },
  ok: { mark: '[ok]', word: 'ok', label: 'OK', fill: '#d1e5f0', stroke: '#4393c3' },
  watch: { mark: '[! ]', word: 'watch', label: 'Watch', fill: '#f4a582', stroke: '#b35806' },
  concern: {
    mark: '[!!]',
    word: 'concern',
    label: 'Concern',
    fill: '#d6604d',
    stroke: '#67001f',
  },
  insufficient: {
    mark: '[??]',
    word: 'insufficient',
    label: 'Insufficient evidence',
    fill: '#e0e0e0',
    stroke: '#616161',
  },
};

/** Mark and word of each change direction between two waves. */
export const DIRECTION_MARK: Readonly<Record<ChangeDirection, string>> = {
  better: '[+]',
  worse: '[-]',
  same: '[=]',
  'new evidence': '[n]',
  'lost evidence': '[x]',
};

/** Relative luminance of a `#rrggbb` colour (WCAG 2.x). */
export function relativeLuminance(hex: string): number {
  const value = /^#([0-9a-f]{6})$/i.exec(hex)?.[1];
  if (value === undefined) throw new Error(`not a #rrggbb colour: ${hex}`);
  const channel = (i: number) => {
    const c = parseInt(value.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** WCAG contrast ratio of two `#rrggbb` colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}
