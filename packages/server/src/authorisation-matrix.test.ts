/**
 * The authorisation matrix: every route of ROUTE_TABLE × every role (and anonymous) × the
 * user's own workspace, another workspace, and a record confidential to another agency.
 * A cell POLICY does not allow must never succeed; nothing of another workspace is ever
 * answered with 2xx; a confidential record of another agency is never returned.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store, WorkspaceRow } from '@weframe/store';
import { freshStore } from '../../store/src/test-support/fresh-store.js';
import { buildRichDocument } from '../../store/src/test-support/document.factory.js';
import { createApp, type App } from './app.js';
import { POLICY, ROLES, type Role } from './policy.js';
import { ROUTE_TABLE, type RouteEntry } from './route-table.js';
import { actingAs, signedIn, type SignedIn } from './test-support/signed-in.js';

type Json = Record<string, unknown>;
type Scope = 'own' | 'other';

/** A case confidential to an agency none of the test users belongs to. */
const SECRET_ID = 'case-secret-zq9';

let store: Store;
let app: App;
let home: WorkspaceRow;
let elsewhere: WorkspaceRow;
const users = new Map<Role, SignedIn>();
const errors: unknown[] = [];
const ids = {
  own: { collaboration: 'collab-home', wave: '', link: '', userId: 'u-viewer' },
  other: { collaboration: 'collab-elsewhere', wave: '', link: '', userId: 'u-owner2' },
};
/** An existing record id of each collection (the same in both collaborations). */
const recordIds = new Map<string, string>();

beforeAll(async () => {
  store = await freshStore();
  app = await createApp({ store, logError: (_m, e) => errors.push(e) });
  home = await store.workspaces.ensureDefault();
  elsewhere = await store.workspaces.create({ slug: 'elsewhere', name: 'Elsewhere' });

  for (const role of ROLES) {
    users.set(
      role,
      await signedIn(store, {
        id: `u-${role}`,
        workspaceId: home.id,
        role,
        agencyId: 'ag-school',
      }),
    );
  }
  const owner = actingAs(app, users.get('owner') as SignedIn);
  const owner2 = actingAs(
    app,
    await signedIn(store, { id: 'u-owner2', workspaceId: elsewhere.id, role: 'owner' }),
  );

  const rich = buildRichDocument() as unknown as Json;
  const homeDocument = withId(ids.own.collaboration);
  homeDocument.cases = [
    ...(rich.cases as Json[]),
    { id: SECRET_ID, pseudonym: 'Hidden child', confidentialTo: 'ag-nhs' },
  ];
  for (const [key, value] of Object.entries(rich)) {
    const first = Array.isArray(value) ? (value as Json[]).find((r) => !r.confidentialTo) : null;
    if (first && typeof first.id === 'string') recordIds.set(key, first.id);
  }

  const imported = [
    await owner.post(`/api/collaborations?workspace=${home.slug}`, homeDocument),
    await owner2.post(
      `/api/collaborations?workspace=${elsewhere.slug}`,
      withId(ids.other.collaboration),
    ),
  ];
  for (const [index, scope] of (['own', 'other'] as const).entries()) {
    const res = imported[index] as Response;
    expect(res.status, await res.clone().text()).toBe(201);
    ids[scope].collaboration = ((await res.json()) as { id: string }).id;
  }

  // The member is part of the home collaboration, so their 'own' reach has something to reach.
  const member = users.get('member') as SignedIn;
  await signedIn(store, {
    id: member.userId,
    workspaceId: home.id,
    role: 'member',
    links: [{ collaborationId: ids.own.collaboration, memberId: 'm-teacher' }],
  });

  for (const [scope, client] of [
    ['own', owner],
    ['other', owner2],
  ] as const) {
    const opened = await client.post(`/api/collaborations/${ids[scope].collaboration}/waves`, {
      name: 'Matrix wave',
      mode: 'anonymous',
    });
    expect(opened.status).toBe(201);
    ids[scope].wave = ((await opened.json()) as { id: string }).id;
    const invited = await client.post(`/api/waves/${ids[scope].wave}/invitations`, { count: 1 });
    expect(invited.status).toBe(201);
    const { links } = (await invited.json()) as { links: { id: string }[] };
    ids[scope].link = links[0]?.id ?? '';
  }
});

afterAll(async () => {
  await store.close();
});

/** The rich document under another collaboration id (it is referred to inside). */
function withId(id: string): Json {
  return JSON.parse(JSON.stringify(buildRichDocument()).replaceAll('collab-rich', id)) as Json;
}

/** The route's path with every parameter filled in for the scope. */
function pathFor(route: RouteEntry, scope: Scope, recordId?: string): string {
  const s = ids[scope];
  const collection = /^\/api\/collaborations\/:id\/(\w+)\/:recordId$/.exec(route.path)?.[1];
  let path = route.path
    .replace(':id', s.collaboration)
    .replace(':recordId', recordId ?? recordIds.get(collection ?? '') ?? 'no-such-record')
    .replace(':ws', scope === 'own' ? home.slug : elsewhere.slug)
    .replace(':userId', s.userId)
    .replace(':waveId', s.wave)
    .replace(':linkId', s.link)
    .replace(':token', 'no-such-token');
  if (path === '/api/collaborations')
    path += `?workspace=${scope === 'own' ? home.slug : elsewhere.slug}`;
  if (route.method === 'DELETE' && route.path.endsWith(':recordId')) path += '?version=1';
  return path;
}

