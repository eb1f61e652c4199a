/**
 * Index-based kernels behind the network measures: plain loops over typed arrays, no graph
 * library, so {@link networkMeasures} stays fast on dense networks (200 people, 20,000 ties).
 * Internal to the network module; the public functions wrap them.
 */
import type { AbstractGraph } from 'graphology-types';
import { compareIds } from './network-graph.js';
import type { EiIndex } from './types.js';

/** Pairs of node indices as columns: pair i joins `source[i]` and `target[i]`. */
export interface PairColumns {
  length: number;
  source: ArrayLike<number>;
  target: ArrayLike<number>;
}

/** Undirected neighbour lists: node i's neighbours are `neighbors[starts[i]]` … `neighbors[starts[i + 1] − 1]`. */
export interface Adjacency {
  n: number;
  starts: Int32Array;
  neighbors: Int32Array;
}

/** Neighbour lists of `n` nodes from distinct unordered pairs without self-loops. */
export function adjacencyFromPairs(n: number, pairs: PairColumns): Adjacency {
  const { length, source, target } = pairs;
  const starts = new Int32Array(n + 1);
  for (let i = 0; i < length; i++) {
    starts[source[i]! + 1]! += 1;
    starts[target[i]! + 1]! += 1;
  }
  for (let i = 0; i < n; i++) starts[i + 1]! += starts[i]!;
  const fill = starts.slice(0, n);
  const neighbors = new Int32Array(2 * length);
  for (let i = 0; i < length; i++) {
    const a = source[i]!;
    const b = target[i]!;
    neighbors[fill[a]!++] = b;
    neighbors[fill[b]!++] = a;
  }
  return { n, starts, neighbors };
}

/** Neighbour lists of a graphology graph (ties taken as undirected, self-loops left out), in `graph.nodes()` order. */
export function adjacencyFromGraph(graph: AbstractGraph): {
  nodes: string[];
  adjacency: Adjacency;
} {
  const nodes = graph.nodes();
  const n = nodes.length;
  const index = new Map<string, number>();
  nodes.forEach((node, i) => index.set(node, i));
  const starts = new Int32Array(n + 1);
  const neighbors: number[] = [];
  nodes.forEach((node, i) => {
    graph.forEachNeighbor(node, (neighbor) => {
      const j = index.get(neighbor);
      if (j !== undefined && j !== i) neighbors.push(j);
    });
    starts[i + 1] = neighbors.length;
  });
  return { nodes, adjacency: { n, starts, neighbors: Int32Array.from(neighbors) } };
}

/** How {@link shortestPathCentralities} walks the graph; `'auto'` picks by density. */
export type TraversalMethod = 'auto' | 'dense' | 'sparse';

/**
 * Betweenness (normalised as networkx `betweenness_centrality`) and closeness (networkx
 * `closeness_centrality`, Wasserman–Faust corrected) of an undirected, unweighted graph, from one
 * breadth-first search per node (Brandes 2001). Shortest-path counts are float64, as in networkx.
 *
 * Two traversals give the same numbers: `'sparse'` scans neighbour lists (O(n·m)); `'dense'` keeps
 * each node's neighbours as a bitset and visits only the ties between consecutive BFS levels
 * (switching to bottom-up search when the frontier is large), which is several times faster on
 * dense networks, where most ties join nodes of the same level.
 */
export function shortestPathCentralities(
  adjacency: Adjacency,
  method: TraversalMethod = 'auto',
): { betweenness: Float64Array; closeness: Float64Array } {
  const { n, neighbors } = adjacency;
  const words = (n + 31) >>> 5;
  const dense =
    method === 'dense' || (method === 'auto' && n <= 16_384 && 2 * n * words <= neighbors.length);
  const betweenness = new Float64Array(n);
  const closeness = new Float64Array(n);
  if (dense) denseBrandes(adjacency, betweenness, closeness);
  else sparseBrandes(adjacency, betweenness, closeness);
  // Every unordered pair was counted from both ends: 1 / ((n − 1)(n − 2)) normalises (networkx).
  if (n > 2) {
    const scale = 1 / ((n - 1) * (n - 2));
    for (let i = 0; i < n; i++) betweenness[i]! *= scale;
  }
  return { betweenness, closeness };
}

/** networkx: (r / Σd) · (r / (n − 1)) for r reachable nodes at total distance Σd; 0 when none. */
function closenessOf(reached: number, totalDistance: number, n: number): number {
  return totalDistance > 0 && n > 1 ? (reached / totalDistance) * (reached / (n - 1)) : 0;
}

