import type { NetworkInput, NetworkNode, NetworkTie } from './types.js';

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EVIDENCE_SOURCES = ['communication', 'activity', 'survey'] as const;

/**
 * A deterministic random network for tests and benchmarks: `nodes` people (`p000`, `p001`, …) in
 * `groups` agencies (`agency0`, …, assigned round-robin; no groups when `groups` ≤ 0) and `ties`
 * contacts, each a tie of weight 1 with one evidence source. Senders are skewed (a few very active
 * people, some never sending), half of the contacts stay within the sender's agency, and repeated
 * pairs are left for the measures to merge. No self-loops. Same arguments, same network.
 */
export function randomNetwork(
  seed: number,
  nodes: number,
  ties: number,
  groups: number,
): NetworkInput {
  const random = mulberry32(seed);
  const pick = (size: number): number => Math.min(size - 1, Math.floor(random() * size));
  const width = String(Math.max(nodes - 1, 0)).length;
  const groupCount = Math.max(0, Math.floor(groups));
  const nodeList: NetworkNode[] = [];
  for (let i = 0; i < nodes; i++) {
    const id = `p${String(i).padStart(width, '0')}`;
    nodeList.push(groupCount > 0 ? { id, group: `agency${i % groupCount}` } : { id });
  }
  const tieList: NetworkTie[] = [];
  if (nodes < 2) return { nodes: nodeList, ties: tieList };
  for (let t = 0; t < ties; t++) {
    const source = Math.min(nodes - 1, Math.floor(random() ** 2 * nodes));
    let target: number;
    if (groupCount > 0 && random() < 0.5) {
      // Another member of the sender's agency: indices ≡ source (mod groupCount).
      const first = source % groupCount;
      const members = Math.floor((nodes - 1 - first) / groupCount) + 1;
      target = first + groupCount * pick(members);
    } else {
      target = pick(nodes);
    }
    if (target === source) target = (source + 1 + pick(nodes - 1)) % nodes;
    const r = random();
    const kind = EVIDENCE_SOURCES[r < 0.6 ? 0 : r < 0.9 ? 1 : 2];
    tieList.push({
      source: nodeList[source]!.id,
      target: nodeList[target]!.id,
      weight: 1,
      sources: { [kind]: 1 },
    });
  }
  return { nodes: nodeList, ties: tieList };
}
