import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store, WorkspaceRow } from '@weframe/store';
import { auditLog } from '../../../store/src/schema.js';
import { freshStore } from '../../../store/src/test-support/fresh-store.js';
import { buildRichDocument } from '../../../store/src/test-support/document.factory.js';
import { buildDecision, buildResponse } from '../../../core/src/test-support/factories.js';
import { createApp, type App } from '../app.js';
import { actingAs, signedIn, type Client } from '../test-support/signed-in.js';

type Json = Record<string, unknown>;

let store: Store;
let app: App;
let workspace: WorkspaceRow;
let owner: Client;
let nhs: Client;
let school: Client;
let nhsViewer: Client;
let collaborationId: string;

/**
 * The rich document with the withheld clinical notes confidential to the NHS trust too, and
 * a second respondent in the identified wave. Confidential to the NHS trust: m-ot, comm-2,
 * wi-1, src-1 (so its codings cod-1 and cod-2 are hidden with it); to the youth offending
 * team: ce-1.
 */
const document = () => {
  const rich = buildRichDocument();
  return buildRichDocument({
    withheldInformation: (rich.withheldInformation ?? []).map((w) => ({
      ...w,
      confidentialTo: 'ag-nhs',
    })),
    responses: [
      ...(rich.responses ?? []),
      buildResponse({
        id: 'resp-3',
        waveId: 'wave-1',
        respondentMemberId: 'm-teacher',
        submittedAt: '2024-11-04T10:00:00Z',
        answers: { TR1: 1, TR4: 5, PU1: 2 },
      }),
    ],
  });
};
/** Records of the document a school user may not see, with their names and content. */
const HIDDEN_FROM_SCHOOL = ['m-ot', 'comm-2', 'wi-1', 'ce-1', 'src-1', 'cod-1', 'cod-2'];
const SECRETS = [
  'Zoë Ørsted',
  'Arrest; school not told',
  'Clinical notes',
  'Interview with the OT',
  // Words of the confidential interview, quoted in the diagnosis for the NHS trust only.
  'we share the plan',
];

async function body<T = Json>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

beforeAll(async () => {
  store = await freshStore();
  app = await createApp({ store, logError: (m, e) => console.error(m, e) });
  workspace = await store.workspaces.ensureDefault();
  const as = async (
    id: string,
    role: 'owner' | 'facilitator' | 'viewer',
    agencyId: string | null,
  ) => actingAs(app, await signedIn(store, { id, workspaceId: workspace.id, role, agencyId }));
  owner = await as('u-owner', 'owner', null);
  nhs = await as('u-nhs', 'facilitator', 'ag-nhs');
  school = await as('u-school', 'facilitator', 'ag-school');
  nhsViewer = await as('u-viewer', 'viewer', 'ag-nhs');
  const created = await owner.post('/api/collaborations', document());
  expect(created.status).toBe(201);
  collaborationId = (await body<{ id: string }>(created)).id;
});
afterAll(async () => {
  await store.close();
});

const base = () => `/api/collaborations/${collaborationId}`;

const readsOf = (actor: string, target: string) =>
  store.db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, 'record.read'),
        eq(auditLog.actor, actor),
        eq(auditLog.targetId, `${collaborationId}/${target}`),
      ),
    );

