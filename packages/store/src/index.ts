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
export {
  normaliseEmail,
  userRepository,
  type UserMembership,
  type UserRepository,
  type WorkspaceMember,
} from './user.repository.js';
export {
  sessionRepository,
  type SessionRepository,
  type SessionWithUser,
} from './session.repository.js';
export {
  accessLinkRepository,
  type AccessLinkKind,
  type AccessLinkRepository,
} from './access-link.repository.js';
export {
  auditRepository,
  type AuditEntry,
  type AuditEntryInput,
  type AuditPage,
  type AuditRepository,
} from './audit.repository.js';
export {
  surveyLinkColumns,
  workspaceArchive,
  WORKSPACE_EXPORT_FORMAT,
  WORKSPACE_EXPORT_VERSION,
  type ColumnDescription,
  type ColumnKind,
  type ExportedAuditEntry,
  type ExportedCollaboration,
  type ExportedMemberLink,
  type ExportedMembership,
  type ExportedSurveyLink,
  type ExportedUser,
  type JsonValue,
  type WorkspaceArchive,
  type WorkspaceExport,
  type WorkspaceImportSummary,
} from './workspace-archive.js';
export {
  surveyRepository,
  type CollaborationHead,
  type LinkCounts,
  type NewSurveyLink,
  type StoredRecord,
  type SurveyAuditEntry,
  type SurveyLink,
  type SurveyRepository,
  type WaveLocation,
} from './survey.repository.js';
export {
  documentFromCollections,
  recordRepository,
  type CollectionRecord,
  type DocumentInput,
  type RecordAuditEntry,
  type RecordChange,
  type RecordRepository,
} from './record.repository.js';
export type { Database } from './database.js';
export { MIGRATIONS_FOLDER } from './migrate.js';
export { StoreError, type StoreErrorCode } from './store-error.js';
export {
  auditLog,
  collaborations,
  records,
  schema,
  workspaces,
  type AccessLinkRow,
  type AuditLogRow,
  type CollaborationRow,
  type MembershipRow,
  type SessionRow,
  type UserRow,
  type RecordRow,
  type Schema,
  type WorkspaceRow,
} from './schema.js';
