/**
 * Okapi BM25 (Robertson & Zaragoza 2009, "The probabilistic relevance framework") with the
 * codes as the documents and a unit of text as the query: a code scores high when the unit
 * uses words its description uses and few other codes use.
 */

/** BM25 settings: `k1` term-frequency saturation, `b` length normalisation, `k3` query tf. */
export interface Bm25Options {
  readonly k1?: number;
  readonly b?: number;
  readonly k3?: number;
}

/** A built index: per document term weights and the collection statistics. */
export interface Bm25Index {
  readonly docs: readonly ReadonlyMap<string, number>[];
  readonly lengths: readonly number[];
  readonly averageLength: number;
  readonly idf: ReadonlyMap<string, number>;
  readonly k1: number;
  readonly b: number;
  readonly k3: number;
}

/**
 * Indexes documents given as term → (possibly weighted) frequency. idf(t) =
 * ln(1 + (N − n_t + 0.5) / (n_t + 0.5)), always positive.
 */
export function bm25Index(
  docs: readonly ReadonlyMap<string, number>[],
  options: Bm25Options = {},
): Bm25Index {
  const lengths = docs.map((d) => [...d.values()].reduce((s, v) => s + v, 0));
  const averageLength = lengths.reduce((s, v) => s + v, 0) / Math.max(1, docs.length);
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  const idf = new Map<string, number>();
  for (const [t, nt] of df) idf.set(t, Math.log(1 + (n - nt + 0.5) / (nt + 0.5)));
  return {
    docs,
    lengths,
    averageLength,
    idf,
    k1: options.k1 ?? 1.2,
    b: options.b ?? 0.75,
    k3: options.k3 ?? 1.5,
  };
}

/**
 * BM25 score of every document for a query given as term → count, with each term's share:
 * Σ_t idf(t) · tf·(k1+1)/(tf + k1·(1 − b + b·|d|/avgdl)) · qtf·(k3+1)/(qtf + k3).
 */
export function bm25Scores(
  index: Bm25Index,
  query: ReadonlyMap<string, number>,
): { score: number; contributions: Map<string, number> }[] {
  return index.docs.map((doc, i) => {
    const norm = index.k1 * (1 - index.b + (index.b * (index.lengths[i] ?? 0)) / (index.averageLength || 1));
    const contributions = new Map<string, number>();
    let score = 0;
    for (const [term, qtf] of query) {
      const tf = doc.get(term);
      if (tf === undefined || tf <= 0) continue;
      const w =
        (index.idf.get(term) ?? 0) *
        ((tf * (index.k1 + 1)) / (tf + norm)) *
        ((qtf * (index.k3 + 1)) / (qtf + index.k3));
      contributions.set(term, w);
      score += w;
    }
    return { score, contributions };
  });
}
