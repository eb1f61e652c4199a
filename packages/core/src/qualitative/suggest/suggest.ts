/**
 * Auto-coding suggestions that run offline: for each unit of a source (speaker turn or
 * sentence), rank the codebook's codes by (a) BM25 between the unit and each code's own
 * words — the model element's name, description and keywords, or a researcher's code's name
 * and description — and (b) a multinomial naive Bayes model trained on the researcher's
 * codings, blended in as coded examples accumulate; rejected suggestions count against a code.
 * No I/O, no downloads, no randomness: the same input always gives the same suggestions.
 */
import { ELEMENT_IDS, MODEL_NODES, type ModelNode } from '../../model/elements.js';
import { bm25Index, bm25Scores, type Bm25Index } from './bm25.js';
import {
  naiveBayesLogLikelihoods,
  termLogLikelihood,
  trainNaiveBayes,
  type NaiveBayesModel,
} from './naive-bayes.js';
import { BIGRAM_JOINER, termCounts, textTerms, type Term } from './text.js';
import { suggestionUnits, utf16Offsets, type SuggestSource, type SuggestUnit } from './units.js';

/** A code the suggester may propose: a document's code, or one built from a model element. */
export interface SuggestCode {
  readonly id: string;
  readonly name: string;
  /** The model element the code stands for; suggestions then name the element id. */
  readonly elementId?: string | undefined;
  readonly description?: string | undefined;
}

/** One piece of evidence from the researcher: a span's text and a code accepted or rejected for it. */
export interface TrainingExample {
  readonly text: string;
  /** A model element id, or a code id from the codebook (mapped to its element when it has one). */
  readonly codeId: string;
  readonly accepted: boolean;
}

/** One suggested code for a unit. */
export interface CodeSuggestion {
  /** The model element id for element codes, else the researcher's code id. */
  readonly code: string;
  /** 0–1: the blended share of evidence for this code among all codes. */
  readonly score: number;
  /** The words of the unit that drove the suggestion, strongest first. */
  readonly terms: readonly string[];
}

/** A unit of the source with its suggestions, best first. */
export interface UnitSuggestions extends SuggestUnit {
  readonly suggestions: readonly CodeSuggestion[];
}

/** Tuning knobs, all with defaults (`DEFAULT_SUGGEST_SETTINGS`); tuned on the non-held-out interviews only. */
export interface SuggestSettings {
  /** BM25 term-frequency saturation. */
  readonly k1: number;
  /** BM25 length normalisation. */
  readonly b: number;
  /** BM25 saturation of a term repeated in the unit. */
  readonly k3: number;
  /** Weight of a model element's keywords in its code text (name and description weigh 1). */
  readonly keywordWeight: number;
  /** Weight of the enclosing context's description (e.g. "Policy context") in an element's text. */
  readonly contextWeight: number;
  /** Count neighbouring word pairs ("line manager", "data protection") as terms too. */
  readonly bigrams: boolean;
  /** Sharpening exponent turning BM25 scores into shares: s^γ / (Σ s^γ + f^γ). */
  readonly coldSharpness: number;
  /**
   * The BM25 score f of "no code fits", counted in the shares above, so a unit that barely
   * touches one code's words does not hand that code the whole share.
   */
  readonly coldFloor: number;
  /** Naive Bayes smoothing α. */
  readonly alpha: number;
  /** Multiplier on the mean per-term log-likelihood before the naive Bayes softmax. */
  readonly learnedSharpness: number;
  /**
   * Accepted examples (over all codes) at which the learned model gets half the weight:
   * w = n / (n + this). A code with no words of its own is learned only (w = 1 for it).
   */
  readonly halfWeightExamples: number;
  /** How hard a unit that resembles rejected examples of a code is pushed down. */
  readonly rejectionStrength: number;
  /**
   * 0–1: how far words spread over many units of the same source ("people", "time", "work"
   * in an interview) are discounted, by an idf computed over the source's own units.
   */
  readonly sourceDiscount: number;
  /** Below this many units a source is too short for its own idf; no discount then. */
  readonly sourceDiscountMinUnits: number;
  /**
   * How the learned model weighs words: raw counts, or Rennie et al.'s (2003) transforms —
   * log(1 + tf) · idf over the training spans, each span scaled to unit length.
   */
  readonly learnedWeighting: 'counts' | 'tfidf';
}

