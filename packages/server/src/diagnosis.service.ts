import { asc, eq, sql } from 'drizzle-orm';
import {
  AnalysisError,
  compareDiagnoses,
  QUALITATIVE_COLLECTIONS,
  RECORD_COLLECTIONS,
  restore,
  type CollaborationDocument,
  type Diagnosis,
  type DiagnosisChange,
  type DocumentIssue,
} from '@weframe/core';
import { collaborations, records, type Database, type Store } from '@weframe/store';
import type { CollaborationAccess } from './collaboration-access.js';
import { ServiceError } from './errors.js';
import { auditedReads } from './diagnosis-audit.js';
import { LruCache } from './lru-cache.js';
import { redactDiagnosis, type RedactedDiagnosis, type Sees } from './redact.js';
import { diagnoseWithPrivacy } from './survey-privacy.js';

/** Options a diagnosis request may give. */
export interface DiagnosisRequest {
  /** The survey wave figures come from (default: the latest wave with responses). */
  readonly wave?: string | undefined;
  /** The date windows count back from, YYYY-MM-DD (default: the latest dated record). */
  readonly asOf?: string | undefined;
}

/** Diagnoses kept per store unless told otherwise (a large collaboration's is about 30 MB). */
export const DEFAULT_DIAGNOSIS_CACHE_SIZE = 20;

/** The parts of a diagnosis the dashboard draws, redacted for one principal. */
export type DiagnosisParts = Pick<
  RedactedDiagnosis,
  | 'collaboration'
  | 'asOf'
  | 'modelVersion'
  | 'engineVersion'
  | 'instrumentVersion'
  | 'wave'
  | 'elements'
  | 'teamForm'
  | 'actions'
  | 'confidential'
>;

/** Both networks of a diagnosis, redacted for one principal. */
export type NetworkParts = Pick<RedactedDiagnosis, 'networks' | 'confidential'>;

/** The change between two waves, redacted for one principal. */
export type RedactedChange = DiagnosisChange & Pick<RedactedDiagnosis, 'confidential'>;

/**
 * One cached diagnosis: computed on the full document, with what redacting it needs (the
 * records that may be confidential, not the whole document) and its redacted parts per
 * visibility, made on first use.
 */
interface Entry {
  readonly collaborationId: string;
  /** What the collaboration looked like when this was computed; see {@link stampQuery}. */
  readonly stamp: string;
  readonly diagnosis: Diagnosis;
  /** The document cut down to what any principal might not see; see {@link confidentialSlice}. */
  readonly slice: CollaborationDocument;
  /** Every distinct `confidentialTo` of the slice: which of them a principal sees decides what is hidden. */
  readonly marks: readonly string[];
  /** Redacted parts by visibility (see {@link visibilityKey}). */
  readonly views: Map<string, EntryView>;
}

interface EntryView {
  parts?: DiagnosisParts;
  networks?: NetworkParts;
  /** Memoised results of presenters over the parts (the summary JSON, CSV text). */
  readonly rendered: Map<string, string>;
}

/** Per stored collaboration: the as-of date of each wave, and who may see the wave. */
interface WaveDates {
  readonly stamp: string;
  readonly waves: ReadonlyMap<string, { asOf: string; confidentialTo: string | null }>;
}

/** A document read in one snapshot, with the stamp of that snapshot. */
interface Snapshot {
  readonly stamp: string;
  readonly doc: CollaborationDocument;
}

/** The cache shared by every diagnosis service over one store (so every route sees the same). */
interface StoreCache {
  readonly entries: LruCache<string, Entry>;
  readonly waveDates: LruCache<string, WaveDates>;
  /** Computations under way, so that concurrent requests for one diagnosis share the work. */
  readonly pending: Map<string, { stamp: string; promise: Promise<Entry> }>;
  /** How many diagnoses were computed (for tests and measurements). */
  computed: number;
}

const caches = new WeakMap<object, StoreCache>();

