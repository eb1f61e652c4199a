import {
  column,
  completeRows,
  defined,
  mean,
  present,
  sampleVariance,
  undefinedBecause,
} from './internal.js';
import type { Estimate, RatingMatrix } from './result.js';

/** Options of awg. */
export interface AwgOptions {
  /** The scale's lowest and highest possible values [L, H]. Default [1, 5]. */
  readonly range?: readonly [number, number];
}

/** Result of awg. */
export type AwgResult = Estimate & {
  /** Members used (non-null answers for one item; complete rows for a matrix). */
  readonly members: number;
  /** Items given (1 for a single item). */
  readonly items: number;
};

function isMatrix(data: readonly (number | null)[] | RatingMatrix): data is RatingMatrix {
  return data.length > 0 && Array.isArray(data[0]);
}

function itemAwg(xs: readonly number[], low: number, high: number): Estimate {
  const k = xs.length;
  const m = mean(xs);
  if (m === high || m === low) return defined(1);
  if (m < (low * (k - 1) + high) / k || m > (high * (k - 1) + low) / k) {
    return undefinedBecause('mean-out-of-range');
  }
  const maxVariance = ((high + low) * m - m * m - high * low) * (k / (k - 1));
  return defined(1 - (2 * sampleVariance(xs)) / maxVariance);
}

/**
 * a_wg = 1 − 2s²/{[(H + L)M − M² − HL]·k/(k − 1)}, observed variance against the maximum possible
 * at mean M (Brown & Hauenstein 2005; as R multilevel::awg). Pass one item as a vector or a
 * members × items matrix (listwise deletion; the mean over items whose a_wg is defined). a_wg = 1
 * when M is L or H; null 'mean-out-of-range' when M < [L(k − 1) + H]/k or M > [H(k − 1) + L]/k.
 */
export function awg(
  data: readonly (number | null)[] | RatingMatrix,
  options?: AwgOptions,
): AwgResult {
  const [low, high] = options?.range ?? [1, 5];
  if (!Number.isFinite(low) || !Number.isFinite(high) || !(low < high)) {
    throw new RangeError('awg range must be [L, H] with finite L < H');
  }
  const check = (xs: readonly number[]): void => {
    for (const x of xs) {
      if (x < low || x > high)
        throw new RangeError(`awg: value ${x} lies outside [${low}, ${high}]`);
    }
  };
  if (isMatrix(data)) {
    const rows = completeRows(data, 'awg');
    const items = data[0]?.length ?? 0;
    rows.forEach(check);
    if (rows.length === 0 || items === 0) {
      return { ...undefinedBecause('empty'), members: rows.length, items };
    }
    if (rows.length < 2) return { ...undefinedBecause('too-few-raters'), members: 1, items };
    const values: number[] = [];
    for (let j = 0; j < items; j++) {
      const est = itemAwg(column(rows, j), low, high);
      if (est.value !== null) values.push(est.value);
    }
    if (values.length === 0) {
      return { ...undefinedBecause('mean-out-of-range'), members: rows.length, items };
    }
    return { ...defined(mean(values)), members: rows.length, items };
  }
  const xs = present(data, 'awg');
  check(xs);
  if (xs.length === 0) return { ...undefinedBecause('empty'), members: 0, items: 1 };
  if (xs.length < 2) return { ...undefinedBecause('too-few-raters'), members: 1, items: 1 };
  return { ...itemAwg(xs, low, high), members: xs.length, items: 1 };
}
