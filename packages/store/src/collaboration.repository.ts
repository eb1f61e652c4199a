import { and, asc, count, desc, DrizzleQueryError, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  collaborationDocumentSchema,
  DocumentError,
  formatPath,
  QUALITATIVE_COLLECTIONS,
  RECORD_COLLECTIONS,
  type Agency,
  type CollaborationDocument,
  type DocumentIssue,
  type QualitativeCollection,
  type RecordCollection,
} from '@weframe/core';
import type { Database } from './database.js';
import { auditLog, collaborations, records, workspaces, type CollaborationRow } from './schema.js';
import { sqlState, StoreError } from './store-error.js';

/** The name a collection is stored under: its document key, or `qualitative.<key>`. */
export type CollectionName =
  RecordCollection | `qualitative.${QualitativeCollection}` | 'qualitative.attributes';

/** A collaboration as listed: its header and who takes part, without the records. */
export interface CollaborationSummary {
  readonly id: string;
  readonly docId: string;
  readonly name: string;
  readonly teamForm: CollaborationDocument['collaboration']['teamForm'];
  readonly fictional: boolean;
  readonly memberCount: number;
  readonly agencyCount: number;
  readonly members: readonly {
    id: string;
    displayName: string;
    agencyName: string | null;
    professionName: string | null;
  }[];
  readonly agencies: readonly { id: string; name: string; sector: Agency['sector'] }[];
  readonly updatedAt: Date;
}

/** Who did something, for the audit log. */
export interface ActorOptions {
  readonly actor: string;
}

/** Most records, and most bytes of JSON, sent in one INSERT. */
const BATCH_ROWS = 1_000;
const BATCH_BYTES = 8_000_000;

const TOP_LEVEL = Object.keys(RECORD_COLLECTIONS) as RecordCollection[];
const QUALITATIVE = Object.keys(QUALITATIVE_COLLECTIONS) as QualitativeCollection[];

