import type { RECORD_COLLECTIONS } from '@weframe/core';
import {
  collaborationSchema,
  formatPath,
  restore,
  type CollaborationDocument,
  type DocumentIssue,
} from '@weframe/core';
import type {
  CollaborationRow,
  CollectionRecord,
  DocumentInput,
  RecordAuditEntry,
  Store,
  StoreScope,
} from '@weframe/store';
import { mayWrite, ownsRecord, type CollaborationAccess } from './collaboration-access.js';
import { ServiceError } from './errors.js';
import { confidentialNote } from './redact.js';

/** Collections of the document edited record by record here (waves and responses belong to surveys). */
export const EDITABLE_COLLECTIONS = [
  'members',
  'agencies',
  'professions',
  'goals',
  'cases',
  'needs',
  'responsibilityAreas',
  'roleClaims',
  'rolePerceptions',
  'activities',
  'communications',
  'caseEvents',
  'decisions',
  'referrals',
  'coordinatingRecords',
  'withheldInformation',
  'policies',
  'policyInteractions',
  'adaptations',
  'agencyRelations',
  'meetings',
] as const satisfies readonly (keyof typeof RECORD_COLLECTIONS)[];
/** One of {@link EDITABLE_COLLECTIONS}. */
export type EditableCollection = (typeof EDITABLE_COLLECTIONS)[number];

/** A record as it goes out: its data, which carries id, author, confidentialTo and version. */
export type RecordData = Readonly<Record<string, unknown>>;

/** Ports the record service uses. */
export interface RecordServiceDeps {
  readonly store: Pick<Store, 'records' | 'transaction'>;
  readonly now: () => Date;
  readonly newId: () => string;
}

/** Reads whose every access is audited: case events, and any record marked confidential. */
const auditedRead = (collection: string, row: Pick<CollectionRecord, 'confidentialTo'>) =>
  collection === 'caseEvents' || row.confidentialTo !== null;

/**
 * Create, read, update and delete of single records, and edits of the collaboration header.
 * Every write is one transaction: the collaboration is locked, the whole document after the
 * change is checked by `restore` (types, references, dates), the record row, the
 * collaboration's version and an audit entry are written together.
 */
