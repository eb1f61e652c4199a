import { DirectedGraph, UndirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import {
  NetworkInputError,
  type NetworkInput,
  type NetworkNode,
  type NetworkOptions,
  type NetworkTie,
} from './types.js';

/** Node attributes of the graphs built by {@link networkGraphs}. */
export interface NetworkNodeAttributes {
  group?: string;
}

/** Edge attributes of the graphs built by {@link networkGraphs}: merged contacts per pair. */
export interface NetworkEdgeAttributes {
  weight: number;
  sources: Record<string, number>;
}

/** Any graphology graph carrying Weframe's attributes. */
export type NetworkGraph = AbstractGraph<NetworkNodeAttributes, NetworkEdgeAttributes>;

/** A directed or undirected pair after merging duplicate ties. */
export interface MergedTie {
  source: string;
  target: string;
  weight: number;
  sources: Map<string, number>;
}

/** The input checked and merged; what every measure is built from. */
export interface PreparedNetwork {
  nodes: NetworkNode[];
  /** Distinct ordered pairs, in order of first appearance. */
  directed: MergedTie[];
  /** Distinct unordered pairs, `source` < `target` in UTF-16 code-unit order, in order of first appearance. */
  undirected: MergedTie[];
  /** Every evidence source named in the input, sorted. */
  sourceNames: string[];
  selfLoops: number;
  droppedTies: number;
}

const RESERVED_SOURCE_NAMES = new Set(['source', 'target', 'weight']);

/** Deterministic id order: UTF-16 code units (the same as Python's for ids without astral characters). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function tieName(tie: NetworkTie): string {
  return `"${tie.source}" → "${tie.target}"`;
}

function tieWeight(tie: NetworkTie, path: string): number {
  let fromSources = 0;
  if (tie.sources !== undefined) {
    for (const [name, count] of Object.entries(tie.sources)) {
      if (RESERVED_SOURCE_NAMES.has(name)) {
        throw new NetworkInputError(
          'reserved_source_name',
          `${path}.sources.${name}`,
          `tie ${tieName(tie)} names an evidence source "${name}", which is reserved for edge-list columns`,
        );
      }
      if (!Number.isFinite(count) || count < 0) {
        throw new NetworkInputError(
          'invalid_weight',
          `${path}.sources.${name}`,
          `tie ${tieName(tie)} has an invalid count ${String(count)} for source "${name}"`,
        );
      }
      fromSources += count;
    }
  }
  const weight = tie.weight ?? (tie.sources === undefined ? 1 : fromSources);
  if (!Number.isFinite(weight) || weight <= 0) {
    throw new NetworkInputError(
      'invalid_weight',
      `${path}.weight`,
      `tie ${tieName(tie)} has weight ${String(weight)}: a tie needs at least one contact`,
    );
  }
  return weight;
}

function mergeInto(
  pairs: Map<number, MergedTie>,
  order: MergedTie[],
  key: number,
  source: string,
  target: string,
  weight: number,
  sources: Record<string, number> | undefined,
): void {
  let merged = pairs.get(key);
  if (merged === undefined) {
    merged = { source, target, weight: 0, sources: new Map() };
    pairs.set(key, merged);
    order.push(merged);
  }
  merged.weight += weight;
  if (sources !== undefined) {
    for (const [name, count] of Object.entries(sources)) {
      merged.sources.set(name, (merged.sources.get(name) ?? 0) + count);
    }
  }
}

/**
 * Checks and merges the input: duplicate ties add their weights and source counts, self-loops are
 * dropped, a tie without `weight` weighs the sum of its `sources` (or 1 without them). Throws a
 * {@link NetworkInputError} for duplicate node ids, invalid weights, reserved source names and (unless
 * `unknownNodes: 'drop'`) ties naming unknown nodes.
 */
export function prepareNetwork(input: NetworkInput, options: NetworkOptions = {}): PreparedNetwork {
  const unknownNodes = options.unknownNodes ?? 'error';
  const index = new Map<string, number>();
  input.nodes.forEach((node, i) => {
    if (index.has(node.id)) {
      throw new NetworkInputError(
        'duplicate_node',
        `nodes[${i}].id`,
        `node "${node.id}" appears more than once`,
      );
    }
    index.set(node.id, i);
  });
  const n = input.nodes.length;
  const directedPairs = new Map<number, MergedTie>();
  const undirectedPairs = new Map<number, MergedTie>();
  const directed: MergedTie[] = [];
  const undirected: MergedTie[] = [];
  const sourceNames = new Set<string>();
  let selfLoops = 0;
  let droppedTies = 0;
  input.ties.forEach((tie, t) => {
    const path = `ties[${t}]`;
    const s = index.get(tie.source);
    const d = index.get(tie.target);
    if (s === undefined || d === undefined) {
      if (unknownNodes === 'drop') {
        droppedTies += 1;
        return;
      }
      const end = s === undefined ? 'source' : 'target';
      throw new NetworkInputError(
        'unknown_node',
        `${path}.${end}`,
        `tie ${tieName(tie)} names unknown node "${tie[end]}"`,
      );
    }
    const weight = tieWeight(tie, path);
    if (s === d) {
      selfLoops += 1;
      return;
    }
    if (tie.sources !== undefined) for (const name of Object.keys(tie.sources)) sourceNames.add(name);
    mergeInto(directedPairs, directed, s * n + d, tie.source, tie.target, weight, tie.sources);
    const forward = compareIds(tie.source, tie.target) < 0;
    mergeInto(
      undirectedPairs,
      undirected,
      forward ? s * n + d : d * n + s,
      forward ? tie.source : tie.target,
      forward ? tie.target : tie.source,
      weight,
      tie.sources,
    );
  });
  return {
    nodes: input.nodes,
    directed,
    undirected,
    sourceNames: [...sourceNames].sort(compareIds),
    selfLoops,
    droppedTies,
  };
}

function sourcesRecord(sources: Map<string, number>): Record<string, number> {
  return Object.fromEntries(sources);
}

function addNodes(graph: NetworkGraph, nodes: readonly NetworkNode[]): void {
  for (const node of nodes) {
    graph.addNode(node.id, node.group === undefined ? {} : { group: node.group });
  }
}

/** The directed and the undirected simple graphs of a prepared network, in input node order. */
export function graphsFromPrepared(prepared: PreparedNetwork): {
  directed: DirectedGraph<NetworkNodeAttributes, NetworkEdgeAttributes>;
  undirected: UndirectedGraph<NetworkNodeAttributes, NetworkEdgeAttributes>;
} {
  const directed = new DirectedGraph<NetworkNodeAttributes, NetworkEdgeAttributes>();
  const undirected = new UndirectedGraph<NetworkNodeAttributes, NetworkEdgeAttributes>();
  addNodes(directed, prepared.nodes);
  addNodes(undirected, prepared.nodes);
  for (const tie of prepared.directed) {
    directed.addEdge(tie.source, tie.target, {
      weight: tie.weight,
      sources: sourcesRecord(tie.sources),
    });
  }
  for (const tie of prepared.undirected) {
    undirected.addEdge(tie.source, tie.target, {
      weight: tie.weight,
      sources: sourcesRecord(tie.sources),
    });
  }
  return { directed, undirected };
}

/**
 * Builds graphology graphs from the input (see {@link prepareNetwork} for merging and errors):
 * `directed` has one edge per ordered pair, `undirected` one per unordered pair; edges carry the
 * merged `weight` and `sources`, nodes their `group`.
 */
export function networkGraphs(
  input: NetworkInput,
  options: NetworkOptions = {},
): ReturnType<typeof graphsFromPrepared> {
  return graphsFromPrepared(prepareNetwork(input, options));
}

/** Throws unless `graph` is a simple graph of the given type; the measures define their graph. */
export function requireGraphType(
  graph: NetworkGraph | AbstractGraph,
  type: 'directed' | 'undirected',
  measure: string,
): void {
  if (graph.type !== type || graph.multi) {
    throw new TypeError(
      `${measure} needs a simple ${type} graph (got a ${graph.multi ? 'multi ' : ''}${graph.type} graph); use networkGraphs(input).${type}`,
    );
  }
}
