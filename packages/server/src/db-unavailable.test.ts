import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@weframe/store';
import { freshStore } from '../../store/src/test-support/fresh-store.js';
import { createApp } from './app.js';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './db-unavailable.js';
import { actingAs, signedIn } from './test-support/signed-in.js';

let store: Store;

beforeAll(async () => {
  store = await freshStore();
});
afterAll(async () => {
  await store.close();
});

/** An error as postgres-js raises it, wrapped as Drizzle wraps failed queries. */
function lost(code: string): Error {
  const cause = Object.assign(new Error(`connection lost (${code})`), { code });
  return new Error('Failed query: select 1', { cause });
}

describe('isDatabaseUnavailable', () => {
  it('recognises lost connections, wrapped or not, and nothing else', () => {
    for (const code of ['ECONNREFUSED', 'CONNECTION_ENDED', '57P01', '08006'])
      expect(isDatabaseUnavailable(lost(code)), code).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: 'CONNECT_TIMEOUT' }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(lost('23505'))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});

describe('a lost database', () => {
  it('gives 503 database_unavailable with Retry-After, and nothing is logged as a server error', async () => {
    const errors: unknown[] = [];
    const broken: Store = {
      ...store,
      collaborations: {
        ...store.collaborations,
        get: () => Promise.reject(lost('ECONNREFUSED')),
      },
    };
    const app = await createApp({ store: broken, logError: (_m, e) => errors.push(e) });
    const workspace = await store.workspaces.ensureDefault();
    const user = actingAs(
      app,
      await signedIn(store, { id: 'u-db', workspaceId: workspace.id, role: 'owner' }),
    );
    const res = await user.get('/api/collaborations/any-id');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe('database_unavailable');
    expect(typeof body.message).toBe('string');
    expect(errors).toEqual([]);
  });
});