/** Stores collaboration documents as a header row plus one row per record. */
export function collaborationRepository(
  db: Database,
  newId: () => string = () => crypto.randomUUID(),
) {
  return {
    /**
     * Stores a document under a new id in one transaction (header, every record, one audit
     * entry): either all of it is written or nothing is.
     */
    async importDocument(
      workspaceId: string,
      doc: CollaborationDocument,
      { actor }: ActorOptions,
    ): Promise<{ id: string }> {
      const issues = unstorableTextIssues(doc);
      if (issues.length > 0) throw new DocumentError(issues);
      const id = newId();
      const rows = recordRows(doc);
      await db.transaction(async (tx) => {
        const [workspace] = await tx
          .select({ id: workspaces.id })
          .from(workspaces)
          .where(eq(workspaces.id, workspaceId));
        if (!workspace) throw new StoreError('not_found', `there is no workspace "${workspaceId}"`);
        await tx.insert(collaborations).values({
          id,
          workspaceId,
          docId: doc.collaboration.id,
          name: doc.collaboration.name,
          schemaVersion: doc.schemaVersion,
          header: doc.collaboration,
          version: doc.collaboration.version,
        });
        for (const batch of batches(rows)) {
          try {
            await tx.execute(insertRecords(id, batch));
          } catch (error) {
            throw recordWriteError(error);
          }
        }
        await tx.insert(auditLog).values({
          workspaceId,
          actor,
          action: 'collaboration.import',
          targetKind: 'collaboration',
          targetId: id,
          after: {
            docId: doc.collaboration.id,
            name: doc.collaboration.name,
            schemaVersion: doc.schemaVersion,
            records: rows.length,
          },
        });
      });
      return { id };
    },

    /**
     * Replaces a stored collaboration's document in one transaction: its records are deleted
     * and the document's inserted, the header rewritten with its version bumped, and one
     * audit entry written. With `expectedVersion`, a collaboration changed since it was read
     * is refused (`conflict`) rather than overwritten. Returns the new version.
     */
    async replaceDocument(
      id: string,
      doc: CollaborationDocument,
      { actor, expectedVersion }: ActorOptions & { readonly expectedVersion?: number },
    ): Promise<{ version: number }> {
      const issues = unstorableTextIssues(doc);
      if (issues.length > 0) throw new DocumentError(issues);
      const rows = recordRows(doc);
      return db.transaction(async (tx) => {
        const [head] = await tx
          .select({
            workspaceId: collaborations.workspaceId,
            version: collaborations.version,
            archivedAt: collaborations.archivedAt,
          })
          .from(collaborations)
          .where(eq(collaborations.id, id))
          .for('update');
        if (!head) throw new StoreError('not_found', `there is no collaboration "${id}"`);
        if (head.archivedAt !== null)
          throw new StoreError('conflict', `collaboration "${id}" is archived; restore it first`);
        if (expectedVersion !== undefined && head.version !== expectedVersion)
          throw new StoreError(
            'conflict',
            `collaboration "${id}" changed meanwhile (version ${head.version}, not ${expectedVersion})`,
          );
        const version = head.version + 1;
        const [before] = await tx
          .select({ n: count() })
          .from(records)
          .where(eq(records.collaborationId, id));
        await tx.delete(records).where(eq(records.collaborationId, id));
        await tx
          .update(collaborations)
          .set({
            docId: doc.collaboration.id,
            name: doc.collaboration.name,
            schemaVersion: doc.schemaVersion,
            header: { ...doc.collaboration, version },
            version,
            updatedAt: sql`now()`,
          })
          .where(eq(collaborations.id, id));
        for (const batch of batches(rows)) {
          try {
            await tx.execute(insertRecords(id, batch));
          } catch (error) {
            throw recordWriteError(error);
          }
        }
        await tx.insert(auditLog).values({
          workspaceId: head.workspaceId,
          actor,
          action: 'collaboration.replace',
          targetKind: 'collaboration',
          targetId: id,
          before: { version: head.version, records: before?.n ?? 0 },
          after: {
            version,
            docId: doc.collaboration.id,
            name: doc.collaboration.name,
            records: rows.length,
          },
        });
        return { version };
      });
    },

    /** The stored document, reassembled in record order and canonical key order, or null. */
    async exportDocument(id: string): Promise<CollaborationDocument | null> {
      // One snapshot, so a concurrent edit cannot yield a document that never existed.
      const found = await db.transaction(
        async (tx) => {
          const [head] = await tx.select().from(collaborations).where(eq(collaborations.id, id));
          if (!head) return null;
          const rows = await tx
            .select({ collection: records.collection, data: records.data })
            .from(records)
            .where(eq(records.collaborationId, id))
            .orderBy(asc(records.collection), asc(records.position));
          return { head, rows };
        },
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      );
      if (!found) return null;
      const { head, rows } = found;
      const qualitative: Record<string, unknown[]> = { attributes: [] };
      for (const name of QUALITATIVE) qualitative[name] = [];
      const doc: Record<string, unknown> = {
        schemaVersion: head.schemaVersion,
        collaboration: { ...head.header, name: head.name, version: head.version },
        qualitative,
      };
      for (const name of TOP_LEVEL) doc[name] = [];
      for (const row of rows) {
        const [outer, inner] = row.collection.split('.', 2);
        const target = inner === undefined ? doc[outer ?? ''] : qualitative[inner];
        if (!Array.isArray(target))
          throw new Error(`unknown stored collection "${row.collection}"`);
        target.push(row.data);
      }
      return collaborationDocumentSchema.parse(doc);
    },

    /** The header row of a collaboration, or null. */
    async get(id: string): Promise<CollaborationRow | null> {
      const [row] = await db.select().from(collaborations).where(eq(collaborations.id, id));
      return row ?? null;
    },

    /** How many collaborations the workspace holds (archived ones only when asked). */
    async count(workspaceId: string, options: { includeArchived?: boolean } = {}): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(collaborations)
        .where(inWorkspace(workspaceId, options.includeArchived));
      return row?.n ?? 0;
    },

    /**
     * Summaries of the workspace's collaborations, most recently updated first; members and
     * agencies are read from their records in SQL, not by loading whole documents.
     */
    async list(
      workspaceId: string,
      options: { includeArchived?: boolean } = {},
    ): Promise<CollaborationSummary[]> {
      const scope = inWorkspace(workspaceId, options.includeArchived);
      const heads = await db
        .select({
          id: collaborations.id,
          docId: collaborations.docId,
          name: collaborations.name,
          teamForm: sql<CollaborationSummary['teamForm']>`${collaborations.header}->>'teamForm'`,
          fictional: sql<boolean>`coalesce((${collaborations.header}->>'fictional')::boolean, false)`,
          updatedAt: collaborations.updatedAt,
        })
        .from(collaborations)
        .where(scope)
        .orderBy(desc(collaborations.updatedAt), asc(collaborations.name), asc(collaborations.id));

      const agency = alias(records, 'agency');
      const profession = alias(records, 'profession');
      // Keys are constants of this file, written into the SQL as literals.
      const field = (table: typeof records, key: string) =>
        sql<string>`${table.data}->>${sql.raw(`'${key}'`)}`;
      const joinedRecord = (
        table: typeof agency | typeof profession,
        collection: CollectionName,
        key: string,
      ) =>
        and(
          eq(table.collaborationId, records.collaborationId),
          eq(table.collection, collection),
          eq(table.id, field(records, key)),
        );
      const members = await db
        .select({
          collaborationId: records.collaborationId,
          id: records.id,
          displayName: field(records, 'displayName'),
          agencyName: sql<string | null>`${agency.data}->>'name'`,
          professionName: sql<string | null>`${profession.data}->>'name'`,
        })
        .from(records)
        .innerJoin(collaborations, eq(collaborations.id, records.collaborationId))
        .leftJoin(agency, joinedRecord(agency, 'agencies', 'agencyId'))
        .leftJoin(profession, joinedRecord(profession, 'professions', 'professionId'))
        .where(and(scope, eq(records.collection, 'members')))
        .orderBy(asc(records.collaborationId), asc(records.position));
      const agencies = await db
        .select({
          collaborationId: records.collaborationId,
          id: records.id,
          name: field(records, 'name'),
          sector: sql<Agency['sector']>`${records.data}->>'sector'`,
        })
        .from(records)
        .innerJoin(collaborations, eq(collaborations.id, records.collaborationId))
        .where(and(scope, eq(records.collection, 'agencies')))
        .orderBy(asc(records.collaborationId), asc(records.position));

      const membersOf = groupBy(members, ({ collaborationId: _, ...m }) => m);
      const agenciesOf = groupBy(agencies, ({ collaborationId: _, ...a }) => a);
      return heads.map((head) => {
        const m = membersOf.get(head.id) ?? [];
        const a = agenciesOf.get(head.id) ?? [];
        return { ...head, memberCount: m.length, agencyCount: a.length, members: m, agencies: a };
      });
    },
  };
}

