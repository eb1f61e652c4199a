import type { CollaborationDocument } from '../document/schema.js';
import { frostRank, type FrostLevel } from '../model/taxonomies.js';
import { AnalysisError } from './context.js';
import { diagnose, type DiagnoseOptions, type Diagnosis } from './diagnose.js';
import { round } from './survey-figures.js';
import { SEVERITY, STATUS_SCORE, type IndicatorValue, type Status } from './types.js';

/** How something moved between two diagnoses. */
export type ChangeDirection = 'better' | 'worse' | 'same' | 'new evidence' | 'lost evidence';

/** The change of one element or one indicator. */
export interface StatusChange {
  readonly id: string;
  readonly element: string;
  readonly name: string;
  /** Status before / after; null where the element or indicator was absent. */
  readonly statusBefore: Status | null;
  readonly statusAfter: Status | null;
  /** Elements: their 0–100 score; indicators: the score their status contributes (evaluated evaluative ones only). */
  readonly scoreBefore: number | null;
  readonly scoreAfter: number | null;
  readonly valueBefore?: IndicatorValue;
  readonly valueAfter?: IndicatorValue;
  /** after − before, when both values are numbers. */
  readonly delta: number | null;
  readonly direction: ChangeDirection;
}

/** Everything that changed between two diagnoses. */
export interface DiagnosisChange {
  readonly before: { readonly asOf: string; readonly waveId: string | null };
  readonly after: { readonly asOf: string; readonly waveId: string | null };
  readonly elements: readonly StatusChange[];
  readonly indicators: readonly StatusChange[];
  /** The group's Frost level and the team-form score, before and after. */
  readonly frost: {
    readonly before: FrostLevel;
    readonly after: FrostLevel;
    readonly direction: ChangeDirection;
  };
  readonly teamForm: { readonly before: number; readonly after: number; readonly delta: number };
  /** Elements and indicators per direction. */
  readonly summary: {
    readonly elements: Readonly<Record<ChangeDirection, number>>;
    readonly indicators: Readonly<Record<ChangeDirection, number>>;
  };
}

const hasEvidence = (s: Status | null): s is Exclude<Status, 'insufficient'> =>
  s !== null && s !== 'insufficient';

/**
 * Direction of a status change by severity (concern > watch > ok > strength): less severe is
 * better; a status gained from insufficient or absent is new evidence, one lost is lost evidence.
 */
export function statusDirection(before: Status | null, after: Status | null): ChangeDirection {
  const had = hasEvidence(before);
  const has = hasEvidence(after);
  if (!had && !has) return 'same';
  if (!had) return 'new evidence';
  if (!has) return 'lost evidence';
  const diff = SEVERITY[after] - SEVERITY[before];
  return diff < 0 ? 'better' : diff > 0 ? 'worse' : 'same';
}

const emptySummary = (): Record<ChangeDirection, number> => ({
  better: 0,
  worse: 0,
  same: 0,
  'new evidence': 0,
  'lost evidence': 0,
});

const numericDelta = (before: unknown, after: unknown): number | null =>
  typeof before === 'number' &&
  typeof after === 'number' &&
  Number.isFinite(before) &&
  Number.isFinite(after)
    ? round(after - before, 6)
    : null;

/**
 * Compares two diagnoses element by element and indicator by indicator (every one present in
 * either): status, score and value before and after, the numeric delta and the direction.
 */
