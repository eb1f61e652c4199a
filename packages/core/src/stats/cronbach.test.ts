import { describe, expect, it } from 'vitest';
import { cronbachAlpha } from './cronbach.js';
import { frozen } from './test-support/freeze.js';

describe('cronbachAlpha', () => {
  it('is 1 when every respondent answers all items alike (items agree)', () => {
    expect(
      cronbachAlpha([
        [1, 1],
        [2, 2],
        [3, 3],
      ]).value,
    ).toBeCloseTo(1, 12);
  });
  it('is k/(k − 1)·(1 − Σσ²_i/σ²_total)', () => {
    // item variances 1 and 1/3; totals [3, 4, 6] variance 7/3
    const value = cronbachAlpha([
      [1, 2],
      [2, 2],
      [3, 3],
    ]).value;
    expect(value).toBeCloseTo(2 * (1 - (1 + 1 / 3) / (7 / 3)), 12);
  });
  it('handles a constant column', () => {
    // the constant item adds no variance: α = 3/2·(1 − 2/4)
    expect(
      cronbachAlpha([
        [1, 1, 4],
        [2, 2, 4],
        [3, 3, 4],
      ]).value,
    ).toBeCloseTo(0.75, 12);
  });
  it("is null 'no-variance' when every total is the same", () => {
    expect(
      cronbachAlpha([
        [1, 3],
        [2, 2],
        [3, 1],
      ]),
    ).toMatchObject({ value: null, reason: 'no-variance' });
  });
  it('drops respondents with a null (listwise)', () => {
    expect(
      cronbachAlpha([
        [1, 2],
        [2, null],
        [2, 2],
        [3, 3],
      ]),
    ).toEqual(
      cronbachAlpha([
        [1, 2],
        [2, 2],
        [3, 3],
      ]),
    );
  });
  it('is null for one item, one respondent and empty input', () => {
    expect(cronbachAlpha([[1], [2]])).toMatchObject({ value: null, reason: 'too-few-items' });
    expect(cronbachAlpha([[1, 2]])).toMatchObject({ value: null, reason: 'too-few-units' });
    expect(cronbachAlpha([])).toMatchObject({ value: null, reason: 'empty' });
    expect(cronbachAlpha([[null, 2]])).toMatchObject({ value: null, reason: 'empty' });
  });
  it('does not mutate its input', () => {
    expect(() =>
      cronbachAlpha(
        frozen([
          [1, 2],
          [2, 2],
          [3, 3],
        ]),
      ),
    ).not.toThrow();
  });
});
