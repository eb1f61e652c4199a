import { describe, expect, it } from 'vitest';
import { mulberry32, randomNetwork } from './random-network.js';

describe('randomNetwork', () => {
  it('is deterministic per seed', () => {
    expect(randomNetwork(7, 40, 200, 4)).toEqual(randomNetwork(7, 40, 200, 4));
    expect(randomNetwork(7, 40, 200, 4)).not.toEqual(randomNetwork(8, 40, 200, 4));
  });

  it('has the requested shape and no self-loops', () => {
    const input = randomNetwork(3, 25, 500, 3);
    expect(input.nodes).toHaveLength(25);
    expect(input.ties).toHaveLength(500);
    expect(new Set(input.nodes.map((n) => n.group))).toEqual(
      new Set(['agency0', 'agency1', 'agency2']),
    );
    const ids = new Set(input.nodes.map((n) => n.id));
    for (const t of input.ties) {
      expect(ids.has(t.source) && ids.has(t.target)).toBe(true);
      expect(t.source).not.toBe(t.target);
    }
    expect(randomNetwork(1, 5, 10, 0).nodes[0]).toEqual({ id: 'p0' });
    expect(randomNetwork(1, 1, 10, 1).ties).toEqual([]);
  });

  it('mulberry32 gives floats in [0, 1)', () => {
    const random = mulberry32(123);
    for (let i = 0; i < 1000; i++) {
      const x = random();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});
