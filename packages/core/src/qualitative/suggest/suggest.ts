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
  /** Sharpening exponent turning BM25 scores into shares: s^γ / Σ s^γ. */
  readonly coldSharpness: number;
  /** Naive Bayes smoothing α. */
  readonly alpha: number;
  /** Multiplier on the mean per-term log-likelihood before the naive Bayes softmax. */
  readonly learnedSharpness: number;
  /** Accepted examples at which the learned model gets half the weight: w = n / (n + this). */
  readonly halfWeightExamples: number;
  /** How hard a unit that resembles rejected examples of a code is pushed down. */
  readonly rejectionStrength: number;
}

/** Defaults of `SuggestSettings`. */
export const DEFAULT_SUGGEST_SETTINGS: SuggestSettings = {
  k1: 1.2,
  b: 0.75,
  k3: 1.5,
  keywordWeight: 2,
  contextWeight: 0.5,
  bigrams: true,
  coldSharpness: 1,
  alpha: 0.5,
  learnedSharpness: 8,
  halfWeightExamples: 20,
  rejectionStrength: 4,
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
        addText(doc, node.name, 1, s.bigrams);
        addText(doc, node.description, 1, s.bigrams);
        // Each keyword on its own, so no phrase runs across two keywords.
        for (const k of node.keywords) addText(doc, k, s.keywordWeight, s.bigrams);
        const context = node.id.split('.')[0];
        const contextNode = context !== undefined ? NODE_BY_ID.get(context) : undefined;
        if (contextNode && contextNode !== node) {
          addText(doc, contextNode.description, s.contextWeight, s.bigrams);
        }
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
  readonly weight: number;
  /** Per key: term counts of rejected spans, and the exact rejected texts. */
  readonly rejected: ReadonlyMap<string, { terms: Map<string, number>; texts: Set<string> }>;
  /** Per key: term counts of accepted spans (rejections are weighed against these). */
  readonly accepted: ReadonlyMap<string, Map<string, number>>;
  readonly vocabulary: number;
}

/** Trains the learned part from the training set, restricted to the codebook's keys. */
function learn(
  training: readonly TrainingExample[],
  codebook: readonly SuggestCode[],
  keys: readonly string[],
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
      const rej = rejected.get(key) ?? { terms: new Map<string, number>(), texts: new Set<string>() };
      for (const [t, n] of terms) rej.terms.set(t, (rej.terms.get(t) ?? 0) + n);
      rej.texts.add(normalise(ex.text));
      rejected.set(key, rej);
    }
  }
  // Labels keep codebook order, so ties break the same way every time.
  positives.sort((a, b) => keys.indexOf(a.label) - keys.indexOf(b.label));
  const model = positives.length > 0 ? trainNaiveBayes(positives, s.alpha) : null;
  const weight = positives.length / (positives.length + s.halfWeightExamples);
  return { model, weight, rejected, accepted, vocabulary: vocabulary.size };
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

function coldEvidence(index: Bm25Index, keys: readonly string[], query: ReadonlyMap<string, number>, s: SuggestSettings): Evidence {
  const scored = bm25Scores(index, query);
  const powered = scored.map((r) => (r.score > 0 ? r.score ** s.coldSharpness : 0));
  const sum = powered.reduce((a, b) => a + b, 0);
  const share = new Map<string, number>();
  const terms = new Map<string, Map<string, number>>();
  keys.forEach((key, i) => {
    const p = powered[i] ?? 0;
    if (sum > 0 && p > 0) share.set(key, p / sum);
    terms.set(key, scored[i]?.contributions ?? new Map());
  });
  return { share, terms };
}

function learnedEvidence(model: NaiveBayesModel, query: ReadonlyMap<string, number>, s: SuggestSettings): Evidence {
  const { perLabel, known } = naiveBayesLogLikelihoods(model, query);
  const share = new Map<string, number>();
  const terms = new Map<string, Map<string, number>>();
  if (known === 0) return { share, terms };
  const logits = model.labels.map((l) => s.learnedSharpness * (perLabel.get(l) ?? 0));
  const max = Math.max(...logits);
  const exps = logits.map((x) => Math.exp(x - max));
  const z = exps.reduce((a, b) => a + b, 0);
  model.labels.forEach((label, i) => {
    share.set(label, (exps[i] ?? 0) / z);
    // A term drives a label when it is likelier under that label than on average.
    const contrib = new Map<string, number>();
    for (const [t, n] of query) {
      if (!model.vocabulary.has(t)) continue;
      const own = termLogLikelihood(model, label, t);
      const mean = model.labels.reduce((acc, l) => acc + termLogLikelihood(model, l, t), 0) / model.labels.length;
      if (own > mean) contrib.set(t, n * (own - mean));
    }
    terms.set(label, contrib);
  });
  return { share, terms };
}

