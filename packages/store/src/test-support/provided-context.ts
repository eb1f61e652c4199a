/** Where the global setup left the migrated template each test file's database is cloned from. */
export interface PostgresTemplate {
  /** The server URL from DATABASE_URL; test databases replace its database name. */
  readonly databaseUrl: string;
  /** The migrated template database. */
  readonly template: string;
  /** The prefix of every database cloned in this run, so teardown can drop leftovers. */
  readonly prefix: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of a dump of a migrated PGlite data folder; null when running on PostgreSQL. */
    pgliteTemplate: string | null;
    /** The PostgreSQL template; null when running on PGlite. */
    postgresTemplate: PostgresTemplate | null;
  }
}

/** A PostgreSQL URL naming another database on the same server. */
export function urlForDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** Quotes an identifier for SQL. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
