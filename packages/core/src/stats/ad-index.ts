import {
  column,
  completeRows,
  defined,
  mean,
  median,
  present,
  undefinedBecause,
} from './internal.js';
import type { Estimate, RatingMatrix } from './result.js';

/** Options of adIndex. */
export interface AdIndexOptions {
  /** Deviations are taken from the item 'mean' (AD_M) or 'median' (AD_Md). Default 'mean'. */
  readonly center?: 'mean' | 'median';
}

/** Result of adIndex. */
export type AdIndexResult = Estimate & {
  /** Members used (non-null answers for one item; complete rows for a matrix). */
  readonly members: number;
  /** Items J averaged over (1 for a single item). */
  readonly items: number;
};

function isMatrix(data: readonly (number | null)[] | RatingMatrix): data is RatingMatrix {
  return data.length > 0 && Array.isArray(data[0]);
}

function itemAd(xs: readonly number[], center: 'mean' | 'median'): number {
  const c = center === 'mean' ? mean(xs) : median(xs);
  let sum = 0;
  for (const x of xs) sum += Math.abs(x - c);
  return sum / xs.length;
}

/**
 * Average deviation AD = Σ|x − x̄|/n (or about the median), averaged over items for AD_M(J); 0 is
 * perfect agreement (Burke, Finkelstein & Dusig 1999; as R multilevel::ad.m). Pass one item as a
 * vector (nulls dropped) or a members × items matrix (listwise deletion, as ad.m).
 */
export function adIndex(
  data: readonly (number | null)[] | RatingMatrix,
  options?: AdIndexOptions,
): AdIndexResult {
  const center = options?.center ?? 'mean';
  if (center !== 'mean' && center !== 'median') {
    throw new RangeError("adIndex center must be 'mean' or 'median'");
  }
  if (isMatrix(data)) {
    const rows = completeRows(data, 'adIndex');
    const items = data[0]?.length ?? 0;
    if (rows.length === 0 || items === 0) {
      return { ...undefinedBecause('empty'), members: rows.length, items };
    }
    if (rows.length < 2) return { ...undefinedBecause('too-few-raters'), members: 1, items };
    const values: number[] = [];
    for (let j = 0; j < items; j++) values.push(itemAd(column(rows, j), center));
    return { ...defined(mean(values)), members: rows.length, items };
  }
  const xs = present(data, 'adIndex');
  if (xs.length === 0) return { ...undefinedBecause('empty'), members: 0, items: 1 };
  if (xs.length < 2) return { ...undefinedBecause('too-few-raters'), members: 1, items: 1 };
  return { ...defined(itemAd(xs, center)), members: xs.length, items: 1 };
}
