/**
 * How to make a valid request to each route of ROUTE_TABLE: the one table the authorisation
 * matrix (and the unknown-field test) build their requests from.
 *
 * ADDING A ROUTE? Every route that takes a body needs an entry in {@link ROUTE_CASES} (GET
 * routes need one only for required query parameters or unusual path parameters); a new
 * record collection needs a builder in {@link NEW_RECORDS}; a new path parameter needs a
 * value in {@link PARAMS}. The matrix fails naming the route until it has them. A request
 * built here must succeed (2xx) for a role POLICY allows, so build it valid, and create what
 * it changes in `prepare` (a record to delete, a wave to close) rather than touching the
 * shared fixtures.
 */
import type { Store, WorkspaceRow } from '@weframe/store';
import type { App } from '../app.js';
import type { Role } from '../policy.js';
import type { EditableCollection } from '../record.service.js';
import type { RouteEntry } from '../route-table.js';
import type { Client, SignedIn } from './signed-in.js';

/** Who sends a request: a role of the home workspace, or nobody signed in. */
export type Actor = Role | 'anonymous';

/**
 * Where a request points: the actor's own workspace, another workspace (where the actor has
 * no role), or a record of the actor's own workspace confidential to another agency.
 */
export type Scope = 'own' | 'other' | 'confidential';

/**
 * For the member role's 'own' reach: whether the request is about the member's own record
 * (their profile, their role claims, what they authored) or someone else's.
 */
export type Ownership = 'own' | 'others';

/** One cell of the matrix. */
export interface Cell {
  readonly route: RouteEntry;
  readonly actor: Actor;
  readonly scope: Scope;
  readonly ownership: Ownership | null;
  /** The record collection of a record route, else null. */
  readonly collection: EditableCollection | null;
  /**
   * Whether the role table allows the request: prepare fresh targets (a record to delete, a
   * wave to close) only then; a refused request may point at the shared fixtures.
   */
  readonly allowed: boolean;
}

/** Ids a scope's requests point at. */
export interface ScopeIds {
  readonly slug: string;
  readonly collaboration: string;
  /** An open anonymous wave with an unused link. */
  readonly wave: string;
  readonly link: string;
  /** The token of `link`, unused. */
  readonly token: string;
  /** A user of the scope's workspace (the owner, there). */
  readonly userId: string;
}

/** What the builders may use and create. */
export interface MatrixWorld {
  readonly app: App;
  readonly store: Store;
  readonly home: WorkspaceRow;
  readonly elsewhere: WorkspaceRow;
  /** The main session of each role user of the home workspace (all of agency ag-school). */
  readonly sessions: ReadonlyMap<Role, SignedIn>;
  /** The password each role user has now (the password route changes it). */
  readonly passwords: Map<string, string>;
  /** The home owner and the other workspace's owner, for making fixtures. */
  readonly owner: Client;
  readonly otherOwner: Client;
  /** The collaboration member the member user is linked to. */
  readonly memberId: string;
  readonly own: ScopeIds;
  readonly other: ScopeIds;
  /** Per collection: a record of the home collaboration that is no member's own. */
  readonly shared: Readonly<Record<EditableCollection, string>>;
  /** Per collection: a record of the home collaboration confidential to another agency. */
  readonly secret: Readonly<Record<EditableCollection, string>>;
  /** The member's own records, in the collections where a member owns any. */
  readonly memberOwn: Readonly<Partial<Record<EditableCollection, string>>>;
  /** A number not used before, for unique ids, names and emails. */
  next(): number;
  /** A new session of the role's user (for requests that end or replace a session). */
  freshSession(role: Role): Promise<SignedIn>;
  /** A new workspace where every role user holds their role (archived when asked). */
  freshWorkspace(options?: { archived?: boolean }): Promise<WorkspaceRow>;
  /** A new collaboration in the home workspace (archived when asked). */
  freshCollaboration(options?: { archived?: boolean }): Promise<string>;
  /** A new viewer of the home workspace, for the user management routes. */
  freshUser(): Promise<string>;
  /** A new open anonymous wave in the scope's collaboration. */
  freshWave(scope: 'own' | 'other'): Promise<string>;
  /** A new unused link of the scope's main wave. */
  freshLink(scope: 'own' | 'other'): Promise<{ id: string; token: string }>;
  /** A new record nothing refers to, created by the owner or by the member (as their own). */
  freshRecord(collection: EditableCollection, by: 'owner' | 'member'): Promise<string>;
  /** The stored version of a record of a collaboration. */
  versionOf(collaborationId: string, collection: string, id: string): Promise<number>;
  /** The stored record as the API takes it back on a replace. */
  recordOf(
    collaborationId: string,
    collection: string,
    id: string,
  ): Promise<Record<string, unknown>>;
  /** The collaboration's current version. */
  collaborationVersion(collaborationId: string): Promise<number>;
}

