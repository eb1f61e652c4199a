import { describe, expect, it } from 'vitest';
import {
  NetworkInputError,
  articulationPoints,
  betweennessCentrality,
  closenessCentrality,
  components,
  edgeList,
  eiIndex,
  freemanDegreeCentralization,
  isolates,
  networkDensity,
  networkGraphs,
  networkMeasures,
  randomNetwork,
  reciprocity,
  type NetworkInput,
  type NetworkTie,
} from './index.js';
import { adjacencyFromPairs, cutVertices } from './network-kernels.js';

const tie = (source: string, target: string, extra: Partial<NetworkTie> = {}): NetworkTie => ({
  source,
  target,
  ...extra,
});

const nodes = (...ids: string[]) => ids.map((id) => ({ id }));

/** Star: c sends to four leaves; leaves l1, l2 share c's agency A, l3, l4 are in B. */
const star: NetworkInput = {
  nodes: [
    { id: 'c', group: 'A' },
    { id: 'l1', group: 'A' },
    { id: 'l2', group: 'A' },
    { id: 'l3', group: 'B' },
    { id: 'l4', group: 'B' },
  ],
  ties: [tie('c', 'l1'), tie('c', 'l2'), tie('c', 'l3'), tie('c', 'l4')],
};

/** Path a – b – c – d, the last tie reciprocated. */
const path: NetworkInput = {
  nodes: nodes('a', 'b', 'c', 'd'),
  ties: [tie('a', 'b'), tie('b', 'c'), tie('c', 'd'), tie('d', 'c')],
};

/** Triangle x y z, pair u – v, isolate w. */
const twoComponents: NetworkInput = {
  nodes: nodes('x', 'y', 'z', 'u', 'v', 'w'),
  ties: [tie('x', 'y'), tie('y', 'z'), tie('z', 'x'), tie('u', 'v')],
};

/** Triangle a b c with pendant d hanging off c. */
const trianglePendant: NetworkInput = {
  nodes: nodes('a', 'b', 'c', 'd'),
  ties: [tie('a', 'b'), tie('b', 'c'), tie('c', 'a'), tie('c', 'd')],
};

describe('networkMeasures: worked examples', () => {
  it('star', () => {
    const m = networkMeasures(star);
    expect(m.nodeCount).toBe(5);
    expect(m.tieCount).toBe(4);
    expect(m.undirectedTieCount).toBe(4);
    expect(m.density).toBeCloseTo(4 / 20, 12);
    expect(m.reciprocity).toBe(0);
    expect(m.inDegree).toEqual({ c: 0, l1: 1, l2: 1, l3: 1, l4: 1 });
    expect(m.outDegree).toEqual({ c: 4, l1: 0, l2: 0, l3: 0, l4: 0 });
    expect(m.degreeCentralization).toBeCloseTo(1, 12); // (4 × 3) / (4 × 3)
    expect(m.betweenness.c).toBeCloseTo(1, 12); // all 6 leaf pairs through c, over 6 pairs
    expect(m.betweenness.l1).toBe(0);
    expect(m.closeness.c).toBeCloseTo(1, 12);
    expect(m.closeness.l1).toBeCloseTo(4 / 7, 12); // distances 1 + 2 + 2 + 2
    expect(m.components).toEqual([['c', 'l1', 'l2', 'l3', 'l4']]);
    expect(m.isolates).toEqual([]);
    expect(m.articulationPoints).toEqual(['c']);
    // Overall: 2 internal (c–l1, c–l2), 2 external; A: 2 internal, 2 external; B: 0 internal, 2 external.
    expect(m.eiIndex).toEqual({ overall: 0, byGroup: { A: 0, B: 1 } });
  });

  it('path', () => {
    const m = networkMeasures(path);
    expect(m.tieCount).toBe(4);
    expect(m.undirectedTieCount).toBe(3);
    expect(m.density).toBeCloseTo(4 / 12, 12);
    expect(m.reciprocity).toBeCloseTo(2 / 4, 12); // c→d and d→c
    expect(m.degreeCentralization).toBeCloseTo(2 / 6, 12); // degrees 1 2 2 1
    expect(m.betweenness.a).toBe(0);
    expect(m.betweenness.b).toBeCloseTo(2 / 3, 12); // (a,c), (a,d) over 3 pairs
    expect(m.betweenness.c).toBeCloseTo(2 / 3, 12);
    expect(m.closeness.a).toBeCloseTo(3 / 6, 12);
    expect(m.closeness.b).toBeCloseTo(3 / 4, 12);
    expect(m.articulationPoints).toEqual(['b', 'c']);
    expect(m.components).toEqual([['a', 'b', 'c', 'd']]);
    expect(m.eiIndex).toEqual({ overall: null, byGroup: {} });
  });

  it('two components and an isolate', () => {
    const m = networkMeasures(twoComponents);
    expect(m.density).toBeCloseTo(4 / 30, 12);
    expect(m.reciprocity).toBe(0);
    expect(m.degreeCentralization).toBeCloseTo(4 / 20, 12); // degrees 2 2 2 1 1 0
    expect(Object.values(m.betweenness)).toEqual([0, 0, 0, 0, 0, 0]);
    // Wasserman–Faust: (r / (n − 1)) × (r / Σd).
    expect(m.closeness.x).toBeCloseTo((2 / 5) * (2 / 2), 12);
    expect(m.closeness.u).toBeCloseTo((1 / 5) * (1 / 1), 12);
    expect(m.closeness.w).toBe(0);
    expect(m.components).toEqual([['x', 'y', 'z'], ['u', 'v'], ['w']]);
    expect(m.isolates).toEqual(['w']);
    expect(m.articulationPoints).toEqual([]);
  });

  it('triangle with a pendant', () => {
    const m = networkMeasures(trianglePendant);
    expect(m.degreeCentralization).toBeCloseTo(4 / 6, 12); // degrees 2 2 3 1
    expect(m.betweenness).toEqual({ a: 0, b: 0, c: expect.closeTo(2 / 3, 12) as number, d: 0 });
    expect(m.closeness.c).toBeCloseTo(1, 12);
    expect(m.closeness.a).toBeCloseTo(3 / 4, 12);
    expect(m.closeness.d).toBeCloseTo(3 / 5, 12);
    expect(m.articulationPoints).toEqual(['c']);
  });

  it('a single node and an empty network', () => {
    const one = networkMeasures({ nodes: nodes('a'), ties: [] });
    expect(one).toMatchObject({
      nodeCount: 1,
      tieCount: 0,
      density: 0,
      reciprocity: null,
      degreeCentralization: 0,
      betweenness: { a: 0 },
      closeness: { a: 0 },
      components: [['a']],
      isolates: ['a'],
      articulationPoints: [],
    });
    const none = networkMeasures({ nodes: [], ties: [] });
    expect(none).toMatchObject({ nodeCount: 0, density: 0, reciprocity: null, components: [] });
  });

  it('returns plain JSON', () => {
    const m = networkMeasures(randomNetwork(1, 30, 80, 3));
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
    expect(m.conventions.join(' ')).toMatch(
      /at least one contact between them falls in the window/,
    );
  });
});

