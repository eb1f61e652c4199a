import {
  assertFinite,
  column,
  columnCount,
  completeRows,
  defined,
  mean,
  present,
  sampleVariance,
  undefinedBecause,
} from './internal.js';
import type { Estimate, RatingMatrix } from './result.js';

/** A null (no-agreement) response distribution for r_wg (LeBreton & Senter 2008, Table 3). */
export type RwgNullDistribution =
  'uniform' | 'slight' | 'moderate' | 'heavy' | 'triangular' | 'normal';

/**
 * Expected variances σ²_E of the r_wg null distributions for 5- and 7-point scales (LeBreton &
 * Senter 2008, Table 3; 'slight'/'moderate'/'heavy' are skewed nulls).
 */
export const RWG_NULL_VARIANCES: Readonly<
  Record<5 | 7, Readonly<Record<RwgNullDistribution, number>>>
> = {
  5: { uniform: 2.0, slight: 1.34, moderate: 0.9, heavy: 0.44, triangular: 1.32, normal: 1.04 },
  7: { uniform: 4.0, slight: 2.9, moderate: 2.14, heavy: 1.39, triangular: 2.1, normal: 1.4 },
};

/** Options shared by rwg, rwgJ and rwgJLindell. */
export interface RwgOptions {
  /** Number of response options A on the scale. Default 5. */
  readonly scalePoints?: number;
  /**
   * Null distribution giving σ²_E. Default 'uniform', σ²_E = (A² − 1)/12; the others are read
   * from RWG_NULL_VARIANCES and need scalePoints 5 or 7.
   */
  readonly nullDistribution?: RwgNullDistribution;
  /** A custom expected variance σ²_E (> 0); overrides scalePoints and nullDistribution. */
  readonly expectedVariance?: number;
}

/** Options of rwgJ and rwgJLindell. */
export interface RwgJOptions extends RwgOptions {
  /**
   * How `null` answers are handled. Default 'listwise': a member with any null is dropped (R
   * multilevel's rwg.j and rwg.j.lindell call na.exclude on the whole data frame). 'item': each
   * item's variance uses that item's non-null answers; items with fewer than two answers are left
   * out of the mean variance and of J.
   */
  readonly missing?: 'listwise' | 'item';
}

/** Result of rwg. */
export type RwgResult = Estimate & {
  /** Members with a non-null answer. */
  readonly members: number;
  /** Observed sample variance s²_x, or null with fewer than two answers. */
  readonly variance: number | null;
  /** The null variance σ²_E used. */
  readonly expectedVariance: number;
};

/** Result of rwgJ and rwgJLindell. */
export type RwgJResult = Estimate & {
  /** Members used (after listwise deletion, or with at least one answer under 'item'). */
  readonly members: number;
  /** Items J entering the index. */
  readonly items: number;
  /** Mean of the item variances s̄²_xj, or null when no item has two answers. */
  readonly meanVariance: number | null;
  /** The null variance σ²_E used. */
  readonly expectedVariance: number;
};

function nullVariance(options: RwgOptions | undefined): number {
  if (options?.expectedVariance !== undefined) {
    const v = options.expectedVariance;
    assertFinite(v, 'rwg expectedVariance');
    if (v <= 0) throw new RangeError('rwg expectedVariance must be > 0');
    return v;
  }
  const a = options?.scalePoints ?? 5;
  if (!Number.isInteger(a) || a < 2) throw new RangeError('rwg scalePoints must be an integer ≥ 2');
  const dist = options?.nullDistribution ?? 'uniform';
  if (dist === 'uniform') return (a * a - 1) / 12;
  if (a !== 5 && a !== 7) {
    throw new RangeError(
      `rwg nullDistribution '${dist}' is tabled only for 5- and 7-point scales; pass expectedVariance`,
    );
  }
  return RWG_NULL_VARIANCES[a][dist];
}

/**
 * r_wg = 1 − s²_x/σ²_E for one item, s²_x capped at σ²_E so r_wg ∈ [0, 1] (James, Demaree & Wolf
 * 1984; as R multilevel::rwg). Nulls are dropped; fewer than two answers → null 'too-few-raters'.
 */
