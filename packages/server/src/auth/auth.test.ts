import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreOrThrow } from '@weframe/core';
import type { Store } from '@weframe/store';
import { buildDocument } from '../../../core/src/test-support/factories.js';
import { freshStore } from '../../../store/src/test-support/fresh-store.js';
import { createApp, type App } from '../app.js';
import type { MailMessage } from './mailer.js';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './session.js';
import {
  clientFor,
  createTestUser,
  signIn,
  signedInAs,
  testHasher,
  TEST_PASSWORD,
  type TestClient,
} from './test-support/sign-in.js';

let store: Store;
let app: App;
let clock = new Date('2025-03-03T09:00:00Z');
const now = () => clock;
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};
const MINUTE = 60_000;

beforeAll(async () => {
  store = await freshStore();
  app = await createApp({ store, now, hasher: testHasher, logInfo: () => {} });
});
afterAll(async () => {
  await store.close();
});

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });

/** The attributes of the first Set-Cookie header, lower-cased names. */
function cookieAttributes(res: Response): { value: string; attributes: Map<string, string> } {
  const header = res.headers.get('set-cookie') ?? '';
  const [pair = '', ...rest] = header.split(';').map((p) => p.trim());
  const attributes = new Map(
    rest.map((p) => {
      const [k = '', v = ''] = p.split('=');
      return [k.toLowerCase(), v] as const;
    }),
  );
  return { value: pair, attributes };
}

describe('signing in and out', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and answers /me; sign-out ends the session', async () => {
    await createTestUser(store, { email: 'ana@example.org', role: 'facilitator' });
    const res = await login('Ana@Example.org ', TEST_PASSWORD);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: { email: string }; csrfToken: string };
    expect(body.user.email).toBe('ana@example.org');
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const { value, attributes } = cookieAttributes(res);
    expect(value).toMatch(/^weframe_session=[A-Za-z0-9_-]{43}$/);
    expect(attributes.has('httponly')).toBe(true);
    expect(attributes.get('samesite')).toBe('Lax');
    expect(attributes.get('path')).toBe('/');
    expect(attributes.has('secure')).toBe(false);

    const client = clientFor(app, value, body.csrfToken);
    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({
      user: { id: expect.any(String) as unknown, email: 'ana@example.org', displayName: 'ana' },
      memberships: [
        {
          workspace: { slug: 'default', name: 'Default workspace', archived: false },
          role: 'facilitator',
          agencyId: null,
        },
      ],
      csrfToken: body.csrfToken,
    });

    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('stores only a hash of the session token', async () => {
    const res = await login('ana@example.org', TEST_PASSWORD);
    const token = cookieAttributes(res).value.split('=')[1] ?? '';
    const rows = await store.db.query.sessions.findMany();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.tokenHash))).toBe(true);
  });

  it('refuses a wrong password and an unknown email alike, with 401', async () => {
    const wrong = await login('ana@example.org', 'not the password');
    const unknown = await login('nobody@example.org', TEST_PASSWORD);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('answers 401 to protected routes without a session, and serves public ones', async () => {
    const me = await app.request('/api/auth/me');
    expect(me.status).toBe(401);
    expect(await me.json()).toEqual({ error: 'unauthenticated', message: 'sign in first' });
    expect((await app.request('/api/workspaces')).status).toBe(401);
    expect((await app.request('/api/collaborations')).status).toBe(401);
    const forged = await app.request('/api/workspaces', {
      headers: { cookie: 'weframe_session=forged-token' },
    });
    expect(forged.status).toBe(401);
    expect((await app.request('/api/health')).status).toBe(200);
    expect((await app.request('/api/openapi.json')).status).toBe(200);
    // Signing out without a session is harmless.
    expect((await app.request('/api/auth/logout', { method: 'POST' })).status).toBe(204);
  });

  it('limits failed logins per address and email: the sixth try within 15 minutes gets 429', async () => {
    await createTestUser(store, { email: 'bo@example.org', role: 'viewer' });
    const from = (address: string) => ({ 'x-forwarded-for': address });
    // Without a trusted proxy every test request shares one address ("unknown").
    for (let i = 0; i < 5; i++) {
      expect((await login('bo@example.org', 'wrong password', from('x'))).status).toBe(401);
      advance(MINUTE);
    }
    const refused = await login('bo@example.org', TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: 'rate_limited' });
    // The oldest failure was 5 minutes ago: it leaves the window in 10 minutes.
    expect(refused.headers.get('retry-after')).toBe(String(10 * 60));
    // Another email from the same address is not affected.
    expect((await login('ana@example.org', TEST_PASSWORD)).status).toBe(200);

    advance(10 * MINUTE);
    expect((await login('bo@example.org', TEST_PASSWORD)).status).toBe(200);
  });
});

