import type { Citation, ElementId } from '../model/elements.js';
import type { ElementDiagnosis, Diagnosis } from '../analysis/diagnose.js';
import type { EvidenceRef, IndicatorResult, SuggestedAction } from '../analysis/types.js';
import { SEVERITY } from '../analysis/types.js';

/** Short names of the twenty elements, for pictures and narrow columns. */
export const SHORT_NAMES: Readonly<Record<ElementId, string>> = {
  'policy.structures': 'Policies and structures',
  'policy.interactions': 'Policy interactions',
  'policy.regulation': 'Regulation and codes',
  'policy.feedback': 'Feedback to policy',
  'local.boundedness': 'Boundedness',
  'local.roles': 'Roles',
  'local.leadership': 'Leadership',
  'local.accountability': 'Accountability',
  'local.resourcing': 'Resourcing',
  'local.knowledge': 'Shared knowledge',
  'personal.professional': 'Professional',
  'personal.individual': 'Individual',
  'personal.teamReasoning': 'Team reasoning (individual part)',
  'process.jointActivities': 'Joint activities',
  'process.duration': 'Duration',
  'process.continuity': 'Continuity',
  'process.teamReasoning.purposes': 'Purposes and values',
  'process.teamReasoning.communication': 'Communication',
  'process.teamReasoning.decisions': 'Decisions',
  'process.teamReasoning.roles': 'Roles in the process',
};

/** The short name of an element (its full name for elements a deployment added). */
export function shortName(element: Pick<ElementDiagnosis, 'id' | 'name'>): string {
  return (SHORT_NAMES as Readonly<Record<string, string>>)[element.id] ?? element.name;
}

/** A citation as "Authors (year)". */
export function formatCitation(c: Citation): string {
  return `${c.authors} (${c.year})`;
}

/** Distinct citations of several lists, in first-seen order. */
export function distinctCitations(lists: readonly (readonly Citation[])[]): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const list of lists) {
    for (const c of list) {
      const key = formatCitation(c);
      if (!seen.has(key)) {
        seen.add(key);
        out.push(c);
      }
    }
  }
  return out;
}

/** An integer with thousands separators ("12,345"). */
export function thousands(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.abs(Math.round(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** An evidence pointer in words: its id, with the collection or kind and any note. */
export function evidenceText(ref: EvidenceRef): string {
  const where = ref.collection ?? ref.kind;
  return `${ref.id} (${where}${ref.note ? `: ${ref.note}` : ''})`;
}

/** One indicator that needs attention, with the element it belongs to and its actions. */
export interface AttentionItem {
  readonly element: ElementDiagnosis;
  readonly indicator: IndicatorResult;
  readonly actions: readonly SuggestedAction[];
}

/** The elements at concern or watch, most severe first, then in model order. */
export function elementsNeedingAttention(d: Diagnosis): ElementDiagnosis[] {
  const rank = (e: ElementDiagnosis) =>
    e.status === 'concern' || e.status === 'watch' ? SEVERITY[e.status] : -1;
  return d.elements
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => rank(e) >= 0)
    .sort((a, b) => rank(b.e) - rank(a.e) || a.i - b.i)
    .map(({ e }) => e);
}

/** The indicators of an element at concern or watch (most severe first), each with its actions. */
export function attentionItems(element: ElementDiagnosis): AttentionItem[] {
  const rank = (i: IndicatorResult) =>
    i.status === 'concern' || i.status === 'watch' ? SEVERITY[i.status] : -1;
  return element.indicators
    .map((indicator, i) => ({ indicator, i }))
    .filter(({ indicator }) => rank(indicator) >= 0)
    .sort((a, b) => rank(b.indicator) - rank(a.indicator) || a.i - b.i)
    .map(({ indicator }) => ({
      element,
      indicator,
      actions: element.actions.filter((a) => a.indicatorId === indicator.id),
    }));
}

/** The first `max` items and how many were left out. */
export function capped<T>(items: readonly T[], max: number): { shown: readonly T[]; more: number } {
  return items.length <= max
    ? { shown: items, more: 0 }
    : { shown: items.slice(0, max), more: items.length - max };
}

/** The human label of a node id from a list of `{ id, label }`, else the id. */
export function labelLookup(
  nodes: readonly { readonly id: string; readonly label: string }[],
): (id: string) => string {
  const map = new Map(nodes.map((n) => [n.id, n.label]));
  return (id) => map.get(id) ?? id;
}