export function rwg(ratings: readonly (number | null)[], options?: RwgOptions): RwgResult {
  const expectedVariance = nullVariance(options);
  const xs = present(ratings, 'rwg');
  if (xs.length === 0) {
    return { ...undefinedBecause('empty'), members: 0, variance: null, expectedVariance };
  }
  if (xs.length < 2) {
    return { ...undefinedBecause('too-few-raters'), members: 1, variance: null, expectedVariance };
  }
  const variance = sampleVariance(xs);
  const capped = Math.min(variance, expectedVariance);
  return {
    ...defined(1 - capped / expectedVariance),
    members: xs.length,
    variance,
    expectedVariance,
  };
}

interface ItemVariances {
  readonly members: number;
  readonly variances: readonly number[];
  readonly reason?: 'empty' | 'too-few-raters';
}

function itemVariances(
  matrix: RatingMatrix,
  missing: 'listwise' | 'item',
  what: string,
): ItemVariances {
  const j = columnCount(matrix, what);
  if (matrix.length === 0 || j === 0) return { members: 0, variances: [], reason: 'empty' };
  if (missing === 'listwise') {
    const rows = completeRows(matrix, what);
    if (rows.length === 0) return { members: 0, variances: [], reason: 'empty' };
    if (rows.length < 2) return { members: rows.length, variances: [], reason: 'too-few-raters' };
    const variances: number[] = [];
    for (let c = 0; c < j; c++) variances.push(sampleVariance(column(rows, c)));
    return { members: rows.length, variances };
  }
  const members = matrix.filter((row) => row.some((x) => x !== null)).length;
  const variances: number[] = [];
  for (let c = 0; c < j; c++) {
    const xs = present(
      matrix.map((row) => row[c] ?? null),
      what,
    );
    if (xs.length >= 2) variances.push(sampleVariance(xs));
  }
  if (members === 0) return { members, variances, reason: 'empty' };
  if (variances.length === 0) return { members, variances, reason: 'too-few-raters' };
  return { members, variances };
}

function multiItem(
  matrix: RatingMatrix,
  options: RwgJOptions | undefined,
  what: string,
  index: (meanVariance: number, expectedVariance: number, items: number) => number,
): RwgJResult {
  const expectedVariance = nullVariance(options);
  const missing = options?.missing ?? 'listwise';
  if (missing !== 'listwise' && missing !== 'item') {
    throw new RangeError(`${what} missing must be 'listwise' or 'item'`);
  }
  const { members, variances, reason } = itemVariances(matrix, missing, what);
  if (reason !== undefined) {
    return {
      ...undefinedBecause(reason),
      members,
      items: variances.length,
      meanVariance: null,
      expectedVariance,
    };
  }
  const meanVariance = mean(variances);
  return {
    ...defined(index(meanVariance, expectedVariance, variances.length)),
    members,
    items: variances.length,
    meanVariance,
    expectedVariance,
  };
}

/**
 * r_wg(J) = J(1 − s̄²/σ²_E) / [J(1 − s̄²/σ²_E) + s̄²/σ²_E] over J items (rows members, columns items),
 * s̄² capped at σ²_E so r_wg(J) ∈ [0, 1] (James, Demaree & Wolf 1984; as R multilevel::rwg.j).
 */
export function rwgJ(matrix: RatingMatrix, options?: RwgJOptions): RwgJResult {
  return multiItem(matrix, options, 'rwgJ', (s, e, j) => {
    const ratio = Math.min(s, e) / e;
    return (j * (1 - ratio)) / (j * (1 - ratio) + ratio);
  });
}

/**
 * r*_wg(J) = 1 − s̄²/σ²_E, the mean item variance against the null, uncapped so it may be negative
 * (Lindell, Brandt & Whitney 1999; as R multilevel::rwg.j.lindell).
 */
export function rwgJLindell(matrix: RatingMatrix, options?: RwgJOptions): RwgJResult {
  return multiItem(matrix, options, 'rwgJLindell', (s, e) => 1 - s / e);
}
