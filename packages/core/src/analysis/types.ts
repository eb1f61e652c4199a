import type { Citation, ElementId } from '../model/elements.js';

/** Status of an indicator or an element, most severe last. */
export type Status = 'strength' | 'ok' | 'watch' | 'concern' | 'insufficient';

/** Statuses ordered by severity for "most severe wins" (insufficient sits outside). */
export const SEVERITY: Record<Exclude<Status, 'insufficient'>, number> = {
  strength: 0,
  ok: 1,
  watch: 2,
  concern: 3,
};

/** Score each evaluated status contributes to an element's 0–100 score. */
export const STATUS_SCORE: Record<Exclude<Status, 'insufficient'>, number> = {
  strength: 100,
  ok: 75,
  watch: 45,
  concern: 15,
};

/** The level an indicator speaks about. */
export type IndicatorLevel = 'individual' | 'group' | 'agency' | 'policy';

/** A pointer to what produced a finding: a record, a survey item, a coded segment, a pair. */
export interface EvidenceRef {
  readonly kind: 'record' | 'item' | 'segment' | 'member' | 'agency' | 'pair' | 'wave';
  readonly id: string;
  /** The document collection holding the record, where it is a record. */
  readonly collection?: string;
  /** A short plain note on why this piece counts. */
  readonly note?: string;
}

/** The thresholds an indicator used, shown beside its result. */
export interface ThresholdUse {
  readonly id: string;
  readonly values: Readonly<Record<string, number>>;
  /** The rule in words, e.g. "concern below 25 %, watch below 50 %". */
  readonly rule: string;
}

/** Value an indicator reports: a number, a category, a list or a small table. */
export type IndicatorValue =
  number | string | boolean | null | readonly unknown[] | Readonly<Record<string, unknown>>;

/** One measured indicator (ANALYSIS.md "Result shape"). */
export interface IndicatorResult {
  readonly id: string;
  readonly element: ElementId;
  readonly name: string;
  readonly level: IndicatorLevel;
  readonly kind: 'evaluative' | 'descriptive';
  readonly value: IndicatorValue;
  /** The value in words for people, e.g. "3 of 8 members (38 %)". */
  readonly display: string;
  /** How much evidence there was. */
  readonly n: number;
  /** The least evidence the indicator needs before it gives a status. */
  readonly minimum: number;
  readonly status: Status;
  readonly threshold: ThresholdUse | null;
  readonly evidence: readonly EvidenceRef[];
  readonly basis: readonly Citation[];
  /** One or two sentences saying what was found. */
  readonly finding: string;
  /** For survey figures: respondents and within-group agreement behind them. */
  readonly survey?: SurveyFigure;
  /** Anything else worth showing (distributions, per-member values). */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** A team figure from survey answers, with the agreement that justifies it. */
export interface SurveyFigure {
  readonly scale: string;
  readonly respondents: number;
  readonly items: readonly string[];
  /** Team mean on the 1–5 scale, withheld (null) below 3 respondents or when agreement is low. */
  readonly mean: number | null;
  readonly rwgJ: number | null;
  readonly cronbachAlpha: number | null;
  /** Counts of respondents' scale means rounded to 1..5, shown when agreement is low. */
  readonly distribution: readonly number[] | null;
}

/** A suggested action, tied to the indicator that raised it. */
export interface SuggestedAction {
  readonly indicatorId: string;
  readonly element: ElementId;
  readonly status: 'watch' | 'concern';
  readonly text: string;
}
