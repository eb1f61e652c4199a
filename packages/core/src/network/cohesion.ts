import { connectedComponents } from 'graphology-components';
import { density } from 'graphology-metrics/graph/density.js';
import type { AbstractGraph } from 'graphology-types';
import { compareIds, requireGraphType } from './network-graph.js';
import { freemanFromDegrees } from './network-kernels.js';

/**
 * Density: ties / possible ties, n (n − 1) for a directed graph and n (n − 1) / 2 for an undirected
 * one (graphology-metrics); 0 for fewer than two nodes.
 */
export function networkDensity(graph: AbstractGraph): number {
  return density(graph);
}

/**
 * Overall reciprocity of a directed graph as networkx `overall_reciprocity`: the share of directed
 * ties whose reverse tie also exists. `null` for a graph without ties (networkx raises).
 */
export function reciprocity(graph: AbstractGraph): number | null {
  requireGraphType(graph, 'directed', 'reciprocity');
  if (graph.size === 0) return null;
  let mutual = 0;
  graph.forEachEdge((_edge, _attributes, source, target) => {
    if (source !== target && graph.hasDirectedEdge(target, source)) mutual += 1;
  });
  return mutual / graph.size;
}

/** In-degree of every node of a directed graph: how many distinct nodes have a tie to it. */
export function inDegrees(graph: AbstractGraph): Record<string, number> {
  requireGraphType(graph, 'directed', 'inDegrees');
  const result: Record<string, number> = {};
  graph.forEachNode((node) => {
    result[node] = graph.inDegreeWithoutSelfLoops(node);
  });
  return result;
}

/** Out-degree of every node of a directed graph: how many distinct nodes it has a tie to. */
export function outDegrees(graph: AbstractGraph): Record<string, number> {
  requireGraphType(graph, 'directed', 'outDegrees');
  const result: Record<string, number> = {};
  graph.forEachNode((node) => {
    result[node] = graph.outDegreeWithoutSelfLoops(node);
  });
  return result;
}

/**
 * Freeman degree centralization of an undirected graph as a proportion:
 * Σ (max degree − degree_i) / ((n − 1)(n − 2)); 1 for a star, 0 for a regular graph, 0 for n < 3.
 */
export function freemanDegreeCentralization(graph: AbstractGraph): number {
  requireGraphType(graph, 'undirected', 'freemanDegreeCentralization');
  return freemanFromDegrees(graph.mapNodes((node) => graph.degreeWithoutSelfLoops(node)));
}

/**
 * Connected components of an undirected graph (graphology-components), isolates included as
 * singletons. Members are sorted by id; components by size, largest first, then by first id.
 */
export function components(graph: AbstractGraph): string[][] {
  requireGraphType(graph, 'undirected', 'components');
  const result = connectedComponents(graph).map((component) => component.sort(compareIds));
  return result.sort((a, b) => b.length - a.length || compareIds(a[0] ?? '', b[0] ?? ''));
}

/** Nodes of an undirected graph without any tie (self-loops do not count), sorted by id. */
export function isolates(graph: AbstractGraph): string[] {
  requireGraphType(graph, 'undirected', 'isolates');
  return graph.filterNodes((node) => graph.degreeWithoutSelfLoops(node) === 0).sort(compareIds);
}
