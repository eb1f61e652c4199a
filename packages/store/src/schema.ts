import {
  bigint,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { Collaboration } from '@weframe/core';

/*
 * One schema for PGlite (PostgreSQL 18) and PostgreSQL 15: only SQL both accept, and ids
 * made in JavaScript rather than by the database.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const archivedAt = () => timestamp('archived_at', { withTimezone: true });

/** Workspaces: one per partnership; every collaboration belongs to one. */
export const workspaces = pgTable('workspaces', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  createdAt: createdAt(),
  archivedAt: archivedAt(),
});

/** Collaborations: the header of each imported document; its records live in `records`. */
export const collaborations = pgTable(
  'collaborations',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    docId: text('doc_id').notNull(),
    name: text('name').notNull(),
    schemaVersion: integer('schema_version').notNull(),
    header: jsonb('header').$type<Collaboration>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: archivedAt(),
  },
  (t) => [index('collaborations_workspace_idx').on(t.workspaceId, t.archivedAt)],
);

/**
 * Records of every collection of every collaboration, one row each, so that CRUD per
 * record, optimistic concurrency and confidentiality filtering can all happen in SQL.
 */
export const records = pgTable(
  'records',
  {
    collaborationId: text('collaboration_id').notNull(),
    collection: text('collection').notNull(),
    id: text('id').notNull(),
    position: integer('position').notNull(),
    author: text('author').notNull(),
    confidentialTo: text('confidential_to'),
    version: integer('version').notNull().default(1),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.collection, t.id] }),
    foreignKey({ columns: [t.collaborationId], foreignColumns: [collaborations.id] }).onDelete(
      'cascade',
    ),
    index('records_position_idx').on(t.collaborationId, t.collection, t.position),
  ],
);

/** The audit log: append-only (a trigger refuses updates and deletes). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    targetKind: text('target_kind').notNull(),
    targetId: text('target_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_log_workspace_at_idx').on(t.workspaceId, t.at)],
);

/** A row of `workspaces` as read. */
export type WorkspaceRow = typeof workspaces.$inferSelect;
/** A row of `collaborations` as read: the document's header and bookkeeping. */
export type CollaborationRow = typeof collaborations.$inferSelect;
/** A row of `records` as read: one record of one collection. */
export type RecordRow = typeof records.$inferSelect;
/** A row of `audit_log` as read. */
export type AuditLogRow = typeof auditLog.$inferSelect;

/** Every table, for `drizzle(client, { schema })`. */
export const schema = { workspaces, collaborations, records, auditLog };
/** The type of {@link schema}. */
export type Schema = typeof schema;