describe('confidential records', () => {
  it('are shown to users of their agency, and counted but not shown to anyone else', async () => {
    const nhsList = await body<{ records: { id: string }[]; hidden: Json }>(
      await nhs.get(`${base()}/communications`),
    );
    expect(nhsList.records.map((r) => r.id)).toContain('comm-2');
    expect(nhsList.hidden).toEqual({ communications: 0 });

    for (const other of [school, owner, nhsViewer]) {
      const list = await body<{ records: { id: string }[]; hidden: Json }>(
        await other.get(`${base()}/communications`),
      );
      expect(list.records.map((r) => r.id)).toEqual(['comm-1', 'comm-3']);
      expect(list.hidden).toEqual({ communications: 1 });
      const one = await other.get(`${base()}/communications/comm-2`);
      expect(one.status).toBe(404);
      expect(await one.text()).not.toContain('Zoë');
    }
    const seen = await nhs.get(`${base()}/communications/comm-2`);
    expect(seen.status).toBe(200);
    expect(await body(seen)).toMatchObject({ id: 'comm-2', confidentialTo: 'ag-nhs' });
  });

  it('writes every read of a confidential record to the audit log', async () => {
    expect(await readsOf('u-nhs', 'communications/comm-2')).toHaveLength(2);
    expect(await readsOf('u-school', 'communications/comm-2')).toHaveLength(0);
    await nhs.get(`${base()}/members`);
    expect(await readsOf('u-nhs', 'members/m-ot')).toHaveLength(1);
  });

  it('cannot be changed or deleted by users who may not see them', async () => {
    const current = await body(await nhs.get(`${base()}/communications/comm-2`));
    expect((await school.put(`${base()}/communications/comm-2`, current)).status).toBe(404);
    expect((await school.delete(`${base()}/communications/comm-2?version=1`)).status).toBe(404);
  });

  it('are left out of the whole document, which says how many were left out', async () => {
    const res = await school.get(base());
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Weframe-Hidden-Records')).toBe(String(HIDDEN_FROM_SCHOOL.length));
    const text = await res.text();
    for (const id of HIDDEN_FROM_SCHOOL) expect(text).not.toContain(`"id":"${id}"`);
    for (const secret of SECRETS) expect(text).not.toContain(secret);

    const nhsDoc = await nhs.get(base());
    expect(nhsDoc.headers.get('X-Weframe-Hidden-Records')).toBe('1');
    expect(await nhsDoc.text()).toContain('Zoë Ørsted');
    // Reading the document reads the confidential records in it: each is audited.
    expect(await readsOf('u-nhs', 'qualitative.sources/src-1')).toHaveLength(1);
    expect(await readsOf('u-nhs', 'withheldInformation/wi-1')).toHaveLength(1);

    const viewerDoc = await nhsViewer.get(base());
    expect(viewerDoc.headers.get('X-Weframe-Hidden-Records')).toBe(
      String(HIDDEN_FROM_SCHOOL.length),
    );
  });

  it('are left out of exports, and an export is audited', async () => {
    const res = await owner.get(`${base()}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('collab-rich');
    expect(res.headers.get('X-Weframe-Hidden-Records')).toBe(String(HIDDEN_FROM_SCHOOL.length));
    const text = await res.text();
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    const exports = await store.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'collaboration.export'), eq(auditLog.actor, 'u-owner')));
    expect(exports).toEqual([
      expect.objectContaining({ after: { hiddenRecords: HIDDEN_FROM_SCHOOL.length } }),
    ]);
    expect((await nhsViewer.get(`${base()}/export`)).status).toBe(403);
  });

  it('keep confidential members out of the collaboration list of other agencies', async () => {
    const names = async (client: Client) => {
      const list = await body<{
        collaborations: { id: string; members: { displayName: string }[] }[];
      }>(await client.get('/api/collaborations'));
      return list.collaborations
        .find((c) => c.id === collaborationId)
        ?.members.map((m) => m.displayName);
    };
    expect(await names(nhs)).toContain('Zoë Ørsted 🧩');
    expect(await names(school)).not.toContain('Zoë Ørsted 🧩');
    expect(await names(school)).toContain('李老师');
  });
});

describe('diagnosis', () => {
  it('counts confidential records without exposing them', async () => {
    const full = await nhs.get(`${base()}/diagnosis`);
    expect(full.status).toBe(200);
    const fullText = await full.text();
    // The NHS trust sees the withheld notes as evidence: the redaction below has work to do.
    expect(fullText).toContain('"id":"wi-1"');
    expect(fullText).toContain('Zoë Ørsted');
    expect(fullText).toContain('we share the plan');

    const res = await school.get(`${base()}/diagnosis`);
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const id of HIDDEN_FROM_SCHOOL) expect(text).not.toMatch(new RegExp(`\\b${id}\\b`));
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    const diagnosis = JSON.parse(text) as {
      confidential: { records: Json; quotesRemoved: number };
      elements: { indicators: { evidence: Json[]; finding: string }[] }[];
    };
    expect(diagnosis.confidential.records).toEqual({
      members: 1,
      communications: 1,
      caseEvents: 1,
      withheldInformation: 1,
      'qualitative.sources': 1,
      'qualitative.codings': 2,
    });
    expect(diagnosis.confidential.quotesRemoved).toBe(2);
    const evidence = diagnosis.elements.flatMap((e) => e.indicators.flatMap((i) => i.evidence));
    expect(evidence).toContainEqual({
      kind: 'record',
      id: 'confidential',
      collection: 'withheldInformation',
      note: 'one confidential record of withheld information',
    });
    const findings = diagnosis.elements.flatMap((e) => e.indicators.map((i) => i.finding));
    expect(findings.some((f) => f.includes('a confidential record'))).toBe(true);
  });

  it('hides even the viewer’s own agency’s confidential records from viewers', async () => {
    const text = await (await nhsViewer.get(`${base()}/diagnosis`)).text();
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/\bwi-1\b/);
  });

  it('never shows a team figure from fewer than 3 respondents', async () => {
    for (const query of ['', '?wave=wave-1', '?wave=wave-2']) {
      const res = await owner.get(`${base()}/diagnosis${query}`);
      expect(res.status).toBe(200);
      const figures: Json[] = [];
      const walk = (value: unknown) => {
        if (Array.isArray(value)) value.forEach(walk);
        else if (typeof value === 'object' && value !== null) {
          const o = value as Json;
          if (typeof o.respondents === 'number') figures.push(o);
          Object.values(o).forEach(walk);
        }
      };
      const diagnosis = await body(res);
      walk(diagnosis);
      const small = figures.filter((f) => (f.respondents as number) < 3);
      expect(small.length).toBeGreaterThan(0);
      for (const figure of small) {
        expect(figure.mean ?? null).toBeNull();
        expect(figure.distribution ?? null).toBeNull();
        expect(figure).not.toHaveProperty('respondentMeans');
      }
      if (query === '?wave=wave-1') expect(diagnosis).toMatchObject({ wave: { respondents: 2 } });
    }
  });

  it('refuses an unknown wave or a bad date with 400', async () => {
    const wave = await owner.get(`${base()}/diagnosis?wave=wave-9`);
    expect(wave.status).toBe(400);
    expect(await body(wave)).toMatchObject({ issues: [{ path: 'wave' }] });
    const asOf = await owner.get(`${base()}/diagnosis?asOf=yesterday`);
    expect(asOf.status).toBe(400);
    expect(await body(asOf)).toMatchObject({ issues: [{ path: 'asOf' }] });
  });
});

describe('workspaces', () => {
  let elsewhere: WorkspaceRow;
  let stranger: Client;
  let foreignId: string;

  beforeAll(async () => {
    elsewhere = await store.workspaces.create({ slug: 'elsewhere', name: 'Elsewhere' });
    stranger = actingAs(
      app,
      await signedIn(store, { id: 'u-else', workspaceId: elsewhere.id, role: 'owner' }),
    );
    const created = await stranger.post('/api/collaborations?workspace=elsewhere', document());
    expect(created.status).toBe(201);
    foreignId = (await body<{ id: string }>(created)).id;
  });

  it('another workspace’s collaboration does not exist for you', async () => {
    for (const path of ['', '/members', '/members/m-sw', '/diagnosis', '/export'])
      expect((await school.get(`/api/collaborations/${foreignId}${path}`)).status).toBe(404);
    expect((await owner.post(`/api/collaborations/${foreignId}/archive`)).status).toBe(404);
    expect((await school.get('/api/collaborations?workspace=elsewhere')).status).toBe(404);
    expect((await school.post('/api/collaborations?workspace=elsewhere', document())).status).toBe(
      404,
    );
  });

  it('lists the collaborations of the asked or the first workspace', async () => {
    const ids = async (client: Client, query = '') =>
      (
        await body<{ collaborations: { id: string }[] }>(
          await client.get(`/api/collaborations${query}`),
        )
      ).collaborations.map((c) => c.id);
    expect(await ids(stranger)).toEqual([foreignId]);
    expect(await ids(stranger, '?workspace=elsewhere')).toEqual([foreignId]);
    expect(await ids(school)).toContain(collaborationId);
    expect(await ids(school)).not.toContain(foreignId);
  });

  it('refuses roles without the right with 403', async () => {
    expect((await nhsViewer.post('/api/collaborations', document())).status).toBe(403);
    expect((await nhsViewer.put(`${base()}/goals/g-ot`, {})).status).toBe(403);
    expect((await nhs.post(`${base()}/archive`)).status).toBe(403);
  });
});

describe('archive and restore', () => {
  it('an archived collaboration leaves the list, reads still work, and it is read-only', async () => {
    const archived = await owner.post(`${base()}/archive`);
    expect(archived.status).toBe(200);
    expect(await body(archived)).toMatchObject({
      id: collaborationId,
      archivedAt: expect.any(String) as unknown,
    });
    expect((await owner.post(`${base()}/archive`)).status).toBe(409);

    const list = async (query = '') =>
      (
        await body<{ collaborations: { id: string; archivedAt: string | null }[] }>(
          await owner.get(`/api/collaborations${query}`),
        )
      ).collaborations.find((c) => c.id === collaborationId);
    expect(await list()).toBeUndefined();
    expect(await list('?includeArchived=true')).toMatchObject({
      archivedAt: expect.any(String) as unknown,
    });

    expect((await school.get(`${base()}/decisions/dec-1`)).status).toBe(200);
    const created = await nhs.post(`${base()}/decisions`, buildDecision({ id: 'dec-new' }));
    expect(created.status).toBe(409);
    expect(await body(created)).toMatchObject({ error: 'conflict' });
    const header = await body<{ collaboration: { version: number } }>(await owner.get(base()));
    expect(
      (await owner.patch(base(), { name: 'x', version: header.collaboration.version })).status,
    ).toBe(409);

    const restored = await owner.post(`${base()}/restore`);
    expect(restored.status).toBe(200);
    expect(await body(restored)).toMatchObject({ archivedAt: null });
    expect((await owner.post(`${base()}/restore`)).status).toBe(409);
    expect(await list()).toMatchObject({ archivedAt: null });
    expect((await nhs.post(`${base()}/decisions`, buildDecision({ id: 'dec-new' }))).status).toBe(
      201,
    );

    const entries = await store.db
      .select({ action: auditLog.action, actor: auditLog.actor })
      .from(auditLog)
      .where(and(eq(auditLog.targetKind, 'collaboration'), eq(auditLog.targetId, collaborationId)));
    expect(entries).toEqual(
      expect.arrayContaining([
        { action: 'collaboration.archive', actor: 'u-owner' },
        { action: 'collaboration.restore', actor: 'u-owner' },
      ]),
    );
  });
});
