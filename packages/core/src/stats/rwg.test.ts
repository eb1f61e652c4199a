import { describe, expect, it } from 'vitest';
import { RWG_NULL_VARIANCES, rwg, rwgJ, rwgJLindell } from './rwg.js';
import { frozen } from './test-support/freeze.js';

describe('rwg', () => {
  it('is 1 when all members agree', () => {
    expect(rwg([3, 3, 3])).toMatchObject({ value: 1, variance: 0, members: 3 });
  });
  it('is 1 − s²/σ²_E with the uniform null (A² − 1)/12', () => {
    expect(rwg([4, 4, 3, 4, 5]).value).toBeCloseTo(1 - 0.5 / 2, 12);
    expect(rwg([4, 4, 3, 4, 5], { scalePoints: 7 }).value).toBeCloseTo(1 - 0.5 / 4, 12);
  });
  it('caps the observed variance at σ²_E, so it never goes below 0', () => {
    expect(rwg([1, 5, 1, 5]).value).toBe(0);
  });
  it('uses the LeBreton & Senter table and a custom expected variance', () => {
    expect(rwg([4, 4, 4, 5], { nullDistribution: 'heavy' }).value).toBeCloseTo(1 - 0.25 / 0.44, 12);
    expect(rwg([4, 4, 3, 4, 5], { nullDistribution: 'heavy' }).value).toBe(0);
    expect(rwg([4, 4, 3, 4, 5], { scalePoints: 7, nullDistribution: 'slight' })).toMatchObject({
      expectedVariance: 2.9,
    });
    expect(rwg([4, 4, 3, 4, 5], { expectedVariance: 1 }).value).toBeCloseTo(0.5, 12);
  });
  it('drops null ("don\'t know") answers, as multilevel::rwg does per item', () => {
    expect(rwg([4, null, 4, 3, 4, 5, null])).toEqual(rwg([4, 4, 3, 4, 5]));
    expect(rwg([4, null, 4, 3, 4, 5]).members).toBe(5);
  });
  it('is null for one rater and for empty input', () => {
    expect(rwg([4])).toMatchObject({ value: null, reason: 'too-few-raters', variance: null });
    expect(rwg([4, null])).toMatchObject({ value: null, reason: 'too-few-raters' });
    expect(rwg([])).toMatchObject({ value: null, reason: 'empty', members: 0 });
    expect(rwg([null, null])).toMatchObject({ value: null, reason: 'empty' });
  });
  it('rejects bad options and non-finite values', () => {
    expect(() => rwg([1, 2], { scalePoints: 6, nullDistribution: 'slight' })).toThrow(RangeError);
    expect(() => rwg([1, 2], { scalePoints: 1 })).toThrow(RangeError);
    expect(() => rwg([1, 2], { expectedVariance: 0 })).toThrow(RangeError);
    expect(() => rwg([1, Number.NaN])).toThrow(RangeError);
  });
  it('tables the published 5- and 7-point null variances', () => {
    expect(RWG_NULL_VARIANCES[5]).toEqual({
      uniform: 2,
      slight: 1.34,
      moderate: 0.9,
      heavy: 0.44,
      triangular: 1.32,
      normal: 1.04,
    });
    expect(RWG_NULL_VARIANCES[7]).toEqual({
      uniform: 4,
      slight: 2.9,
      moderate: 2.14,
      heavy: 1.39,
      triangular: 2.1,
      normal: 1.4,
    });
  });
});

