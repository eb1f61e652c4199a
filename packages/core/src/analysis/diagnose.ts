import type { CollaborationDocument } from '../document/schema.js';
import { DEFAULT_MODEL } from '../model/registry.js';
import { ELEMENT_IDS, MODEL_VERSION, type ElementId } from '../model/elements.js';
import { INSTRUMENT_VERSION } from '../survey/instrument.js';
import { analysisContext, type AnalysisContext, type AnalysisOptions } from './context.js';
import { runIndicator, type IndicatorDefinition } from './indicator.js';
import { ALL_INDICATORS } from './indicators/index.js';
import { collaborationNetworks, type CollaborationNetworks } from './networks.js';
import { frostLevels, type FrostReport } from './frost.js';
import { teamForm, type TeamFormReport } from './team-form.js';
import { roleMap, type RoleMap } from './role-map.js';
import { goalAlignment, type GoalAlignment } from './goal-alignment.js';
import type { Thresholds } from './thresholds.js';
import {
  CODED_EVIDENCE_FOR_MEDIUM,
  codedEvidence,
  type CodedQuote,
  type ElementCodedEvidence,
} from '../qualitative/analysis/evidence.js';
import {
  SEVERITY,
  STATUS_SCORE,
  type EvidenceRef,
  type IndicatorResult,
  type Status,
  type SuggestedAction,
} from './types.js';

/** Version of the analysis engine; recorded in every diagnosis. */
export const ENGINE_VERSION = '0.1.0';

/** How sure an element's status is, with the reasons. */
export interface Confidence {
  readonly level: 'high' | 'medium' | 'low';
  readonly reasons: readonly string[];
}

/** The diagnosis of one model element. */
export interface ElementDiagnosis {
  readonly id: ElementId;
  readonly name: string;
  readonly context: string;
  readonly status: Status;
  readonly score: number | null;
  readonly confidence: Confidence;
  readonly indicators: readonly IndicatorResult[];
  readonly evidence: readonly EvidenceRef[];
  /** Coded interview and meeting passages about the element, in source order. */
  readonly quotes: readonly CodedQuote[];
  readonly actions: readonly SuggestedAction[];
}

/** The whole diagnosis of a collaboration. */
export interface Diagnosis {
  readonly collaboration: {
    readonly id: string;
    readonly name: string;
    readonly fictional: boolean;
    readonly teamForm: string;
  };
  readonly asOf: string;
  readonly modelVersion: string;
  readonly engineVersion: string;
  readonly instrumentVersion: string;
  readonly thresholds: Thresholds;
  readonly wave: {
    readonly id: string;
    readonly name: string;
    readonly mode: string;
    readonly respondents: number;
  } | null;
  readonly elements: readonly ElementDiagnosis[];
  readonly networks: CollaborationNetworks;
  readonly frost: FrostReport;
  readonly teamForm: TeamFormReport;
  readonly roleMap: RoleMap;
  readonly goalAlignment: GoalAlignment;
  readonly actions: readonly SuggestedAction[];
}

/** Options of {@link diagnose}: analysis options plus extra indicators a deployment adds. */
export interface DiagnoseOptions extends AnalysisOptions {
  readonly indicators?: readonly IndicatorDefinition[];
}

/**
 * Diagnoses a collaboration along every element of Rose's model (ANALYSIS.md): runs every
 * indicator, then gives each element its status (the most severe evaluated status), score,
 * confidence, evidence and suggested actions. Pure: the same document and options always
 * give the same diagnosis.
 */
export function diagnose(doc: CollaborationDocument, options: DiagnoseOptions = {}): Diagnosis {
  const ctx = analysisContext(doc, options);
  const definitions = [...ALL_INDICATORS, ...(options.indicators ?? [])];
  const results = definitions.map((def) => ({ def, result: runIndicator(def, ctx) }));
  const coded = codedEvidence(doc, { asOf: ctx.asOf });
  const elements = ELEMENT_IDS.map((id) =>
    elementDiagnosis(
      id,
      results.filter((r) => r.def.element === id),
      ctx,
      coded.get(id),
    ),
  );
  return {
    collaboration: {
      id: doc.collaboration.id,
      name: doc.collaboration.name,
      fictional: doc.collaboration.fictional,
      teamForm: doc.collaboration.teamForm,
    },
    asOf: ctx.asOf,
    modelVersion: MODEL_VERSION,
    engineVersion: ENGINE_VERSION,
    instrumentVersion: INSTRUMENT_VERSION,
    thresholds: ctx.thresholds,
    wave: ctx.wave
      ? {
          id: ctx.wave.id,
          name: ctx.wave.name,
          mode: ctx.wave.mode,
          respondents: ctx.responses.length,
        }
      : null,
    elements,
    networks: collaborationNetworks(ctx),
    frost: frostLevels(ctx),
    teamForm: teamForm(ctx),
    roleMap: roleMap(ctx),
    goalAlignment: goalAlignment(ctx),
    actions: elements.flatMap((e) => e.actions),
  };
}

