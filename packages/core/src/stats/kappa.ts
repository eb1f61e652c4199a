import {
  assertCategory,
  assertFinite,
  compareCategories,
  defined,
  undefinedBecause,
} from './internal.js';
import type { Category, Estimate } from './result.js';

/** Cohen's κ input: two raters' codes over the same subjects, or a K × K contingency table. */
export type CohenKappaInput =
  | readonly [readonly (Category | null)[], readonly (Category | null)[]]
  | { readonly table: readonly (readonly number[])[] };

/** Options of cohenKappa. */
export interface CohenKappaOptions {
  /**
   * Disagreement weights by category rank i, j of K: 'unweighted' [i ≠ j], 'linear' |i − j|/(K − 1),
   * 'quadratic' (i − j)²/(K − 1)². Default 'unweighted'.
   */
  readonly weights?: 'unweighted' | 'linear' | 'quadratic';
}

/** Result of cohenKappa. */
export type CohenKappaResult = Estimate & {
  /** Subjects rated by both raters (pairs with a null are dropped), or the table total. */
  readonly subjects: number;
  /** The categories in rank order (sorted distinct codes; 0..K−1 for a table). */
  readonly categories: readonly Category[];
  /** Observed (weighted) agreement p_o, or null when there are no subjects. */
  readonly observedAgreement: number | null;
  /** Chance (weighted) agreement p_e, or null when there are no subjects. */
  readonly expectedAgreement: number | null;
};

/**
 * Cohen's κ = (p_o − p_e)/(1 − p_e) for two raters, optionally weighted: κ_w = 1 − Σw·o/Σw·e
 * (Cohen 1960, 1968). Categories are the sorted distinct codes of both raters and weights go by rank,
 * as R irr::kappa2; pairs with a null are dropped. p_e = 1 → null 'no-expected-disagreement'.
 */
export function cohenKappa(data: CohenKappaInput, options?: CohenKappaOptions): CohenKappaResult {
  const weights = options?.weights ?? 'unweighted';
  if (weights !== 'unweighted' && weights !== 'linear' && weights !== 'quadratic') {
    throw new RangeError("cohenKappa weights must be 'unweighted', 'linear' or 'quadratic'");
  }
  let categories: Category[];
  let table: number[][];
  if ('table' in data) {
    const kk = data.table.length;
    table = data.table.map((row) => {
      if (row.length !== kk) throw new RangeError('cohenKappa: the table must be square');
      return row.map((x) => {
        assertFinite(x, 'cohenKappa table');
        if (x < 0) throw new RangeError('cohenKappa: table counts must be ≥ 0');
        return x;
      });
    });
    categories = Array.from({ length: kk }, (_, i) => i);
  } else {
    const [a, b] = data;
    if (a.length !== b.length)
      throw new RangeError('cohenKappa: both raters must rate the same subjects');
    const pairs: [Category, Category][] = [];
    a.forEach((x, i) => {
      const y = b[i] ?? null;
      if (x !== null) assertCategory(x, 'cohenKappa');
      if (y !== null) assertCategory(y, 'cohenKappa');
      if (x !== null && y !== null) pairs.push([x, y]);
    });
    categories = [...new Set(pairs.flat())].sort(compareCategories);
    const index = new Map(categories.map((c, i) => [c, i]));
    table = categories.map(() => categories.map(() => 0));
    for (const [x, y] of pairs) {
      const row = table[index.get(x) as number] as number[];
      row[index.get(y) as number] = (row[index.get(y) as number] as number) + 1;
    }
  }
  const k = categories.length;
  const n = table.reduce((s, row) => s + row.reduce((t, x) => t + x, 0), 0);
  if (n === 0) {
    return {
      ...undefinedBecause('empty'),
      subjects: 0,
      categories,
      observedAgreement: null,
      expectedAgreement: null,
    };
  }
  const rowSums = table.map((row) => row.reduce((t, x) => t + x, 0));
  const colSums = categories.map((_, j) => table.reduce((t, row) => t + (row[j] as number), 0));
  const disagreement = (i: number, j: number): number => {
    if (i === j) return 0;
    if (weights === 'unweighted') return 1;
    const d = Math.abs(i - j) / (k - 1);
    return weights === 'linear' ? d : d * d;
  };
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = disagreement(i, j);
      observed += (w * ((table[i] as number[])[j] as number)) / n;
      expected += (w * (rowSums[i] as number) * (colSums[j] as number)) / (n * n);
    }
  }
  const details = {
    subjects: n,
    categories,
    observedAgreement: 1 - observed,
    expectedAgreement: 1 - expected,
  };
  if (expected === 0) return { ...undefinedBecause('no-expected-disagreement'), ...details };
  return { ...defined(1 - observed / expected), ...details };
}

/** Result of fleissKappa. */
export type FleissKappaResult = Estimate & {
  /** Subjects used (rows without a null). */
  readonly subjects: number;
  /** Raters per subject n. */
  readonly raters: number;
  /** The categories seen, sorted. */
  readonly categories: readonly Category[];
  /** Mean observed pairwise agreement P̄, or null without usable subjects. */
  readonly observedAgreement: number | null;
  /** Chance agreement P̄_e = Σ p_j², or null without usable subjects. */
  readonly expectedAgreement: number | null;
};

/**
 * Fleiss' κ = (P̄ − P̄_e)/(1 − P̄_e) for a fixed number of raters per subject (rows subjects, columns
 * raters) (Fleiss 1971; as R irr::kappam.fleiss). Rows with a null are dropped; P̄_e = 1 → null
 * 'no-expected-disagreement'.
 */
export function fleissKappa(matrix: readonly (readonly (Category | null)[])[]): FleissKappaResult {
  const raters = matrix[0]?.length ?? 0;
  const rows: Category[][] = [];
  for (const row of matrix) {
    if (row.length !== raters)
      throw new RangeError(`fleissKappa: every row must have ${raters} columns`);
    let complete = true;
    for (const x of row) {
      if (x === null) complete = false;
      else assertCategory(x, 'fleissKappa');
    }
    if (complete) rows.push(row as Category[]);
  }
  const categories = [...new Set(rows.flat())].sort(compareCategories);
  const none = (reason: 'empty' | 'too-few-raters'): FleissKappaResult => ({
    ...undefinedBecause(reason),
    subjects: rows.length,
    raters,
    categories,
    observedAgreement: null,
    expectedAgreement: null,
  });
  if (rows.length === 0 || raters === 0) return none('empty');
  if (raters < 2) return none('too-few-raters');
  const totals = new Map<Category, number>();
  let pBar = 0;
  for (const row of rows) {
    const counts = new Map<Category, number>();
    for (const x of row) counts.set(x, (counts.get(x) ?? 0) + 1);
    let agree = 0;
    for (const [c, m] of counts) {
      agree += m * (m - 1);
      totals.set(c, (totals.get(c) ?? 0) + m);
    }
    pBar += agree / (raters * (raters - 1));
  }
  pBar /= rows.length;
  let pe = 0;
  for (const m of totals.values()) {
    const p = m / (rows.length * raters);
    pe += p * p;
  }
  const details = {
    subjects: rows.length,
    raters,
    categories,
    observedAgreement: pBar,
    expectedAgreement: pe,
  };
  if (pe >= 1) return { ...undefinedBecause('no-expected-disagreement'), ...details };
  return { ...defined((pBar - pe) / (1 - pe)), ...details };
}
