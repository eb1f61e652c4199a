import { assertCategory, compareCategories, defined, undefinedBecause } from './internal.js';
import type { Category, Estimate } from './result.js';

/** A segment a coder identified: integer offset and length on the continuum, and its category. */
export interface UnitizedSegment {
  readonly offset: number;
  readonly length: number;
  readonly category: Category;
}

/** A section of one coder's continuum: a segment, or a gap (`category: null`). */
export interface UnitizingSection {
  readonly offset: number;
  readonly length: number;
  readonly category: Category | null;
}

/** A unitizing study: the continuum [begin, begin + length) and each coder's segments. */
export interface UnitizingStudy {
  readonly continuum: { readonly begin: number; readonly length: number };
  /** One array per coder (a coder with no segments still counts); segments of one category by one coder must not overlap. */
  readonly coders: readonly (readonly UnitizedSegment[])[];
}

/** α_U for one category, with its observed and expected disagreement. */
export type UnitizedCategoryAlpha = Estimate & {
  readonly category: Category;
  /** Segments of this category over all coders. */
  readonly segments: number;
  /** Observed disagreement _cD_O. */
  readonly observed: number;
  /** Expected disagreement _cD_E. */
  readonly expected: number;
};

/** Result of unitizedAlpha. */
export type UnitizedAlphaResult = Estimate & {
  /** Coders m. */
  readonly coders: number;
  /** D_O, the mean of the category D_O, or null with no segments or fewer than two coders. */
  readonly observed: number | null;
  /** D_E, the mean of the category D_E, or null with no segments or fewer than two coders. */
  readonly expected: number | null;
  /** Per-category α_U, sorted by category. */
  readonly categories: readonly UnitizedCategoryAlpha[];
};

/**
 * The α_U distance between two overlapping sections of two coders: begin² + end² differences when
 * both are segments that overlap, length² when a segment lies inside the other coder's gap, else 0
 * (Krippendorff 1995; as DKPro Statistics' KrippendorffAlphaUnitizingAgreement.measureDistance).
 */
export function unitizingDistance(a: UnitizingSection, b: UnitizingSection): number {
  const beginDiff = a.offset - b.offset;
  const lengthDiff = a.length - b.length;
  if (a.category !== null && b.category !== null && -a.length < beginDiff && beginDiff < b.length) {
    return beginDiff * beginDiff + (beginDiff + lengthDiff) * (beginDiff + lengthDiff);
  }
  if (a.category !== null && b.category === null && -lengthDiff >= beginDiff && beginDiff >= 0) {
    return a.length * a.length;
  }
  if (a.category === null && b.category !== null && -lengthDiff <= beginDiff && beginDiff <= 0) {
    return b.length * b.length;
  }
  return 0;
}

type Run = readonly UnitizedSegment[];

/** One coder's position in the sweep: the current section and the index of the next segment. */
interface Cursor {
  readonly units: Run;
  next: number;
  section: UnitizingSection;
}

/** Moves a cursor that has reached the end of its section on to the next segment or gap at pos. */
function advance(c: Cursor, pos: number, end: number): void {
  if (pos !== c.section.offset + c.section.length) return;
  const next = c.units[c.next];
  if (next !== undefined && pos === next.offset) {
    c.section = next;
    c.next++;
  } else {
    c.section = { offset: pos, length: (next?.offset ?? end) - pos, category: null };
  }
}

function observedCategory(runs: readonly Run[], begin: number, length: number): number {
  const end = begin + length;
  const r = runs.length;
  let sum = 0;
  for (let r1 = 0; r1 < r; r1++) {
    for (let r2 = r1 + 1; r2 < r; r2++) {
      const start = (units: Run): Cursor => ({
        units,
        next: 0,
        section: { offset: begin, length: 0, category: null },
      });
      const a = start(runs[r1] ?? []);
      const b = start(runs[r2] ?? []);
      // Sweep both coders' sections together, scoring each pair of sections that meet (DKPro's loop).
      let pos = begin;
      while (pos < end && (a.next < a.units.length || b.next < b.units.length)) {
        advance(a, pos, end);
        advance(b, pos, end);
        sum += unitizingDistance(a.section, b.section);
        pos = Math.min(a.section.offset + a.section.length, b.section.offset + b.section.length);
      }
    }
  }
  return (2 * sum) / (r * (r - 1) * length * length);
}

