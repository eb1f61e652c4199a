import { assertCategory, compareCategories, defined, undefinedBecause } from './internal.js';
import type { Category, Estimate } from './result.js';

/** Level of measurement, choosing the difference function δ². */
export type KrippendorffLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** Options of krippendorffAlpha. */
export interface KrippendorffAlphaOptions {
  /**
   * Metric δ²_ck: 'nominal' [c ≠ k]; 'ordinal' (Σ_{g=c..k} n_g − (n_c + n_k)/2)² over the ranks of the
   * values; 'interval' (c − k)²; 'ratio' ((c − k)/(c + k))². Default 'nominal'. Interval and ratio need
   * numbers; ordinal orders numbers numerically and strings by code unit.
   */
  readonly level?: KrippendorffLevel;
}

/** Result of krippendorffAlpha. */
export type KrippendorffAlphaResult = Estimate & {
  /** The level of measurement used. */
  readonly level: KrippendorffLevel;
  /** Pairable units (with at least two values). */
  readonly units: number;
  /** Pairable values n (the coincidence matrix total). */
  readonly pairableValues: number;
  /** Observed disagreement D_o, or null with no pairable values. */
  readonly observed: number | null;
  /** Expected disagreement D_e, or null with no pairable values. */
  readonly expected: number | null;
};

/**
 * Krippendorff's α = 1 − D_o/D_e from the coincidence matrix of pairable values, rows units and
 * columns coders, `null` = missing, units with fewer than two values dropped (Krippendorff 2011,
 * "Computing Krippendorff's alpha-reliability"; not R irr::kripp.alpha's variant). D_e = 0 → null
 * 'no-expected-disagreement'.
 */
export function krippendorffAlpha(
  units: readonly (readonly (Category | null)[])[],
  options?: KrippendorffAlphaOptions,
): KrippendorffAlphaResult {
  const level = options?.level ?? 'nominal';
  if (level !== 'nominal' && level !== 'ordinal' && level !== 'interval' && level !== 'ratio') {
    throw new RangeError(
      "krippendorffAlpha level must be 'nominal', 'ordinal', 'interval' or 'ratio'",
    );
  }
  let anyValue = false;
  const pairable: Category[][] = [];
  for (const unit of units) {
    const values: Category[] = [];
    for (const x of unit) {
      if (x === null) continue;
      assertCategory(x, 'krippendorffAlpha');
      if ((level === 'interval' || level === 'ratio') && typeof x !== 'number') {
        throw new RangeError(`krippendorffAlpha: ${level} data must be numbers, got '${x}'`);
      }
      if (level === 'ratio' && (x as number) < 0) {
        throw new RangeError('krippendorffAlpha: ratio data must be ≥ 0');
      }
      values.push(x);
    }
    if (values.length > 0) anyValue = true;
    if (values.length >= 2) pairable.push(values);
  }
  const details = { level, units: pairable.length };
  if (pairable.length === 0) {
    return {
      ...undefinedBecause(anyValue ? 'too-few-raters' : 'empty'),
      ...details,
      pairableValues: 0,
      observed: null,
      expected: null,
    };
  }

  const values = [...new Set(pairable.flat())].sort(compareCategories);
  const index = new Map(values.map((v, i) => [v, i]));
  const v = values.length;
  const o: number[][] = values.map(() => values.map(() => 0));
  for (const unit of pairable) {
    const counts = new Map<number, number>();
    for (const x of unit) {
      const i = index.get(x) as number;
      counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    const m = unit.length;
    for (const [c, nc] of counts) {
      for (const [k, nk] of counts) {
        const row = o[c] as number[];
        row[k] = (row[k] as number) + (nc * (c === k ? nk - 1 : nk)) / (m - 1);
      }
    }
  }
  const nc = o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = nc.reduce((s, x) => s + x, 0);

  const delta = (c: number, k: number): number => {
    if (c === k) return 0;
    switch (level) {
      case 'nominal':
        return 1;
      case 'ordinal': {
        const lo = Math.min(c, k);
        const hi = Math.max(c, k);
        let sum = 0;
        for (let g = lo; g <= hi; g++) sum += nc[g] as number;
        const d = sum - ((nc[c] as number) + (nc[k] as number)) / 2;
        return d * d;
      }
      case 'interval': {
        const d = (values[c] as number) - (values[k] as number);
        return d * d;
      }
      case 'ratio': {
        const a = values[c] as number;
        const b = values[k] as number;
        const d = a + b === 0 ? 0 : (a - b) / (a + b);
        return d * d;
      }
    }
  };

  let observedSum = 0;
  let expectedSum = 0;
  for (let c = 0; c < v; c++) {
    for (let k = 0; k < v; k++) {
      if (c === k) continue;
      const d = delta(c, k);
      observedSum += ((o[c] as number[])[k] as number) * d;
      expectedSum += (nc[c] as number) * (nc[k] as number) * d;
    }
  }
  const observed = observedSum / n;
  const expected = expectedSum / (n * (n - 1));
  const result = { ...details, pairableValues: n, observed, expected };
  if (expected === 0) return { ...undefinedBecause('no-expected-disagreement'), ...result };
  return { ...defined(1 - observed / expected), ...result };
}