export function compareDiagnoses(before: Diagnosis, after: Diagnosis): DiagnosisChange {
  const elementIds = [
    ...new Set([...before.elements.map((e) => e.id), ...after.elements.map((e) => e.id)]),
  ];
  const beforeElements = new Map(before.elements.map((e) => [e.id, e]));
  const afterElements = new Map(after.elements.map((e) => [e.id, e]));
  const elements: StatusChange[] = elementIds.map((id) => {
    const b = beforeElements.get(id);
    const a = afterElements.get(id);
    const statusBefore = b?.status ?? null;
    const statusAfter = a?.status ?? null;
    return {
      id,
      element: id,
      name: a?.name ?? b?.name ?? id,
      statusBefore,
      statusAfter,
      scoreBefore: b?.score ?? null,
      scoreAfter: a?.score ?? null,
      delta: numericDelta(b?.score, a?.score),
      direction: statusDirection(statusBefore, statusAfter),
    };
  });

  const indicatorsOf = (d: Diagnosis) =>
    new Map(d.elements.flatMap((e) => e.indicators).map((i) => [i.id, i]));
  const beforeIndicators = indicatorsOf(before);
  const afterIndicators = indicatorsOf(after);
  const indicatorIds = [...new Set([...beforeIndicators.keys(), ...afterIndicators.keys()])];
  const indicatorScore = (i: { kind: string; status: Status } | undefined) =>
    i && i.kind === 'evaluative' && hasEvidence(i.status) ? STATUS_SCORE[i.status] : null;
  const indicators: StatusChange[] = indicatorIds.map((id) => {
    const b = beforeIndicators.get(id);
    const a = afterIndicators.get(id);
    const statusBefore = b?.status ?? null;
    const statusAfter = a?.status ?? null;
    return {
      id,
      element: a?.element ?? b?.element ?? '',
      name: a?.name ?? b?.name ?? id,
      statusBefore,
      statusAfter,
      scoreBefore: indicatorScore(b),
      scoreAfter: indicatorScore(a),
      ...(b ? { valueBefore: b.value } : {}),
      ...(a ? { valueAfter: a.value } : {}),
      delta: numericDelta(b?.value, a?.value),
      direction: statusDirection(statusBefore, statusAfter),
    };
  });

  const summary = { elements: emptySummary(), indicators: emptySummary() };
  for (const e of elements) summary.elements[e.direction]++;
  for (const i of indicators) summary.indicators[i.direction]++;

  const frostBefore = before.frost.group.level;
  const frostAfter = after.frost.group.level;
  const frostDiff = frostRank(frostAfter) - frostRank(frostBefore);
  return {
    before: { asOf: before.asOf, waveId: before.wave?.id ?? null },
    after: { asOf: after.asOf, waveId: after.wave?.id ?? null },
    elements,
    indicators,
    frost: {
      before: frostBefore,
      after: frostAfter,
      direction: frostDiff > 0 ? 'better' : frostDiff < 0 ? 'worse' : 'same',
    },
    teamForm: {
      before: before.teamForm.score,
      after: after.teamForm.score,
      delta: round(after.teamForm.score - before.teamForm.score, 3),
    },
    summary,
  };
}

/**
 * The as-of date of a wave for comparisons: the later of its opening date and its latest
 * response, so records made after the wave are not counted.
 */
export function waveAsOf(doc: CollaborationDocument, waveId: string): string {
  const wave = doc.waves.find((w) => w.id === waveId);
  if (!wave) throw new AnalysisError('unknown_wave', `no wave "${waveId}" in the document`);
  let asOf = wave.opensOn;
  for (const r of doc.responses) {
    if (r.waveId !== waveId) continue;
    const day = r.submittedAt.slice(0, 10);
    if (day > asOf) asOf = day;
  }
  return asOf;
}

/**
 * Compares the diagnoses of two waves: each is diagnosed with its own survey answers and with
 * records up to its own as-of date ({@link waveAsOf}); options other than `asOf` and `waveId`
 * apply to both.
 */
export function compareWaves(
  doc: CollaborationDocument,
  waveA: string,
  waveB: string,
  options: Omit<DiagnoseOptions, 'asOf' | 'waveId'> = {},
): DiagnosisChange {
  const run = (waveId: string) =>
    diagnose(doc, { ...options, waveId, asOf: waveAsOf(doc, waveId) });
  return compareDiagnoses(run(waveA), run(waveB));
}
