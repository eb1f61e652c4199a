import {
  compareIds,
  prepareNetwork,
  type PreparedNetwork,
  type TieTable,
} from './network-graph.js';
import type { EdgeListRow, NetworkInput, NetworkOptions } from './types.js';

export interface EdgeListOptions extends NetworkOptions {
  /** `false` (default): one row per ordered pair. `true`: one row per unordered pair, both directions summed, `source` sorting before `target`. */
  undirected?: boolean;
}

/** Edge-list rows of a prepared network; see {@link edgeList}. */
export function edgeListFromPrepared(prepared: PreparedNetwork, undirected = false): EdgeListRow[] {
  const { ids, rank, sourceNames } = prepared;
  const columns = sourceNames
    .map((name, k) => ({ name, k }))
    .sort((a, b) => compareIds(a.name, b.name));
  const ties: TieTable = undirected ? prepared.undirected : prepared.directed;
  // Sort by (source rank, target rank) as one number per tie: n² · m stays far below 2⁵³.
  const n = ids.length;
  const m = ties.length;
  const width = sourceNames.length;
  const keys = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    keys[i] = (rank[ties.source[i]!]! * n + rank[ties.target[i]!]!) * m + i;
  }
  keys.sort();
  const rows = new Array<EdgeListRow>(m);
  for (let r = 0; r < m; r++) {
    const i = keys[r]! % m;
    const row: EdgeListRow = {
      source: ids[ties.source[i]!]!,
      target: ids[ties.target[i]!]!,
      weight: ties.weight[i]!,
    };
    for (const { name, k } of columns) row[name] = ties.counts[i * width + k]!;
    rows[r] = row;
  }
  return rows;
}

/**
 * The merged ties as rows `{ source, target, weight, ...sources }` for CSV: duplicates merged
 * (weights and source counts add), self-loops dropped, one column per evidence source seen in the
 * input (0 where a pair has none; columns in sorted order), rows sorted by source then target id.
 */
export function edgeList(input: NetworkInput, options: EdgeListOptions = {}): EdgeListRow[] {
  return edgeListFromPrepared(prepareNetwork(input, options), options.undirected ?? false);
}
