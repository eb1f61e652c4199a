import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from './krippendorff.js';
import { frozen } from './test-support/freeze.js';

const levels = ['nominal', 'ordinal', 'interval', 'ratio'] as const;

describe('krippendorffAlpha', () => {
  it('is 1 at every level when coders agree on varied values', () => {
    for (const level of levels) {
      expect(
        krippendorffAlpha(
          [
            [1, 1, 1],
            [2, 2],
            [3, 3, null],
          ],
          { level },
        ),
      ).toMatchObject({
        value: 1,
        observed: 0,
      });
    }
  });
  it("is null 'no-expected-disagreement' when every value is the same (a constant column)", () => {
    expect(
      krippendorffAlpha([
        [4, 4],
        [4, 4, 4],
      ]),
    ).toMatchObject({
      value: null,
      reason: 'no-expected-disagreement',
      expected: 0,
    });
  });
  it('equals 1 − (n − 1)Σo·δ/Σn_c·n_k·δ on a small nominal case', () => {
    // units {a, a}, {a, b}, {b, b}: o_aa = 2, o_ab = o_ba = 1, o_bb = 2; n = 6
    // D_o = 2/6, D_e = 2·3·3/(6·5) = 0.6 → α = 1 − (1/3)/0.6 = 4/9
    expect(
      krippendorffAlpha([
        ['a', 'a'],
        ['a', 'b'],
        ['b', 'b'],
      ]).value,
    ).toBeCloseTo(4 / 9, 12);
  });
  it('agrees across levels when only two distinct values occur (δ² is then constant)', () => {
    const units = [
      [1, 1, 2],
      [2, 2],
      [1, 2],
      [1, 1],
    ];
    const nominal = krippendorffAlpha(units).value ?? Number.NaN;
    expect(krippendorffAlpha(units, { level: 'interval' }).value).toBeCloseTo(nominal, 12);
    expect(krippendorffAlpha(units, { level: 'ordinal' }).value).toBeCloseTo(nominal, 12);
    expect(krippendorffAlpha(units, { level: 'ratio' }).value).toBeCloseTo(nominal, 12);
  });
  it('drops units with fewer than two values', () => {
    const base = [
      [1, 2],
      [2, 2],
      [3, 3, 1],
    ];
    expect(krippendorffAlpha([...base, [5, null, null], []], { level: 'interval' })).toEqual(
      krippendorffAlpha(base, { level: 'interval' }),
    );
  });
  it("is null 'too-few-raters' with a single coder and 'empty' without values", () => {
    expect(krippendorffAlpha([[1], [2], [3]])).toMatchObject({
      value: null,
      reason: 'too-few-raters',
    });
    expect(krippendorffAlpha([])).toMatchObject({ value: null, reason: 'empty', observed: null });
    expect(krippendorffAlpha([[null, null]])).toMatchObject({ value: null, reason: 'empty' });
  });
  it('rejects strings at interval/ratio level, negative ratios and unknown levels', () => {
    expect(() => krippendorffAlpha([['a', 'b']], { level: 'interval' })).toThrow(RangeError);
    expect(() => krippendorffAlpha([[-1, 2]], { level: 'ratio' })).toThrow(RangeError);
    expect(() => krippendorffAlpha([[1, 2]], { level: 'log' as 'ratio' })).toThrow(RangeError);
    expect(() => krippendorffAlpha([[1, Number.POSITIVE_INFINITY]])).toThrow(RangeError);
  });
  it('does not mutate its input', () => {
    expect(() =>
      krippendorffAlpha(
        frozen([
          [3, 1],
          [2, 2],
        ]),
        { level: 'ordinal' },
      ),
    ).not.toThrow();
  });
});
