import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openStore, type Store } from '../connection.js';
import { quoteIdent, urlForDatabase, type PostgresTemplate } from './provided-context.js';

/**
 * A store on a database of its own, already migrated, cloned from the run's template:
 * PGlite by default, PostgreSQL when DATABASE_URL is set. Call it once per test file
 * (in `beforeAll`) and `close()` it in `afterAll`; closing also drops the database.
 */
export async function freshStore(): Promise<Store> {
  // The global setup chose the kind from DATABASE_URL and made the matching template.
  const onPostgres = inject('postgresTemplate');
  return onPostgres ? freshPostgresStore(onPostgres) : freshPgliteStore();
}

async function freshPgliteStore(): Promise<Store> {
  const path = inject('pgliteTemplate');
  if (!path) throw new Error('no PGlite template: is the integration globalSetup configured?');
  const pglite = await PGlite.create({ loadDataDir: new Blob([await readFile(path)]) });
  const store = await openStore({ pglite });
  return {
    ...store,
    close: async () => {
      await store.close();
      await pglite.close();
    },
  };
}

async function freshPostgresStore(template: PostgresTemplate): Promise<Store> {
  const name = `${template.prefix}${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await asAdmin(template, (admin) =>
    admin.unsafe(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template.template)}`),
  );
  const store = await openStore({ databaseUrl: urlForDatabase(template.databaseUrl, name) });
  return {
    ...store,
    close: async () => {
      await store.close();
      await asAdmin(template, (admin) =>
        admin.unsafe(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
      );
    },
  };
}

async function asAdmin(
  template: PostgresTemplate,
  fn: (admin: postgres.Sql) => Promise<unknown>,
): Promise<void> {
  const admin = postgres(template.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await fn(admin);
  } finally {
    await admin.end();
  }
}