/** One request, ready to send. */
export interface Prepared {
  /** Values of path parameters, over the defaults of {@link PARAMS}. */
  readonly params?: Readonly<Record<string, string>>;
  /** Query string without `?`. */
  readonly query?: string;
  /** A JSON body. */
  readonly body?: unknown;
  /** A body that is not JSON, with its content type. */
  readonly raw?: { readonly type: string; readonly text: string };
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent with this session instead of the actor's main one. */
  readonly session?: SignedIn;
}

/** How to make a request to one route. */
export interface RouteCase {
  /**
   * Whether the route's JSON body is an object that refuses unknown fields (default true
   * for routes with a JSON object body).
   */
  readonly strictBody?: boolean;
  prepare(world: MatrixWorld, cell: Cell): Promise<Prepared> | Prepared;
}

/** The scope's ids, the confidential scope pointing into the home workspace. */
export const idsOf = (world: MatrixWorld, scope: Scope): ScopeIds =>
  scope === 'other' ? world.other : world.own;

/**
 * Default values of path parameters, per scope; record ids come from the cell (see
 * `recordTarget` in the matrix). A route with a parameter missing here fails the matrix.
 */
export const PARAMS: Readonly<Record<string, (world: MatrixWorld, scope: Scope) => string>> = {
  id: (w, s) => idsOf(w, s).collaboration,
  ws: (w, s) => idsOf(w, s).slug,
  waveId: (w, s) => idsOf(w, s).wave,
  linkId: (w, s) => idsOf(w, s).link,
  token: (w, s) => idsOf(w, s).token,
  userId: (w, s) => idsOf(w, s).userId,
  // The rich sample's qualitative records (the same ids in both collaborations).
  sourceId: () => 'src-2',
  codeId: () => 'code-roles',
  codingId: () => 'cod-2',
  memoId: () => 'memo-1',
  caseId: () => 'qc-teacher',
  name: () => 'Profession',
};

/**
 * Path parameters that can point at something confidential to another agency, with that
 * thing's id in the home collaboration: the matrix walks their routes in the 'confidential'
 * scope too (record routes always are). `src-1` is confidential to the NHS trust; `cod-1`
 * codes a passage of it.
 */
export const CONFIDENTIAL_PARAMS: Readonly<Record<string, string>> = {
  sourceId: 'src-1',
  codingId: 'cod-1',
};

/** What a new record's builder gets. */
export interface NewRecordInput {
  readonly id: string;
  /** The member a role claim is about: the member user's own member, or another. */
  readonly memberId: string;
  /** Text to put in the record's free text, to find it again in responses. */
  readonly text: string;
}

/**
 * A valid new record of each editable collection, referring only to non-confidential records
 * of the rich sample document (so it is valid in any collaboration made from it) and referred
 * to by nothing (so it can be deleted).
 */
export const NEW_RECORDS: Readonly<
  Record<EditableCollection, (input: NewRecordInput) => Record<string, unknown>>