function elementDiagnosis(
  id: ElementId,
  results: { def: IndicatorDefinition; result: IndicatorResult }[],
  ctx: AnalysisContext,
  coded: ElementCodedEvidence | undefined,
): ElementDiagnosis {
  const node = DEFAULT_MODEL.byId.get(id);
  const evaluated = results.filter(
    (r) => r.result.kind === 'evaluative' && r.result.status !== 'insufficient',
  );
  const described = results.filter(
    (r) => r.result.kind === 'descriptive' && r.result.status !== 'insufficient',
  );
  let status: Status;
  if (evaluated.length > 0) {
    status = evaluated
      .map((r) => r.result.status as Exclude<Status, 'insufficient'>)
      .reduce((worst, s) => (SEVERITY[s] > SEVERITY[worst] ? s : worst));
  } else {
    status = described.length > 0 ? 'ok' : 'insufficient';
  }
  const score =
    evaluated.length === 0
      ? null
      : Math.round(
          evaluated.reduce(
            (sum, r) => sum + STATUS_SCORE[r.result.status as Exclude<Status, 'insufficient'>],
            0,
          ) / evaluated.length,
        );
  const actions: SuggestedAction[] = [];
  for (const { def, result } of results) {
    if (result.status !== 'watch' && result.status !== 'concern') continue;
    const text = def.actions?.[result.status] ?? def.actions?.concern ?? def.actions?.watch;
    if (text) actions.push({ indicatorId: def.id, element: id, status: result.status, text });
  }
  const seen = new Set<string>();
  const evidence: EvidenceRef[] = [];
  for (const { result } of results) {
    for (const ref of result.evidence) {
      const key = `${ref.kind}:${ref.id}`;
      if (!seen.has(key)) {
        seen.add(key);
        evidence.push(ref);
      }
    }
  }
  for (const ref of coded?.refs ?? []) {
    if (!seen.has(`${ref.kind}:${ref.id}`)) evidence.push(ref);
  }
  return {
    id,
    name: node?.name ?? id,
    context: node ? (DEFAULT_MODEL.ancestry(id)[DEFAULT_MODEL.ancestry(id).length - 2] ?? '') : '',
    status,
    score,
    confidence: confidenceOf(
      evaluated.map((r) => r.result),
      ctx,
      coded,
    ),
    indicators: results.map((r) => r.result),
    evidence,
    quotes: coded?.quotes ?? [],
    actions,
  };
}

/**
 * Confidence (ANALYSIS.md): high with ≥ 2 evaluated indicators whose survey figures, if
 * any, rest on ≥ 5 respondents with r_wg(j) ≥ 0.70; medium with ≥ 1; low otherwise.
 * Coded excerpts add the reason "n coded excerpts from m sources". They cannot give a status
 * (a code says a passage is about the element, not how well it goes), so they never reach
 * high; but an element with no evaluative indicator rises from low to medium when ≥ 3
 * excerpts from ≥ 2 sources speak about it: independent accounts that it matters here.
 */
function confidenceOf(
  evaluated: IndicatorResult[],
  ctx: AnalysisContext,
  coded?: ElementCodedEvidence,
): Confidence {
  const t = ctx.thresholds['confidence.high'];
  const reasons: string[] = [];
  const codedReason =
    coded && coded.excerpts > 0
      ? `${coded.excerpts} coded excerpt${coded.excerpts === 1 ? '' : 's'} from ${coded.sources} source${coded.sources === 1 ? '' : 's'}`
      : null;
  if (evaluated.length === 0) {
    const lifted =
      coded !== undefined &&
      coded.excerpts >= CODED_EVIDENCE_FOR_MEDIUM.excerpts &&
      coded.sources >= CODED_EVIDENCE_FOR_MEDIUM.sources;
    return {
      level: lifted ? 'medium' : 'low',
      reasons: [
        'no evaluative indicator has enough evidence',
        ...(codedReason ? [codedReason] : []),
      ],
    };
  }
  reasons.push(
    `${evaluated.length} evaluative indicator${evaluated.length === 1 ? '' : 's'} with enough evidence`,
  );
  if (codedReason) reasons.push(codedReason);
  const weakSurvey = evaluated
    .map((r) => r.survey)
    .filter((s) => s !== undefined)
    .filter((s) => s.respondents < t.respondents || s.rwgJ === null || s.rwgJ < t.rwgJ);
  for (const s of weakSurvey) {
    reasons.push(
      s.respondents < t.respondents
        ? `the ${s.scale} figure rests on ${s.respondents} respondents (fewer than ${t.respondents})`
        : `members disagree on ${s.scale} (r_wg(j) ${s.rwgJ ?? 'not computable'} < ${t.rwgJ})`,
    );
  }
  if (evaluated.length >= t.evaluativeIndicators && weakSurvey.length === 0) {
    return { level: 'high', reasons };
  }
  if (evaluated.length < t.evaluativeIndicators) {
    reasons.push(`fewer than ${t.evaluativeIndicators} evaluative indicators`);
  }
  return { level: 'medium', reasons };
}
