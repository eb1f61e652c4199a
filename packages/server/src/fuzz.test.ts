/**
 * Bad input never breaks the server: malformed bodies, drawn from a seeded generator, sent to
 * every state-changing route of ROUTE_TABLE, are answered with a 4xx in the one error shape
 * (or accepted), never a 5xx; oversized bodies are refused with 413 except on the import
 * routes, which set their own limits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@weframe/store';
import { freshStore } from '../../store/src/test-support/fresh-store.js';
import { buildRichDocument } from '../../store/src/test-support/document.factory.js';
import { createApp, MAX_BODY_BYTES, type App } from './app.js';
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
  await signedIn(store, { id: 'u-other', workspaceId: workspace.id, role: 'viewer' });
  const client = actingAs(app, owner);
  const imported = await client.post('/api/collaborations', buildRichDocument());
  expect(imported.status).toBe(201);
  ids.collaboration = ((await imported.json()) as { id: string }).id;
  const wave = await client.post(`/api/collaborations/${ids.collaboration}/waves`, {
    name: 'Fuzzed',
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

/** mulberry32: a small seeded PRNG, so a failure replays exactly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Payload {
  readonly kind: string;
  readonly contentType: string | null;
  readonly body: string | Uint8Array;
}

const FIELDS = ['id', 'name', 'version', 'role', 'email', 'count', 'mode', 'slug', 'answers'];

function randomValue(random: () => number, depth = 0): unknown {
  const pick = Math.floor(random() * (depth > 2 ? 5 : 7));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return random() < 0.5;
    case 2:
      return [1e308, -1e308, 2 ** 64, -0, 0.1, Number.MAX_SAFE_INTEGER + 2][
        Math.floor(random() * 6)
      ];
    case 3:
      return 'x'.repeat(Math.floor(random() * 300));
    case 4:
      return '\u0000\ud800🧩<script>'.slice(0, Math.floor(random() * 12));
    case 5:
      return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
    default:
      return Object.fromEntries(
        FIELDS.filter(() => random() < 0.4).map((k) => [k, randomValue(random, depth + 1)]),
      );
  }
}

/** One malformed body of each kind, varied by the generator. */
function payloads(random: () => number): Payload[] {
  const json = 'application/json';
  const bytes = Uint8Array.from({ length: 1 + Math.floor(random() * 200) }, () =>
    Math.floor(random() * 256),
  );
  const plausible = JSON.stringify({ id: 'x-1', name: 'A name', version: 1, count: 2 });
  const depth = 2000 + Math.floor(random() * 3000);
  return [
    { kind: 'random bytes', contentType: json, body: bytes },
    {
      kind: 'truncated JSON',
      contentType: json,
      body: plausible.slice(0, 1 + Math.floor(random() * (plausible.length - 2))),
    },
    { kind: 'wrong top-level type', contentType: json, body: JSON.stringify(randomValue(random)) },
    {
      kind: 'wrong field types',
      contentType: json,
      body: JSON.stringify(Object.fromEntries(FIELDS.map((k) => [k, randomValue(random)]))),
    },
    {
      kind: 'huge numbers',
      contentType: json,
      body: '{"version":1e999,"count":123456789012345678901234567890,"id":-1e-999}',
    },
    { kind: 'deep arrays', contentType: json, body: '['.repeat(depth) + ']'.repeat(depth) },
    {
      kind: 'deep objects',
      contentType: json,
      body: '{"name":'.repeat(depth) + '1' + '}'.repeat(depth),
    },
    {
      kind: 'unknown fields',
      contentType: json,
      body: '{"__proto__":{"admin":true},"constructor":{"prototype":{}},"surprise":1}',
    },
    { kind: 'text/plain', contentType: 'text/plain', body: 'hello, world' },
    { kind: 'form', contentType: 'application/x-www-form-urlencoded', body: 'a=1&b=%ZZ' },
    { kind: 'multipart, no boundary', contentType: 'multipart/form-data', body: '--x\r\n' },
    { kind: 'no content type', contentType: null, body: plausible },
    { kind: 'empty', contentType: json, body: '' },
    { kind: 'invalid UTF-8', contentType: json, body: Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d]) },
  ];
}

