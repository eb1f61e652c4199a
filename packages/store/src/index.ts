/** Weframe store: the Drizzle schema, migrations and repositories, on PGlite or PostgreSQL. */
export { openStore, type Store, type StoreConfig, type StoreScope } from './connection.js';
export {
  collaborationRepository,
  type CollaborationRepository,
  type ActorOptions,
  type CollaborationSummary,
  type CollectionName,
} from './collaboration.repository.js';
export {
  DEFAULT_WORKSPACE,
  workspaceRepository,
  type WorkspaceRepository,
} from './workspace.repository.js';
export type { Database } from './database.js';
export { MIGRATIONS_FOLDER } from './migrate.js';
export { StoreError, type StoreErrorCode } from './store-error.js';
export {
  auditLog,
  collaborations,
  records,
  schema,
  workspaces,
  type AuditLogRow,
  type CollaborationRow,
  type RecordRow,
  type Schema,
  type WorkspaceRow,
} from './schema.js';
