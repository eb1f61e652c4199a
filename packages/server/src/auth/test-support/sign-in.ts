/**
 * Test helpers: users made straight in the store with a cheap password hash, and clients
 * that sign in over HTTP and then send the session cookie and CSRF token on every request.
 */
import type { Store, UserRow } from '@weframe/store';
import { scryptHasher } from '../password.js';
import type { Role } from '../../policy.js';

/** scrypt at a tiny cost, so tests do not spend a second per login. */
export const testHasher = scryptHasher({ log2N: 4, r: 8, p: 1 });

/** The password every test user gets unless told otherwise. */
export const TEST_PASSWORD = 'correct horse battery';

/** Anything with Hono's in-process `request`. */
export interface RequestTarget {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

/** Creates a user (if missing) with a password and a membership in the workspace. */
export async function createTestUser(
  store: Store,
  input: {
    email: string;
    role?: Role;
    workspaceId?: string;
    agencyId?: string | null;
    password?: string;
    displayName?: string;
  },
): Promise<UserRow> {
  const passwordHash = await testHasher.hash(input.password ?? TEST_PASSWORD);
  let user = await store.users.byEmail(input.email);
  if (user) {
    await store.users.setPasswordHash(user.id, passwordHash);
  } else {
    user = await store.users.create({
      email: input.email,
      displayName: input.displayName ?? input.email.split('@')[0] ?? input.email,
      passwordHash,
    });
  }
  if (input.role) {
    const workspaceId = input.workspaceId ?? (await store.workspaces.ensureDefault()).id;
    if (!(await store.users.membership(user.id, workspaceId))) {
      await store.users.addMembership({
        userId: user.id,
        workspaceId,
        role: input.role,
        agencyId: input.agencyId ?? null,
      });
    }
  }
  return user;
}

/** A signed-in client: sends the session cookie, and the CSRF token on changes. */
export interface TestClient {
  readonly cookie: string;
  readonly csrfToken: string;
  request(path: string, init?: RequestInit): Promise<Response>;
  get(path: string): Promise<Response>;
  post(path: string, body?: unknown): Promise<Response>;
  patch(path: string, body?: unknown): Promise<Response>;
  put(path: string, body?: unknown): Promise<Response>;
  delete(path: string): Promise<Response>;
}

/** Signs in over HTTP; throws with the server's answer when sign-in fails. */
export async function signIn(
  app: RequestTarget,
  email: string,
  password = TEST_PASSWORD,
): Promise<TestClient> {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return clientFor(app, cookie, csrfToken);
}

/** A client over an existing cookie and CSRF token. */
export function clientFor(app: RequestTarget, cookie: string, csrfToken: string): TestClient {
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', cookie);
    if (!headers.has('x-csrf-token')) headers.set('x-csrf-token', csrfToken);
    return app.request(path, { ...init, headers });
  };
  const withBody = (method: string) => (path: string, body?: unknown) =>
    request(path, {
      method,
      ...(body === undefined
        ? {}
        : {
            headers: { 'content-type': 'application/json' },
            body: typeof body === 'string' ? body : JSON.stringify(body),
          }),
    });
  return {
    cookie,
    csrfToken,
    request,
    get: (path) => request(path),
    post: withBody('POST'),
    patch: withBody('PATCH'),
    put: withBody('PUT'),
    delete: (path) => request(path, { method: 'DELETE' }),
  };
}

/** Creates a user with a role in the workspace (default: the default workspace) and signs in. */
export async function signedInAs(
  app: RequestTarget,
  store: Store,
  input: { email: string; role: Role; workspaceId?: string; agencyId?: string | null },
): Promise<TestClient> {
  await createTestUser(store, input);
  return signIn(app, input.email);
}
