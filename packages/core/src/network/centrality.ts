import { closeness } from 'graphology-metrics/centrality/index.js';
import type { AbstractGraph } from 'graphology-types';
import { adjacency } from './adjacency.js';
import { requireGraphType } from './network-graph.js';

/**
 * Betweenness centrality of an undirected, unweighted graph, normalised as networkx
 * `betweenness_centrality` (default arguments): Brandes' algorithm with BFS, each node's share of
 * shortest paths between other pairs, divided by (n − 1)(n − 2) / 2 pairs; 0 for n ≤ 2.
 *
 * Written here rather than taken from graphology-metrics, whose unweighted Brandes counts shortest
 * paths in a Uint32Array and so silently wraps when a pair has more than 2³² shortest paths
 * (layered graphs); this version counts in float64, as networkx does.
 */
export function betweennessCentrality(graph: AbstractGraph): Record<string, number> {
  requireGraphType(graph, 'undirected', 'betweennessCentrality');
  const { nodes, starts, neighbors } = adjacency(graph);
  const n = nodes.length;
  const centrality = new Float64Array(n);
  const distance = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const queue = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    distance[s] = 0;
    sigma[s] = 1;
    queue[0] = s;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = queue[head++]!;
      const next = distance[v]! + 1;
      const sigmaV = sigma[v]!;
      for (let k = starts[v]!, end = starts[v + 1]!; k < end; k++) {
        const w = neighbors[k]!;
        if (distance[w] === -1) {
          distance[w] = next;
          queue[tail++] = w;
        }
        if (distance[w] === next) sigma[w]! += sigmaV;
      }
    }
    // Nodes leave the queue in non-decreasing distance; accumulate dependencies in reverse.
    for (let i = tail - 1; i > 0; i--) {
      const w = queue[i]!;
      const previous = distance[w]! - 1;
      const coefficient = (1 + delta[w]!) / sigma[w]!;
      for (let k = starts[w]!, end = starts[w + 1]!; k < end; k++) {
        const v = neighbors[k]!;
        if (distance[v] === previous) delta[v]! += sigma[v]! * coefficient;
      }
      centrality[w]! += delta[w]!;
    }
    for (let i = 0; i < tail; i++) {
      const v = queue[i]!;
      distance[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
  // Each unordered pair was counted from both ends, so 1 / ((n − 1)(n − 2)) normalises.
  const scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 1;
  const result: Record<string, number> = {};
  nodes.forEach((node, i) => {
    result[node] = centrality[i]! * scale;
  });
  return result;
}

/**
 * Closeness centrality of an undirected, unweighted graph as networkx `closeness_centrality`
 * (default arguments), from graphology-metrics with the Wasserman–Faust correction:
 * (r / (n − 1)) · (r / Σ distances to the r nodes reachable from the node); 0 for a node reaching none.
 */
export function closenessCentrality(graph: AbstractGraph): Record<string, number> {
  requireGraphType(graph, 'undirected', 'closenessCentrality');
  return closeness(graph, { wassermanFaust: true });
}