describe('CSRF', () => {
  let client: TestClient;
  beforeAll(async () => {
    await createTestUser(store, { email: 'cy@example.org', role: 'owner' });
    client = await signIn(app, 'cy@example.org');
  });

  it('refuses a change made with the cookie but without the right X-CSRF-Token (403 csrf)', async () => {
    const body = JSON.stringify({ slug: 'csrf-test', name: 'CSRF test' });
    const send = (headers: Record<string, string>) =>
      app.request('/api/workspaces', {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: client.cookie, ...headers },
        body,
      });
    const missing = await send({});
    expect(missing.status).toBe(403);
    expect(await missing.json()).toMatchObject({ error: 'csrf' });
    const wrong = await send({ 'x-csrf-token': 'x'.repeat(43) });
    expect(wrong.status).toBe(403);
    expect((await send({ 'x-csrf-token': client.csrfToken })).status).toBe(201);
  });

  it('does not ask for the token on reads, nor on changes made without a cookie', async () => {
    const read = await app.request('/api/workspaces', { headers: { cookie: client.cookie } });
    expect(read.status).toBe(200);
    const anonymous = await app.request('/api/workspaces', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(anonymous.status).toBe(401);
  });
});

describe('the Secure attribute', () => {
  it('is set when the public URL is https', async () => {
    const secureApp = await createApp({
      store,
      now,
      hasher: testHasher,
      publicUrl: 'https://weframe.example.org',
    });
    const res = await secureApp.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ana@example.org', password: TEST_PASSWORD }),
    });
    expect(res.status).toBe(200);
    expect(cookieAttributes(res).attributes.has('secure')).toBe(true);
  });

  it('follows X-Forwarded-Proto only behind a trusted proxy', async () => {
    const behind = await createApp({ store, now, hasher: testHasher, trustProxy: true });
    const request = (target: App, proto: string) =>
      target.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': proto },
        body: JSON.stringify({ email: 'ana@example.org', password: TEST_PASSWORD }),
      });
    expect(cookieAttributes(await request(behind, 'https')).attributes.has('secure')).toBe(true);
    expect(cookieAttributes(await request(behind, 'http')).attributes.has('secure')).toBe(false);
    expect(cookieAttributes(await request(app, 'https')).attributes.has('secure')).toBe(false);
  });
});

describe('session expiry', () => {
  it('ends a session after 12 idle hours, and after 7 days however busy', async () => {
    await createTestUser(store, { email: 'di@example.org', role: 'viewer' });
    const idle = await signIn(app, 'di@example.org');
    advance(SESSION_IDLE_MS - MINUTE);
    expect((await idle.get('/api/auth/me')).status).toBe(200);
    advance(SESSION_IDLE_MS - MINUTE);
    // Used a minute before its idle deadline, so the deadline moved on.
    expect((await idle.get('/api/auth/me')).status).toBe(200);
    advance(SESSION_IDLE_MS + MINUTE);
    expect((await idle.get('/api/auth/me')).status).toBe(401);

    const busy = await signIn(app, 'di@example.org');
    const started = clock.getTime();
    while (clock.getTime() - started < SESSION_ABSOLUTE_MS - 6 * 60 * MINUTE) {
      advance(6 * 60 * MINUTE);
      expect((await busy.get('/api/auth/me')).status).toBe(200);
    }
    advance(6 * 60 * MINUTE);
    expect((await busy.get('/api/auth/me')).status).toBe(401);
  });
});

