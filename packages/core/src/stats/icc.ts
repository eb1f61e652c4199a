import { completeRows, defined, mean, present, undefinedBecause } from './internal.js';
import type { Estimate, RatingMatrix } from './result.js';

/** Result of icc1 and icc2 (one-way ANOVA of values by group). */
export type GroupIccResult = Estimate & {
  /** Groups with at least one non-null value. */
  readonly groups: number;
  /** Non-null values N. */
  readonly observations: number;
  /** Mean group size k̄ = N/G, or null when there are no observations. */
  readonly meanGroupSize: number | null;
  /** Between-group mean square MSB, or null with fewer than two groups. */
  readonly msBetween: number | null;
  /** Within-group mean square MSW, or null when no group has two values. */
  readonly msWithin: number | null;
};

interface OneWay {
  readonly groups: number;
  readonly observations: number;
  readonly meanGroupSize: number | null;
  readonly msBetween: number | null;
  readonly msWithin: number | null;
  readonly reason?: 'empty' | 'too-few-groups' | 'too-few-raters';
}

function oneWay(data: readonly (readonly (number | null)[])[], what: string): OneWay {
  const groups = data.map((g) => present(g, what)).filter((g) => g.length > 0);
  const n = groups.reduce((s, g) => s + g.length, 0);
  const g = groups.length;
  if (n === 0) {
    return {
      groups: 0,
      observations: 0,
      meanGroupSize: null,
      msBetween: null,
      msWithin: null,
      reason: 'empty',
    };
  }
  const grand = mean(groups.flat());
  let ssb = 0;
  let ssw = 0;
  for (const group of groups) {
    const m = mean(group);
    ssb += group.length * (m - grand) * (m - grand);
    for (const x of group) ssw += (x - m) * (x - m);
  }
  const msBetween = g >= 2 ? ssb / (g - 1) : null;
  const msWithin = n > g ? ssw / (n - g) : null;
  const base = { groups: g, observations: n, meanGroupSize: n / g, msBetween, msWithin };
  if (msBetween === null) return { ...base, reason: 'too-few-groups' };
  if (msWithin === null) return { ...base, reason: 'too-few-raters' };
  return base;
}

function groupIcc(
  data: readonly (readonly (number | null)[])[],
  what: string,
  formula: (msb: number, msw: number, k: number) => { num: number; den: number },
): GroupIccResult {
  const a = oneWay(data, what);
  const details = {
    groups: a.groups,
    observations: a.observations,
    meanGroupSize: a.meanGroupSize,
    msBetween: a.msBetween,
    msWithin: a.msWithin,
  };
  if (
    a.reason !== undefined ||
    a.msBetween === null ||
    a.msWithin === null ||
    a.meanGroupSize === null
  ) {
    return { ...undefinedBecause(a.reason ?? 'empty'), ...details };
  }
  const { num, den } = formula(a.msBetween, a.msWithin, a.meanGroupSize);
  if (den === 0) return { ...undefinedBecause('no-variance'), ...details };
  return { ...defined(num / den), ...details };
}

/**
 * ICC(1) = (MSB − MSW)/[MSB + (k̄ − 1)MSW] from a one-way ANOVA, k̄ = N/G the mean group size:
 * the share of variance due to group membership (Bliese 2000; as R multilevel::ICC1). Input is one
 * array per group; nulls are dropped.
 */
export function icc1(groups: readonly (readonly (number | null)[])[]): GroupIccResult {
  return groupIcc(groups, 'icc1', (msb, msw, k) => ({
    num: msb - msw,
    den: msb + (k - 1) * msw,
  }));
}

/**
 * ICC(2) = (MSB − MSW)/MSB from a one-way ANOVA: the reliability of group means (Bliese 2000; as
 * R multilevel::ICC2). Input is one array per group; nulls are dropped.
 */
export function icc2(groups: readonly (readonly (number | null)[])[]): GroupIccResult {
  return groupIcc(groups, 'icc2', (msb, msw) => ({ num: msb - msw, den: msb }));
}

