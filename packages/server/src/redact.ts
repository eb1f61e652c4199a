import {
  QUALITATIVE_COLLECTIONS,
  RECORD_COLLECTIONS,
  type CollaborationDocument,
  type Diagnosis,
} from '@weframe/core';

/**
 * Confidentiality applied to what leaves the server: which records a principal may not see,
 * the document without them, and a diagnosis (computed on the full document) with every
 * trace of them replaced by a count.
 */

/** Whether a record marked confidential to this agency (or to none) may be shown. */
export type Sees = (confidentialTo: string | null | undefined) => boolean;

/** A record hidden from the principal, with the collection it sits in. */
export interface HiddenRecord {
  /** The document key, or `qualitative.<key>` for the qualitative part. */
  readonly collection: string;
  readonly record: Readonly<Record<string, unknown>>;
}

type Item = Readonly<Record<string, unknown>>;

const TOP_LEVEL = Object.keys(RECORD_COLLECTIONS) as (keyof typeof RECORD_COLLECTIONS)[];
const QUALITATIVE = Object.keys(
  QUALITATIVE_COLLECTIONS,
) as (keyof typeof QUALITATIVE_COLLECTIONS)[];

const NOUNS: Readonly<Record<string, readonly [string, string]>> = {
  outcomeFrameworks: ['outcome framework', 'outcome frameworks'],
  agencies: ['agency', 'agencies'],
  professions: ['profession', 'professions'],
  members: ['member', 'members'],
  goals: ['goal', 'goals'],
  cases: ['case', 'cases'],
  needs: ['need', 'needs'],
  responsibilityAreas: ['responsibility area', 'responsibility areas'],
  roleClaims: ['role claim', 'role claims'],
  rolePerceptions: ['role perception', 'role perceptions'],
  activities: ['activity', 'activities'],
  communications: ['communication', 'communications'],
  caseEvents: ['case event', 'case events'],
  decisions: ['decision', 'decisions'],
  referrals: ['referral', 'referrals'],
  coordinatingRecords: ['coordinating record', 'coordinating records'],
  withheldInformation: ['record of withheld information', 'records of withheld information'],
  policies: ['policy', 'policies'],
  policyInteractions: ['policy interaction', 'policy interactions'],
  adaptations: ['adaptation', 'adaptations'],
  agencyRelations: ['agency relation', 'agency relations'],
  meetings: ['meeting series', 'meeting series'],
  surveyItems: ['survey item', 'survey items'],
  waves: ['wave', 'waves'],
  responses: ['survey response', 'survey responses'],
  'qualitative.sources': ['source', 'sources'],
  'qualitative.codes': ['code', 'codes'],
  'qualitative.coders': ['coder', 'coders'],
  'qualitative.codings': ['coded segment', 'coded segments'],
  'qualitative.memos': ['memo', 'memos'],
  'qualitative.cases': ['participant', 'participants'],
};

/** "one confidential communication", "3 confidential case events". */
export function confidentialNote(collection: string, count: number): string {
  const [one, many] = NOUNS[collection] ?? ['record', 'records'];
  return count === 1 ? `one confidential ${one}` : `${count} confidential ${many}`;
}

/**
 * Records of the document the principal may not see, by id (ids are unique across a
 * document): those confidential to another agency, plus coded segments of hidden sources
 * and memos about hidden things, which would otherwise quote or describe them.
 */