> = {
  members: ({ id, text }) => ({
    id,
    displayName: text,
    professionId: 'pr-teacher',
    agencyId: 'ag-school',
    statusLevel: 3,
    multiAgencyTraining: true,
    priorMultiAgencyExperience: false,
    membershipMode: 'solelyInTeam',
    dedicatedHoursPerWeek: 7.5,
    startDate: '2024-09-02',
  }),
  agencies: ({ id, text }) => ({
    id,
    name: text,
    sector: 'voluntary',
    statutoryDutyForJointAim: false,
  }),
  professions: ({ id, text }) => ({ id, name: text }),
  goals: ({ id, text }) => ({ id, level: 'agency', agencyId: 'ag-school', statement: text }),
  cases: ({ id, text }) => ({ id, pseudonym: text.slice(0, 60) }),
  needs: ({ id, text }) => ({ id, description: text, caseId: 'case-a' }),
  responsibilityAreas: ({ id, text }) => ({ id, name: text }),
  roleClaims: ({ id, memberId, text }) => ({
    id,
    memberId,
    areaIds: ['area-risk'],
    statement: text,
  }),
  rolePerceptions: ({ id }) => ({
    id,
    perceiverId: 'm-teacher',
    targetId: 'm-sw',
    areaIds: ['area-risk'],
    source: 'interview',
  }),
  activities: ({ id, text }) => ({
    id,
    date: '2024-12-02',
    title: text,
    phase: 'doing',
    kind: 'meeting',
    participantIds: ['m-sw', 'm-teacher'],
  }),
  communications: ({ id, text }) => ({
    id,
    date: '2024-12-03',
    fromId: 'm-teacher',
    toIds: ['m-sw'],
    channel: 'email',
    topic: text,
  }),
  caseEvents: ({ id, text }) => ({
    id,
    date: '2024-12-04',
    caseId: 'case-a',
    memberId: 'm-teacher',
    kind: 'assessment',
    description: text,
  }),
  decisions: ({ id, text }) => ({
    id,
    date: '2024-12-05',
    title: text,
    method: 'consensus',
    participantIds: ['m-sw', 'm-teacher'],
  }),
  referrals: ({ id, text }) => ({
    id,
    date: '2024-12-06',
    fromId: 'm-teacher',
    toId: 'm-sw',
    reason: text,
  }),
  coordinatingRecords: ({ id, text }) => ({
    id,
    date: '2024-12-07',
    kind: 'overlap',
    areaId: 'area-risk',
    memberIds: ['m-sw', 'm-teacher'],
    resolution: text,
  }),
  withheldInformation: ({ id, text }) => ({
    id,
    date: '2024-12-08',
    holderId: 'm-sw',
    withheldFromIds: ['m-teacher'],
    rule: { kind: 'consent' },
    description: text,
  }),
  policies: ({ id, text }) => ({ id, name: text, scope: 'local' }),
  policyInteractions: ({ id, text }) => ({
    id,
    policyIds: ['pol-excl', 'pol-inc'],
    effect: 'supports',
    description: text,
  }),
  adaptations: ({ id, text }) => ({
    id,
    date: '2025-01-12',
    policyId: 'pol-inc',
    kind: 'interpretation',
    description: text,
  }),
  agencyRelations: ({ id }) => ({
    id,
    agencyIds: ['ag-school', 'ag-yot'],
    protocol: false,
    yearsOfHistory: 2,
  }),
  meetings: ({ id, text }) => ({
    id,
    title: text,
    frequency: 'fortnightly',
    startDate: '2024-10-01',
    participantIds: ['m-sw', 'm-teacher'],
  }),
};

/** The session a request that ends or replaces the caller's session must use. */
const freshFor = async (world: MatrixWorld, cell: Cell): Promise<Prepared> =>
  cell.actor === 'anonymous' ? {} : { session: await world.freshSession(cell.actor) };

/** The target workspace of a change that archives, restores or fills a whole workspace. */
const workspaceFor = async (world: MatrixWorld, cell: Cell, archived = false) =>
  cell.allowed ? (await world.freshWorkspace({ archived })).slug : idsOf(world, cell.scope).slug;

/**
 * Requests of the routes that are not record routes (those are built from
 * {@link NEW_RECORDS}). Keyed by `METHOD path` as in ROUTE_TABLE.
 */
