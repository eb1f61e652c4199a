import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreOrThrow } from '@weframe/core';
import type { Store, WorkspaceExport } from '@weframe/store';
import { surveyLinks } from '../../../store/src/schema.js';
import { freshStore } from '../../../store/src/test-support/fresh-store.js';
import { buildRichDocument } from '../../../store/src/test-support/document.factory.js';
import { buildDocument } from '../../../core/src/test-support/factories.js';
import { createApp, type App } from '../app.js';
import {
  signIn,
  signedInAs,
  testHasher,
  TEST_PASSWORD,
  type TestClient,
} from '../auth/test-support/sign-in.js';

/*
 * Workspace export → import into an empty workspace on another server → export again:
 * the same collaborations, records, survey links, members and audit entries.
 */

let source: Store;
let target: Store;
let sourceApp: App;
let targetApp: App;
let owner: TestClient;
let file: WorkspaceExport;

beforeAll(async () => {
  [source, target] = await Promise.all([freshStore(), freshStore()]);
  sourceApp = await createApp({ store: source, hasher: testHasher, logInfo: () => {} });
  targetApp = await createApp({ store: target, hasher: testHasher, logInfo: () => {} });

  const ws = await source.workspaces.create({ slug: 'north', name: 'North partnership' });
  owner = await signedInAs(sourceApp, source, {
    email: 'owner@example.org',
    role: 'owner',
    workspaceId: ws.id,
  });
  await owner.post('/api/workspaces/north/users', {
    email: 'sam@example.org',
    role: 'facilitator',
    agencyId: 'ag-nhs',
  });
  const ownerRow = await source.users.byEmail('owner@example.org');
  const rich = await source.collaborations.importDocument(
    ws.id,
    restoreOrThrow(buildRichDocument()),
    { actor: ownerRow?.id ?? 'test' },
  );
  await source.collaborations.importDocument(ws.id, restoreOrThrow(buildDocument()), {
    actor: 'cli',
  });
  await source.db.insert(surveyLinks).values({
    tokenHash: 'c'.repeat(64),
    id: 'link-1',
    collaborationId: rich.id,
    waveId: 'wave-1',
    memberId: 'm-ot',
    label: 'OT',
    anonymous: false,
  });
});
afterAll(async () => {
  await Promise.all([source.close(), target.close()]);
});

