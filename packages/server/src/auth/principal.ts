import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../env.js';
import { ServiceError } from '../errors.js';
import type { Principal } from '../policy.js';
import type { AccountService } from './account.service.js';
import { SESSION_COOKIE } from './session.js';
import { sameSecret } from './tokens.js';

/** A signed-in user as routes see them. */
export type UserPrincipal = Extract<Principal, { kind: 'user' }>;

const ANONYMOUS: Principal = { kind: 'anonymous' };
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Routes anyone may call, answered without looking at the session cookie at all: the
 * survey respondent's link (or the one-time link being accepted) is their key, so the
 * cookie is neither needed nor subject to CSRF checks there.
 */
export function isPublicRoute(method: string, path: string): boolean {
  if (path.startsWith('/api/s/')) return true;
  switch (`${method} ${path}`) {
    case 'GET /api/health':
    case 'GET /api/openapi.json':
    case 'POST /api/auth/login':
    case 'POST /api/auth/accept':
    case 'POST /api/responses':
      return true;
    default:
      return false;
  }
}

/** Routes that look at the cookie but also answer anonymous callers (without a 401). */
function allowsAnonymous(method: string, path: string): boolean {
  return method === 'POST' && path === '/api/auth/logout';
}

/**
 * Resolves the session cookie to the request's principal and enforces the two rules every
 * route relies on: a state-changing request authenticated by the cookie must carry
 * `X-CSRF-Token` equal to the session's token (else 403 `csrf`), and a request to a
 * protected route without a live session gets 401 `unauthenticated`.
 */
export function principalMiddleware(
  accounts: Pick<AccountService, 'resolve'>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('principal', ANONYMOUS);
    c.set('cookieSession', false);
    c.set('session', null);
    const { method, path } = c.req;
    if (isPublicRoute(method, path)) return next();

    const token = getCookie(c, SESSION_COOKIE);
    const resolved = token ? await accounts.resolve(token) : null;
    if (resolved) {
      c.set('principal', resolved.principal);
      c.set('cookieSession', true);
      c.set('session', resolved.session);
      if (STATE_CHANGING.has(method)) {
        const sent = c.req.header('x-csrf-token');
        if (!sent || !sameSecret(sent, resolved.session.csrfToken)) {
          throw new ServiceError(
            'csrf',
            'this request needs the X-CSRF-Token header of your session (see GET /api/auth/me)',
          );
        }
      }
    } else if (!allowsAnonymous(method, path)) {
      throw new ServiceError('unauthenticated', 'sign in first');
    }
    return next();
  };
}

/** The signed-in user of a protected route (the middleware has already refused anyone else). */
export function requireUser(c: Context<AppEnv>): UserPrincipal {
  const principal = c.get('principal');
  if (principal.kind !== 'user') throw new ServiceError('unauthenticated', 'sign in first');
  return principal;
}
