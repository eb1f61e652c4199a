import type { CollaborationDocument, Coding, Source } from '../../document/schema.js';
import type { ElementId } from '../../model/elements.js';
import type { EvidenceRef } from '../../analysis/types.js';
import { codeElements, sourceTexts, spansOverlap } from './internal.js';

/** The longest quote shown in a diagnosis, in characters (UTF-16 units, so code points too). */
export const QUOTE_MAX_LENGTH = 300;

/**
 * Coded evidence lifts an element with no evaluative indicator from low to medium confidence
 * when it has at least this many excerpts from at least this many sources.
 */
export const CODED_EVIDENCE_FOR_MEDIUM = { excerpts: 3, sources: 2 } as const;

/** A coded passage quoted in an element's diagnosis. */
export interface CodedQuote {
  readonly codingId: string;
  readonly sourceId: string;
  readonly sourceTitle: string;
  /**
   * Who speaks: the speaker label of the turn holding most of the passage, else the name of the
   * source's only participant case unless a member goes by that name; null when neither says.
   * Never looked up from the member records, so a transcript's own labels are the names shown.
   */
  readonly speaker: string | null;
  /** The passage, white space collapsed, cut to {@link QUOTE_MAX_LENGTH} with an ellipsis. */
  readonly text: string;
  readonly coderId: string;
  /** The agency the coding or its source is confidential to; the server hides it from others. */
  readonly confidentialTo?: string;
}

/** The coded evidence about one model element. */
export interface ElementCodedEvidence {
  /** One `segment` reference per coding. */
  readonly refs: readonly EvidenceRef[];
  readonly quotes: readonly CodedQuote[];
  /** Distinct excerpts: codings that overlap in one source (several coders, say) count once. */
  readonly excerpts: number;
  /** Sources the excerpts come from. */
  readonly sources: number;
}

/** Options of {@link codedEvidence}. */
export interface CodedEvidenceOptions {
  /** Leave out sources dated after this day (YYYY-MM-DD); undated sources always count. */
  readonly asOf?: string;
}

/**
 * A passage cut to at most `max` characters: white space collapsed, cut at a word boundary in
 * the last fifth when there is one, an ellipsis added, never half a surrogate pair.
 */
export function quoteText(text: string, max: number = QUOTE_MAX_LENGTH): string {
  // Collapse only a head of a long passage: enough for the quote unless it is mostly spaces.
  const head = text.length > max * 4 ? text.slice(0, max * 4) : text;
  let flat = head.replace(/\s+/g, ' ').trim();
  if (head !== text && flat.length <= max) flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  let cut = max - 1;
  const c = flat.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  const space = flat.lastIndexOf(' ', cut);
  if (space >= Math.floor(max * 0.8)) cut = space;
  return `${flat.slice(0, cut).trimEnd()}…`;
}

/** The speaker label of the turn sharing most code points with the span, first one on ties. */
function speakerOf(
  source: Source,
  coding: Coding,
  caseName: ReadonlyMap<string, string>,
): string | null {
  let best: string | null = null;
  let most = -1;
  for (const t of source.turns) {
    if (!spansOverlap(coding, t)) continue;
    const shared = Math.min(coding.end, t.end) - Math.max(coding.start, t.start);
    if (shared > most) {
      most = shared;
      best = t.speaker;
    }
  }
  if (best !== null) return best;
  const only = source.participantCaseIds.length === 1 ? source.participantCaseIds[0] : undefined;
  return only !== undefined ? (caseName.get(only) ?? null) : null;
}

/**
 * The coded passages that speak about each model element: codings whose code maps to the
 * element (`code.elementId`, or the nearest ancestor code's), as evidence references and
 * quotes in source order. A coding confidential to one agency in a source confidential to
 * another is left out: no user may see both.
 */
export function codedEvidence(
  doc: CollaborationDocument,
  options: CodedEvidenceOptions = {},
): ReadonlyMap<ElementId, ElementCodedEvidence> {
  const q = doc.qualitative;
  const elementOf = codeElements(q.codes);
  const codeName = new Map(q.codes.map((c) => [c.id, c.name]));
  // A case named exactly like a member (its work name) is not used as a speaker label.
  const memberNames = new Set(doc.members.map((m) => m.displayName));
  const caseName = new Map(
    q.cases.filter((c) => !memberNames.has(c.name)).map((c) => [c.id, c.name]),
  );
  const sourceById = new Map(q.sources.map((s) => [s.id, s]));
  const sourceRank = new Map(q.sources.map((s, i) => [s.id, i]));
  const textOf = sourceTexts();
  const byElement = new Map<ElementId, { coding: Coding; source: Source }[]>();
  for (const coding of q.codings) {
    const element = elementOf.get(coding.codeId);
    const source = sourceById.get(coding.sourceId);
    if (element === undefined || source === undefined) continue;
    if (options.asOf !== undefined && source.date !== undefined && source.date > options.asOf) {
      continue;
    }
    if (
      coding.confidentialTo !== undefined &&
      source.confidentialTo !== undefined &&
      coding.confidentialTo !== source.confidentialTo
    ) {
      continue;
    }
    const list = byElement.get(element) ?? [];
    list.push({ coding, source });
    byElement.set(element, list);
  }
  const out = new Map<ElementId, ElementCodedEvidence>();
  for (const [element, list] of byElement) {
    list.sort(
      (a, b) =>
        (sourceRank.get(a.source.id) ?? 0) - (sourceRank.get(b.source.id) ?? 0) ||
        a.coding.start - b.coding.start ||
        a.coding.end - b.coding.end ||
        (a.coding.coderId < b.coding.coderId ? -1 : a.coding.coderId > b.coding.coderId ? 1 : 0) ||
        (a.coding.id < b.coding.id ? -1 : a.coding.id > b.coding.id ? 1 : 0),
    );
    const refs: EvidenceRef[] = [];
    const quotes: CodedQuote[] = [];
    let excerpts = 0;
    let lastSource: string | null = null;
    let reach = -1;
    const sources = new Set<string>();
    for (const { coding, source } of list) {
      const speaker = speakerOf(source, coding, caseName);
      const confidentialTo = coding.confidentialTo ?? source.confidentialTo;
      quotes.push({
        codingId: coding.id,
        sourceId: source.id,
        sourceTitle: source.title,
        speaker,
        text: quoteText(textOf(source).slice(coding.start, coding.end)),
        coderId: coding.coderId,
        ...(confidentialTo !== undefined ? { confidentialTo } : {}),
      });
      refs.push({
        kind: 'segment',
        id: coding.id,
        note: `coded "${codeName.get(coding.codeId) ?? coding.codeId}" in "${source.title}"${
          speaker !== null ? `, ${speaker}` : ''
        }`,
      });
      // Sorted by source then start: a passage starting past the previous reach is a new excerpt.
      sources.add(source.id);
      if (source.id !== lastSource || coding.start >= reach) excerpts++;
      reach = source.id !== lastSource ? coding.end : Math.max(reach, coding.end);
      lastSource = source.id;
    }
    out.set(element, { refs, quotes, excerpts, sources: sources.size });
  }
  return out;
}