describe('GET /api/workspaces/:ws/export', () => {
  it('gives owners the whole workspace as one file, and audits the export', async () => {
    const res = await owner.get('/api/workspaces/north/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="weframe-north-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const text = await res.text();
    expect(text).not.toContain('scrypt$');
    file = JSON.parse(text) as WorkspaceExport;
    expect(file).toMatchObject({ format: 'weframe.workspace', formatVersion: 1 });
    expect(file.collaborations.map((c) => c.document.collaboration.id).sort()).toEqual([
      'collab-rich',
      'collab-test',
    ]);
    expect(file.surveyLinks).toEqual([expect.objectContaining({ tokenHash: 'c'.repeat(64) })]);
    expect(file.users.map((u) => u.email)).toEqual(['owner@example.org', 'sam@example.org']);

    const audit = (await (await owner.get('/api/workspaces/north/audit?limit=1')).json()) as {
      entries: { action: string }[];
    };
    expect(audit.entries[0]?.action).toBe('workspace.export');
  });

  it('is refused to anyone but owners', async () => {
    const facilitator = await signedInAs(sourceApp, source, {
      email: 'fac@example.org',
      role: 'facilitator',
      workspaceId: (await source.workspaces.bySlug('north'))?.id ?? '',
    });
    expect((await facilitator.get('/api/workspaces/north/export')).status).toBe(403);
    expect((await facilitator.post('/api/workspaces/north/import', file)).status).toBe(403);
  });
});

describe('POST /api/workspaces/:ws/import', () => {
  let restorer: TestClient;
  beforeAll(async () => {
    // The same person on the new server: an owner there, who makes an empty workspace.
    const original = await source.users.byEmail('owner@example.org');
    const user = await target.users.create({
      id: original?.id ?? 'x',
      email: 'owner@example.org',
      displayName: original?.displayName ?? 'owner',
      createdAt: original?.createdAt ?? new Date(),
      passwordHash: await testHasher.hash(TEST_PASSWORD),
    });
    const home = await target.workspaces.ensureDefault();
    await target.users.addMembership({
      userId: user.id,
      workspaceId: home.id,
      role: 'owner',
      agencyId: null,
    });
    restorer = await signIn(targetApp, 'owner@example.org');
    expect(
      (await restorer.post('/api/workspaces', { slug: 'restored', name: 'Restored' })).status,
    ).toBe(201);
  });

  it('refuses a bad file with every problem and its path, writing nothing', async () => {
    const bad = JSON.parse(JSON.stringify(file)) as Record<string, unknown> & {
      collaborations: { document: { members: { agencyId: string }[] } }[];
      memberships: { userId: string }[];
    };
    const first = bad.collaborations[0];
    if (!first?.document.members[0]) throw new Error('no member to spoil');
    first.document.members[0].agencyId = 'ag-nowhere';
    bad.memberships[0] = { ...bad.memberships[0], userId: 'ghost' };
    bad.extra = true;
    const res = await restorer.post('/api/workspaces/restored/import', bad);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; issues: { path: string }[] };
    expect(body.error).toBe('invalid_document');
    expect(body.issues.map((i) => i.path)).toEqual(['extra']);

    delete bad.extra;
    const again = await restorer.post('/api/workspaces/restored/import', bad);
    const issues = ((await again.json()) as { issues: { path: string }[] }).issues;
    expect(issues.map((i) => i.path)).toEqual([
      'memberships[0].userId',
      'collaborations[0].document.members[0].agencyId',
    ]);

    const unstorable = JSON.parse(JSON.stringify(file)) as WorkspaceExport & {
      audit: { after: unknown }[];
    };
    if (unstorable.audit[0]) unstorable.audit[0].after = { note: 'a\u0000b' };
    const nul = await restorer.post('/api/workspaces/restored/import', unstorable);
    expect(nul.status).toBe(400);
    expect(await nul.json()).toMatchObject({ issues: [{ path: 'audit[0].after.note' }] });

    const notJson = await restorer.post('/api/workspaces/restored/import', '{"format":');
    expect(notJson.status).toBe(400);
    const tooLarge = await restorer.request('/api/workspaces/restored/import', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(2 ** 31) },
      body: '{}',
    });
    expect(tooLarge.status).toBe(413);
    const audit = (await (await restorer.get('/api/workspaces/restored/audit')).json()) as {
      entries: { action: string }[];
    };
    expect(audit.entries.map((e) => e.action)).toEqual(['workspace.create']);
  });

  it('restores everything, ids kept, and the import is one new audit entry after the imported ones', async () => {
    const res = await restorer.post('/api/workspaces/restored/import', file);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      collaborations: 2,
      surveyLinks: 1,
      auditEntries: file.audit.length,
      membershipsAdded: 1,
      usersCreated: ['sam@example.org'],
    });

    const again = (await (
      await restorer.get('/api/workspaces/restored/export')
    ).json()) as WorkspaceExport;
    expect(again.collaborations).toEqual(file.collaborations);
    expect(again.surveyLinks).toEqual(file.surveyLinks);
    expect(again.memberLinks).toEqual(file.memberLinks);
    expect(again.users).toEqual(file.users);
    const roles = (d: WorkspaceExport) =>
      d.memberships
        .map((m) => ({ userId: m.userId, role: m.role, agencyId: m.agencyId }))
        .sort((a, b) => a.userId.localeCompare(b.userId));
    // The restorer's own membership dates from the new workspace's creation, not the file.
    expect(roles(again)).toEqual(roles(file));
    // Before: the new workspace's creation; after: the import itself.
    expect(again.audit.map((a) => a.action)).toEqual([
      'workspace.create',
      ...file.audit.map((a) => a.action),
      'workspace.import',
    ]);
    expect(again.audit.slice(1, -1)).toEqual(file.audit);

    // The collaboration reads back through the API under its original id.
    const [first] = file.collaborations;
    const ids = (
      await target.collaborations.list((await target.workspaces.bySlug('restored'))?.id ?? '')
    ).map((c) => c.id);
    expect(ids).toContain(first?.id);
  });

  it('imports only into an empty workspace', async () => {
    const res = await restorer.post('/api/workspaces/restored/import', file);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: 'conflict' });
  });
});