/** Defaults of `SuggestSettings`. */
export const DEFAULT_SUGGEST_SETTINGS: SuggestSettings = {
  k1: 1.2,
  b: 0.75,
  k3: 1.5,
  keywordWeight: 2,
  contextWeight: 0.5,
  bigrams: true,
  coldSharpness: 2,
  coldFloor: 8,
  alpha: 0.5,
  learnedSharpness: 8,
  halfWeightExamples: 40,
  rejectionStrength: 4,
  sourceDiscount: 0.7,
  sourceDiscountMinUnits: 8,
  learnedWeighting: 'tfidf',
};

/** Options of `suggestCodes`. */
export interface SuggestOptions {
  /** The researcher's accepted and rejected codings to learn from (see `learnFromCodings`). */
  readonly trainingSet?: readonly TrainingExample[];
  /** Suggestions per unit (default 3). */
  readonly top?: number;
  /** Speakers whose turns get no suggestions, compared case-insensitively (default: Interviewer). */
  readonly skipSpeakers?: readonly string[];
  /** Overrides of the tuning knobs. */
  readonly settings?: Partial<SuggestSettings>;
}

const NODE_BY_ID: ReadonlyMap<string, ModelNode> = new Map(MODEL_NODES.map((n) => [n.id, n]));

/** One code per model element (id = element id), in model order: the codebook to use when a project has none. */
export function modelCodebook(): SuggestCode[] {
  return ELEMENT_IDS.map((id) => {
    const node = NODE_BY_ID.get(id) as ModelNode;
    return { id, name: node.name, elementId: id, description: node.description };
  });
}

/** The key a code's suggestions carry: its element id, else its own id. */
function keyOf(code: SuggestCode): string {
  return code.elementId ?? code.id;
}

/** Adds `weight` × each term of `text` to `into`. */
function addText(into: Map<string, number>, text: string, weight: number, bigrams: boolean): void {
  if (weight <= 0) return;
  for (const t of textTerms(text, bigrams)) into.set(t.term, (into.get(t.term) ?? 0) + weight);
}

const ELEMENT_TERMS = new Map<string, ReadonlyMap<string, number>>();

/**
 * A model element's weighted words: name, description, keywords (each on its own, so no
 * phrase runs across two) and its context's description. Memoised: the model is constant.
 */
function elementTerms(node: ModelNode, s: SuggestSettings): ReadonlyMap<string, number> {
  const memo = `${node.id}|${s.keywordWeight}|${s.contextWeight}|${s.bigrams}`;
  const known = ELEMENT_TERMS.get(memo);
  if (known) return known;
  const doc = new Map<string, number>();
  addText(doc, node.name, 1, s.bigrams);
  addText(doc, node.description, 1, s.bigrams);
  for (const k of node.keywords) addText(doc, k, s.keywordWeight, s.bigrams);
  const context = node.id.split('.')[0];
  const contextNode = context !== undefined ? NODE_BY_ID.get(context) : undefined;
  if (contextNode && contextNode !== node) {
    addText(doc, contextNode.description, s.contextWeight, s.bigrams);
  }
  if (ELEMENT_TERMS.size >= 1000) ELEMENT_TERMS.clear();
  ELEMENT_TERMS.set(memo, doc);
  return doc;
}

/** The weighted terms of every suggestion key, from the codes that map to it. */
function codeTexts(
  codebook: readonly SuggestCode[],
  s: SuggestSettings,
): { keys: string[]; docs: Map<string, number>[] } {
  const keys: string[] = [];
  const docs: Map<string, number>[] = [];
  const byKey = new Map<string, Map<string, number>>();
  const seenText = new Map<string, Set<string>>();
  for (const code of codebook) {
    const key = keyOf(code);
    let doc = byKey.get(key);
    if (!doc) {
      doc = new Map();
      byKey.set(key, doc);
      keys.push(key);
      docs.push(doc);
      seenText.set(key, new Set());
      const node = code.elementId !== undefined ? NODE_BY_ID.get(code.elementId) : undefined;
      if (node) {
        for (const [t, n] of elementTerms(node, s)) doc.set(t, n);
        seenText.get(key)?.add(node.name.toLowerCase()).add(node.description.toLowerCase());
      }
    }
    // A researcher's own name and description add to (never replace) the element's words.
    const seen = seenText.get(key) as Set<string>;
    for (const text of [code.name, code.description ?? '']) {
      const lower = text.toLowerCase().trim();
      if (lower === '' || seen.has(lower)) continue;
      seen.add(lower);
      addText(doc, text, 1, s.bigrams);
    }
  }
  return { keys, docs };
}

