import type { SurveyResponse } from '../document/schema.js';
import { SCALE_ITEMS, type ScaleId, type ScaleItem } from '../survey/instrument.js';
import { cronbachAlpha, rwgJ } from '../stats/index.js';
import type { Status, SurveyFigure } from './types.js';
import type { Thresholds } from './thresholds.js';

/** A respondent's answer to an item, reverse-keyed items turned round; null when missing. */
export function keyedAnswer(response: SurveyResponse, item: ScaleItem): number | null {
  const raw = response.answers[item.id];
  if (typeof raw !== 'number') return null;
  return item.reverseKeyed ? 6 - raw : raw;
}

/** Items of a scale, optionally narrowed by a predicate. */
export function scaleItems(scale: ScaleId, filter?: (item: ScaleItem) => boolean): ScaleItem[] {
  return SCALE_ITEMS.filter((i) => i.scale === scale && (filter ? filter(i) : true));
}

/** Respondents × items matrix of keyed answers; respondents with no answer are left out. */
export function answerMatrix(
  responses: readonly SurveyResponse[],
  items: readonly ScaleItem[],
): { rows: (number | null)[][]; responseIds: string[] } {
  const rows: (number | null)[][] = [];
  const responseIds: string[] = [];
  for (const r of responses) {
    const row = items.map((item) => keyedAnswer(r, item));
    if (row.some((v) => v !== null)) {
      rows.push(row);
      responseIds.push(r.id);
    }
  }
  return { rows, responseIds };
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * A team figure for a set of items (ANALYSIS.md "Survey scales"): each respondent's mean of
 * their answered items; the team mean only with ≥ 3 respondents and r_wg(j) ≥ 0.70 (uniform
 * null, James, Demaree & Wolf 1984), else the distribution of respondents' means.
 */
export function surveyFigure(
  scale: string,
  responses: readonly SurveyResponse[],
  items: readonly ScaleItem[],
  thresholds: Thresholds,
): SurveyFigure & { respondentMeans: number[]; responseIds: string[] } {
  const { rows, responseIds } = answerMatrix(responses, items);
  const respondentMeans = rows.map((row) => mean(row.filter((v): v is number => v !== null)));
  const enough = rows.length >= thresholds['evidence.minimum'].respondents;
  const agreement = enough ? rwgJ(rows, { scalePoints: 5, missing: 'item' }).value : null;
  const alpha = enough && items.length >= 2 ? cronbachAlphaOrNull(rows) : null;
  const agreed = agreement !== null && agreement >= thresholds['survey.agreement'].rwgJ;
  const distribution = [0, 0, 0, 0, 0];
  for (const m of respondentMeans) {
    const bucket = Math.min(5, Math.max(1, Math.round(m))) - 1;
    distribution[bucket] = (distribution[bucket] ?? 0) + 1;
  }
  return {
    scale,
    respondents: rows.length,
    items: items.map((i) => i.id),
    mean: enough && agreed ? round(mean(respondentMeans), 2) : null,
    rwgJ: agreement === null ? null : round(agreement, 3),
    cronbachAlpha: alpha === null ? null : round(alpha, 3),
    distribution: enough && !agreed ? distribution : null,
    respondentMeans,
    responseIds,
  };
}

function cronbachAlphaOrNull(rows: (number | null)[][]): number | null {
  // Cronbach's α needs complete rows: drop respondents with a missing item.
  const complete = rows.filter((r): r is number[] => r.every((v) => v !== null));
  if (complete.length < 2) return null;
  return cronbachAlpha(complete).value;
}

/** Band status of a 1–5 scale mean: ≥ 4.0 strength, 3.0–3.99 watch, < 3.0 concern. */
export function bandStatus(value: number, thresholds: Thresholds): Status {
  const b = thresholds['survey.bands'];
  if (value >= b.strength) return 'strength';
  if (value >= b.watch) return 'watch';
  return 'concern';
}

/** Rounds to `digits` decimals for display and stable output. */
export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
