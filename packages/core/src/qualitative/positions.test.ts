import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../network/random-network.js';
import { codePointLength } from '../document/restore.js';
import {
  asCodePoint,
  asUtf16,
  codePointToUtf16,
  normaliseLineEndings,
  textPositions,
  utf16ToCodePoint,
} from './positions.js';

/** Pieces random texts are made of: accents (composed and combining), emoji, line endings. */
const PIECES = ['a', 'Z', ' ', 'é', 'e\u0301', 'ß', '😀', '𝄞', '👩‍👧', '\r\n', '\r', '\n', 'ő', '中'];

function randomText(random: () => number, maxPieces = 40, loneSurrogates = false): string {
  let text = '';
  const n = Math.floor(random() * maxPieces);
  for (let i = 0; i < n; i++) {
    if (loneSurrogates && random() < 0.03) text += random() < 0.5 ? '\ud83d' : '\ude00';
    else text += PIECES[Math.floor(random() * PIECES.length)] ?? 'a';
  }
  return text;
}

/** Reference implementations: the slow, obviously right ones. */
const cpPrefixToUtf16 = (text: string, cp: number) => Array.from(text).slice(0, cp).join('').length;
const utf16PrefixToCp = (text: string, u: number) => Array.from(text.slice(0, u)).length;
const normalise = (text: string) => text.replace(/\r\n?/g, '\n');

describe('code point ↔ UTF-16 offsets', () => {
  const text = 'Zoë 😀 said “no” — 𝄞\r\nfin';

  it('converts around accented letters, emoji and a CRLF', () => {
    const p = textPositions(text);
    expect(p.codePointLength).toBe(Array.from(text).length);
    expect(p.utf16Length).toBe(text.length);
    // "Zoë " is 4 code points and 4 units; the emoji is 1 code point and 2 units.
    expect(p.toUtf16(asCodePoint(4))).toBe(4);
    expect(p.toUtf16(asCodePoint(5))).toBe(6);
    expect(p.toCodePoint(asUtf16(6))).toBe(5);
    expect(p.slice(asCodePoint(4), asCodePoint(5))).toBe('😀');
    expect(p.slice(asCodePoint(18), asCodePoint(19))).toBe('𝄞');
    expect(codePointToUtf16(text, asCodePoint(5))).toBe(6);
    expect(utf16ToCodePoint(text, asUtf16(6))).toBe(5);
  });

  it('counts a split surrogate pair’s first half, like Array.from of the prefix', () => {
    expect(utf16ToCodePoint('a😀b', asUtf16(2))).toBe(2);
    expect(textPositions('a😀b').toCodePoint(asUtf16(2))).toBe(2);
  });

  it('refuses offsets outside the text', () => {
    const p = textPositions('ab😀');
    expect(() => p.toUtf16(asCodePoint(4))).toThrow(RangeError);
    expect(() => p.toCodePoint(asUtf16(5))).toThrow(RangeError);
    expect(() => p.toUtf16(asCodePoint(-1))).toThrow(RangeError);
    expect(() => codePointToUtf16('ab', asCodePoint(3))).toThrow(RangeError);
    expect(() => utf16ToCodePoint('ab', asUtf16(1.5))).toThrow(RangeError);
  });

  it('agrees with the reference for every offset of 200 random texts (seeded)', () => {
    const random = mulberry32(20250601);
    for (let round = 0; round < 200; round++) {
      const t = randomText(random, 40, true);
      const p = textPositions(t);
      expect(p.codePointLength).toBe(codePointLength(t));
      for (let cp = 0; cp <= p.codePointLength; cp++) {
        const u = cpPrefixToUtf16(t, cp);
        expect(p.toUtf16(asCodePoint(cp))).toBe(u);
        expect(codePointToUtf16(t, asCodePoint(cp))).toBe(u);
        expect(p.toCodePoint(p.toUtf16(asCodePoint(cp)))).toBe(cp);
      }
      for (let u = 0; u <= t.length; u++) {
        const cp = utf16PrefixToCp(t, u);
        expect(p.toCodePoint(asUtf16(u))).toBe(cp);
        expect(utf16ToCodePoint(t, asUtf16(u))).toBe(cp);
      }
    }
  });

  it('agrees with the linear scan on a long text, at sampled offsets (prefix table)', () => {
    const long = 'Zoë 😀 said\r\n'.repeat(20_000);
    const p = textPositions(long);
    const random = mulberry32(11);
    for (let i = 0; i < 50; i++) {
      const cp = asCodePoint(Math.floor(random() * (p.codePointLength + 1)));
      const u = codePointToUtf16(long, cp);
      expect(p.toUtf16(cp)).toBe(u);
      expect(p.toCodePoint(u)).toBe(cp);
    }
  });
});

describe('normaliseLineEndings', () => {
  it('turns CRLF and lone CR into LF and maps positions both ways', () => {
    const original = 'Zoë:\r\n😀 yes\rno\n';
    const { text, map } = normaliseLineEndings(original);
    expect(text).toBe('Zoë:\n😀 yes\nno\n');
    expect(map.removed).toBe(1);
    // "😀" starts at code point 6 in the original (after "Zoë:\r\n") and 5 after.
    expect(map.toNormalised(asCodePoint(6))).toBe(5);
    expect(map.toOriginal(asCodePoint(5))).toBe(6);
    // Between \r and \n → start of the \n; the start of the \n → before the \r.
    expect(map.toNormalised(asCodePoint(5))).toBe(4);
    expect(map.toOriginal(asCodePoint(4))).toBe(4);
  });

  it('returns the very same string when there is nothing to change', () => {
    const original = 'no carriage returns 😀\n';
    const { text, map } = normaliseLineEndings(original);
    expect(text).toBe(original);
    expect(map.removed).toBe(0);
    expect(map.toNormalised(asCodePoint(3))).toBe(3);
  });

  it('maps every position of 200 random texts consistently (seeded)', () => {
    const random = mulberry32(7);
    for (let round = 0; round < 200; round++) {
      const original = randomText(random);
      const { text, map } = normaliseLineEndings(original);
      expect(text).toBe(normalise(original));
      const chars = Array.from(original);
      const normChars = Array.from(text);
      for (let p = 0; p <= chars.length; p++) {
        // The original prefix, normalised, minus a \r whose \n is cut off by the position.
        let prefix = chars.slice(0, p).join('');
        if (prefix.endsWith('\r') && chars[p] === '\n') prefix = prefix.slice(0, -1);
        const q = map.toNormalised(asCodePoint(p));
        expect(normChars.slice(0, q).join('')).toBe(normalise(prefix));
      }
      for (let q = 0; q <= normChars.length; q++) {
        const p = map.toOriginal(asCodePoint(q));
        expect(map.toNormalised(p)).toBe(q);
        expect(normalise(chars.slice(0, p).join(''))).toBe(normChars.slice(0, q).join(''));
      }
    }
  });
});
