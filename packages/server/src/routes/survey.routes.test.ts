import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE, SCALE_ITEMS } from '@weframe/core';
import type { Store, WorkspaceRow } from '@weframe/store';
import { auditLog, idempotencyKeys, records, surveyLinks } from '../../../store/src/schema.js';
import { freshStore } from '../../../store/src/test-support/fresh-store.js';
import {
  buildDocument,
  buildGoal,
  buildMember,
  buildResponsibilityArea,
} from '../../../core/src/test-support/factories.js';
import { createApp, type App } from '../app.js';
import { actingAs, signedIn, type Client } from '../test-support/signed-in.js';

type Json = Record<string, unknown>;
interface ErrorBody {
  error: string;
  message: string;
  issues?: { code: string; path: string; message: string }[];
}
interface WaveBody {
  id: string;
  mode: string;
  status: string;
  closesOn: string | null;
  counts: {
    invited: number;
    started: number;
    submitted: number;
    revoked: number;
    responses: number;
  };
}
interface LinkBody {
  id: string;
  memberId: string | null;
  label: string;
  url: string;
  expiresAt: string | null;
}

let store: Store;
let app: App;
let workspace: WorkspaceRow;
let facilitator: Client;
let viewer: Client;
let stranger: Client;
let collaborationId: string;
let clock = new Date('2025-06-02T09:00:00Z');
const errors: unknown[] = [];

const members = [
  buildMember({ id: 'm-1', displayName: 'Ann', agencyId: 'ag-school', professionId: 'pr-teacher' }),
  buildMember({ id: 'm-2', displayName: 'Bo', agencyId: 'ag-health', professionId: 'pr-ot' }),
  buildMember({ id: 'm-3', displayName: 'Cy', agencyId: 'ag-health', professionId: 'pr-ot' }),
  buildMember({ id: 'm-4', displayName: 'Di', agencyId: 'ag-school', professionId: 'pr-teacher' }),
  buildMember({ id: 'm-5', displayName: 'Ed', agencyId: 'ag-health', professionId: 'pr-ot' }),
];

beforeAll(async () => {
  store = await freshStore();
  app = await createApp({
    store,
    logError: (_m, e) => errors.push(e),
    now: () => clock,
    publicUrl: 'https://weframe.example.org/',
  });
  workspace = await store.workspaces.ensureDefault();
  const other = await store.workspaces.create({ slug: 'elsewhere', name: 'Elsewhere' });
  facilitator = actingAs(
    app,
    await signedIn(store, { id: 'u-fac', workspaceId: workspace.id, role: 'facilitator' }),
  );
  viewer = actingAs(
    app,
    await signedIn(store, { id: 'u-view', workspaceId: workspace.id, role: 'viewer' }),
  );
  stranger = actingAs(
    app,
    await signedIn(store, { id: 'u-else', workspaceId: other.id, role: 'owner' }),
  );
  const created = await facilitator.post(
    '/api/collaborations',
    buildDocument({
      members,
      goals: [
        buildGoal({ id: 'g-joint', statement: 'Keep her in school' }),
        buildGoal({
          id: 'g-school',
          level: 'agency',
          agencyId: 'ag-school',
          statement: 'Attendance',
        }),
        buildGoal({
          id: 'g-health',
          level: 'agency',
          agencyId: 'ag-health',
          statement: 'Motor skills',
        }),
        buildGoal({
          id: 'g-hidden',
          statement: 'Health-only joint goal',
          confidentialTo: 'ag-health',
        }),
      ],
      responsibilityAreas: [
        buildResponsibilityArea({ id: 'area-risk', name: 'Risk' }),
        buildResponsibilityArea({ id: 'area-motor', name: 'Motor skills' }),
      ],
      surveyItems: [
        { id: 'X-plan', element: 'local.knowledge', wording: 'I know where our shared plan is.' },
      ],
    }),
  );
  expect(created.status).toBe(201);
  collaborationId = ((await created.json()) as { id: string }).id;
});
afterAll(async () => {
  expect(
    errors.map((e) => (e instanceof Error ? `${e.message} ${String(e.cause)}` : String(e))),
  ).toEqual([]);
  await store.close();
});

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const tokenOf = (link: LinkBody) => link.url.split('/s/')[1] ?? '';

async function openWave(body: Json): Promise<WaveBody> {
  const res = await facilitator.post(`/api/collaborations/${collaborationId}/waves`, body);
  expect(res.status).toBe(201);
  return (await res.json()) as WaveBody;
}

async function invite(waveId: string, body: Json): Promise<LinkBody[]> {
  const res = await facilitator.post(`/api/waves/${waveId}/invitations`, body);
  expect(res.status).toBe(201);
  return ((await res.json()) as { links: LinkBody[] }).links;
}