describe('invitations, password changes and resets', () => {
  const mail: MailMessage[] = [];
  let mailing: App;
  let owner: TestClient;

  beforeAll(async () => {
    mailing = await createApp({
      store,
      now,
      hasher: testHasher,
      publicUrl: 'https://weframe.example.org/',
      mailer: { send: (m) => (mail.push(m), Promise.resolve({ sent: true })) },
    });
    await createTestUser(store, { email: 'owner@example.org', role: 'owner' });
    owner = await signIn(mailing, 'owner@example.org');
  });

  it('invites by email with a one-time link that sets the password and signs in', async () => {
    const invited = await owner.post('/api/workspaces/default/users', {
      email: 'Eve@Example.org',
      role: 'researcher',
      agencyId: 'ag-nhs',
      displayName: 'Eve Okafor',
    });
    expect(invited.status).toBe(201);
    const body = (await invited.json()) as {
      member: Record<string, unknown>;
      invitation: { url: string; expiresAt: string };
      mailed: boolean;
    };
    expect(body.member).toMatchObject({
      email: 'eve@example.org',
      displayName: 'Eve Okafor',
      role: 'researcher',
      agencyId: 'ag-nhs',
      status: 'invited',
    });
    expect(body.invitation.url).toMatch(/^https:\/\/weframe\.example\.org\/invite\/[\w-]{43}$/);
    expect(body.mailed).toBe(true);
    expect(mail.at(-1)?.text).toContain(body.invitation.url);
    const token = body.invitation.url.split('/').at(-1) ?? '';

    const tooShort = await accept(token, 'short');
    expect(tooShort.status).toBe(400);
    expect(await tooShort.json()).toMatchObject({
      error: 'bad_request',
      issues: [{ path: 'password', code: 'out_of_range' }],
    });

    const accepted = await accept(token, 'a long enough password');
    expect(accepted.status).toBe(200);
    const signedIn = (await accepted.json()) as { csrfToken: string };
    const eve = clientFor(
      mailing,
      (accepted.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      signedIn.csrfToken,
    );
    const me = (await (await eve.get('/api/auth/me')).json()) as { memberships: unknown[] };
    expect(me.memberships).toEqual([
      {
        workspace: expect.objectContaining({ slug: 'default' }) as unknown,
        role: 'researcher',
        agencyId: 'ag-nhs',
      },
    ]);

    // One time only.
    const again = await accept(token, 'another long password');
    expect(again.status).toBe(410);
    expect(await again.json()).toMatchObject({ error: 'gone' });
    expect((await login('eve@example.org', 'a long enough password')).status).toBe(200);
  });

  it('adds someone who already has an account without a link, and refuses a second invitation', async () => {
    await createTestUser(store, { email: 'fay@example.org' });
    const added = await owner.post('/api/workspaces/default/users', {
      email: 'fay@example.org',
      role: 'viewer',
    });
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ invitation: null, mailed: false });
    const twice = await owner.post('/api/workspaces/default/users', {
      email: 'fay@example.org',
      role: 'viewer',
    });
    expect(twice.status).toBe(409);
  });

  it('changes one’s own password: the current one must be right; other sessions end', async () => {
    await createTestUser(store, { email: 'gus@example.org', role: 'member' });
    const here = await signIn(mailing, 'gus@example.org');
    const elsewhere = await signIn(mailing, 'gus@example.org');

    const wrong = await here.post('/api/auth/password', {
      current: 'not my password',
      next: 'a brand new password',
    });
    expect(wrong.status).toBe(403);
    const weak = await here.post('/api/auth/password', { current: TEST_PASSWORD, next: 'short' });
    expect(weak.status).toBe(400);

    const changed = await here.post('/api/auth/password', {
      current: TEST_PASSWORD,
      next: 'a brand new password',
    });
    expect(changed.status).toBe(204);
    expect((await here.get('/api/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
    expect((await login('gus@example.org', TEST_PASSWORD)).status).toBe(401);
    expect((await login('gus@example.org', 'a brand new password')).status).toBe(200);
  });

  it('resets another user’s access: their sessions and password stop working, a new link does', async () => {
    const hal = await createTestUser(store, { email: 'hal@example.org', role: 'facilitator' });
    const session = await signIn(mailing, 'hal@example.org');
    const reset = await owner.post(`/api/workspaces/default/users/${hal.id}/reset`);
    expect(reset.status).toBe(200);
    const { link } = (await reset.json()) as { link: { url: string } };
    expect(link.url).toMatch(/^https:\/\/weframe\.example\.org\/reset\/[\w-]{43}$/);

    expect((await session.get('/api/auth/me')).status).toBe(401);
    expect((await login('hal@example.org', TEST_PASSWORD)).status).toBe(401);
    const accepted = await accept(link.url.split('/').at(-1) ?? '', 'hal’s new password');
    expect(accepted.status).toBe(200);
    expect((await login('hal@example.org', 'hal’s new password')).status).toBe(200);
  });

  it('does not let an owner reset someone who also belongs to a workspace they do not own', async () => {
    const other = await store.workspaces.create({ slug: 'elsewhere', name: 'Elsewhere' });
    const ivy = await createTestUser(store, { email: 'ivy@example.org', role: 'viewer' });
    await store.users.addMembership({
      userId: ivy.id,
      workspaceId: other.id,
      role: 'owner',
      agencyId: null,
    });
    const refused = await owner.post(`/api/workspaces/default/users/${ivy.id}/reset`);
    expect(refused.status).toBe(403);
    expect((await login('ivy@example.org', TEST_PASSWORD)).status).toBe(200);
  });

  it('without SMTP, sends nothing, says so in the log (without the link) and returns the link', async () => {
    const log: string[] = [];
    const plain = await createApp({ store, now, hasher: testHasher, logInfo: (l) => log.push(l) });
    const owner2 = await signIn(plain, 'owner@example.org');
    const res = await owner2.post('/api/workspaces/default/users', {
      email: 'uma@example.org',
      role: 'viewer',
    });
    const body = (await res.json()) as { invitation: { url: string }; mailed: boolean };
    expect(body.mailed).toBe(false);
    expect(body.invitation.url).toMatch(/^\/invite\/[\w-]{43}$/);
    expect(log).toEqual([
      expect.stringMatching(/^mail to uma@example\.org not sent: no SMTP configured/),
    ]);
    expect(log.join('')).not.toContain(body.invitation.url.split('/').at(-1));
  });

  function accept(token: string, password: string) {
    return mailing.request('/api/auth/accept', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, password }),
    });
  }
});

