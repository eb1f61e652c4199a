/** A person (or post) in the collaboration network. `group` is the agency id, used by the E-I index. */
export interface NetworkNode {
  id: string;
  group?: string;
}

/**
 * A directed tie from `source` to `target`. `weight` is the number of contacts; `sources` counts
 * contacts per evidence source, e.g. `{ communication: 3, activity: 1, survey: 1 }`.
 */
export interface NetworkTie {
  source: string;
  target: string;
  weight?: number;
  sources?: Record<string, number>;
}

/** The input to every network measure. */
export interface NetworkInput {
  nodes: NetworkNode[];
  ties: NetworkTie[];
}

/** How to treat ties that name a node not in `nodes`. */
export type UnknownNodePolicy = 'error' | 'drop';

export interface NetworkOptions {
  /** `'error'` (default) throws a {@link NetworkInputError}; `'drop'` leaves such ties out and says so in `conventions`. */
  unknownNodes?: UnknownNodePolicy;
}

export type NetworkInputErrorCode =
  'unknown_node' | 'duplicate_node' | 'invalid_weight' | 'reserved_source_name';

/** A problem in a {@link NetworkInput}; `path` points at the offending value, e.g. `ties[3].target`. */
export class NetworkInputError extends Error {
  override readonly name = 'NetworkInputError';
  readonly code: NetworkInputErrorCode;
  readonly path: string;

  constructor(code: NetworkInputErrorCode, path: string, message: string) {
    super(message);
    this.code = code;
    this.path = path;
  }
}

/**
 * One row of an edge list: the pair, its total weight (contacts) and one column per evidence
 * source seen anywhere in the input (0 where the pair has none), ready for CSV.
 */
export interface EdgeListRow {
  source: string;
  target: string;
  weight: number;
  [evidenceSource: string]: string | number;
}

/** One undirected pair and its total weight; a type alias, so it is also an {@link EdgeListRow}. */
export type PairWeight = {
  source: string;
  target: string;
  weight: number;
};

/** E-I index: (external − internal) / (external + internal); `null` where there are no ties to count. */
export interface EiIndex {
  overall: number | null;
  byGroup: Record<string, number | null>;
}

/** Everything {@link networkMeasures} returns; plain JSON. */
export interface NetworkMeasures {
  nodeCount: number;
  /** Distinct directed ties (ordered pairs) after merging duplicates and dropping self-loops. */
  tieCount: number;
  /** Distinct unordered pairs with a tie in either direction. */
  undirectedTieCount: number;
  /** Directed density: tieCount / (n (n − 1)); 0 for n < 2. */
  density: number;
  /** networkx `overall_reciprocity`: share of directed ties whose reverse also exists; `null` with no ties. */
  reciprocity: number | null;
  inDegree: Record<string, number>;
  outDegree: Record<string, number>;
  /** Freeman degree centralization of the undirected graph, 0..1; 0 for n < 3. */
  degreeCentralization: number;
  /** Normalised undirected betweenness (networkx `betweenness_centrality` default). */
  betweenness: Record<string, number>;
  /** Undirected closeness with the Wasserman–Faust correction (networkx `closeness_centrality` default). */
  closeness: Record<string, number>;
  /** Undirected connected components, isolates included; see `conventions` for the order. */
  components: string[][];
  isolates: string[];
  articulationPoints: string[];
  eiIndex: EiIndex;
  /**
   * Total weight (contacts, both directions) per undirected pair, `source` sorting before
   * `target`, rows sorted by source then target. `edgeList(input, { undirected: true })` adds the
   * per-source counts.
   */
  weights: PairWeight[];
  /** Plain-English statements of the conventions used. */
  conventions: string[];
}
