// Runs the networkx reference script (networkx-compare.py) through child_process.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  articulationPoints,
  betweennessCentrality,
  closenessCentrality,
  components,
  eiIndex,
  freemanDegreeCentralization,
  isolates,
  networkDensity,
  networkGraphs,
  networkMeasures,
  reciprocity,
  type EiIndex,
  type NetworkInput,
  type NetworkMeasures,
} from './index.js';
import { mulberry32, randomNetwork } from './random-network.js';
import { adjacencyFromPairs, shortestPathCentralities } from './network-kernels.js';
import { prepareNetwork } from './network-graph.js';

const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./networkx-compare.py', import.meta.url));
const TOLERANCE = 1e-9;

const probe = spawnSync(PYTHON, ['-c', 'import networkx'], { encoding: 'utf8' });
const networkxAvailable = probe.status === 0;
const networkxProblem = networkxAvailable
  ? ''
  : `networkx is not available: \`${PYTHON} -c "import networkx"\` failed (${
      probe.error?.message ?? probe.stderr.trim()
    }). Install it with \`apt-get install python3-networkx\`.`;

type Reference = Omit<NetworkMeasures, 'conventions'>;

function runNetworkx(input: NetworkInput): Reference {
  const result = spawnSync(PYTHON, [SCRIPT], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`networkx-compare.py failed (${String(result.status)}): ${result.stderr}`);
  }
  return JSON.parse(result.stdout) as Reference;
}

function expectRecordClose(
  actual: Record<string, number>,
  expected: Record<string, number>,
  what: string,
): void {
  expect(Object.keys(actual).sort(), what).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) {
    const difference = Math.abs(actual[key]! - value);
    expect(difference, `${what}[${key}]: ${actual[key]} vs networkx ${value}`).toBeLessThanOrEqual(
      TOLERANCE,
    );
  }
}

function expectNullableClose(actual: number | null, expected: number | null, what: string): void {
  if (expected === null) expect(actual, what).toBeNull();
  else expect(Math.abs(actual! - expected), what).toBeLessThanOrEqual(TOLERANCE);
}

function expectEiClose(actual: EiIndex, expected: EiIndex): void {
  expectNullableClose(actual.overall, expected.overall, 'eiIndex.overall');
  expect(Object.keys(actual.byGroup).sort()).toEqual(Object.keys(expected.byGroup).sort());
  for (const [group, value] of Object.entries(expected.byGroup)) {
    expectNullableClose(actual.byGroup[group]!, value, `eiIndex.byGroup[${group}]`);
  }
}

/** A random network with the awkward parts added: self-loops, repeated and two-way ties, an ungrouped person, explicit weights. */
function awkwardNetwork(seed: number): NetworkInput {
  const random = mulberry32(seed);
  const nodes = 5 + Math.floor(random() * 56); // 5 … 60
  const density = random();
  const ties = Math.floor(nodes * (0.3 + density * density * 6));
  const groups = Math.floor(random() * 5); // 0 … 4; 0 means no agencies
  const input = randomNetwork(seed, nodes, ties, groups);
  const id = (i: number) => input.nodes[i % nodes]!.id;
  input.ties.push(
    { source: id(1), target: id(1), weight: 3 }, // self-loop
    { source: id(2), target: id(3), weight: 2.5, sources: { survey: 1 } },
    { source: id(3), target: id(2) },
    { source: id(2), target: id(3), sources: { activity: 2 } },
  );
  const ungrouped = input.nodes[nodes - 1]!;
  delete ungrouped.group;
  return input;
}

/** s – layers of three, fully joined layer to layer – t: more than 2³² shortest paths from s to t. */
function layeredNetwork(layers: number): NetworkInput {
  const name = (l: number, k: number) => `L${String(l).padStart(2, '0')}_${k}`;
  const nodes = [{ id: 's' }, { id: 't' }];
  const ties: NetworkInput['ties'] = [];
  for (let l = 0; l < layers; l++) {
    for (let k = 0; k < 3; k++) {
      nodes.push({ id: name(l, k) });
      if (l === 0) ties.push({ source: 's', target: name(l, k) });
      else for (let j = 0; j < 3; j++) ties.push({ source: name(l - 1, j), target: name(l, k) });
      if (l === layers - 1) ties.push({ source: name(l, k), target: 't' });
    }
  }
  return { nodes, ties };
}