/** The strongest terms behind a suggestion, as the unit writes them; a phrase hides its own words. */
function drivingTerms(
  weighted: Map<string, number>,
  surfaces: ReadonlyMap<string, string>,
  limit = 5,
): string[] {
  const ranked = [...weighted].filter(([, w]) => w > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const out: string[] = [];
  const covered = new Set<string>();
  for (const [term] of ranked) {
    if (out.length >= limit) break;
    const parts = term.split(BIGRAM_JOINER);
    if (parts.length === 1 && covered.has(term)) continue;
    const surface = surfaces.get(term) ?? term;
    if (out.includes(surface)) continue;
    out.push(surface);
    for (const p of parts) covered.add(p);
  }
  return out;
}

/**
 * Suggests codes for each unit of `source` (turns, else sentences), best first. Cold, the
 * ranking is BM25 of the unit against each code's words; with a training set, a naive Bayes
 * model of the accepted spans is blended in with weight n / (n + halfWeightExamples), and a
 * code whose rejected spans the unit resembles more than its accepted ones is scaled down
 * (a span rejected verbatim loses the code altogether). Interviewer turns are skipped.
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
  const learned = learn(options.trainingSet ?? [], codebook, keys, s);

  const results: UnitSuggestions[] = [];
  for (const unit of suggestionUnits(source)) {
    if (unit.speaker !== null && skip.has(unit.speaker.toLowerCase())) continue;
    const terms: Term[] = textTerms(unit.text, s.bigrams);
    const query = termCounts(terms);
    const surfaces = new Map<string, string>();
    for (const t of terms) if (!surfaces.has(t.term)) surfaces.set(t.term, t.surface);

    const cold = coldEvidence(index, keys, query, s);
    const warm = learned.model ? learnedEvidence(learned.model, query, s) : null;
    const w = warm && warm.share.size > 0 ? learned.weight : 0;
    const normalisedText = normalise(unit.text);

    const suggestions: { code: string; score: number; terms: string[]; order: number }[] = [];
    keys.forEach((key, order) => {
      let score = (1 - w) * (cold.share.get(key) ?? 0) + w * (warm?.share.get(key) ?? 0);
      if (score <= 0) return;
      const rej = learned.rejected.get(key);
      if (rej) {
        if (rej.texts.has(normalisedText)) return;
        const ratio = meanLogRatio(query, learned.accepted.get(key) ?? docs[order] ?? new Map(), rej.terms, Math.max(1, learned.vocabulary), s.alpha);
        score *= Math.min(1, 2 * sigmoid(s.rejectionStrength * ratio));
      }
      // Blend each side's term contributions in proportion to the side's weight.
      const weighted = new Map<string, number>();
      const addSide = (contrib: Map<string, number> | undefined, sideWeight: number) => {
        if (!contrib || sideWeight <= 0) return;
        const total = [...contrib.values()].reduce((a, b) => a + b, 0);
        if (total <= 0) return;
        for (const [t, v] of contrib) weighted.set(t, (weighted.get(t) ?? 0) + (sideWeight * v) / total);
      };
      addSide(cold.terms.get(key), 1 - w);
      addSide(warm?.terms.get(key), w);
      suggestions.push({ code: key, score, terms: drivingTerms(weighted, surfaces), order });
    });
    suggestions.sort((a, b) => b.score - a.score || a.order - b.order);
    results.push({
      ...unit,
      suggestions: suggestions.slice(0, top).map(({ code, score, terms: t }) => ({
        code,
        score: Math.round(score * 1e4) / 1e4,
        terms: t,
      })),
    });
  }
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
export function learnFromCodings(doc: CodedDocument, options: LearnOptions = {}): TrainingExample[] {
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