describe('roles per workspace', () => {
  it('lets owners manage members only in workspaces they own; others get 403, strangers 404', async () => {
    const north = await store.workspaces.create({ slug: 'north', name: 'North' });
    const south = await store.workspaces.create({ slug: 'south', name: 'South' });
    await store.workspaces.create({ slug: 'west', name: 'West' });
    await createTestUser(store, { email: 'jo@example.org', role: 'owner', workspaceId: north.id });
    await createTestUser(store, { email: 'jo@example.org', role: 'viewer', workspaceId: south.id });
    const jo = await signIn(app, 'jo@example.org');

    expect((await jo.get('/api/workspaces/north/users')).status).toBe(200);
    const south403 = await jo.get('/api/workspaces/south/users');
    expect(south403.status).toBe(403);
    expect(await south403.json()).toMatchObject({ error: 'forbidden' });
    expect((await jo.get('/api/workspaces/west/users')).status).toBe(404);
    expect((await jo.get('/api/workspaces/nowhere/users')).status).toBe(404);
    expect(
      (await jo.post('/api/workspaces/south/users', { email: 'x@example.org', role: 'owner' }))
        .status,
    ).toBe(403);

    const mine = (await (await jo.get('/api/workspaces')).json()) as {
      workspaces: { slug: string; role: string }[];
    };
    expect(mine.workspaces.map((w) => [w.slug, w.role])).toEqual([
      ['north', 'owner'],
      ['south', 'viewer'],
    ]);
  });

  it('changes a role and an agency; refuses to demote or remove the last owner', async () => {
    const owner = await signedInAs(app, store, {
      email: 'kim@example.org',
      role: 'owner',
      workspaceId: (await store.workspaces.create({ slug: 'east', name: 'East' })).id,
    });
    const kim = await store.users.byEmail('kim@example.org');
    const demote = await owner.patch(`/api/workspaces/east/users/${kim?.id}`, { role: 'viewer' });
    expect(demote.status).toBe(409);
    expect((await owner.delete(`/api/workspaces/east/users/${kim?.id}`)).status).toBe(409);

    const invited = await owner.post('/api/workspaces/east/users', {
      email: 'lee@example.org',
      role: 'member',
    });
    const { member } = (await invited.json()) as { member: { userId: string } };
    const changed = await owner.patch(`/api/workspaces/east/users/${member.userId}`, {
      role: 'facilitator',
      agencyId: 'ag-school',
    });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({
      member: { role: 'facilitator', agencyId: 'ag-school' },
    });
    const empty = await owner.patch(`/api/workspaces/east/users/${member.userId}`, {});
    expect(empty.status).toBe(400);
    const unknownField = await owner.patch(`/api/workspaces/east/users/${member.userId}`, {
      role: 'viewer',
      isAdmin: true,
    });
    expect(unknownField.status).toBe(400);
    expect(await unknownField.json()).toMatchObject({
      issues: [{ code: 'unrecognized_key', path: 'isAdmin' }],
    });
    expect((await owner.delete(`/api/workspaces/east/users/${member.userId}`)).status).toBe(204);
    const left = (await (await owner.get('/api/workspaces/east/users')).json()) as {
      members: { email: string }[];
    };
    expect(left.members.map((m) => m.email)).toEqual(['kim@example.org']);
  });

  it('lets owners create workspaces (becoming their owner), and no one else', async () => {
    const viewer = await signedInAs(app, store, { email: 'max@example.org', role: 'viewer' });
    expect((await viewer.post('/api/workspaces', { slug: 'mine', name: 'Mine' })).status).toBe(403);
    const owner = await signIn(app, 'kim@example.org');
    const created = await owner.post('/api/workspaces', { slug: 'kims', name: 'Kim’s' });
    expect(created.status).toBe(201);
    const taken = await owner.post('/api/workspaces', { slug: 'kims', name: 'Again' });
    expect(taken.status).toBe(409);
    const bad = await owner.post('/api/workspaces', { slug: 'Not A Slug', name: '' });
    expect(bad.status).toBe(400);
    expect(
      ((await bad.json()) as { issues: { path: string }[] }).issues.map((i) => i.path),
    ).toEqual(['slug', 'name']);
    const members = (await (await owner.get('/api/workspaces/kims/users')).json()) as {
      members: { email: string; role: string }[];
    };
    expect(members.members).toEqual([
      expect.objectContaining({ email: 'kim@example.org', role: 'owner' }),
    ]);
  });
});

