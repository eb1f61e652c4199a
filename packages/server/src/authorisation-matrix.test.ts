/**
 * The authorisation matrix: EVERY route of ROUTE_TABLE × every role (and nobody signed in) ×
 * the user's own workspace, another workspace, and a record confidential to another agency.
 *
 * What each cell should do comes from POLICY (the role table of PRODUCT.md) and the member
 * role's 'own' reach as PRODUCT.md words it ("edit their own member profile and role claims;
 * add and edit the activities, communications and case events they authored"). A cell the
 * table allows must succeed (2xx) with a valid request; a cell it refuses must be refused
 * with 403 or 404 (401 without a session); another workspace and another agency's
 * confidential record must not even exist for the user (404). No 2xx answer in the user's
 * own workspace may carry another agency's confidential content (the workspace export
 * aside: it is the owner's complete backup, see decision 0007).
 *
 * Requests are built from the table in test-support/route-cases.ts: a new route fails here,
 * by name, until it has an entry there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@weframe/store';
import { freshStore } from '../../store/src/test-support/fresh-store.js';
import { POLICY, ROLES, type Reach, type Role } from './policy.js';
import { EDITABLE_COLLECTIONS, type EditableCollection } from './record.service.js';
import { ROUTE_TABLE, type RouteEntry } from './route-table.js';
import { buildMatrixWorld, SECRET_TEXTS } from './test-support/matrix-world.js';
import {
  CONFIDENTIAL_PARAMS,
  NEW_RECORDS,
  PARAMS,
  ROUTE_CASES,
  type Actor,
  type Cell,
  type MatrixWorld,
  type Ownership,
  type Prepared,
  type Scope,
} from './test-support/route-cases.js';

let store: Store;
let world: MatrixWorld;
const errors: unknown[] = [];

beforeAll(async () => {
  store = await freshStore();
  world = await buildMatrixWorld(store, errors);
});

afterAll(async () => {
  await store.close();
});

const key = (route: Pick<RouteEntry, 'method' | 'path'>) => `${route.method} ${route.path}`;

/**
 * The workspace export is the owner's full backup, and export → import must give back
 * identical data (PRODUCT.md), so it carries every record, confidential ones included.
 */
const FULL_BACKUP = new Set(['GET /api/workspaces/:ws/export']);

// ── The rules, as PRODUCT.md states them ────────────────────────────────────

/** Collections a member may add records to, and edit or delete when they are their own. */
const MEMBER_ADDS = new Set<string>(['roleClaims', 'activities', 'communications', 'caseEvents']);
/** …plus their own member profile, which they may edit but not delete. */
const MEMBER_EDITS = new Set<string>(['members', ...MEMBER_ADDS]);

type Expectation =
  { readonly allowed: true } | { readonly allowed: false; readonly statuses: readonly number[] };
const ALLOWED: Expectation = { allowed: true };
const refused = (...statuses: number[]): Expectation => ({ allowed: false, statuses });

const RECORD_ROUTE = /^\/api\/collaborations\/:id\/(\w+)(\/:recordId)?$/;

function collectionOf(route: RouteEntry): EditableCollection | null {
  if (route.access !== 'record.read' && route.access !== 'record.write') return null;
  const name = RECORD_ROUTE.exec(route.path)?.[1];
  return (EDITABLE_COLLECTIONS as readonly string[]).includes(name ?? '')
    ? (name as EditableCollection)
    : null;
}

const targetsOne = (route: RouteEntry) => route.path.endsWith('/:recordId');

/** What the member's 'own' reach allows, by what the request does and whose record it is. */
function memberMay(cell: Omit<Cell, 'allowed'>): boolean {
  const { route, collection, ownership } = cell;
  if (collection === null) return false;
  const own = ownership === 'own';
  switch (route.method) {
    case 'GET':
      return !targetsOne(route) || own;
    case 'POST':
      return MEMBER_ADDS.has(collection) && own;
    case 'PUT':
      return MEMBER_EDITS.has(collection) && own;
    case 'DELETE':
      return MEMBER_ADDS.has(collection) && own;
    case 'PATCH':
      return false;
  }
}

function expectation(cell: Omit<Cell, 'allowed'>): Expectation {
  const { route, actor, scope } = cell;
  if (route.access === 'public') return ALLOWED;
  if (actor === 'anonymous') return refused(401);
  if (route.access === 'self') return ALLOWED;
  if (route.access === 'anyOwner') return actor === 'owner' ? ALLOWED : refused(403);
  // Another workspace: not there for this user.
  if (scope === 'other') return refused(404);
  const row: Partial<Record<Role, Reach>> = POLICY[route.access];
  const reach = row[actor];
  if (reach === undefined) return refused(403, 404);
  // Another agency's confidential record: not there for anyone who could otherwise reach it.
  if (scope === 'confidential') return refused(404);
  if (reach === 'own') return memberMay(cell) ? ALLOWED : refused(403, 404);
  return ALLOWED;
}