export function hiddenRecords(doc: CollaborationDocument, sees: Sees): Map<string, HiddenRecord> {
  const hidden = new Map<string, HiddenRecord>();
  const visit = (collection: string, items: readonly Item[], extra?: (r: Item) => boolean) => {
    for (const record of items) {
      const ct = typeof record.confidentialTo === 'string' ? record.confidentialTo : null;
      if (!sees(ct) || extra?.(record)) hidden.set(String(record.id), { collection, record });
    }
  };
  for (const name of TOP_LEVEL) visit(name, doc[name]);
  const q = doc.qualitative;
  visit('qualitative.sources', q.sources);
  visit('qualitative.codes', q.codes);
  visit('qualitative.coders', q.coders);
  visit('qualitative.cases', q.cases);
  visit('qualitative.codings', q.codings, (c) => hidden.has(String(c.sourceId)));
  visit('qualitative.memos', q.memos, (m) => {
    const target = m.target as { id?: unknown } | undefined;
    return typeof target?.id === 'string' && hidden.has(target.id);
  });
  return hidden;
}

/** How many hidden records each collection holds. */
export function countByCollection(
  hidden: ReadonlyMap<string, HiddenRecord>,
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { collection } of hidden.values()) counts[collection] = (counts[collection] ?? 0) + 1;
  return counts;
}

/** The document without the records the principal may not see, and how many were left out. */
export function redactDocument(
  doc: CollaborationDocument,
  sees: Sees,
): { document: CollaborationDocument; hidden: Record<string, number>; total: number } {
  const hidden = hiddenRecords(doc, sees);
  if (hidden.size === 0) return { document: doc, hidden: {}, total: 0 };
  const keep = <T extends { id: string }>(items: readonly T[]) =>
    items.filter((r) => !hidden.has(r.id));
  const out: Record<string, unknown> = { ...doc };
  for (const name of TOP_LEVEL) out[name] = keep(doc[name] as readonly { id: string }[]);
  const qualitative: Record<string, unknown> = { ...doc.qualitative };
  for (const name of QUALITATIVE)
    qualitative[name] = keep(doc.qualitative[name] as readonly { id: string }[]);
  out.qualitative = qualitative;
  return {
    document: out as CollaborationDocument,
    hidden: countByCollection(hidden),
    total: hidden.size,
  };
}

/** A diagnosis as a principal may see it, with what was left out of it. */
export type RedactedDiagnosis = Diagnosis & {
  readonly confidential: {
    /** Records of the document the principal may not see, per collection. */
    readonly records: Readonly<Record<string, number>>;
    /** Quotes of coded passages taken out because their source or coding is hidden. */
    readonly quotesRemoved: number;
  };
};

/** Keys whose values are vocabulary (statuses, kinds, element ids), never record content. */
const STRUCTURAL_KEYS = new Set([
  'kind',
  'status',
  'element',
  'collection',
  'level',
  'indicatorId',
  'mode',
  'scale',
  'context',
  'confidentialTo',
]);
const EVIDENCE_KINDS = new Set(['record', 'item', 'segment', 'member', 'agency', 'pair', 'wave']);
/** Fields of records whose text analyses may repeat (names, titles, statements). */
const NAME_FIELDS = new Set([
  'displayName',
  'name',
  'title',
  'pseudonym',
  'statement',
  'description',
  'topic',
  'reason',
  'resolution',
]);
/** Shorter text than this is not scrubbed on its own (it would match ordinary words). */
const MIN_TEXT = 3;
const ID_TOKEN = /[A-Za-z0-9][A-Za-z0-9._:~-]*/g;

/**
 * Redacts a diagnosis computed on the full document for a principal: evidence pointing at
 * hidden records becomes one `{ kind: 'record', id: 'confidential', collection, note }` per
 * collection and list ("one confidential communication"); coded segments of hidden sources
 * are dropped and counted; hidden ids anywhere else become stable aliases
 * (`confidential-1`…) so networks and pairs keep their shape; hidden ids and names inside
 * text become "a confidential record".
 */
