import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Store } from '@weframe/store';
import { loadConfig, type Config } from '@weframe/server/config';

/** A failure the CLI reports as one plain line and a non-zero exit. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly lines: readonly string[] = [],
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Where output goes; swapped for buffers in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** Reads the configuration once, or fails listing every bad variable. */
export function configFrom(env: Record<string, string | undefined>): Config {
  const loaded = loadConfig(env);
  if (!loaded.ok) {
    throw new CliError(
      'the environment has problems',
      loaded.issues.map((i) => `${i.variable}: ${i.message}`),
    );
  }
  return loaded.config;
}

/** Opens the configured database and brings its schema up to date. */
export async function openConfiguredStore(config: Config): Promise<Store> {
  // Loaded on demand: commands that only read files start faster without the database.
  const { openStore } = await import('@weframe/store');
  let store: Store;
  if (config.databaseUrl) {
    store = await openStore({ databaseUrl: config.databaseUrl });
  } else {
    const dataDir = resolve(config.dataDir);
    mkdirSync(dataDir, { recursive: true });
    store = await openStore({ dataDir });
  }
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/** What commands need from outside: the configuration and a way to open the store. */
export interface CliDeps {
  config(): Config;
  openStore(config: Config): Promise<Store>;
}

/** Runs `fn` with an open store and always closes it. */
export async function withStore<T>(deps: CliDeps, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await deps.openStore(deps.config());
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** The workspace a command works in: `--workspace SLUG`, or the default one. */
export async function workspaceFor(store: Store, slug: string | undefined) {
  if (slug === undefined || slug === 'default') return store.workspaces.ensureDefault();
  const found = await store.workspaces.bySlug(slug);
  if (!found) throw new CliError(`no workspace "${slug}"`);
  return found;
}
