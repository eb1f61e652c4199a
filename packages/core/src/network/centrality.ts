// Named import from the index: the CommonJS file's own default export types differently under
// NodeNext and bundler resolution, the index's named export types and runs the same everywhere.
import { closeness } from 'graphology-metrics/centrality/index.js';
import type { AbstractGraph } from 'graphology-types';
import { requireGraphType } from './network-graph.js';
import { adjacencyFromGraph, shortestPathCentralities } from './network-kernels.js';

/**
 * Betweenness centrality of an undirected, unweighted graph, normalised as networkx
 * `betweenness_centrality` (default arguments): each node's share of the shortest paths between
 * other pairs, over (n − 1)(n − 2) / 2 pairs; 0 for n ≤ 2.
 *
 * Brandes' algorithm written here rather than graphology-metrics' `betweenness`, which counts
 * shortest paths in a Uint32Array (wrapping silently past 2³² paths, e.g. in layered graphs) and
 * scans every tie from every BFS level; this one counts in float64 as networkx does and is several
 * times faster on dense networks.
 */
export function betweennessCentrality(graph: AbstractGraph): Record<string, number> {
  requireGraphType(graph, 'undirected', 'betweennessCentrality');
  const { nodes, adjacency } = adjacencyFromGraph(graph);
  const { betweenness } = shortestPathCentralities(adjacency);
  const result: Record<string, number> = {};
  nodes.forEach((node, i) => {
    result[node] = betweenness[i]!;
  });
  return result;
}

/**
 * Closeness centrality of an undirected, unweighted graph as networkx `closeness_centrality`
 * (default arguments), from graphology-metrics with the Wasserman–Faust correction:
 * (r / (n − 1)) · (r / Σ distances to the r nodes reachable); 0 for a node that reaches none.
 */
export function closenessCentrality(graph: AbstractGraph): Record<string, number> {
  requireGraphType(graph, 'undirected', 'closenessCentrality');
  if (graph.order === 0) return {}; // graphology-metrics cannot size its queue for an empty graph
  return closeness(graph, { wassermanFaust: true });
}