/** Normalised text for recognising a rejected span when it comes round again. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

interface Learned {
  readonly model: NaiveBayesModel | null;
  /** Per key: how much its learned evidence weighs against its description's (0–1). */
  readonly weights: ReadonlyMap<string, number>;
  /** Per key: term counts of rejected spans, and the exact rejected texts. */
  readonly rejected: ReadonlyMap<string, { terms: Map<string, number>; texts: Set<string> }>;
  /** Per key: term counts of accepted spans (rejections are weighed against these). */
  readonly accepted: ReadonlyMap<string, Map<string, number>>;
  readonly vocabulary: number;
  /** Training-span idf when the learned model uses the tf-idf transform (else empty). */
  readonly idf: ReadonlyMap<string, number>;
}

/** log(1 + tf) · idf per term, optionally scaled to unit Euclidean length. */
function tfidf(
  terms: ReadonlyMap<string, number>,
  idf: ReadonlyMap<string, number>,
  unitLength: boolean,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const [t, n] of terms) {
    const w = Math.log(1 + n) * (idf.get(t) ?? 0);
    if (w > 0) out.set(t, w);
  }
  if (unitLength) {
    const norm = Math.sqrt([...out.values()].reduce((a, v) => a + v * v, 0));
    if (norm > 0) for (const [t, w] of out) out.set(t, w / norm);
  }
  return out;
}