/** Scratch arrays shared by the single-source passes below (one allocation per call). */
interface BrandesState {
  n: number;
  starts: Int32Array;
  neighbors: Int32Array;
  distance: Int32Array;
  sigma: Float64Array;
  delta: Float64Array;
  queue: Int32Array;
  betweenness: Float64Array;
  closeness: Float64Array;
}

function brandesState(
  { n, starts, neighbors }: Adjacency,
  betweenness: Float64Array,
  closeness: Float64Array,
): BrandesState {
  return {
    n,
    starts,
    neighbors,
    distance: new Int32Array(n).fill(-1),
    sigma: new Float64Array(n),
    delta: new Float64Array(n),
    queue: new Int32Array(n),
    betweenness,
    closeness,
  };
}

// The per-source work is split into small functions called once per node, so V8 optimises them
// after a few calls instead of compiling one large function on stack replacement.

function sparseBrandes(
  adjacency: Adjacency,
  betweenness: Float64Array,
  closeness: Float64Array,
): void {
  const state = brandesState(adjacency, betweenness, closeness);
  for (let s = 0; s < adjacency.n; s++) {
    const reached = sparseForward(state, s);
    sparseBackward(state, reached);
  }
}

/** Breadth-first search from `s` counting shortest paths; returns how many nodes were reached. */
function sparseForward(state: BrandesState, s: number): number {
  const { n, starts, neighbors, distance, sigma, queue } = state;
  distance[s] = 0;
  sigma[s] = 1;
  queue[0] = s;
  let head = 0;
  let tail = 1;
  let totalDistance = 0;
  while (head < tail) {
    const v = queue[head++]!;
    const next = distance[v]! + 1;
    const sigmaV = sigma[v]!;
    for (let k = starts[v]!, end = starts[v + 1]!; k < end; k++) {
      const w = neighbors[k]!;
      const dw = distance[w]!;
      if (dw === -1) {
        distance[w] = next;
        totalDistance += next;
        queue[tail++] = w;
        sigma[w]! += sigmaV;
      } else if (dw === next) {
        sigma[w]! += sigmaV;
      }
    }
  }
  state.closeness[s] = closenessOf(tail - 1, totalDistance, n);
  return tail;
}

/** Dependency accumulation over the BFS order in reverse, then reset of the touched entries. */
function sparseBackward(state: BrandesState, reached: number): void {
  const { starts, neighbors, distance, sigma, delta, queue, betweenness } = state;
  for (let i = reached - 1; i > 0; i--) {
    const w = queue[i]!;
    const previous = distance[w]! - 1;
    const coefficient = (1 + delta[w]!) / sigma[w]!;
    for (let k = starts[w]!, end = starts[w + 1]!; k < end; k++) {
      const v = neighbors[k]!;
      if (distance[v] === previous) delta[v]! += sigma[v]! * coefficient;
    }
    betweenness[w]! += delta[w]!;
  }
  for (let i = 0; i < reached; i++) {
    const v = queue[i]!;
    distance[v] = -1;
    sigma[v] = 0;
    delta[v] = 0;
  }
}

/** The dense traversal's extra state: neighbour bitsets, BFS levels, one level bitset. */
interface DenseState extends BrandesState {
  words: number;
  rows: Uint32Array;
  /** queue[levelStart[d]] … queue[levelStart[d + 1] − 1] are the nodes at distance d. */
  levelStart: Int32Array;
  /** Bitset of one BFS level: the frontier going forward, the predecessors going back. */
  level: Uint32Array;
  /** Nodes not yet reached (may still list reached ones until a bottom-up step compacts it). */
  unvisited: Int32Array;
}

function denseBrandes(
  adjacency: Adjacency,
  betweenness: Float64Array,
  closeness: Float64Array,
): void {
  const { n, starts, neighbors } = adjacency;
  const words = (n + 31) >>> 5;
  const rows = new Uint32Array(n * words);
  for (let v = 0; v < n; v++) {
    const base = v * words;
    for (let k = starts[v]!, end = starts[v + 1]!; k < end; k++) {
      const w = neighbors[k]!;
      rows[base + (w >>> 5)]! |= 1 << (w & 31);
    }
  }
  const state: DenseState = {
    ...brandesState(adjacency, betweenness, closeness),
    words,
    rows,
    levelStart: new Int32Array(n + 2),
    level: new Uint32Array(words),
    unvisited: new Int32Array(n),
  };
  for (let s = 0; s < n; s++) {
    const depth = denseForward(state, s);
    denseBackward(state, depth);
  }
}

