import { and, asc, desc, eq, lt } from 'drizzle-orm';
import type { Database } from './database.js';
import { auditLog, users, type AuditLogRow } from './schema.js';

/** One change (or read of something confidential) to write to the audit log. */
export interface AuditEntryInput {
  /** Who: a user id, or `cli`, `demo`, `system` for work done outside a session. */
  readonly actor: string;
  /** What, as `noun.verb`: `membership.update`, `record.update`, `workspace.import`… */
  readonly action: string;
  /** The kind of thing acted on: `user`, `membership`, `collaboration`, `record`… */
  readonly targetKind: string;
  /** Its id. */
  readonly targetId: string;
  /** Its state before the change (omit for creations and reads). */
  readonly before?: unknown;
  /** Its state after the change (omit for deletions and reads). */
  readonly after?: unknown;
  /** When; defaults to the database's clock. */
  readonly at?: Date;
}

/** An audit entry as read, with the acting user's email when the actor is a user. */
export interface AuditEntry extends AuditLogRow {
  readonly actorEmail: string | null;
}

/** One page of the audit log, newest first; `next` is the cursor of the following page. */
export interface AuditPage {
  readonly entries: AuditEntry[];
  readonly next: number | null;
}

/** The append-only audit log (the database refuses updates and deletes). */
export function auditRepository(db: Database) {
  const selection = {
    id: auditLog.id,
    workspaceId: auditLog.workspaceId,
    at: auditLog.at,
    actor: auditLog.actor,
    action: auditLog.action,
    targetKind: auditLog.targetKind,
    targetId: auditLog.targetId,
    before: auditLog.before,
    after: auditLog.after,
    actorEmail: users.email,
  };
  return {
    /**
     * Appends one entry to a workspace's log. Call it on the transaction's scope
     * (`store.transaction((tx) => … tx.audit.append(…))`) so the entry and the change it
     * records are written together or not at all.
     */
    async append(workspaceId: string, entry: AuditEntryInput): Promise<AuditLogRow> {
      const [row] = await db
        .insert(auditLog)
        .values({
          workspaceId,
          actor: entry.actor,
          action: entry.action,
          targetKind: entry.targetKind,
          targetId: entry.targetId,
          before: entry.before ?? null,
          after: entry.after ?? null,
          ...(entry.at ? { at: entry.at } : {}),
        })
        .returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    /** A page of the workspace's log, newest first; `before` is the previous page's `next`. */
    async page(
      workspaceId: string,
      options: { limit: number; before?: number | undefined },
    ): Promise<AuditPage> {
      const rows = await db
        .select(selection)
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actor))
        .where(
          and(
            eq(auditLog.workspaceId, workspaceId),
            options.before === undefined ? undefined : lt(auditLog.id, options.before),
          ),
        )
        .orderBy(desc(auditLog.id))
        .limit(options.limit + 1);
      const entries = rows.slice(0, options.limit);
      const last = entries.at(-1);
      return { entries, next: rows.length > options.limit && last ? last.id : null };
    },

    /** Every entry of the workspace's log, oldest first (for workspace export). */
    async all(workspaceId: string): Promise<AuditLogRow[]> {
      return db
        .select()
        .from(auditLog)
        .where(eq(auditLog.workspaceId, workspaceId))
        .orderBy(asc(auditLog.id));
    },
  };
}

/** The audit repository: what {@link auditRepository} returns. */
export type AuditRepository = ReturnType<typeof auditRepository>;
