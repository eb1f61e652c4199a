import { asc, count, eq, getTableColumns, inArray, or } from 'drizzle-orm';
import type { CollaborationDocument } from '@weframe/core';
import { collaborationRepository, insertCollaborationRows } from './collaboration.repository.js';
import type { Database } from './database.js';
import {
  auditLog,
  collaborations,
  memberLinks,
  memberships,
  surveyLinks,
  users,
  workspaces,
} from './schema.js';
import { StoreError } from './store-error.js';

/*
 * Workspace export and import: the backup, the way to move a workspace to another server,
 * and the way across PGlite or PostgreSQL major versions. One JSON file holds every
 * collaboration (as its document, so waves, responses and sources come along), the survey
 * links (token hashes only), the members and their roles, and the audit log.
 */

/** The `format` field of a workspace export. */
export const WORKSPACE_EXPORT_FORMAT = 'weframe.workspace';
/** The version of the workspace export format this code writes and reads. */
export const WORKSPACE_EXPORT_VERSION = 1;

/** A JSON value, as the jsonb columns hold. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One exported user: no password hash ever leaves the server. */
export interface ExportedUser {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly createdAt: string;
  readonly disabledAt: string | null;
}

/** One exported membership of the workspace. */
export interface ExportedMembership {
  readonly userId: string;
  readonly role: string;
  readonly agencyId: string | null;
  readonly createdAt: string;
}

/** One exported collaboration: its document and bookkeeping. */
export interface ExportedCollaboration {
  readonly id: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly archivedAt: string | null;
  readonly document: CollaborationDocument;
}

/** One exported link between a user and the collaboration member they are. */
export interface ExportedMemberLink {
  readonly userId: string;
  readonly collaborationId: string;
  readonly memberId: string;
}

/** One exported audit entry; its position in the list is its order. */
export interface ExportedAuditEntry {
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly targetKind: string;
  readonly targetId: string;
  readonly before: JsonValue;
  readonly after: JsonValue;
}

/** A survey link row keyed by column property name; timestamps as ISO strings. */
export type ExportedSurveyLink = Readonly<Record<string, JsonValue>>;

/** The whole file. */
export interface WorkspaceExport {
  readonly format: typeof WORKSPACE_EXPORT_FORMAT;
  readonly formatVersion: typeof WORKSPACE_EXPORT_VERSION;
  readonly exportedAt: string;
  readonly workspace: {
    readonly slug: string;
    readonly name: string;
    readonly createdAt: string;
    readonly archivedAt: string | null;
  };
  readonly users: readonly ExportedUser[];
  readonly memberships: readonly ExportedMembership[];
  readonly collaborations: readonly ExportedCollaboration[];
  readonly memberLinks: readonly ExportedMemberLink[];
  readonly surveyLinks: readonly ExportedSurveyLink[];
  readonly audit: readonly ExportedAuditEntry[];
}

/** What an import wrote. */
export interface WorkspaceImportSummary {
  readonly collaborations: number;
  readonly records: number;
  readonly surveyLinks: number;
  readonly auditEntries: number;
  readonly membershipsAdded: number;
  /** Emails of users the import created; they have no password until given a reset link. */
  readonly usersCreated: readonly string[];
}

/** The type of a survey-link column, so callers can validate a file without the schema. */
export type ColumnKind = 'text' | 'boolean' | 'integer' | 'timestamp' | 'json';

/** A column of an exported table, described as plain data. */
export interface ColumnDescription {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly nullable: boolean;
}

const KIND_BY_COLUMN_TYPE: Record<string, ColumnKind> = {
  PgText: 'text',
  PgBoolean: 'boolean',
  PgInteger: 'integer',
  PgBigInt53: 'integer',
  PgTimestamp: 'timestamp',
  PgJsonb: 'json',
};

/** The columns of `survey_links` as a workspace export carries them. */
export function surveyLinkColumns(): ColumnDescription[] {
  return Object.entries(getTableColumns(surveyLinks)).map(([name, column]) => {
    const kind = KIND_BY_COLUMN_TYPE[column.columnType];
    if (!kind) throw new Error(`survey_links.${name}: no export rule for ${column.columnType}`);
    return { name, kind, nullable: !column.notNull };
  });
}

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);
const dateOrNull = (text: string | null) => (text === null ? null : new Date(text));