const CASES: [string, NetworkInput][] = [
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((seed): [string, NetworkInput] => [
    `random network, seed ${seed}`,
    awkwardNetwork(seed),
  ]),
  ['dense random network (60 people, 1,500 contacts)', randomNetwork(99, 60, 1_500, 6)],
  ['layered network (3²² shortest paths)', layeredNetwork(22)],
  ['two people', { nodes: [{ id: 'a' }, { id: 'b' }], ties: [{ source: 'a', target: 'b' }] }],
];

/** Locally, a missing networkx skips these tests; on CI (`CI` set) they fail with `networkxProblem`. */
const skipLocally = !networkxAvailable && !process.env.CI;

describe('agreement with networkx', () => {
  it.skipIf(skipLocally)('networkx is installed (required on CI)', () => {
    if (!networkxAvailable) throw new Error(networkxProblem);
  });

  it.skipIf(skipLocally).each(CASES)(
    '%s: every measure equals networkx to 1e-9',
    (_name, input) => {
      if (!networkxAvailable) throw new Error(networkxProblem);
      const expected = runNetworkx(input);
      const actual = networkMeasures(input);
      expect(actual.nodeCount).toBe(expected.nodeCount);
      expect(actual.tieCount).toBe(expected.tieCount);
      expect(actual.undirectedTieCount).toBe(expected.undirectedTieCount);
      expectNullableClose(actual.density, expected.density, 'density');
      expectNullableClose(actual.reciprocity, expected.reciprocity, 'reciprocity');
      expect(actual.inDegree).toEqual(expected.inDegree);
      expect(actual.outDegree).toEqual(expected.outDegree);
      expectNullableClose(
        actual.degreeCentralization,
        expected.degreeCentralization,
        'degreeCentralization',
      );
      expectRecordClose(actual.betweenness, expected.betweenness, 'betweenness');
      expectRecordClose(actual.closeness, expected.closeness, 'closeness');
      expect(actual.components).toEqual(expected.components);
      expect(actual.isolates).toEqual(expected.isolates);
      expect(actual.articulationPoints).toEqual(expected.articulationPoints);
      expectEiClose(actual.eiIndex, expected.eiIndex);
      expect(actual.weights).toEqual(expected.weights);

      // The separate graph-based functions (graphology where it has the measure) agree too.
      const { directed, undirected } = networkGraphs(input);
      expectNullableClose(networkDensity(directed), expected.density, 'networkDensity');
      expectNullableClose(reciprocity(directed), expected.reciprocity, 'reciprocity()');
      expectNullableClose(
        freemanDegreeCentralization(undirected),
        expected.degreeCentralization,
        'freemanDegreeCentralization()',
      );
      expectRecordClose(
        betweennessCentrality(undirected),
        expected.betweenness,
        'betweennessCentrality()',
      );
      expectRecordClose(
        closenessCentrality(undirected),
        expected.closeness,
        'closenessCentrality()',
      );
      expect(components(undirected)).toEqual(expected.components);
      expect(isolates(undirected)).toEqual(expected.isolates);
      expect(articulationPoints(undirected)).toEqual(expected.articulationPoints);
      expectEiClose(eiIndex(undirected), expected.eiIndex);

      // Both traversals of the Brandes kernel.
      const prepared = prepareNetwork(input);
      const adjacency = adjacencyFromPairs(prepared.ids.length, prepared.undirected);
      for (const method of ['dense', 'sparse'] as const) {
        const { betweenness, closeness } = shortestPathCentralities(adjacency, method);
        const record = (values: Float64Array) =>
          Object.fromEntries(prepared.ids.map((id, i) => [id, values[i]!]));
        expectRecordClose(record(betweenness), expected.betweenness, `betweenness (${method})`);
        expectRecordClose(record(closeness), expected.closeness, `closeness (${method})`);
      }
    },
    60_000,
  );
});
