/**
 * Losing PostgreSQL for real, and getting it back: the server's connections go through a
 * small TCP proxy in front of the test database. Cutting the proxy (every socket destroyed,
 * new ones refused) makes API requests answer 503 `database_unavailable` with Retry-After,
 * never 500; opening it again makes the same requests succeed, with the same app and store,
 * nothing restarted. Runs in the PostgreSQL suite (`npm run test:pg`); skipped on PGlite,
 * which is in the server's own process and cannot be cut off like this.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import postgres from 'postgres';
import { openStore, type Store } from '@weframe/store';
import { buildRichDocument } from '../../store/src/test-support/document.factory.js';
import {
  quoteIdent,
  urlForDatabase,
  type PostgresTemplate,
} from '../../store/src/test-support/provided-context.js';
import { createApp, type App } from './app.js';
import { RETRY_AFTER_SECONDS } from './db-unavailable.js';
import { actingAs, signedIn, type Client } from './test-support/signed-in.js';

const template = inject('postgresTemplate');

/** A TCP proxy to one address that can be cut (sockets destroyed, new ones refused) and reopened. */
class CuttableProxy {
  readonly #sockets = new Set<Socket>();
  #server: Server | null = null;
  port = 0;
  /** Connections the proxy has accepted so far. */
  accepted = 0;

  constructor(
    private readonly host: string,
    private readonly targetPort: number,
  ) {}

  async open(): Promise<void> {
    const server = createServer((client) => {
      this.accepted++;
      const upstream = connect(this.targetPort, this.host);
      for (const socket of [client, upstream]) {
        this.#sockets.add(socket);
        socket.on('close', () => this.#sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no proxy port');
    this.port = address.port;
    this.#server = server;
  }

  /** Destroys every open connection; with `refuse`, stops listening too. */
  async cut({ refuse }: { refuse: boolean }): Promise<void> {
    const server = this.#server;
    const closed = refuse && server ? new Promise((r) => server.close(r)) : null;
    if (refuse) this.#server = null;
    for (const socket of this.#sockets) socket.destroy();
    this.#sockets.clear();
    await closed;
  }
}

let admin: postgres.Sql;
let database = '';
let proxy: CuttableProxy;
let store: Store;
let app: App;
let owner: Client;
let collaborationId = '';
const errors: unknown[] = [];

async function setUp(t: PostgresTemplate) {
  admin = postgres(t.databaseUrl, { max: 1, onnotice: () => {} });
  // Under the run's prefix, so the suite's teardown drops it should this file not.
  database = `${t.prefix}cut_${crypto.randomUUID().replaceAll('-', '').slice(0, 8)}`;
  await admin.unsafe(`CREATE DATABASE ${quoteIdent(database)} TEMPLATE ${quoteIdent(t.template)}`);
  const direct = new URL(urlForDatabase(t.databaseUrl, database));
  proxy = new CuttableProxy(direct.hostname, Number(direct.port || 5432));
  await proxy.open();
  const proxied = new URL(direct);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  store = await openStore({ databaseUrl: proxied.toString(), connectTimeoutSeconds: 3 });
  app = await createApp({ store, logError: (_m, e) => errors.push(e) });
  const workspace = await store.workspaces.ensureDefault();
  owner = actingAs(
    app,
    await signedIn(store, { id: 'u-owner', workspaceId: workspace.id, role: 'owner' }),
  );
  const created = await owner.post('/api/collaborations', buildRichDocument());
  expect(created.status).toBe(201);
  collaborationId = ((await created.json()) as { id: string }).id;
}

afterAll(async () => {
  await store?.close().catch(() => undefined);
  await proxy?.cut({ refuse: true });
  if (admin) {
    if (database)
      await admin.unsafe(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
    await admin.end();
  }
});

/** Names of the policies sent while the database was gone: none may be stored. */
const sentWhileGone: string[] = [];
let gone = false;

/** Requests a user makes: reads through sign-in, lists, documents, records, the diagnosis, and a change. */
const requests: readonly [string, () => Promise<Response>][] = [
  ['GET /api/auth/me', () => owner.get('/api/auth/me')],
  ['GET /api/collaborations', () => owner.get('/api/collaborations')],
  ['GET /api/collaborations/:id', () => owner.get(`/api/collaborations/${collaborationId}`)],
  ['GET …/members', () => owner.get(`/api/collaborations/${collaborationId}/members`)],
  ['GET …/diagnosis', () => owner.get(`/api/collaborations/${collaborationId}/diagnosis`)],
  [
    'POST …/policies',
    () => {
      const name = `Policy ${crypto.randomUUID()}`;
      if (gone) sentWhileGone.push(name);
      return owner.post(`/api/collaborations/${collaborationId}/policies`, {
        name,
        scope: 'local',
      });
    },
  ],
];

/** Longest a request may take here: no request waits out a long reconnection backoff. */
const PROMPT_MS = 5000;

async function expectAllSucceed(when: string) {
  for (const [name, request] of requests) {
    const started = performance.now();
    const res = await request();
    expect(res.status, `${when}: ${name} → ${await res.clone().text()}`).toBeLessThan(300);
    expect(performance.now() - started, `${when}: ${name}`).toBeLessThan(PROMPT_MS);
  }
}

async function expectAllUnavailable() {
  for (const [name, request] of requests) {
    const started = performance.now();
    const res = await request();
    const text = await res.text();
    expect(res.status, `${name} → ${text}`).toBe(503);
    expect(res.headers.get('retry-after'), name).toBe(String(RETRY_AFTER_SECONDS));
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(body.error, name).toBe('database_unavailable');
    expect(typeof body.message, name).toBe('string');
    expect(performance.now() - started, name).toBeLessThan(PROMPT_MS);
  }
}

describe.skipIf(template === null)('PostgreSQL lost and back (through a proxy)', () => {
  beforeAll(async () => {
    if (template) await setUp(template);
  });

  it('serves every request while the database is there', async () => {
    await expectAllSucceed('before the cut');
  });

  it('answers 503 database_unavailable with Retry-After while it is gone, never 500', async () => {
    await proxy.cut({ refuse: true });
    gone = true;
    await expectAllUnavailable();
    // A burst of users retrying at once: each refused connection counts as a failed attempt.
    const burst = await Promise.all(
      Array.from({ length: 30 }, () => owner.get('/api/collaborations')),
    );
    expect(burst.map((r) => r.status)).toEqual(burst.map(() => 503));
    // Still gone on another round: the pool keeps answering promptly, not hanging.
    await expectAllUnavailable();
    expect(errors).toEqual([]);
  });

  it('recovers by itself when the database comes back: the next requests succeed', async () => {
    const acceptedBefore = proxy.accepted;
    await proxy.open();
    gone = false;
    await expectAllSucceed('after the proxy reopened');
    expect(proxy.accepted).toBeGreaterThan(acceptedBefore);
    expect(errors).toEqual([]);
    // The changes refused while it was gone were not half made.
    const res = await owner.get(`/api/collaborations/${collaborationId}/policies`);
    const { records } = (await res.json()) as { records: { name: string }[] };
    expect(sentWhileGone.length).toBeGreaterThan(0);
    expect(records.map((r) => r.name).filter((n) => sentWhileGone.includes(n))).toEqual([]);
  });

  it('reconnects without an error when idle connections are dropped under it', async () => {
    await proxy.cut({ refuse: false });
    // The pool sees its sockets close (as when PostgreSQL restarts) before the next request.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expectAllSucceed('after idle connections were dropped');
    expect(errors).toEqual([]);
  });
});
