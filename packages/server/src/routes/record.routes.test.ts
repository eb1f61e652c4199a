import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseSchema } from '@weframe/core';
import type { Store, StoreScope, WorkspaceRow } from '@weframe/store';
import { auditLog } from '../../../store/src/schema.js';
import { freshStore } from '../../../store/src/test-support/fresh-store.js';
import { buildRichDocument } from '../../../store/src/test-support/document.factory.js';
import {
  buildActivity,
  buildAdaptation,
  buildAgency,
  buildAgencyRelation,
  buildCase,
  buildCaseEvent,
  buildCommunication,
  buildCoordinatingRecord,
  buildDecision,
  buildGoal,
  buildMeetingSeries,
  buildMember,
  buildNeed,
  buildPolicy,
  buildPolicyInteraction,
  buildReferral,
  buildResponsibilityArea,
  buildRoleClaim,
  buildRolePerception,
  buildWithheldInformation,
} from '../../../core/src/test-support/factories.js';
import { createApp, type App } from '../app.js';
import { EDITABLE_COLLECTIONS, type EditableCollection } from '../record.service.js';
import { actingAs, signedIn, type Client } from '../test-support/signed-in.js';

type Json = Record<string, unknown>;
interface ErrorBody {
  error: string;
  message: string;
  issues?: { code: string; path: string; message: string }[];
}

let store: Store;
let app: App;
let workspace: WorkspaceRow;
let facilitator: Client;
let member: Client;
let researcher: Client;
let collaborationId: string;
const errors: unknown[] = [];

const base = () => `/api/collaborations/${collaborationId}`;

beforeAll(async () => {
  store = await freshStore();
  app = await createApp({ store, logError: (_m, e) => errors.push(e) });
  workspace = await store.workspaces.ensureDefault();
  facilitator = actingAs(
    app,
    await signedIn(store, {
      id: 'u-fac',
      workspaceId: workspace.id,
      role: 'facilitator',
      agencyId: 'ag-school',
    }),
  );
  researcher = actingAs(
    app,
    await signedIn(store, { id: 'u-res', workspaceId: workspace.id, role: 'researcher' }),
  );
  const created = await facilitator.post('/api/collaborations', buildRichDocument());
  expect(created.status).toBe(201);
  collaborationId = ((await created.json()) as { id: string }).id;
  member = actingAs(
    app,
    await signedIn(store, {
      id: 'u-teacher',
      workspaceId: workspace.id,
      role: 'member',
      agencyId: 'ag-school',
      links: [{ collaborationId, memberId: 'm-teacher' }],
    }),
  );
});
afterAll(async () => {
  await store.close();
});

/** A valid new record of each collection, against the rich document's ids. */
const NEW_RECORD: Record<EditableCollection, (id: string) => Json> = {
  members: (id) => buildMember({ id, agencyId: 'ag-school', professionId: 'pr-teacher' }),
  agencies: (id) => buildAgency({ id, name: 'Ashby Library' }),
  professions: (id) => ({ id, name: 'School nurse' }),
  goals: (id) => buildGoal({ id }),
  cases: (id) => buildCase({ id }),
  needs: (id) => buildNeed({ id, caseId: 'case-a' }),
  responsibilityAreas: (id) => buildResponsibilityArea({ id }),
  roleClaims: (id) => buildRoleClaim({ id, memberId: 'm-sw', areaIds: ['area-motor'] }),
  rolePerceptions: (id) =>
    buildRolePerception({ id, perceiverId: 'm-sw', targetId: 'm-teacher', areaIds: [] }),
  activities: (id) => buildActivity({ id, participantIds: ['m-sw', 'm-teacher'] }),
  communications: (id) => buildCommunication({ id, fromId: 'm-sw', toIds: ['m-teacher'] }),
  caseEvents: (id) => buildCaseEvent({ id, caseId: 'case-a', memberId: 'm-sw' }),
  decisions: (id) => buildDecision({ id }),
  referrals: (id) => buildReferral({ id, fromId: 'm-sw', toId: 'm-teacher' }),
  coordinatingRecords: (id) => buildCoordinatingRecord({ id, memberIds: ['m-sw', 'm-teacher'] }),
  withheldInformation: (id) =>
    buildWithheldInformation({ id, holderId: 'm-sw', withheldFromIds: ['m-teacher'] }),
  policies: (id) => buildPolicy({ id }),
  policyInteractions: (id) => buildPolicyInteraction({ id, policyIds: ['pol-excl', 'pol-inc'] }),
  adaptations: (id) => buildAdaptation({ id }),
  agencyRelations: (id) => buildAgencyRelation({ id, agencyIds: ['ag-yot', 'ag-nhs'] }),
  meetings: (id) => buildMeetingSeries({ id }),
};