describe('the audit log', () => {
  it('records membership changes with who, what and before/after; owners read it, newest first', async () => {
    const ws = await store.workspaces.create({ slug: 'audited', name: 'Audited' });
    const owner = await signedInAs(app, store, {
      email: 'nia@example.org',
      role: 'owner',
      workspaceId: ws.id,
    });
    const nia = await store.users.byEmail('nia@example.org');
    const invited = await owner.post('/api/workspaces/audited/users', {
      email: 'oli@example.org',
      role: 'viewer',
    });
    const { member } = (await invited.json()) as { member: { userId: string } };
    await owner.patch(`/api/workspaces/audited/users/${member.userId}`, { role: 'facilitator' });
    await owner.post('/api/workspaces/audited/archive');
    await owner.post('/api/workspaces/audited/restore');

    const page1 = await owner.get('/api/workspaces/audited/audit?limit=2');
    expect(page1.status).toBe(200);
    const first = (await page1.json()) as {
      entries: { id: number; action: string; actor: string; actorEmail: string }[];
      next: number;
    };
    expect(first.entries.map((e) => e.action)).toEqual(['workspace.restore', 'workspace.archive']);
    expect(first.entries[0]).toMatchObject({ actor: nia?.id, actorEmail: 'nia@example.org' });
    const page2 = (await (
      await owner.get(`/api/workspaces/audited/audit?limit=2&before=${first.next}`)
    ).json()) as { entries: Record<string, unknown>[]; next: number | null };
    expect(page2.entries).toEqual([
      expect.objectContaining({
        action: 'membership.update',
        targetKind: 'membership',
        targetId: member.userId,
        before: { role: 'viewer', agencyId: null },
        after: { role: 'facilitator', agencyId: null },
      }),
      expect.objectContaining({
        action: 'membership.invite',
        after: { email: 'oli@example.org', role: 'viewer', agencyId: null },
      }),
    ]);
    expect(page2.next).toBeNull();

    // Signing in is not a change and is not logged.
    await signIn(app, 'nia@example.org');
    const again = (await (await owner.get('/api/workspaces/audited/audit')).json()) as {
      entries: unknown[];
    };
    expect(again.entries).toHaveLength(4);

    await createTestUser(store, {
      email: 'oli@example.org',
      role: 'facilitator',
      workspaceId: ws.id,
    });
    const oli = await signIn(app, 'oli@example.org');
    expect((await oli.get('/api/workspaces/audited/audit')).status).toBe(403);
    expect((await owner.get('/api/workspaces/audited/audit?limit=0')).status).toBe(400);
  });
});

