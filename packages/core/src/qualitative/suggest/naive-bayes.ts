/**
 * Multinomial naive Bayes (McCallum & Nigam 1998) over the researcher's coded segments:
 * P(label | text) ∝ P(label) · Π_t P(t | label)^count, with Laplace-style smoothing α.
 */

/** A trained model: per label term counts and totals, over one shared vocabulary. */
export interface NaiveBayesModel {
  readonly labels: readonly string[];
  readonly counts: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly totals: ReadonlyMap<string, number>;
  readonly documents: ReadonlyMap<string, number>;
  readonly vocabulary: ReadonlySet<string>;
  readonly alpha: number;
}

/** Trains on (label, term counts) examples; labels keep the order they are first seen in. */
export function trainNaiveBayes(
  examples: readonly { readonly label: string; readonly terms: ReadonlyMap<string, number> }[],
  alpha = 0.5,
): NaiveBayesModel {
  const labels: string[] = [];
  const counts = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  const documents = new Map<string, number>();
  const vocabulary = new Set<string>();
  for (const ex of examples) {
    let c = counts.get(ex.label);
    if (!c) {
      c = new Map();
      counts.set(ex.label, c);
      labels.push(ex.label);
    }
    documents.set(ex.label, (documents.get(ex.label) ?? 0) + 1);
    for (const [t, n] of ex.terms) {
      c.set(t, (c.get(t) ?? 0) + n);
      totals.set(ex.label, (totals.get(ex.label) ?? 0) + n);
      vocabulary.add(t);
    }
  }
  return { labels, counts, totals, documents, vocabulary, alpha };
}

/** log P(t | label) under the model's smoothing. */
export function termLogLikelihood(model: NaiveBayesModel, label: string, term: string): number {
  const n = model.counts.get(label)?.get(term) ?? 0;
  const total = model.totals.get(label) ?? 0;
  return Math.log((n + model.alpha) / (total + model.alpha * Math.max(1, model.vocabulary.size)));
}

/**
 * Mean per-term log-likelihood of a text under each label (terms outside the vocabulary are
 * skipped), and how many terms counted. Averaging per term keeps long turns from making the
 * posterior absurdly sharp.
 */
export function naiveBayesLogLikelihoods(
  model: NaiveBayesModel,
  terms: ReadonlyMap<string, number>,
): { perLabel: Map<string, number>; known: number } {
  const perLabel = new Map<string, number>();
  let known = 0;
  for (const [, n] of [...terms].filter(([t]) => model.vocabulary.has(t))) known += n;
  for (const label of model.labels) {
    let ll = 0;
    for (const [t, n] of terms)
      if (model.vocabulary.has(t)) ll += n * termLogLikelihood(model, label, t);
    perLabel.set(label, known > 0 ? ll / known : 0);
  }
  return { perLabel, known };
}
