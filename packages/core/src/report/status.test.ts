import { describe, expect, it } from 'vitest';
import { contrastRatio, INK, relativeLuminance, STATUS_ORDER, STATUS_STYLE } from './status.js';
import { FROST_STYLE } from './svg/frost-matrix-svg.js';

describe('status styles', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 6);
    expect(() => relativeLuminance('red')).toThrow();
  });

  it('gives text on every status colour AA contrast (4.5:1) or better', () => {
    for (const status of STATUS_ORDER) {
      expect(contrastRatio(STATUS_STYLE[status].fill, INK), status).toBeGreaterThanOrEqual(4.5);
    }
    for (const [level, style] of Object.entries(FROST_STYLE)) {
      expect(contrastRatio(style.fill, INK), level).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('gives every status its own four-character mark and word, so colour is never alone', () => {
    const marks = STATUS_ORDER.map((s) => STATUS_STYLE[s].mark);
    expect(new Set(marks).size).toBe(5);
    for (const m of marks) expect(m).toMatch(/^\[.{2}\]$/);
    expect(marks).toEqual(['[!!]', '[! ]', '[ok]', '[++]', '[??]']);
    expect(new Set(STATUS_ORDER.map((s) => STATUS_STYLE[s].fill)).size).toBe(5);
  });
});
