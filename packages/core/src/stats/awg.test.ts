import { describe, expect, it } from 'vitest';
import { awg } from './awg.js';
import { frozen } from './test-support/freeze.js';

describe('awg', () => {
  it('is 1 when all members agree away from the scale ends', () => {
    expect(awg([3, 3, 3]).value).toBe(1);
  });
  it('is 1 when every member picks a scale end (mean at L or H), as multilevel::awg', () => {
    expect(awg([5, 5, 5]).value).toBe(1);
    expect(awg([1, 1]).value).toBe(1);
  });
  it('is −1 at maximum disagreement', () => {
    expect(awg([1, 5]).value).toBeCloseTo(-1, 12);
  });
  it('follows 1 − 2s²/{[(H + L)M − M² − HL]·k/(k − 1)}', () => {
    // M = 3.25, s² = 0.25, k = 4: max variance (6·3.25 − 3.25² − 5)·4/3
    const max = (6 * 3.25 - 3.25 * 3.25 - 5) * (4 / 3);
    expect(awg([3, 3, 3, 4]).value).toBeCloseTo(1 - (2 * 0.25) / max, 12);
  });
  it("is null 'mean-out-of-range' when the mean is too close to a scale end", () => {
    expect(awg([4, 4, 4])).toMatchObject({ value: null, reason: 'mean-out-of-range' });
    expect(awg([1, 1, 2, 3])).toMatchObject({ value: null, reason: 'mean-out-of-range' });
  });
  it('honours the range option', () => {
    expect(awg([4, 4, 4], { range: [1, 7] }).value).toBe(1);
  });
  it('averages the defined item values of a members × items matrix, listwise', () => {
    const m = [
      [3, 4, 2],
      [3, 4, 3],
      [4, 4, 3],
      [null, 1, 1],
    ];
    const items = [awg([3, 3, 4]).value, awg([4, 4, 4]).value, awg([2, 3, 3]).value];
    expect(items[1]).toBeNull();
    const result = awg(m);
    expect(result.value).toBeCloseTo(((items[0] ?? 0) + (items[2] ?? 0)) / 2, 12);
    expect(result).toMatchObject({ members: 3, items: 3 });
  });
  it('is null for one member and for empty input', () => {
    expect(awg([3])).toMatchObject({ value: null, reason: 'too-few-raters' });
    expect(awg([3, null])).toMatchObject({ value: null, reason: 'too-few-raters' });
    expect(awg([])).toMatchObject({ value: null, reason: 'empty' });
    expect(awg([[3, 3]])).toMatchObject({ value: null, reason: 'too-few-raters' });
    expect(awg([[null, 3]])).toMatchObject({ value: null, reason: 'empty' });
    expect(
      awg([
        [4, 4],
        [4, 4],
        [4, 4],
      ]),
    ).toMatchObject({ value: null, reason: 'mean-out-of-range' });
  });
  it('rejects values outside the range and bad ranges, and does not mutate', () => {
    expect(() => awg([0, 3])).toThrow(RangeError);
    expect(() => awg([3, 3], { range: [5, 1] })).toThrow(RangeError);
    expect(() =>
      awg(
        frozen([
          [3, 2],
          [2, 3],
        ]),
      ),
    ).not.toThrow();
  });
});