export function recordService({ store, now, newId }: RecordServiceDeps) {
  const target = (access: CollaborationAccess, collection: string, id: string) =>
    `${access.collaboration.id}/${collection}/${id}`;
  const entry = (
    access: CollaborationAccess,
    action: string,
    collection: string,
    id: string,
    before?: unknown,
    after?: unknown,
  ): RecordAuditEntry => ({
    workspaceId: access.workspaceId,
    actor: access.userId,
    action,
    targetKind: 'record',
    targetId: target(access, collection, id),
    before,
    after,
  });

  /** Records visible to the principal, under the 'own' reach only their own. */
  const readable = (access: CollaborationAccess, collection: string, row: CollectionRecord) =>
    access.sees(row.confidentialTo) &&
    (access.reach !== 'own' || ownsRecord(access, collection, row));

  /**
   * Runs a write on the locked collaboration with its current document; refuses archived
   * collaborations.
   */
  const write = <T>(
    access: CollaborationAccess,
    fn: (tx: StoreScope, head: CollaborationRow, doc: DocumentInput) => Promise<T>,
  ) =>
    store.transaction(async (tx) => {
      const head = await tx.records.lockCollaboration(access.collaboration.id);
      if (!head)
        throw new ServiceError(
          'not_found',
          `no collaboration with id "${access.collaboration.id}"`,
        );
      if (head.archivedAt !== null)
        throw new ServiceError(
          'conflict',
          'the collaboration is archived and read-only; restore it to make changes',
        );
      return fn(tx, head, await tx.records.document(head));
    });

  /**
   * Checks the whole document after a change; returns it restored (defaults filled in) or
   * throws `invalid_document` with every problem. Problems inside records the principal may
   * not see are reported without their place or content.
   */
  const validated = (
    access: CollaborationAccess,
    doc: Record<string, unknown>,
    own: { collection: string; index: number } | null,
  ): CollaborationDocument => {
    const result = restore(JSON.stringify(doc));
    if (result.ok) return result.value;
    const issues = result.issues.map((issue) => maskHidden(issue, doc, access, own));
    throw new ServiceError(
      'invalid_document',
      `the change leaves ${issues.length} problem${issues.length === 1 ? '' : 's'} in the collaboration`,
      issues,
    );
  };

  const stale = (collection: string, id: string, current: number, given: number) =>
    new ServiceError(
      'conflict',
      `${collection}/${id} was changed by someone else: it is at version ${current}, not ${given}; read it again and reapply your change`,
    );

  return {
    /** The records of a collection the principal may see, and how many were hidden. */
    async listRecords(access: CollaborationAccess, collection: EditableCollection) {
      const rows = await store.records.list(access.collaboration.id, collection);
      const visible = rows.filter((r) => readable(access, collection, r));
      const hidden = rows.filter((r) => !access.sees(r.confidentialTo)).length;
      const audits = visible
        .filter((r) => auditedRead(collection, r))
        .map((r) => entry(access, 'record.read', collection, r.id));
      if (audits.length > 0) await store.records.appendAudit(audits);
      return { records: visible.map((r) => r.data), hidden: { [collection]: hidden } };
    },

    /** One record; `not_found` when it is missing or hidden from the principal. */
    async getRecord(
      access: CollaborationAccess,
      collection: EditableCollection,
      id: string,
    ): Promise<RecordData> {
      const row = await store.records.get(access.collaboration.id, collection, id);
      if (!row || !readable(access, collection, row)) throw missingRecord(collection, id);
      if (auditedRead(collection, row))
        await store.records.appendAudit([entry(access, 'record.read', collection, id)]);
      return row.data;
    },

    /** Adds a record (its id made up when not given); the author is the acting user. */
    async createRecord(
      access: CollaborationAccess,
      collection: EditableCollection,
      body: Record<string, unknown>,
    ): Promise<RecordData> {
      return write(access, async (tx, head, doc) => {
        const list = doc[collection] as unknown[];
        const index = list.length;
        const id = body.id === undefined ? newId() : body.id;
        const candidate = { ...body, id, author: access.userId, version: 1 };
        if (
          !mayWrite(access, collection, 'create', null, { author: access.userId, data: candidate })
        )
          throw notOwn();
        list.push(candidate);
        const restored = validated(access, doc, { collection, index });
        const record = recordAt(restored, collection, index);
        await tx.records.insert(head.id, {
          collection,
          id: String(record.id),
          author: access.userId,
          confidentialTo: confidentialOf(record),
          version: 1,
          data: record,
        });
        await tx.records.touch(head.id, now());
        await tx.records.appendAudit([
          entry(access, 'record.create', collection, String(record.id), null, record),
        ]);
        return record;
      });
    },

    /** Replaces a record; the body's `version` must be the one stored (else `conflict`). */
    async replaceRecord(
      access: CollaborationAccess,
      collection: EditableCollection,
      id: string,
      body: Record<string, unknown>,
    ): Promise<RecordData> {
      return write(access, async (tx, head, doc) => {
        const list = doc[collection] as Record<string, unknown>[];
        const index = list.findIndex((r) => r.id === id);
        const current = await tx.records.get(head.id, collection, id);
        if (!current || index < 0 || !readable(access, collection, current))
          throw missingRecord(collection, id);
        const path = (key: string) => formatPath([collection, index, key]);
        if (typeof body.version !== 'number' || !Number.isInteger(body.version))
          throw new ServiceError(
            'invalid_document',
            'say which version of the record you changed',
            [
              {
                code: 'invalid_type',
                path: path('version'),
                message: 'is required: the version you read',
              },
            ],
          );
        if (body.id !== undefined && body.id !== id)
          throw new ServiceError('invalid_document', 'a record’s id cannot change', [
            {
              code: 'inconsistent',
              path: path('id'),
              message: `must be "${id}" as in the address`,
            },
          ]);
        if (body.version !== current.version)
          throw stale(collection, id, current.version, body.version);
        const candidate = { ...body, id, author: current.author, version: current.version + 1 };
        if (
          !mayWrite(access, collection, 'replace', current, {
            author: current.author,
            data: candidate,
          })
        )
          throw notOwn();
        list[index] = candidate;
        const restored = validated(access, doc, { collection, index });
        const record = recordAt(restored, collection, index);
        const row = await tx.records.replace(head.id, collection, id, current.version, {
          data: record,
          confidentialTo: confidentialOf(record),
          version: current.version + 1,
        });
        if (!row) throw stale(collection, id, current.version, body.version);
        await tx.records.touch(head.id, now());
        await tx.records.appendAudit([
          entry(access, 'record.update', collection, id, current.data, record),
        ]);
        return record;
      });
    },

    /**
     * Deletes a record at `version` (else `conflict`); refused with every dangling reference
     * it would leave behind.
     */
    async deleteRecord(
      access: CollaborationAccess,
      collection: EditableCollection,
      id: string,
      version: number,
    ): Promise<void> {
      await write(access, async (tx, head, doc) => {
        const current = await tx.records.get(head.id, collection, id);
        if (!current || !readable(access, collection, current)) throw missingRecord(collection, id);
        if (version !== current.version) throw stale(collection, id, current.version, version);
        if (!mayWrite(access, collection, 'delete', current, null)) throw notOwn();
        doc[collection] = (doc[collection] as Record<string, unknown>[]).filter((r) => r.id !== id);
        validated(access, doc, null);
        if (!(await tx.records.remove(head.id, collection, id, version)))
          throw stale(collection, id, current.version, version);
        await tx.records.touch(head.id, now());
        await tx.records.appendAudit([
          entry(access, 'record.delete', collection, id, current.data, null),
        ]);
      });
    },

    /**
     * Changes fields of the collaboration header; `version` must be the collaboration's
     * current version (any change to the collaboration moves it on).
     */
    async updateHeader(access: CollaborationAccess, body: Record<string, unknown>) {
      return write(access, async (tx, head, doc) => {
        const { version, ...changes } = body;
        if (typeof version !== 'number' || !Number.isInteger(version))
          throw new ServiceError(
            'invalid_document',
            'say which version of the collaboration you changed',
            [
              {
                code: 'invalid_type',
                path: 'collaboration.version',
                message: 'is required: the version you read',
              },
            ],
          );
        if (version !== head.version)
          throw new ServiceError(
            'conflict',
            `the collaboration was changed by someone else: it is at version ${head.version}, not ${version}; read it again and reapply your change`,
          );
        const before = doc.collaboration as Record<string, unknown>;
        doc.collaboration = { ...before, ...changes, version: head.version };
        const restored = validated(access, doc, null);
        const header = collaborationSchema.parse({
          ...restored.collaboration,
          version: head.version + 1,
        });
        const row = await tx.records.touch(head.id, now(), header);
        const after = { ...header, version: row.version };
        await tx.records.appendAudit([
          {
            workspaceId: access.workspaceId,
            actor: access.userId,
            action: 'collaboration.update',
            targetKind: 'collaboration',
            targetId: head.id,
            before,
            after,
          },
        ]);
        return after;
      });
    },
  };
}

