import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import {
  collaborationRepository,
  type CollaborationRepository,
} from './collaboration.repository.js';
import type { Database } from './database.js';
import { applyMigrations, type DriverDatabase } from './migrate.js';
import { schema } from './schema.js';
import { workspaceRepository, type WorkspaceRepository } from './workspace.repository.js';
import { surveyRepository, type SurveyRepository } from './survey.repository.js';
import { userRepository, type UserRepository } from './user.repository.js';
import { sessionRepository, type SessionRepository } from './session.repository.js';
import { accessLinkRepository, type AccessLinkRepository } from './access-link.repository.js';
import { auditRepository, type AuditRepository } from './audit.repository.js';
import { recordRepository, type RecordRepository } from './record.repository.js';
import { workspaceArchive, type WorkspaceArchive } from './workspace-archive.js';

/** Where the store keeps its data; entry points build this from their own config. */
export interface StoreConfig {
  /** A PostgreSQL connection string; when given, the store runs on PostgreSQL. */
  readonly databaseUrl?: string;
  /** The folder of the embedded PGlite database (created if missing). */
  readonly dataDir?: string;
  /** An open PGlite instance to use as is; the caller keeps ownership and closes it. */
  readonly pglite?: PGlite;
  /**
   * PostgreSQL only: seconds to wait for a new connection before giving up (default
   * {@link CONNECT_TIMEOUT_SECONDS}).
   */
  readonly connectTimeoutSeconds?: number;
}

/** How long a new PostgreSQL connection may take before the query fails (and the API answers 503). */
export const CONNECT_TIMEOUT_SECONDS = 10;

/**
 * Seconds before the pool tries a lost connection again, after `retries` failures in a row:
 * short and capped at one second, so that requests while the database is down fail fast and
 * the first request after it comes back finds it (postgres-js's own backoff grows to 20 s).
 */
export function reconnectDelay(retries: number): number {
  return Math.min(0.05 * 2 ** retries, 1);
}

/** The repositories over one database handle, inside or outside a transaction. */
export interface StoreScope {
  /** The Drizzle handle, typed with the store's schema. */
  readonly db: Database;
  /** Workspaces: the default one, by slug, create, list. */
  readonly workspaces: WorkspaceRepository;
  /** Collaborations: import and export of documents, summaries, counts. */
  readonly collaborations: CollaborationRepository;
  /** Survey waves: waves and responses as records, links, drafts, idempotency keys. */
  readonly surveys: SurveyRepository;
  /** Users and their memberships in workspaces. */
  readonly users: UserRepository;
  /** Signed-in sessions (token hashes only). */
  readonly sessions: SessionRepository;
  /** One-time invitation and reset links (token hashes only). */
  readonly accessLinks: AccessLinkRepository;
  /** The append-only audit log: `append(workspaceId, entry)`, pages, all. */
  readonly audit: AuditRepository;
  /** Single records, collaboration versions, archiving, member links, audit entries. */
  readonly records: RecordRepository;
  /** Whole-workspace export and import. */
  readonly workspaceArchive: WorkspaceArchive;
}

/** An open store: repositories plus migration, transactions and closing. */
export interface Store extends StoreScope {
  /** Which engine the store runs on. */
  readonly kind: 'pglite' | 'postgres';
  /** Applies the migrations this version ships that the database has not seen yet. */
  migrate(): Promise<void>;
  /** Runs `fn` in one transaction: it commits if `fn` resolves and rolls back if it throws. */
  transaction<T>(fn: (scope: StoreScope) => Promise<T>): Promise<T>;
  /** Closes the connection (and the PGlite database the store opened itself). */
  close(): Promise<void>;
}

/**
 * Opens a store: an existing PGlite instance when given, else PostgreSQL when `databaseUrl`
 * is set, else PGlite persisted under `dataDir`, else an in-memory PGlite (for trials).
 */
export async function openStore(config: StoreConfig): Promise<Store> {
  if (config.pglite)
    return storeOver({ kind: 'pglite', db: drizzlePglite(config.pglite, { schema }) });
  if (config.databaseUrl !== undefined) {
    // Notices such as "schema already exists, skipping" are not the caller's business.
    // A lost connection is reopened by the pool on the next query; nothing to restart.
    const client = postgres(config.databaseUrl, {
      onnotice: () => {},
      connect_timeout: config.connectTimeoutSeconds ?? CONNECT_TIMEOUT_SECONDS,
      backoff: reconnectDelay,
    });
    const db = drizzlePostgres(client, { schema });
    return storeOver({ kind: 'postgres', db }, () => client.end({ timeout: 5 }));
  }
  if (config.dataDir !== undefined) await mkdir(config.dataDir, { recursive: true });
  const pglite = await PGlite.create(config.dataDir);
  return storeOver({ kind: 'pglite', db: drizzlePglite(pglite, { schema }) }, () => pglite.close());
}

function scopeOver(db: Database): StoreScope {
  return {
    db,
    workspaces: workspaceRepository(db),
    collaborations: collaborationRepository(db),
    surveys: surveyRepository(db),
    users: userRepository(db),
    sessions: sessionRepository(db),
    accessLinks: accessLinkRepository(db),
    audit: auditRepository(db),
    records: recordRepository(db),
    workspaceArchive: workspaceArchive(db),
  };
}

function storeOver(driver: DriverDatabase, release: () => Promise<void> = async () => {}): Store {
  const db: Database = driver.db;
  return {
    ...scopeOver(db),
    kind: driver.kind,
    migrate: () => applyMigrations(driver),
    transaction: (fn) => db.transaction((tx) => fn(scopeOver(tx))),
    close: release,
  };
}