/** A change a user would notice, per collection. */
const CHANGE: Record<EditableCollection, Json> = {
  members: { dedicatedHoursPerWeek: 3 },
  agencies: { name: 'Ashby Central Library' },
  professions: { name: 'Specialist school nurse' },
  goals: { statement: 'Reworded goal' },
  cases: { pseudonym: 'Child Z' },
  needs: { description: 'Reworded need' },
  responsibilityAreas: { name: 'Renamed area' },
  roleClaims: { statement: 'Only at home' },
  rolePerceptions: { source: 'interview' },
  activities: { title: 'Renamed activity' },
  communications: { topic: 'New topic' },
  caseEvents: { description: 'More detail' },
  decisions: { title: 'Renamed decision' },
  referrals: { reason: 'Handwriting again' },
  coordinatingRecords: { resolution: 'Resolved differently' },
  withheldInformation: { description: 'Held back notes' },
  policies: { name: 'Renamed policy' },
  policyInteractions: { description: 'They clash on exclusions' },
  adaptations: { description: 'A different workaround' },
  agencyRelations: { yearsOfHistory: 2 },
  meetings: { title: 'Renamed meetings' },
};

async function body<T = Json>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

async function collaborationVersion(): Promise<number> {
  const head = await store.collaborations.get(collaborationId);
  return head?.version ?? -1;
}

describe('CRUD for every collection', () => {
  it('covers exactly the document collections outside surveys', () => {
    expect([...EDITABLE_COLLECTIONS].sort()).toEqual(Object.keys(NEW_RECORD).sort());
  });

  it.each(EDITABLE_COLLECTIONS)(
    '%s: create, read, list, replace, stale writes refused, delete',
    async (collection) => {
      const id = `new-${collection}`;
      const url = `${base()}/${collection}`;
      const versionBefore = await collaborationVersion();

      const created = await facilitator.post(url, NEW_RECORD[collection](id));
      expect(created.status, JSON.stringify(await created.clone().json())).toBe(201);
      const record = await body(created);
      expect(record).toMatchObject({ id, version: 1, author: 'u-fac' });

      expect(await body(await facilitator.get(`${url}/${id}`))).toEqual(record);
      const list = await body<{ records: Json[] }>(await facilitator.get(url));
      expect(list.records).toContainEqual(record);

      const replaced = await facilitator.put(`${url}/${id}`, {
        ...record,
        ...CHANGE[collection],
        version: 1,
      });
      expect(replaced.status, JSON.stringify(await replaced.clone().json())).toBe(200);
      const updated = await body(replaced);
      expect(updated).toMatchObject({ ...CHANGE[collection], id, version: 2, author: 'u-fac' });
      expect(await body(await facilitator.get(`${url}/${id}`))).toEqual(updated);

      const stale = await facilitator.put(`${url}/${id}`, { ...record, version: 1 });
      expect(stale.status).toBe(409);
      expect((await body<ErrorBody>(stale)).message).toContain('version 2');
      const staleDelete = await facilitator.delete(`${url}/${id}?version=1`);
      expect(staleDelete.status).toBe(409);

      expect((await facilitator.delete(`${url}/${id}?version=2`)).status).toBe(204);
      expect((await facilitator.get(`${url}/${id}`)).status).toBe(404);
      expect(await collaborationVersion()).toBe(versionBefore + 3);
    },
  );
});