export const ROUTE_CASES: Readonly<Record<string, RouteCase>> = {
  // ── Accounts ──
  'POST /api/auth/login': {
    // Signing in replaces the session the request carried: use a spare one.
    async prepare(world, cell) {
      const email = 'u-login@example.org';
      return {
        ...(await freshFor(world, cell)),
        body: { email, password: world.passwords.get('u-login') ?? '' },
      };
    },
  },
  'POST /api/auth/logout': {
    strictBody: false,
    prepare: freshFor,
  },
  'POST /api/auth/accept': {
    async prepare(world, cell) {
      const res = await world.owner.post(`/api/workspaces/${world.own.slug}/users`, {
        email: `accepting-${world.next()}@example.org`,
        role: 'viewer',
      });
      const { invitation } = (await res.json()) as { invitation: { url: string } };
      const token = invitation.url.split('/').pop() ?? '';
      return {
        ...(await freshFor(world, cell)),
        body: { token, password: 'a new long password' },
      };
    },
  },
  'POST /api/auth/password': {
    // From the main session: the change ends every other session of the user.
    prepare(world, cell) {
      const userId = cell.actor === 'anonymous' ? 'u-owner' : `u-${cell.actor}`;
      const current = world.passwords.get(userId) ?? '';
      const next = `${current}+`;
      return { body: { current, next } };
    },
  },

  // ── Workspaces ──
  'POST /api/workspaces': {
    prepare: (world) => {
      const n = world.next();
      return { body: { slug: `made-${n}`, name: `Made ${n}` } };
    },
  },
  'POST /api/workspaces/:ws/users': {
    prepare: (world) => ({
      body: { email: `invited-${world.next()}@example.org`, role: 'viewer' },
    }),
  },
  'PATCH /api/workspaces/:ws/users/:userId': {
    async prepare(world, cell) {
      const params = cell.allowed ? { userId: await world.freshUser() } : {};
      return { params, body: { role: 'member' } };
    },
  },
  'DELETE /api/workspaces/:ws/users/:userId': {
    async prepare(world, cell) {
      return { params: cell.allowed ? { userId: await world.freshUser() } : {} };
    },
  },
  'POST /api/workspaces/:ws/users/:userId/reset': {
    strictBody: false,
    async prepare(world, cell) {
      return { params: cell.allowed ? { userId: await world.freshUser() } : {} };
    },
  },
  'POST /api/workspaces/:ws/archive': {
    strictBody: false,
    prepare: async (world, cell) => ({ params: { ws: await workspaceFor(world, cell) } }),
  },
  'POST /api/workspaces/:ws/restore': {
    strictBody: false,
    prepare: async (world, cell) => ({ params: { ws: await workspaceFor(world, cell, true) } }),
  },
  'POST /api/workspaces/:ws/import': {
    // Into an empty workspace: the export of another workspace holding no collaboration.
    async prepare(world, cell) {
      if (!cell.allowed) return { body: { format: 'weframe.workspace' } };
      const source = await world.freshWorkspace();
      const file = await world.store.workspaceArchive.exportWorkspace(source.id, new Date());
      return { params: { ws: await workspaceFor(world, cell) }, body: file };
    },
  },

  // ── Collaborations ──
  'POST /api/collaborations': {
    strictBody: false,
    prepare: (world) => ({ body: smallDocument(`collab-made-${world.next()}`) }),
  },
  'PATCH /api/collaborations/:id': {
    async prepare(world, cell) {
      const id = idsOf(world, cell.scope).collaboration;
      return { body: { version: await world.collaborationVersion(id), name: 'Renamed' } };
    },
  },
  'POST /api/collaborations/:id/archive': {
    strictBody: false,
    async prepare(world, cell) {
      return cell.allowed ? { params: { id: await world.freshCollaboration() } } : {};
    },
  },
  'POST /api/collaborations/:id/restore': {
    strictBody: false,
    async prepare(world, cell) {
      return cell.allowed
        ? { params: { id: await world.freshCollaboration({ archived: true }) } }
        : {};
    },
  },

  // ── Survey waves ──
  'POST /api/collaborations/:id/waves': {
    prepare: (world) => ({ body: { name: `Wave ${world.next()}`, mode: 'anonymous' } }),
  },
  'POST /api/waves/:waveId/close': {
    strictBody: false,
    async prepare(world, cell) {
      return cell.allowed ? { params: { waveId: await world.freshWave('own') } } : {};
    },
  },
  'POST /api/waves/:waveId/invitations': { prepare: () => ({ body: { count: 1 } }) },
  'POST /api/waves/:waveId/invitations/:linkId/revoke': {
    strictBody: false,
    async prepare(world, cell) {
      return cell.allowed ? { params: { linkId: (await world.freshLink('own')).id } } : {};
    },
  },
  'POST /api/waves/:waveId/invitations/:linkId/reissue': {
    strictBody: false,
    async prepare(world, cell) {
      return cell.allowed ? { params: { linkId: (await world.freshLink('own')).id } } : {};
    },
  },
  'POST /api/waves/:waveId/responses/import': {
    strictBody: false,
    prepare: () => ({
      query: `mapping=${encodeURIComponent(JSON.stringify({ columns: { 'Shared aim': 'TR1' } }))}`,
      raw: { type: 'text/csv', text: 'Shared aim\r\nAgree\r\n' },
    }),
  },

  // ── Respondents: the link's token is the key ──
  'PUT /api/s/:token/draft': { prepare: () => ({ body: { answers: { TR1: 3 } } }) },

  // ── Diagnosis ──
  'GET /api/collaborations/:id/change': {
    // The rich sample's two waves, in both collaborations.
    prepare: () => ({ query: 'from=wave-1&to=wave-2' }),
  },

  'POST /api/responses': {
    async prepare(world, cell) {
      const scope = cell.scope === 'other' ? 'other' : 'own';
      const { token } = await world.freshLink(scope);
      return {
        body: { token, answers: { TR1: 4 } },
        headers: { 'idempotency-key': `matrix-${world.next()}` },
      };
    },
  },

  // ── Qualitative evidence (src-2, code-roles: non-confidential records of the rich document) ──
  'POST /api/collaborations/:id/qualitative/sources': {
    strictBody: false,
    prepare: (world) => ({
      query: `filename=notes-${world.next()}.txt&kind=interview`,
      raw: { type: 'text/plain', text: `Chair: Meeting ${world.next()} agreed the plan.` },
    }),
  },
  'GET /api/collaborations/:id/qualitative/sources/:sourceId': {
    prepare: () => ({ params: { sourceId: 'src-2' } }),
  },
  'PATCH /api/collaborations/:id/qualitative/sources/:sourceId': {
    async prepare(world) {
      const version = await world.versionOf(
        world.own.collaboration,
        'qualitative.sources',
        'src-2',
      );
      return { params: { sourceId: 'src-2' }, body: { version, title: 'Meeting notes' } };
    },
  },
  'DELETE /api/collaborations/:id/qualitative/sources/:sourceId': {
    prepare: async (world, cell) => ({
      params: {
        sourceId: !cell.allowed ? 'src-2' : await freshQualitative(world, 'source'),
      },
      query: 'version=1',
    }),
  },
  'GET /api/collaborations/:id/qualitative/sources/:sourceId/suggestions': {
    prepare: () => ({ params: { sourceId: 'src-2' } }),
  },
  'POST /api/collaborations/:id/qualitative/sources/:sourceId/suggestions/accept': {
    prepare: () => ({
      params: { sourceId: 'src-2' },
      body: { start: 0, end: 7, code: 'local.roles' },
    }),
  },
  'POST /api/collaborations/:id/qualitative/sources/:sourceId/suggestions/reject': {
    prepare: () => ({
      params: { sourceId: 'src-2' },
      body: { start: 0, end: 7, code: 'policy.structures' },
    }),
  },
  'POST /api/collaborations/:id/qualitative/import': {
    strictBody: false,
    prepare: () => ({
      query: 'filename=codebook.qdc',
      raw: {
        type: 'application/xml',
        text: '<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="5b1c7a52-8f0e-4c3d-9a6b-2f4e8d1c0a91" name="Imported in the matrix" isCodable="true"/></Codes></CodeBook>',
      },
    }),
  },
  'GET /api/collaborations/:id/qualitative/export': { prepare: () => ({ query: 'format=qdpx' }) },
  'POST /api/collaborations/:id/qualitative/codes': {
    prepare: (world) => ({ body: { name: `Matrix code ${world.next()}` } }),
  },
  'PATCH /api/collaborations/:id/qualitative/codes/:codeId': {
    prepare: async (world, cell) => ({
      params: {
        codeId: !cell.allowed ? 'code-roles' : await freshQualitative(world, 'code'),
      },
      body: { version: 1, name: `Renamed ${world.next()}` },
    }),
  },
  'DELETE /api/collaborations/:id/qualitative/codes/:codeId': {
    prepare: async (world, cell) => ({
      params: {
        codeId: !cell.allowed ? 'code-roles' : await freshQualitative(world, 'code'),
      },
      query: 'version=1',
    }),
  },
  'POST /api/collaborations/:id/qualitative/codes/:codeId/merge': {
    prepare: async (world, cell) => ({
      params: {
        codeId: !cell.allowed ? 'code-gap' : await freshQualitative(world, 'code'),
      },
      body: { into: 'code-roles' },
    }),
  },
  'POST /api/collaborations/:id/qualitative/codes/:codeId/move': {
    prepare: async (world, cell) => ({
      params: {
        codeId: !cell.allowed ? 'code-gap' : await freshQualitative(world, 'code'),
      },
      body: { parentId: 'code-roles' },
    }),
  },
  'POST /api/collaborations/:id/qualitative/codings': {
    prepare: () => ({ body: { sourceId: 'src-2', codeId: 'code-roles', start: 0, end: 6 } }),
  },
  'DELETE /api/collaborations/:id/qualitative/codings/:codingId': {
    prepare: async (world, cell) => ({
      params: {
        codingId: !cell.allowed ? 'cod-1' : await freshQualitative(world, 'coding'),
      },
      query: 'version=1',
    }),
  },
  'POST /api/collaborations/:id/qualitative/memos': {
    prepare: (world) => ({
      body: { target: { kind: 'source', id: 'src-2' }, text: `Memo ${world.next()}` },
    }),
  },
  'PATCH /api/collaborations/:id/qualitative/memos/:memoId': {
    prepare: async (world, cell) => ({
      params: { memoId: !cell.allowed ? 'memo-1' : await freshQualitative(world, 'memo') },
      body: { version: 1, text: `Changed ${world.next()}` },
    }),
  },
  'DELETE /api/collaborations/:id/qualitative/memos/:memoId': {
    prepare: async (world, cell) => ({
      params: { memoId: !cell.allowed ? 'memo-1' : await freshQualitative(world, 'memo') },
      query: 'version=1',
    }),
  },
  'POST /api/collaborations/:id/qualitative/cases': {
    prepare: (world) => ({ body: { name: `Matrix case ${world.next()}` } }),
  },
  'PATCH /api/collaborations/:id/qualitative/cases/:caseId': {
    prepare: async (world, cell) => ({
      params: { caseId: !cell.allowed ? 'qc-ot' : await freshQualitative(world, 'case') },
      body: { version: 1, name: `Renamed case ${world.next()}` },
    }),
  },
  'DELETE /api/collaborations/:id/qualitative/cases/:caseId': {
    prepare: async (world, cell) => ({
      params: { caseId: !cell.allowed ? 'qc-ot' : await freshQualitative(world, 'case') },
      query: 'version=1',
    }),
  },
  'POST /api/collaborations/:id/qualitative/attributes': {
    prepare: (world) => ({ body: { name: `Matrix attribute ${world.next()}`, type: 'text' } }),
  },
  'DELETE /api/collaborations/:id/qualitative/attributes/:name': {
    prepare: async (world, cell) => ({
      params: {
        name: !cell.allowed ? 'Profession' : await freshQualitative(world, 'attribute'),
      },
    }),
  },
};