/** Trains the learned part from the training set, restricted to the codebook's keys. */
function learn(
  training: readonly TrainingExample[],
  codebook: readonly SuggestCode[],
  keys: readonly string[],
  docs: readonly ReadonlyMap<string, number>[],
  s: SuggestSettings,
): Learned {
  const keySet = new Set(keys);
  const alias = new Map<string, string>();
  for (const code of codebook) alias.set(code.id, keyOf(code));
  const positives: { label: string; terms: Map<string, number> }[] = [];
  const rejected = new Map<string, { terms: Map<string, number>; texts: Set<string> }>();
  const accepted = new Map<string, Map<string, number>>();
  const vocabulary = new Set<string>();
  for (const ex of training) {
    const key = keySet.has(ex.codeId) ? ex.codeId : alias.get(ex.codeId);
    if (key === undefined || !keySet.has(key)) continue;
    const terms = termCounts(textTerms(ex.text, s.bigrams));
    if (terms.size === 0) continue;
    for (const t of terms.keys()) vocabulary.add(t);
    if (ex.accepted) {
      positives.push({ label: key, terms });
      const acc = accepted.get(key) ?? new Map<string, number>();
      for (const [t, n] of terms) acc.set(t, (acc.get(t) ?? 0) + n);
      accepted.set(key, acc);
    } else {
      const rej = rejected.get(key) ?? {
        terms: new Map<string, number>(),
        texts: new Set<string>(),
      };
      for (const [t, n] of terms) rej.terms.set(t, (rej.terms.get(t) ?? 0) + n);
      rej.texts.add(normalise(ex.text));
      rejected.set(key, rej);
    }
  }
  // Labels keep codebook order, so ties break the same way every time.
  positives.sort((a, b) => keys.indexOf(a.label) - keys.indexOf(b.label));
  const idf = new Map<string, number>();
  if (s.learnedWeighting === 'tfidf') {
    const df = new Map<string, number>();
    for (const p of positives) for (const t of p.terms.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    for (const [t, d] of df) idf.set(t, Math.log((positives.length + 1) / (d + 0.5)));
    for (const p of positives) p.terms = tfidf(p.terms, idf, true);
  }
  const model = positives.length > 0 ? trainNaiveBayes(positives, s.alpha) : null;
  const overall = positives.length / (positives.length + s.halfWeightExamples);
  const weights = new Map<string, number>();
  // The descriptions say nothing for a code without words, so its examples speak alone.
  keys.forEach((key, i) => weights.set(key, (docs[i]?.size ?? 0) === 0 ? 1 : overall));
  return { model, weights, rejected, accepted, vocabulary: vocabulary.size, idf };
}

/** Smoothed mean log-likelihood ratio of `terms` under `a` versus `b` (same vocabulary size). */
function meanLogRatio(
  terms: ReadonlyMap<string, number>,
  a: ReadonlyMap<string, number>,
  b: ReadonlyMap<string, number>,
  vocabulary: number,
  alpha: number,
): number {
  const total = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((x, y) => x + y, 0);
  const ta = total(a);
  const tb = total(b);
  let sum = 0;
  let n = 0;
  for (const [t, c] of terms) {
    if (!a.has(t) && !b.has(t)) continue;
    const pa = ((a.get(t) ?? 0) + alpha) / (ta + alpha * vocabulary);
    const pb = ((b.get(t) ?? 0) + alpha) / (tb + alpha * vocabulary);
    sum += c * Math.log(pa / pb);
    n += c;
  }
  return n > 0 ? sum / n : 0;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Per-key shares (summing to 1 over keys with any evidence) and per-term contributions. */
interface Evidence {
  readonly share: Map<string, number>;
  readonly terms: Map<string, Map<string, number>>;
}

function coldEvidence(
  index: Bm25Index,
  keys: readonly string[],
  query: ReadonlyMap<string, number>,
  s: SuggestSettings,
): Evidence {
  const scored = bm25Scores(index, query);
  const powered = scored.map((r) => (r.score > 0 ? r.score ** s.coldSharpness : 0));
  const sum =
    powered.reduce((a, b) => a + b, 0) + (s.coldFloor > 0 ? s.coldFloor ** s.coldSharpness : 0);
  const share = new Map<string, number>();
  const terms = new Map<string, Map<string, number>>();
  keys.forEach((key, i) => {
    const p = powered[i] ?? 0;
    if (sum > 0 && p > 0) share.set(key, p / sum);
    terms.set(key, scored[i]?.contributions ?? new Map<string, number>());
  });
  return { share, terms };
}

function learnedEvidence(
  model: NaiveBayesModel,
  query: ReadonlyMap<string, number>,
  s: SuggestSettings,
): Evidence {
  const { perLabel, known } = naiveBayesLogLikelihoods(model, query);
  const share = new Map<string, number>();
  const terms = new Map<string, Map<string, number>>();
  if (known === 0) return { share, terms };
  const logits = model.labels.map((l) => s.learnedSharpness * (perLabel.get(l) ?? 0));
  const max = Math.max(...logits);
  const exps = logits.map((x) => Math.exp(x - max));
  const z = exps.reduce((a, b) => a + b, 0);
  // A term drives a label when it is likelier under that label than on average over labels.
  const meanLl = new Map<string, number>();
  for (const t of query.keys()) {
    if (!model.vocabulary.has(t)) continue;
    let sum = 0;
    for (const l of model.labels) sum += termLogLikelihood(model, l, t);
    meanLl.set(t, sum / model.labels.length);
  }
  model.labels.forEach((label, i) => {
    share.set(label, (exps[i] ?? 0) / z);
    const contrib = new Map<string, number>();
    for (const [t, mean] of meanLl) {
      const own = termLogLikelihood(model, label, t);
      if (own > mean) contrib.set(t, (query.get(t) ?? 0) * (own - mean));
    }
    terms.set(label, contrib);
  });
  return { share, terms };
}

/** The strongest terms behind a suggestion, as the unit writes them; a phrase stands in for its own words. */
function drivingTerms(
  weighted: Map<string, number>,
  surfaces: ReadonlyMap<string, string>,
  limit = 5,
): string[] {
  const ranked = [...weighted]
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const out: string[] = [];
  const single = new Map<string, string>(); // stem → its surface, shown on its own
  const inPhrase = new Set<string>(); // stems already shown inside a phrase
  for (const [term] of ranked) {
    const parts = term.split(BIGRAM_JOINER);
    const surface = surfaces.get(term) ?? term;
    if (parts.length === 1) {
      if (single.has(term) || inPhrase.has(term) || out.length >= limit) continue;
      out.push(surface);
      single.set(term, surface);
      continue;
    }
    if (parts.some((p) => inPhrase.has(p))) continue;
    // A phrase takes the place of its words already shown on their own.
    const shown = parts.map((p) => single.get(p)).filter((x): x is string => x !== undefined);
    if (shown.length === 0 && out.length >= limit) continue;
    const at = shown.length > 0 ? out.indexOf(shown[0] as string) : out.length;
    out.splice(at, shown.length > 0 ? 1 : 0, surface);
    for (const other of shown.slice(1)) out.splice(out.indexOf(other), 1);
    for (const p of parts) {
      single.delete(p);
      inPhrase.add(p);
    }
  }
  return out.slice(0, limit);
}

/**
 * Per-term weight from the source's own units: (1 − d) + d · idf_U(t) / idf_U(max), where
 * idf_U(t) = ln((|U| + 1) / (df_U(t) + 0.5)). A word in every turn of an interview tells
 * little about any one turn; a word in one turn keeps its full weight.
 */
function sourceDiscounts(unitTerms: readonly Term[][], s: SuggestSettings): Map<string, number> {
  const weights = new Map<string, number>();
  if (unitTerms.length < s.sourceDiscountMinUnits || s.sourceDiscount <= 0) return weights;
  const df = new Map<string, number>();
  for (const terms of unitTerms)
    for (const t of new Set(terms.map((x) => x.term))) df.set(t, (df.get(t) ?? 0) + 1);
  const n = unitTerms.length;
  const max = Math.log((n + 1) / 1.5);
  for (const [t, d] of df) {
    const idf = Math.max(0, Math.log((n + 1) / (d + 0.5)));
    weights.set(t, 1 - s.sourceDiscount + (s.sourceDiscount * idf) / max);
  }
  return weights;
}

/**
 * Suggests codes for each unit of `source` (turns, else sentences), best first. Cold, the
 * ranking is BM25 of the unit against each code's words; with a training set, a naive Bayes
 * model of the accepted spans is blended in with weight n / (n + halfWeightExamples) (1 for
 * a code with no words of its own), and a code whose rejected spans the unit resembles more
 * than its accepted ones is scaled down (a span rejected verbatim loses the code altogether).
 * Interviewer turns are skipped.
 */
export function suggestCodes(
  source: SuggestSource,
  codebook: readonly SuggestCode[],
  options: SuggestOptions = {},
): UnitSuggestions[] {
  const s: SuggestSettings = { ...DEFAULT_SUGGEST_SETTINGS, ...options.settings };
  const top = options.top ?? 3;
  const skip = new Set((options.skipSpeakers ?? ['Interviewer']).map((x) => x.toLowerCase()));
  const { keys, docs } = codeTexts(codebook, s);
  const index = bm25Index(docs, s);
  const learned = learn(options.trainingSet ?? [], codebook, keys, docs, s);

  const units = suggestionUnits(source).filter(
    (u) => u.speaker === null || !skip.has(u.speaker.toLowerCase()),
  );
  const unitTerms = units.map((u) => textTerms(u.text, s.bigrams));
  const discount = sourceDiscounts(unitTerms, s);

  const results: UnitSuggestions[] = [];
  units.forEach((unit, u) => {
    const terms = unitTerms[u] ?? [];
    const query = termCounts(terms);
    for (const [t, n] of query) query.set(t, n * (discount.get(t) ?? 1));
    const surfaces = new Map<string, string>();
    for (const t of terms) if (!surfaces.has(t.term)) surfaces.set(t.term, t.surface);

    const cold = coldEvidence(index, keys, query, s);
    const learnedQuery = s.learnedWeighting === 'tfidf' ? tfidf(query, learned.idf, false) : query;
    const warm = learned.model ? learnedEvidence(learned.model, learnedQuery, s) : null;
    const learning = warm !== null && warm.share.size > 0;
    const normalisedText = learned.rejected.size > 0 ? normalise(unit.text) : '';

    const ranked: { code: string; score: number; w: number; order: number }[] = [];
    keys.forEach((key, order) => {
      const w = learning ? (learned.weights.get(key) ?? 0) : 0;
      let score = (1 - w) * (cold.share.get(key) ?? 0) + w * (warm?.share.get(key) ?? 0);
      if (score <= 0) return;
      const rej = learned.rejected.get(key);
      if (rej) {
        if (rej.texts.has(normalisedText)) return;
        const ratio = meanLogRatio(
          query,
          learned.accepted.get(key) ?? docs[order] ?? new Map<string, number>(),
          rej.terms,
          Math.max(1, learned.vocabulary),
          s.alpha,
        );
        score *= Math.min(1, 2 * sigmoid(s.rejectionStrength * ratio));
      }
      ranked.push({ code: key, score, w, order });
    });
    ranked.sort((a, b) => b.score - a.score || a.order - b.order);
    const suggestions: CodeSuggestion[] = [];
    for (const r of ranked) {
      if (suggestions.length >= top) break;
      // Scores are shown to four places; one that rounds to nothing is no suggestion.
      const score = Math.round(r.score * 1e4) / 1e4;
      if (score <= 0) break;
      // Blend each side's term contributions in proportion to the side's weight.
      const weighted = new Map<string, number>();
      const addSide = (contrib: Map<string, number> | undefined, sideWeight: number) => {
        if (!contrib || sideWeight <= 0) return;
        const total = [...contrib.values()].reduce((a, b) => a + b, 0);
        if (total <= 0) return;
        for (const [t, v] of contrib) {
          weighted.set(t, (weighted.get(t) ?? 0) + (sideWeight * v) / total);
        }
      };
      addSide(cold.terms.get(r.code), 1 - r.w);
      addSide(warm?.terms.get(r.code), r.w);
      suggestions.push({ code: r.code, score, terms: drivingTerms(weighted, surfaces) });
    }
    results.push({ ...unit, suggestions });
  });
  return results;
}

/** The parts of a collaboration document `learnFromCodings` reads. */
export interface CodedDocument {
  readonly qualitative: {
    readonly sources: readonly { readonly id: string; readonly text: string }[];
    readonly codes: readonly { readonly id: string; readonly elementId?: string | undefined }[];
    readonly codings: readonly {
      readonly sourceId: string;
      readonly codeId: string;
      readonly coderId?: string;
      readonly start: number;
      readonly end: number;
    }[];
  };
}

/** Options of `learnFromCodings`. */
export interface LearnOptions {
  /** Learn only from this coder's codings. */
  readonly coderId?: string;
}

/**
 * The training set a document's codings make: each coded span's text with its code (as the
 * element id when the code stands for one), all accepted. Codings pointing at a missing
 * source or code, or at an empty span, are skipped.
 */
export function learnFromCodings(
  doc: CodedDocument,
  options: LearnOptions = {},
): TrainingExample[] {
  const sources = new Map(doc.qualitative.sources.map((src) => [src.id, src.text]));
  const codes = new Map(doc.qualitative.codes.map((c) => [c.id, c.elementId ?? c.id]));
  const offsets = new Map<string, number[]>();
  const examples: TrainingExample[] = [];
  for (const coding of doc.qualitative.codings) {
    if (options.coderId !== undefined && coding.coderId !== options.coderId) continue;
    const text = sources.get(coding.sourceId);
    const codeId = codes.get(coding.codeId);
    if (text === undefined || codeId === undefined) continue;
    let map = offsets.get(coding.sourceId);
    if (!map) {
      map = utf16Offsets(text);
      offsets.set(coding.sourceId, map);
    }
    const last = map.length - 1;
    const a = map[Math.min(coding.start, last)] as number;
    const b = map[Math.min(coding.end, last)] as number;
    const span = text.slice(a, b).trim();
    if (span === '') continue;
    examples.push({ text: span, codeId, accepted: true });
  }
  return examples;
}
