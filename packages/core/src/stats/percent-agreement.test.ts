import { describe, expect, it } from 'vitest';
import { percentAgreement } from './percent-agreement.js';
import { frozen } from './test-support/freeze.js';

describe('percentAgreement', () => {
  it('is the share of subjects on which all raters agree', () => {
    expect(
      percentAgreement([
        [1, 1, 1],
        [2, 2, 3],
        [4, 4, 4],
        [1, 2, 1],
      ]),
    ).toMatchObject({
      value: 0.5,
      subjects: 4,
      raters: 3,
      agreements: 2,
    });
  });
  it('is 1 when all raters agree, also on a single category', () => {
    expect(
      percentAgreement([
        ['a', 'a'],
        ['a', 'a'],
      ]).value,
    ).toBe(1);
  });
  it('accepts numeric codes within the tolerance, as irr::agree', () => {
    expect(
      percentAgreement(
        [
          [1, 2],
          [3, 5],
        ],
        { tolerance: 1 },
      ).value,
    ).toBe(0.5);
  });
  it('drops subjects with a null', () => {
    expect(
      percentAgreement([
        [1, 1],
        [1, null],
        [2, 3],
      ]).value,
    ).toBe(0.5);
  });
  it('is null for one rater and for empty input', () => {
    expect(percentAgreement([[1], [2]])).toMatchObject({ value: null, reason: 'too-few-raters' });
    expect(percentAgreement([])).toMatchObject({ value: null, reason: 'empty' });
    expect(percentAgreement([[null, 1]])).toMatchObject({ value: null, reason: 'empty' });
  });
  it('rejects ragged input and negative tolerance; does not mutate', () => {
    expect(() => percentAgreement([[1, 2], [1]])).toThrow(RangeError);
    expect(() => percentAgreement([[1, 2]], { tolerance: -1 })).toThrow(RangeError);
    expect(() =>
      percentAgreement(
        frozen([
          [1, 2],
          [2, 2],
        ]),
      ),
    ).not.toThrow();
  });
});