/**
 * A new qualitative record of the home collaboration, made by its owner, that nothing else
 * refers to (so a request may change or remove it); returns its id (an attribute's name).
 */
async function freshQualitative(
  world: MatrixWorld,
  kind: 'source' | 'code' | 'coding' | 'memo' | 'case' | 'attribute',
): Promise<string> {
  const base = `/api/collaborations/${world.own.collaboration}/qualitative`;
  const n = world.next();
  const made = async (res: Response) => {
    const text = await res.text();
    if (res.status !== 201)
      throw new Error(`making a ${kind}: ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  switch (kind) {
    case 'source': {
      const owner = world.sessions.get('owner') as SignedIn;
      const res = await world.app.request(`${base}/sources?filename=fresh-${n}.txt`, {
        method: 'POST',
        headers: { cookie: owner.cookie, 'x-csrf-token': owner.csrf, 'content-type': 'text/plain' },
        body: `Chair: Fresh source ${n}.`,
      });
      return String(((await made(res)).source as { id: string }).id);
    }
    case 'code':
      return String(
        (await made(await world.owner.post(`${base}/codes`, { name: `Fresh ${n}` }))).id,
      );
    case 'coding': {
      const codeId = await freshQualitative(world, 'code');
      const body = { sourceId: 'src-2', codeId, start: 0, end: 6 };
      return String((await made(await world.owner.post(`${base}/codings`, body))).id);
    }
    case 'memo': {
      const body = { target: { kind: 'source', id: 'src-2' }, text: `Fresh memo ${n}` };
      return String((await made(await world.owner.post(`${base}/memos`, body))).id);
    }
    case 'case':
      return String(
        (await made(await world.owner.post(`${base}/cases`, { name: `Fresh case ${n}` }))).id,
      );
    case 'attribute':
      return String(
        (
          await made(
            await world.owner.post(`${base}/attributes`, { name: `Fresh ${n}`, type: 'text' }),
          )
        ).name,
      );
  }
}

/** A small valid collaboration document under `id`. */
export function smallDocument(id: string): Record<string, unknown> {
  return {
    schemaVersion: 1,
    collaboration: {
      id,
      name: `Made in the matrix ${id}`,
      teamForm: 'structuredTeam',
      startDate: '2025-01-06',
      boundedness: { aims: 'defined', resourcing: 'defined', time: 'open' },
      fundingModel: 'jointFunding',
    },
    agencies: [
      { id: 'ag-x', name: 'Harbour Trust', sector: 'voluntary', statutoryDutyForJointAim: true },
    ],
    professions: [{ id: 'pr-x', name: 'Youth worker' }],
  };
}
