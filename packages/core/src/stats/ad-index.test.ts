import { describe, expect, it } from 'vitest';
import { adIndex } from './ad-index.js';
import { frozen } from './test-support/freeze.js';

describe('adIndex', () => {
  it('is 0 when all members agree', () => {
    expect(adIndex([4, 4, 4]).value).toBe(0);
  });
  it('is the mean absolute deviation from the mean or the median', () => {
    expect(adIndex([1, 2, 6]).value).toBeCloseTo(2, 12);
    expect(adIndex([1, 2, 6], { center: 'median' }).value).toBeCloseTo(5 / 3, 12);
    expect(adIndex([1, 2, 4, 6], { center: 'median' }).value).toBeCloseTo((2 + 1 + 1 + 3) / 4, 12);
  });
  it('averages over items for AD_M(J), with a constant column contributing 0', () => {
    const result = adIndex([
      [1, 3],
      [2, 3],
      [6, 3],
    ]);
    expect(result.value).toBeCloseTo(1, 12);
    expect(result).toMatchObject({ members: 3, items: 2 });
  });
  it('drops nulls from one item, and rows with a null from a matrix (as multilevel::ad.m)', () => {
    expect(adIndex([1, null, 2, 6])).toEqual(adIndex([1, 2, 6]));
    expect(
      adIndex([
        [1, 1],
        [2, null],
        [3, 3],
      ]),
    ).toEqual(
      adIndex([
        [1, 1],
        [3, 3],
      ]),
    );
  });
  it('is null for one member and for empty input', () => {
    expect(adIndex([2])).toMatchObject({ value: null, reason: 'too-few-raters' });
    expect(adIndex([])).toMatchObject({ value: null, reason: 'empty' });
    expect(adIndex([[2, 3]])).toMatchObject({ value: null, reason: 'too-few-raters' });
    expect(adIndex([[null]])).toMatchObject({ value: null, reason: 'empty' });
  });
  it('rejects unknown centres and does not mutate', () => {
    expect(() => adIndex([1, 2], { center: 'mode' as 'mean' })).toThrow(RangeError);
    expect(() => adIndex(frozen([3, 1, 2]), { center: 'median' })).not.toThrow();
  });
});
