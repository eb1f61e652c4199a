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

/**
 * Merged ties as columns: tie i joins node `source[i]` to node `target[i]` (indices into
 * {@link PreparedNetwork.ids}) with `weight[i]` contacts, `counts[k][i]` of them from evidence
 * source k (indexed like {@link PreparedNetwork.sourceNames}).
 */
export interface TieTable {
  length: number;
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
  counts: Float64Array[];
}

/** Unordered pairs: `source` is the endpoint whose id sorts first; `mutual[i]` is 1 when ties run both ways. */
export interface UndirectedTieTable extends TieTable {
  mutual: Uint8Array;
}

/** The input checked, indexed and merged; what every measure is built from. */
export interface PreparedNetwork {
  /** Node ids in input order; ties refer to nodes by position here. */
  ids: string[];
  groups: (string | undefined)[];
  /** Position of each node's id in sorted (UTF-16 code-unit) order. */
  rank: Int32Array;
  /** Evidence sources in order of first appearance; the columns of `counts`. */
  sourceNames: string[];
  /** Distinct ordered pairs, in order of first appearance. */
  directed: TieTable;
  /** Distinct unordered pairs, in order of first appearance. */
  undirected: UndirectedTieTable;
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
  const rank = idRanks(ids);

  // One pass over the ties: check each, give each distinct ordered pair a slot, add up its
  // weight and its contacts per evidence source (one column per source, grown as sources appear).
  const sourceIndex = new Map<string, number>();
  const sourceNames: string[] = [];
  const columns: number[][] = [];
  const ties = input.ties;
  // Slot of each ordered pair (plus one): a flat n × n table while small (≤ 16 MB), a map beyond.
  const slotMatrix = n * n <= 1 << 22 ? new Int32Array(n * n) : null;
  const slotOfPair = new Map<number, number>();
  const pairSource = new Int32Array(ties.length);
  const pairTarget = new Int32Array(ties.length);
  const pairWeight = new Float64Array(ties.length);
  let pairs = 0;
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
    let slot = -1; // stays −1 for a self-loop, which is checked but not counted
    if (s !== d) {
      const key = s * n + d;
      slot = slotMatrix === null ? (slotOfPair.get(key) ?? -1) : slotMatrix[key]! - 1;
      if (slot < 0) {
        slot = pairs++;
        if (slotMatrix === null) slotOfPair.set(key, slot);
        else slotMatrix[key] = slot + 1;
        pairSource[slot] = s;
        pairTarget[slot] = d;
        for (const column of columns) column.push(0);
      }
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
        let k = sourceIndex.get(name);
        if (k === undefined) {
          if (RESERVED_SOURCE_NAMES.has(name)) {
            throw new NetworkInputError(
              'reserved_source_name',
              `ties[${t}].sources.${name}`,
              `tie ${tieName(tie)} names an evidence source "${name}", which is reserved for edge-list columns`,
            );
          }
          k = sourceNames.length;
          sourceIndex.set(name, k);
          sourceNames.push(name);
          columns.push(new Array<number>(pairs).fill(0));
        }
        if (slot >= 0) columns[k]![slot]! += count;
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
    if (slot < 0) selfLoops += 1;
    else pairWeight[slot]! += weight;
  }

  const directed: TieTable = {
    length: pairs,
    source: pairSource.slice(0, pairs),
    target: pairTarget.slice(0, pairs),
    weight: pairWeight.slice(0, pairs),
    counts: columns.map((column) => Float64Array.from(column)),
  };
  return {
    ids,
    groups,
    rank,
    sourceNames,
    directed,
    undirected: undirectedTies(directed, rank, n),
    selfLoops,
    droppedTies,
  };
}

/** Position of each id in sorted (UTF-16 code-unit) order. */
function idRanks(ids: readonly string[]): Int32Array {
  const rank = new Int32Array(ids.length);
  ids
    .map((id, i) => ({ id, i }))
    .sort((a, b) => compareIds(a.id, b.id))
    .forEach((entry, r) => {
      rank[entry.i] = r;
    });
  return rank;
}

/**
 * The prepared network of ties a caller has already merged: `directed` holds distinct ordered
 * pairs of distinct nodes with positive weights, `counts` in the order of `sourceNames`. The
 * same as {@link prepareNetwork} gives for those ties as input, without building tie objects
 * (the diagnosis merges tens of thousands of contacts per pair itself).
 */
export function preparedFromMerged(
  nodes: { readonly ids: readonly string[]; readonly groups: readonly (string | undefined)[] },
  sourceNames: readonly string[],
  directed: TieTable,
): PreparedNetwork {
  const rank = idRanks(nodes.ids);
  return {
    ids: [...nodes.ids],
    groups: [...nodes.groups],
    rank,
    sourceNames: [...sourceNames],
    directed,
    undirected: undirectedTies(directed, rank, nodes.ids.length),
    selfLoops: 0,
    droppedTies: 0,
  };
}

/** Merges the two directions of each pair; the endpoint whose id sorts first becomes `source`. */
function undirectedTies(directed: TieTable, rank: Int32Array, n: number): UndirectedTieTable {
  const slotMatrix = n * n <= 1 << 22 ? new Int32Array(n * n) : null;
  const slotOfPair = new Map<number, number>();
  const m = directed.length;
  const slotOf = new Int32Array(m);
  const source = new Int32Array(m);
  const target = new Int32Array(m);
  const weight = new Float64Array(m);
  const mutual = new Uint8Array(m);
  let pairs = 0;
  for (let i = 0; i < m; i++) {
    const s = directed.source[i]!;
    const d = directed.target[i]!;
    const forward = rank[s]! < rank[d]!;
    const a = forward ? s : d;
    const b = forward ? d : s;
    const key = a * n + b;
    let slot = slotMatrix === null ? (slotOfPair.get(key) ?? -1) : slotMatrix[key]! - 1;
    if (slot < 0) {
      slot = pairs++;
      if (slotMatrix === null) slotOfPair.set(key, slot);
      else slotMatrix[key] = slot + 1;
      source[slot] = a;
      target[slot] = b;
    } else {
      mutual[slot] = 1;
    }
    weight[slot]! += directed.weight[i]!;
    slotOf[i] = slot;
  }
  const counts = directed.counts.map((column) => {
    const merged = new Float64Array(pairs);
    for (let i = 0; i < m; i++) merged[slotOf[i]!]! += column[i]!;
    return merged;
  });
  return {
    length: pairs,
    source: source.slice(0, pairs),
    target: target.slice(0, pairs),
    weight: weight.slice(0, pairs),
    counts,
    mutual: mutual.slice(0, pairs),
  };
}

function addEdges(
  graph: AbstractGraph<NetworkNodeAttributes, NetworkEdgeAttributes>,
  prepared: PreparedNetwork,
  ties: TieTable,
): void {
  const { ids, sourceNames } = prepared;
  for (let i = 0; i < ties.length; i++) {
    const sources: Record<string, number> = {};
    ties.counts.forEach((column, k) => {
      if (column[i] !== 0) sources[sourceNames[k]!] = column[i]!;
    });
    graph.addEdge(ids[ties.source[i]!]!, ids[ties.target[i]!]!, {
      weight: ties.weight[i]!,
      sources,
    });
  }
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
  addEdges(directed, prepared, prepared.directed);
  addEdges(undirected, prepared, prepared.undirected);
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
