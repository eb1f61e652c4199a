import type { CollaborationDocument } from '../document/schema.js';
import type { GuidCollection, QualitativeData } from './refi-qda/extension.js';

/** Collections merged by record id, in document order. */
const BY_ID: readonly GuidCollection[] = [
  'coders',
  'codes',
  'cases',
  'sources',
  'codings',
  'memos',
];

/** How a merge changed each collection. */
export interface MergeReport {
  readonly added: Readonly<Record<GuidCollection | 'attributes', number>>;
  readonly updated: Readonly<Record<GuidCollection | 'attributes', number>>;
  readonly unchanged: Readonly<Record<GuidCollection | 'attributes', number>>;
  /** Links dropped because the collaboration lacks what they name, one sentence each. */
  readonly warnings: readonly string[];
}

/**
 * Adds imported qualitative records to a document without mutating it: a record whose id is
 * new is appended; one whose id exists replaces it (an updated export of the same project),
 * unless equal, when nothing changes; attribute definitions merge by name. Memos on "the
 * collaboration" are pointed at this document's collaboration, and a case's link to a member
 * or agency the document lacks is dropped (with a warning). The result still needs `restore`.
 */
export function mergeQualitative(
  doc: CollaborationDocument,
  incoming: Partial<QualitativeData>,
): { document: CollaborationDocument; report: MergeReport } {
  const zero = () => ({
    coders: 0,
    codes: 0,
    cases: 0,
    sources: 0,
    codings: 0,
    memos: 0,
    attributes: 0,
  });
  const added = zero();
  const updated = zero();
  const unchanged = zero();
  const warnings: string[] = [];
  const members = new Set(doc.members.map((m) => m.id));
  const agencies = new Set(doc.agencies.map((a) => a.id));

  const prepared: Partial<QualitativeData> = {
    ...incoming,
    memos: incoming.memos?.map((m) =>
      m.target.kind === 'collaboration' && m.target.id !== doc.collaboration.id
        ? { ...m, target: { kind: 'collaboration' as const, id: doc.collaboration.id } }
        : m,
    ),
    cases: incoming.cases?.map((c) => {
      let out = c;
      if (c.memberId !== undefined && !members.has(c.memberId)) {
        const { memberId: _, ...rest } = out;
        out = rest;
        warnings.push(
          `Case "${c.name}": member ${c.memberId} is not in this collaboration; the link was dropped.`,
        );
      }
      if (c.agencyId !== undefined && !agencies.has(c.agencyId)) {
        const { agencyId: _, ...rest } = out;
        out = rest;
        warnings.push(
          `Case "${c.name}": agency ${c.agencyId} is not in this collaboration; the link was dropped.`,
        );
      }
      return out;
    }),
  };

  const qualitative = { ...doc.qualitative };
  for (const name of BY_ID) {
    const current = [...doc.qualitative[name]] as { id: string }[];
    const index = new Map(current.map((r, i) => [r.id, i]));
    for (const record of (prepared[name] ?? []) as { id: string }[]) {
      const at = index.get(record.id);
      if (at === undefined) {
        index.set(record.id, current.length);
        current.push(record);
        added[name]++;
      } else if (canonical(current[at]) === canonical(record)) {
        unchanged[name]++;
      } else {
        current[at] = record;
        updated[name]++;
      }
    }
    (qualitative as Record<string, unknown>)[name] = current;
  }
  const attributes = [...doc.qualitative.attributes];
  for (const definition of prepared.attributes ?? []) {
    const at = attributes.findIndex((a) => a.name === definition.name);
    if (at < 0) {
      attributes.push(definition);
      added.attributes++;
    } else if (attributes[at]?.type === definition.type) {
      unchanged.attributes++;
    } else {
      attributes[at] = definition;
      updated.attributes++;
    }
  }
  qualitative.attributes = attributes;
  return { document: { ...doc, qualitative }, report: { added, updated, unchanged, warnings } };
}

/** JSON with object keys sorted, so equal records compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : v,
  );
}
