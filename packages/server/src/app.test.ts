import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreOrThrow } from '@weframe/core';
import type { Store } from '@weframe/store';
import { freshStore } from '../../store/src/test-support/fresh-store.js';
import { buildDocument, buildMember } from '../../core/src/test-support/factories.js';
import { createApp, type App } from './app.js';
import { actingAs, signedIn, type Client } from './test-support/signed-in.js';

let store: Store;
let app: App;
let owner: Client;
let session: Awaited<ReturnType<typeof signedIn>>;
const errors: unknown[] = [];

beforeAll(async () => {
  store = await freshStore();
  app = await createApp({
    store,
    logError: (_m, e) => errors.push(e),
    newId: () => 'corr-1',
  });
  const workspace = await store.workspaces.ensureDefault();
  session = await signedIn(store, { id: 'u-owner', workspaceId: workspace.id, role: 'owner' });
  owner = actingAs(app, session);
});
afterAll(async () => {
  await store.close();
});

const post = (body: string) => owner.post('/api/collaborations', body);

describe('HTTP API', () => {
  it('answers the health check', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers a GET that says its (absent) body is JSON', async () => {
    const res = await app.request('/api/health', {
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(200);
  });

  it('imports a document, lists it with members and agencies, and gives it back unchanged', async () => {
    const input = buildDocument();
    const created = await post(JSON.stringify(input));
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const list = (await (await owner.get('/api/collaborations')).json()) as {
      collaborations: {
        id: string;
        name: string;
        members: { displayName: string; agencyName: string }[];
      }[];
    };
    const listed = list.collaborations.find((c) => c.id === id);
    expect(listed?.name).toBe('Test collaboration');
    expect(listed?.members).toContainEqual(
      expect.objectContaining({ displayName: 'Member m-2', agencyName: 'Test Health Trust' }),
    );

    const got = await owner.get(`/api/collaborations/${id}`);
    expect(got.status).toBe(200);
    expect(await got.json()).toEqual(restoreOrThrow(input));
  });

  it('refuses a bad document with every problem and its path, and stores nothing', async () => {
    const before = (await (await owner.get('/api/collaborations')).json()) as {
      collaborations: unknown[];
    };
    const bad = buildDocument({
      members: [buildMember({ id: 'm-1', agencyId: 'ag-nowhere', statusLevel: 9 })],
    });
    const res = await post(JSON.stringify(bad));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; issues: { path: string }[] };
    expect(body.error).toBe('invalid_document');
    expect(body.issues.map((i) => i.path).sort()).toEqual([
      'members[0].agencyId',
      'members[0].statusLevel',
    ]);
    const after = (await (await owner.get('/api/collaborations')).json()) as {
      collaborations: unknown[];
    };
    expect(after.collaborations).toHaveLength(before.collaborations.length);
  });

  it('says plainly when the body is not JSON', async () => {
    const res = await post('{"schemaVersion": 1,');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: 'invalid_document',
      issues: [{ code: 'invalid_json', path: '(document)' }],
    });
  });

  it('answers 404 for an unknown collaboration or route', async () => {
    const res = await owner.get('/api/collaborations/no-such-id');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
    expect((await owner.get('/api/nothing-here')).status).toBe(404);
  });

  it('publishes an OpenAPI document generated from the route schemas', async () => {
    const res = await app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/collaborations',
        '/api/collaborations/{id}',
        '/api/collaborations/{id}/diagnosis',
        '/api/collaborations/{id}/members',
        '/api/collaborations/{id}/members/{recordId}',
        '/api/health',
      ]),
    );
    expect(
      Object.keys(doc.paths['/api/collaborations/{id}/members/{recordId}'] ?? {}).sort(),
    ).toEqual(['delete', 'get', 'put']);
    expect(Object.keys(doc.paths['/api/collaborations'] ?? {}).sort()).toEqual(['get', 'post']);
  });

  it('hides unexpected errors behind a correlation id', async () => {
    const broken = await createApp({
      store: {
        ...store,
        collaborations: {
          ...store.collaborations,
          list: () => Promise.reject(new Error('database on fire')),
        },
      },
      logError: (_m, e) => errors.push(e),
      newId: () => 'corr-1',
    });
    const res = await actingAs(broken, session).get('/api/collaborations');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      error: 'internal',
      message: 'Something went wrong on the server.',
      correlationId: 'corr-1',
    });
    expect(text).not.toContain('on fire');
    expect(errors).toHaveLength(1);
  });
});
