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

/**
 * The body as JSON, read as a stream so nothing above `maxBytes` is held: 413
 * `payload_too_large` above it (declared or not), 400 `invalid_document` when it is not JSON.
 * `what` names the body in messages ("the document").
 */
export async function readJsonWithin(
  c: Context<AppEnv>,
  maxBytes: number,
  what: string,
): Promise<unknown> {
  const tooLarge = () =>
    new ServiceError('payload_too_large', `${what} is larger than ${maxBytes} bytes`);
  const notJson = () =>
    new ServiceError('invalid_document', 'the request body is not valid JSON', [
      { code: 'invalid_json', path: '(document)', message: 'the request body is not valid JSON' },
    ]);
  if (Number(c.req.header('content-length') ?? 0) > maxBytes) throw tooLarge();
  const stream = c.req.raw.body;
  if (!stream) throw notJson();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw notJson();
  }
}