describe('input handling', () => {
  it('merges duplicate ties, ignores self-loops and reports weights per undirected pair', () => {
    const input: NetworkInput = {
      nodes: nodes('a', 'b', 'c'),
      ties: [
        tie('a', 'b', { weight: 2, sources: { communication: 2 } }),
        tie('a', 'b', { sources: { communication: 1, survey: 1 } }),
        tie('b', 'a'),
        tie('c', 'c', { weight: 5 }),
      ],
    };
    const m = networkMeasures(input);
    expect(m.tieCount).toBe(2);
    expect(m.undirectedTieCount).toBe(1);
    expect(m.isolates).toEqual(['c']);
    expect(m.weights).toEqual([{ source: 'a', target: 'b', weight: 5 }]);
    expect(edgeList(input, { undirected: true })).toEqual([
      { source: 'a', target: 'b', weight: 5, communication: 3, survey: 1 },
    ]);
    expect(m.conventions).toContain('1 self-loop tie record(s) were ignored.');
    expect(edgeList(input)).toEqual([
      { source: 'a', target: 'b', weight: 4, communication: 3, survey: 1 },
      { source: 'b', target: 'a', weight: 1, communication: 0, survey: 0 },
    ]);
  });

  it('throws a typed error for a tie naming an unknown node, or drops it on request', () => {
    const input: NetworkInput = { nodes: nodes('a', 'b'), ties: [tie('a', 'b'), tie('a', 'zz')] };
    expect(() => networkMeasures(input)).toThrow(NetworkInputError);
    try {
      networkMeasures(input);
    } catch (error) {
      expect(error).toMatchObject({ code: 'unknown_node', path: 'ties[1].target' });
      expect((error as Error).message).toContain('"a" → "zz"');
    }
    const m = networkMeasures(input, { unknownNodes: 'drop' });
    expect(m.tieCount).toBe(1);
    expect(m.conventions.at(-1)).toMatch(/1 tie record\(s\) dropped/);
  });

  it('rejects duplicate nodes, bad weights and reserved source names', () => {
    const code = (input: NetworkInput): unknown => {
      try {
        networkMeasures(input);
      } catch (error) {
        return (error as NetworkInputError).code;
      }
      return undefined;
    };
    expect(code({ nodes: nodes('a', 'a'), ties: [] })).toBe('duplicate_node');
    expect(code({ nodes: nodes('a', 'b'), ties: [tie('a', 'b', { weight: 0 })] })).toBe(
      'invalid_weight',
    );
    expect(code({ nodes: nodes('a', 'b'), ties: [tie('a', 'b', { weight: Number.NaN })] })).toBe(
      'invalid_weight',
    );
    expect(
      code({ nodes: nodes('a', 'b'), ties: [tie('a', 'b', { sources: { weight: 1 } })] }),
    ).toBe('reserved_source_name');
  });
});