function setLevelBits(state: DenseState, from: number, to: number): void {
  const { queue, level } = state;
  for (let i = from; i < to; i++) {
    const v = queue[i]!;
    level[v >>> 5]! |= 1 << (v & 31);
  }
}

function clearLevelBits(state: DenseState, from: number, to: number): void {
  const { queue, level } = state;
  for (let i = from; i < to; i++) level[queue[i]! >>> 5] = 0;
}

/** Level-by-level BFS from `s` with path counts; returns the depth of the last level. */
function denseForward(state: DenseState, s: number): number {
  const { n, starts, neighbors, distance, sigma, queue, levelStart, unvisited, words } = state;
  distance.fill(-1);
  sigma.fill(0);
  distance[s] = 0;
  sigma[s] = 1;
  queue[0] = s;
  levelStart[0] = 0;
  levelStart[1] = 1;
  let tail = 1;
  let unvisitedCount = 0;
  for (let v = 0; v < n; v++) if (v !== s) unvisited[unvisitedCount++] = v;
  setLevelBits(state, 0, 1);
  let frontierDegree = starts[s + 1]! - starts[s]!;
  let depth = 0;
  let totalDistance = 0;
  while (tail < n) {
    const begin = levelStart[depth]!;
    const end = levelStart[depth + 1]!;
    const next = depth + 1;
    if (frontierDegree <= (n - tail) * words) {
      // Top-down: scan the frontier's neighbour lists.
      for (let i = begin; i < end; i++) {
        const v = queue[i]!;
        for (let k = starts[v]!, stop = starts[v + 1]!; k < stop; k++) {
          const w = neighbors[k]!;
          if (distance[w] === -1) {
            distance[w] = next;
            queue[tail++] = w;
          }
        }
      }
    } else {
      unvisitedCount = bottomUp(state, unvisitedCount, next, tail);
      tail = n - unvisitedCount;
    }
    if (tail === end) break;
    levelStart[next + 1] = tail;
    frontierDegree = countPaths(state, end, tail);
    totalDistance += next * (tail - end);
    clearLevelBits(state, begin, end);
    setLevelBits(state, end, tail);
    depth = next;
  }
  state.closeness[s] = closenessOf(tail - 1, totalDistance, n);
  clearLevelBits(state, levelStart[depth]!, levelStart[depth + 1]!);
  return depth;
}

/** Bottom-up step: each unreached node looks for a neighbour in the frontier. Returns how many remain unreached. */
function bottomUp(state: DenseState, unvisitedCount: number, next: number, tail: number): number {
  const { distance, queue, rows, level, unvisited, words } = state;
  let kept = 0;
  for (let j = 0; j < unvisitedCount; j++) {
    const w = unvisited[j]!;
    if (distance[w] !== -1) continue;
    const base = w * words;
    let x = 0;
    while (x < words && (rows[base + x]! & level[x]!) === 0) x++;
    if (x < words) {
      distance[w] = next;
      queue[tail++] = w;
    } else {
      unvisited[kept++] = w;
    }
  }
  return kept;
}

/** Path counts of the new level queue[from … to − 1]: sums over neighbours in the frontier. Returns the level's total degree. */
function countPaths(state: DenseState, from: number, to: number): number {
  const { starts, sigma, queue, rows, level, words } = state;
  let degree = 0;
  for (let i = from; i < to; i++) {
    const w = queue[i]!;
    const base = w * words;
    let paths = 0;
    for (let x = 0; x < words; x++) {
      let word = rows[base + x]! & level[x]!;
      while (word !== 0) {
        const bit = word & -word;
        paths += sigma[(x << 5) | (31 - Math.clz32(bit))]!;
        word ^= bit;
      }
    }
    sigma[w] = paths;
    degree += starts[w + 1]! - starts[w]!;
  }
  return degree;
}

/** From the deepest level up: each node passes its dependency to its predecessors. */
function denseBackward(state: DenseState, depth: number): void {
  const { sigma, delta, queue, rows, level, levelStart, words, betweenness } = state;
  delta.fill(0);
  for (let d = depth; d >= 1; d--) {
    setLevelBits(state, levelStart[d - 1]!, levelStart[d]!);
    for (let i = levelStart[d]!, stop = levelStart[d + 1]!; i < stop; i++) {
      const w = queue[i]!;
      const coefficient = (1 + delta[w]!) / sigma[w]!;
      const base = w * words;
      for (let x = 0; x < words; x++) {
        let word = rows[base + x]! & level[x]!;
        while (word !== 0) {
          const bit = word & -word;
          const v = (x << 5) | (31 - Math.clz32(bit));
          delta[v]! += sigma[v]! * coefficient;
          word ^= bit;
        }
      }
      betweenness[w]! += delta[w]!;
    }
    clearLevelBits(state, levelStart[d - 1]!, levelStart[d]!);
  }
}