/** A respondent: no cookie, only the token. */
const respondent = {
  get: async (token: string) => app.request(`/api/s/${token}`),
  draft: async (token: string, body: unknown) =>
    app.request(`/api/s/${token}/draft`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  submit: async (body: Json, key?: string) =>
    app.request('/api/responses', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(key === undefined ? {} : { 'idempotency-key': key }),
      },
      body: JSON.stringify(body),
    }),
};

const linkRow = async (linkId: string) => {
  const [row] = await store.db.select().from(surveyLinks).where(eq(surveyLinks.id, linkId));
  return row;
};
const responseRows = async (waveId: string) =>
  (
    await store.db
      .select()
      .from(records)
      .where(and(eq(records.collaborationId, collaborationId), eq(records.collection, 'responses')))
  ).filter((r) => r.data.waveId === waveId);

describe('opening and reading waves', () => {
  it('opens a wave for today unless told, lists it and reads it back with counts', async () => {
    const wave = await openWave({
      name: 'Summer 2025',
      mode: 'identified',
      closesOn: '2025-07-01',
    });
    expect(wave).toMatchObject({
      name: 'Summer 2025',
      mode: 'identified',
      opensOn: '2025-06-02',
      closesOn: '2025-07-01',
      status: 'open',
      counts: { invited: 0, started: 0, submitted: 0, revoked: 0, responses: 0 },
    });
    const list = (await (
      await facilitator.get(`/api/collaborations/${collaborationId}/waves`)
    ).json()) as { waves: WaveBody[] };
    expect(list.waves.map((w) => w.id)).toContain(wave.id);
    const got = await facilitator.get(`/api/waves/${wave.id}`);
    expect(got.status).toBe(200);
    expect(await got.json()).toEqual(wave);
  });

  it('refuses bad waves with every problem and its path', async () => {
    const res = await facilitator.post(`/api/collaborations/${collaborationId}/waves`, {
      name: '',
      mode: 'secret',
      colour: 'red',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error).toBe('bad_request');
    expect(body.issues?.map((i) => i.path).sort()).toEqual(['colour', 'mode', 'name']);
    const dates = await facilitator.post(`/api/collaborations/${collaborationId}/waves`, {
      name: 'Backwards',
      mode: 'anonymous',
      opensOn: '2025-06-10',
      closesOn: '2025-06-05',
    });
    expect(dates.status).toBe(400);
    expect(((await dates.json()) as ErrorBody).issues).toContainEqual(
      expect.objectContaining({ code: 'impossible_date', path: 'closesOn' }),
    );
  });

  it('lets only facilitators and owners of the workspace manage waves', async () => {
    const wave = await openWave({ name: 'Guarded', mode: 'anonymous' });
    expect((await viewer.get(`/api/waves/${wave.id}`)).status).toBe(403);
    expect(
      (
        await viewer.post(`/api/collaborations/${collaborationId}/waves`, {
          name: 'x',
          mode: 'anonymous',
        })
      ).status,
    ).toBe(403);
    // Another workspace does not see the wave or the collaboration at all.
    expect((await stranger.get(`/api/waves/${wave.id}`)).status).toBe(404);
    expect((await stranger.get(`/api/collaborations/${collaborationId}/waves`)).status).toBe(404);
    // Without a session: 401.
    expect((await app.request(`/api/waves/${wave.id}/status`)).status).toBe(401);
  });
});

describe('the survey API', () => {
  it('documents every survey route in the OpenAPI document', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const methods = (path: string) => Object.keys(doc.paths[path] ?? {}).sort();
    expect(methods('/api/collaborations/{id}/waves')).toEqual(['get', 'post']);
    expect(methods('/api/waves/{waveId}')).toEqual(['get']);
    for (const path of [
      '/api/waves/{waveId}/close',
      '/api/waves/{waveId}/invitations',
      '/api/waves/{waveId}/invitations/{linkId}/revoke',
      '/api/waves/{waveId}/invitations/{linkId}/reissue',
      '/api/waves/{waveId}/responses/import',
      '/api/responses',
    ])
      expect(methods(path)).toEqual(['post']);
    expect(methods('/api/waves/{waveId}/status')).toEqual(['get']);
    expect(methods('/api/waves/{waveId}/summary')).toEqual(['get']);
    expect(methods('/api/s/{token}')).toEqual(['get']);
    expect(methods('/api/s/{token}/draft')).toEqual(['put']);
  });

  it('shows a wave that has not opened yet but takes no answers before its day', async () => {
    const wave = await openWave({ name: 'Later', mode: 'anonymous', opensOn: '2025-09-01' });
    const [link] = await invite(wave.id, { count: 1 });
    const token = tokenOf(link as LinkBody);
    const page = await respondent.get(token);
    expect(page.status).toBe(200);
    expect(((await page.json()) as { wave: Json }).wave).toMatchObject({
      open: false,
      opensOn: '2025-09-01',
    });
    expect((await respondent.draft(token, { answers: { TR1: 3 } })).status).toBe(409);
    expect((await respondent.submit({ token, answers: { TR1: 3 } }, 'early')).status).toBe(409);
  });
});