/** Result of shroutFleissIcc: the six forms, each an Estimate, and the two-way ANOVA mean squares. */
export interface ShroutFleissIccResult {
  /** ICC(1,1) = (MSR − MSW)/[MSR + (k − 1)MSW]: one-way random, single judge. */
  readonly ICC1: Estimate;
  /** ICC(2,1) = (MSR − MSE)/[MSR + (k − 1)MSE + k(MSC − MSE)/n]: two-way random, single judge. */
  readonly ICC2: Estimate;
  /** ICC(3,1) = (MSR − MSE)/[MSR + (k − 1)MSE]: two-way mixed (consistency), single judge. */
  readonly ICC3: Estimate;
  /** ICC(1,k) = (MSR − MSW)/MSR: one-way random, mean of k judges. */
  readonly ICC1k: Estimate;
  /** ICC(2,k) = (MSR − MSE)/[MSR + (MSC − MSE)/n]: two-way random, mean of k judges. */
  readonly ICC2k: Estimate;
  /** ICC(3,k) = (MSR − MSE)/MSR: two-way mixed, mean of k judges. */
  readonly ICC3k: Estimate;
  /** Targets n (complete rows). */
  readonly targets: number;
  /** Judges k (columns). */
  readonly judges: number;
  /** Between-targets mean square MSR (null when n < 2 or k < 2, as are the others). */
  readonly msRows: number | null;
  /** Between-judges mean square MSC. */
  readonly msColumns: number | null;
  /** Residual mean square MSE. */
  readonly msError: number | null;
  /** Within-targets mean square MSW (judges + residual). */
  readonly msWithin: number | null;
}

/**
 * The six Shrout & Fleiss (1979) intraclass correlations ICC(1|2|3, 1|k) from a two-way ANOVA of a
 * targets × judges matrix (as R psych::ICC). Rows with a null are dropped (psych's default).
 */
export function shroutFleissIcc(matrix: RatingMatrix): ShroutFleissIccResult {
  const rows = completeRows(matrix, 'shroutFleissIcc');
  const n = rows.length;
  const k = matrix[0]?.length ?? 0;
  const none = (reason: 'empty' | 'too-few-units' | 'too-few-raters'): ShroutFleissIccResult => {
    const u = undefinedBecause(reason);
    return {
      ICC1: u,
      ICC2: u,
      ICC3: u,
      ICC1k: u,
      ICC2k: u,
      ICC3k: u,
      targets: n,
      judges: k,
      msRows: null,
      msColumns: null,
      msError: null,
      msWithin: null,
    };
  };
  if (n === 0 || k === 0) return none('empty');
  if (k < 2) return none('too-few-raters');
  if (n < 2) return none('too-few-units');
  const grand = mean(rows.flat());
  const rowMeans = rows.map((r) => mean(r));
  const colMeans: number[] = [];
  for (let j = 0; j < k; j++) colMeans.push(mean(rows.map((r) => r[j] as number)));
  let ssr = 0;
  for (const m of rowMeans) ssr += k * (m - grand) * (m - grand);
  let ssc = 0;
  for (const m of colMeans) ssc += n * (m - grand) * (m - grand);
  let ssw = 0;
  let sse = 0;
  rows.forEach((r, i) => {
    const rm = rowMeans[i] as number;
    r.forEach((x, j) => {
      ssw += (x - rm) * (x - rm);
      const e = x - rm - (colMeans[j] as number) + grand;
      sse += e * e;
    });
  });
  const msr = ssr / (n - 1);
  const msc = ssc / (k - 1);
  const mse = sse / ((n - 1) * (k - 1));
  const msw = ssw / (n * (k - 1));
  const ratio = (num: number, den: number): Estimate =>
    den === 0 ? undefinedBecause('no-variance') : defined(num / den);
  return {
    ICC1: ratio(msr - msw, msr + (k - 1) * msw),
    ICC2: ratio(msr - mse, msr + (k - 1) * mse + (k * (msc - mse)) / n),
    ICC3: ratio(msr - mse, msr + (k - 1) * mse),
    ICC1k: ratio(msr - msw, msr),
    ICC2k: ratio(msr - mse, msr + (msc - mse) / n),
    ICC3k: ratio(msr - mse, msr),
    targets: n,
    judges: k,
    msRows: msr,
    msColumns: msc,
    msError: mse,
    msWithin: msw,
  };
}
