import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { restoreOrThrow } from '@weframe/core';
import type { Store } from './connection.js';
import { auditLog, collaborations, memberLinks, surveyLinks } from './schema.js';
import { StoreError } from './store-error.js';
import { buildRichDocument, buildSmallDocument } from './test-support/document.factory.js';
import { freshStore } from './test-support/fresh-store.js';
import type { WorkspaceExport } from './workspace-archive.js';

let source: Store;
let target: Store;
beforeAll(async () => {
  [source, target] = await Promise.all([freshStore(), freshStore()]);
});
afterAll(async () => {
  await Promise.all([source.close(), target.close()]);
});

const AT = new Date('2025-04-01T10:00:00.123Z');

/** What a file looks like after being written to disk and read back. */
const viaJson = (data: WorkspaceExport | null): WorkspaceExport => {
  if (!data) throw new Error('no export');
  return JSON.parse(JSON.stringify(data)) as WorkspaceExport;
};

/** A workspace with two collaborations (one archived), members, links and audit entries. */
async function populatedWorkspace(store: Store) {
  const ws = await store.workspaces.create({ slug: 'north', name: 'North partnership' });
  const owner = await store.users.create({
    email: 'owner@example.org',
    displayName: 'Olu Owner',
    passwordHash: 'scrypt$4$8$1$c2FsdA==$a2V5',
  });
  const member = await store.users.create({ email: 'sam@example.org', displayName: 'Sam' });
  await store.users.addMembership({
    userId: owner.id,
    workspaceId: ws.id,
    role: 'owner',
    agencyId: null,
  });
  await store.users.addMembership({
    userId: member.id,
    workspaceId: ws.id,
    role: 'member',
    agencyId: 'ag-nhs',
  });
  const rich = await store.collaborations.importDocument(
    ws.id,
    restoreOrThrow(buildRichDocument()),
    {
      actor: owner.id,
    },
  );
  const small = await store.collaborations.importDocument(
    ws.id,
    restoreOrThrow(buildSmallDocument()),
    { actor: 'cli' },
  );
  await store.db
    .update(collaborations)
    .set({ archivedAt: new Date('2025-03-01T00:00:00Z') })
    .where(eq(collaborations.id, small.id));
  await store.db
    .insert(memberLinks)
    .values({ userId: member.id, collaborationId: rich.id, memberId: 'm-ot' });
  await store.db.insert(surveyLinks).values([
    {
      tokenHash: 'a'.repeat(64),
      id: 'link-1',
      collaborationId: rich.id,
      waveId: 'wave-1',
      memberId: 'm-ot',
      label: 'OT',
      anonymous: false,
      draft: { answers: { TR1: 4 } },
      expiresAt: new Date('2025-05-01T00:00:00Z'),
    },
    {
      tokenHash: 'b'.repeat(64),
      id: 'link-2',
      collaborationId: rich.id,
      waveId: 'wave-2',
      memberId: null,
      label: 'Anonymous 1',
      anonymous: true,
      submittedAt: new Date('2025-03-05T17:00:00Z'),
    },
  ]);
  await store.audit.append(ws.id, {
    actor: owner.id,
    action: 'membership.update',
    targetKind: 'membership',
    targetId: member.id,
    before: { role: 'viewer', agencyId: null },
    after: { role: 'member', agencyId: 'ag-nhs' },
  });
  return { ws, owner, member, rich, small };
}

describe('workspace export and import', () => {
  test('round trip: export → import into an empty workspace elsewhere → export gives the same data', async () => {
    const { ws } = await populatedWorkspace(source);
    const first = viaJson(await source.workspaceArchive.exportWorkspace(ws.id, AT));
    expect(first.collaborations).toHaveLength(2);
    expect(first.surveyLinks).toHaveLength(2);
    expect(first.audit.map((a) => a.action)).toEqual([
      'collaboration.import',
      'collaboration.import',
      'membership.update',
    ]);
    // No password hash ever leaves, and no survey token (there is none to leave).
    expect(JSON.stringify(first)).not.toContain('scrypt$');

    const restored = await target.workspaces.create({ slug: 'restored', name: 'Restored' });
    const summary = await target.transaction((tx) =>
      tx.workspaceArchive.importWorkspace(restored.id, first, { actor: 'cli', at: AT }),
    );
    expect(summary).toEqual({
      collaborations: 2,
      records: expect.any(Number) as unknown,
      surveyLinks: 2,
      auditEntries: 3,
      membershipsAdded: 2,
      usersCreated: ['owner@example.org', 'sam@example.org'],
    });

    const second = viaJson(await target.workspaceArchive.exportWorkspace(restored.id, AT));
    const importEntry = second.audit.at(-1);
    expect(importEntry).toMatchObject({
      actor: 'cli',
      action: 'workspace.import',
      targetKind: 'workspace',
      targetId: restored.id,
      at: AT.toISOString(),
    });
    const strip = (d: WorkspaceExport, auditEntries: number) => ({
      ...d,
      workspace: null,
      audit: d.audit.slice(0, auditEntries),
    });
    expect(strip(second, -1)).toEqual(strip(first, first.audit.length));
  });

  test('imports only into an empty workspace', async () => {
    const occupied = await target.workspaces.bySlug('restored');
    if (!occupied) throw new Error('the round-trip test did not run');
    const file = viaJson(await target.workspaceArchive.exportWorkspace(occupied.id, AT));
    const attempt = target.transaction((tx) =>
      tx.workspaceArchive.importWorkspace(occupied.id, file, { actor: 'cli', at: AT }),
    );
    await expect(attempt).rejects.toBeInstanceOf(StoreError);
    await expect(attempt).rejects.toMatchObject({ code: 'conflict', message: /not empty/ });
  });

  test('refuses to copy a workspace beside its original (ids are kept), writing nothing', async () => {
    const original = await source.workspaces.bySlug('north');
    if (!original) throw new Error('the round-trip test did not run');
    const file = viaJson(await source.workspaceArchive.exportWorkspace(original.id, AT));
    const copy = await source.workspaces.create({ slug: 'copy', name: 'Copy' });
    const attempt = source.transaction((tx) =>
      tx.workspaceArchive.importWorkspace(copy.id, file, { actor: 'cli', at: AT }),
    );
    await expect(attempt).rejects.toMatchObject({ code: 'conflict', message: /already exists/ });
    const [entries] = await source.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.workspaceId, copy.id));
    expect(entries?.n).toBe(0);
    expect(await source.users.membersOf(copy.id)).toEqual([]);
  });

  test('matches users by email: an existing account is reused and audit entries follow it', async () => {
    const store = await freshStore();
    try {
      const original = await source.workspaces.bySlug('north');
      if (!original) throw new Error('the round-trip test did not run');
      const file = viaJson(await source.workspaceArchive.exportWorkspace(original.id, AT));
      const sam = await store.users.create({ email: 'SAM@example.org', displayName: 'Sam here' });
      const ws = await store.workspaces.create({ slug: 'moved', name: 'Moved' });
      const summary = await store.transaction((tx) =>
        tx.workspaceArchive.importWorkspace(ws.id, file, { actor: 'cli', at: AT }),
      );
      expect(summary.usersCreated).toEqual(['owner@example.org']);
      expect((await store.users.membership(sam.id, ws.id))?.role).toBe('member');
      const updated = (await store.audit.all(ws.id)).find((a) => a.action === 'membership.update');
      expect(updated?.targetId).toBe(sam.id);
      const [link] = await store.db.select().from(memberLinks);
      expect(link?.userId).toBe(sam.id);
    } finally {
      await store.close();
    }
  });
});
