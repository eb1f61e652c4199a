import { describe, expect, it } from 'vitest';
import { escapeXml, formatNumber, truncate, wrapWords } from './escape.js';

describe('escapeXml', () => {
  it('turns the five markup characters into entities', () => {
    expect(escapeXml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('leaves no tag of an XSS attempt', () => {
    const out = escapeXml('<img src=x onerror=alert(1)>');
    expect(out).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).not.toMatch(/[<>]/);
  });

  it('escapes an existing entity again, so text shows as typed', () => {
    expect(escapeXml('&amp; &#60;')).toBe('&amp;amp; &amp;#60;');
  });

  it('replaces characters XML cannot carry and keeps the rest, emoji included', () => {
    expect(escapeXml('a\u0000b\u0008c\u000Bd\tx\ny\rz')).toBe('a\uFFFDb\uFFFDc\uFFFDd\tx\ny\rz');
    expect(escapeXml('lone \uD800 high, lone \uDC00 low')).toBe(
      'lone \uFFFD high, lone \uFFFD low',
    );
    expect(escapeXml('Zoë 👩‍⚕️ \uFFFE')).toBe('Zoë 👩‍⚕️ \uFFFD');
  });

  it('writes numbers and other values as text', () => {
    expect(escapeXml(42)).toBe('42');
    expect(escapeXml(null)).toBe('null');
  });
});

describe('text helpers', () => {
  it('truncates with an ellipsis, counting characters not code units', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('👍👍👍👍', 3)).toBe('👍👍…');
    expect(truncate('abc', 0)).toBe('');
  });

  it('wraps words into lines no longer than the width, cutting a word that cannot fit', () => {
    expect(wrapWords('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapWords('  spaced \n out  ', 20)).toEqual(['spaced out']);
    expect(wrapWords('abcdefghijkl', 5)).toEqual(['abcd…']);
    expect(wrapWords('', 5)).toEqual([]);
  });

  it('formats numbers for people and a dash for missing ones', () => {
    expect(formatNumber(3)).toBe('3');
    expect(formatNumber(0.28571, 3)).toBe('0.286');
    expect(formatNumber(null)).toBe('–');
    expect(formatNumber(Number.NaN)).toBe('–');
  });
});