describe('rwgJ', () => {
  it('is 1 when all members agree on every item', () => {
    expect(
      rwgJ([
        [2, 4, 5],
        [2, 4, 5],
        [2, 4, 5],
      ]).value,
    ).toBe(1);
  });
  it('is J(1 − s̄²/σ²)/(J(1 − s̄²/σ²) + s̄²/σ²); a constant column adds a zero variance', () => {
    // item variances 0 and 1/3 → s̄² = 1/6, ratio 1/12, J = 2 → 22/23
    const result = rwgJ([
      [3, 4],
      [3, 5],
      [3, 4],
    ]);
    expect(result.value).toBeCloseTo(22 / 23, 12);
    expect(result).toMatchObject({ items: 2, members: 3, expectedVariance: 2 });
    expect(result.meanVariance).toBeCloseTo(1 / 6, 12);
  });
  it('equals rwg for a single item', () => {
    expect(rwgJ([[4], [4], [3], [4], [5]]).value).toBeCloseTo(rwg([4, 4, 3, 4, 5]).value ?? -1, 12);
  });
  it('is 0 when the mean item variance reaches σ²_E', () => {
    expect(
      rwgJ([
        [1, 5],
        [5, 1],
        [1, 5],
      ]).value,
    ).toBe(0);
  });
  it('drops members with any null by default (multilevel::rwg.j is listwise)', () => {
    const withMissing = [
      [4, 4],
      [4, 5],
      [3, null],
      [5, 5],
    ];
    const complete = [
      [4, 4],
      [4, 5],
      [5, 5],
    ];
    expect(rwgJ(withMissing)).toEqual(rwgJ(complete));
    expect(rwgJ(withMissing).members).toBe(3);
  });
  it("uses each item's non-null answers with missing: 'item'", () => {
    const result = rwgJ(
      [
        [4, 4],
        [4, 5],
        [3, null],
        [5, 5],
      ],
      { missing: 'item' },
    );
    // item 1: [4, 4, 3, 5] s² = 2/3; item 2: [4, 5, 5] s² = 1/3 → s̄² = 1/2
    expect(result.meanVariance).toBeCloseTo(0.5, 12);
    expect(result).toMatchObject({ members: 4, items: 2 });
    const ratio = 0.5 / 2;
    expect(result.value).toBeCloseTo((2 * (1 - ratio)) / (2 * (1 - ratio) + ratio), 12);
  });
  it("leaves out items with fewer than two answers under missing: 'item'", () => {
    const result = rwgJ(
      [
        [4, null],
        [4, 2],
        [5, null],
      ],
      { missing: 'item' },
    );
    expect(result.items).toBe(1);
    expect(
      rwgJ(
        [
          [4, null],
          [null, 2],
        ],
        { missing: 'item' },
      ),
    ).toMatchObject({
      value: null,
      reason: 'too-few-raters',
    });
  });
  it('is null for one member and for empty input', () => {
    expect(rwgJ([[1, 2, 3]])).toMatchObject({ value: null, reason: 'too-few-raters', members: 1 });
    expect(
      rwgJ([
        [1, 2],
        [null, 3],
      ]),
    ).toMatchObject({ value: null, reason: 'too-few-raters' });
    expect(rwgJ([])).toMatchObject({ value: null, reason: 'empty', meanVariance: null });
    expect(rwgJ([[], []])).toMatchObject({ value: null, reason: 'empty' });
    expect(rwgJ([[null], [null]])).toMatchObject({ value: null, reason: 'empty' });
  });
  it('rejects ragged matrices and unknown missing modes', () => {
    expect(() => rwgJ([[1, 2], [3]])).toThrow(RangeError);
    expect(() => rwgJ([[1], [2]], { missing: 'mean' as 'item' })).toThrow(RangeError);
  });
  it('does not mutate its input', () => {
    const data = frozen([
      [4, 4],
      [4, 5],
      [3, null],
      [5, 5],
    ]);
    expect(() => rwgJ(data, { missing: 'item' })).not.toThrow();
    expect(() => rwgJLindell(data)).not.toThrow();
  });
});

describe('rwgJLindell', () => {
  it('is 1 − s̄²/σ²_E and may be negative', () => {
    expect(
      rwgJLindell([
        [1, 5],
        [5, 1],
      ]).value,
    ).toBeCloseTo(1 - 8 / 2, 12);
    expect(
      rwgJLindell([
        [3, 4],
        [3, 5],
        [3, 4],
      ]).value,
    ).toBeCloseTo(1 - 1 / 6 / 2, 12);
  });
  it('is 1 when all agree and null for one member or empty input', () => {
    expect(
      rwgJLindell([
        [2, 2],
        [2, 2],
      ]).value,
    ).toBe(1);
    expect(rwgJLindell([[2, 2]])).toMatchObject({ value: null, reason: 'too-few-raters' });
    expect(rwgJLindell([])).toMatchObject({ value: null, reason: 'empty' });
  });
});
