/**
 * The auto-coding benchmark as a pure function: hand-coded fictional interviews in, figures
 * out. Suggestions are scored at the level of ANALYSIS.md's five classes (and per element).
 * Reading the interview files is the caller's job (scripts/bench-suggest.js, the tests).
 */
import { ELEMENT_IDS } from '../../model/elements.js';
import { SUGGEST_CLASSES, classOf, type SuggestClass } from './classes.js';
import {
  learnFromCodings,
  modelCodebook,
  suggestCodes,
  type SuggestSettings,
  type TrainingExample,
} from './suggest.js';
import { suggestionUnits, transcriptTurns, type TurnSpan } from './units.js';

/** One hand-coded interview: its transcript and the element of each interviewee turn. */
export interface BenchmarkInterview {
  readonly name: string;
  /** Held-out ("unseen") interviews are only ever evaluated on, never tuned on or trained on. */
  readonly heldOut: boolean;
  readonly text: string;
  /** The dominant model element of each interviewee turn; `turn` indexes the detected turns from 0. */
  readonly codes: readonly { readonly turn: number; readonly element: string }[];
}

/** An interview ready to score: its source and, per coded turn, the unit span and element. */
export interface CodedInterview {
  readonly name: string;
  readonly heldOut: boolean;
  readonly source: { readonly text: string; readonly turns: readonly TurnSpan[] };
  readonly gold: readonly {
    readonly start: number;
    readonly end: number;
    readonly element: string;
  }[];
}

/** A problem with a benchmark interview's coding. */
export class BenchmarkDataError extends Error {
  readonly code = 'benchmark-data' as const;
}

/**
 * Detects an interview's turns and pairs each coded turn with its unit. Throws when a code
 * names a missing turn, an interviewer turn or an unknown element, or when an interviewee
 * turn is left uncoded: the benchmark is only as good as its coding.
 */
export function codedInterview(interview: BenchmarkInterview): CodedInterview {
  const turns = transcriptTurns(interview.text);
  const byTurn = new Map<number, string>();
  const elements = new Set<string>(ELEMENT_IDS);
  for (const c of interview.codes) {
    const turn = turns[c.turn];
    if (!turn) throw new BenchmarkDataError(`${interview.name}: turn ${c.turn} does not exist`);
    if (turn.speaker.toLowerCase() === 'interviewer') {
      throw new BenchmarkDataError(`${interview.name}: turn ${c.turn} is the interviewer's`);
    }
    if (!elements.has(c.element)) {
      throw new BenchmarkDataError(
        `${interview.name}: turn ${c.turn}: "${c.element}" is not a model element`,
      );
    }
    if (byTurn.has(c.turn))
      throw new BenchmarkDataError(`${interview.name}: turn ${c.turn} coded twice`);
    byTurn.set(c.turn, c.element);
  }
  const gold: { start: number; end: number; element: string }[] = [];
  turns.forEach((turn, i) => {
    if (turn.speaker.toLowerCase() === 'interviewer') return;
    const element = byTurn.get(i);
    if (element === undefined) {
      throw new BenchmarkDataError(`${interview.name}: turn ${i} (${turn.speaker}) is not coded`);
    }
    const unit = suggestionUnits({ text: interview.text, turns: [turn] })[0];
    if (unit) gold.push({ start: unit.start, end: unit.end, element });
  });
  return {
    name: interview.name,
    heldOut: interview.heldOut,
    source: { text: interview.text, turns },
    gold,
  };
}

/** Precision and recall of one class, with the counts behind them (null when undefined: 0 / 0). */
export interface ClassFigures {
  readonly precision: number | null;
  readonly recall: number | null;
  readonly predicted: number;
  readonly actual: number;
  readonly correct: number;
}

/** Top-1 and top-3 accuracy for the turns coded with one element. */
export interface ElementFigures {
  readonly n: number;
  readonly top1: number;
  readonly top3: number;
}

/** The figures for one run of the suggester over a set of coded turns. */
export interface EvaluationFigures {
  readonly units: number;
  /** Share of turns whose top suggestion falls in the turn's class (= micro precision = micro recall). */
  readonly classAccuracy: number;
  readonly perClass: Readonly<Record<SuggestClass, ClassFigures>>;
  readonly micro: { readonly precision: number; readonly recall: number };
  /** Mean over classes with a defined value. */
  readonly macro: { readonly precision: number; readonly recall: number };
  readonly elementTop1: number;
  readonly elementTop3: number;
  readonly perElement: Readonly<Record<string, ElementFigures>>;
}

