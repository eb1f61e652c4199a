import type { Context } from 'hono';
import type { AppEnv } from '../env.js';
import { ServiceError } from '../errors.js';

/** The request body as a JSON object, or 400 `invalid_document` saying what is wrong with it. */
export async function readJsonObject(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ServiceError('invalid_document', 'the request body is not valid JSON', [
      { code: 'invalid_json', path: '(body)', message: 'the request body is not valid JSON' },
    ]);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new ServiceError('invalid_document', 'the request body must be a JSON object', [
      { code: 'invalid_type', path: '(body)', message: 'must be a JSON object' },
    ]);
  return body as Record<string, unknown>;
}