function pathFor(route: RouteEntry): string {
  return route.path
    .replace(':id', ids.collaboration)
    .replace(':recordId', 'act-1')
    .replace(':ws', ids.slug)
    .replace(':userId', 'u-other')
    .replace(':waveId', ids.wave)
    .replace(':linkId', ids.link)
    .replace(':token', 'no-such-token');
}

async function send(route: RouteEntry, payload: Payload, path = pathFor(route)) {
  const headers: Record<string, string> = {};
  // Public routes go without the session: signing out would end it for the rest.
  if (route.access !== 'public') {
    headers.cookie = owner.cookie;
    headers['x-csrf-token'] = owner.csrf;
  }
  if (payload.contentType) headers['content-type'] = payload.contentType;
  return app.request(path, { method: route.method, headers, body: payload.body });
}

/** The one error shape: `{ error, message, issues? }`. */
function errorShapeProblem(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return 'not a JSON object';
  const { error, message, issues } = body as Record<string, unknown>;
  if (typeof error !== 'string') return 'no error code';
  if (typeof message !== 'string') return 'no message';
  if (issues === undefined) return null;
  if (!Array.isArray(issues)) return 'issues is not an array';
  for (const issue of issues as Record<string, unknown>[])
    if (
      typeof issue.code !== 'string' ||
      typeof issue.path !== 'string' ||
      typeof issue.message !== 'string'
    )
      return `malformed issue ${JSON.stringify(issue)}`;
  return null;
}

const changing = ROUTE_TABLE.filter((r) => r.method !== 'GET');

describe('malformed bodies', () => {
  it(
    'never get a 5xx from any state-changing route, and every 4xx has the error shape',
    { timeout: 180_000 },
    async () => {
      const random = prng(0x5eed);
      const failures: string[] = [];
      for (const route of changing) {
        for (const payload of payloads(random)) {
          const res = await send(route, payload);
          const where = `${route.method} ${route.path} (${payload.kind}) → ${res.status}`;
          if (res.status >= 500) failures.push(where);
          else if (res.status >= 400) {
            const text = await res.text();
            let body: unknown;
            try {
              body = JSON.parse(text);
            } catch {
              body = text;
            }
            const problem = errorShapeProblem(body);
            if (problem) failures.push(`${where}: ${problem}`);
          }
        }
      }
      expect(failures).toEqual([]);
      expect(errors).toEqual([]);
    },
  );
});

describe('oversized bodies', () => {
  const big = (bytes: number) => `{"name":"${'x'.repeat(bytes)}"}`;
  const patch = { method: 'PATCH', path: '/api/collaborations/:id', access: 'public' } as const;

  it('are refused with 413 payload_too_large on ordinary routes, whether or not the length is declared', async () => {
    const path = `/api/collaborations/${ids.collaboration}`;
    const body = big(MAX_BODY_BYTES);
    for (const declared of [false, true]) {
      const res = await app.request(path, {
        method: 'PATCH',
        headers: {
          cookie: owner.cookie,
          'x-csrf-token': owner.csrf,
          'content-type': 'application/json',
          ...(declared ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
        },
        body,
      });
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: string }).error).toBe('payload_too_large');
    }
  });

  it('are refused before sign-in is even looked at', async () => {
    const res = await send(
      { ...patch, access: 'collaboration.edit' },
      { kind: 'big', contentType: 'application/json', body: big(MAX_BODY_BYTES) },
      '/api/workspaces',
    );
    expect(res.status).toBe(413);
  });

  it('are read by the collaboration and workspace imports, which set their own limits', async () => {
    const body = { kind: 'big', contentType: 'application/json', body: big(MAX_BODY_BYTES) };
    for (const route of ROUTE_TABLE.filter(
      (r) =>
        r.method === 'POST' &&
        (r.path === '/api/collaborations' || r.path === '/api/workspaces/:ws/import'),
    )) {
      const res = await send(route, body);
      expect(res.status, `${route.method} ${route.path}`).toBe(400);
      expect(((await res.json()) as { error: string }).error).toBe('invalid_document');
    }
  });
});
