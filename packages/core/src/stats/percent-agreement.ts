import { assertCategory, assertFinite, defined, undefinedBecause } from './internal.js';
import type { Category, Estimate } from './result.js';

/** Options of percentAgreement. */
export interface PercentAgreementOptions {
  /**
   * Numeric codes agree when max − min ≤ tolerance (as R irr::agree). Default 0 (exact agreement);
   * string codes always need exact agreement.
   */
  readonly tolerance?: number;
}

/** Result of percentAgreement; `value` is a proportion in [0, 1] (multiply by 100 for percent). */
export type PercentAgreementResult = Estimate & {
  /** Subjects used (rows without a null). */
  readonly subjects: number;
  /** Raters per subject. */
  readonly raters: number;
  /** Subjects on which all raters agree. */
  readonly agreements: number;
};

/**
 * Percent agreement: the share of subjects on which all raters give the same code (rows subjects,
 * columns raters), uncorrected for chance (as R irr::agree, as a proportion). Rows with a null are
 * dropped.
 */
export function percentAgreement(
  matrix: readonly (readonly (Category | null)[])[],
  options?: PercentAgreementOptions,
): PercentAgreementResult {
  const tolerance = options?.tolerance ?? 0;
  assertFinite(tolerance, 'percentAgreement tolerance');
  if (tolerance < 0) throw new RangeError('percentAgreement tolerance must be ≥ 0');
  const raters = matrix[0]?.length ?? 0;
  let subjects = 0;
  let agreements = 0;
  for (const row of matrix) {
    if (row.length !== raters) {
      throw new RangeError(`percentAgreement: every row must have ${raters} columns`);
    }
    const codes: Category[] = [];
    for (const x of row) {
      if (x === null) continue;
      assertCategory(x, 'percentAgreement');
      codes.push(x);
    }
    if (codes.length < raters) continue;
    subjects++;
    const first = codes[0];
    const agree = codes.every((c) => typeof c === 'number' && typeof first === 'number')
      ? Math.max(...(codes as number[])) - Math.min(...(codes as number[])) <= tolerance
      : codes.every((c) => c === first);
    if (agree) agreements++;
  }
  const details = { subjects, raters, agreements };
  if (subjects === 0 || raters === 0) return { ...undefinedBecause('empty'), ...details };
  if (raters < 2) return { ...undefinedBecause('too-few-raters'), ...details };
  return { ...defined(agreements / subjects), ...details };
}
