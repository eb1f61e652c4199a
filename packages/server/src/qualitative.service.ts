import {
  codebookTree,
  codePointLength,
  deleteCode,
  ELEMENT_IDS,
  importQdc,
  importQdpx,
  isElementId,
  mergeCodes,
  mergeQualitative,
  moveCode,
  newElementCodeId,
  restore,
  sourceFromDocx,
  sourceFromText,
  storedElementCode,
  withElementCode,
  type Code,
  type Coder,
  type CollaborationDocument,
  type Coding,
  type DocumentIssue,
  type ExchangeIssue,
  type MergeReport,
  type Memo,
  type QdaCase,
  type QualitativeData,
  type Source,
} from '@weframe/core';
import type { CollaborationRow, RecordAuditEntry, Store, StoreScope } from '@weframe/store';
import type { CollaborationAccess } from './collaboration-access.js';
import { ServiceError } from './errors.js';
import { hiddenRecords, redactDocument, type Sees } from './redact.js';
import type {
  attributeCreateBody,
  caseCreateBody,
  casePatchBody,
  codeCreateBody,
  codePatchBody,
  codingCreateBody,
  memoCreateBody,
  memoPatchBody,
  sourcePatchBody,
} from './qualitative.schema.js';
import type { z } from '@hono/zod-openapi';

/**
 * Qualitative evidence, record by record: sources, the codebook, codings, memos and cases of
 * one collaboration. Every change is one transaction: the collaboration is locked, the change
 * is made to the document as stored (by the core's pure functions), the whole document is
 * checked by `restore`, the changed records are written, the collaboration's version moves on
 * (so diagnoses are computed afresh) and one audit entry says who did what.
 */

/** Ports the qualitative service uses. */
export interface QualitativeServiceDeps {
  readonly store: Store;
  readonly now: () => Date;
  readonly newId: () => string;
}

type Body<T extends z.ZodType> = z.output<T>;
type Collection = 'sources' | 'codes' | 'coders' | 'codings' | 'memos' | 'cases';
const COLLECTIONS: readonly Collection[] = [
  'sources',
  'codes',
  'coders',
  'codings',
  'memos',
  'cases',
];

/** The audit action of a rejected suggestion; its entries are read back as negative evidence. */
export const REJECT_ACTION = 'qualitative.suggestion.reject';

/** A file handed in for import. */
export interface Upload {
  readonly bytes: Uint8Array;
  /** The file's name as the user's computer knew it (extension decides the format). */
  readonly filename: string | null;
  readonly fields: Readonly<Record<string, string | undefined>>;
}

/** What a change to the qualitative part produced, for {@link QualitativeService}'s writer. */
interface Outcome<R> {
  readonly qualitative: QualitativeData;
  /** The record the request is about: its problems are named by field, not by document path. */
  readonly focus?: { readonly collection: Collection; readonly id: string };
  readonly audit: {
    readonly action: string;
    readonly collection?: Collection | 'attributes';
    readonly id: string;
    readonly before?: unknown;
    readonly after?: (written: QualitativeData) => unknown;
  };
  readonly result: (written: QualitativeData) => R;
}

/** What the writer hands a change: the document as stored and the records hidden from the user. */
interface Draft {
  readonly doc: CollaborationDocument;
  readonly q: QualitativeData;
  readonly hidden: ReadonlySet<string>;
}

// ── Helpers shared with the analysis service ─────────────────────────────────

/**
 * The document as a principal may see it: records confidential to another agency left out
 * (redact.ts), then every link to something left out dropped, so analyses and exports never
 * meet a dangling reference: codings of hidden codes or coders, memos on hidden records,
 * speaker turns' and participants' hidden cases, a hidden parent code (its child becomes a root).
 */
export function visibleDocument(doc: CollaborationDocument, sees: Sees): CollaborationDocument {
  const { document, total } = redactDocument(doc, sees);
  if (total === 0) return document;
  const q = document.qualitative;
  const ids = (items: readonly { id: string }[]) => new Set(items.map((r) => r.id));
  const codes = ids(q.codes);
  const coders = ids(q.coders);
  const sources = ids(q.sources);
  const cases = ids(q.cases);
  const codings = q.codings.filter(
    (c) => codes.has(c.codeId) && coders.has(c.coderId) && sources.has(c.sourceId),
  );
  const targets: Record<Memo['target']['kind'], Set<string>> = {
    source: sources,
    code: codes,
    coding: ids(codings),
    case: cases,
    collaboration: new Set([document.collaboration.id]),
  };
  return {
    ...document,
    qualitative: {
      ...q,
      codes: q.codes.map((c) =>
        c.parentId !== null && !codes.has(c.parentId) ? { ...c, parentId: null } : c,
      ),
      codings,
      memos: q.memos.filter((m) => targets[m.target.kind].has(m.target.id)),
      sources: q.sources.map((s) => ({
        ...s,
        participantCaseIds: s.participantCaseIds.filter((id) => cases.has(id)),
        turns: s.turns.map((t) => {
          if (t.caseId === undefined || cases.has(t.caseId)) return t;
          const { caseId: _, ...rest } = t;
          return rest;
        }),
      })),
    },
  };
}

/** The stored document of the collaboration the access is about. */
export async function storedDocument(
  store: Pick<Store, 'collaborations'>,
  access: CollaborationAccess,
): Promise<CollaborationDocument> {
  const doc = await store.collaborations.exportDocument(access.collaboration.id);
  if (!doc)
    throw new ServiceError('not_found', `no collaboration with id "${access.collaboration.id}"`);
  return doc;
}

/** A source as listed: everything but its text. */
export function sourceSummary(source: Source, q: QualitativeData) {
  const codings = q.codings.filter((c) => c.sourceId === source.id);
  const caseNames = new Map(q.cases.map((c) => [c.id, c.name]));
  return {
    id: source.id,
    title: source.title,
    kind: source.kind,
    date: source.date ?? null,
    format: source.format,
    length: codePointLength(source.text),
    turns: source.turns.length,
    speakers: [...new Set(source.turns.map((t) => t.speaker))],
    participants: source.participantCaseIds.map((id) => ({ id, name: caseNames.get(id) ?? id })),
    codings: codings.length,
    coders: new Set(codings.map((c) => c.coderId)).size,
    author: source.author,
    version: source.version,
    confidentialTo: source.confidentialTo ?? null,
  };
}