/** A body plausible enough to get past validation to the authorisation check. */
function bodyFor(route: RouteEntry): unknown {
  const key = `${route.method} ${route.path}`;
  switch (key) {
    case 'POST /api/collaborations':
      return withId('collab-new');
    case 'PATCH /api/collaborations/:id':
      return { name: 'Renamed' };
    case 'POST /api/collaborations/:id/waves':
      return { name: 'Another wave', mode: 'anonymous' };
    case 'POST /api/waves/:waveId/invitations':
      return { count: 1 };
    case 'POST /api/workspaces':
      return { slug: 'made-here', name: 'Made here' };
    case 'POST /api/workspaces/:ws/users':
      return { email: 'new-person@example.org', role: 'viewer' };
    case 'PATCH /api/workspaces/:ws/users/:userId':
      return { role: 'member' };
    default:
      if (route.method === 'POST' && route.path.startsWith('/api/collaborations/:id/'))
        return { id: 'rec-new', name: 'New record' };
      if (route.method === 'PUT') return { id: 'rec-new', version: 1, name: 'Changed' };
      return {};
  }
}

async function send(route: RouteEntry, path: string, user: SignedIn | null): Promise<Response> {
  const headers: Record<string, string> = {};
  if (user) {
    headers.cookie = user.cookie;
    headers['x-csrf-token'] = user.csrf;
  }
  const init: RequestInit = { method: route.method, headers };
  if (route.method !== 'GET' && route.method !== 'DELETE') {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(bodyFor(route));
  }
  return app.request(path, init);
}

/** Whether the role table lets the role perform the route's action in its own workspace. */
function allowed(route: RouteEntry, role: Role): boolean {
  if (route.access === 'public' || route.access === 'self') return true;
  if (route.access === 'anyOwner') return role === 'owner';
  const row: Partial<Record<Role, string>> = POLICY[route.access];
  return row[role] !== undefined;
}

/**
 * Record routes are one loop over the editable collections, alike but for the 'own' rules;
 * the matrix walks the collections those rules single out, plus cases (the confidential one),
 * so it stays a few hundred requests. The table test above still covers every collection.
 */
const MATRIX_COLLECTIONS = new Set(['members', 'roleClaims', 'activities', 'cases', 'goals']);
const inMatrix = (r: RouteEntry) =>
  !r.access.startsWith('record.') ||
  MATRIX_COLLECTIONS.has(/^\/api\/collaborations\/:id\/(\w+)/.exec(r.path)?.[1] ?? '');
const protectedRoutes = ROUTE_TABLE.filter((r) => r.access !== 'public' && inMatrix(r));
const workspaceRoutes = protectedRoutes.filter((r) => !['self', 'anyOwner'].includes(r.access));
/**
 * The workspace export is the owner's full backup, and export → import must give back
 * identical data (PRODUCT.md), so it carries every record, confidential ones included.
 */
const FULL_BACKUP = new Set(['GET /api/workspaces/:ws/export']);

describe('the route table', () => {
  it('names every /api route the app registers, and nothing it does not', () => {
    const key = (method: string, path: string) => `${method} ${path}`;
    const registered = new Set(
      app.routes
        .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && r.path !== '/api/*')
        .map((r) => key(r.method, r.path)),
    );
    const table = new Set(ROUTE_TABLE.map((r) => key(r.method, r.path)));
    expect([...registered].filter((k) => !table.has(k))).toEqual([]);
    expect([...table].filter((k) => !registered.has(k))).toEqual([]);
    expect(table.size).toBe(ROUTE_TABLE.length);
  });
});

describe('the authorisation matrix', () => {
  it('refuses anonymous callers on every route that is not public', async () => {
    const succeeded: string[] = [];
    for (const route of protectedRoutes) {
      const path = pathFor(route, 'own');
      const res = await send(route, path, null);
      if (res.ok) succeeded.push(`${route.method} ${path} → ${res.status}`);
    }
    expect(succeeded).toEqual([]);
  });

  it.each(ROLES)(
    'lets a %s do in their own workspace only what the role table allows, never showing another agency’s confidential record',
    async (role) => {
      const user = users.get(role) as SignedIn;
      const violations: string[] = [];
      for (const route of protectedRoutes) {
        const may = allowed(route, role);
        // Allowed changes are not sent: they would change what later cells see.
        if (may && route.method !== 'GET') continue;
        const path = pathFor(route, 'own');
        const res = await send(route, path, user);
        if (!may && res.ok) violations.push(`${route.method} ${path} → ${res.status}`);
        const backup = FULL_BACKUP.has(`${route.method} ${route.path}`);
        if (res.ok && !backup && (await res.text()).includes(SECRET_ID))
          violations.push(`${route.method} ${path} shows ${SECRET_ID}`);
      }
      expect(violations).toEqual([]);
    },
  );

  it.each(ROLES)('never answers a %s with 2xx about another workspace', async (role) => {
    const user = users.get(role) as SignedIn;
    const violations: string[] = [];
    for (const route of workspaceRoutes) {
      const path = pathFor(route, 'other');
      const res = await send(route, path, user);
      if (res.ok) violations.push(`${route.method} ${path} → ${res.status}`);
    }
    expect(violations).toEqual([]);
  });

  it.each(ROLES)('never returns another agency’s confidential record to a %s', async (role) => {
    const user = users.get(role) as SignedIn;
    const client = actingAs(app, user);
    const base = `/api/collaborations/${ids.own.collaboration}`;
    expect((await client.get(`${base}/cases/${SECRET_ID}`)).status).toBe(404);
    for (const path of [base, `${base}/cases`]) {
      const res = await client.get(path);
      if (res.ok) expect(await res.text()).not.toContain(SECRET_ID);
    }
  });

  it('met no unexpected server error', () => {
    expect(errors).toEqual([]);
  });
});