// ── The cells ───────────────────────────────────────────────────────────────

function scopesOf(route: RouteEntry): Scope[] {
  const scopes: Scope[] = ['own'];
  const workspaceBound = !['public', 'self', 'anyOwner'].includes(route.access);
  if (workspaceBound) scopes.push('other');
  const confidentialParam = [...route.path.matchAll(/:(\w+)/g)].some(
    ([, name]) => CONFIDENTIAL_PARAMS[name ?? ''] !== undefined,
  );
  if ((collectionOf(route) !== null && targetsOne(route)) || confidentialParam)
    scopes.push('confidential');
  return scopes;
}

/** The member's 'own' reach is walked over their own records and over someone else's. */
function ownershipsOf(route: RouteEntry, actor: Actor, scope: Scope): (Ownership | null)[] {
  const collection = collectionOf(route);
  if (actor !== 'member' || scope !== 'own' || collection === null) return [null];
  if (route.method === 'GET' && !targetsOne(route)) return [null];
  if (route.method === 'POST') return collection === 'roleClaims' ? ['own', 'others'] : ['own'];
  return collection === 'members' || MEMBER_ADDS.has(collection) ? ['own', 'others'] : ['others'];
}

function cellsFor(actor: Actor): Cell[] {
  const cells: Cell[] = [];
  for (const route of ROUTE_TABLE) {
    const collection = collectionOf(route);
    for (const scope of actor === 'anonymous' ? (['own'] as Scope[]) : scopesOf(route))
      for (const ownership of ownershipsOf(route, actor, scope)) {
        const cell = { route, actor, scope, ownership, collection };
        cells.push({ ...cell, allowed: expectation(cell).allowed });
      }
  }
  return cells;
}

// ── Building and sending requests ───────────────────────────────────────────

/** The record a record route's cell points at (a fresh one for a delete that should succeed). */
async function recordTarget(cell: Cell): Promise<{ collaborationId: string; id: string }> {
  const collection = cell.collection as EditableCollection;
  if (cell.scope === 'other')
    return { collaborationId: world.other.collaboration, id: world.shared[collection] };
  const collaborationId = world.own.collaboration;
  if (cell.scope === 'confidential') return { collaborationId, id: world.secret[collection] };
  const own = cell.ownership === 'own';
  // A delete that should succeed gets a record of its own, made by whoever may delete it.
  if (cell.route.method === 'DELETE' && cell.allowed)
    return {
      collaborationId,
      id: await world.freshRecord(collection, cell.actor === 'member' ? 'member' : 'owner'),
    };
  const id = own ? world.memberOwn[collection] : world.shared[collection];
  if (id === undefined) throw new Error(`the member owns no ${collection}`);
  return { collaborationId, id };
}

/** The request of a record route (built from NEW_RECORDS and the stored records). */
async function recordRequest(cell: Cell): Promise<Prepared> {
  const collection = cell.collection as EditableCollection;
  const build = NEW_RECORDS[collection] as (typeof NEW_RECORDS)[EditableCollection] | undefined;
  if (!build)
    throw new Error(
      `no builder for new ${collection} records: add one to NEW_RECORDS in test-support/route-cases.ts`,
    );
  if (cell.route.method === 'POST') {
    const id = `new-${collection}-${world.next()}`;
    const memberId = cell.ownership === 'others' ? 'm-sw' : world.memberId;
    return { body: build({ id, memberId, text: `Made by ${cell.actor}` }) };
  }
  if (cell.route.method === 'GET' && !targetsOne(cell.route)) return {};
  const { collaborationId, id } = await recordTarget(cell);
  const params = { id: collaborationId, recordId: id };
  switch (cell.route.method) {
    case 'PUT':
      return { params, body: await world.recordOf(collaborationId, collection, id) };
    case 'DELETE':
      return { params, query: `version=${await world.versionOf(collaborationId, collection, id)}` };
    case 'GET':
    case 'POST':
    case 'PATCH':
      return { params };
  }
}

