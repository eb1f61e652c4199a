import {
  DEFAULT_MODEL,
  SEVERITY,
  STATUS_STYLE,
  type Citation,
  type ElementDiagnosis,
  type IndicatorResult,
  type Status,
} from '@weframe/core';

/** Plain words for what the model and the diagnosis hold. */

/** The status in words for a sentence ("concern", "insufficient evidence"). */
export function statusWords(status: Status): string {
  return STATUS_STYLE[status].label.toLowerCase();
}

/** Where an element sits in the model: "Local context", "Collaborative process: team reasoning (group part)". */
export function contextLabel(elementId: string, context: string): string {
  const node = DEFAULT_MODEL.byId.get(context);
  if (!node) return context === '' ? 'Other' : context;
  if (node.kind === 'context') return node.name;
  const outer = DEFAULT_MODEL.ancestry(context)
    .map((id) => DEFAULT_MODEL.byId.get(id))
    .filter((n) => n?.kind === 'context')
    .pop();
  return outer
    ? `${outer.name}: ${node.name.charAt(0).toLowerCase()}${node.name.slice(1)}`
    : node.name;
}

/** The element as the model describes it (name, description, unit, citations), if it knows it. */
export function modelElement(elementId: string) {
  return DEFAULT_MODEL.byId.get(elementId) ?? null;
}

const rank = (status: Status) => (status === 'insufficient' ? -1 : SEVERITY[status]);

/**
 * The finding that says most about an element: its most severe evaluative indicator's,
 * else the first indicator with enough evidence, else the first one's.
 */
export function topIndicator(element: ElementDiagnosis): IndicatorResult | null {
  let best: IndicatorResult | null = null;
  for (const indicator of element.indicators) {
    if (indicator.kind !== 'evaluative' || indicator.status === 'insufficient') continue;
    if (best === null || rank(indicator.status) > rank(best.status)) best = indicator;
  }
  return (
    best ??
    element.indicators.find((i) => i.status !== 'insufficient') ??
    element.indicators[0] ??
    null
  );
}

/** A citation as "Authors (year). Note". */
export function citationText(c: Citation): string {
  return `${c.authors} (${c.year})${c.note ? `. ${c.note}` : ''}`;
}

/** Distinct citations of several lists, in first-seen order. */
export function distinctCitations(lists: readonly (readonly Citation[])[]): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const c of lists.flat()) {
    const key = `${c.authors}|${c.year}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}

/** Statuses from the most to the least pressing, for sorting. */
export function severityOrder(status: Status): number {
  return status === 'insufficient' ? 4 : 3 - SEVERITY[status];
}
