import { DEFAULT_MODEL } from '../model/registry.js';
import type { Citation, ElementId } from '../model/elements.js';
import type { AnalysisContext } from './context.js';
import type {
  EvidenceRef,
  IndicatorLevel,
  IndicatorResult,
  IndicatorValue,
  Status,
  SurveyFigure,
  ThresholdUse,
} from './types.js';
import type { Thresholds } from './thresholds.js';

/** An indicator: what it measures and how to compute it from a context. */
export interface IndicatorDefinition {
  readonly id: string;
  readonly element: ElementId;
  readonly name: string;
  readonly level: IndicatorLevel;
  readonly kind: 'evaluative' | 'descriptive';
  /** Citations beyond the element's own; default: the element's citations. */
  readonly basis?: readonly Citation[];
  /** What practitioners could do when the indicator reads watch or concern. */
  readonly actions?: { readonly watch?: string; readonly concern?: string };
  compute(ctx: AnalysisContext): IndicatorOutcome;
}

/** What an indicator's compute returns; the definition fills in the rest. */
export interface IndicatorOutcome {
  readonly value: IndicatorValue;
  readonly display: string;
  readonly n: number;
  readonly minimum: number;
  /** Status when there is enough evidence (n ≥ minimum); ignored otherwise. */
  readonly status: Status;
  readonly threshold?: ThresholdUse | null;
  readonly evidence?: readonly EvidenceRef[];
  readonly finding: string;
  readonly survey?: SurveyFigure;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Runs an indicator, enforcing "insufficient below the minimum, never a guess". */
export function runIndicator(def: IndicatorDefinition, ctx: AnalysisContext): IndicatorResult {
  const out = def.compute(ctx);
  const enough = out.n >= out.minimum;
  let status: Status = enough ? out.status : 'insufficient';
  // Descriptive indicators report only ok or insufficient.
  if (def.kind === 'descriptive' && status !== 'insufficient') status = 'ok';
  return {
    id: def.id,
    element: def.element,
    name: def.name,
    level: def.level,
    kind: def.kind,
    value: out.value,
    display: out.display,
    n: out.n,
    minimum: out.minimum,
    status,
    threshold: out.threshold ?? null,
    evidence: out.evidence ?? [],
    basis: def.basis ?? DEFAULT_MODEL.byId.get(def.element)?.citations ?? [],
    finding: enough
      ? out.finding
      : `Not enough evidence yet: ${out.n} where at least ${out.minimum} ${out.minimum === 1 ? 'is' : 'are'} needed. ${out.finding}`,
    ...(out.survey ? { survey: out.survey } : {}),
    ...(out.details ? { details: out.details } : {}),
  };
}

/** The thresholds named `id`, as shown beside a result. */
export function thresholdUse<K extends keyof Thresholds>(
  thresholds: Thresholds,
  id: K,
  rule: string,
): ThresholdUse {
  return { id, values: thresholds[id], rule };
}

/** Status for a value where lower is worse: concern below `concern`, watch below `watch`. */
export function lowerIsWorse(value: number, limits: { concern?: number; watch?: number }): Status {
  if (limits.concern !== undefined && value < limits.concern) return 'concern';
  if (limits.watch !== undefined && value < limits.watch) return 'watch';
  return 'ok';
}

/** Status for a value where higher is worse: concern at or above `concern`, watch at or above `watch`. */
export function higherIsWorse(value: number, limits: { concern?: number; watch?: number }): Status {
  if (limits.concern !== undefined && value >= limits.concern) return 'concern';
  if (limits.watch !== undefined && value >= limits.watch) return 'watch';
  return 'ok';
}

/** A percentage for people: 0.375 → "38 %". */
export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** "3 of 8 members (38 %)". */
export function shareText(count: number, total: number, noun: string): string {
  return total === 0 ? `no ${noun}` : `${count} of ${total} ${noun} (${percent(count / total)})`;
}

/** Evidence pointing at records of a collection. */
export function recordRefs(
  collection: string,
  ids: Iterable<string>,
  note?: string,
): EvidenceRef[] {
  return [...ids].map((id) =>
    note === undefined
      ? { kind: 'record', id, collection }
      : { kind: 'record', id, collection, note },
  );
}

/** Jaccard similarity of two sets; 1 when both are empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}
