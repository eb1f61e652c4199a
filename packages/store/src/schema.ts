import {
  bigint,
  boolean,
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

/** People who sign in. A password hash is null until an invitation is accepted. */
export const users = pgTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash'),
  createdAt: createdAt(),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
});

/** A user's role in a workspace, and the agency they belong to there (for confidentiality). */
export const memberships = pgTable(
  'memberships',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    agencyId: text('agency_id'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.workspaceId] })],
);

/** Which collaboration member a user is, for the member role's "own" rights. */
export const memberLinks = pgTable(
  'member_links',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    collaborationId: text('collaboration_id')
      .notNull()
      .references(() => collaborations.id, { onDelete: 'cascade' }),
    memberId: text('member_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.collaborationId] })],
);

/** Signed-in sessions; only a hash of the cookie's token is kept. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** One-time links for invitations and access resets; only a hash of the token is kept. */
export const accessLinks = pgTable('access_links', {
  tokenHash: text('token_hash').primaryKey(),
  kind: text('kind').notNull(),
  userId: text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  workspaceId: text('workspace_id').references(() => workspaces.id, { onDelete: 'cascade' }),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/**
 * Single-use survey links. Answers in progress are kept as a draft here; once submitted,
 * an anonymous wave's link keeps no pointer to the response it produced.
 */
export const surveyLinks = pgTable(
  'survey_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    id: text('id').notNull().unique(),
    collaborationId: text('collaboration_id')
      .notNull()
      .references(() => collaborations.id, { onDelete: 'cascade' }),
    waveId: text('wave_id').notNull(),
    memberId: text('member_id'),
    label: text('label').notNull(),
    anonymous: boolean('anonymous').notNull(),
    draft: jsonb('draft'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    responseId: text('response_id'),
  },
  (t) => [index('survey_links_wave_idx').on(t.collaborationId, t.waveId)],
);

/** Results of requests sent with an Idempotency-Key, replayed on retry. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    status: integer('status').notNull(),
    body: jsonb('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

/** A row of `workspaces` as read. */
export type WorkspaceRow = typeof workspaces.$inferSelect;
/** A row of `collaborations` as read: the document's header and bookkeeping. */
export type CollaborationRow = typeof collaborations.$inferSelect;
/** A row of `records` as read: one record of one collection. */
export type RecordRow = typeof records.$inferSelect;
/** A row of `audit_log` as read. */
export type AuditLogRow = typeof auditLog.$inferSelect;
/** A row of `users` as read. */
export type UserRow = typeof users.$inferSelect;
/** A row of `memberships` as read. */
export type MembershipRow = typeof memberships.$inferSelect;
/** A row of `sessions` as read. */
export type SessionRow = typeof sessions.$inferSelect;
/** A row of `access_links` as read. */
export type AccessLinkRow = typeof accessLinks.$inferSelect;
/** A row of `survey_links` as read. */
export type SurveyLinkRow = typeof surveyLinks.$inferSelect;

/** Every table, for `drizzle(client, { schema })`. */
export const schema = {
  workspaces,
  collaborations,
  records,
  auditLog,
  users,
  memberships,
  memberLinks,
  sessions,
  accessLinks,
  surveyLinks,
  idempotencyKeys,
};
/** The type of {@link schema}. */
export type Schema = typeof schema;
