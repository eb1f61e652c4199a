import type { AbstractGraph } from 'graphology-types';

/** Compressed neighbour lists over node indices (graph.nodes() order); internal to the measures. */
export interface Adjacency {
  nodes: string[];
  /** Neighbours of node i are `neighbors[starts[i]]` … `neighbors[starts[i + 1] - 1]`. */
  starts: Int32Array;
  neighbors: Int32Array;
}

/** Neighbour lists of a simple graph (for an undirected graph: every tie, both ways). */
export function adjacency(graph: AbstractGraph): Adjacency {
  const nodes = graph.nodes();
  const index = new Map<string, number>();
  nodes.forEach((node, i) => index.set(node, i));
  const starts = new Int32Array(nodes.length + 1);
  const neighbors = new Int32Array(2 * graph.size);
  let k = 0;
  nodes.forEach((node, i) => {
    starts[i] = k;
    graph.forEachNeighbor(node, (neighbor) => {
      const j = index.get(neighbor);
      if (j !== undefined && j !== i) neighbors[k++] = j;
    });
  });
  starts[nodes.length] = k;
  return { nodes, starts, neighbors: neighbors.subarray(0, k) };
}
