import { describe, expect, it } from 'vitest';
import { cohenKappa, fleissKappa } from './kappa.js';
import { frozen } from './test-support/freeze.js';

describe('cohenKappa', () => {
  it('is 1 when the raters agree and use more than one category', () => {
    expect(
      cohenKappa([
        [1, 2, 3],
        [1, 2, 3],
      ]).value,
    ).toBe(1);
    expect(
      cohenKappa(
        [
          ['a', 'b'],
          ['a', 'b'],
        ],
        { weights: 'quadratic' },
      ).value,
    ).toBe(1);
  });
  it("is null 'no-expected-disagreement' when both raters use one and the same category", () => {
    const result = cohenKappa([
      [2, 2, 2],
      [2, 2, 2],
    ]);
    expect(result).toMatchObject({ value: null, reason: 'no-expected-disagreement' });
    expect(result.observedAgreement).toBe(1);
  });
  it('is 0 when one rater is constant (a constant column)', () => {
    expect(
      cohenKappa([
        [1, 1, 1, 1],
        [1, 2, 1, 2],
      ]).value,
    ).toBeCloseTo(0, 12);
  });
  it('weights by rank among the categories seen, as irr::kappa2', () => {
    // codes 1, 2, 10 are ranks 0, 1, 2: the same as a table over three ordered categories
    const a = [1, 2, 10, 10, 1];
    const b = [1, 10, 2, 10, 2];
    const table = [
      [1, 1, 0],
      [0, 0, 1],
      [0, 1, 1],
    ];
    for (const weights of ['unweighted', 'linear', 'quadratic'] as const) {
      expect(cohenKappa([a, b], { weights }).value).toBeCloseTo(
        cohenKappa({ table }, { weights }).value ?? Number.NaN,
        12,
      );
    }
    expect(cohenKappa([a, b]).categories).toEqual([1, 2, 10]);
  });
  it('reduces to unweighted κ when only two categories are seen, whatever their codes', () => {
    const data = [
      [1, 5, 5, 1, 5],
      [1, 5, 1, 1, 5],
    ] as const;
    expect(cohenKappa(data, { weights: 'linear' }).value).toBeCloseTo(
      cohenKappa(data).value ?? Number.NaN,
      12,
    );
  });
  it('drops pairs with a null', () => {
    expect(
      cohenKappa([
        [1, 2, null, 2],
        [1, 2, 1, null],
      ]),
    ).toEqual(
      cohenKappa([
        [1, 2],
        [1, 2],
      ]),
    );
  });
  it('is null for empty input', () => {
    expect(cohenKappa([[], []])).toMatchObject({ value: null, reason: 'empty', subjects: 0 });
    expect(
      cohenKappa([
        [null, 1],
        [2, null],
      ]),
    ).toMatchObject({ value: null, reason: 'empty' });
    expect(
      cohenKappa({
        table: [
          [0, 0],
          [0, 0],
        ],
      }),
    ).toMatchObject({ value: null, reason: 'empty' });
  });
  it('rejects mismatched raters, bad tables and bad weights; does not mutate', () => {
    expect(() => cohenKappa([[1, 2], [1]])).toThrow(RangeError);
    expect(() => cohenKappa({ table: [[1, 2]] })).toThrow(RangeError);
    expect(() =>
      cohenKappa({
        table: [
          [1, -2],
          [0, 1],
        ],
      }),
    ).toThrow(RangeError);
    expect(() => cohenKappa([[1], [1]], { weights: 'cubic' as 'linear' })).toThrow(RangeError);
    expect(() =>
      cohenKappa(
        frozen([
          [3, 1, 2],
          [1, 2, 3],
        ] as const),
      ),
    ).not.toThrow();
  });
});

describe('fleissKappa', () => {
  it('is 1 when all raters agree on each subject and subjects differ', () => {
    expect(
      fleissKappa([
        [1, 1, 1],
        [2, 2, 2],
      ]).value,
    ).toBe(1);
  });
  it("is null 'no-expected-disagreement' when every rating is the same category", () => {
    expect(
      fleissKappa([
        ['x', 'x'],
        ['x', 'x'],
      ]),
    ).toMatchObject({
      value: null,
      reason: 'no-expected-disagreement',
    });
  });
  it('handles a constant column (one rater always says the same)', () => {
    // P̄ = (1/3 + 1/3)/2, p = (4/6, 2/6) → P̄e = 5/9 → κ = (1/3 − 5/9)/(4/9) = −1/2
    expect(
      fleissKappa([
        [1, 1, 2],
        [1, 2, 1],
      ]).value,
    ).toBeCloseTo(-0.5, 12);
  });
  it('drops subjects with a null (as irr::kappam.fleiss)', () => {
    expect(
      fleissKappa([
        [1, 1, 2],
        [1, null, 1],
        [1, 2, 1],
      ]),
    ).toEqual(
      fleissKappa([
        [1, 1, 2],
        [1, 2, 1],
      ]),
    );
  });
  it('is null for one rater and for empty input', () => {
    expect(fleissKappa([[1], [2]])).toMatchObject({ value: null, reason: 'too-few-raters' });
    expect(fleissKappa([])).toMatchObject({ value: null, reason: 'empty' });
    expect(fleissKappa([[1, null]])).toMatchObject({ value: null, reason: 'empty' });
  });
  it('rejects ragged input and does not mutate', () => {
    expect(() => fleissKappa([[1, 2], [1]])).toThrow(RangeError);
    expect(() =>
      fleissKappa(
        frozen([
          [1, 2],
          [2, 2],
        ]),
      ),
    ).not.toThrow();
  });
});