export function redactDiagnosis(
  diagnosis: Diagnosis,
  doc: CollaborationDocument,
  sees: Sees,
): RedactedDiagnosis {
  const hidden = hiddenRecords(doc, sees);
  const records = countByCollection(hidden);
  if (hidden.size === 0) return { ...diagnosis, confidential: { records, quotesRemoved: 0 } };
  const scrub = scrubber(hidden);
  let quotesRemoved = 0;

  const isRef = (v: unknown): v is { kind: string; id: string; collection?: string } =>
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { kind?: unknown }).kind === 'string' &&
    EVIDENCE_KINDS.has((v as { kind: string }).kind) &&
    typeof (v as { id?: unknown }).id === 'string';
  const hiddenSegment = (id: string) =>
    hidden.has(id) || id.split(/[#@|:]/).some((part) => hidden.has(part));
  // Quotes and excerpts carry the segment's text: drop them when it comes from hidden material.
  const hiddenQuote = (v: unknown) => {
    if (typeof v !== 'object' || v === null) return false;
    const o = v as Record<string, unknown>;
    return ['sourceId', 'codingId', 'segmentId'].some(
      (k) => typeof o[k] === 'string' && hidden.has(o[k]),
    );
  };

  const walkArray = (items: readonly unknown[]): unknown[] => {
    const out: unknown[] = [];
    const placeholders = new Map<string, { slot: Record<string, unknown>; count: number }>();
    for (const item of items) {
      // The segment's quote is counted below, where the quote itself is dropped.
      if (isRef(item) && item.kind === 'segment' && hiddenSegment(item.id)) continue;
      if (isRef(item) && item.kind !== 'pair' && hidden.has(item.id)) {
        const collection = hidden.get(item.id)?.collection ?? item.collection ?? 'records';
        const seen = placeholders.get(collection);
        if (seen) seen.count++;
        else {
          const slot: Record<string, unknown> = { kind: 'record', id: 'confidential', collection };
          placeholders.set(collection, { slot, count: 1 });
          out.push(slot);
        }
        continue;
      }
      if (hiddenQuote(item)) {
        quotesRemoved++;
        continue;
      }
      out.push(walk(item, ''));
    }
    for (const [collection, { slot, count }] of placeholders)
      slot.note = confidentialNote(collection, count);
    return out;
  };

  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') return STRUCTURAL_KEYS.has(key) ? value : scrub.text(value);
    if (Array.isArray(value)) return walkArray(value);
    if (typeof value === 'object' && value !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[scrub.key(k)] = walk(v, k);
      return out;
    }
    return value;
  };

  const redacted = walk(diagnosis, '') as Diagnosis;
  return { ...redacted, confidential: { records, quotesRemoved } };
}

/** Replaces hidden ids and names in strings and keys. */
function scrubber(hidden: ReadonlyMap<string, HiddenRecord>) {
  const aliases = new Map<string, string>();
  const alias = (id: string) => {
    let a = aliases.get(id);
    if (a === undefined) {
      a = `confidential-${aliases.size + 1}`;
      aliases.set(id, a);
    }
    return a;
  };
  const names = new Set<string>();
  const collect = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      if (NAME_FIELDS.has(key) && value.trim().length >= MIN_TEXT) names.add(value.trim());
    } else if (Array.isArray(value)) {
      for (const v of value) collect(v, key);
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) collect(v, k);
    }
  };
  for (const { record } of hidden.values()) collect(record, '');
  const namePattern =
    names.size === 0
      ? null
      : new RegExp(
          [...names]
            .sort((a, b) => b.length - a.length)
            .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
            .join('|'),
          'gu',
        );
  return {
    key: (k: string) => (hidden.has(k) ? alias(k) : k),
    text(s: string): string {
      if (hidden.has(s)) return alias(s);
      if (names.has(s.trim())) return 'confidential';
      let out = namePattern ? s.replace(namePattern, 'a confidential record') : s;
      out = out.replace(ID_TOKEN, (token) => {
        // A trailing '.', ':' or '-' ends a sentence, not the id.
        const id = token.replace(/[.:~-]+$/, '');
        return hidden.has(id) ? `a confidential record${token.slice(id.length)}` : token;
      });
      return out;
    },
  };
}