describe('round trips', () => {
  it('a new member shows in the collaboration list and in the document, in order', async () => {
    const created = await facilitator.post(
      `${base()}/members`,
      buildMember({
        id: 'm-nurse',
        displayName: 'Nurse Ada',
        agencyId: 'ag-nhs',
        professionId: 'pr-ot',
      }),
    );
    expect(created.status).toBe(201);
    const list = await body<{
      collaborations: { id: string; members: { displayName: string }[] }[];
    }>(await facilitator.get('/api/collaborations'));
    expect(list.collaborations.find((c) => c.id === collaborationId)?.members).toContainEqual(
      expect.objectContaining({ displayName: 'Nurse Ada' }),
    );
    const doc = await body<{ members: { id: string }[]; collaboration: { version: number } }>(
      await facilitator.get(base()),
    );
    expect(doc.members.at(-1)?.id).toBe('m-nurse');
    expect(doc.collaboration.version).toBe(await collaborationVersion());
  });

  it('makes up an id when none is given, and ignores the author and version sent', async () => {
    const { id: _id, ...goal } = buildGoal();
    const created = await facilitator.post(`${base()}/goals`, {
      ...goal,
      author: 'someone-else',
      version: 7,
    });
    expect(created.status).toBe(201);
    const record = await body(created);
    expect(record.id).toEqual(expect.any(String));
    expect(record).toMatchObject({ author: 'u-fac', version: 1 });
  });

  it('changes the collaboration header with its version, and refuses a stale one', async () => {
    const version = await collaborationVersion();
    const res = await facilitator.patch(base(), { name: 'Team around Zoë (renamed)', version });
    expect(res.status).toBe(200);
    expect(await body(res)).toMatchObject({
      name: 'Team around Zoë (renamed)',
      teamForm: 'looseNetwork',
      version: version + 1,
    });
    const stale = await facilitator.patch(base(), { name: 'Again', version });
    expect(stale.status).toBe(409);
    expect((await body<ErrorBody>(stale)).message).toContain(`version ${version + 1}`);
    const bad = await facilitator.patch(base(), {
      plannedEndDate: '2020-01-01',
      colour: 'red',
      version: version + 1,
    });
    expect(bad.status).toBe(400);
    expect((await body<ErrorBody>(bad)).issues?.map((i) => i.path).sort()).toEqual([
      'collaboration',
      'collaboration.plannedEndDate',
    ]);
  });
});

