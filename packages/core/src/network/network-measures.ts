import { pairWeightsFromPrepared } from './edge-list.js';
import { prepareNetwork, type PreparedNetwork } from './network-graph.js';
import {
  adjacencyFromPairs,
  componentLabels,
  cutVertices,
  eiFromPairs,
  freemanFromDegrees,
  shortestPathCentralities,
} from './network-kernels.js';
import type { NetworkInput, NetworkMeasures, NetworkOptions } from './types.js';

function conventions(prepared: PreparedNetwork, options: NetworkOptions): string[] {
  const result = [
    'A tie exists from one person to another when at least one contact between them falls in the window; the measures are unweighted, and weights (numbers of contacts) are reported separately, per pair of people with both directions added.',
    'Repeated ties between the same ordered pair are merged and their contacts added; a tie without a weight counts the sum of its evidence sources, or one contact without them.',
    'Self-loops (a person tied to themselves) are ignored.',
    'Tie count, density, reciprocity and in/out-degree use the directed ties; degree centralization, betweenness, closeness, components, isolates, articulation points and the E-I index treat a tie in either direction as one undirected tie.',
    'Density is ties / (n × (n − 1)), the share of possible directed ties present.',
    'Reciprocity is the share of directed ties whose reverse tie also exists (networkx overall_reciprocity); it is null when there are no ties.',
    'In-degree and out-degree count distinct people, not contacts.',
    "Degree centralization is Freeman's, as a proportion from 0 to 1: the sum of (highest degree − each degree) over (n − 1)(n − 2); 0 for fewer than three people.",
    'Betweenness is normalised as in networkx: the share of shortest paths between other pairs through a person, over (n − 1)(n − 2) / 2 pairs.',
    'Closeness uses the Wasserman–Faust correction for disconnected networks, as networkx: (r / (n − 1)) × (r / total distance to the r people reachable); 0 for an isolate.',
    'Components list isolates as single-person components; people are sorted by id, components by size (largest first) then first id.',
    'An articulation point is a person whose removal splits their component.',
    "The E-I index is (external − internal) / (external + internal) over undirected ties, groups being agencies; a group's index counts the ties of its members; ties to people without an agency are left out; it is null where no tie counts.",
  ];
  if (prepared.selfLoops > 0) {
    result.push(`${prepared.selfLoops} self-loop tie record(s) were ignored.`);
  }
  if ((options.unknownNodes ?? 'error') === 'drop') {
    result.push(
      `Ties naming people not in the network are dropped (${prepared.droppedTies} tie record(s) dropped).`,
    );
  }
  return result;
}

/**
 * Every network measure Weframe reports, as plain JSON. See {@link NetworkMeasures} for the fields
 * and `conventions` in the result for how each is defined. Throws a `NetworkInputError` for bad
 * input (code `unknown_node` for a tie naming a node not in `nodes`, unless `unknownNodes: 'drop'`).
 *
 * Computed straight from the merged, indexed ties (typed arrays, no graph objects), so a
 * 200-person network with 100,000 contacts takes well under a second even on a cold start; the
 * separate functions (`betweennessCentrality`, `closenessCentrality`, …) give the same values from
 * graphology graphs.
 */
export function networkMeasures(
  input: NetworkInput,
  options: NetworkOptions = {},
): NetworkMeasures {
  return measuresOfPrepared(prepareNetwork(input, options), options);
}

/** {@link networkMeasures} of an already prepared network. */
export function measuresOfPrepared(
  prepared: PreparedNetwork,
  options: NetworkOptions = {},
): NetworkMeasures {
  const { ids, rank, groups, directed, undirected } = prepared;
  const n = ids.length;
  const adjacency = adjacencyFromPairs(n, undirected);
  const { starts } = adjacency;
  /** Node indices in id order. */
  const sorted = new Int32Array(n);
  for (let i = 0; i < n; i++) sorted[rank[i]!] = i;

  const inCount = new Int32Array(n);
  const outCount = new Int32Array(n);
  for (let i = 0; i < directed.length; i++) {
    outCount[directed.source[i]!]! += 1;
    inCount[directed.target[i]!]! += 1;
  }
  let mutualTies = 0;
  for (let i = 0; i < undirected.length; i++) mutualTies += 2 * undirected.mutual[i]!;
  const degree = new Int32Array(n);
  for (let i = 0; i < n; i++) degree[i] = starts[i + 1]! - starts[i]!;

  const { betweenness, closeness } = shortestPathCentralities(adjacency);
  const label = componentLabels(adjacency);
  const members: string[][] = [];
  const firstRank: number[] = [];
  for (const i of sorted) {
    const c = label[i]!;
    if (members[c] === undefined) {
      members[c] = [];
      firstRank[c] = rank[i]!;
    }
    members[c].push(ids[i]!);
  }
  const componentOrder = members
    .map((_members, c) => c)
    .sort((a, b) => members[b]!.length - members[a]!.length || firstRank[a]! - firstRank[b]!);
  const isCut = cutVertices(adjacency);

  const perNode = (values: ArrayLike<number>): Record<string, number> => {
    const record: Record<string, number> = {};
    for (let i = 0; i < n; i++) record[ids[i]!] = values[i]!;
    return record;
  };
  const pick = (test: (i: number) => boolean): string[] => {
    const result: string[] = [];
    for (const i of sorted) if (test(i)) result.push(ids[i]!);
    return result;
  };

  return {
    nodeCount: n,
    tieCount: directed.length,
    undirectedTieCount: undirected.length,
    density: n < 2 ? 0 : directed.length / (n * (n - 1)),
    reciprocity: directed.length === 0 ? null : mutualTies / directed.length,
    inDegree: perNode(inCount),
    outDegree: perNode(outCount),
    degreeCentralization: freemanFromDegrees(degree),
    betweenness: perNode(betweenness),
    closeness: perNode(closeness),
    components: componentOrder.map((c) => members[c]!),
    isolates: pick((i) => degree[i] === 0),
    articulationPoints: pick((i) => isCut[i] === 1),
    eiIndex: eiFromPairs(groups, undirected),
    weights: pairWeightsFromPrepared(prepared),
    conventions: conventions(prepared, options),
  };
}