/** Reads and writes whole workspaces. */
export function workspaceArchive(db: Database) {
  return {
    /**
     * The workspace as one export, read in one snapshot so a concurrent change cannot give
     * a file that never existed; null when there is no such workspace.
     */
    async exportWorkspace(workspaceId: string, now: Date): Promise<WorkspaceExport | null> {
      return db.transaction(
        async (tx) => {
          const [workspace] = await tx
            .select()
            .from(workspaces)
            .where(eq(workspaces.id, workspaceId));
          if (!workspace) return null;
          const members = await tx
            .select({ membership: memberships, user: users })
            .from(memberships)
            .innerJoin(users, eq(users.id, memberships.userId))
            .where(eq(memberships.workspaceId, workspaceId))
            .orderBy(asc(memberships.createdAt), asc(memberships.userId));
          const heads = await tx
            .select({
              id: collaborations.id,
              createdAt: collaborations.createdAt,
              updatedAt: collaborations.updatedAt,
              archivedAt: collaborations.archivedAt,
            })
            .from(collaborations)
            .where(eq(collaborations.workspaceId, workspaceId))
            .orderBy(asc(collaborations.createdAt), asc(collaborations.id));
          const ids = heads.map((h) => h.id);
          const documents = collaborationRepository(tx);
          const exported: ExportedCollaboration[] = [];
          for (const head of heads) {
            const document = await documents.exportDocument(head.id);
            if (!document) throw new Error(`collaboration ${head.id} vanished during export`);
            exported.push({
              id: head.id,
              createdAt: iso(head.createdAt),
              updatedAt: iso(head.updatedAt),
              archivedAt: isoOrNull(head.archivedAt),
              document,
            });
          }
          const links =
            ids.length === 0
              ? []
              : await tx
                  .select()
                  .from(memberLinks)
                  .where(inArray(memberLinks.collaborationId, ids))
                  .orderBy(asc(memberLinks.collaborationId), asc(memberLinks.userId));
          const surveys =
            ids.length === 0
              ? []
              : await tx
                  .select()
                  .from(surveyLinks)
                  .where(inArray(surveyLinks.collaborationId, ids))
                  .orderBy(asc(surveyLinks.createdAt), asc(surveyLinks.id));
          const audit = await tx
            .select()
            .from(auditLog)
            .where(eq(auditLog.workspaceId, workspaceId))
            .orderBy(asc(auditLog.id));

          // Users linked to a collaboration member but no longer members still come along.
          const userIds = new Set([
            ...members.map((m) => m.user.id),
            ...links.map((l) => l.userId),
          ]);
          const userRows =
            userIds.size === 0
              ? []
              : await tx
                  .select()
                  .from(users)
                  .where(inArray(users.id, [...userIds]))
                  .orderBy(asc(users.email));
          return {
            format: WORKSPACE_EXPORT_FORMAT,
            formatVersion: WORKSPACE_EXPORT_VERSION,
            exportedAt: iso(now),
            workspace: {
              slug: workspace.slug,
              name: workspace.name,
              createdAt: iso(workspace.createdAt),
              archivedAt: isoOrNull(workspace.archivedAt),
            },
            users: userRows.map((u) => ({
              id: u.id,
              email: u.email,
              displayName: u.displayName,
              createdAt: iso(u.createdAt),
              disabledAt: isoOrNull(u.disabledAt),
            })),
            memberships: members.map(({ membership: m }) => ({
              userId: m.userId,
              role: m.role,
              agencyId: m.agencyId,
              createdAt: iso(m.createdAt),
            })),
            collaborations: exported,
            memberLinks: links.map((l) => ({
              userId: l.userId,
              collaborationId: l.collaborationId,
              memberId: l.memberId,
            })),
            surveyLinks: surveys.map(encodeRow),
            audit: audit.map((a) => ({
              at: iso(a.at),
              actor: a.actor,
              action: a.action,
              targetKind: a.targetKind,
              targetId: a.targetId,
              before: (a.before ?? null) as JsonValue,
              after: (a.after ?? null) as JsonValue,
            })),
          } satisfies WorkspaceExport;
        },
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      );
    },

    /**
     * Writes an export into an empty workspace (no collaborations, archived ones included)
     * with every collaboration, record, survey link and audit entry as it was, ids kept,
     * then appends ONE audit entry for the import itself. Users are matched by email; those
     * missing are created without a password. Members already in the workspace keep their
     * role. Run it inside a transaction (`store.transaction`) so a failure leaves nothing.
     */
    async importWorkspace(
      workspaceId: string,
      data: WorkspaceExport,
      options: { actor: string; at: Date; newId?: () => string },
    ): Promise<WorkspaceImportSummary> {
      const newId = options.newId ?? (() => crypto.randomUUID());
      const [workspace] = await db
        .select()
        .from(workspaces)
        .where(eq(workspaces.id, workspaceId))
        .for('update');
      if (!workspace) throw new StoreError('not_found', `there is no workspace "${workspaceId}"`);
      const [held] = await db
        .select({ n: count() })
        .from(collaborations)
        .where(eq(collaborations.workspaceId, workspaceId));
      if ((held?.n ?? 0) > 0) {
        throw new StoreError(
          'conflict',
          `the workspace "${workspace.slug}" is not empty (${held?.n} collaboration(s)); import only into an empty workspace`,
        );
      }
      await refuseTakenIds(db, data);

      // Users: matched by email; the export's id is kept for new users when it is free.
      const userIdFor = new Map<string, string>();
      const usersCreated: string[] = [];
      for (const user of data.users) {
        const email = user.email.trim().toLowerCase();
        const [sameEmail] = await db
          .select({ id: users.id })
          .from(users)
          .where(eq(users.email, email));
        if (sameEmail) {
          userIdFor.set(user.id, sameEmail.id);
          continue;
        }
        const [idTaken] = await db
          .select({ id: users.id })
          .from(users)
          .where(eq(users.id, user.id));
        const id = idTaken ? newId() : user.id;
        await db.insert(users).values({
          id,
          email,
          displayName: user.displayName,
          passwordHash: null,
          createdAt: new Date(user.createdAt),
          disabledAt: dateOrNull(user.disabledAt),
        });
        userIdFor.set(user.id, id);
        usersCreated.push(user.email);
      }
      const mapUser = (id: string) => userIdFor.get(id) ?? id;

      let membershipsAdded = 0;
      for (const m of data.memberships) {
        const userId = userIdFor.get(m.userId);
        if (userId === undefined) {
          throw new StoreError('not_found', `membership of unknown user "${m.userId}"`);
        }
        const inserted = await db
          .insert(memberships)
          .values({
            userId,
            workspaceId,
            role: m.role,
            agencyId: m.agencyId,
            createdAt: new Date(m.createdAt),
          })
          .onConflictDoNothing()
          .returning({ userId: memberships.userId });
        membershipsAdded += inserted.length;
      }

      let records = 0;
      for (const c of data.collaborations) {
        records += await insertCollaborationRows(db, {
          id: c.id,
          workspaceId,
          doc: c.document,
          createdAt: new Date(c.createdAt),
          updatedAt: new Date(c.updatedAt),
          archivedAt: dateOrNull(c.archivedAt),
        });
      }
      for (const link of data.memberLinks) {
        await db.insert(memberLinks).values({ ...link, userId: mapUser(link.userId) });
      }
      const columns = surveyLinkColumns();
      for (const row of data.surveyLinks) {
        await db
          .insert(surveyLinks)
          .values(decodeRow(row, columns) as typeof surveyLinks.$inferInsert);
      }
      // Entries naming a user by id follow the user to their id on this server.
      for (const entry of data.audit) {
        const userTarget = entry.targetKind === 'user' || entry.targetKind === 'membership';
        await db.insert(auditLog).values({
          workspaceId,
          at: new Date(entry.at),
          actor: mapUser(entry.actor),
          action: entry.action,
          targetKind: entry.targetKind,
          targetId: userTarget ? mapUser(entry.targetId) : entry.targetId,
          before: entry.before,
          after: entry.after,
        });
      }
      const summary: WorkspaceImportSummary = {
        collaborations: data.collaborations.length,
        records,
        surveyLinks: data.surveyLinks.length,
        auditEntries: data.audit.length,
        membershipsAdded,
        usersCreated,
      };
      await db.insert(auditLog).values({
        workspaceId,
        at: options.at,
        actor: options.actor,
        action: 'workspace.import',
        targetKind: 'workspace',
        targetId: workspaceId,
        after: {
          from: { slug: data.workspace.slug, exportedAt: data.exportedAt },
          ...summary,
        },
      });
      return summary;
    },
  };
}