describe('validation', () => {
  it('names a bad reference, a bad date and an unknown field by their path in the document', async () => {
    const res = await facilitator.post(`${base()}/communications`, {
      ...buildCommunication({ id: 'comm-bad', fromId: 'm-nobody', toIds: ['m-sw'] }),
      date: '2025-13-01',
      mood: 'cheerful',
    });
    expect(res.status).toBe(400);
    const err = await body<ErrorBody>(res);
    expect(err.error).toBe('invalid_document');
    // The rich document has three communications: the new one is the fourth.
    expect(err.issues?.map((i) => [i.path, i.code]).sort()).toEqual([
      ['communications[3]', 'unrecognized_key'],
      ['communications[3].date', 'invalid_format'],
      ['communications[3].fromId', 'unknown_reference'],
    ]);
    expect((await facilitator.get(`${base()}/communications/comm-bad`)).status).toBe(404);
  });

  it('refuses dates in the wrong order', async () => {
    const res = await facilitator.post(
      `${base()}/members`,
      buildMember({ id: 'm-late', startDate: '2025-05-01', endDate: '2025-04-01' }),
    );
    expect(res.status).toBe(400);
    expect((await body<ErrorBody>(res)).issues).toEqual([
      expect.objectContaining({ code: 'impossible_date', path: 'members[4].endDate' }),
    ]);
  });

  it('has no field for a child’s real name: cases carry a pseudonym only', async () => {
    expect(Object.keys(caseSchema.shape).sort()).toEqual([
      'author',
      'closedOn',
      'confidentialTo',
      'id',
      'kind',
      'openedOn',
      'pseudonym',
      'version',
    ]);
    const res = await facilitator.post(`${base()}/cases`, {
      id: 'case-real',
      pseudonym: 'Child C',
      name: 'Jane Smith',
    });
    expect(res.status).toBe(400);
    expect((await body<ErrorBody>(res)).issues).toEqual([
      expect.objectContaining({ code: 'unrecognized_key', path: 'cases[2]' }),
    ]);
  });

  it('refuses a delete that would leave dangling references, naming each', async () => {
    const res = await facilitator.delete(`${base()}/responsibilityAreas/area-motor?version=1`);
    expect(res.status).toBe(400);
    const paths = (await body<ErrorBody>(res)).issues?.map((i) => i.path) ?? [];
    expect(paths.sort()).toEqual([
      // comm-2 is confidential to the NHS trust: its place is not given to a school user.
      'communications',
      'coordinatingRecords[0].areaId',
      'needs[0].areaId',
      'responses[0].ownRoleAreaIds[0]',
      'roleClaims[0].areaIds[0]',
      'roleClaims[1].areaIds[0]',
      'rolePerceptions[0].areaIds[0]',
    ]);
    expect((await facilitator.get(`${base()}/responsibilityAreas/area-motor`)).status).toBe(200);
  });

  it('reports problems inside records the user may not see without their place or content', async () => {
    // ce-1 is confidential to the youth offending team and names m-sw.
    const res = await facilitator.delete(`${base()}/members/m-sw?version=1`);
    expect(res.status).toBe(400);
    const issues = (await body<ErrorBody>(res)).issues ?? [];
    expect(issues).toContainEqual({
      code: 'unknown_reference',
      path: 'caseEvents',
      message: 'a confidential case event refers to member "m-sw", which is not in the document',
    });
    expect(JSON.stringify(issues)).not.toContain('caseEvents[0]');
  });

  it('needs the version on a replace and on a delete, and keeps ids fixed', async () => {
    const url = `${base()}/policies/pol-inc`;
    const current = await body(await facilitator.get(url));
    const { version: _v, ...rest } = current;
    const missing = await facilitator.put(url, rest);
    expect(missing.status).toBe(400);
    expect((await body<ErrorBody>(missing)).issues?.[0]?.path).toBe('policies[1].version');
    expect((await facilitator.put(url, { ...current, id: 'pol-other' })).status).toBe(400);
    const noVersion = await facilitator.delete(url);
    expect(noVersion.status).toBe(400);
    expect((await body<ErrorBody>(noVersion)).issues?.[0]?.path).toBe('version');
    expect((await facilitator.post(`${base()}/policies`, '[1, 2')).status).toBe(400);
    expect((await facilitator.post(`${base()}/policies`, '[1, 2]')).status).toBe(400);
  });
});

