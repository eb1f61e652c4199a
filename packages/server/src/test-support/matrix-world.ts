/**
 * The fixtures the authorisation matrix walks: a home workspace with one user per role (all
 * of agency ag-school), another workspace, a collaboration in each made from the rich sample
 * document, records confidential to another agency in every collection, the member's own
 * records, waves and links. See route-cases.ts for how requests are built on it.
 */
import { restoreOrThrow } from '@weframe/core';
import type { Store } from '@weframe/store';
import { buildRichDocument } from '../../../store/src/test-support/document.factory.js';
import { createTestUser, TEST_PASSWORD, testHasher } from '../auth/test-support/sign-in.js';
import { createApp } from '../app.js';
import { ROLES, type Role } from '../policy.js';
import { EDITABLE_COLLECTIONS, type EditableCollection } from '../record.service.js';
import { NEW_RECORDS, smallDocument, type MatrixWorld, type ScopeIds } from './route-cases.js';
import { actingAs, signedIn, type Client, type SignedIn } from './signed-in.js';

type Json = Record<string, unknown>;

/** The agency every role user belongs to. */
export const HOME_AGENCY = 'ag-school';
/** The agency the secret records are confidential to (no test user belongs to it). */
export const SECRET_AGENCY = 'ag-nhs';
/** The marker in every secret record's text and id. */
export const SECRET_MARK = 'zq9';

/**
 * Text that must never reach a user of the home agency: the marker of the secret records,
 * and content of the rich document's own records confidential to other agencies.
 */
export const SECRET_TEXTS = [
  SECRET_MARK,
  'Zoë Ørsted',
  'Arrest; school not told',
  'Interview with the OT',
] as const;

/** The rich document under another collaboration id (it is referred to inside). */
function richDocument(id: string): Json {
  return JSON.parse(JSON.stringify(buildRichDocument()).replaceAll('collab-rich', id)) as Json;
}