/** The whole benchmark: cold start on both sets, and learning from the tuning set's codings. */
export interface SuggestBenchmarkFigures {
  readonly interviews: readonly {
    readonly name: string;
    readonly heldOut: boolean;
    readonly turns: number;
  }[];
  readonly coldStart: { readonly heldOut: EvaluationFigures; readonly tuning: EvaluationFigures };
  readonly learned: { readonly heldOut: EvaluationFigures; readonly trainingExamples: number };
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** Scores the top suggestions for each coded turn of `interviews`. */
export function evaluateInterviews(
  interviews: readonly CodedInterview[],
  options: { trainingSet?: readonly TrainingExample[]; settings?: Partial<SuggestSettings> } = {},
): EvaluationFigures {
  const codebook = modelCodebook();
  const counts = Object.fromEntries(
    SUGGEST_CLASSES.map((c) => [c, { predicted: 0, actual: 0, correct: 0 }]),
  ) as Record<SuggestClass, { predicted: number; actual: number; correct: number }>;
  const elements = new Map<string, { n: number; top1: number; top3: number }>();
  let units = 0;
  let top1 = 0;
  let top3 = 0;
  for (const interview of interviews) {
    const suggested = suggestCodes(interview.source, codebook, {
      top: 3,
      ...(options.trainingSet ? { trainingSet: options.trainingSet } : {}),
      ...(options.settings ? { settings: options.settings } : {}),
    });
    const byStart = new Map(suggested.map((u) => [u.start, u.suggestions]));
    for (const g of interview.gold) {
      const codes = (byStart.get(g.start) ?? []).map((s) => s.code);
      const truth = classOf(g.element) as SuggestClass;
      const first = codes[0];
      const predicted = first !== undefined ? classOf(first) : null;
      units++;
      counts[truth].actual++;
      if (predicted) counts[predicted].predicted++;
      if (predicted === truth) counts[truth].correct++;
      const e = elements.get(g.element) ?? { n: 0, top1: 0, top3: 0 };
      e.n++;
      if (first === g.element) {
        e.top1++;
        top1++;
      }
      if (codes.slice(0, 3).includes(g.element)) {
        e.top3++;
        top3++;
      }
      elements.set(g.element, e);
    }
  }
  const perClass = Object.fromEntries(
    SUGGEST_CLASSES.map((c) => {
      const k = counts[c];
      return [
        c,
        {
          precision: k.predicted > 0 ? round(k.correct / k.predicted) : null,
          recall: k.actual > 0 ? round(k.correct / k.actual) : null,
          ...k,
        },
      ];
    }),
  ) as Record<SuggestClass, ClassFigures>;
  const correct = SUGGEST_CLASSES.reduce((s, c) => s + counts[c].correct, 0);
  const predictedAll = SUGGEST_CLASSES.reduce((s, c) => s + counts[c].predicted, 0);
  const mean = (xs: (number | null)[]) => {
    const defined = xs.filter((x): x is number => x !== null);
    return defined.length > 0 ? round(defined.reduce((a, b) => a + b, 0) / defined.length) : 0;
  };
  const perElement: Record<string, ElementFigures> = {};
  for (const id of ELEMENT_IDS) {
    const e = elements.get(id);
    if (e) perElement[id] = { n: e.n, top1: round(e.top1 / e.n), top3: round(e.top3 / e.n) };
  }
  return {
    units,
    classAccuracy: units > 0 ? round(correct / units) : 0,
    perClass,
    micro: {
      precision: predictedAll > 0 ? round(correct / predictedAll) : 0,
      recall: units > 0 ? round(correct / units) : 0,
    },
    macro: {
      precision: mean(SUGGEST_CLASSES.map((c) => perClass[c].precision)),
      recall: mean(SUGGEST_CLASSES.map((c) => perClass[c].recall)),
    },
    elementTop1: units > 0 ? round(top1 / units) : 0,
    elementTop3: units > 0 ? round(top3 / units) : 0,
    perElement,
  };
}

/** The training set the coded turns of `interviews` make, through `learnFromCodings`. */
export function benchmarkTrainingSet(interviews: readonly CodedInterview[]): TrainingExample[] {
  const elementIds = [...new Set(interviews.flatMap((i) => i.gold.map((g) => g.element)))];
  return learnFromCodings({
    qualitative: {
      sources: interviews.map((i) => ({ id: i.name, text: i.source.text })),
      codes: elementIds.map((e) => ({ id: `code-${e}`, elementId: e })),
      codings: interviews.flatMap((i) =>
        i.gold.map((g) => ({
          sourceId: i.name,
          codeId: `code-${g.element}`,
          start: g.start,
          end: g.end,
        })),
      ),
    },
  });
}

/**
 * Runs the benchmark: cold start (no coding yet) on the held-out and on the tuning
 * interviews; then learning from the tuning interviews' codings, evaluated on the held-out
 * ones only. Deterministic.
 */
export function evaluateSuggestions(
  interviews: readonly BenchmarkInterview[],
  options: { settings?: Partial<SuggestSettings> } = {},
): SuggestBenchmarkFigures {
  const coded = interviews.map(codedInterview);
  const heldOut = coded.filter((i) => i.heldOut);
  const tuning = coded.filter((i) => !i.heldOut);
  const trainingSet = benchmarkTrainingSet(tuning);
  return {
    interviews: coded.map((i) => ({ name: i.name, heldOut: i.heldOut, turns: i.gold.length })),
    coldStart: {
      heldOut: evaluateInterviews(heldOut, options),
      tuning: evaluateInterviews(tuning, options),
    },
    learned: {
      heldOut: evaluateInterviews(heldOut, { ...options, trainingSet }),
      trainingExamples: trainingSet.length,
    },
  };
}