/** The collaboration repository: what {@link collaborationRepository} returns. */
export type CollaborationRepository = ReturnType<typeof collaborationRepository>;

function inWorkspace(workspaceId: string, includeArchived = false): SQL | undefined {
  const inIt = eq(collaborations.workspaceId, workspaceId);
  return includeArchived ? inIt : and(inIt, isNull(collaborations.archivedAt));
}

function groupBy<R extends { collaborationId: string }, T>(
  rows: readonly R[],
  pick: (row: R) => T,
): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.collaborationId);
    if (list) list.push(pick(row));
    else out.set(row.collaborationId, [pick(row)]);
  }
  return out;
}

type StoredRecord = Readonly<Record<string, unknown>>;

/** Every collection of the document with its stored name, in document order. */
function collectionsOf(doc: CollaborationDocument): [CollectionName, readonly StoredRecord[]][] {
  return [
    ...TOP_LEVEL.map((name): [CollectionName, readonly StoredRecord[]] => [name, doc[name]]),
    ...QUALITATIVE.map((name): [CollectionName, readonly StoredRecord[]] => [
      `qualitative.${name}`,
      doc.qualitative[name],
    ]),
    // Attribute definitions carry no id; their name is their key (cases refer to them by it).
    ['qualitative.attributes', doc.qualitative.attributes],
  ];
}

/** A row of `records` as the INSERT below reads it from JSON: keyed by column name. */
interface RecordLine {
  readonly collection: CollectionName;
  readonly id: string;
  readonly position: number;
  readonly author: string;
  readonly confidential_to: string | null;
  readonly version: number;
  readonly data: StoredRecord;
}

function recordRows(doc: CollaborationDocument): RecordLine[] {
  const rows: RecordLine[] = [];
  for (const [collection, items] of collectionsOf(doc)) {
    items.forEach((data, position) => {
      // Outcome frameworks and attribute definitions carry no record metadata.
      rows.push({
        collection,
        id: String(collection === 'qualitative.attributes' ? data.name : data.id),
        position,
        author: typeof data.author === 'string' ? data.author : 'system',
        confidential_to: typeof data.confidentialTo === 'string' ? data.confidentialTo : null,
        version: typeof data.version === 'number' ? data.version : 1,
        data,
      });
    });
  }
  return rows;
}

