import { column, completeRows, defined, sampleVariance, undefinedBecause } from './internal.js';
import type { Estimate, RatingMatrix } from './result.js';

/** Result of cronbachAlpha. */
export type CronbachAlphaResult = Estimate & {
  /** Items k (columns). */
  readonly items: number;
  /** Respondents used (rows without a null). */
  readonly respondents: number;
};

/**
 * Cronbach's α = k/(k − 1)·(1 − Σσ²_i/σ²_total) over k items (rows respondents, columns items), the
 * raw (covariance) α (Cronbach 1951; as R psych::alpha raw_alpha). Rows with a null are dropped
 * (listwise; psych uses pairwise covariances, so results differ only with missing data).
 */
export function cronbachAlpha(matrix: RatingMatrix): CronbachAlphaResult {
  const rows = completeRows(matrix, 'cronbachAlpha');
  const items = matrix[0]?.length ?? 0;
  const details = { items, respondents: rows.length };
  if (rows.length === 0 || items === 0) return { ...undefinedBecause('empty'), ...details };
  if (items < 2) return { ...undefinedBecause('too-few-items'), ...details };
  if (rows.length < 2) return { ...undefinedBecause('too-few-units'), ...details };
  let itemVariance = 0;
  for (let j = 0; j < items; j++) itemVariance += sampleVariance(column(rows, j));
  const total = sampleVariance(rows.map((r) => r.reduce((s, x) => s + x, 0)));
  if (total === 0) return { ...undefinedBecause('no-variance'), ...details };
  return { ...defined((items / (items - 1)) * (1 - itemVariance / total)), ...details };
}
