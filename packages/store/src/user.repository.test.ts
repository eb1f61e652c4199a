import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Store } from './connection.js';
import { freshStore } from './test-support/fresh-store.js';

let store: Store;
beforeAll(async () => {
  store = await freshStore();
});
afterAll(async () => {
  await store.close();
});

const T0 = new Date('2025-06-01T08:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe('users and memberships', () => {
  test('emails are stored and found case-insensitively; a second account for one is a conflict', async () => {
    const user = await store.users.create({ email: ' Ada@Example.ORG ', displayName: 'Ada' });
    expect(user.email).toBe('ada@example.org');
    expect((await store.users.byEmail('ADA@example.org'))?.id).toBe(user.id);
    await expect(
      store.users.create({ email: 'ada@example.org', displayName: 'Again' }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  test('memberships per workspace, with roles, agencies and the count of owners', async () => {
    const ws = await store.workspaces.create({ slug: 'repo-test', name: 'Repo test' });
    const ada = await store.users.byEmail('ada@example.org');
    const ben = await store.users.create({ email: 'ben@example.org', displayName: 'Ben' });
    if (!ada) throw new Error('ada missing');
    await store.users.addMembership({
      userId: ada.id,
      workspaceId: ws.id,
      role: 'owner',
      agencyId: null,
    });
    await store.users.addMembership({
      userId: ben.id,
      workspaceId: ws.id,
      role: 'viewer',
      agencyId: 'ag-1',
    });
    await expect(
      store.users.addMembership({
        userId: ben.id,
        workspaceId: ws.id,
        role: 'owner',
        agencyId: null,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await store.transaction((tx) => tx.users.ownerCount(ws.id))).toBe(1);
    expect(
      (await store.users.membersOf(ws.id)).map((m) => [m.email, m.role, m.agencyId, m.hasPassword]),
    ).toEqual([
      ['ada@example.org', 'owner', null, false],
      ['ben@example.org', 'viewer', 'ag-1', false],
    ]);
    expect(await store.users.updateMembership(ben.id, ws.id, { agencyId: null })).toMatchObject({
      role: 'viewer',
      agencyId: null,
    });
    expect((await store.users.membershipsOf(ben.id)).map((m) => m.slug)).toEqual(['repo-test']);
    expect(await store.users.removeMembership(ben.id, ws.id)).toMatchObject({ role: 'viewer' });
    expect(await store.users.removeMembership(ben.id, ws.id)).toBeNull();
  });
});

describe('sessions', () => {
  test('a session is found by its hash until it expires, then no longer', async () => {
    const ada = await store.users.byEmail('ada@example.org');
    if (!ada) throw new Error('ada missing');
    await store.sessions.create({
      tokenHash: '1'.repeat(64),
      userId: ada.id,
      csrfToken: 'csrf-1',
      createdAt: T0,
      expiresAt: later(60),
    });
    expect((await store.sessions.findLive('1'.repeat(64), later(59)))?.user.email).toBe(
      'ada@example.org',
    );
    expect(await store.sessions.findLive('1'.repeat(64), later(60))).toBeNull();
    await store.sessions.extend('1'.repeat(64), later(120));
    expect(await store.sessions.findLive('1'.repeat(64), later(60))).not.toBeNull();
    expect(await store.sessions.removeAllOf(ada.id)).toBe(1);
  });
});

describe('one-time access links', () => {
  test('work once: of two uses at the same moment only one succeeds; expired links never', async () => {
    const ada = await store.users.byEmail('ada@example.org');
    if (!ada) throw new Error('ada missing');
    const link = {
      kind: 'invite' as const,
      userId: ada.id,
      workspaceId: null,
      createdBy: 'test',
      createdAt: T0,
      expiresAt: later(60),
    };
    await store.accessLinks.create({ ...link, tokenHash: '2'.repeat(64) });
    const [a, b] = await Promise.all([
      store.accessLinks.consume('2'.repeat(64), later(1)),
      store.accessLinks.consume('2'.repeat(64), later(1)),
    ]);
    expect([a, b].filter((x) => x !== null)).toHaveLength(1);

    await store.accessLinks.create({ ...link, tokenHash: '3'.repeat(64) });
    expect(await store.accessLinks.consume('3'.repeat(64), later(61))).toBeNull();
    await store.accessLinks.voidAllOf(ada.id, later(2));
    expect(await store.accessLinks.findUsable('3'.repeat(64), later(3))).toBeNull();
  });
});

describe('the audit log', () => {
  test('appends entries and pages through them newest first, naming user actors', async () => {
    const ws = await store.workspaces.create({ slug: 'audit-test', name: 'Audit test' });
    const ada = await store.users.byEmail('ada@example.org');
    for (let i = 1; i <= 5; i++) {
      await store.audit.append(ws.id, {
        actor: i === 5 ? (ada?.id ?? '') : 'cli',
        action: 'record.update',
        targetKind: 'record',
        targetId: `r-${i}`,
        before: { n: i - 1 },
        after: { n: i },
        at: later(i),
      });
    }
    const first = await store.audit.page(ws.id, { limit: 2 });
    expect(first.entries.map((e) => e.targetId)).toEqual(['r-5', 'r-4']);
    expect(first.entries[0]).toMatchObject({ actorEmail: 'ada@example.org', at: later(5) });
    expect(first.entries[1]?.actorEmail).toBeNull();
    const second = await store.audit.page(ws.id, { limit: 2, before: first.next ?? 0 });
    const third = await store.audit.page(ws.id, { limit: 2, before: second.next ?? 0 });
    expect([...second.entries, ...third.entries].map((e) => e.targetId)).toEqual([
      'r-3',
      'r-2',
      'r-1',
    ]);
    expect(third.next).toBeNull();
    expect((await store.audit.all(ws.id)).map((e) => e.targetId)).toEqual([
      'r-1',
      'r-2',
      'r-3',
      'r-4',
      'r-5',
    ]);
  });
});