function expectedCategory(runs: readonly Run[], begin: number, length: number): number {
  const end = begin + length;
  const r = runs.length;
  const units = runs.flat();
  const count = units.length;
  let squaredLengths = 0;
  for (const u of units) squaredLengths += u.length * (u.length - 1);
  const gaps: number[] = [];
  for (const run of runs) {
    let pos = begin;
    for (const u of run) {
      if (u.offset > pos) gaps.push(u.offset - pos);
      pos = u.offset + u.length;
    }
    if (end > pos) gaps.push(end - pos);
  }
  let sum = 0;
  for (const u of units) {
    const l = u.length;
    let fits = 0;
    for (const g of gaps) if (g >= l) fits += g - l + 1;
    sum += ((count - 1) * (2 * l * l * l - 3 * l * l + l)) / 3 + l * l * fits;
  }
  return ((2 / length) * sum) / (r * length * (r * length - 1) - squaredLengths);
}

function ratio(observed: number, expected: number): Estimate {
  return expected === 0
    ? undefinedBecause('no-expected-disagreement')
    : defined(1 - observed / expected);
}

function assertInteger(x: unknown, what: string): asserts x is number {
  if (typeof x !== 'number' || !Number.isInteger(x)) {
    throw new RangeError(`unitizedAlpha: ${what} must be an integer, got ${String(x)}`);
  }
}

/**
 * Krippendorff's α_U = 1 − D_O/D_E for segments whose boundaries differ between coders, per
 * category and overall (D_O, D_E the means over categories) (Krippendorff 1995, 2004 p. 251–256;
 * as DKPro Statistics' KrippendorffAlphaUnitizingAgreement). D_E = 0 → null
 * 'no-expected-disagreement'; fewer than two coders → null 'too-few-raters'; no segments → 'empty'.
 */
export function unitizedAlpha(study: UnitizingStudy): UnitizedAlphaResult {
  const { begin, length } = study.continuum;
  assertInteger(begin, 'continuum begin');
  assertInteger(length, 'continuum length');
  if (length <= 0) throw new RangeError('unitizedAlpha: continuum length must be > 0');
  const end = begin + length;
  const coders = study.coders.length;
  const categorySet = new Set<Category>();
  for (const segments of study.coders) {
    for (const s of segments) {
      assertInteger(s.offset, 'segment offset');
      assertInteger(s.length, 'segment length');
      assertCategory(s.category, 'unitizedAlpha');
      if (s.length < 0 || s.offset < begin || s.offset + s.length > end) {
        throw new RangeError(
          `unitizedAlpha: segment [${s.offset}, ${s.offset + s.length}) lies outside the continuum [${begin}, ${end})`,
        );
      }
      categorySet.add(s.category);
    }
  }
  const categoryList = [...categorySet].sort(compareCategories);
  if (categoryList.length === 0 || coders < 2) {
    return {
      ...undefinedBecause(categoryList.length === 0 ? 'empty' : 'too-few-raters'),
      coders,
      observed: null,
      expected: null,
      categories: [],
    };
  }
  const categories = categoryList.map((category): UnitizedCategoryAlpha => {
    const runs = study.coders.map((segments) => {
      const run = segments
        .filter((s) => s.category === category)
        .sort((a, b) => a.offset - b.offset || a.length - b.length);
      run.forEach((s, i) => {
        const prev = run[i - 1];
        if (prev !== undefined && s.offset < prev.offset + prev.length) {
          throw new RangeError(
            `unitizedAlpha: one coder's '${String(category)}' segments overlap at ${s.offset}`,
          );
        }
      });
      return run;
    });
    const observed = observedCategory(runs, begin, length);
    const expected = expectedCategory(runs, begin, length);
    return {
      ...ratio(observed, expected),
      category,
      segments: runs.reduce((s, run) => s + run.length, 0),
      observed,
      expected,
    };
  });
  const observed = categories.reduce((s, c) => s + c.observed, 0) / categories.length;
  const expected = categories.reduce((s, c) => s + c.expected, 0) / categories.length;
  return { ...ratio(observed, expected), coders, observed, expected, categories };
}