describe('malformed requests', () => {
  const BODIES = [
    '',
    'null',
    '[]',
    '"text"',
    '{"id": {}}',
    '{"id": "ok-id", "version": "1"}',
    '{"id": "a\\u0000b", "version": 1}',
    '{"__proto__": {"admin": true}, "version": 1}',
    '{"version": 1e400, "date": [[[[[]]]]]}',
    `{"id": "${'x'.repeat(500)}", "version": 99999999999}`,
    '{"confidentialTo": "ag-nowhere", "version": 1}',
  ];

  it('never answer 500, whatever the body, path or query', async () => {
    const statuses = new Set<number>();
    for (const collection of ['members', 'communications', 'caseEvents', 'withheldInformation']) {
      const url = `${base()}/${collection}`;
      for (const text of BODIES) {
        statuses.add((await facilitator.post(url, text)).status);
        statuses.add((await facilitator.put(`${url}/m-sw`, text)).status);
      }
      for (const query of ['', '?version=', '?version=abc', '?version=-1', '?version=1.5'])
        statuses.add((await facilitator.delete(`${url}/comm-1${query}`)).status);
      statuses.add((await facilitator.get(`${url}/%00`)).status);
      statuses.add((await facilitator.get(`${url}/${'y'.repeat(300)}`)).status);
    }
    for (const text of BODIES) statuses.add((await facilitator.patch(base(), text)).status);
    for (const query of ['?asOf=2025-02-30', '?wave=', '?asOf=0001-01-01', '?wave=%00'])
      statuses.add((await facilitator.get(`${base()}/diagnosis${query}`)).status);
    expect([...statuses].filter((s) => s >= 500)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('one transaction per change', () => {
  it('a failing audit insert leaves the record and the collaboration as they were', async () => {
    const failing: Store = {
      ...store,
      transaction: (fn) =>
        store.transaction((scope: StoreScope) =>
          fn({
            ...scope,
            records: {
              ...scope.records,
              appendAudit: () => Promise.reject(new Error('audit log unavailable')),
            },
          }),
        ),
    };
    const broken = await createApp({ store: failing, logError: (_m, e) => errors.push(e) });
    const user = actingAs(
      broken,
      await signedIn(store, { id: 'u-fac2', workspaceId: workspace.id, role: 'facilitator' }),
    );
    const url = `${base()}/decisions/dec-1`;
    const before = await body(await facilitator.get(url));
    const versionBefore = await collaborationVersion();

    const res = await user.put(url, { ...before, title: 'Changed', version: before.version });
    expect(res.status).toBe(500);
    expect(await body(await facilitator.get(url))).toEqual(before);
    expect(await collaborationVersion()).toBe(versionBefore);

    const created = await user.post(`${base()}/decisions`, buildDecision({ id: 'dec-lost' }));
    expect(created.status).toBe(500);
    expect((await facilitator.get(`${base()}/decisions/dec-lost`)).status).toBe(404);
  });
});

describe('concurrent writers', () => {
  it('two changes from the same version: one wins, the other gets 409', async () => {
    const url = `${base()}/meetings/meet-1`;
    const current = await body(await facilitator.get(url));
    const results = await Promise.all(
      ['First', 'Second'].map((title) => facilitator.put(url, { ...current, title })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const stored = await body(await facilitator.get(url));
    expect(stored.version).toBe((current.version as number) + 1);
  });

  it('a delete and a new reference racing cannot leave a dangling reference', async () => {
    await facilitator.post(`${base()}/cases`, { id: 'case-race', pseudonym: 'Child R' });
    const [deleted, referenced] = await Promise.all([
      facilitator.delete(`${base()}/cases/case-race?version=1`),
      facilitator.post(
        `${base()}/needs`,
        buildNeed({ id: 'need-race', caseId: 'case-race', description: 'Racing' }),
      ),
    ]);
    // Whichever ran second saw the first: never both succeed.
    expect([deleted.status, referenced.status].sort()).toEqual(
      deleted.status === 204 ? [204, 400] : [201, 400],
    );
    const doc = await body<{ needs: { caseId?: string }[]; cases: { id: string }[] }>(
      await facilitator.get(base()),
    );
    const cases = new Set(doc.cases.map((c) => c.id));
    expect(doc.needs.every((n) => n.caseId === undefined || cases.has(n.caseId))).toBe(true);
  });
});

describe('audit log', () => {
  it('records who created, changed and deleted what, with before and after', async () => {
    const url = `${base()}/referrals`;
    await facilitator.post(url, buildReferral({ id: 'ref-audit', fromId: 'm-sw', toId: 'm-ot' }));
    const current = await body(await facilitator.get(`${url}/ref-audit`));
    await facilitator.put(`${url}/ref-audit`, { ...current, reason: 'Speech' });
    await facilitator.delete(`${url}/ref-audit?version=2`);
    const entries = await store.db
      .select()
      .from(auditLog)
      .where(like(auditLog.targetId, `%/referrals/ref-audit`))
      .orderBy(asc(auditLog.id));
    expect(entries.map((e) => [e.action, e.actor, e.targetKind, e.targetId])).toEqual([
      ['record.create', 'u-fac', 'record', `${collaborationId}/referrals/ref-audit`],
      ['record.update', 'u-fac', 'record', `${collaborationId}/referrals/ref-audit`],
      ['record.delete', 'u-fac', 'record', `${collaborationId}/referrals/ref-audit`],
    ]);
    expect(entries[0]).toMatchObject({ before: null, after: { id: 'ref-audit', reason: '' } });
    expect(entries[1]).toMatchObject({
      before: { reason: '', version: 1 },
      after: { reason: 'Speech', version: 2 },
    });
    expect(entries[2]).toMatchObject({ before: { reason: 'Speech' }, after: null });
    expect(entries.every((e) => e.workspaceId === workspace.id)).toBe(true);
  });

  it('records every read of a case event', async () => {
    await facilitator.post(
      `${base()}/caseEvents`,
      buildCaseEvent({ id: 'ce-open', caseId: 'case-a', memberId: 'm-teacher' }),
    );
    const reads = () =>
      store.db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.action, 'record.read'),
            eq(auditLog.targetId, `${collaborationId}/caseEvents/ce-open`),
          ),
        );
    expect(await reads()).toHaveLength(0);
    await researcher.get(`${base()}/caseEvents/ce-open`);
    await researcher.get(`${base()}/caseEvents`);
    expect((await reads()).map((e) => e.actor)).toEqual(['u-res', 'u-res']);
  });
});

describe('roles', () => {
  it('a researcher reads records but may not change them', async () => {
    expect((await researcher.get(`${base()}/goals`)).status).toBe(200);
    const res = await researcher.post(`${base()}/goals`, buildGoal({ id: 'g-res' }));
    expect(res.status).toBe(403);
    expect(await body(res)).toMatchObject({ error: 'forbidden' });
  });

  it('a member edits their own profile and role claims, and what they authored', async () => {
    const profile = await member.get(`${base()}/members/m-teacher`);
    expect(profile.status).toBe(200);
    const me = await body(profile);
    const edited = await member.put(`${base()}/members/m-teacher`, {
      ...me,
      dedicatedHoursPerWeek: 2,
    });
    expect(edited.status).toBe(200);
    expect((await member.get(`${base()}/members/m-sw`)).status).toBe(404);
    expect(
      (await body<{ records: Json[] }>(await member.get(`${base()}/members`))).records,
    ).toHaveLength(1);

    const claim = await member.post(
      `${base()}/roleClaims`,
      buildRoleClaim({ id: 'rc-mine', memberId: 'm-teacher', areaIds: ['area-risk'] }),
    );
    expect(claim.status).toBe(201);
    const othersClaim = await member.post(
      `${base()}/roleClaims`,
      buildRoleClaim({ id: 'rc-theirs', memberId: 'm-sw', areaIds: [] }),
    );
    expect(othersClaim.status).toBe(403);

    const sent = await member.post(
      `${base()}/communications`,
      buildCommunication({ id: 'comm-mine', fromId: 'm-teacher', toIds: ['m-sw'] }),
    );
    expect(sent.status).toBe(201);
    const mine = await body(sent);
    expect(mine).toMatchObject({ author: 'u-teacher' });
    expect(
      (await member.put(`${base()}/communications/comm-mine`, { ...mine, topic: 'Hi' })).status,
    ).toBe(200);
    // Records others wrote do not exist for a member.
    const theirs = await body(await facilitator.get(`${base()}/communications/comm-1`));
    expect((await member.put(`${base()}/communications/comm-1`, theirs)).status).toBe(404);
    expect((await member.delete(`${base()}/communications/comm-mine?version=2`)).status).toBe(204);

    expect((await member.post(`${base()}/agencies`, buildAgency({ id: 'ag-m' }))).status).toBe(403);
    expect((await member.patch(base(), { name: 'Mine', version: 1 })).status).toBe(403);
    expect((await member.delete(`${base()}/members/m-teacher?version=2`)).status).toBe(403);
  });

  it('answers 404 to a member for a collaboration they are not part of', async () => {
    const other = await facilitator.post('/api/collaborations', buildRichDocument());
    const { id } = await body<{ id: string }>(other);
    expect((await member.get(`/api/collaborations/${id}/members`)).status).toBe(404);
    expect((await member.get(`/api/collaborations/${id}/diagnosis`)).status).toBe(404);
    const listed = await body<{ collaborations: { id: string }[] }>(
      await member.get('/api/collaborations'),
    );
    expect(listed.collaborations.map((c) => c.id)).toEqual([collaborationId]);
    expect((await member.get(`${base()}/diagnosis`)).status).toBe(200);
  });
});
