/**
 * Who reads individual survey responses (decision 0008): owners and facilitators, who may
 * export the collaboration; everyone else gets aggregate figures from at least 3
 * respondents, through the diagnosis, and no view of the diagnosis cites a single response
 * or depends on the answers of a wave of fewer than 3.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose, restoreOrThrow, type CollaborationDocumentInput } from '@weframe/core';
import type { Store } from '@weframe/store';
import { buildResponse } from '../../core/src/test-support/factories.js';
import { freshStore } from '../../store/src/test-support/fresh-store.js';
import { buildRichDocument } from '../../store/src/test-support/document.factory.js';
import { createApp, type App } from './app.js';
import { WITHHELD_RESPONSES_HEADER } from './routes/collaboration.routes.js';
import { MINIMUM_RESPONDENTS } from './survey-privacy.js';
import { actingAs, signedIn, type Client } from './test-support/signed-in.js';

type Json = Record<string, unknown>;

let store: Store;
let app: App;
const clients = {} as Record<'owner' | 'facilitator' | 'researcher' | 'viewer' | 'member', Client>;
/** Two collaborations alike but for what the two respondents of the small wave answered. */
let first = '';
let second = '';

/**
 * The rich document with an identified wave of 2 respondents (`wave-1`, the small group) and
 * an anonymous wave of 3 (`wave-2`); `variant` changes only what wave-1's respondents said.
 */
function document(variant: 0 | 1): CollaborationDocumentInput {
  const rich = buildRichDocument();
  const [identified, anonymous] = rich.responses ?? [];
  const small = [
    {
      ...identified,
      ...(variant === 0
        ? {}
        : {
            answers: { TR1: 1, TR4: 5, PU1: 1, PU3: 2 },
            goal: { choice: 'other' as const, text: 'Keep the budget' },
            namedLeadId: 'm-teacher',
            contacts: [
              {
                memberId: 'm-teacher',
                frequency: 'rarely' as const,
                workingLevel: 'cooperation' as const,
              },
            ],
          }),
    },
    buildResponse({
      id: 'resp-small-2',
      waveId: 'wave-1',
      respondentMemberId: 'm-teacher',
      submittedAt: '2024-11-04T10:00:00Z',
      answers: variant === 0 ? { TR1: 5, TR4: 4, PU1: 4 } : { TR1: 2, TR4: 1, PU1: 1 },
      goal:
        variant === 0
          ? { choice: 'joint', goalId: 'g-joint', text: '' }
          : { choice: 'agency', text: 'Fewer exclusions' },
      namedLeadId: variant === 0 ? 'm-sw' : 'm-teacher',
      contacts: [
        {
          memberId: 'm-sw',
          frequency: variant === 0 ? 'weekly' : 'monthly',
          workingLevel: variant === 0 ? 'coordination' : 'cooperation',
          trust: variant === 0 ? 5 : 1,
        },
      ],
    }),
  ];
  const large = [
    { ...anonymous, goal: { choice: 'joint' as const, goalId: 'g-joint', text: '' } },
    buildResponse({
      id: 'resp-large-2',
      waveId: 'wave-2',
      submittedAt: '2025-03-06T00:00:00Z',
      answers: { TR1: 4, PU1: 4 },
      goal: { choice: 'joint', goalId: 'g-joint', text: '' },
    }),
    buildResponse({
      id: 'resp-large-3',
      waveId: 'wave-2',
      submittedAt: '2025-03-07T00:00:00Z',
      answers: { TR1: 2, PU1: 5 },
      goal: { choice: 'agency', text: '' },
    }),
  ];
  return buildRichDocument({
    responses: [...small, ...large] as CollaborationDocumentInput['responses'],
  });
}

beforeAll(async () => {
  store = await freshStore();
  app = await createApp({ store, logError: (m, e) => console.error(m, e) });
  const workspace = await store.workspaces.ensureDefault();
  for (const role of ['owner', 'facilitator', 'researcher', 'viewer'] as const)
    clients[role] = actingAs(
      app,
      await signedIn(store, {
        id: `u-${role}`,
        workspaceId: workspace.id,
        role,
        agencyId: 'ag-school',
      }),
    );
  for (const [index, input] of [document(0), document(1)].entries()) {
    const res = await clients.owner.post('/api/collaborations', input);
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    if (index === 0) first = id;
    else second = id;
  }
  clients.member = actingAs(
    app,
    await signedIn(store, {
      id: 'u-member',
      workspaceId: workspace.id,
      role: 'member',
      links: [
        { collaborationId: first, memberId: 'm-teacher' },
        { collaborationId: second, memberId: 'm-teacher' },
      ],
    }),
  );
});

afterAll(async () => {
  await store.close();
});

/** Every view of the diagnosis, for a query (`wave=…`). */
const views = (query: string) => [
  `/diagnosis?${query}`,
  `/diagnosis/summary?${query}`,
  `/report?${query}`,
  `/downloads/indicators.csv?${query}`,
  `/downloads/edges-professional.csv?${query}`,
  `/downloads/edges-agency.csv?${query}`,
];

