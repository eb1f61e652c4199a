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
  /** term → [document index, weighted frequency] for every document holding it. */
  readonly postings: ReadonlyMap<string, readonly (readonly [number, number])[]>;
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
  const postings = new Map<string, [number, number][]>();
  docs.forEach((d, i) => {
    for (const [t, tf] of d) {
      if (tf <= 0) continue;
      const list = postings.get(t);
      if (list) list.push([i, tf]);
      else postings.set(t, [[i, tf]]);
    }
  });
  const n = docs.length;
  const idf = new Map<string, number>();
  for (const [t, list] of postings)
    idf.set(t, Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5)));
  return {
    docs,
    postings,
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
  const results = index.docs.map(() => ({ score: 0, contributions: new Map<string, number>() }));
  const norms = index.lengths.map(
    (len) => index.k1 * (1 - index.b + (index.b * len) / (index.averageLength || 1)),
  );
  for (const [term, qtf] of query) {
    const list = index.postings.get(term);
    if (!list || qtf <= 0) continue;
    const q = (index.idf.get(term) ?? 0) * ((qtf * (index.k3 + 1)) / (qtf + index.k3));
    for (const [i, tf] of list) {
      const w = q * ((tf * (index.k1 + 1)) / (tf + (norms[i] ?? index.k1)));
      const r = results[i];
      if (!r) continue;
      r.contributions.set(term, w);
      r.score += w;
    }
  }
  return results;
}