describe('an identified wave', () => {
  let wave: WaveBody;
  let links: LinkBody[];

  beforeAll(async () => {
    wave = await openWave({ name: 'Identified', mode: 'identified', closesOn: '2025-06-30' });
    links = await invite(wave.id, {
      roster: [{ memberId: 'm-1' }, { memberId: 'm-2' }, { memberId: 'm-3' }, { memberId: 'm-4' }],
    });
  });
  const link = (memberId: string) => {
    const found = links.find((l) => l.memberId === memberId);
    if (!found) throw new Error(`no link for ${memberId}`);
    return found;
  };

  it('gives one link per member under the public URL, expiring with the wave, and keeps only a hash', async () => {
    expect(links.map((l) => [l.memberId, l.label])).toEqual([
      ['m-1', 'Ann'],
      ['m-2', 'Bo'],
      ['m-3', 'Cy'],
      ['m-4', 'Di'],
    ]);
    const first = link('m-1');
    expect(first.url).toMatch(/^https:\/\/weframe\.example\.org\/s\/[A-Za-z0-9_-]{43}$/);
    expect(first.expiresAt).toBe('2025-07-01T00:00:00.000Z');
    const row = await linkRow(first.id);
    expect(row?.tokenHash).toBe(sha256(tokenOf(first)));
    expect(JSON.stringify(row)).not.toContain(tokenOf(first));
  });

  it('refuses roster entries that are not members, are repeated, already invited, or labels', async () => {
    const res = await facilitator.post(`/api/waves/${wave.id}/invitations`, {
      roster: [
        { memberId: 'm-nobody' },
        { memberId: 'm-5' },
        { memberId: 'm-5' },
        { memberId: 'm-1' },
        { label: 'Sam' },
      ],
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).issues?.map((i) => [i.path, i.code])).toEqual([
      ['roster[0].memberId', 'unknown_reference'],
      ['roster[2].memberId', 'duplicate_id'],
      ['roster[3].memberId', 'duplicate_id'],
      ['roster[4].label', 'inconsistent'],
    ]);
  });

  it('shows the privacy notice and the whole instrument offered to this member', async () => {
    const res = await respondent.get(tokenOf(link('m-2')));
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      wave: Json;
      privacyNotice: string;
      respondent: { displayName: string } | null;
      instrument: {
        items: { id: string }[];
        goalQuestion: { choices: { choice: string; goalId: string | null }[] };
        leadQuestion: { members: { id: string }[] };
        nameGenerator: {
          maxNames: number;
          colleagues: { id: string }[];
          dyadicQuestions: { id: string; answers: unknown[] }[];
        };
        roleQuestion: { areas: { id: string }[] };
      };
      draft: unknown;
    };
    expect(body.wave).toEqual({
      name: 'Identified',
      mode: 'identified',
      opensOn: '2025-06-02',
      closesOn: '2025-06-30',
      open: true,
    });
    expect(body.privacyNotice).toBe(PRIVACY_NOTICE.identified);
    expect(body.respondent).toEqual({ displayName: 'Bo' });
    expect(body.instrument.items.map((i) => i.id)).toEqual([
      ...SCALE_ITEMS.map((i) => i.id),
      'X-plan',
    ]);
    // Joint goals (the one confidential to health is shown to a health member), the member's own
    // agency's goals, "other"; never another agency's goal.
    expect(body.instrument.goalQuestion.choices.map((c) => [c.choice, c.goalId])).toEqual([
      ['joint', 'g-joint'],
      ['joint', 'g-hidden'],
      ['agency', 'g-health'],
      ['other', null],
    ]);
    expect(body.instrument.leadQuestion.members.map((m) => m.id)).toEqual([
      'm-1',
      'm-2',
      'm-3',
      'm-4',
      'm-5',
    ]);
    expect(body.instrument.nameGenerator.maxNames).toBe(15);
    expect(body.instrument.nameGenerator.colleagues.map((m) => m.id)).toEqual([
      'm-1',
      'm-3',
      'm-4',
      'm-5',
    ]);
    expect(body.instrument.nameGenerator.dyadicQuestions.map((q) => q.id)).toEqual([
      'D.frequency',
      'D.workingLevel',
      'D.roleUnderstanding',
      'D.trust',
      'D.roleAreas',
    ]);
    expect(body.instrument.roleQuestion.areas.map((a) => a.id)).toEqual([
      'area-risk',
      'area-motor',
    ]);
    expect(body.draft).toBeNull();

    // A school member sees neither the health-only goal nor the health agency's goal.
    const school = (await (await respondent.get(tokenOf(link('m-1')))).json()) as typeof body;
    expect(school.instrument.goalQuestion.choices.map((c) => c.goalId)).toEqual([
      'g-joint',
      'g-school',
      null,
    ]);
  });

  it('keeps a draft until submission and checks it loosely', async () => {
    const token = tokenOf(link('m-3'));
    const draft = {
      answers: { TR1: 4, PU1: 'dontKnow', 'X-plan': null },
      goal: { text: 'Half-written' },
    };
    expect((await respondent.draft(token, draft)).status).toBe(200);
    const back = (await (await respondent.get(token)).json()) as { draft: unknown };
    expect(back.draft).toEqual(draft);

    const bad = await respondent.draft(token, { answers: { NOPE: 3, TR2: 7 }, extra: true });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).issues?.map((i) => i.path).sort()).toEqual([
      'answers.TR2',
      'extra',
    ]);
    const unknownItem = await respondent.draft(token, { answers: { NOPE: 3 } });
    expect(unknownItem.status).toBe(400);
    expect(((await unknownItem.json()) as ErrorBody).issues).toEqual([
      {
        code: 'unknown_reference',
        path: 'answers.NOPE',
        message: '"NOPE" is not a question of this survey',
      },
    ]);
    // The refused drafts left the saved one alone.
    expect(((await (await respondent.get(token)).json()) as { draft: unknown }).draft).toEqual(
      draft,
    );
  });

  it('stores a submission once; a retry with the same key gets the first result, another key 409', async () => {
    const token = tokenOf(link('m-1'));
    await respondent.draft(token, { answers: { TR1: 2 } });
    const answer = {
      token,
      answers: { TR1: 4, TR4: 2, PU1: 'dontKnow', 'X-plan': 5 },
      goal: { choice: 'joint', goalId: 'g-joint', text: 'Keep her in school' },
      namedLeadId: 'm-2',
      contacts: [
        {
          memberId: 'm-2',
          frequency: 'weekly',
          workingLevel: 'collaboration',
          trust: 4,
          roleAreaIds: ['area-motor'],
        },
      ],
      ownRoleAreaIds: ['area-risk'],
      ownRoleText: 'Attendance and safety',
    };
    const noKey = await respondent.submit(answer);
    expect(noKey.status).toBe(400);
    expect(((await noKey.json()) as ErrorBody).issues?.[0]?.path).toBe('Idempotency-Key');

    const first = await respondent.submit(answer, 'key-1');
    expect(first.status).toBe(201);
    const body = (await first.json()) as { responseId: string; submittedAt: string };
    expect(body).toEqual({
      status: 'submitted',
      waveId: wave.id,
      responseId: body.responseId,
      submittedAt: '2025-06-02T09:00:00.000Z',
    });
    expect(body.responseId).toMatch(/^[0-9a-f-]{36}$/);

    clock = new Date('2025-06-02T09:05:00Z');
    const retry = await respondent.submit(answer, 'key-1');
    expect(retry.status).toBe(201);
    expect(await retry.json()).toEqual(body);
    const again = await respondent.submit({ ...answer, answers: { TR1: 1 } }, 'key-2');
    expect(again.status).toBe(409);
    expect((await respondent.get(token)).status).toBe(409);
    expect((await respondent.draft(token, { answers: {} })).status).toBe(409);

    const rows = await responseRows(wave.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.data).toMatchObject({
      id: body.responseId,
      respondentMemberId: 'm-1',
      answers: answer.answers,
      contacts: [
        {
          memberId: 'm-2',
          frequency: 'weekly',
          workingLevel: 'collaboration',
          trust: 4,
          roleUnderstanding: null,
        },
      ],
    });
    const used = await linkRow(link('m-1').id);
    expect(used).toMatchObject({ responseId: body.responseId, draft: null });
    expect(used?.submittedAt?.toISOString()).toBe('2025-06-02T09:00:00.000Z');
  });

  it('refuses answers outside what was offered, with every problem, and stores nothing', async () => {
    const token = tokenOf(link('m-4'));
    const res = await respondent.submit(
      {
        token,
        answers: { TR1: 3, ZZ9: 4 },
        goal: { choice: 'agency', goalId: 'g-health' },
        namedLeadId: 'm-nobody',
        contacts: [
          { memberId: 'm-4', frequency: 'daily', workingLevel: 'cooperation' },
          {
            memberId: 'm-2',
            frequency: 'daily',
            workingLevel: 'cooperation',
            roleAreaIds: ['area-none'],
          },
          { memberId: 'm-2', frequency: 'weekly', workingLevel: 'cooperation' },
        ],
      },
      'bad-1',
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).issues?.map((i) => i.path)).toEqual([
      'answers.ZZ9',
      'goal.goalId',
      'namedLeadId',
      'contacts[0].memberId',
      'contacts[1].roleAreaIds[0]',
      'contacts[2].memberId',
    ]);
    const tooMany = await respondent.submit(
      {
        token,
        answers: {},
        contacts: Array.from({ length: 16 }, () => ({
          memberId: 'm-2',
          frequency: 'daily',
          workingLevel: 'cooperation',
        })),
      },
      'bad-2',
    );
    expect(tooMany.status).toBe(400);
    expect(((await tooMany.json()) as ErrorBody).issues?.[0]?.path).toBe('contacts');
    expect((await linkRow(link('m-4').id))?.submittedAt).toBeNull();
    // The failed attempts kept no result under their keys: fixed, the same key succeeds.
    expect((await respondent.submit({ token, answers: { TR1: 3 } }, 'bad-1')).status).toBe(201);
  });

  it('lets exactly one of several simultaneous submissions on one link through', async () => {
    const token = tokenOf(link('m-2'));
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((v) => respondent.submit({ token, answers: { TR1: v } }, `race-${v}`)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const mine = (await responseRows(wave.id)).filter((r) => r.data.respondentMemberId === 'm-2');
    expect(mine).toHaveLength(1);
  });

  it('lists who has not answered by name, with counts, and never an answer', async () => {
    const res = await facilitator.get(`/api/waves/${wave.id}/status`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body).toEqual({
      waveId: wave.id,
      mode: 'identified',
      counts: { invited: 4, started: 1, submitted: 3, revoked: 0, responses: 3 },
      notAnswered: [{ linkId: link('m-3').id, memberId: 'm-3', displayName: 'Cy', started: true }],
    });
  });

  it('revokes a link (404 with a friendly word) and reissues it: the old token dies, the draft stays', async () => {
    const old = tokenOf(link('m-3'));
    const revoked = await facilitator.post(
      `/api/waves/${wave.id}/invitations/${link('m-3').id}/revoke`,
    );
    expect(revoked.status).toBe(200);
    const gone = await respondent.get(old);
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as ErrorBody).message).toMatch(/ask the person who sent it/);
    expect((await respondent.submit({ token: old, answers: {} }, 'k-revoked')).status).toBe(404);

    const reissued = await facilitator.post(
      `/api/waves/${wave.id}/invitations/${link('m-3').id}/reissue`,
    );
    expect(reissued.status).toBe(200);
    const fresh = (await reissued.json()) as LinkBody;
    expect(fresh.id).toBe(link('m-3').id);
    expect(tokenOf(fresh)).not.toBe(old);
    expect((await respondent.get(old)).status).toBe(404);
    const page = await respondent.get(tokenOf(fresh));
    expect(page.status).toBe(200);
    expect(((await page.json()) as { draft: Json }).draft).toMatchObject({
      goal: { text: 'Half-written' },
    });

    // A used link cannot be revoked or reissued.
    expect(
      (await facilitator.post(`/api/waves/${wave.id}/invitations/${link('m-1').id}/revoke`)).status,
    ).toBe(409);
    expect(
      (await facilitator.post(`/api/waves/${wave.id}/invitations/${link('m-1').id}/reissue`))
        .status,
    ).toBe(409);
    expect(
      (await facilitator.post(`/api/waves/${wave.id}/invitations/no-such-link/revoke`)).status,
    ).toBe(404);
    links = links.map((l) => (l.id === fresh.id ? fresh : l));
  });

  it('withholds team figures below three respondents and gives them from three', async () => {
    const small = await openWave({ name: 'Small', mode: 'identified' });
    const [l1, l2, l3] = await invite(small.id, {
      roster: [{ memberId: 'm-1' }, { memberId: 'm-2' }, { memberId: 'm-3' }],
    });
    const summary = async () => {
      const res = await facilitator.get(`/api/waves/${small.id}/summary`);
      expect(res.status).toBe(200);
      return (await res.json()) as {
        respondents: number;
        suppressed: boolean;
        scales: {
          scale: string;
          respondents: number;
          suppressed: boolean;
          mean: number | null;
          distribution: number[] | null;
        }[];
      };
    };
    const answers = { TR1: 4, TR2: 4, TR3: 5, PU1: 4, PU2: 4 };
    for (const [i, l] of [l1, l2].entries())
      expect(
        (await respondent.submit({ token: tokenOf(l as LinkBody), answers }, `s-${i}`)).status,
      ).toBe(201);
    expect(await summary()).toEqual({
      waveId: small.id,
      respondents: 2,
      minimumRespondents: 3,
      suppressed: true,
      scales: [],
    });
    // The third answers team reasoning but not purposes: purposes stays withheld.
    expect(
      (
        await respondent.submit(
          { token: tokenOf(l3 as LinkBody), answers: { TR1: 5, TR2: 4, TR3: 4 } },
          's-3',
        )
      ).status,
    ).toBe(201);
    const full = await summary();
    expect(full.suppressed).toBe(false);
    const byScale = new Map(full.scales.map((s) => [s.scale, s]));
    expect(byScale.get('teamReasoning')).toMatchObject({
      respondents: 3,
      suppressed: false,
      mean: 4.33,
    });
    expect(byScale.get('purposes')).toMatchObject({
      respondents: 2,
      suppressed: true,
      mean: null,
      distribution: null,
    });
    expect(byScale.get('respect')).toMatchObject({ respondents: 0, suppressed: true, mean: null });
    // Status stays counts and names: no figure anywhere.
    expect(
      JSON.stringify(await (await facilitator.get(`/api/waves/${small.id}/status`)).json()),
    ).not.toMatch(/mean|answers|TR1/);
  });

  it('closes the wave: no more drafts or answers (410), no new links (409); closing twice is harmless', async () => {
    const closed = await facilitator.post(`/api/waves/${wave.id}/close`);
    expect(closed.status).toBe(200);
    expect((await closed.json()) as WaveBody).toMatchObject({
      status: 'closed',
      closesOn: '2025-06-02',
    });
    const token = tokenOf(link('m-3'));
    expect((await respondent.get(token)).status).toBe(410);
    expect((await respondent.draft(token, { answers: { TR1: 3 } })).status).toBe(410);
    expect((await respondent.submit({ token, answers: { TR1: 3 } }, 'after-close')).status).toBe(
      410,
    );
    // A retry of a submission made before closing still gets its first result.
    expect(
      (await respondent.submit({ token: tokenOf(link('m-1')), answers: {} }, 'key-1')).status,
    ).toBe(201);
    expect(
      (
        await facilitator.post(`/api/waves/${wave.id}/invitations`, {
          roster: [{ memberId: 'm-5' }],
        })
      ).status,
    ).toBe(409);
    expect((await facilitator.post(`/api/waves/${wave.id}/close`)).status).toBe(200);
    const audit = await store.db.select().from(auditLog).where(eq(auditLog.targetId, wave.id));
    expect(audit.map((a) => a.action)).toEqual(['wave.open', 'wave.invite', 'wave.close']);
  });
});

