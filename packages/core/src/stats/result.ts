/**
 * Why a statistic has no value. Every statistic in this folder returns `value: null` together
 * with one of these reasons instead of NaN or Infinity.
 */
export type UndefinedReason =
  /** No usable observations remain after missing values (`null`) are dropped. */
  | 'empty'
  /** Fewer than two raters, coders, judges or group members supplied usable values. */
  | 'too-few-raters'
  /** Fewer than two targets, subjects or respondents remain. */
  | 'too-few-units'
  /** Fewer than two groups remain (one-way ICC). */
  | 'too-few-groups'
  /** Fewer than two items (Cronbach's α). */
  | 'too-few-items'
  /** The variance in the denominator is zero (e.g. every value identical). */
  | 'no-variance'
  /** Chance agreement is 1 (expected disagreement D_e = 0), so chance correction divides by 0. */
  | 'no-expected-disagreement'
  /** a_wg only: the mean lies too close to a scale end for a_wg to be interpretable. */
  | 'mean-out-of-range';

/**
 * A statistic that may be undefined: either `{ value: number }` or `{ value: null, reason }`.
 * Narrow on `value !== null` (or on `reason`) before using the number.
 */
export type Estimate =
  | { readonly value: number; readonly reason?: undefined }
  | { readonly value: null; readonly reason: UndefinedReason };

/** A rating matrix: rows are units (targets, subjects, members, respondents), columns raters or items; `null` = missing. */
export type RatingMatrix = readonly (readonly (number | null)[])[];

/** A category code as coded by a rater: a number or a string label. */
export type Category = number | string;
