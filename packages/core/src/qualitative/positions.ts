/**
 * Text positions. Weframe stores every position in a source as a Unicode code point offset
 * into its `\n`-normalised plain text; JavaScript strings index UTF-16 code units. The two
 * differ after every astral character (emoji, many CJK extension characters), so both units
 * are branded and converted explicitly, at the edges only.
 *
 * A lone surrogate counts as one code point, as in `codePointLength` of the document module,
 * so that these conversions agree with what `restore` checks.
 */

/** An offset counted in Unicode code points (what Weframe stores). */
export type CodePoint = number & { readonly __unit: 'CodePoint' };
/** An offset counted in UTF-16 code units (what JavaScript's string methods use). */
export type Utf16 = number & { readonly __unit: 'Utf16' };

/** Brands a number as a code point offset. */
export const asCodePoint = (offset: number): CodePoint => offset as CodePoint;
/** Brands a number as a UTF-16 offset. */
export const asUtf16 = (offset: number): Utf16 => offset as Utf16;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function checkOffset(offset: number, length: number, unit: string): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > length)
    throw new RangeError(`${unit} offset ${offset} is outside the text (0 to ${length})`);
}

/**
 * The UTF-16 offset of a code point offset, by one linear scan; for many conversions on
 * one text build {@link textPositions} once instead.
 */
export function codePointToUtf16(text: string, offset: CodePoint): Utf16 {
  if (!Number.isInteger(offset) || offset < 0)
    throw new RangeError(`code point offset ${offset} is not a whole number from 0`);
  let cp = 0;
  let i = 0;
  while (cp < offset && i < text.length) {
    i += isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
    cp++;
  }
  if (cp < offset) throw new RangeError(`code point offset ${offset} is past the text (${cp})`);
  return i as Utf16;
}

/**
 * The code point offset of a UTF-16 offset: the number of code points in
 * `text.slice(0, offset)`, so an offset inside a surrogate pair counts its first half.
 */
export function utf16ToCodePoint(text: string, offset: Utf16): CodePoint {
  checkOffset(offset, text.length, 'UTF-16');
  let cp = 0;
  for (let i = 0; i < offset; i++) {
    if (isHigh(text.charCodeAt(i)) && i + 1 < offset && isLow(text.charCodeAt(i + 1))) i++;
    cp++;
  }
  return cp as CodePoint;
}

/** Conversions between the two units on one text, each in O(log k) for k astral characters. */
export interface TextPositions {
  /** Length of the text in code points. */
  readonly codePointLength: CodePoint;
  /** Length of the text in UTF-16 code units (`text.length`). */
  readonly utf16Length: Utf16;
  /** The UTF-16 offset of a code point offset. */
  toUtf16(offset: CodePoint): Utf16;
  /** The code point offset of a UTF-16 offset (see {@link utf16ToCodePoint}). */
  toCodePoint(offset: Utf16): CodePoint;
  /** The text between two code point offsets, end exclusive. */
  slice(start: CodePoint, end: CodePoint): string;
}

/** Number of sorted values ≤ x (binary search). */
function countAtMost(sorted: Uint32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of sorted values < x (binary search). */
function countBelow(sorted: Uint32Array, x: number): number {
  return x <= 0 ? 0 : countAtMost(sorted, x - 1);
}

/**
 * A position table for one text: the code point index and UTF-16 index of each surrogate
 * pair, from one linear scan. A text without pairs converts by identity.
 */
export function textPositions(text: string): TextPositions {
  const pairsCp: number[] = [];
  const pairsU16: number[] = [];
  let cp = 0;
  for (let i = 0; i < text.length; i++, cp++) {
    if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) {
      pairsCp.push(cp);
      pairsU16.push(i);
      i++;
    }
  }
  const atCp = Uint32Array.from(pairsCp);
  const atU16 = Uint32Array.from(pairsU16);
  const codePointLength = cp as CodePoint;
  const utf16Length = text.length as Utf16;
  const toUtf16 = (offset: CodePoint): Utf16 => {
    checkOffset(offset, codePointLength, 'code point');
    // Every pair that starts before this code point adds one extra UTF-16 unit.
    return (offset + countBelow(atCp, offset)) as Utf16;
  };
  const toCodePoint = (offset: Utf16): CodePoint => {
    checkOffset(offset, utf16Length, 'UTF-16');
    // Pairs wholly inside the prefix (start ≤ offset − 2) count one code point for two units.
    return (offset - countAtMost(atU16, offset - 2)) as CodePoint;
  };
  return {
    codePointLength,
    utf16Length,
    toUtf16,
    toCodePoint,
    slice: (start, end) => text.slice(toUtf16(start), toUtf16(end)),
  };
}

/** Maps positions between a text and its `\n`-normalised form, both in code points. */
export interface LineEndingMap {
  /** How many characters normalising removed (the `\r` of each `\r\n`). */
  readonly removed: number;
  /** The position in the normalised text of a position in the original one. */
  toNormalised(offset: CodePoint): CodePoint;
  /** The position in the original text of a position in the normalised one. */
  toOriginal(offset: CodePoint): CodePoint;
}

/**
 * Normalises line endings to `\n` (`\r\n` and a lone `\r` each become one `\n`) and returns
 * a map of code point positions both ways. A position between the `\r` and the `\n` of a
 * pair maps to the start of the resulting `\n`; `toOriginal` maps to before the `\r`.
 */
export function normaliseLineEndings(text: string): { text: string; map: LineEndingMap } {
  const removedAt: number[] = [];
  let cp = 0;
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++, cp++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      out += text.slice(from, i);
      if (text.charCodeAt(i + 1) === 10) {
        removedAt.push(cp);
        from = i + 1;
      } else {
        out += '\n';
        from = i + 1;
      }
    } else if (isHigh(c) && isLow(text.charCodeAt(i + 1))) {
      i++;
    }
  }
  out = from === 0 ? text : out + text.slice(from);
  const originalLength = cp;
  const normalisedLength = cp - removedAt.length;
  const removed = Uint32Array.from(removedAt);
  // The same removals in normalised coordinates: the k-th removal sits k places earlier.
  const removedInNormalised = Uint32Array.from(removedAt, (r, k) => r - k);
  return {
    text: out,
    map: {
      removed: removed.length,
      toNormalised(offset) {
        checkOffset(offset, originalLength, 'code point');
        return (offset - countBelow(removed, offset)) as CodePoint;
      },
      toOriginal(offset) {
        checkOffset(offset, normalisedLength, 'code point');
        return (offset + countBelow(removedInNormalised, offset)) as CodePoint;
      },
    },
  };
}