describe('an anonymous wave', () => {
  let wave: WaveBody;
  let links: LinkBody[];

  beforeAll(async () => {
    clock = new Date('2025-06-03T14:37:21Z');
    wave = await openWave({ name: 'Anonymous', mode: 'anonymous', closesOn: '2025-06-20' });
    links = await invite(wave.id, { count: 4 });
  });
  const token = (i: number) => tokenOf(links[i] as LinkBody);

  it('takes labels or a count, never members', async () => {
    expect(links.map((l) => [l.label, l.memberId])).toEqual([
      ['Link 1', null],
      ['Link 2', null],
      ['Link 3', null],
      ['Link 4', null],
    ]);
    const res = await facilitator.post(`/api/waves/${wave.id}/invitations`, {
      roster: [{ memberId: 'm-1' }],
    });
    expect(res.status).toBe(400);
  });

  it('asks only the scale items, the goal and lead questions, after the anonymous notice', async () => {
    const body = (await (await respondent.get(token(0))).json()) as {
      privacyNotice: string;
      respondent: unknown;
      instrument: {
        nameGenerator: unknown;
        roleQuestion: unknown;
        goalQuestion: { choices: Json[] };
      };
    };
    expect(body.privacyNotice).toBe(PRIVACY_NOTICE.anonymous);
    expect(body.respondent).toBeNull();
    expect(body.instrument.nameGenerator).toBeNull();
    expect(body.instrument.roleQuestion).toBeNull();
    // Joint goals anyone may see; "my agency's goal" without naming which; "other".
    expect(body.instrument.goalQuestion.choices).toEqual([
      { choice: 'joint', goalId: 'g-joint', label: 'Keep her in school' },
      { choice: 'agency', goalId: null, label: 'My own agency’s goal' },
      { choice: 'other', goalId: null, label: 'Something else' },
    ]);
  });

  it('refuses questions about named colleagues, the role question and a named agency goal', async () => {
    const res = await respondent.submit(
      {
        token: token(0),
        answers: { TR1: 3 },
        goal: { choice: 'agency', goalId: 'g-school' },
        contacts: [{ memberId: 'm-2', frequency: 'daily', workingLevel: 'cooperation' }],
        ownRoleText: 'I teach',
      },
      'anon-bad',
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).issues?.map((i) => i.path)).toEqual([
      'goal.goalId',
      'contacts',
      'ownRoleAreaIds',
    ]);
    expect((await respondent.draft(token(0), { contacts: [{ memberId: 'm-2' }] })).status).toBe(
      400,
    );
  });

  it('stores a response that keeps no link to its token', async () => {
    await respondent.draft(token(1), { answers: { TR1: 2 } });
    const res = await respondent.submit(
      {
        token: token(1),
        answers: { TR1: 5, PU3: 2 },
        goal: { choice: 'agency', text: 'Our targets' },
        namedLeadId: 'm-1',
      },
      'anon-1',
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as Json;
    expect(body).toEqual({
      status: 'submitted',
      waveId: wave.id,
      responseId: null,
      submittedAt: '2025-06-03T00:00:00Z',
    });
    expect(
      await (await respondent.submit({ token: token(1), answers: {} }, 'anon-1')).json(),
    ).toEqual(body);

    const [response] = await responseRows(wave.id);
    expect(response?.data).toMatchObject({
      respondentMemberId: null,
      submittedAt: '2025-06-03T00:00:00Z',
    });
    const link = await linkRow((links[1] as LinkBody).id);
    expect(link).toMatchObject({ responseId: null, draft: null, memberId: null });
    expect(link?.submittedAt?.toISOString()).toBe('2025-06-03T00:00:00.000Z');
    // Nothing in the stored response names the link, its token or its hash…
    const stored = JSON.stringify(response);
    for (const secret of [token(1), link?.tokenHash ?? '?', link?.id ?? '?'])
      expect(stored).not.toContain(secret);
    // …nor does the kept idempotent result name the response, nor the audit entry.
    const kept = await store.db
      .select()
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.scope, `response:${link?.tokenHash ?? ''}`));
    expect(JSON.stringify(kept)).not.toContain(response?.id ?? '?');
    const audit = await store.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'response.submit'));
    expect(JSON.stringify(audit)).not.toContain(response?.id ?? '?');
  });

  it('answers two simultaneous sends with one key alike, storing one response', async () => {
    const before = (await responseRows(wave.id)).length;
    const send = () => respondent.submit({ token: token(3), answers: { TR2: 4 } }, 'same-key');
    const [a, b] = await Promise.all([send(), send()]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(await a.json()).toEqual(await b.json());
    expect((await responseRows(wave.id)).length).toBe(before + 1);
  });

  it('shows counts only in its status', async () => {
    const body = (await (await facilitator.get(`/api/waves/${wave.id}/status`)).json()) as Json;
    expect(body).toEqual({
      waveId: wave.id,
      mode: 'anonymous',
      counts: { invited: 4, started: 0, submitted: 2, revoked: 0, responses: 2 },
    });
  });

  it('ends links when the wave’s last day has passed (410)', async () => {
    clock = new Date('2025-06-21T00:00:01Z');
    expect((await respondent.get(token(2))).status).toBe(410);
    expect((await respondent.submit({ token: token(2), answers: {} }, 'late')).status).toBe(410);
    clock = new Date('2025-06-03T15:00:00Z');
  });
});

