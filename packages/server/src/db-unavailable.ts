/**
 * Recognises a lost database connection, so the API answers 503 with a retry hint instead of
 * 500. postgres-js reconnects by itself on the next query, so no restart is needed: once the
 * database is back, the next request succeeds.
 */

/** Seconds a client should wait before retrying while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

/** Node and postgres-js codes for a connection that failed, ended or timed out. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECTION_ENDED',
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

/** PostgreSQL SQLSTATEs of class 08 (connection exception) and 57P0x (server shutting down). */
const SQLSTATE = /^(08\d{3}|57P0[1-3])$/;

/** Whether the error (or any error it was caused by, e.g. Drizzle's wrapper) is a lost connection. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || SQLSTATE.test(code)))
      return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
