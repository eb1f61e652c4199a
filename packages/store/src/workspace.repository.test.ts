import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Store } from './connection.js';
import { StoreError } from './store-error.js';
import { freshStore } from './test-support/fresh-store.js';

let store: Store;
beforeAll(async () => {
  store = await freshStore();
});
afterAll(async () => {
  await store.close();
});

describe('workspaces', () => {
  test('ensureDefault creates the default workspace once and then returns it', async () => {
    const first = await store.workspaces.ensureDefault();
    const again = await store.workspaces.ensureDefault();
    expect(first).toMatchObject({ slug: 'default', name: 'Default workspace', archivedAt: null });
    expect(again.id).toBe(first.id);
    expect((await store.workspaces.list()).filter((w) => w.slug === 'default')).toHaveLength(1);
  });

  test('create, bySlug and list', async () => {
    const created = await store.workspaces.create({ slug: 'north', name: 'North partnership' });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(await store.workspaces.bySlug('north')).toEqual(created);
    expect(await store.workspaces.byId(created.id)).toEqual(created);
    expect(await store.workspaces.bySlug('nowhere')).toBeNull();
    expect((await store.workspaces.list()).map((w) => w.slug)).toContain('north');
  });

  test('a slug already taken is a conflict', async () => {
    await store.workspaces.create({ slug: 'south', name: 'South' });
    const attempt = store.workspaces.create({ slug: 'south', name: 'South again' });
    await expect(attempt).rejects.toBeInstanceOf(StoreError);
    await expect(attempt).rejects.toMatchObject({ code: 'conflict' });
  });
});
