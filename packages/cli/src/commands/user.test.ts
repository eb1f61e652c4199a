import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreOrThrow } from '@weframe/core';
import type { Store, WorkspaceExport } from '@weframe/store';
import { loadConfig, scryptHasher } from '@weframe/server';
import { freshStore } from '../../../store/src/test-support/fresh-store.js';
import { buildDocument } from '../../../core/src/test-support/factories.js';
import type { CliDeps } from '../context.js';
import { main } from '../main.js';
import { DEMO_OWNER_EMAIL, userCreateCommand, type UserCreateOptions } from './user.js';

let store: Store;
let dir: string;

beforeAll(async () => {
  store = await freshStore();
  dir = await mkdtemp(join(tmpdir(), 'weframe-user-'));
});
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

function depsFor(target: Store): CliDeps {
  const config = loadConfig({});
  if (!config.ok) throw new Error('bad test config');
  return {
    config: () => config.config,
    openStore: () => Promise.resolve({ ...target, close: async () => {} }),
  };
}

/** Runs the CLI in-process against a store that stays open between runs. */
async function run(target: Store, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    ['node', 'weframe', ...args],
    {},
    { out: (t) => out.push(t), err: (t) => err.push(t) },
    depsFor(target),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** `weframe user create` with the password piped in. */
async function createUser(opts: Partial<UserCreateOptions>, password: string) {
  const out: string[] = [];
  await userCreateCommand(
    { email: 'x@example.org', role: 'owner', passwordStdin: true, ...opts },
    depsFor(store),
    { out: (t) => out.push(t), err: (t) => out.push(t) },
    () => Promise.resolve(password),
  );
  return out.join('\n');
}

describe('weframe user', () => {
  it('creates the first owner from a password on standard input, never echoing it', async () => {
    const out = await createUser(
      { email: 'Olu@Example.org', role: 'owner', name: 'Olu Adeyemi' },
      'a password for olu\n',
    );
    expect(out).toBe(
      'created user olu@example.org\nolu@example.org is owner of workspace "default"',
    );
    const user = await store.users.byEmail('olu@example.org');
    expect(user?.displayName).toBe('Olu Adeyemi');
    expect(user?.passwordHash).toMatch(/^scrypt\$15\$8\$3\$/);
    // The newline that ends a piped line is not part of the password.
    expect(await scryptHasher().verify('a password for olu', user?.passwordHash ?? '')).toBe(true);
    const ws = await store.workspaces.ensureDefault();
    expect((await store.users.membership(user?.id ?? '', ws.id))?.role).toBe('owner');
    const audit = await store.audit.all(ws.id);
    expect(audit.at(-1)).toMatchObject({
      actor: 'cli',
      action: 'membership.add',
      after: { email: 'olu@example.org', role: 'owner', agencyId: null },
    });
  });

  it('refuses a short password, a missing --password-stdin and an unknown workspace', async () => {
    await expect(createUser({ email: 'pat@example.org' }, 'short')).rejects.toThrow(
      'the password must be at least 10 characters long',
    );
    const noStdin = await run(
      store,
      'user',
      'create',
      '--email',
      'pat@example.org',
      '--role',
      'owner',
    );
    expect(noStdin.code).toBe(1);
    expect(noStdin.err).toContain('--password-stdin');
    const badRole = await run(
      store,
      'user',
      'create',
      '--email',
      'p@example.org',
      '--role',
      'boss',
    );
    expect(badRole.code).not.toBe(0);
    await expect(
      createUser({ email: 'pat@example.org', workspace: 'nowhere' }, 'long enough password'),
    ).rejects.toThrow('no workspace "nowhere"');
    expect(await store.users.byEmail('pat@example.org')).toBeNull();
  });

  it('replaces an existing user’s password, ends their sessions and updates the role', async () => {
    const olu = await store.users.byEmail('olu@example.org');
    const now = new Date();
    await store.sessions.create({
      tokenHash: 'f'.repeat(64),
      userId: olu?.id ?? '',
      csrfToken: 'csrf',
      createdAt: now,
      expiresAt: new Date(now.getTime() + 60_000),
    });
    const out = await createUser(
      { email: 'olu@example.org', role: 'facilitator', agency: 'ag-nhs' },
      'a brand new password',
    );
    expect(out).toContain('password replaced, 1 session(s) ended');
    expect(await store.sessions.countOf(olu?.id ?? '', now)).toBe(0);
    const ws = await store.workspaces.ensureDefault();
    expect(await store.users.membership(olu?.id ?? '', ws.id)).toMatchObject({
      role: 'facilitator',
      agencyId: 'ag-nhs',
    });
  });

  it('lists users with their workspaces and roles', async () => {
    const listed = await run(store, 'user', 'list');
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(
      'olu@example.org  Olu Adeyemi  active  default:facilitator@ag-nhs',
    );
  });
});

describe('weframe demo', () => {
  it('creates a demo owner in a database without users, printing the password once', async () => {
    const empty = await freshStore();
    try {
      const first = await run(empty, 'demo');
      expect(first.code).toBe(0);
      const password = /password: (\S+)/.exec(first.out)?.[1] ?? '';
      expect(password.length).toBeGreaterThanOrEqual(20);
      expect(first.out).toContain(`email:    ${DEMO_OWNER_EMAIL}`);
      const owner = await empty.users.byEmail(DEMO_OWNER_EMAIL);
      expect(owner?.passwordHash).not.toContain(password);
      expect(await scryptHasher().verify(password, owner?.passwordHash ?? '')).toBe(true);

      const again = await run(empty, 'demo', '--if-empty');
      expect(again.code).toBe(0);
      expect(again.out).not.toContain('password');
      expect(await empty.users.count()).toBe(1);
    } finally {
      await empty.close();
    }
  });
});

describe('weframe workspace export / import', () => {
  it('round trip: the restored workspace exports to the same file, plus the import entry', async () => {
    await run(store, 'workspace', 'create', 'north', '--name', 'North partnership');
    const north = await store.workspaces.bySlug('north');
    await store.collaborations.importDocument(north?.id ?? '', restoreOrThrow(buildDocument()), {
      actor: 'cli',
    });
    await createUser({ email: 'nia@example.org', workspace: 'north' }, 'nia’s long password');

    const file = join(dir, 'north.json');
    const exported = await run(store, 'workspace', 'export', '--workspace', 'north', '--out', file);
    expect(exported.code).toBe(0);
    expect(((await stat(file)).mode & 0o777).toString(8)).toBe('600');
    const first = JSON.parse(await readFile(file, 'utf8')) as WorkspaceExport;

    const elsewhere = await freshStore();
    try {
      const imported = await run(elsewhere, 'workspace', 'import', file, '--workspace', 'north');
      expect(imported.code).toBe(0);
      expect(imported.out).toContain('imported into new workspace "north": 1 collaboration(s)');
      expect(imported.out).toContain('nia@example.org');

      const second = join(dir, 'north-again.json');
      await run(elsewhere, 'workspace', 'export', '--workspace', 'north', '--out', second);
      const again = JSON.parse(await readFile(second, 'utf8')) as WorkspaceExport;
      expect(again.audit.at(-1)).toMatchObject({ actor: 'cli', action: 'workspace.import' });
      // Only the moment of export and the new workspace's creation differ.
      const workspace = { ...first.workspace, createdAt: again.workspace.createdAt };
      expect({ ...again, audit: again.audit.slice(0, -1) }).toEqual({
        ...first,
        workspace,
        exportedAt: again.exportedAt,
      });

      const twice = await run(elsewhere, 'workspace', 'import', file, '--workspace', 'north');
      expect(twice.code).toBe(1);
      expect(twice.err).toContain('not empty');
    } finally {
      await elsewhere.close();
    }
  });

  it('names every problem of a bad file, one a line', async () => {
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ format: 'weframe.workspace', formatVersion: 2 }));
    const result = await run(store, 'workspace', 'import', bad, '--workspace', 'other');
    expect(result.code).toBe(1);
    expect(result.err.split('\n')[0]).toMatch(/^weframe: .*bad\.json: \d+ problems$/);
    expect(result.err).toContain('formatVersion: ');
    expect(await store.workspaces.bySlug('other')).toBeNull();
  });
});