/** Splits rows into batches of at most BATCH_ROWS rows and about BATCH_BYTES of JSON. */
function* batches(rows: readonly RecordLine[]): Generator<string> {
  let parts: string[] = [];
  let bytes = 0;
  for (const row of rows) {
    const json = JSON.stringify(row);
    if (parts.length > 0 && (parts.length === BATCH_ROWS || bytes + json.length > BATCH_BYTES)) {
      yield `[${parts.join(',')}]`;
      parts = [];
      bytes = 0;
    }
    parts.push(json);
    bytes += json.length;
  }
  if (parts.length > 0) yield `[${parts.join(',')}]`;
}

/**
 * One multi-row INSERT from a JSON array of rows. Drizzle's `insert().values()` spends
 * about 0.4 ms a row building SQL with 8 parameters each; one jsonb parameter expanded by
 * `jsonb_to_recordset` (PostgreSQL 9.4+) is 3-5 times faster on both engines.
 */
function insertRecords(collaborationId: string, json: string): SQL {
  return sql`
    INSERT INTO ${records}
      (collaboration_id, collection, id, position, author, confidential_to, version, data)
    SELECT ${collaborationId}, r.collection, r.id, r.position, r.author, r.confidential_to,
      r.version, r.data
    FROM jsonb_to_recordset(${json}::jsonb) AS r(
      collection text, id text, position integer, author text, confidential_to text,
      version integer, data jsonb)`;
}

/**
 * The reason a batch of records was refused, without the batch: Drizzle's and PGlite's
 * errors repeat the query's parameters, here thousands of records, into logs.
 */
function recordWriteError(error: unknown): Error {
  const driver = error instanceof DrizzleQueryError ? error.cause : error;
  const reason = driver instanceof Error ? driver.message : 'unknown database error';
  const detail = (driver as { detail?: unknown } | undefined)?.detail;
  if (sqlState(error) === '23505') {
    const which = typeof detail === 'string' ? ` (${detail})` : '';
    return new StoreError('conflict', `two records of one collection share an id${which}`);
  }
  return new Error(`the records could not be stored: ${reason}`);
}

// PostgreSQL text and jsonb cannot hold NUL, and jsonb refuses unpaired UTF-16 surrogates.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const storable = (text: string) => !text.includes('\u0000') && !LONE_SURROGATE.test(text);

/** Every place in the document holding text the database cannot store faithfully. */
function unstorableTextIssues(doc: CollaborationDocument): DocumentIssue[] {
  const issues: DocumentIssue[] = [];
  // One shared path stack: a large document has millions of values to visit.
  const path: (string | number)[] = [];
  const report = () =>
    issues.push({
      code: 'invalid_value',
      path: formatPath(path),
      message: 'contains a NUL character or an unpaired surrogate, which cannot be stored',
    });
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (!storable(value)) report();
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i]);
        path.pop();
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        path.push(key);
        if (storable(key)) visit(item);
        else report();
        path.pop();
      }
    }
  };
  visit(doc);
  return issues;
}

/**
 * Writes a collaboration's header and every record under the given id, in the caller's
 * transaction and without an audit entry: restoring a workspace export, whose import is
 * audited once as a whole (workspace-archive.ts). Returns how many records were written.
 */
export async function insertCollaborationRows(
  db: Database,
  input: {
    readonly id: string;
    readonly workspaceId: string;
    readonly doc: CollaborationDocument;
    readonly createdAt: Date;
    readonly updatedAt: Date;
    readonly archivedAt: Date | null;
  },
): Promise<number> {
  const { doc } = input;
  const issues = unstorableTextIssues(doc);
  if (issues.length > 0) throw new DocumentError(issues);
  const rows = recordRows(doc);
  await db.insert(collaborations).values({
    id: input.id,
    workspaceId: input.workspaceId,
    docId: doc.collaboration.id,
    name: doc.collaboration.name,
    schemaVersion: doc.schemaVersion,
    header: doc.collaboration,
    version: doc.collaboration.version,
    createdAt: input.createdAt,
    updatedAt: input.updatedAt,
    archivedAt: input.archivedAt,
  });
  for (const batch of batches(rows)) {
    try {
      await db.execute(insertRecords(input.id, batch));
    } catch (error) {
      throw recordWriteError(error);
    }
  }
  return rows.length;
}