async function text(client: Client, path: string): Promise<string> {
  const res = await client.get(path);
  const body = await res.text();
  expect(res.status, `${path}: ${body.slice(0, 300)}`).toBe(200);
  return body;
}

describe('individual responses', () => {
  it('are in the document for owners and facilitators, who may export it', async () => {
    for (const role of ['owner', 'facilitator'] as const) {
      const res = await clients[role].get(`/api/collaborations/${first}`);
      expect(res.status).toBe(200);
      expect(res.headers.get(WITHHELD_RESPONSES_HEADER)).toBe('0');
      const doc = (await res.json()) as { responses: Json[] };
      expect(doc.responses.map((r) => r.id).sort()).toEqual(
        ['resp-1', 'resp-large-2', 'resp-large-3', 'resp-2', 'resp-small-2'].sort(),
      );
      expect(doc.responses.find((r) => r.id === 'resp-small-2')).toMatchObject({
        respondentMemberId: 'm-teacher',
      });
      const exported = (await (
        await clients[role].get(`/api/collaborations/${first}/export`)
      ).json()) as { responses: Json[] };
      expect(exported.responses).toHaveLength(5);
    }
  });

  it('are left out of the document for researchers and viewers, who are told how many', async () => {
    for (const role of ['researcher', 'viewer'] as const) {
      const res = await clients[role].get(`/api/collaborations/${first}`);
      expect(res.status).toBe(200);
      expect(res.headers.get(WITHHELD_RESPONSES_HEADER)).toBe('5');
      const body = await res.text();
      expect((JSON.parse(body) as { responses: Json[] }).responses).toEqual([]);
      for (const trace of ['respondentMemberId', 'resp-small-2', 'Keep her in school'])
        expect(body).not.toContain(trace);
      // The export is not theirs either.
      expect((await clients[role].get(`/api/collaborations/${first}/export`)).status).toBe(403);
    }
  });

  it('are never readable by members, and no record route serves them', async () => {
    expect((await clients.member.get(`/api/collaborations/${first}`)).status).toBe(403);
    for (const role of ['owner', 'researcher'] as const)
      expect((await clients[role].get(`/api/collaborations/${first}/responses`)).status).toBe(404);
  });
});

describe('the diagnosis', () => {
  it('gives no figure from a wave of fewer than 3 respondents: what they answered changes nothing', async () => {
    // The engine alone would show their answers: the two documents diagnose differently…
    const raw = (input: CollaborationDocumentInput) =>
      JSON.stringify(diagnose(restoreOrThrow(input), { waveId: 'wave-1' }));
    expect(raw(document(0))).not.toEqual(raw(document(1)));
    // …but nothing the server returns differs, in any view, for any role that reads it.
    for (const role of ['owner', 'researcher', 'viewer', 'member'] as const)
      for (const view of [...views('wave=wave-1'), '/change?from=wave-1&to=wave-2']) {
        const a = await text(clients[role], `/api/collaborations/${first}${view}`);
        const b = await text(clients[role], `/api/collaborations/${second}${view}`);
        expect(b, `${role} ${view}`).toEqual(a);
      }
    const diagnosis = JSON.parse(
      await text(clients.owner, `/api/collaborations/${first}/diagnosis?wave=wave-1`),
    ) as { wave: Json; goalAlignment: { goalChoices: Json } };
    // The wave is there with its count of responses; its answers are not used.
    expect(diagnosis.wave).toMatchObject({ id: 'wave-1', respondents: 2 });
    expect(diagnosis.goalAlignment.goalChoices).toMatchObject({ respondents: 0, joint: 0 });
    expect(MINIMUM_RESPONDENTS).toBe(3);
  });

  it('gives figures from a wave of 3, and never cites a single response', async () => {
    const body = await text(clients.viewer, `/api/collaborations/${first}/diagnosis?wave=wave-2`);
    const diagnosis = JSON.parse(body) as {
      wave: Json;
      goalAlignment: { goalChoices: Json };
      elements: { evidence: Json[] }[];
    };
    expect(diagnosis.wave).toMatchObject({ id: 'wave-2', respondents: 3 });
    expect(diagnosis.goalAlignment.goalChoices).toMatchObject({ respondents: 3, joint: 2 });
    const evidence = diagnosis.elements.flatMap((e) => e.evidence);
    expect(evidence).toContainEqual({
      kind: 'wave',
      id: 'wave-2',
      note: '2 survey answers: chose a recorded joint goal',
    });
    expect(evidence.filter((e) => e.collection === 'responses')).toEqual([]);
    for (const role of ['owner', 'facilitator', 'researcher', 'viewer', 'member'] as const)
      for (const view of [
        ...views('wave=wave-2'),
        ...views('wave=wave-1'),
        '/change?from=wave-1&to=wave-2',
      ]) {
        const got = await text(clients[role], `/api/collaborations/${first}${view}`);
        expect(got, `${role} ${view}`).not.toMatch(/resp-(1|2|small-2|large-2|large-3)\b/);
      }
  });
});