describe('importing responses from CSV', () => {
  let wave: WaveBody;
  const mapping = {
    columns: {
      Who: 'respondentMemberId',
      When: 'submittedAt',
      'Shared aim': 'TR1',
      Values: 'PU4',
      Notes: 'ignore',
    },
    values: { 'n/a': null },
  };
  let session: Awaited<ReturnType<typeof signedIn>>;

  beforeAll(async () => {
    wave = await openWave({ name: 'Imported', mode: 'identified' });
    session = await signedIn(store, {
      id: 'u-fac',
      workspaceId: workspace.id,
      role: 'facilitator',
    });
  });

  /** Sends the import as the facilitator (cookie and CSRF token). */
  async function send(waveId: string, body: BodyInit, query: string, type: string | null) {
    return app.request(`/api/waves/${waveId}/responses/import${query}`, {
      method: 'POST',
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        ...(type === null ? {} : { 'content-type': type }),
      },
      body,
    });
  }
  const q = (map: unknown) => `?mapping=${encodeURIComponent(JSON.stringify(map))}`;

  it('imports every valid row in one go and reports every row it could not take', async () => {
    const csv = [
      '\ufeffWho,When,Shared aim,Values,Notes,Extra',
      'm-1,2025-05-01T10:00:00Z,Strongly agree,Agree,"hello, world",x',
      'Bo,2025-05-02,"Don\'t know",n/a,,',
      '',
      'm-9,2025-05-02,Agree,Agree,,',
      'm-3,soon,Agree,maybe,,',
      'm-1,2025-05-03,Agree,Agree,,',
      'm-4,,3,4,,',
    ].join('\r\n');
    const res = await send(wave.id, csv, q(mapping), 'text/csv; charset=utf-8');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      imported: number;
      rejected: { row: number; issues: ErrorBody['issues'] }[];
      unmappedColumns: string[];
    };
    expect(body.imported).toBe(3);
    expect(body.unmappedColumns).toEqual(['Extra']);
    expect(body.rejected.map((r) => [r.row, r.issues?.map((i) => i.path)])).toEqual([
      [5, ['Who']],
      [6, ['When', 'Values']],
      [7, ['respondentMemberId']],
    ]);
    const rows = await responseRows(wave.id);
    expect(rows.map((r) => [r.data.respondentMemberId, r.data.answers])).toEqual([
      ['m-1', { TR1: 5, PU4: 4 }],
      ['m-2', { TR1: 'dontKnow', PU4: null }],
      ['m-4', { TR1: 3, PU4: 4 }],
    ]);
    expect(rows[0]?.data.submittedAt).toBe('2025-05-01T10:00:00Z');
    expect((await facilitator.get(`/api/waves/${wave.id}`)).status).toBe(200);
  });

  it('reads a multipart form too', async () => {
    const form = new FormData();
    form.set('file', new File(['Who,Shared aim\nm-5,4\n'], 'responses.csv', { type: 'text/csv' }));
    form.set(
      'mapping',
      JSON.stringify({ columns: { Who: 'respondentMemberId', 'Shared aim': 'TR1' } }),
    );
    const res = await send(wave.id, form, '', null);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ imported: 1, rejected: [], unmappedColumns: [] });
  });

  it('refuses unusable files and mappings whole, and stores nothing', async () => {
    const before = (await responseRows(wave.id)).length;
    const cases: [BodyInit, string, string | null, number, string][] = [
      ['Who,Q\nm-1,3\n', q({ columns: { Q: 'TR1' } }), 'text/csv', 400, 'mapping.columns'],
      [
        'Who,Q\nm-1,3\n',
        q({ columns: { Who: 'respondentMemberId', Nope: 'TR1' } }),
        'text/csv',
        400,
        'mapping.columns.Nope',
      ],
      ['Who,Q\n"m-1,3\n', q({ columns: { Who: 'respondentMemberId' } }), 'text/csv', 400, 'row 2'],
      ['Who\nm-1\n', '?mapping=%7Bnot-json', 'text/csv', 400, 'mapping'],
      ['Who\nm-1\n', '', 'text/csv', 400, 'mapping'],
      [
        new Uint8Array([0x57, 0x68, 0x6f, 0x0a, 0xff, 0xfe]),
        q({ columns: {} }),
        'text/csv',
        400,
        'file',
      ],
      ['{"a":1}', q({ columns: {} }), 'application/json', 400, ''],
    ];
    for (const [body, query, type, status, path] of cases) {
      const res = await send(wave.id, body, query, type);
      expect(res.status).toBe(status);
      const error = (await res.json()) as ErrorBody;
      if (path !== '') expect(error.issues?.map((i) => i.path)).toContain(path);
    }
    expect((await responseRows(wave.id)).length).toBe(before);
  });

  it('refuses a file larger than 5 MB with 413', async () => {
    const big = `Who,Q\n${'m-1,3\n'.repeat(900_000)}`;
    const res = await send(
      wave.id,
      big,
      q({ columns: { Who: 'respondentMemberId', Q: 'TR1' } }),
      'text/csv',
    );
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).error).toBe('payload_too_large');
  });

  it('refuses a respondent column in an anonymous wave', async () => {
    const anonymous = await openWave({ name: 'Anonymous import', mode: 'anonymous' });
    const res = await send(
      anonymous.id,
      'Who,Q\nm-1,3\n',
      q({ columns: { Who: 'respondentMemberId', Q: 'TR1' } }),
      'text/csv',
    );
    expect(res.status).toBe(400);
    const ok = await send(
      anonymous.id,
      'Who,Q\nm-1,3\n',
      q({ columns: { Who: 'ignore', Q: 'TR1' } }),
      'text/csv',
    );
    expect(await ok.json()).toEqual({ imported: 1, rejected: [], unmappedColumns: [] });
    expect((await responseRows(anonymous.id))[0]?.data.respondentMemberId).toBeNull();
  });
});

describe('bad input from respondents', () => {
  it('never answers 500 to malformed bodies or unknown tokens', async () => {
    const bodies = [
      '',
      '{',
      'null',
      '[]',
      '{"token": 5}',
      '{"token":"x","answers":{"TR1":"\\u0000"}}',
    ];
    for (const body of bodies) {
      const res = await app.request('/api/responses', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'fuzz' },
        body,
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      const draft = await app.request('/api/s/whatever/draft', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(draft.status).toBeLessThan(500);
    }
    expect((await respondent.get('no-such-token')).status).toBe(404);
    expect((await respondent.submit({ token: 'no-such-token', answers: {} }, 'k')).status).toBe(
      404,
    );
  });
});
