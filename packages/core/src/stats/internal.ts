import type { Category, Estimate, RatingMatrix, UndefinedReason } from './result.js';

/** Wraps a defined number as an Estimate. */
export function defined(value: number): Estimate {
  return { value };
}

/** An Estimate that is undefined for the given reason. */
export function undefinedBecause(reason: UndefinedReason): Estimate {
  return { value: null, reason };
}

/** Arithmetic mean Σx/n of a non-empty list. */
export function mean(xs: readonly number[]): number {
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

/** Sample variance Σ(x − x̄)²/(n − 1) of a list with at least two values (two-pass, as R's var). */
export function sampleVariance(xs: readonly number[]): number {
  const m = mean(xs);
  let ss = 0;
  for (const x of xs) ss += (x - m) * (x - m);
  return ss / (xs.length - 1);
}

/** Median of a non-empty list (mean of the two middle values when n is even, as R's median). */
export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

/** The non-null entries of a list, checking that each is a finite number. */
export function present(xs: readonly (number | null)[], what: string): number[] {
  const out: number[] = [];
  for (const x of xs) {
    if (x === null) continue;
    assertFinite(x, what);
    out.push(x);
  }
  return out;
}

/** Throws a RangeError unless x is a finite number. */
export function assertFinite(x: unknown, what: string): asserts x is number {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new RangeError(`${what}: expected a finite number or null, got ${String(x)}`);
  }
}

/** Throws a RangeError unless every row of the matrix has the same length; returns that length. */
export function columnCount(matrix: RatingMatrix, what: string): number {
  const first = matrix[0];
  const k = first === undefined ? 0 : first.length;
  for (const row of matrix) {
    if (row.length !== k) throw new RangeError(`${what}: every row must have ${k} columns`);
  }
  return k;
}

/** Rows without any null (listwise deletion, as R's na.omit), after checking every value is finite. */
export function completeRows(matrix: RatingMatrix, what: string): number[][] {
  columnCount(matrix, what);
  const out: number[][] = [];
  for (const row of matrix) {
    if (row.some((x) => x === null)) {
      present(row, what);
      continue;
    }
    out.push(present(row, what));
  }
  return out;
}

/** Column j of a numeric matrix. */
export function column(rows: readonly (readonly number[])[], j: number): number[] {
  return rows.map((row) => row[j] as number);
}

/** Total order on categories: numbers ascending, then strings in code-unit order. */
export function compareCategories(a: Category, b: Category): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Throws unless x is a finite number or a string (a usable category). */
export function assertCategory(x: unknown, what: string): asserts x is Category {
  if (typeof x === 'string') return;
  if (typeof x === 'number' && Number.isFinite(x)) return;
  throw new RangeError(`${what}: expected a finite number, a string or null, got ${String(x)}`);
}
