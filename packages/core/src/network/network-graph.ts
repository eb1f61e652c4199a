import { DirectedGraph, UndirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import {
  NetworkInputError,
  type NetworkInput,
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

/** A pair of node indices after merging duplicate ties. */
export interface MergedTie {
  source: number;
  target: number;
  /** Total contacts. */
  weight: number;
  /** Contacts per evidence source, indexed like {@link PreparedNetwork.sourceNames}. */
  counts: number[];
}

/** An unordered pair: `source` is the endpoint whose id sorts first. */
export interface MergedUndirectedTie extends MergedTie {
  /** True when ties run both ways. */
  mutual: boolean;
}

/** The input checked, indexed and merged; what every measure is built from. */
export interface PreparedNetwork {
  /** Node ids in input order; ties refer to nodes by position here. */
  ids: string[];
  groups: (string | undefined)[];
  /** Position of each node's id in sorted (UTF-16 code-unit) order. */
  rank: Int32Array;
  /** Evidence sources in order of first appearance. */
  sourceNames: string[];
  /** Distinct ordered pairs, in order of first appearance. */
  directed: MergedTie[];
  /** Distinct unordered pairs, in order of first appearance. */
  undirected: MergedUndirectedTie[];
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

/**
 * Checks, indexes and merges the input: duplicate ties add their weights and source counts,
 * self-loops are dropped, a tie without `weight` weighs the sum of its `sources` (or 1 without them).
 * Throws a {@link NetworkInputError} for duplicate node ids, invalid weights or counts, reserved
 * source names (`source`, `target`, `weight`) and, unless `unknownNodes: 'drop'`, ties naming
 * unknown nodes.
 */
export function prepareNetwork(input: NetworkInput, options: NetworkOptions = {}): PreparedNetwork {
  const dropUnknown = (options.unknownNodes ?? 'error') === 'drop';
  const n = input.nodes.length;
  const ids: string[] = new Array<string>(n);
  const groups: (string | undefined)[] = new Array<string | undefined>(n);
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const node = input.nodes[i]!;
    if (index.has(node.id)) {
      throw new NetworkInputError(
        'duplicate_node',
        `nodes[${i}].id`,
        `node "${node.id}" appears more than once`,
      );
    }
    index.set(node.id, i);
    ids[i] = node.id;
    groups[i] = node.group;
  }
  const rank = new Int32Array(n);
  ids
    .map((id, i) => ({ id, i }))
    .sort((a, b) => compareIds(a.id, b.id))
    .forEach((entry, r) => {
      rank[entry.i] = r;
    });

  // Pass 1: check every tie, give each distinct ordered pair a slot and add up its weight.
  const sourceIndex = new Map<string, number>();
  const sourceNames: string[] = [];
  const ties = input.ties;
  const tieSlot = new Int32Array(ties.length).fill(-1);
  // Slot of each ordered pair (plus one): a flat n × n table while small (≤ 16 MB), a map beyond.
  const slotMatrix = n * n <= 1 << 22 ? new Int32Array(n * n) : null;
  const slotOfPair = new Map<number, number>();
  const pairSource: number[] = [];
  const pairTarget: number[] = [];
  const pairWeight: number[] = [];
  let selfLoops = 0;
  let droppedTies = 0;
  for (let t = 0; t < ties.length; t++) {
    const tie = ties[t]!;
    const s = index.get(tie.source);
    const d = index.get(tie.target);
    if (s === undefined || d === undefined) {
      if (dropUnknown) {
        droppedTies += 1;
        continue;
      }
      const end = s === undefined ? 'source' : 'target';
      throw new NetworkInputError(
        'unknown_node',
        `ties[${t}].${end}`,
        `tie ${tieName(tie)} names unknown node "${tie[end]}"`,
      );
    }
    const sources = tie.sources;
    let fromSources = 0;
    if (sources !== undefined) {
      for (const name in sources) {
        const count = sources[name]!;
        if (!(count >= 0 && count < Infinity)) {
          throw new NetworkInputError(
            'invalid_weight',
            `ties[${t}].sources.${name}`,
            `tie ${tieName(tie)} has an invalid count ${String(count)} for source "${name}"`,
          );
        }
        if (!sourceIndex.has(name)) {
          if (RESERVED_SOURCE_NAMES.has(name)) {
            throw new NetworkInputError(
              'reserved_source_name',
              `ties[${t}].sources.${name}`,
              `tie ${tieName(tie)} names an evidence source "${name}", which is reserved for edge-list columns`,
            );
          }
          sourceIndex.set(name, sourceNames.length);
          sourceNames.push(name);
        }
        fromSources += count;
      }
    }
    const weight = tie.weight ?? (sources === undefined ? 1 : fromSources);
    if (!(weight > 0 && weight < Infinity)) {
      throw new NetworkInputError(
        'invalid_weight',
        `ties[${t}].weight`,
        `tie ${tieName(tie)} has weight ${String(weight)}: a tie needs at least one contact`,
      );
    }
    if (s === d) {
      selfLoops += 1;
      continue;
    }
    const key = s * n + d;
    let slot = slotMatrix === null ? slotOfPair.get(key) : slotMatrix[key]! - 1;
    if (slot === undefined || slot < 0) {
      slot = pairSource.length;
      if (slotMatrix === null) slotOfPair.set(key, slot);
      else slotMatrix[key] = slot + 1;
      pairSource.push(s);
      pairTarget.push(d);
      pairWeight.push(0);
    }
    pairWeight[slot]! += weight;
    tieSlot[t] = slot;
  }

  // Pass 2: add up the evidence-source counts per pair, now that the sources are known.
  const width = sourceNames.length;
  const flat = new Float64Array(pairSource.length * width);
  if (width > 0) {
    for (let t = 0; t < ties.length; t++) {
      const slot = tieSlot[t]!;
      const sources = ties[t]!.sources;
      if (slot < 0 || sources === undefined) continue;
      for (const name in sources) flat[slot * width + sourceIndex.get(name)!]! += sources[name]!;
    }
  }
  const directed: MergedTie[] = pairSource.map((source, slot) => {
    const counts = new Array<number>(width);
    for (let k = 0; k < width; k++) counts[k] = flat[slot * width + k]!;
    return { source, target: pairTarget[slot]!, weight: pairWeight[slot]!, counts };
  });

  const unordered = new Map<number, MergedUndirectedTie>();
  const undirected: MergedUndirectedTie[] = [];
  for (const tie of directed) {
    const forward = rank[tie.source]! < rank[tie.target]!;
    const a = forward ? tie.source : tie.target;
    const b = forward ? tie.target : tie.source;
    const key = a * n + b;
    const pair = unordered.get(key);
    if (pair === undefined) {
      const fresh = { source: a, target: b, weight: tie.weight, counts: tie.counts.slice(), mutual: false };
      unordered.set(key, fresh);
      undirected.push(fresh);
    } else {
      pair.mutual = true;
      pair.weight += tie.weight;
      for (let k = 0; k < width; k++) pair.counts[k]! += tie.counts[k]!;
    }
  }
  return { ids, groups, rank, sourceNames, directed, undirected, selfLoops, droppedTies };
}

function sourcesRecord(prepared: PreparedNetwork, tie: MergedTie): Record<string, number> {
  const record: Record<string, number> = {};
  tie.counts.forEach((count, k) => {
    if (count !== 0) record[prepared.sourceNames[k]!] = count;
  });
  return record;
}

/** The directed and the undirected simple graphology graphs of a prepared network, in input node order. */
export function graphsFromPrepared(prepared: PreparedNetwork): {
  directed: DirectedGraph<NetworkNodeAttributes, NetworkEdgeAttributes>;
  undirected: UndirectedGraph<NetworkNodeAttributes, NetworkEdgeAttributes>;
} {
  const directed = new DirectedGraph<NetworkNodeAttributes, NetworkEdgeAttributes>();
  const undirected = new UndirectedGraph<NetworkNodeAttributes, NetworkEdgeAttributes>();
  const { ids, groups } = prepared;
  ids.forEach((id, i) => {
    const group = groups[i];
    directed.addNode(id, group === undefined ? {} : { group });
    undirected.addNode(id, group === undefined ? {} : { group });
  });
  for (const tie of prepared.directed) {
    directed.addEdge(ids[tie.source]!, ids[tie.target]!, {
      weight: tie.weight,
      sources: sourcesRecord(prepared, tie),
    });
  }
  for (const tie of prepared.undirected) {
    undirected.addEdge(ids[tie.source]!, ids[tie.target]!, {
      weight: tie.weight,
      sources: sourcesRecord(prepared, tie),
    });
  }
  return { directed, undirected };
}

/**
 * Builds graphology graphs from the input (see {@link prepareNetwork} for merging and errors):
 * `directed` has one edge per ordered pair, `undirected` one per unordered pair; edges carry the
 * merged `weight` and `sources`, nodes their `group`. For the separate measure functions.
 */
export function networkGraphs(
  input: NetworkInput,
  options: NetworkOptions = {},
): ReturnType<typeof graphsFromPrepared> {
  return graphsFromPrepared(prepareNetwork(input, options));
}

/** Throws unless `graph` is a simple graph of the given type; each measure names the graph it is defined on. */
export function requireGraphType(
  graph: AbstractGraph,
  type: 'directed' | 'undirected',
  measure: string,
): void {
  if (graph.type !== type || graph.multi) {
    throw new TypeError(
      `${measure} needs a simple ${type} graph (got a ${graph.multi ? 'multi ' : ''}${graph.type} graph); use networkGraphs(input).${type}`,
    );
  }
}