/** Connected-component label of every node (0, 1, … in order of each component's first node). */
export function componentLabels({ n, starts, neighbors }: Adjacency): Int32Array {
  const label = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (label[root] !== -1) continue;
    label[root] = count;
    queue[0] = root;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = queue[head++]!;
      for (let k = starts[v]!, end = starts[v + 1]!; k < end; k++) {
        const w = neighbors[k]!;
        if (label[w] === -1) {
          label[w] = count;
          queue[tail++] = w;
        }
      }
    }
    count += 1;
  }
  return label;
}

/**
 * Articulation points (cut vertices): Tarjan's depth-first search with low-links, iterative (an
 * explicit stack) so long paths cannot overflow the call stack. Returns 1 for each cut vertex.
 */
export function cutVertices({ n, starts, neighbors }: Adjacency): Uint8Array {
  const discovered = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  /** Where in its neighbour list each node's search resumes. */
  const cursor = new Int32Array(n);
  const isCut = new Uint8Array(n);
  const stack = new Int32Array(n);
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (discovered[root] !== -1) continue;
    discovered[root] = low[root] = time++;
    cursor[root] = starts[root]!;
    let rootChildren = 0;
    let top = 0;
    stack[0] = root;
    while (top >= 0) {
      const u = stack[top]!;
      const k = cursor[u]!;
      if (k < starts[u + 1]!) {
        cursor[u] = k + 1;
        const v = neighbors[k]!;
        if (discovered[v] === -1) {
          parent[v] = u;
          discovered[v] = low[v] = time++;
          cursor[v] = starts[v]!;
          stack[++top] = v;
          if (u === root) rootChildren += 1;
        } else if (v !== parent[u] && discovered[v]! < low[u]!) {
          low[u] = discovered[v]!;
        }
      } else {
        top -= 1;
        const p = parent[u]!;
        if (p !== -1) {
          if (low[u]! < low[p]!) low[p] = low[u]!;
          if (p !== root && low[u]! >= discovered[p]!) isCut[p] = 1;
        }
      }
    }
    if (rootChildren > 1) isCut[root] = 1;
  }
  return isCut;
}

/** Freeman degree centralization: Σ (max − degree_i) / ((n − 1)(n − 2)); 0 for n < 3. */
export function freemanFromDegrees(degrees: ArrayLike<number>): number {
  const n = degrees.length;
  if (n < 3) return 0;
  let max = 0;
  for (let i = 0; i < n; i++) if (degrees[i]! > max) max = degrees[i]!;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += max - degrees[i]!;
  return sum / ((n - 1) * (n - 2));
}

/**
 * E-I index over undirected pairs of node indices, given each node's group (or none). See
 * {@link eiIndex} for the definition.
 */
export function eiFromPairs(groups: readonly (string | undefined)[], pairs: PairColumns): EiIndex {
  const names = [...new Set(groups.filter((g): g is string => g !== undefined))].sort(compareIds);
  const slot = new Map(names.map((name, i) => [name, i]));
  const groupOf = new Int32Array(groups.length);
  groups.forEach((group, i) => {
    groupOf[i] = group === undefined ? -1 : slot.get(group)!;
  });
  const internal = new Float64Array(names.length);
  const external = new Float64Array(names.length);
  let allInternal = 0;
  let allExternal = 0;
  for (let i = 0; i < pairs.length; i++) {
    const a = groupOf[pairs.source[i]!]!;
    const b = groupOf[pairs.target[i]!]!;
    if (a < 0 || b < 0 || pairs.source[i] === pairs.target[i]) continue;
    if (a === b) {
      allInternal += 1;
      internal[a]! += 1;
    } else {
      allExternal += 1;
      external[a]! += 1;
      external[b]! += 1;
    }
  }
  const ratio = (i: number, e: number): number | null => (i + e === 0 ? null : (e - i) / (e + i));
  const byGroup: Record<string, number | null> = {};
  names.forEach((name, g) => {
    byGroup[name] = ratio(internal[g]!, external[g]!);
  });
  return { overall: ratio(allInternal, allExternal), byGroup };
}
