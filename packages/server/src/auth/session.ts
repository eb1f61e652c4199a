import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';

/** The session cookie's name. */
export const SESSION_COOKIE = 'weframe_session';
/** A session ends after 12 hours without a request… */
export const SESSION_IDLE_MS = 12 * 60 * 60_000;
/** …and 7 days after sign-in in any case. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60_000;
/** The stored expiry is moved forward at most once per this interval (one write, not one per request). */
export const SESSION_EXTEND_STEP_MS = 5 * 60_000;

/** When a session created at `createdAt` and used at `now` expires. */
export function sessionExpiry(createdAt: Date, now: Date): Date {
  return new Date(
    Math.min(now.getTime() + SESSION_IDLE_MS, createdAt.getTime() + SESSION_ABSOLUTE_MS),
  );
}

/** Decides the cookie's `Secure` attribute from the configuration and the request. */
export interface CookiePolicy {
  readonly publicUrl: string | undefined;
  readonly trustProxy: boolean;
}

/**
 * Secure when the public URL is https, or when the server trusts its proxy and the proxy
 * says the client connected over https (`X-Forwarded-Proto: https`).
 */
export function isSecureRequest(c: Context, policy: CookiePolicy): boolean {
  if (policy.publicUrl?.toLowerCase().startsWith('https:')) return true;
  if (!policy.trustProxy) return false;
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return proto === 'https';
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Path=/, Secure as decided above. */
export function setSessionCookie(c: Context, token: string, policy: CookiePolicy): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: isSecureRequest(c, policy),
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  });
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(c: Context, policy: CookiePolicy): void {
  deleteCookie(c, SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: isSecureRequest(c, policy),
  });
}

/**
 * The client's address for rate limiting: the socket's peer, or — behind a trusted proxy —
 * the last address in `X-Forwarded-For` (the one the proxy itself appended).
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}
