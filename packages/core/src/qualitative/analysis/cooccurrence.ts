import type { Coding } from '../../document/schema.js';
import { checkIds, codebookOrder, spansOverlap, type QualitativeDocument } from './internal.js';

/** Options of {@link codeCooccurrence}. */
export interface CodeCooccurrenceOptions {
  /** Only this coder's codings. Default: every coder, each pair from one coder's codings. */
  readonly coderId?: string;
  /** Only codings in these sources. Default: every source. */
  readonly sourceIds?: readonly string[];
}

/** Two overlapping segments, one of each code of a pair. */
export interface CooccurringSegments {
  readonly sourceId: string;
  readonly coderId: string;
  /** The coding of the pair's first code and the coding of its second. */
  readonly codingIds: readonly [string, string];
  /** Code points the two segments share (0 when one of them is empty). */
  readonly overlap: number;
}

/** A pair of codes whose segments overlap, first code earlier in the codebook. */
export interface CodePair {
  readonly codeIds: readonly [string, string];
  /** Overlapping segment pairs. */
  readonly count: number;
  readonly segments: readonly CooccurringSegments[];
}

/** Result of {@link codeCooccurrence}. */
export interface CodeCooccurrence {
  /** Codings in scope per code, in codebook order (codes without codings left out). */
  readonly codes: readonly {
    readonly id: string;
    readonly name: string;
    readonly codings: number;
  }[];
  /** Pairs with at least one overlap, in codebook order of the first then the second code. */
  readonly pairs: readonly CodePair[];
}

/**
 * Code co-occurrence: for each pair of different codes, the pairs of their segments that
 * overlap (same source, same coder, spans sharing at least one code point, as ATLAS.ti's and
 * MAXQDA's code co-occurrence tables count them). Segments of different coders never pair, so
 * double coding for an agreement check does not inflate the counts. A sweep over segments
 * sorted by start: O(n log n + overlaps).
 */
export function codeCooccurrence(
  doc: QualitativeDocument,
  options: CodeCooccurrenceOptions = {},
): CodeCooccurrence {
  const q = doc.qualitative;
  if (options.coderId !== undefined) {
    checkIds('coder', 'coderId', [options.coderId], new Set(q.coders.map((c) => c.id)));
  }
  checkIds('source', 'sourceIds', options.sourceIds, new Set(q.sources.map((s) => s.id)));
  const sourceSet = options.sourceIds ? new Set(options.sourceIds) : null;
  const order = codebookOrder(q.codes);
  const rank = new Map(order.map((o, i) => [o.code.id, i]));
  const groups = new Map<string, Coding[]>();
  const perCode = new Map<string, number>();
  for (const coding of q.codings) {
    if (options.coderId !== undefined && coding.coderId !== options.coderId) continue;
    if (sourceSet !== null && !sourceSet.has(coding.sourceId)) continue;
    if (!rank.has(coding.codeId)) continue;
    perCode.set(coding.codeId, (perCode.get(coding.codeId) ?? 0) + 1);
    const key = `${coding.sourceId}\u0000${coding.coderId}`;
    const list = groups.get(key) ?? [];
    list.push(coding);
    groups.set(key, list);
  }
  const pairs = new Map<string, { codeIds: [string, string]; segments: CooccurringSegments[] }>();
  for (const list of groups.values()) {
    list.sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
    for (let i = 0; i < list.length; i++) {
      const a = list[i] as Coding;
      for (let j = i + 1; j < list.length; j++) {
        const b = list[j] as Coding;
        // Sorted by start: once b starts at or after a's end, no later segment meets a.
        if (b.start > a.end || (b.start === a.end && a.start !== a.end)) break;
        if (a.codeId === b.codeId || !spansOverlap(a, b)) continue;
        const [first, second] =
          (rank.get(a.codeId) ?? 0) <= (rank.get(b.codeId) ?? 0) ? [a, b] : [b, a];
        const key = `${first.codeId}\u0000${second.codeId}`;
        let pair = pairs.get(key);
        if (pair === undefined) {
          pair = { codeIds: [first.codeId, second.codeId], segments: [] };
          pairs.set(key, pair);
        }
        pair.segments.push({
          sourceId: a.sourceId,
          coderId: a.coderId,
          codingIds: [first.id, second.id],
          overlap: Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)),
        });
      }
    }
  }
  const sourceRank = new Map(q.sources.map((s, i) => [s.id, i]));
  const byCode = (x: string, y: string) => (rank.get(x) ?? 0) - (rank.get(y) ?? 0);
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return {
    codes: order
      .filter((o) => perCode.has(o.code.id))
      .map((o) => ({ id: o.code.id, name: o.code.name, codings: perCode.get(o.code.id) ?? 0 })),
    pairs: [...pairs.values()]
      .sort((p, r) => byCode(p.codeIds[0], r.codeIds[0]) || byCode(p.codeIds[1], r.codeIds[1]))
      .map((p) => ({
        codeIds: p.codeIds,
        count: p.segments.length,
        segments: p.segments.sort(
          (s, t) =>
            (sourceRank.get(s.sourceId) ?? 0) - (sourceRank.get(t.sourceId) ?? 0) ||
            cmp(s.coderId, t.coderId) ||
            cmp(s.codingIds[0], t.codingIds[0]) ||
            cmp(s.codingIds[1], t.codingIds[1]),
        ),
      })),
  };
}
