import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openStore } from '../connection.js';
import { quoteIdent, urlForDatabase, type PostgresTemplate } from './provided-context.js';

/**
 * Vitest global setup of the integration project: migrates ONE template database per run,
 * which every test file clones (see fresh-store.ts), and removes what it made at teardown.
 * PostgreSQL when DATABASE_URL is set, else PGlite.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const template = await postgresTemplate(databaseUrl);
    project.provide('pgliteTemplate', null);
    project.provide('postgresTemplate', template);
    return () => dropPostgresDatabases(template);
  }
  const folder = await mkdtemp(join(tmpdir(), 'weframe-pglite-'));
  const path = join(folder, 'template.tar');
  await writeFile(path, await pgliteTemplate());
  project.provide('pgliteTemplate', path);
  project.provide('postgresTemplate', null);
  return () => rm(folder, { recursive: true, force: true });
}

async function pgliteTemplate(): Promise<Uint8Array> {
  const pglite = await PGlite.create();
  try {
    const store = await openStore({ pglite });
    await store.migrate();
    // Uncompressed: each test file loads it, and gunzip would cost more than the bytes.
    const dump = await pglite.dumpDataDir('none');
    return new Uint8Array(await dump.arrayBuffer());
  } finally {
    await pglite.close();
  }
}

async function postgresTemplate(databaseUrl: string): Promise<PostgresTemplate> {
  const run = `${process.pid}_${Date.now().toString(36)}`;
  const template: PostgresTemplate = {
    databaseUrl,
    template: `weframe_template_${run}`,
    prefix: `weframe_t_${run}_`,
  };
  const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${quoteIdent(template.template)}`);
  } finally {
    await admin.end();
  }
  const store = await openStore({ databaseUrl: urlForDatabase(databaseUrl, template.template) });
  try {
    await store.migrate();
  } finally {
    await store.close();
  }
  return template;
}

async function dropPostgresDatabases(template: PostgresTemplate): Promise<void> {
  const admin = postgres(template.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const left = await admin<{ datname: string }[]>`
      SELECT datname FROM pg_database
      WHERE starts_with(datname, ${template.prefix}) OR datname = ${template.template}`;
    for (const { datname } of left) {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}