async function expectStatus(res: Response, status: number, what: string): Promise<Json> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${text.slice(0, 500)}`);
  return text === '' ? {} : (JSON.parse(text) as Json);
}

/** Builds the world on a fresh store; `errors` collects what the app logs as unexpected. */
export async function buildMatrixWorld(store: Store, errors: unknown[]): Promise<MatrixWorld> {
  const app = await createApp({
    store,
    hasher: testHasher,
    logError: (_m, e) => errors.push(e),
    logInfo: () => {},
  });
  const home = await store.workspaces.ensureDefault();
  const elsewhere = await store.workspaces.create({ slug: 'elsewhere', name: 'Elsewhere' });
  let counter = 0;
  const next = () => ++counter;
  const passwords = new Map<string, string>();
  const passwordHash = await testHasher.hash(TEST_PASSWORD);

  const roleUser = (role: Role) => ({
    id: `u-${role}`,
    workspaceId: home.id,
    role,
    agencyId: HOME_AGENCY,
  });
  const sessions = new Map<Role, SignedIn>();
  for (const role of ROLES) {
    sessions.set(role, await signedIn(store, roleUser(role)));
    await store.users.setPasswordHash(`u-${role}`, passwordHash);
    passwords.set(`u-${role}`, TEST_PASSWORD);
  }
  const login = await createTestUser(store, { email: 'u-login@example.org', role: 'viewer' });
  passwords.set('u-login', TEST_PASSWORD);
  void login;
  await signedIn(store, { id: 'u-target', workspaceId: home.id, role: 'viewer' });

  const owner = actingAs(app, sessions.get('owner') as SignedIn);
  const otherOwner = actingAs(
    app,
    await signedIn(store, { id: 'u-owner2', workspaceId: elsewhere.id, role: 'owner' }),
  );

  // Home: the rich document plus, in every collection, a record confidential to the NHS trust.
  const secret = {} as Record<EditableCollection, string>;
  const homeDocument = richDocument('collab-home');
  for (const collection of EDITABLE_COLLECTIONS) {
    const id = `${SECRET_MARK}-secret-${collection}`;
    secret[collection] = id;
    const list = (homeDocument[collection] as Json[] | undefined) ?? [];
    list.push({
      ...NEW_RECORDS[collection]({ id, memberId: 'm-sw', text: `${SECRET_MARK} hidden` }),
      confidentialTo: SECRET_AGENCY,
    });
    homeDocument[collection] = list;
  }
  const homeId = String(
    (
      await expectStatus(
        await owner.post(`/api/collaborations?workspace=${home.slug}`, homeDocument),
        201,
        'importing the home collaboration',
      )
    ).id,
  );
  const otherId = String(
    (
      await expectStatus(
        await otherOwner.post(
          `/api/collaborations?workspace=${elsewhere.slug}`,
          richDocument('collab-elsewhere'),
        ),
        201,
        'importing the other collaboration',
      )
    ).id,
  );

  // The member user is the school's teacher in the home collaboration.
  const memberId = 'm-teacher';
  await signedIn(store, {
    ...roleUser('member'),
    links: [{ collaborationId: homeId, memberId }],
  });
  const member = actingAs(app, sessions.get('member') as SignedIn);

  const create = async (
    client: Client,
    collaborationId: string,
    collection: EditableCollection,
    id: string,
    memberOf: string,
  ) => {
    const body = NEW_RECORDS[collection]({ id, memberId: memberOf, text: `Record ${id}` });
    await expectStatus(
      await client.post(`/api/collaborations/${collaborationId}/${collection}`, body),
      201,
      `creating ${collection}/${id}`,
    );
    return id;
  };

  const shared = {} as Record<EditableCollection, string>;
  for (const collection of EDITABLE_COLLECTIONS) {
    shared[collection] = await create(owner, homeId, collection, `shared-${collection}`, 'm-sw');
    await create(otherOwner, otherId, collection, `shared-${collection}`, 'm-sw');
  }
  const memberOwn: Partial<Record<EditableCollection, string>> = { members: memberId };
  for (const collection of ['roleClaims', 'activities', 'communications', 'caseEvents'] as const)
    memberOwn[collection] = await create(member, homeId, collection, `own-${collection}`, memberId);

  const waveOf = async (client: Client, collaborationId: string) =>
    String(
      (
        await expectStatus(
          await client.post(`/api/collaborations/${collaborationId}/waves`, {
            name: `Matrix wave ${next()}`,
            mode: 'anonymous',
          }),
          201,
          'opening a wave',
        )
      ).id,
    );
  const linkOf = async (client: Client, waveId: string) => {
    const { links } = (await expectStatus(
      await client.post(`/api/waves/${waveId}/invitations`, { count: 1 }),
      201,
      'inviting',
    )) as { links: { id: string; url: string }[] };
    const link = links[0];
    if (!link) throw new Error('no link issued');
    return { id: link.id, token: link.url.split('/').pop() ?? '' };
  };

  const ownWave = await waveOf(owner, homeId);
  const ownLink = await linkOf(owner, ownWave);
  const otherWave = await waveOf(otherOwner, otherId);
  const otherLink = await linkOf(otherOwner, otherWave);
  // Three answers in each main wave, so that figures and downloads of answers exist.
  for (const [client, waveId] of [
    [owner, ownWave],
    [otherOwner, otherWave],
  ] as const) {
    for (let i = 0; i < 3; i++) {
      const { token } = await linkOf(client, waveId);
      const res = await app.request('/api/responses', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `setup-${next()}` },
        body: JSON.stringify({ token, answers: { TR1: 2 + i, PU1: 4 } }),
      });
      await expectStatus(res, 201, 'answering the survey');
    }
  }
  const own: ScopeIds = {
    slug: home.slug,
    collaboration: homeId,
    wave: ownWave,
    link: ownLink.id,
    token: ownLink.token,
    userId: 'u-target',
  };
  const other: ScopeIds = {
    slug: elsewhere.slug,
    collaboration: otherId,
    wave: otherWave,
    link: otherLink.id,
    token: otherLink.token,
    userId: 'u-owner2',
  };
  const clientOf = (scope: 'own' | 'other') => (scope === 'own' ? owner : otherOwner);
  const idsOfScope = (scope: 'own' | 'other') => (scope === 'own' ? own : other);

  const stored = async (collaborationId: string, collection: string, id: string) => {
    const row = await store.records.get(collaborationId, collection, id);
    if (!row) throw new Error(`no stored ${collection}/${id}`);
    return row;
  };

  return {
    app,
    store,
    home,
    elsewhere,
    sessions,
    passwords,
    owner,
    otherOwner,
    memberId,
    own,
    other,
    shared,
    secret,
    memberOwn,
    next,
    freshSession: (role) => signedIn(store, roleUser(role)),
    async freshWorkspace(options = {}) {
      const n = next();
      const workspace = await store.workspaces.create({ slug: `ws-${n}`, name: `Workspace ${n}` });
      for (const role of ROLES)
        await store.users.addMembership({
          userId: `u-${role}`,
          workspaceId: workspace.id,
          role,
          agencyId: HOME_AGENCY,
        });
      if (options.archived) await store.workspaces.setArchived(workspace.id, new Date());
      return workspace;
    },
    async freshCollaboration(options = {}) {
      const doc = restoreOrThrow(smallDocument(`collab-fresh-${next()}`));
      const { id } = await store.collaborations.importDocument(home.id, doc, {
        actor: 'u-owner',
      });
      if (options.archived) await store.records.setArchived(id, new Date());
      return id;
    },
    async freshUser() {
      const id = `victim-${next()}`;
      await signedIn(store, { id, workspaceId: home.id, role: 'viewer' });
      return id;
    },
    freshWave: (scope) => waveOf(clientOf(scope), idsOfScope(scope).collaboration),
    freshLink: (scope) => linkOf(clientOf(scope), idsOfScope(scope).wave),
    freshRecord: (collection, by) =>
      create(
        by === 'member' ? member : owner,
        homeId,
        collection,
        `fresh-${collection}-${next()}`,
        by === 'member' ? memberId : 'm-sw',
      ),
    versionOf: async (collaborationId, collection, id) =>
      (await stored(collaborationId, collection, id)).version,
    recordOf: async (collaborationId, collection, id) => ({
      ...(await stored(collaborationId, collection, id)).data,
    }),
    async collaborationVersion(collaborationId) {
      const row = await store.collaborations.get(collaborationId);
      if (!row) throw new Error(`no collaboration ${collaborationId}`);
      return row.version;
    },
  };
}
