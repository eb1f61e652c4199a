import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStore, type Store } from './connection.js';
import { MIGRATIONS_FOLDER } from './migrate.js';
import { auditLog, workspaces } from './schema.js';
import { freshStore } from './test-support/fresh-store.js';

let store: Store;
beforeAll(async () => {
  store = await freshStore();
});
afterAll(async () => {
  await store.close();
});

describe('store', () => {
  test('runs on PostgreSQL when DATABASE_URL is set, else on PGlite', () => {
    expect(store.kind).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
  });

  test('the migrations folder ships beside src and dist', () => {
    expect(existsSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'))).toBe(true);
  });

  test('migrating an up-to-date database changes nothing', async () => {
    await store.migrate();
    await store.migrate();
    expect(await store.workspaces.list()).toBeInstanceOf(Array);
  });

  test('transaction commits when the function resolves and rolls back when it throws', async () => {
    await store.transaction(async (tx) => {
      await tx.workspaces.create({ slug: 'kept', name: 'Kept' });
    });
    const failed = store.transaction(async (tx) => {
      await tx.workspaces.create({ slug: 'dropped', name: 'Dropped' });
      throw new Error('changed my mind');
    });
    await expect(failed).rejects.toThrow('changed my mind');
    expect(await store.workspaces.bySlug('kept')).not.toBeNull();
    expect(await store.workspaces.bySlug('dropped')).toBeNull();
  });

  test('the audit log is append-only: the database refuses updates, deletes and truncation', async () => {
    const workspace = await store.workspaces.ensureDefault();
    await store.db.insert(auditLog).values({
      workspaceId: workspace.id,
      actor: 'tester',
      action: 'test.entry',
      targetKind: 'workspace',
      targetId: workspace.id,
    });
    const countEntries = async () => (await store.db.select({ n: count() }).from(auditLog))[0]?.n;
    const entries = await countEntries();
    await expect(
      store.db.update(auditLog).set({ actor: 'someone else' }).where(eq(auditLog.actor, 'tester')),
    ).rejects.toThrow();
    await expect(store.db.delete(auditLog).where(eq(auditLog.actor, 'tester'))).rejects.toThrow();
    await expect(store.db.execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
    expect(await countEntries()).toBe(entries);
  });
});

describe('embedded PGlite in a data folder', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'weframe-store-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  // A new data folder means initdb in WebAssembly: tens of seconds on a slow machine.
  test(
    'creates the folder, and what was written is there after reopening',
    { timeout: 180_000 },
    async () => {
      const dataDir = join(folder, 'nested', 'data');
      const first = await openStore({ dataDir });
      expect(first.kind).toBe('pglite');
      await first.migrate();
      const created = await first.workspaces.ensureDefault();
      await first.close();

      const second = await openStore({ dataDir });
      try {
        await second.migrate();
        expect((await second.db.select().from(workspaces)).map((w) => w.id)).toEqual([created.id]);
      } finally {
        await second.close();
      }
    },
  );
});
