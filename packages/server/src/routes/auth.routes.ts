import { getCookie } from 'hono/cookie';
import type { AccountService } from '../auth/account.service.js';
import { presentMembership, presentUser } from '../auth/account.presenter.js';
import {
  acceptRoute,
  changePasswordRoute,
  loginRoute,
  logoutRoute,
  meRoute,
} from '../auth/auth.schema.js';
import { requireUser } from '../auth/principal.js';
import {
  clearSessionCookie,
  clientAddress,
  setSessionCookie,
  SESSION_COOKIE,
  type CookiePolicy,
} from '../auth/session.js';
import { tokenHash } from '../auth/tokens.js';
import type { AppInstance } from '../env.js';
import { ServiceError } from '../errors.js';

/** What the sign-in routes need. */
export interface AuthRouteDeps {
  readonly accounts: AccountService;
  readonly cookies: CookiePolicy;
}

const throttled = (retryAfterSeconds: number) => ({
  body: {
    error: 'rate_limited',
    message: `too many failed attempts; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`,
  },
  headers: { 'Retry-After': String(retryAfterSeconds) },
});

/** Sign-in, sign-out, who am I, accepting one-time links, changing one's password. */
export function registerAuthRoutes(app: AppInstance, deps: AuthRouteDeps) {
  const { accounts, cookies } = deps;

  app.openapi(loginRoute, async (c) => {
    const { email, password } = c.req.valid('json');
    const result = await accounts.signIn({
      email,
      password,
      address: clientAddress(c, cookies.trustProxy),
    });
    if (result.kind === 'throttled') {
      const { body, headers } = throttled(result.retryAfterSeconds);
      return c.json(body, 429, headers);
    }
    // A session the browser still held is replaced, not left behind.
    const previous = getCookie(c, SESSION_COOKIE);
    if (previous) await accounts.signOut(tokenHash(previous));
    setSessionCookie(c, result.token, cookies);
    return c.json({ user: presentUser(result.user), csrfToken: result.csrfToken }, 200);
  });

  app.openapi(logoutRoute, async (c) => {
    const session = c.get('session');
    if (session) await accounts.signOut(session.tokenHash);
    clearSessionCookie(c, cookies);
    return c.body(null, 204);
  });

  app.openapi(meRoute, async (c) => {
    const principal = requireUser(c);
    const session = c.get('session');
    if (!session) throw new ServiceError('unauthenticated', 'sign in first');
    const { user, memberships } = await accounts.me(principal.userId);
    return c.json(
      {
        user: presentUser(user),
        memberships: memberships.map(presentMembership),
        csrfToken: session.csrfToken,
      },
      200,
    );
  });

  app.openapi(acceptRoute, async (c) => {
    const input = c.req.valid('json');
    const result = await accounts.accept(input);
    const previous = getCookie(c, SESSION_COOKIE);
    if (previous) await accounts.signOut(tokenHash(previous));
    setSessionCookie(c, result.token, cookies);
    return c.json({ user: presentUser(result.user), csrfToken: result.csrfToken }, 200);
  });

  app.openapi(changePasswordRoute, async (c) => {
    const principal = requireUser(c);
    const session = c.get('session');
    if (!session) throw new ServiceError('unauthenticated', 'sign in first');
    const { current, next } = c.req.valid('json');
    const result = await accounts.changePassword({
      userId: principal.userId,
      sessionTokenHash: session.tokenHash,
      address: clientAddress(c, cookies.trustProxy),
      current,
      next,
    });
    if (result.kind === 'throttled') {
      const { body, headers } = throttled(result.retryAfterSeconds);
      return c.json(body, 429, headers);
    }
    return c.body(null, 204);
  });
}
