import type {
  Code,
  CollaborationDocument,
  Coding,
  QdaCase,
  Source,
} from '../../document/schema.js';
import type { ElementId } from '../../model/elements.js';
import { AnalysisError } from '../../analysis/context.js';

/**
 * What the qualitative analyses read: a collaboration document, or just its qualitative part
 * (as a REFI-QDA import gives it).
 */
export type QualitativeDocument = Pick<CollaborationDocument, 'qualitative'>;

/** A source text seen in Unicode code points: its length and slices by code-point offsets. */
export interface CodePointText {
  /** Length in code points. */
  readonly length: number;
  /** The text between two code-point offsets, end exclusive. */
  slice(start: number, end: number): string;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Wraps a text for slicing by code points. Text without astral characters slices directly;
 * otherwise one table of UTF-16 offsets is built, so each slice costs O(1).
 */
export function codePointText(text: string): CodePointText {
  if (!SURROGATE.test(text)) {
    return { length: text.length, slice: (start, end) => text.slice(start, end) };
  }
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    offsets.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  const length = offsets.length;
  offsets.push(text.length);
  const at = (cp: number) => offsets[Math.max(0, Math.min(cp, length))] ?? text.length;
  return { length, slice: (start, end) => text.slice(at(start), at(end)) };
}

/** Code-point texts of sources, each built on first use and kept. */
export function sourceTexts(): (source: Source) => CodePointText {
  const cache = new Map<string, CodePointText>();
  return (source) => {
    let t = cache.get(source.id);
    if (t === undefined) {
      t = codePointText(source.text);
      cache.set(source.id, t);
    }
    return t;
  };
}

/** Whether two spans [start, end) share a code point; an empty span counts where it lies. */
export function spansOverlap(
  a: { readonly start: number; readonly end: number },
  b: { readonly start: number; readonly end: number },
): boolean {
  if (a.start === a.end) return b.start <= a.start && a.start < b.end;
  if (b.start === b.end) return a.start <= b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** The codebook in tree order: roots in document order, each followed by its children (depth first). */
export function codebookOrder(
  codes: readonly Code[],
): { code: Code; depth: number; path: string[] }[] {
  const ids = new Set(codes.map((c) => c.id));
  const children = new Map<string | null, Code[]>();
  for (const code of codes) {
    // A parent missing from the codebook makes the code a root rather than losing it.
    const parent = code.parentId !== null && ids.has(code.parentId) ? code.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(code);
    children.set(parent, list);
  }
  const out: { code: Code; depth: number; path: string[] }[] = [];
  const seen = new Set<string>();
  const visit = (code: Code, depth: number, path: string[]) => {
    if (seen.has(code.id)) return;
    seen.add(code.id);
    const own = [...path, code.name];
    out.push({ code, depth, path: own });
    for (const child of children.get(code.id) ?? []) visit(child, depth + 1, own);
  };
  for (const root of children.get(null) ?? []) visit(root, 0, []);
  // Codes caught in a parent cycle (restore refuses them) still appear, at the end.
  for (const code of codes) visit(code, 0, []);
  return out;
}

/**
 * The model element each code stands for: its own `elementId`, else the nearest ancestor's
 * (a researcher's sub-code nested under an element code speaks about that element).
 */
export function codeElements(codes: readonly Code[]): Map<string, ElementId> {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const out = new Map<string, ElementId>();
  for (const code of codes) {
    let current: Code | undefined = code;
    for (let steps = 0; current !== undefined && steps <= codes.length; steps++) {
      if (current.elementId !== undefined) {
        out.set(code.id, current.elementId);
        break;
      }
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
  }
  return out;
}

/**
 * Resolves which QDA cases a coding belongs to: the cases of the speaker turns it overlaps
 * (`turn.caseId`, else the case whose name is the speaker label) when the source has turns
 * linked to cases; otherwise every case in the source's `participantCaseIds`.
 */
export function caseResolver(
  doc: QualitativeDocument,
): (source: Source, coding: Pick<Coding, 'start' | 'end'>) => string[] {
  const caseByName = new Map<string, QdaCase>();
  for (const c of doc.qualitative.cases) if (!caseByName.has(c.name)) caseByName.set(c.name, c);
  const known = new Set(doc.qualitative.cases.map((c) => c.id));
  const linked = new Map<string, { start: number; end: number; caseId: string | null }[]>();
  const turnsOf = (source: Source) => {
    let turns = linked.get(source.id);
    if (turns === undefined) {
      turns = source.turns.map((t) => ({
        start: t.start,
        end: t.end,
        caseId:
          (t.caseId !== undefined && known.has(t.caseId) ? t.caseId : undefined) ??
          caseByName.get(t.speaker)?.id ??
          null,
      }));
      linked.set(source.id, turns);
    }
    return turns;
  };
  return (source, coding) => {
    const turns = turnsOf(source);
    if (!turns.some((t) => t.caseId !== null)) {
      return source.participantCaseIds.filter((id) => known.has(id));
    }
    const out: string[] = [];
    for (const t of turns) {
      if (t.caseId !== null && spansOverlap(coding, t) && !out.includes(t.caseId)) {
        out.push(t.caseId);
      }
    }
    return out;
  };
}

/** Checks that every id names something; throws an `invalid_option` AnalysisError otherwise. */
export function checkIds(
  what: string,
  option: string,
  ids: readonly string[] | undefined,
  known: ReadonlySet<string>,
): void {
  for (const id of ids ?? []) {
    if (!known.has(id)) {
      throw new AnalysisError('invalid_option', `${option}: no ${what} "${id}" in the document`);
    }
  }
}