describe('separate measures', () => {
  it('take the graph they are defined on', () => {
    const { directed, undirected } = networkGraphs(path);
    expect(networkDensity(directed)).toBeCloseTo(4 / 12, 12);
    expect(networkDensity(undirected)).toBeCloseTo(3 / 6, 12);
    expect(reciprocity(directed)).toBeCloseTo(0.5, 12);
    expect(freemanDegreeCentralization(undirected)).toBeCloseTo(1 / 3, 12);
    expect(articulationPoints(undirected)).toEqual(['b', 'c']);
    expect(components(undirected)).toEqual([['a', 'b', 'c', 'd']]);
    expect(isolates(undirected)).toEqual([]);
    expect(eiIndex(networkGraphs(star).undirected).byGroup).toEqual({ A: 0, B: 1 });
    expect(closenessCentrality(undirected).d).toBeCloseTo(3 / 6, 12);
    expect(() => reciprocity(undirected)).toThrow(/simple directed graph/);
    expect(() => betweennessCentrality(directed)).toThrow(/simple undirected graph/);
  });

  it('E-I leaves out ties to ungrouped people and lists groups without ties as null', () => {
    const { undirected } = networkGraphs({
      nodes: [
        { id: 'a', group: 'A' },
        { id: 'b', group: 'A' },
        { id: 'c' },
        { id: 'd', group: 'D' },
      ],
      ties: [tie('a', 'b'), tie('b', 'c'), tie('c', 'd')],
    });
    expect(eiIndex(undirected)).toEqual({ overall: -1, byGroup: { A: -1, D: null } });
  });

  it('articulation points survive a 100,000-node path (no recursion)', () => {
    const n = 100_000;
    const source = Int32Array.from({ length: n - 1 }, (_, i) => i);
    const target = source.map((i) => i + 1);
    const isCut = cutVertices(adjacencyFromPairs(n, { length: n - 1, source, target }));
    expect(isCut.reduce((sum, x) => sum + x, 0)).toBe(n - 2);
    expect([isCut[0], isCut[1], isCut[n - 2], isCut[n - 1]]).toEqual([0, 1, 1, 0]);
  });

  it('articulation points: a bridge between two cycles, a cut vertex shared by two triangles', () => {
    const { undirected } = networkGraphs({
      nodes: nodes('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'),
      ties: [
        ...[
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
          ['c', 'd'],
          ['d', 'e'],
          ['e', 'f'],
          ['f', 'd'],
          ['f', 'g'],
          ['g', 'h'],
          ['h', 'f'],
        ].map(([s, t]) => tie(s!, t!)),
      ],
    });
    expect(articulationPoints(undirected)).toEqual(['c', 'd', 'f']);
  });

  it('betweenness counts shortest paths beyond 2³² exactly enough (layered graph)', () => {
    // s – 22 layers of 3 fully joined – t: 3²² ≈ 3.1e10 shortest paths from s to t.
    const layers = 22;
    const width = 3;
    const ids = ['s', 't'];
    const ties: NetworkTie[] = [];
    const layer = (l: number) => Array.from({ length: width }, (_, k) => `L${l}_${k}`);
    for (let l = 0; l < layers; l++) {
      ids.push(...layer(l));
      for (const a of l === 0 ? ['s'] : layer(l - 1))
        for (const b of layer(l)) ties.push(tie(a, b));
    }
    for (const a of layer(layers - 1)) ties.push(tie(a, 't'));
    const { undirected } = networkGraphs({ nodes: nodes(...ids), ties });
    const betweenness = betweennessCentrality(undirected);
    // Σ_v unnormalised betweenness = Σ over pairs of (distance − 1).
    const order = undirected.order;
    let expected = 0;
    for (const source of undirected.nodes()) {
      const distance = new Map([[source, 0]]);
      const queue = [source];
      for (let i = 0; i < queue.length; i++) {
        const v = queue[i]!;
        for (const w of undirected.neighbors(v)) {
          if (!distance.has(w)) {
            distance.set(w, distance.get(v)! + 1);
            queue.push(w);
          }
        }
      }
      for (const d of distance.values()) if (d > 1) expected += d - 1;
    }
    expected /= 2; // each pair seen from both ends
    const total = Object.values(betweenness).reduce((a, b) => a + b, 0);
    expect((total * ((order - 1) * (order - 2))) / 2).toBeCloseTo(expected, 6);
    // Symmetry: every node of a layer carries the same share.
    expect(betweenness['L10_0']).toBeCloseTo(betweenness['L10_2']!, 12);
  });
});

describe('performance', () => {
  // A loose bound that catches pathological slowdowns; scripts/bench.js measures properly.
  it('200 people, 100,000 contacts within a few seconds', { timeout: 30_000 }, () => {
    const input = randomNetwork(42, 200, 100_000, 8);
    const started = performance.now();
    const m = networkMeasures(input);
    const elapsed = performance.now() - started;
    expect(m.nodeCount).toBe(200);
    expect(elapsed).toBeLessThan(5000);
  });
});