async function prepare(cell: Cell): Promise<Prepared> {
  if (cell.collection !== null) return recordRequest(cell);
  const entry = ROUTE_CASES[key(cell.route)];
  if (entry) return entry.prepare(world, cell);
  if (cell.route.method === 'GET') return {};
  throw new Error(
    `no request builder for ${key(cell.route)}: add it to ROUTE_CASES in test-support/route-cases.ts`,
  );
}

function pathOf(cell: Cell, prepared: Prepared): string {
  let path = cell.route.path.replace(/:(\w+)/g, (_match, name: string) => {
    // In the confidential scope, the confidential thing is the target whatever the case says.
    const given =
      (cell.scope === 'confidential' ? CONFIDENTIAL_PARAMS[name] : undefined) ??
      prepared.params?.[name];
    if (given !== undefined) return encodeURIComponent(given);
    const fallback = PARAMS[name];
    if (!fallback)
      throw new Error(
        `no value for :${name} of ${key(cell.route)}: add it to PARAMS or to the route's entry in test-support/route-cases.ts`,
      );
    return encodeURIComponent(fallback(world, cell.scope));
  });
  const query = [prepared.query ?? ''];
  // Workspace-bound routes without a resource in the path name their workspace in the query.
  if (!/:\w+/.test(cell.route.path) && !['public', 'self', 'anyOwner'].includes(cell.route.access))
    query.push(`workspace=${cell.scope === 'other' ? world.other.slug : world.own.slug}`);
  const joined = query.filter((q) => q !== '').join('&');
  if (joined !== '') path += `?${joined}`;
  return path;
}

async function send(
  cell: Cell,
  alter: (prepared: Prepared) => Prepared = (p) => p,
): Promise<{ path: string; res: Response }> {
  const prepared = alter(await prepare(cell));
  const path = pathOf(cell, prepared);
  const headers: Record<string, string> = { ...(prepared.headers ?? {}) };
  const session =
    prepared.session ?? (cell.actor === 'anonymous' ? null : world.sessions.get(cell.actor));
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrf;
  }
  const init: RequestInit = { method: cell.route.method, headers };
  if (prepared.raw) {
    headers['content-type'] = prepared.raw.type;
    init.body = prepared.raw.text;
  } else if (prepared.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(prepared.body);
  }
  return { path, res: await world.app.request(path, init) };
}

// ── Checking answers ────────────────────────────────────────────────────────

/** Whether a record a member's list returned is theirs (their profile, claims, authored). */
function ownByMember(collection: EditableCollection, record: Record<string, unknown>): boolean {
  if (collection === 'members') return record.id === world.memberId;
  if (collection === 'roleClaims') return record.memberId === world.memberId;
  if (MEMBER_ADDS.has(collection)) return record.author === 'u-member';
  return false;
}

async function check(cell: Cell): Promise<string[]> {
  const { path, res } = await send(cell);
  const text = await res.text();
  const where = `${cell.actor} ${cell.route.method} ${cell.route.path} [${cell.scope}${cell.ownership ? `, ${cell.ownership}` : ''}] (${path}) → ${res.status}`;
  const expected = expectation(cell);
  const problems: string[] = [];
  if (expected.allowed) {
    if (res.status < 200 || res.status > 299)
      problems.push(`${where}: allowed by the role table, so expected 2xx: ${text.slice(0, 300)}`);
  } else if (!expected.statuses.includes(res.status)) {
    problems.push(`${where}: expected ${expected.statuses.join(' or ')}: ${text.slice(0, 300)}`);
  }
  if (res.ok && (res.headers.get('content-type') ?? '').includes('json') && text !== '') {
    try {
      JSON.parse(text);
    } catch {
      problems.push(`${where}: the body is not JSON`);
    }
  }
  if (res.ok && cell.scope === 'own' && !FULL_BACKUP.has(key(cell.route)))
    for (const secret of SECRET_TEXTS)
      if (text.includes(secret)) problems.push(`${where}: shows another agency’s “${secret}”`);
  if (
    res.ok &&
    cell.actor === 'member' &&
    cell.collection &&
    cell.route.method === 'GET' &&
    !targetsOne(cell.route)
  ) {
    const { records } = JSON.parse(text) as { records: Record<string, unknown>[] };
    const foreign = records.filter((r) => !ownByMember(cell.collection as EditableCollection, r));
    if (foreign.length > 0)
      problems.push(
        `${where}: lists records that are not the member’s: ${foreign.map((r) => String(r.id)).join(', ')}`,
      );
  }
  return problems;
}

// ── The tests ───────────────────────────────────────────────────────────────

