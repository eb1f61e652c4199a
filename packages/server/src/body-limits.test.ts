/**
 * Oversized bodies, on every route that takes one: a body one byte over the route's limit is
 * refused with 413 `{ error: 'payload_too_large', message }`, whether its length is declared
 * or it arrives as a stream of unknown length. Ordinary routes allow MAX_BODY_BYTES (5 MB);
 * the routes of OWN_BODY_LIMITS allow more, and refuse above their own figure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@weframe/store';
import { freshStore } from '../../store/src/test-support/fresh-store.js';
import { buildRichDocument } from '../../store/src/test-support/document.factory.js';
import { createApp, MAX_BODY_BYTES, OWN_BODY_LIMITS, type App } from './app.js';
import { ROUTE_TABLE, type RouteEntry } from './route-table.js';
import { actingAs, signedIn, type SignedIn } from './test-support/signed-in.js';

let store: Store;
let app: App;
let owner: SignedIn;
const errors: unknown[] = [];
const ids = { collaboration: '', wave: '', link: '', slug: '' };

beforeAll(async () => {
  store = await freshStore();
  app = await createApp({ store, logError: (_m, e) => errors.push(e) });
  const workspace = await store.workspaces.ensureDefault();
  ids.slug = workspace.slug;
  owner = await signedIn(store, { id: 'u-owner', workspaceId: workspace.id, role: 'owner' });
  const client = actingAs(app, owner);
  const imported = await client.post('/api/collaborations', buildRichDocument());
  expect(imported.status).toBe(201);
  ids.collaboration = ((await imported.json()) as { id: string }).id;
  const wave = await client.post(`/api/collaborations/${ids.collaboration}/waves`, {
    name: 'Sized',
    mode: 'anonymous',
  });
  expect(wave.status).toBe(201);
  ids.wave = ((await wave.json()) as { id: string }).id;
  const invited = await client.post(`/api/waves/${ids.wave}/invitations`, { count: 1 });
  expect(invited.status).toBe(201);
  ids.link = ((await invited.json()) as { links: { id: string }[] }).links[0]?.id ?? '';
});

afterAll(async () => {
  await store.close();
});

function pathFor(route: RouteEntry): string {
  return route.path
    .replace(':id', ids.collaboration)
    .replace(':recordId', 'act-1')
    .replace(':ws', ids.slug)
    .replace(':userId', 'u-owner')
    .replace(':waveId', ids.wave)
    .replace(':linkId', ids.link)
    .replace(':token', 'no-such-token');
}

/** The route's limit: its own when it sets one, else the ordinary 5 MB. */
function limitOf(route: RouteEntry): number {
  const own = OWN_BODY_LIMITS.find((l) => l.method === route.method && l.route === route.path);
  return own?.maxBytes ?? MAX_BODY_BYTES;
}

const CHUNK = new Uint8Array(1 << 20).fill(0x78);

/**
 * `size` bytes of a JSON object (`{"name":"xxx…"}`), made as they are read from one reused
 * chunk, so even a gigabyte costs no memory in the test.
 */
function streamOf(size: number): ReadableStream<Uint8Array> {
  const head = new TextEncoder().encode('{"name":"');
  const tail = new TextEncoder().encode('"}');
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0) {
        controller.enqueue(head);
        sent += head.byteLength;
        return;
      }
      const left = size - sent - tail.byteLength;
      if (left <= 0) {
        controller.enqueue(tail);
        controller.close();
        return;
      }
      const part = CHUNK.subarray(0, Math.min(left, CHUNK.byteLength));
      controller.enqueue(part);
      sent += part.byteLength;
    },
  });
}

async function send(route: RouteEntry, size: number, declared: boolean): Promise<Response> {
  const headers: Record<string, string> = {
    cookie: owner.cookie,
    'x-csrf-token': owner.csrf,
    'content-type': route.path.endsWith('/responses/import') ? 'text/csv' : 'application/json',
  };
  if (declared) headers['content-length'] = String(size);
  return app.request(pathFor(route), {
    method: route.method,
    headers,
    body: streamOf(size),
    duplex: 'half',
  } as RequestInit);
}

const withBodies = ROUTE_TABLE.filter((r) => r.method !== 'GET');

describe('a body over the route’s limit', () => {
  it('lists only routes of the route table among those with their own limit', () => {
    const table = new Set(ROUTE_TABLE.map((r) => `${r.method} ${r.path}`));
    for (const own of OWN_BODY_LIMITS) {
      expect(table.has(`${own.method} ${own.route}`), own.route).toBe(true);
      const route: RouteEntry = { method: 'POST', path: own.route, access: 'public' };
      expect(own.path.test(pathFor(route)), own.route).toBe(true);
      expect(own.maxBytes).toBeGreaterThan(MAX_BODY_BYTES);
    }
  });

  it.each(withBodies.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s: is refused with 413 payload_too_large, declared or streamed',
    async (_name, route) => {
      const size = limitOf(route) + 1;
      for (const declared of [true, false]) {
        const res = await send(route, size, declared);
        const text = await res.text();
        expect(res.status, `${declared ? 'declared' : 'streamed'}: ${text.slice(0, 200)}`).toBe(
          413,
        );
        const body = JSON.parse(text) as Record<string, unknown>;
        expect(body.error).toBe('payload_too_large');
        expect(typeof body.message).toBe('string');
        expect(Object.keys(body).sort()).toEqual(['error', 'message']);
      }
    },
  );

  it('leaves the document and workspace imports free to take more than 5 MB', async () => {
    for (const path of ['/api/collaborations', '/api/workspaces/:ws/import']) {
      const route: RouteEntry = { method: 'POST', path, access: 'public' };
      expect(limitOf(route)).toBeGreaterThan(MAX_BODY_BYTES + 1);
      const res = await send(route, MAX_BODY_BYTES + 1, true);
      expect(res.status, path).not.toBe(413);
      expect(res.status, path).toBeLessThan(500);
    }
  });

  it('met no unexpected server error', () => {
    expect(errors).toEqual([]);
  });
});