/** The record service: what {@link recordService} returns. */
export type RecordService = ReturnType<typeof recordService>;

function missingRecord(collection: string, id: string) {
  return new ServiceError('not_found', `no record ${collection}/${id} in this collaboration`);
}

function notOwn() {
  return new ServiceError(
    'forbidden',
    'a member may change only their own profile and role claims, and the activities, communications and case events they recorded',
  );
}

function recordAt(doc: CollaborationDocument, collection: string, index: number): RecordData {
  const list = (doc as unknown as Record<string, readonly RecordData[]>)[collection];
  const record = list?.[index];
  if (!record) throw new Error(`restore lost ${collection}[${index}]`);
  return record;
}

function confidentialOf(record: RecordData): string | null {
  return typeof record.confidentialTo === 'string' ? record.confidentialTo : null;
}

const RECORD_PATH = /^([A-Za-z]+)\[(\d+)\]/;

/**
 * An issue inside a record the principal may not see keeps its code but loses its place
 * and content: "a confidential communication refers to member …" rather than its path.
 */
function maskHidden(
  issue: DocumentIssue,
  doc: Record<string, unknown>,
  access: CollaborationAccess,
  own: { collection: string; index: number } | null,
): DocumentIssue {
  const match = RECORD_PATH.exec(issue.path);
  if (!match) return issue;
  const [, collection = '', at = '0'] = match;
  const index = Number(at);
  if (own && own.collection === collection && own.index === index) return issue;
  const record = (doc[collection] as Record<string, unknown>[] | undefined)?.[index];
  const ct = typeof record?.confidentialTo === 'string' ? record.confidentialTo : null;
  if (access.sees(ct)) return issue;
  return {
    code: issue.code,
    path: collection,
    message: `${confidentialNote(collection, 1).replace(/^one/, 'a')} ${issue.message}`,
  };
}