describe('the route table', () => {
  it('names every /api route the app registers, and nothing it does not', () => {
    const registered = new Set(
      world.app.routes
        .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && r.path !== '/api/*')
        .map((r) => key(r)),
    );
    const table = new Set(ROUTE_TABLE.map(key));
    expect(
      [...registered].filter((k) => !table.has(k)),
      'registered but not in ROUTE_TABLE',
    ).toEqual([]);
    expect(
      [...table].filter((k) => !registered.has(k)),
      'in ROUTE_TABLE but not registered',
    ).toEqual([]);
    expect(table.size, 'a route listed twice').toBe(ROUTE_TABLE.length);
  });

  it('has a way to build a request for every route, and every record collection', () => {
    const missing: string[] = [];
    for (const route of ROUTE_TABLE) {
      const collection = collectionOf(route);
      if (collection !== null) {
        if (!(collection in NEW_RECORDS)) missing.push(`${key(route)}: NEW_RECORDS.${collection}`);
        continue;
      }
      if (route.method !== 'GET' && !ROUTE_CASES[key(route)])
        missing.push(`${key(route)}: ROUTE_CASES`);
      for (const [, name] of route.path.matchAll(/:(\w+)/g))
        if (!PARAMS[name ?? ''] && !ROUTE_CASES[key(route)])
          missing.push(`${key(route)}: PARAMS.${name}`);
    }
    for (const name of Object.keys(ROUTE_CASES))
      if (!ROUTE_TABLE.some((r) => key(r) === name))
        missing.push(`${name}: in ROUTE_CASES but not a route`);
    expect(missing, 'add these to test-support/route-cases.ts').toEqual([]);
  });
});

describe('the authorisation matrix', () => {
  it.each(['anonymous', ...ROLES] as const)(
    '%s: every route × own workspace, another workspace, another agency’s confidential record',
    // About 400 requests a role: some 8 s on an idle machine, far more on a busy one.
    { timeout: 300_000 },
    async (actor) => {
      const problems: string[] = [];
      const cells = cellsFor(actor);
      for (const cell of cells) {
        try {
          problems.push(...(await check(cell)));
        } catch (error) {
          const where = `${cell.actor} ${key(cell.route)} [${cell.scope}]`;
          problems.push(`${where}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      expect(problems).toEqual([]);
      // Every route was walked, allowed and refused alike.
      expect(new Set(cells.map((c) => key(c.route))).size).toBe(ROUTE_TABLE.length);
    },
  );

  it('walked allowed and refused cells for every role', () => {
    for (const role of ROLES) {
      const cells = cellsFor(role);
      expect(
        cells.some((c) => expectation(c).allowed),
        role,
      ).toBe(true);
      expect(
        cells.some((c) => !expectation(c).allowed),
        role,
      ).toBe(true);
    }
    // The member's 'own' reach: allowed writes exist for every collection they may add to.
    const memberWrites = cellsFor('member').filter((c) => c.route.method !== 'GET' && c.allowed);
    for (const collection of MEMBER_ADDS)
      expect(
        memberWrites
          .filter((c) => c.collection === collection)
          .map((c) => c.route.method)
          .sort(),
      ).toEqual(['DELETE', 'POST', 'PUT']);
    expect(
      memberWrites.filter((c) => c.collection === 'members').map((c) => c.route.method),
    ).toEqual(['PUT']);
  });

  it('refuses unknown fields with 400 naming them, on every route that takes a JSON object', async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const route of ROUTE_TABLE) {
      const collection = collectionOf(route);
      if (route.method === 'GET' || route.method === 'DELETE') continue;
      if (collection === null && ROUTE_CASES[key(route)]?.strictBody === false) continue;
      const actor: Actor = route.access === 'public' ? 'anonymous' : 'owner';
      const cell: Cell = { route, actor, scope: 'own', ownership: null, collection, allowed: true };
      let sent = false;
      const { res } = await send(cell, (prepared) => {
        const body = prepared.body;
        if (prepared.raw || typeof body !== 'object' || body === null || Array.isArray(body))
          return prepared;
        sent = true;
        return { ...prepared, body: { ...body, unexpectedField: 1 } };
      });
      const text = await res.text();
      if (!sent) {
        problems.push(
          `${key(route)}: no JSON object body to add a field to (mark it strictBody: false if it takes none)`,
        );
        continue;
      }
      checked++;
      if (res.status !== 400 || !text.includes('unexpectedField'))
        problems.push(`${key(route)} → ${res.status}: ${text.slice(0, 300)}`);
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(40);
  });

  it('met no unexpected server error', () => {
    expect(errors).toEqual([]);
  });
});