function cacheOf(store: object, size: number): StoreCache {
  let cache = caches.get(store);
  if (!cache) {
    cache = {
      entries: new LruCache(size),
      waveDates: new LruCache(Math.max(size, 1)),
      pending: new Map(),
      computed: 0,
    };
    caches.set(store, cache);
  }
  return cache;
}

/**
 * Records written without moving the collaboration's version on: survey waves and responses
 * (the survey service writes them without touching the header row). Their count, summed
 * versions and hashed ids join the stamp. Every other writer moves the version on in the same
 * transaction: record writes, header edits, the qualitative routes (qualitative.service.ts)
 * and document replacements (the CLI's qualitative import); the cache tests cover each path.
 * The qualitative collections are not scanned here: their codings run to thousands of rows
 * and would make every request of a large collaboration pay for reading them.
 */
const UNVERSIONED_COLLECTIONS: readonly string[] = ['waves', 'responses'];

/**
 * What the collaboration looks like, as one string that changes whenever anything its
 * diagnosis reads changes:
 * - its header row's version and `updated_at`: moved on by every write but the survey's;
 * - its `created_at`, so a collaboration stored anew under the same id never matches;
 * - the count, summed versions and hashed ids of {@link UNVERSIONED_COLLECTIONS}: a wave
 *   opened or closed, a response submitted or imported.
 * Null when there is no such collaboration.
 */
async function stampQuery(db: Database, collaborationId: string): Promise<string | null> {
  const [row] = await db
    .select({
      version: collaborations.version,
      updatedAt: collaborations.updatedAt,
      createdAt: collaborations.createdAt,
      // Columns spelt out with the alias: Drizzle leaves them unqualified inside `sql`.
      unversioned: sql<string>`(
        SELECT count(*) || ':' || coalesce(sum(r.version), 0) || ':' ||
          coalesce(sum(hashtext(r.collection || '/' || r.id)), 0)
        FROM ${records} r
        WHERE r.collaboration_id = ${collaborationId}
          AND r.collection IN (${sql.join(
            UNVERSIONED_COLLECTIONS.map((name) => sql`${name}`),
            sql`, `,
          )}))`,
    })
    .from(collaborations)
    .where(eq(collaborations.id, collaborationId));
  if (!row) return null;
  return [
    row.version,
    row.updatedAt.toISOString(),
    row.createdAt.toISOString(),
    String(row.unversioned),
  ].join('|');
}

const TOP_LEVEL = new Set(Object.keys(RECORD_COLLECTIONS));
const QUALITATIVE = new Set([...Object.keys(QUALITATIVE_COLLECTIONS), 'attributes']);

/**
 * The stored document and its stamp, read in one snapshot so that the stamp describes exactly
 * what was read. Each collection comes out of the database as one JSON text and the document
 * is checked by `restore` on text it parsed itself (the compiled validator): several times
 * faster than a row per record and the zod schema on a large collaboration.
 */
