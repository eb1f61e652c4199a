import { describe, expect, it } from 'vitest';
import { frozen } from './test-support/freeze.js';
import { unitizedAlpha, unitizingDistance, type UnitizingSection } from './unitizing.js';

const s = (offset: number, length: number, category: string | null): UnitizingSection => ({
  offset,
  length,
  category,
});

describe('unitizingDistance', () => {
  // Cases from DKPro Statistics' Krippendorff2004Test (Krippendorff 2004, p. 253).
  it.each([
    [s(5, 6, 'X'), s(4, 2, 'X'), 26],
    [s(5, 6, 'X'), s(5, 2, 'X'), 16],
    [s(5, 6, 'X'), s(6, 2, 'X'), 10],
    [s(5, 6, 'X'), s(7, 2, 'X'), 8],
    [s(5, 6, 'X'), s(6, 4, 'X'), 2],
    [s(5, 6, 'X'), s(5, 6, 'X'), 0],
    [s(400, 50, null), s(400, 20, 'c'), 400],
  ])('δ(%o, %o) = %i', (a, b, d) => {
    expect(unitizingDistance(a, b)).toBe(d);
  });
  it('charges a segment inside a gap its squared length, and nothing otherwise', () => {
    expect(
      unitizingDistance(s(2, 3, null), s(2, 2, 'X')) +
        unitizingDistance(s(5, 6, 'X'), s(4, 7, null)),
    ).toBe(40);
    expect(
      unitizingDistance(s(3, 2, null), s(3, 2, 'X')) +
        unitizingDistance(s(5, 6, 'X'), s(5, 6, null)),
    ).toBe(40);
    expect(unitizingDistance(s(0, 5, null), s(3, 4, 'X'))).toBe(0);
    expect(unitizingDistance(s(0, 5, null), s(7, 4, null))).toBe(0);
  });
});

describe('unitizedAlpha', () => {
  const continuum = { begin: 0, length: 100 };
  const seg = (offset: number, length: number, category: string) => ({ offset, length, category });

  it('is 1 overall and per category when coders segment identically', () => {
    const coder = [seg(10, 20, 'a'), seg(40, 10, 'b'), seg(70, 5, 'a')];
    const result = unitizedAlpha({ continuum, coders: [coder, coder, coder] });
    expect(result).toMatchObject({ value: 1, observed: 0, coders: 3 });
    expect(result.categories.map((c) => [c.category, c.value, c.segments])).toEqual([
      ['a', 1, 6],
      ['b', 1, 3],
    ]);
  });
  it('falls when boundaries differ and is symmetric in the coders', () => {
    const a = [seg(10, 20, 'a')];
    const b = [seg(12, 20, 'a')];
    const ab = unitizedAlpha({ continuum, coders: [a, b] });
    expect(ab.value).not.toBeNull();
    expect(ab.value ?? 1).toBeLessThan(1);
    // D_O = 2·(2² + 2²)/(2·1·100²)
    expect(ab.observed).toBeCloseTo(8 / 10000, 15);
    expect(unitizedAlpha({ continuum, coders: [b, a] }).value).toBeCloseTo(
      ab.value ?? Number.NaN,
      12,
    );
  });
  it('counts a coder without segments', () => {
    const result = unitizedAlpha({ continuum, coders: [[seg(10, 20, 'a')], []] });
    // the segment lies in the other coder's gap: δ = 20²
    expect(result.observed).toBeCloseTo((2 * 400) / (2 * 100 * 100), 15);
    expect(result.coders).toBe(2);
  });
  it("is null 'too-few-raters' with one coder and 'empty' without segments", () => {
    expect(unitizedAlpha({ continuum, coders: [[seg(1, 2, 'a')]] })).toMatchObject({
      value: null,
      reason: 'too-few-raters',
      categories: [],
    });
    expect(unitizedAlpha({ continuum, coders: [[], []] })).toMatchObject({
      value: null,
      reason: 'empty',
    });
    expect(unitizedAlpha({ continuum, coders: [] })).toMatchObject({
      value: null,
      reason: 'empty',
    });
  });
  it('sorts segments itself and does not mutate its input', () => {
    const sorted = [seg(10, 5, 'a'), seg(40, 10, 'a')];
    const study = frozen({
      continuum,
      coders: [[...sorted].reverse(), [seg(11, 5, 'a'), seg(40, 9, 'a')]],
    });
    expect(unitizedAlpha(study)).toEqual(
      unitizedAlpha({ continuum, coders: [sorted, [seg(11, 5, 'a'), seg(40, 9, 'a')]] }),
    );
  });
  it('rejects overlapping same-category segments, segments outside the continuum, fractions', () => {
    expect(() =>
      unitizedAlpha({ continuum, coders: [[seg(1, 5, 'a'), seg(3, 5, 'a')], []] }),
    ).toThrow(RangeError);
    expect(() => unitizedAlpha({ continuum, coders: [[seg(95, 10, 'a')], []] })).toThrow(
      RangeError,
    );
    expect(() => unitizedAlpha({ continuum, coders: [[seg(1.5, 2, 'a')], []] })).toThrow(
      RangeError,
    );
    expect(() => unitizedAlpha({ continuum: { begin: 0, length: 0 }, coders: [] })).toThrow(
      RangeError,
    );
  });
  it('allows segments of different categories to overlap', () => {
    const coder = [seg(10, 20, 'a'), seg(15, 10, 'b')];
    expect(unitizedAlpha({ continuum, coders: [coder, coder] }).value).toBe(1);
  });
});
