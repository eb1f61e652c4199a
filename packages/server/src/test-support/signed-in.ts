import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '@weframe/store';
import { memberLinks, memberships, sessions, users } from '../../../store/src/schema.js';
import type { Role } from '../policy.js';

/** A user signed in for tests: what requests need to act as them. */
export interface SignedIn {
  readonly userId: string;
  readonly cookie: string;
  readonly csrf: string;
}

/** Who to create: a role in a workspace, an optional agency, optional member links. */
export interface TestUserInput {
  readonly id: string;
  readonly workspaceId: string;
  readonly role: Role;
  readonly agencyId?: string | null;
  readonly links?: readonly { collaborationId: string; memberId: string }[];
}

/**
 * Creates a user with a membership (and member links) and a live session straight in the
 * database, as sign-in would leave them, so tests act as any role without a password.
 */
export async function signedIn(store: Store, input: TestUserInput): Promise<SignedIn> {
  await store.db
    .insert(users)
    .values({ id: input.id, email: `${input.id}@example.org`, displayName: input.id })
    .onConflictDoNothing();
  await store.db
    .insert(memberships)
    .values({
      userId: input.id,
      workspaceId: input.workspaceId,
      role: input.role,
      agencyId: input.agencyId ?? null,
    })
    .onConflictDoNothing();
  await linkMembers(store, input.id, input.links ?? []);
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(16).toString('base64url');
  const now = Date.now();
  await store.db.insert(sessions).values({
    tokenHash: createHash('sha256').update(token, 'utf8').digest('hex'),
    userId: input.id,
    csrfToken: csrf,
    createdAt: new Date(now),
    expiresAt: new Date(now + 3_600_000),
  });
  return { userId: input.id, cookie: `weframe_session=${token}`, csrf };
}

/** Links a user to collaboration members (the member role's "own"). */
export async function linkMembers(
  store: Store,
  userId: string,
  links: readonly { collaborationId: string; memberId: string }[],
): Promise<void> {
  if (links.length > 0)
    await store.db
      .insert(memberLinks)
      .values(links.map((l) => ({ userId, ...l })))
      .onConflictDoNothing();
}

/** Anything with Hono's `request`. */
export interface Requester {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

/** Requests as a signed-in user: the session cookie, and the CSRF token on changes. */
export function actingAs(app: Requester, user: SignedIn) {
  const send = async (method: string, path: string, body?: unknown): Promise<Response> =>
    app.request(path, {
      method,
      headers: {
        cookie: user.cookie,
        ...(method === 'GET' ? {} : { 'x-csrf-token': user.csrf }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  return {
    get: (path: string) => send('GET', path),
    post: (path: string, body?: unknown) => send('POST', path, body ?? {}),
    put: (path: string, body: unknown) => send('PUT', path, body),
    patch: (path: string, body: unknown) => send('PATCH', path, body),
    delete: (path: string) => send('DELETE', path),
  };
}

/** A client returned by {@link actingAs}. */
export type Client = ReturnType<typeof actingAs>;