describe('archiving a workspace', () => {
  it('freezes it: members lose access, owners can still list, export and restore it', async () => {
    const ws = await store.workspaces.create({ slug: 'frozen', name: 'Frozen' });
    const owner = await signedInAs(app, store, {
      email: 'pat@example.org',
      role: 'owner',
      workspaceId: ws.id,
    });
    const { id } = await store.collaborations.importDocument(
      ws.id,
      restoreOrThrow(buildDocument()),
      { actor: 'test' },
    );
    expect((await owner.get(`/api/collaborations/${id}`)).status).toBe(200);
    const archived = await owner.post('/api/workspaces/frozen/archive');
    expect(archived.status).toBe(200);
    expect(await archived.json()).toMatchObject({
      workspace: { slug: 'frozen', archivedAt: clock.toISOString() },
    });
    expect((await owner.post('/api/workspaces/frozen/archive')).status).toBe(200);

    const invite = await owner.post('/api/workspaces/frozen/users', {
      email: 'quinn@example.org',
      role: 'viewer',
    });
    expect(invite.status).toBe(409);
    expect((await owner.get('/api/workspaces/frozen/users')).status).toBe(200);
    expect((await owner.get('/api/workspaces/frozen/export')).status).toBe(200);
    const me = (await (await owner.get('/api/auth/me')).json()) as {
      memberships: { workspace: { slug: string; archived: boolean } }[];
    };
    expect(me.memberships.find((m) => m.workspace.slug === 'frozen')?.workspace.archived).toBe(
      true,
    );

    expect((await owner.get(`/api/collaborations/${id}`)).status).toBe(404);

    expect((await owner.post('/api/workspaces/frozen/restore')).status).toBe(200);
    expect((await owner.get(`/api/collaborations/${id}`)).status).toBe(200);
    const after = await owner.post('/api/workspaces/frozen/users', {
      email: 'quinn@example.org',
      role: 'viewer',
    });
    expect(after.status).toBe(201);
  });

  it('is for owners only', async () => {
    const ws = await store.workspaces.create({ slug: 'kept', name: 'Kept' });
    const facilitator = await signedInAs(app, store, {
      email: 'rae@example.org',
      role: 'facilitator',
      workspaceId: ws.id,
    });
    expect((await facilitator.post('/api/workspaces/kept/archive')).status).toBe(403);
  });
});

describe('bad input', () => {
  it('is refused with 4xx and the problem’s path, never a 500', async () => {
    await createTestUser(store, { email: 'sol@example.org', role: 'owner' });
    const owner = await signIn(app, 'sol@example.org');
    const nul = await login('sol\u0000@example.org', TEST_PASSWORD);
    expect(nul.status).toBe(400);
    expect(await nul.json()).toMatchObject({ issues: [{ path: 'email' }] });
    const cases: [() => Promise<Response>, number][] = [
      [() => owner.get('/api/workspaces/%00/users'), 400],
      [() => owner.get(`/api/workspaces/default/users/${'x'.repeat(300)}`), 404],
      [
        () =>
          owner.post('/api/workspaces/default/users', {
            email: 'a@b.org',
            role: 'owner',
            agencyId: 'a\u0000',
          }),
        400,
      ],
      [
        () => owner.post('/api/workspaces/default/users', { email: 'not an email', role: 'king' }),
        400,
      ],
      [() => owner.post('/api/workspaces', '{"slug": "x",'), 400],
      [() => owner.post('/api/workspaces', 'null'), 400],
      [() => owner.post('/api/workspaces', [1, 2]), 400],
      [() => owner.get('/api/workspaces/default/audit?limit=x&before=-1'), 400],
      [() => owner.patch('/api/workspaces/default/users/nobody', { role: 'viewer' }), 404],
      [() => owner.post('/api/workspaces/default/users/nobody/reset'), 404],
      [() => owner.delete('/api/workspaces/default/users/nobody'), 404],
      [
        () =>
          owner.request('/api/auth/password', {
            method: 'POST',
            headers: { 'content-type': 'text/plain' },
            body: 'current=x&next=y',
          }),
        415,
      ],
    ];
    for (const [send, status] of cases) {
      const res = await send();
      const body = (await res.json()) as { error: unknown; message: unknown };
      expect([res.status, typeof body.error, typeof body.message], res.url).toEqual([
        status,
        'string',
        'string',
      ]);
    }
  });
});
