import { describe, expect, it } from 'vitest';
import { icc1, icc2, shroutFleissIcc } from './icc.js';
import { frozen } from './test-support/freeze.js';

describe('icc1 and icc2', () => {
  it('use the mean group size k̄ = N/G with unequal groups', () => {
    // groups [1, 2, 3] and [4, 6]: MSB = 10.8, MSW = 4/3, k̄ = 2.5
    const groups = [
      [1, 2, 3],
      [4, 6],
    ];
    const one = icc1(groups);
    expect(one.value).toBeCloseTo(28.4 / 38.4, 12);
    expect(one).toMatchObject({ groups: 2, observations: 5, meanGroupSize: 2.5 });
    expect(one.msBetween).toBeCloseTo(10.8, 12);
    expect(one.msWithin).toBeCloseTo(4 / 3, 12);
    expect(icc2(groups).value).toBeCloseTo(28.4 / 32.4, 12);
  });
  it('are 1 when members of each group agree and groups differ', () => {
    expect(
      icc1([
        [1, 1],
        [3, 3],
      ]).value,
    ).toBe(1);
    expect(
      icc2([
        [1, 1],
        [3, 3],
      ]).value,
    ).toBe(1);
  });
  it("are null 'no-variance' when every value is the same", () => {
    expect(
      icc1([
        [2, 2],
        [2, 2],
      ]),
    ).toMatchObject({ value: null, reason: 'no-variance' });
    expect(
      icc2([
        [2, 2],
        [2, 2],
      ]),
    ).toMatchObject({ value: null, reason: 'no-variance' });
  });
  it('icc2 is null when group means coincide (MSB = 0) while icc1 is −1/(k̄ − 1)', () => {
    expect(
      icc2([
        [1, 3],
        [3, 1],
      ]),
    ).toMatchObject({ value: null, reason: 'no-variance' });
    expect(
      icc1([
        [1, 3],
        [3, 1],
      ]).value,
    ).toBeCloseTo(-1, 12);
  });
  it('drop nulls and groups left empty', () => {
    expect(icc1([[1, 2, 3, null], [4, 6], [null]])).toEqual(
      icc1([
        [1, 2, 3],
        [4, 6],
      ]),
    );
  });
  it('are null for one group, singleton groups and empty input', () => {
    expect(icc1([[1, 2, 3]])).toMatchObject({ value: null, reason: 'too-few-groups' });
    expect(icc2([[1], [2], [3]])).toMatchObject({ value: null, reason: 'too-few-raters' });
    expect(icc1([])).toMatchObject({ value: null, reason: 'empty', meanGroupSize: null });
    expect(icc2([[null], []])).toMatchObject({ value: null, reason: 'empty' });
  });
  it('do not mutate their input', () => {
    expect(() =>
      icc1(
        frozen([
          [3, 1, 2],
          [5, 4],
        ]),
      ),
    ).not.toThrow();
  });
});

describe('shroutFleissIcc', () => {
  const forms = ['ICC1', 'ICC2', 'ICC3', 'ICC1k', 'ICC2k', 'ICC3k'] as const;
  it('gives 1 for every form when judges agree on every target', () => {
    const result = shroutFleissIcc([
      [1, 1, 1],
      [3, 3, 3],
      [4, 4, 4],
    ]);
    for (const f of forms) expect(result[f].value).toBeCloseTo(1, 12);
  });
  it('ICC3 ignores a judge offset that ICC1 and ICC2 penalise', () => {
    const result = shroutFleissIcc([
      [1, 3],
      [2, 4],
      [3, 5],
    ]);
    expect(result.ICC3.value).toBeCloseTo(1, 12);
    expect(result.ICC3k.value).toBeCloseTo(1, 12);
    expect(result.ICC1.value ?? 1).toBeLessThan(1);
    expect(result.ICC2.value ?? 1).toBeLessThan(1);
    expect(result.msError).toBeCloseTo(0, 12);
  });
  it('handles a constant column (one judge gives every target the same score)', () => {
    const result = shroutFleissIcc([
      [1, 5, 2],
      [2, 5, 3],
      [3, 5, 3],
      [4, 5, 5],
    ]);
    for (const f of forms) expect(Number.isFinite(result[f].value)).toBe(true);
  });
  it("is null 'no-variance' for a constant matrix", () => {
    const result = shroutFleissIcc([
      [2, 2],
      [2, 2],
      [2, 2],
    ]);
    for (const f of forms) expect(result[f]).toEqual({ value: null, reason: 'no-variance' });
  });
  it('drops targets with a null (psych default)', () => {
    const data = [
      [9, 2, 5],
      [6, 1, 3],
      [8, null, 6],
      [7, 1, 2],
      [10, 5, 6],
    ];
    expect(shroutFleissIcc(data)).toEqual(shroutFleissIcc(data.filter((r) => !r.includes(null))));
  });
  it('is null for one judge, one target and empty input', () => {
    expect(shroutFleissIcc([[1], [2], [3]]).ICC2).toEqual({
      value: null,
      reason: 'too-few-raters',
    });
    expect(shroutFleissIcc([[1, 2, 3]]).ICC1).toEqual({ value: null, reason: 'too-few-units' });
    expect(shroutFleissIcc([]).ICC3k).toEqual({ value: null, reason: 'empty' });
    expect(shroutFleissIcc([[null, 1]]).ICC3).toEqual({ value: null, reason: 'empty' });
  });
  it('rejects ragged input and does not mutate', () => {
    expect(() => shroutFleissIcc([[1, 2], [3]])).toThrow(RangeError);
    expect(() =>
      shroutFleissIcc(
        frozen([
          [1, 2],
          [3, 5],
        ]),
      ),
    ).not.toThrow();
  });
});
