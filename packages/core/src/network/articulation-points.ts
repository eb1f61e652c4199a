import type { AbstractGraph } from 'graphology-types';
import { compareIds, requireGraphType } from './network-graph.js';
import { adjacencyFromGraph, cutVertices } from './network-kernels.js';

/**
 * Articulation points (cut vertices) of an undirected graph: nodes whose removal splits their
 * component (networkx `articulation_points`). Tarjan's algorithm, iterative, so deep graphs cannot
 * overflow the call stack. Sorted by id.
 */
export function articulationPoints(graph: AbstractGraph): string[] {
  requireGraphType(graph, 'undirected', 'articulationPoints');
  const { nodes, adjacency } = adjacencyFromGraph(graph);
  const isCut = cutVertices(adjacency);
  return nodes.filter((_node, i) => isCut[i] === 1).sort(compareIds);
}