/** The workspace archive: what {@link workspaceArchive} returns. */
export type WorkspaceArchive = ReturnType<typeof workspaceArchive>;

/** Ids are kept on import, so a collaboration or survey link already stored is a conflict. */
async function refuseTakenIds(db: Database, data: WorkspaceExport): Promise<void> {
  const ids = data.collaborations.map((c) => c.id);
  if (ids.length > 0) {
    const taken = await db
      .select({ id: collaborations.id })
      .from(collaborations)
      .where(inArray(collaborations.id, ids))
      .limit(1);
    if (taken[0]) {
      throw new StoreError(
        'conflict',
        `collaboration "${taken[0].id}" already exists on this server; a workspace export restores a workspace (ids kept), it does not copy one beside its original`,
      );
    }
  }
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const hashes = data.surveyLinks.map((l) => text(l.tokenHash));
  const linkIds = data.surveyLinks.map((l) => text(l.id));
  if (hashes.length > 0) {
    const taken = await db
      .select({ id: surveyLinks.id })
      .from(surveyLinks)
      .where(or(inArray(surveyLinks.tokenHash, hashes), inArray(surveyLinks.id, linkIds)))
      .limit(1);
    if (taken[0]) {
      throw new StoreError(
        'conflict',
        `survey link "${taken[0].id}" already exists on this server`,
      );
    }
  }
}

function encodeRow(row: Record<string, unknown>): ExportedSurveyLink {
  const out: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] = value instanceof Date ? value.toISOString() : ((value ?? null) as JsonValue);
  }
  return out;
}

function decodeRow(
  row: ExportedSurveyLink,
  columns: readonly ColumnDescription[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of columns) {
    if (!(column.name in row)) continue;
    const value = row[column.name];
    out[column.name] =
      column.kind === 'timestamp' && typeof value === 'string' ? new Date(value) : value;
  }
  return out;
}