/** The id of the coder record standing for a signed-in user. */
export function coderIdFor(userId: string): string {
  const id = `coder-${userId}`;
  if (id.length <= 120 && /^[A-Za-z0-9][A-Za-z0-9._:~-]*$/.test(id)) return id;
  // FNV-1a over the user id: stable, and only the user's own coder ever gets it.
  let h = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) h = Math.imul(h ^ userId.charCodeAt(i), 0x01000193);
  return `coder-${(h >>> 0).toString(16)}`;
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

const missing = (what: string, id: string) =>
  new ServiceError('not_found', `no ${what} "${id}" in this collaboration`);

const stale = (what: string, id: string, current: number, given: number) =>
  new ServiceError(
    'conflict',
    `${what} "${id}" was changed by someone else: it is at version ${current}, not ${given}; reload and apply your change again`,
  );

const invalid = (path: string, message: string, code: DocumentIssue['code'] = 'invalid_value') =>
  new ServiceError('bad_request', message, [{ code, path, message }]);

/** An import's problems, each under the `file` field (the place inside the file in the message). */
function refusedFile(issues: readonly ExchangeIssue[]): ServiceError {
  const codeOf = (code: ExchangeIssue['code']): DocumentIssue['code'] => {
    switch (code) {
      case 'too_large':
      case 'out_of_range':
        return 'out_of_range';
      case 'duplicate_id':
        return 'duplicate_id';
      case 'unknown_reference':
        return 'unknown_reference';
      case 'missing_entry':
      case 'missing_value':
      case 'invalid_value':
        return 'invalid_value';
      case 'not_zip':
      case 'damaged_zip':
      case 'unsupported_zip':
      case 'not_text':
      case 'unsafe_xml':
      case 'invalid_xml':
      case 'not_refi_qda':
      case 'not_docx':
        return 'invalid_format';
    }
  };
  const first = issues[0];
  const message =
    issues.length === 1 && first
      ? `The file cannot be imported: ${first.message}`
      : `The file cannot be imported (${issues.length} problems); nothing was added`;
  return new ServiceError(
    'bad_request',
    message,
    issues.map((i) => ({ code: codeOf(i.code), path: 'file', message: `${i.path}: ${i.message}` })),
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The code an id names, added to the codebook first when it is the placeholder of a model
 * element not coded yet (see `codebookTree`); null when there is no such code.
 */
function codeFor(
  q: QualitativeData,
  id: string,
  author: string,
): { qualitative: QualitativeData; code: Code } | null {
  const stored = q.codes.find((c) => c.id === id);
  if (stored) return { qualitative: q, code: stored };
  for (const elementId of ELEMENT_IDS) {
    if (storedElementCode(q.codes, elementId)) continue;
    if (newElementCodeId(q.codes, elementId) !== id) continue;
    const added = withElementCode(q, elementId, author);
    return { qualitative: added.qualitative, code: added.code };
  }
  return null;
}

/** The code a suggestion names: a model element id (its code, added if need be) or a code id. */
function suggestedCode(
  q: QualitativeData,
  code: string,
  author: string,
): { qualitative: QualitativeData; code: Code } | null {
  if (isElementId(code)) {
    const added = withElementCode(q, code, author);
    return { qualitative: added.qualitative, code: added.code };
  }
  return codeFor(q, code, author);
}

/** The signed-in user's coder record, added when they code for the first time. */
function withCoder(
  q: QualitativeData,
  access: CollaborationAccess,
): { qualitative: QualitativeData; coder: Coder } {
  const id = coderIdFor(access.userId);
  const found = q.coders.find((c) => c.id === id);
  if (found) return { qualitative: q, coder: found };
  const principal = access.principal;
  const name = (principal.kind === 'user' ? principal.displayName : '').trim() || 'Coder';
  const coder: Coder = { id, author: access.userId, version: 1, name: name.slice(0, 300) };
  return { qualitative: { ...q, coders: [...q.coders, coder] }, coder };
}

/** Code-point length of a source, for checking a passage lies inside it. */
function lengthOf(source: Source): number {
  return codePointLength(source.text);
}

/** Checks a passage [start, end) of a source: not empty, inside the text. */
function checkSpan(source: Source, start: number, end: number): void {
  if (end <= start) throw invalid('end', 'must come after start: select some text');
  const length = lengthOf(source);
  if (end > length)
    throw invalid(
      'end',
      `is beyond the end of the source, which has ${length} characters`,
      'out_of_range',
    );
}

const recordPath = (collaborationId: string, collection: string, id: string) =>
  `${collaborationId}/qualitative.${collection}/${id}`;

// ── The service ──────────────────────────────────────────────────────────────

export function qualitativeService({ store, now, newId }: QualitativeServiceDeps) {
  /**
   * Runs a change on the locked collaboration: `change` gets the stored document and returns
   * the new qualitative part; the whole document is checked, changed records written, the
   * version moved on and one audit entry written, all in one transaction.
   */
  const write = <R>(access: CollaborationAccess, change: (draft: Draft) => Outcome<R>) =>
    store.transaction(async (tx) => {
      const head = await lockedHead(tx, access);
      const input = await tx.records.document(head);
      const doc = input as unknown as CollaborationDocument;
      const hidden = new Set(hiddenRecords(doc, access.sees).keys());
      const outcome = change({ doc, q: doc.qualitative, hidden });
      let written = doc.qualitative;
      if (outcome.qualitative !== doc.qualitative) {
        const checked = restore(JSON.stringify({ ...input, qualitative: outcome.qualitative }));
        if (!checked.ok) throw documentProblems(checked.issues, outcome, hidden);
        written = await writeChanges(tx, head.id, doc.qualitative, checked.value.qualitative);
      }
      await tx.records.touch(head.id, now());
      const { audit } = outcome;
      await tx.records.appendAudit([
        {
          workspaceId: access.workspaceId,
          actor: access.userId,
          action: audit.action,
          targetKind: audit.collection === undefined ? 'collaboration' : 'record',
          targetId:
            audit.collection === undefined
              ? head.id
              : recordPath(head.id, audit.collection, audit.id),
          before: audit.before ?? null,
          after: audit.after?.(written) ?? null,
        },
      ]);
      return outcome.result(written);
    });

  const lockedHead = async (
    tx: StoreScope,
    access: CollaborationAccess,
  ): Promise<CollaborationRow> => {
    const head = await tx.records.lockCollaboration(access.collaboration.id);
    if (!head)
      throw new ServiceError('not_found', `no collaboration with id "${access.collaboration.id}"`);
    if (head.archivedAt !== null)
      throw new ServiceError(
        'conflict',
        'the collaboration is archived and read-only; restore it to make changes',
      );
    return head;
  };

  /**
   * Writes what changed between two qualitative parts, record by record: removed rows
   * deleted, new ones inserted, changed ones replaced with their version one higher.
   * Returns the part as written (versions as stored).
   */
  const writeChanges = async (
    tx: StoreScope,
    collaborationId: string,
    before: QualitativeData,
    after: QualitativeData,
  ): Promise<QualitativeData> => {
    const out: Record<string, unknown[]> = { attributes: after.attributes };
    for (const name of COLLECTIONS) {
      const collection = `qualitative.${name}`;
      const old = new Map(
        (before[name] as readonly { id: string; version: number }[]).map((r) => [r.id, r]),
      );
      const next = after[name] as readonly (Record<string, unknown> & {
        id: string;
        version: number;
        author: string;
      })[];
      const nextIds = new Set(next.map((r) => r.id));
      for (const [id, record] of old) {
        if (nextIds.has(id)) continue;
        if (!(await tx.records.remove(collaborationId, collection, id, record.version)))
          throw new ServiceError('conflict', `${collection}/${id} changed meanwhile; try again`);
      }
      const written: unknown[] = [];
      for (const record of next) {
        const previous = old.get(record.id);
        const confidentialTo =
          typeof record.confidentialTo === 'string' ? record.confidentialTo : null;
        if (!previous) {
          await tx.records.insert(collaborationId, {
            collection,
            id: record.id,
            author: record.author,
            confidentialTo,
            version: record.version,
            data: record,
          });
          written.push(record);
        } else if (canonical(previous) !== canonical(record)) {
          const data =
            record.version > previous.version
              ? record
              : { ...record, version: previous.version + 1 };
          const row = await tx.records.replace(
            collaborationId,
            collection,
            record.id,
            previous.version,
            {
              data,
              confidentialTo,
              version: data.version,
            },
          );
          if (!row)
            throw new ServiceError(
              'conflict',
              `${collection}/${record.id} changed meanwhile; try again`,
            );
          written.push(data);
        } else written.push(previous);
      }
      out[name] = written;
    }
    // Attribute definitions: keyed by name, no versions of their own.
    const oldAttributes = new Map(before.attributes.map((a) => [a.name, a]));
    const newNames = new Set(after.attributes.map((a) => a.name));
    for (const name of oldAttributes.keys())
      if (!newNames.has(name))
        await tx.records.remove(collaborationId, 'qualitative.attributes', name, 1);
    for (const definition of after.attributes) {
      const previous = oldAttributes.get(definition.name);
      if (!previous)
        await tx.records.insert(collaborationId, {
          collection: 'qualitative.attributes',
          id: definition.name,
          author: 'system',
          confidentialTo: null,
          version: 1,
          data: { ...definition },
        });
      else if (previous.type !== definition.type)
        await tx.records.replace(collaborationId, 'qualitative.attributes', definition.name, 1, {
          data: { ...definition },
          confidentialTo: null,
          version: 1,
        });
    }
    return out as unknown as QualitativeData;
  };

  /**
   * The problems `restore` found, as a 400: those inside the record the request is about are
   * named by its field (`name`, `end`…); those inside records the user may not see keep only
   * their kind of record.
   */
  const documentProblems = (
    issues: readonly DocumentIssue[],
    outcome: Outcome<unknown>,
    hidden: ReadonlySet<string>,
  ): ServiceError => {
    const focus = outcome.focus;
    const index = focus
      ? (outcome.qualitative[focus.collection] as readonly { id: string }[]).findIndex(
          (r) => r.id === focus.id,
        )
      : -1;
    const mapped = issues.map((issue): DocumentIssue => {
      const match = /^qualitative\.(\w+)\[(\d+)\](?:\.(.*))?$/.exec(issue.path);
      if (!match) return issue;
      const [, collection = '', at = '', rest] = match;
      if (focus && collection === focus.collection && Number(at) === index)
        return { ...issue, path: rest ?? '(record)' };
      const record = (
        outcome.qualitative as unknown as Record<string, { id?: string }[] | undefined>
      )[collection]?.[Number(at)];
      if (record?.id !== undefined && hidden.has(record.id))
        return {
          code: issue.code,
          path: `qualitative.${collection}`,
          message: `a record you may not see: ${issue.message}`,
        };
      return issue;
    });
    return new ServiceError(
      'invalid_document',
      `the change leaves ${plural(mapped.length, 'problem')} in the collaboration`,
      mapped,
    );
  };

  /** A record of the draft the user may see, or 404. */
  const visibleRecord = <T extends { id: string }>(
    draft: Draft,
    collection: Collection,
    id: string,
    what: string,
  ): T => {
    const record = (draft.q[collection] as unknown as readonly T[]).find((r) => r.id === id);
    if (!record || draft.hidden.has(id)) throw missing(what, id);
    return record;
  };

  const checkVersion = (what: string, record: { id: string; version: number }, given: number) => {
    if (record.version !== given) throw stale(what, record.id, record.version, given);
  };

  /** A code id from a request, made real when it is a model element's placeholder; 404 when unknown or hidden. */
  const codeIn = (
    draft: Draft,
    q: QualitativeData,
    id: string,
    access: CollaborationAccess,
    path: string,
  ) => {
    const found = codeFor(q, id, access.userId);
    if (!found || draft.hidden.has(found.code.id))
      throw new ServiceError('not_found', `no code "${id}" in this collaboration`, [
        { code: 'unknown_reference', path, message: `there is no code "${id}"` },
      ]);
    return found;
  };

  /** A coding of a passage by the signed-in user, or the identical one they already made. */
  const codePassage = (
    access: CollaborationAccess,
    draft: Draft,
    input: { sourceId: string; start: number; end: number; memo?: string | undefined },
    pick: (q: QualitativeData) => { qualitative: QualitativeData; code: Code } | null,
    action: string,
  ): Outcome<{ coding: Coding; created: boolean }> => {
    const source = visibleRecord<Source>(draft, 'sources', input.sourceId, 'source');
    checkSpan(source, input.start, input.end);
    const picked = pick(draft.q);
    if (!picked || draft.hidden.has(picked.code.id))
      throw invalid('codeId', 'there is no such code in this collaboration', 'unknown_reference');
    const withMe = withCoder(picked.qualitative, access);
    const code = picked.code;
    const same = withMe.qualitative.codings.find(
      (c) =>
        c.sourceId === source.id &&
        c.codeId === code.id &&
        c.coderId === withMe.coder.id &&
        c.start === input.start &&
        c.end === input.end,
    );
    if (same)
      return {
        qualitative: draft.q,
        audit: { action, collection: 'codings', id: same.id, after: () => ({ unchanged: true }) },
        result: () => ({ coding: same, created: false }),
      };
    const coding: Coding = {
      id: newId(),
      author: access.userId,
      version: 1,
      sourceId: source.id,
      codeId: code.id,
      coderId: withMe.coder.id,
      start: input.start,
      end: input.end,
      ...(input.memo !== undefined && input.memo.trim() !== '' ? { memo: input.memo } : {}),
    };
    return {
      qualitative: { ...withMe.qualitative, codings: [...withMe.qualitative.codings, coding] },
      focus: { collection: 'codings', id: coding.id },
      audit: {
        action,
        collection: 'codings',
        id: coding.id,
        after: (w) => w.codings.find((c) => c.id === coding.id),
      },
      result: (w) => ({
        coding: w.codings.find((c) => c.id === coding.id) ?? coding,
        created: true,
      }),
    };
  };

  return {
    // ── Reads ──

    /** The sources the user may see (no text), the coders, and how many sources are hidden. */
    async listSources(access: CollaborationAccess) {
      const doc = await storedDocument(store, access);
      const visible = visibleDocument(doc, access.sees);
      const q = visible.qualitative;
      return {
        sources: q.sources.map((s) => sourceSummary(s, q)),
        coders: q.coders.map((c) => ({
          id: c.id,
          name: c.name,
          codings: q.codings.filter((k) => k.coderId === c.id).length,
          you: c.id === coderIdFor(access.userId),
        })),
        hidden: doc.qualitative.sources.length - q.sources.length,
      };
    },

    /** One source with its text, turns, codings, and the memos on it and on its codings. */
    async getSource(access: CollaborationAccess, sourceId: string) {
      const doc = await storedDocument(store, access);
      const visible = visibleDocument(doc, access.sees);
      const q = visible.qualitative;
      const source = q.sources.find((s) => s.id === sourceId);
      if (!source) throw missing('source', sourceId);
      const codings = q.codings.filter((c) => c.sourceId === sourceId);
      const codingIds = new Set(codings.map((c) => c.id));
      const memos = q.memos.filter(
        (m) =>
          (m.target.kind === 'source' && m.target.id === sourceId) ||
          (m.target.kind === 'coding' && codingIds.has(m.target.id)),
      );
      const confidential = [source, ...codings].filter((r) => r.confidentialTo !== undefined);
      if (confidential.length > 0)
        await store.records.appendAudit(
          confidential.map((r): RecordAuditEntry => ({
            workspaceId: access.workspaceId,
            actor: access.userId,
            action: 'record.read',
            targetKind: 'record',
            targetId: recordPath(
              access.collaboration.id,
              r === source ? 'sources' : 'codings',
              r.id,
            ),
          })),
        );
      const coderIds = new Set(codings.map((c) => c.coderId));
      return {
        source: { ...sourceSummary(source, q), text: source.text, turns: source.turns },
        codings,
        memos,
        coders: q.coders
          .filter((c) => coderIds.has(c.id))
          .map((c) => ({ id: c.id, name: c.name, you: c.id === coderIdFor(access.userId) })),
      };
    },

    /** The codebook tree with counts, and the memos on codes. */
    async codebook(access: CollaborationAccess) {
      const visible = visibleDocument(await storedDocument(store, access), access.sees);
      const q = visible.qualitative;
      return {
        groups: codebookTree(q),
        memos: q.memos.filter((m) => m.target.kind === 'code'),
      };
    },

    /** Memos, all or those on one target. */
    async listMemos(
      access: CollaborationAccess,
      filter: { targetKind?: string | undefined; targetId?: string | undefined },
    ) {
      const visible = visibleDocument(await storedDocument(store, access), access.sees);
      return {
        memos: visible.qualitative.memos.filter(
          (m) =>
            (filter.targetKind === undefined || m.target.kind === filter.targetKind) &&
            (filter.targetId === undefined || m.target.id === filter.targetId),
        ),
      };
    },

    /** Cases with their attribute values, and the attribute definitions. */
    async listCases(access: CollaborationAccess) {
      const visible = visibleDocument(await storedDocument(store, access), access.sees);
      const q = visible.qualitative;
      return {
        cases: q.cases.map((c) => ({
          ...c,
          sources: q.sources.filter((s) => s.participantCaseIds.includes(c.id)).length,
        })),
        attributes: q.attributes,
      };
    },

    // ── Imports ──

    /** A source from a .txt, .md or .docx file, with a case for each new speaker. */
    async importSource(access: CollaborationAccess, upload: Upload) {
      const format = sourceFormat(upload);
      const kind = sourceKind(upload.fields.kind);
      const date = sourceDate(upload.fields.date);
      const fileTitle = upload.filename
        ? upload.filename.replace(/\.[^.]+$/, '')
        : 'Untitled source';
      const title = (upload.fields.title ?? '').trim() || fileTitle.trim() || 'Untitled source';
      if ([...title].length > 300)
        throw invalid('title', 'must be at most 300 characters', 'out_of_range');
      if (upload.bytes.byteLength === 0) throw invalid('file', 'The file is empty');
      let text: string | null = null;
      if (format !== 'docx') {
        try {
          text = new TextDecoder('utf-8', { fatal: true }).decode(upload.bytes);
        } catch {
          throw invalid(
            'file',
            'The file is not UTF-8 text: save it as plain text in UTF-8',
            'invalid_format',
          );
        }
      }
      return write(access, (draft) => {
        const options = {
          title,
          kind,
          ...(date === undefined ? {} : { date }),
          existingCases: draft.q.cases,
          author: access.userId,
        };
        let made: { source: Source; cases: QdaCase[] };
        if (format === 'docx') {
          const result = sourceFromDocx(upload.bytes, {
            ...options,
            label: upload.filename ?? title,
          });
          if (!result.ok) throw refusedFile(result.issues);
          made = result;
        } else {
          made = sourceFromText(text ?? '', {
            ...options,
            format: format === 'markdown' ? 'markdown' : 'text',
          });
        }
        const already = draft.q.sources.find((s) => s.id === made.source.id);
        if (already)
          throw new ServiceError(
            'conflict',
            draft.hidden.has(already.id)
              ? 'This text was imported already'
              : `This text was imported already, as “${already.title}”`,
          );
        if (made.source.text.trim() === '') throw invalid('file', 'The file holds no text');
        const known = new Set(draft.q.cases.map((c) => c.id));
        const newCases = made.cases
          .filter((c) => !known.has(c.id))
          .map((c) => ({ ...c, author: access.userId }));
        const merged = mergeQualitative(draft.doc, { sources: [made.source], cases: newCases });
        return {
          qualitative: merged.document.qualitative,
          focus: { collection: 'sources', id: made.source.id },
          audit: {
            action: 'qualitative.source.import',
            collection: 'sources',
            id: made.source.id,
            after: () => ({
              title: made.source.title,
              kind: made.source.kind,
              date: made.source.date ?? null,
              format: made.source.format,
              file: upload.filename,
              turns: made.source.turns.length,
              newCases: newCases.map((c) => c.name),
            }),
          },
          result: (w) => {
            const source = w.sources.find((s) => s.id === made.source.id) ?? made.source;
            return {
              source: sourceSummary(source, w),
              newCases: newCases.map((c) => ({ id: c.id, name: c.name })),
            };
          },
        };
      });
    },

    /**
     * A REFI-QDA project (.qdpx) or codebook (.qdc) merged into the collaboration, as `weframe
     * import` does: the file is read whole first (refused with every problem, nothing written),
     * merged by record id, checked, and the document written in one transaction.
     */
    async importProject(access: CollaborationAccess, upload: Upload) {
      const kind =
        upload.fields.kind === undefined || upload.fields.kind === ''
          ? undefined
          : sourceKind(upload.fields.kind);
      const isQdc = upload.filename
        ? /\.qdc$/i.test(upload.filename)
        : upload.bytes[0] === 0x3c || upload.bytes[0] === 0xef;
      if (upload.filename && !/\.(qdpx|qdc)$/i.test(upload.filename))
        throw invalid(
          'file',
          'Choose a REFI-QDA project (.qdpx) or codebook (.qdc); add .txt, .md and .docx files as sources',
          'invalid_format',
        );
      if (upload.bytes.byteLength === 0) throw invalid('file', 'The file is empty');
      const label = upload.filename ?? (isQdc ? 'codebook.qdc' : 'project.qdpx');
      return store.transaction(async (tx) => {
        const head = await lockedHead(tx, access);
        const doc = (await tx.records.document(head)) as unknown as CollaborationDocument;
        let incoming: Partial<QualitativeData>;
        let details: Record<string, unknown> = {};
        if (isQdc) {
          const result = importQdc(upload.bytes, { existing: doc.qualitative.codes, label });
          if (!result.ok) throw refusedFile(result.issues);
          incoming = {
            codes: result.codes.map((c) => ({
              ...c,
              author: c.author === 'system' ? access.userId : c.author,
            })),
          };
          details = { origin: null, warnings: result.warnings };
        } else {
          const result = importQdpx(upload.bytes, {
            collaborationId: doc.collaboration.id,
            existing: doc.qualitative,
            label,
            ...(kind ? { kind } : {}),
          });
          if (!result.ok) throw refusedFile(result.issues);
          incoming = result.qualitative;
          const { report } = result;
          details = {
            origin: report.origin,
            lineBreaks: report.lineBreaks,
            normalisedSources: report.normalisedSources,
            textFromRichText: report.textFromRichText,
            usedExtension: report.usedExtension,
            warnings: report.warnings,
          };
        }
        const hidden = new Set(hiddenRecords(doc, access.sees).keys());
        for (const name of COLLECTIONS)
          for (const record of (incoming[name] ?? []) as { id: string }[])
            if (hidden.has(record.id))
              throw new ServiceError(
                'conflict',
                'The file would change records confidential to another agency; ask a user of that agency to import it',
              );
        const merged = mergeQualitative(doc, incoming);
        const checked = restore(JSON.stringify(merged.document));
        if (!checked.ok)
          throw new ServiceError(
            'invalid_document',
            `Merged into this collaboration, the file would leave ${plural(checked.issues.length, 'problem')}; nothing was imported`,
            checked.issues,
          );
        const { version } = await tx.collaborations.replaceDocument(head.id, checked.value, {
          actor: access.userId,
          expectedVersion: head.version,
        });
        const summary = {
          file: upload.filename,
          added: merged.report.added,
          updated: merged.report.updated,
          unchanged: merged.report.unchanged,
          warnings: [
            ...((details.warnings as string[] | undefined) ?? []),
            ...merged.report.warnings,
          ],
        };
        await tx.records.appendAudit([
          {
            workspaceId: access.workspaceId,
            actor: access.userId,
            action: isQdc ? 'qualitative.codebook.import' : 'qualitative.project.import',
            targetKind: 'collaboration',
            targetId: head.id,
            after: summary,
          },
        ]);
        const out: ImportSummary = { ...details, ...summary, version };
        return out;
      });
    },

    // ── Sources ──

    async updateSource(
      access: CollaborationAccess,
      sourceId: string,
      body: Body<typeof sourcePatchBody>,
    ) {
      return write(access, (draft) => {
        const source = visibleRecord<Source>(draft, 'sources', sourceId, 'source');
        checkVersion('source', source, body.version);
        let next: Source = { ...source, version: source.version + 1 };
        if (body.title !== undefined) next = { ...next, title: body.title };
        if (body.kind !== undefined) next = { ...next, kind: body.kind };
        if (body.date === null) {
          const { date: _, ...rest } = next;
          next = rest;
        } else if (body.date !== undefined) next = { ...next, date: body.date };
        return {
          qualitative: {
            ...draft.q,
            sources: draft.q.sources.map((s) => (s.id === sourceId ? next : s)),
          },
          focus: { collection: 'sources', id: sourceId },
          audit: {
            action: 'qualitative.source.update',
            collection: 'sources',
            id: sourceId,
            before: { title: source.title, kind: source.kind, date: source.date ?? null },
            after: () => ({ title: next.title, kind: next.kind, date: next.date ?? null }),
          },
          result: (w) => sourceSummary(w.sources.find((s) => s.id === sourceId) ?? next, w),
        };
      });
    },

    async deleteSource(access: CollaborationAccess, sourceId: string, version: number) {
      return write(access, (draft) => {
        const source = visibleRecord<Source>(draft, 'sources', sourceId, 'source');
        checkVersion('source', source, version);
        const codings = draft.q.codings.filter((c) => c.sourceId === sourceId);
        if (codings.some((c) => draft.hidden.has(c.id)))
          throw new ServiceError(
            'conflict',
            'Coded passages you may not see lie in this source; it cannot be deleted by you',
          );
        const gone = new Set(codings.map((c) => c.id));
        const memos = draft.q.memos.filter(
          (m) =>
            !(
              (m.target.kind === 'source' && m.target.id === sourceId) ||
              (m.target.kind === 'coding' && gone.has(m.target.id))
            ),
        );
        return {
          qualitative: {
            ...draft.q,
            sources: draft.q.sources.filter((s) => s.id !== sourceId),
            codings: draft.q.codings.filter((c) => !gone.has(c.id)),
            memos,
          },
          audit: {
            action: 'qualitative.source.delete',
            collection: 'sources',
            id: sourceId,
            before: {
              title: source.title,
              codings: gone.size,
              memos: draft.q.memos.length - memos.length,
            },
          },
          result: () => undefined,
        };
      });
    },

    // ── Codes ──

    async createCode(access: CollaborationAccess, body: Body<typeof codeCreateBody>) {
      return write(access, (draft) => {
        let q = draft.q;
        let parentId: string | null = null;
        if (body.parentId !== undefined && body.parentId !== null) {
          const parent = codeIn(draft, q, body.parentId, access, 'parentId');
          q = parent.qualitative;
          parentId = parent.code.id;
        }
        const clash = q.codes.find(
          (c) =>
            c.parentId === parentId &&
            c.name.toLocaleLowerCase('en') === body.name.toLocaleLowerCase('en'),
        );
        if (clash)
          throw invalid('name', `a code named “${clash.name}” already sits here`, 'duplicate_id');
        const code: Code = {
          id: newId(),
          author: access.userId,
          version: 1,
          name: body.name,
          parentId,
          description: body.description ?? '',
          ...(body.color ? { color: body.color.toLowerCase() } : {}),
        };
        return {
          qualitative: { ...q, codes: [...q.codes, code] },
          focus: { collection: 'codes', id: code.id },
          audit: {
            action: 'qualitative.code.create',
            collection: 'codes',
            id: code.id,
            after: (w) => w.codes.find((c) => c.id === code.id),
          },
          result: (w) => w.codes.find((c) => c.id === code.id) ?? code,
        };
      });
    },

    async updateCode(
      access: CollaborationAccess,
      codeId: string,
      body: Body<typeof codePatchBody>,
    ) {
      return write(access, (draft) => {
        const code = visibleRecord<Code>(draft, 'codes', codeId, 'code');
        checkVersion('code', code, body.version);
        let next: Code = { ...code, version: code.version + 1 };
        if (body.name !== undefined) {
          const clash = draft.q.codes.find(
            (c) =>
              c.id !== codeId &&
              c.parentId === code.parentId &&
              c.name.toLocaleLowerCase('en') === body.name?.toLocaleLowerCase('en'),
          );
          if (clash)
            throw invalid('name', `a code named “${clash.name}” already sits here`, 'duplicate_id');
          next = { ...next, name: body.name };
        }
        if (body.description !== undefined) next = { ...next, description: body.description };
        if (body.color === null) {
          const { color: _, ...rest } = next;
          next = rest;
        } else if (body.color !== undefined) next = { ...next, color: body.color.toLowerCase() };
        return {
          qualitative: {
            ...draft.q,
            codes: draft.q.codes.map((c) => (c.id === codeId ? next : c)),
          },
          focus: { collection: 'codes', id: codeId },
          audit: {
            action: 'qualitative.code.update',
            collection: 'codes',
            id: codeId,
            before: code,
            after: (w) => w.codes.find((c) => c.id === codeId),
          },
          result: (w) => w.codes.find((c) => c.id === codeId) ?? next,
        };
      });
    },

    async deleteCode(access: CollaborationAccess, codeId: string, version: number) {
      return write(access, (draft) => {
        const code = visibleRecord<Code>(draft, 'codes', codeId, 'code');
        checkVersion('code', code, version);
        const hiddenCodings = draft.q.codings.filter(
          (c) => c.codeId === codeId && draft.hidden.has(c.id),
        ).length;
        if (hiddenCodings > 0)
          throw new ServiceError(
            'conflict',
            `${plural(hiddenCodings, 'coded passage')} you may not see use this code; it cannot be deleted by you`,
          );
        const result = deleteCode(draft.q, codeId);
        if (!result.ok)
          throw new ServiceError(
            'bad_request',
            result.issues[0]?.message ?? 'cannot delete',
            result.issues,
          );
        return {
          qualitative: result.qualitative,
          audit: {
            action: 'qualitative.code.delete',
            collection: 'codes',
            id: codeId,
            before: code,
            after: () => result.report,
          },
          result: () => result.report,
        };
      });
    },

    async mergeCode(access: CollaborationAccess, codeId: string, into: string) {
      return write(access, (draft) => {
        const from = visibleRecord<Code>(draft, 'codes', codeId, 'code');
        const target = codeIn(draft, draft.q, into, access, 'into');
        const result = mergeCodes(target.qualitative, from.id, target.code.id, {
          newId,
          author: access.userId,
        });
        if (!result.ok)
          throw new ServiceError(
            'bad_request',
            result.issues[0]?.message ?? 'the codes cannot be merged',
            result.issues,
          );
        return {
          qualitative: result.qualitative,
          audit: {
            action: 'qualitative.code.merge',
            collection: 'codes',
            id: from.id,
            before: from,
            after: () => result.report,
          },
          result: () => result.report,
        };
      });
    },

    async moveCode(access: CollaborationAccess, codeId: string, parentId: string | null) {
      return write(access, (draft) => {
        const subject = codeIn(draft, draft.q, codeId, access, 'codeId');
        let q = subject.qualitative;
        let parent: string | null = null;
        if (parentId !== null) {
          const found = codeIn(draft, q, parentId, access, 'parentId');
          q = found.qualitative;
          parent = found.code.id;
        }
        const result = moveCode(q, subject.code.id, parent);
        if (!result.ok)
          throw new ServiceError(
            'bad_request',
            result.issues[0]?.message ?? 'the code cannot move there',
            result.issues,
          );
        const id = subject.code.id;
        return {
          qualitative: result.qualitative,
          focus: { collection: 'codes', id },
          audit: {
            action: 'qualitative.code.move',
            collection: 'codes',
            id,
            before: { parentId: subject.code.parentId },
            after: () => ({ parentId: parent }),
          },
          result: (w) => w.codes.find((c) => c.id === id) ?? subject.code,
        };
      });
    },

    // ── Codings ──

    async createCoding(access: CollaborationAccess, body: Body<typeof codingCreateBody>) {
      return write(access, (draft) =>
        codePassage(
          access,
          draft,
          body,
          (q) => codeFor(q, body.codeId, access.userId),
          'qualitative.coding.create',
        ),
      );
    },

    async deleteCoding(access: CollaborationAccess, codingId: string, version: number) {
      return write(access, (draft) => {
        const coding = visibleRecord<Coding>(draft, 'codings', codingId, 'coding');
        checkVersion('coding', coding, version);
        return {
          qualitative: {
            ...draft.q,
            codings: draft.q.codings.filter((c) => c.id !== codingId),
            memos: draft.q.memos.filter(
              (m) => !(m.target.kind === 'coding' && m.target.id === codingId),
            ),
          },
          audit: {
            action: 'qualitative.coding.delete',
            collection: 'codings',
            id: codingId,
            before: coding,
          },
          result: () => undefined,
        };
      });
    },

    // ── Memos ──

    async createMemo(access: CollaborationAccess, body: Body<typeof memoCreateBody>) {
      return write(access, (draft) => {
        let q = draft.q;
        let target: Memo['target'];
        const { kind, id } = body.target;
        switch (kind) {
          case 'collaboration':
            target = { kind, id: draft.doc.collaboration.id };
            break;
          case 'code': {
            const found = codeIn(draft, q, id, access, 'target.id');
            q = found.qualitative;
            target = { kind, id: found.code.id };
            break;
          }
          case 'source':
          case 'coding':
          case 'case': {
            const collection =
              kind === 'case' ? 'cases' : kind === 'source' ? 'sources' : 'codings';
            const exists = (q[collection] as readonly { id: string }[]).some((r) => r.id === id);
            if (!exists || draft.hidden.has(id))
              throw new ServiceError('not_found', `no ${kind} "${id}" in this collaboration`, [
                {
                  code: 'unknown_reference',
                  path: 'target.id',
                  message: `there is no ${kind} "${id}"`,
                },
              ]);
            target = { kind, id };
            break;
          }
        }
        const memo: Memo = {
          id: newId(),
          author: access.userId,
          version: 1,
          target,
          text: body.text,
        };
        return {
          qualitative: { ...q, memos: [...q.memos, memo] },
          focus: { collection: 'memos', id: memo.id },
          audit: {
            action: 'qualitative.memo.create',
            collection: 'memos',
            id: memo.id,
            after: (w) => w.memos.find((m) => m.id === memo.id),
          },
          result: (w) => w.memos.find((m) => m.id === memo.id) ?? memo,
        };
      });
    },

    async updateMemo(
      access: CollaborationAccess,
      memoId: string,
      body: Body<typeof memoPatchBody>,
    ) {
      return write(access, (draft) => {
        const memo = visibleRecord<Memo>(draft, 'memos', memoId, 'memo');
        checkVersion('memo', memo, body.version);
        const next: Memo = { ...memo, text: body.text, version: memo.version + 1 };
        return {
          qualitative: {
            ...draft.q,
            memos: draft.q.memos.map((m) => (m.id === memoId ? next : m)),
          },
          focus: { collection: 'memos', id: memoId },
          audit: {
            action: 'qualitative.memo.update',
            collection: 'memos',
            id: memoId,
            before: memo,
            after: () => next,
          },
          result: (w) => w.memos.find((m) => m.id === memoId) ?? next,
        };
      });
    },

    async deleteMemo(access: CollaborationAccess, memoId: string, version: number) {
      return write(access, (draft) => {
        const memo = visibleRecord<Memo>(draft, 'memos', memoId, 'memo');
        checkVersion('memo', memo, version);
        return {
          qualitative: { ...draft.q, memos: draft.q.memos.filter((m) => m.id !== memoId) },
          audit: {
            action: 'qualitative.memo.delete',
            collection: 'memos',
            id: memoId,
            before: memo,
          },
          result: () => undefined,
        };
      });
    },

    // ── Cases and attributes ──

    async createCase(access: CollaborationAccess, body: Body<typeof caseCreateBody>) {
      return write(access, (draft) => {
        const clash = draft.q.cases.find(
          (c) => c.name.toLocaleLowerCase('en') === body.name.toLocaleLowerCase('en'),
        );
        if (clash)
          throw invalid('name', `there is a case named “${clash.name}” already`, 'duplicate_id');
        const record: QdaCase = {
          id: newId(),
          author: access.userId,
          version: 1,
          name: body.name,
          ...(body.memberId === undefined ? {} : { memberId: body.memberId }),
          ...(body.agencyId === undefined ? {} : { agencyId: body.agencyId }),
          attributes: body.attributes ?? {},
        };
        return {
          qualitative: { ...draft.q, cases: [...draft.q.cases, record] },
          focus: { collection: 'cases', id: record.id },
          audit: {
            action: 'qualitative.case.create',
            collection: 'cases',
            id: record.id,
            after: (w) => w.cases.find((c) => c.id === record.id),
          },
          result: (w) => w.cases.find((c) => c.id === record.id) ?? record,
        };
      });
    },

    async updateCase(
      access: CollaborationAccess,
      caseId: string,
      body: Body<typeof casePatchBody>,
    ) {
      return write(access, (draft) => {
        const current = visibleRecord<QdaCase>(draft, 'cases', caseId, 'case');
        checkVersion('case', current, body.version);
        if (body.name !== undefined) {
          const name = body.name;
          const clash = draft.q.cases.find(
            (c) =>
              c.id !== caseId && c.name.toLocaleLowerCase('en') === name.toLocaleLowerCase('en'),
          );
          if (clash)
            throw invalid('name', `there is a case named “${clash.name}” already`, 'duplicate_id');
        }
        const next: QdaCase = {
          ...current,
          version: current.version + 1,
          ...(body.name === undefined ? {} : { name: body.name }),
          ...(body.attributes === undefined ? {} : { attributes: body.attributes }),
        };
        return {
          qualitative: {
            ...draft.q,
            cases: draft.q.cases.map((c) => (c.id === caseId ? next : c)),
          },
          focus: { collection: 'cases', id: caseId },
          audit: {
            action: 'qualitative.case.update',
            collection: 'cases',
            id: caseId,
            before: current,
            after: () => next,
          },
          result: (w) => w.cases.find((c) => c.id === caseId) ?? next,
        };
      });
    },

    async deleteCase(access: CollaborationAccess, caseId: string, version: number) {
      return write(access, (draft) => {
        const current = visibleRecord<QdaCase>(draft, 'cases', caseId, 'case');
        checkVersion('case', current, version);
        const sources = draft.q.sources.map((s) => {
          const linked =
            s.participantCaseIds.includes(caseId) || s.turns.some((t) => t.caseId === caseId);
          if (!linked) return s;
          return {
            ...s,
            version: s.version + 1,
            participantCaseIds: s.participantCaseIds.filter((id) => id !== caseId),
            turns: s.turns.map((t) => {
              if (t.caseId !== caseId) return t;
              const { caseId: _, ...rest } = t;
              return rest;
            }),
          };
        });
        return {
          qualitative: {
            ...draft.q,
            sources,
            cases: draft.q.cases.filter((c) => c.id !== caseId),
            memos: draft.q.memos.filter(
              (m) => !(m.target.kind === 'case' && m.target.id === caseId),
            ),
          },
          audit: {
            action: 'qualitative.case.delete',
            collection: 'cases',
            id: caseId,
            before: current,
          },
          result: () => undefined,
        };
      });
    },

    async createAttribute(access: CollaborationAccess, body: Body<typeof attributeCreateBody>) {
      return write(access, (draft) => {
        if (draft.q.attributes.some((a) => a.name === body.name))
          throw invalid(
            'name',
            `there is an attribute named “${body.name}” already`,
            'duplicate_id',
          );
        const definition = { name: body.name, type: body.type };
        return {
          qualitative: { ...draft.q, attributes: [...draft.q.attributes, definition] },
          audit: {
            action: 'qualitative.attribute.create',
            collection: 'attributes',
            id: body.name,
            after: () => definition,
          },
          result: () => definition,
        };
      });
    },

    async deleteAttribute(access: CollaborationAccess, name: string) {
      return write(access, (draft) => {
        const definition = draft.q.attributes.find((a) => a.name === name);
        if (!definition) throw missing('attribute', name);
        if (draft.q.cases.some((c) => draft.hidden.has(c.id) && name in c.attributes))
          throw new ServiceError(
            'conflict',
            'Cases you may not see have a value of this attribute; it cannot be removed by you',
          );
        return {
          qualitative: {
            ...draft.q,
            attributes: draft.q.attributes.filter((a) => a.name !== name),
            cases: draft.q.cases.map((c) => {
              if (!(name in c.attributes)) return c;
              const attributes = { ...c.attributes };
              delete attributes[name];
              return { ...c, attributes, version: c.version + 1 };
            }),
          },
          audit: {
            action: 'qualitative.attribute.delete',
            collection: 'attributes',
            id: name,
            before: definition,
          },
          result: () => undefined,
        };
      });
    },

    // ── Suggestions ──

    /** Accepting a suggestion codes the unit with it, by the signed-in user. */
    async acceptSuggestion(
      access: CollaborationAccess,
      sourceId: string,
      body: { start: number; end: number; code: string },
    ) {
      return write(access, (draft) =>
        codePassage(
          access,
          draft,
          { sourceId, start: body.start, end: body.end },
          (q) => suggestedCode(q, body.code, access.userId),
          'qualitative.suggestion.accept',
        ),
      );
    },

    /**
     * Rejecting a suggestion changes no record: it is kept in the audit log (who rejected which
     * code for which passage), from where the suggester reads it back as negative evidence.
     */
    async rejectSuggestion(
      access: CollaborationAccess,
      sourceId: string,
      body: { start: number; end: number; code: string },
    ) {
      return write(access, (draft) => {
        const source = visibleRecord<Source>(draft, 'sources', sourceId, 'source');
        checkSpan(source, body.start, body.end);
        const known =
          isElementId(body.code) ||
          draft.q.codes.some((c) => c.id === body.code && !draft.hidden.has(c.id));
        if (!known) throw invalid('code', `there is no code "${body.code}"`, 'unknown_reference');
        return {
          qualitative: draft.q,
          audit: {
            action: REJECT_ACTION,
            collection: 'sources',
            id: sourceId,
            after: () => ({ start: body.start, end: body.end, code: body.code }),
          },
          result: () => ({ rejected: true as const }),
        };
      });
    },
  };
}

/** The qualitative service: what {@link qualitativeService} returns. */
export type QualitativeService = ReturnType<typeof qualitativeService>;

/** What a project import reports. */
export interface ImportSummary {
  readonly file: string | null;
  readonly added: MergeReport['added'];
  readonly updated: MergeReport['updated'];
  readonly unchanged: MergeReport['unchanged'];
  readonly warnings: readonly string[];
  readonly origin?: string | null;
  readonly version: number;
}

/** The format of an uploaded source, by its name (or, without one, its first bytes). */
function sourceFormat(upload: Upload): 'text' | 'markdown' | 'docx' {
  const name = upload.filename?.toLowerCase() ?? '';
  if (name.endsWith('.docx')) return 'docx';
  if (name.endsWith('.md') || name.endsWith('.markdown')) return 'markdown';
  if (name.endsWith('.txt')) return 'text';
  if (/\.(qdpx|qdc)$/.test(name))
    throw invalid(
      'file',
      'A REFI-QDA file is imported as a project, not as a source',
      'invalid_format',
    );
  if (name !== '' && /\.[a-z0-9]+$/.test(name))
    throw invalid('file', 'Choose a .txt, .md or .docx file', 'invalid_format');
  return upload.bytes[0] === 0x50 && upload.bytes[1] === 0x4b ? 'docx' : 'text';
}

const KINDS = ['interview', 'focusGroup', 'observation', 'document'] as const;

function sourceKind(value: string | undefined): Source['kind'] {
  if (value === undefined || value === '') return 'interview';
  if ((KINDS as readonly string[]).includes(value)) return value as Source['kind'];
  throw invalid('kind', `must be one of ${KINDS.join(', ')}`);
}

function sourceDate(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const date = value.trim();
  const ok =
    /^\d{4}-\d{2}-\d{2}$/.test(date) &&
    !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) &&
    new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
  if (!ok) throw invalid('date', 'must be a date written YYYY-MM-DD', 'invalid_format');
  return date;
}