async function readSnapshot(store: StoreLike, collaborationId: string): Promise<Snapshot> {
  const read = await store.db.transaction(
    async (tx) => {
      const stamp = await stampQuery(tx, collaborationId);
      if (stamp === null) return null;
      const [head] = await tx
        .select()
        .from(collaborations)
        .where(eq(collaborations.id, collaborationId));
      if (!head) return null;
      const rows = await tx
        .select({
          collection: records.collection,
          items: sql<string>`json_agg(${records.data} ORDER BY ${records.position})::text`,
        })
        .from(records)
        .where(eq(records.collaborationId, collaborationId))
        .groupBy(records.collection)
        .orderBy(asc(records.collection));
      return { stamp, head, rows };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  if (!read) throw notFound(collaborationId);
  const { stamp, head, rows } = read;
  const top: string[] = [];
  const qualitative: string[] = [];
  for (const { collection, items } of rows) {
    const [outer = '', inner] = collection.split('.', 2);
    if (inner === undefined && TOP_LEVEL.has(outer)) top.push(`${JSON.stringify(outer)}:${items}`);
    else if (outer === 'qualitative' && inner !== undefined && QUALITATIVE.has(inner))
      qualitative.push(`${JSON.stringify(inner)}:${items}`);
    else throw new Error(`unknown stored collection "${collection}"`);
  }
  const header = { ...head.header, name: head.name, version: head.version };
  const text =
    `{"schemaVersion":${JSON.stringify(head.schemaVersion)},` +
    `"collaboration":${JSON.stringify(header)},` +
    top.map((part) => `${part},`).join('') +
    `"qualitative":{${qualitative.join(',')}}}`;
  const restored = restore(text);
  if (restored.ok) return { stamp, doc: restored.value };
  // Stored records always passed `restore` on their way in; should the fast path ever refuse
  // one, the repository's own reading reports it in the schema's words.
  const doc = await store.collaborations.exportDocument(collaborationId);
  if (!doc) throw notFound(collaborationId);
  return { stamp, doc };
}

/**
 * The records a principal might not see, and what redaction looks at beside them: every
 * record marked confidential to an agency, the coded segments of such sources and the memos
 * about any of these. For any principal, `hiddenRecords` of this slice equals that of the
 * whole document (records without a mark are visible to everyone), at a fraction of its size.
 */
export function confidentialSlice(doc: CollaborationDocument): CollaborationDocument {
  const marked = <T extends object>(items: readonly T[]) => items.filter(markOf);
  const out: Record<string, unknown> = { ...doc };
  for (const name of TOP_LEVEL)
    out[name] = marked(doc[name as keyof typeof RECORD_COLLECTIONS] as readonly object[]);
  const q = doc.qualitative;
  const sources = marked(q.sources);
  const sourceIds = new Set(sources.map((s) => s.id));
  const codings = q.codings.filter((c) => markOf(c) !== undefined || sourceIds.has(c.sourceId));
  const kept = new Set<string>([...sourceIds, ...codings.map((c) => c.id)]);
  for (const name of TOP_LEVEL)
    for (const r of out[name] as readonly { id: string }[]) kept.add(r.id);
  for (const list of [q.codes, q.coders, q.cases]) for (const r of marked(list)) kept.add(r.id);
  const memos = q.memos.filter(
    (m) =>
      markOf(m) !== undefined ||
      (typeof (m.target as { id?: unknown } | undefined)?.id === 'string' &&
        kept.has((m.target as { id: string }).id)),
  );
  out.qualitative = {
    ...q,
    sources,
    codes: marked(q.codes),
    coders: marked(q.coders),
    cases: marked(q.cases),
    codings,
    memos,
    attributes: [],
  };
  return out as CollaborationDocument;
}

/** The agency a record is marked confidential to, if any (outcome frameworks have no mark). */
function markOf(record: object): string | undefined {
  const mark = (record as { confidentialTo?: unknown }).confidentialTo;
  return typeof mark === 'string' ? mark : undefined;
}

function marksOf(slice: CollaborationDocument): string[] {
  const marks = new Set<string>();
  const visit = (items: readonly object[]) => {
    for (const r of items) {
      const mark = markOf(r);
      if (mark !== undefined) marks.add(mark);
    }
  };
  for (const name of TOP_LEVEL) visit(slice[name as keyof typeof RECORD_COLLECTIONS]);
  for (const name of Object.keys(
    QUALITATIVE_COLLECTIONS,
  ) as (keyof typeof QUALITATIVE_COLLECTIONS)[])
    visit(slice.qualitative[name]);
  return [...marks].sort();
}

/**
 * Principals who see the same agencies' marked records see the same redaction: the marks they
 * see, as one key.
 */
function visibilityKey(entry: Entry, sees: Sees): string {
  return entry.marks.filter((m) => sees(m)).join('\n');
}

function notFound(collaborationId: string) {
  return new ServiceError('not_found', `no collaboration with id "${collaborationId}"`);
}

/**
 * Runs the engine, turning a request it cannot answer (an unknown wave, a bad option) into a
 * 400 whose issue names the query parameter (`wave` unless told otherwise).
 */
function diagnoseOrRefuse(
  doc: CollaborationDocument,
  request: DiagnosisRequest,
  wavePath = 'wave',
): Diagnosis {
  try {
    return diagnoseWithPrivacy(doc, {
      ...(request.wave === undefined ? {} : { waveId: request.wave }),
      ...(request.asOf === undefined ? {} : { asOf: request.asOf }),
    });
  } catch (error) {
    if (error instanceof AnalysisError) {
      const path = error.code === 'unknown_wave' ? wavePath : '(query)';
      throw new ServiceError('bad_request', error.message, [
        { code: 'invalid_value', path, message: error.message },
      ]);
    }
    throw error;
  }
}

/** Redacts some parts of a diagnosis: the redaction walks whatever object it is given. */
function redactPart<T extends object>(
  part: T,
  slice: CollaborationDocument,
  sees: Sees,
): T & Pick<RedactedDiagnosis, 'confidential'> {
  return redactDiagnosis(part as unknown as Diagnosis, slice, sees) as unknown as T &
    Pick<RedactedDiagnosis, 'confidential'>;
}

/**
 * The as-of date of a wave for comparisons, as core's `compareWaves` takes it: the later of
 * its opening date and its latest response, so records made after the wave are not counted.
 */
export function waveAsOf(doc: CollaborationDocument, waveId: string): string | null {
  const wave = doc.waves.find((w) => w.id === waveId);
  if (!wave) return null;
  let asOf = wave.opensOn;
  for (const r of doc.responses) {
    if (r.waveId !== waveId) continue;
    const day = r.submittedAt.slice(0, 10);
    if (day > asOf) asOf = day;
  }
  return asOf;
}

/** What the service needs of the store. */
export type StoreLike = Pick<Store, 'collaborations' | 'db'>;

/** Options of {@link diagnosisService}. */
export interface DiagnosisServiceOptions {
  /**
   * Most diagnoses kept (least recently used forgotten first); fixed by the first service
   * made over a store. Default {@link DEFAULT_DIAGNOSIS_CACHE_SIZE}.
   */
  readonly cacheSize?: number;
}

/**
 * The diagnosis of a stored collaboration: the core engine on the full document (so that
 * confidential records still count), then redacted for the principal.
 *
 * Diagnoses are cached per collaboration, wave and as-of date, shared by every service over
 * the same store, and recomputed when the collaboration's stamp (see {@link stampQuery})
 * moves on: every request reads the stamp (one small query) before using a cached diagnosis.
 * Redaction happens per principal's visibility, never in the cache key of the computation.
 */
export function diagnosisService(store: StoreLike, options: DiagnosisServiceOptions = {}) {
  const cache = cacheOf(store, options.cacheSize ?? DEFAULT_DIAGNOSIS_CACHE_SIZE);

  const keyOf = (collaborationId: string, request: DiagnosisRequest) =>
    JSON.stringify([collaborationId, request.wave ?? null, request.asOf ?? null]);

  /** A snapshot read at most once per request, shared by every miss of that request. */
  const snapshotOnce = (collaborationId: string) => {
    let snapshot: Promise<Snapshot> | undefined;
    return () => (snapshot ??= readSnapshot(store, collaborationId));
  };

  function remember(key: string, entry: Entry) {
    // Diagnoses of an older state of the same collaboration will never be used again.
    for (const [k, other] of [...cache.entries.entries()])
      if (other.collaborationId === entry.collaborationId && other.stamp !== entry.stamp)
        cache.entries.delete(k);
    cache.entries.set(key, entry);
  }

  function build(
    collaborationId: string,
    snapshot: Snapshot,
    request: DiagnosisRequest,
    wavePath?: string,
  ): Entry {
    const diagnosis = diagnoseOrRefuse(snapshot.doc, request, wavePath);
    cache.computed++;
    const slice = confidentialSlice(snapshot.doc);
    return {
      collaborationId,
      stamp: snapshot.stamp,
      diagnosis,
      slice,
      marks: marksOf(slice),
      views: new Map(),
    };
  }

  /** The cached diagnosis for the stamp, or a new one computed once however many ask. */
  async function entryFor(
    collaborationId: string,
    request: DiagnosisRequest,
    stamp: string,
    snapshot: () => Promise<Snapshot>,
    wavePath?: string,
  ): Promise<Entry> {
    const key = keyOf(collaborationId, request);
    const cached = cache.entries.get(key);
    if (cached && cached.stamp === stamp) return cached;
    const running = cache.pending.get(key);
    if (running && running.stamp === stamp) return running.promise;
    const promise = (async () => {
      const entry = build(collaborationId, await snapshot(), request, wavePath);
      remember(key, entry);
      return entry;
    })();
    cache.pending.set(key, { stamp, promise });
    try {
      return await promise;
    } finally {
      if (cache.pending.get(key)?.promise === promise) cache.pending.delete(key);
    }
  }

  async function currentStamp(collaborationId: string): Promise<string> {
    const stamp = await stampQuery(store.db, collaborationId);
    if (stamp === null) throw notFound(collaborationId);
    return stamp;
  }

  async function entry(access: CollaborationAccess, request: DiagnosisRequest): Promise<Entry> {
    const id = access.collaboration.id;
    return entryFor(id, request, await currentStamp(id), snapshotOnce(id));
  }

  function viewOf(entry: Entry, sees: Sees): EntryView {
    const key = visibilityKey(entry, sees);
    let view = entry.views.get(key);
    if (!view) {
      view = { rendered: new Map() };
      entry.views.set(key, view);
    }
    return view;
  }

  function partsOf(entry: Entry, sees: Sees): DiagnosisParts {
    const view = viewOf(entry, sees);
    if (!view.parts) {
      const d = entry.diagnosis;
      // In the order of the whole diagnosis, so that aliases of hidden ids number alike.
      view.parts = redactPart(
        {
          collaboration: d.collaboration,
          asOf: d.asOf,
          modelVersion: d.modelVersion,
          engineVersion: d.engineVersion,
          instrumentVersion: d.instrumentVersion,
          wave: d.wave,
          elements: d.elements,
          teamForm: d.teamForm,
          actions: d.actions,
        },
        entry.slice,
        sees,
      );
    }
    return view.parts;
  }

  // Every read is audited for the case events and confidential records it cites.
  return auditedReads(store.db, {
    /**
     * Computes the diagnosis into the cache unless it is there and current, handing nothing
     * out (so nothing is read): for warming the cache in the background, e.g. when the server
     * starts or after a change, so that the next dashboard finds it ready.
     */
    async warm(collaborationId: string, request: DiagnosisRequest = {}): Promise<void> {
      await entryFor(
        collaborationId,
        request,
        await currentStamp(collaborationId),
        snapshotOnce(collaborationId),
      );
    },

    /** The whole diagnosis, redacted for the principal. */
    async diagnosisFor(
      access: CollaborationAccess,
      request: DiagnosisRequest,
    ): Promise<RedactedDiagnosis> {
      const found = await entry(access, request);
      return redactDiagnosis(found.diagnosis, found.slice, access.sees);
    },

    /**
     * Text made from the whole redacted diagnosis (the HTML report), made once per diagnosis
     * and visibility and kept with the cached diagnosis.
     */
    async renderedFor(
      access: CollaborationAccess,
      request: DiagnosisRequest,
      key: string,
      render: (diagnosis: RedactedDiagnosis) => string,
    ): Promise<string> {
      const found = await entry(access, request);
      return renderedOf(viewOf(found, access.sees)).memo(key, () =>
        render(redactDiagnosis(found.diagnosis, found.slice, access.sees)),
      );
    },

    /**
     * The dashboard's parts of the diagnosis (no networks, Frost levels, role map or goal
     * alignment), redacted for the principal and kept for principals who see the same.
     */
    async partsFor(access: CollaborationAccess, request: DiagnosisRequest) {
      const found = await entry(access, request);
      return { parts: partsOf(found, access.sees), ...renderedOf(viewOf(found, access.sees)) };
    },

    /** Both networks, redacted for the principal. */
    async networksFor(access: CollaborationAccess, request: DiagnosisRequest) {
      const found = await entry(access, request);
      const view = viewOf(found, access.sees);
      view.networks ??= redactPart(
        { networks: found.diagnosis.networks },
        found.slice,
        access.sees,
      );
      return { networks: view.networks, ...renderedOf(view) };
    },

    /**
     * What changed from wave `from` to wave `to`: each wave diagnosed with its own answers and
     * the records up to its own as-of date (core's `compareWaves`), then redacted. Unknown
     * waves, and waves the principal may not see, are refused with an issue on `from`/`to`.
     */
    async changeFor(
      access: CollaborationAccess,
      waves: { readonly from: string; readonly to: string },
    ): Promise<RedactedChange> {
      const id = access.collaboration.id;
      const stamp = await currentStamp(id);
      const snapshot = snapshotOnce(id);
      let dates = cache.waveDates.get(id);
      if (!dates || dates.stamp !== stamp) {
        const read = await snapshot();
        dates = {
          stamp: read.stamp,
          waves: new Map(
            read.doc.waves.map((w) => [
              w.id,
              { asOf: waveAsOf(read.doc, w.id) ?? w.opensOn, confidentialTo: markOf(w) ?? null },
            ]),
          ),
        };
        cache.waveDates.set(id, dates);
      }
      const issues: DocumentIssue[] = [];
      const dated = (path: 'from' | 'to') => {
        const waveId = waves[path];
        const found = dates.waves.get(waveId);
        if (found && access.sees(found.confidentialTo)) return found.asOf;
        issues.push({
          code: 'unknown_reference',
          path,
          message: `there is no wave "${waveId}" in this collaboration`,
        });
        return null;
      };
      const fromAsOf = dated('from');
      const toAsOf = dated('to');
      if (fromAsOf === null || toAsOf === null)
        throw new ServiceError(
          'bad_request',
          `the request has ${issues.length} problem${issues.length === 1 ? '' : 's'}`,
          issues,
        );
      const fromRequest = { wave: waves.from, asOf: fromAsOf };
      const toRequest = { wave: waves.to, asOf: toAsOf };
      let before = await entryFor(id, fromRequest, stamp, snapshot, 'from');
      let after = await entryFor(id, toRequest, stamp, snapshot, 'to');
      if (before.stamp !== after.stamp) {
        // A write landed between the two: compare both as of the one snapshot just read.
        const read = await snapshot();
        before = build(id, read, fromRequest, 'from');
        after = build(id, read, toRequest, 'to');
        remember(keyOf(id, fromRequest), before);
        remember(keyOf(id, toRequest), after);
      }
      const change = compareDiagnoses(before.diagnosis, after.diagnosis);
      return redactPart(change, after.slice, access.sees);
    },
  });
}

/** Memoised presenter output for one entry and visibility. */
function renderedOf(view: EntryView) {
  return {
    /** The text `make` gives for `key`, made once per diagnosis and visibility. */
    memo: (key: string, make: () => string): string => {
      let text = view.rendered.get(key);
      if (text === undefined) {
        text = make();
        view.rendered.set(key, text);
      }
      return text;
    },
  };
}

/** The diagnosis service: what {@link diagnosisService} returns. */
export type DiagnosisService = ReturnType<typeof diagnosisService>;

/** For tests and measurements: how many diagnoses the store's cache holds and has computed. */
export function diagnosisCacheStats(store: object): { held: number; computed: number } {
  const cache = caches.get(store);
  return { held: cache?.entries.size ?? 0, computed: cache?.computed ?? 0 };
}
