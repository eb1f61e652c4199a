import {
  compareIds,
  prepareNetwork,
  type PreparedNetwork,
  type TieTable,
} from './network-graph.js';
import type { EdgeListRow, NetworkInput, NetworkOptions, PairWeight } from './types.js';

export interface EdgeListOptions extends NetworkOptions {
  /** `false` (default): one row per ordered pair. `true`: one row per unordered pair, both directions summed, `source` sorting before `target`. */
  undirected?: boolean;
}

/** Tie indices of `ties` sorted by source id, then target id. */
function sortedTies(prepared: PreparedNetwork, ties: TieTable): Float64Array {
  const { rank } = prepared;
  // One number per tie, (source rank, target rank, index): n² · m stays far below 2⁵³.
  const n = prepared.ids.length;
  const m = ties.length;
  const keys = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    keys[i] = (rank[ties.source[i]!]! * n + rank[ties.target[i]!]!) * m + i;
  }
  keys.sort();
  for (let r = 0; r < m; r++) keys[r] = keys[r]! % m;
  return keys;
}

/** Edge-list rows of a prepared network; see {@link edgeList}. */
export function edgeListFromPrepared(prepared: PreparedNetwork, undirected = false): EdgeListRow[] {
  const { ids, sourceNames } = prepared;
  const ties: TieTable = undirected ? prepared.undirected : prepared.directed;
  const columns = sourceNames
    .map((name, k) => ({ name, column: ties.counts[k]! }))
    .sort((a, b) => compareIds(a.name, b.name));
  return Array.from(sortedTies(prepared, ties), (i) => {
    const row: EdgeListRow = {
      source: ids[ties.source[i]!]!,
      target: ids[ties.target[i]!]!,
      weight: ties.weight[i]!,
    };
    for (const { name, column } of columns) row[name] = column[i]!;
    return row;
  });
}

/** Total weight per undirected pair, sorted by source then target id. */
export function pairWeightsFromPrepared(prepared: PreparedNetwork): PairWeight[] {
  const { ids, undirected } = prepared;
  return Array.from(sortedTies(prepared, undirected), (i) => ({
    source: ids[undirected.source[i]!]!,
    target: ids[undirected.target[i]!]!,
    weight: undirected.weight[i]!,
  }));
}

/**
 * The merged ties as rows `{ source, target, weight, ...sources }` for CSV: duplicates merged
 * (weights and source counts add), self-loops dropped, one column per evidence source seen in the
 * input (0 where a pair has none; columns in sorted order), rows sorted by source then target id.
 */
export function edgeList(input: NetworkInput, options: EdgeListOptions = {}): EdgeListRow[] {
  return edgeListFromPrepared(prepareNetwork(input, options), options.undirected ?? false);
}
