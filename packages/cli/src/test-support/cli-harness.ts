import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Store } from '@weframe/store';
import { loadConfig } from '@weframe/server';
import { freshStore } from '../../../store/src/test-support/fresh-store.js';
import { main } from '../main.js';

/** What one in-process run of the CLI printed, and its exit code. */
export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the CLI in-process against `store`, which stays open between runs. */
export async function runCli(
  store: Store,
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const config = loadConfig(env);
  if (!config.ok) throw new Error('bad test config');
  const code = await main(
    ['node', 'weframe', ...args],
    env,
    { out: (t) => out.push(t), err: (t) => err.push(t) },
    {
      config: () => config.config,
      openStore: () => Promise.resolve({ ...store, close: async () => {} }),
    },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * A test file's fixture: a fresh database and a temporary folder, both removed after the
 * file's tests, and `run(...args)` running the CLI against that database.
 */
export function cliFixture(prefix: string) {
  let store: Store | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    store = await freshStore();
    dir = await mkdtemp(join(tmpdir(), `weframe-${prefix}-`));
  });
  afterAll(async () => {
    await store?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the CLI fixture is used outside a test');
    return value;
  };
  return {
    store: () => need(store),
    dir: () => need(dir),
    run: (...args: string[]) => runCli(need(store), args),
  };
}
