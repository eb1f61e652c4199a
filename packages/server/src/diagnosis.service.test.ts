/**
 * The diagnosis cache: a diagnosis is computed once per collaboration, wave and as-of date,
 * and every path that changes what it reads makes the next request compute it afresh.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreOrThrow } from '@weframe/core';
import type { Store, WorkspaceRow } from '@weframe/store';
import { freshStore } from '../../store/src/test-support/fresh-store.js';
import { buildRichDocument } from '../../store/src/test-support/document.factory.js';
import { buildMember } from '../../core/src/test-support/factories.js';
import { createApp, type App } from './app.js';
import {
  confidentialSlice,
  diagnosisCacheStats,
  diagnosisService,
  waveAsOf,
} from './diagnosis.service.js';
import { hiddenRecords } from './redact.js';
import { LruCache } from './lru-cache.js';
import { actingAs, signedIn, type Client } from './test-support/signed-in.js';

interface DiagnosisBody {
  collaboration: { name: string };
  asOf: string;
  wave: { id: string; respondents: number } | null;
  elements: { id: string; quotes: { text?: string; quote?: string }[] }[];
  confidential: { records: Record<string, number> };
}

let store: Store;
let app: App;
let workspace: WorkspaceRow;
let facilitator: Client;
let nhs: Client;
let school: Client;
let researcher: Client;
let collaborationId: string;
/** After every record of the sample document, so a wave opened "today" moves the as-of date. */
let clock = new Date('2026-02-02T09:00:00Z');
const errors: unknown[] = [];

beforeAll(async () => {
  store = await freshStore();
  app = await createApp({ store, logError: (_m, e) => errors.push(e), now: () => clock });
  workspace = await store.workspaces.ensureDefault();
  facilitator = actingAs(
    app,
    await signedIn(store, { id: 'u-fac', workspaceId: workspace.id, role: 'facilitator' }),
  );
  nhs = actingAs(
    app,
    await signedIn(store, {
      id: 'u-nhs',
      workspaceId: workspace.id,
      role: 'facilitator',
      agencyId: 'ag-nhs',
    }),
  );
  school = actingAs(
    app,
    await signedIn(store, {
      id: 'u-school',
      workspaceId: workspace.id,
      role: 'facilitator',
      agencyId: 'ag-school',
    }),
  );
  researcher = actingAs(
    app,
    await signedIn(store, { id: 'u-researcher', workspaceId: workspace.id, role: 'researcher' }),
  );
  const created = await facilitator.post('/api/collaborations', buildRichDocument());
  expect(created.status).toBe(201);
  collaborationId = ((await created.json()) as { id: string }).id;
});
afterAll(async () => {
  await store.close();
});

const base = () => `/api/collaborations/${collaborationId}`;
const computed = () => diagnosisCacheStats(store).computed;

async function diagnosis(client: Client = facilitator, query = ''): Promise<DiagnosisBody> {
  const res = await client.get(`${base()}/diagnosis${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as DiagnosisBody;
}

/** Runs a change and returns the diagnosis before and after it, and how many were computed. */
async function around(change: () => Promise<void>, query = '') {
  const before = await diagnosis(facilitator, query);
  const start = computed();
  await change();
  const after = await diagnosis(facilitator, query);
  return { before, after, recomputed: computed() - start };
}

async function expectStatus(res: Promise<Response>, status: number) {
  const response = await res;
  expect(response.status, await response.clone().text()).toBe(status);
  return response;
}

describe('the diagnosis cache', () => {
  it('computes a diagnosis once and serves it again while nothing changes', async () => {
    await diagnosis();
    const start = computed();
    const again = await diagnosis();
    await diagnosis(facilitator, '?wave=wave-1');
    await diagnosis(facilitator, '?wave=wave-1');
    expect(computed() - start).toBe(1);
    expect(again.collaboration.name).toBe('Team around Zoë — Ashby 🌱');
  });

  it('can be warmed ahead of the first request', async () => {
    const res = await expectStatus(
      facilitator.post('/api/collaborations', buildRichDocument()),
      201,
    );
    const other = ((await res.json()) as { id: string }).id;
    const start = computed();
    await diagnosisService(store).warm(other);
    expect(computed() - start).toBe(1);
    await expectStatus(facilitator.get(`/api/collaborations/${other}/diagnosis`), 200);
    await diagnosisService(store).warm(other);
    expect(computed() - start).toBe(1);
  });

  it('redacts the one cached diagnosis per request', async () => {
    await diagnosis();
    const start = computed();
    const ownAgency = JSON.stringify(await diagnosis(nhs));
    const text = JSON.stringify(await diagnosis(school));
    expect(computed()).toBe(start);
    expect(ownAgency).toContain('Zoë Ørsted');
    expect(text).not.toContain('Zoë Ørsted');
    expect(text).not.toContain('Arrest; school not told');
  });

  it('sees a record created, changed and deleted', async () => {
    const member = buildMember({
      id: 'm-new',
      displayName: 'Ravi Newcomer',
      agencyId: 'ag-school',
      professionId: 'pr-teacher',
      startDate: '2024-09-02',
    });
    const created = await around(async () => {
      await expectStatus(facilitator.post(`${base()}/members`, member), 201);
    });
    expect(created.recomputed).toBe(1);
    expect(JSON.stringify(created.before)).not.toContain('Ravi Newcomer');
    expect(JSON.stringify(created.after)).toContain('Ravi Newcomer');

    const changed = await around(async () => {
      await expectStatus(
        facilitator.put(`${base()}/members/m-new`, {
          ...member,
          displayName: 'Ravi Renamed',
          version: 1,
        }),
        200,
      );
    });
    expect(changed.recomputed).toBe(1);
    expect(JSON.stringify(changed.after)).toContain('Ravi Renamed');
    expect(JSON.stringify(changed.after)).not.toContain('Ravi Newcomer');

    const deleted = await around(async () => {
      await expectStatus(facilitator.delete(`${base()}/members/m-new?version=2`), 204);
    });
    expect(deleted.recomputed).toBe(1);
    expect(JSON.stringify(deleted.after)).not.toContain('Ravi Renamed');
  });

  it('sees the header edited', async () => {
    const head = (await (await facilitator.get(base())).json()) as {
      collaboration: { version: number };
    };
    const { after, recomputed } = await around(async () => {
      await expectStatus(
        facilitator.patch(base(), {
          name: 'Team around Zoë — renamed',
          version: head.collaboration.version,
        }),
        200,
      );
    });
    expect(recomputed).toBe(1);
    expect(after.collaboration.name).toBe('Team around Zoë — renamed');
  });

  describe('survey waves', () => {
    let waveId = '';
    let tokens: string[] = [];

    it('sees a wave opened', async () => {
      const { before, after, recomputed } = await around(async () => {
        const res = await expectStatus(
          facilitator.post(`${base()}/waves`, { name: 'Winter 2026', mode: 'identified' }),
          201,
        );
        waveId = ((await res.json()) as { id: string }).id;
      });
      expect(recomputed).toBe(1);
      expect(before.asOf < '2026-02-02').toBe(true);
      expect(after.asOf).toBe('2026-02-02');
      const invited = await expectStatus(
        facilitator.post(`/api/waves/${waveId}/invitations`, {
          roster: [{ memberId: 'm-sw' }, { memberId: 'm-teacher' }],
        }),
        201,
      );
      tokens = ((await invited.json()) as { links: { url: string }[] }).links.map(
        (l) => l.url.split('/s/')[1] ?? '',
      );
    });

    it('sees a response submitted', async () => {
      const { before, after, recomputed } = await around(async () => {
        await expectStatus(
          app.request('/api/responses', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': 'cache-1' },
            body: JSON.stringify({ token: tokens[0], answers: { TR1: 4, TR2: 4 } }),
          }),
          201,
        );
      });
      expect(recomputed).toBe(1);
      expect(before.wave?.id).not.toBe(waveId);
      expect(after.wave).toMatchObject({ id: waveId, respondents: 1 });
    });

    it('sees responses imported', async () => {
      const csv = 'Who,Shared aim\r\nm-teacher,Agree\r\nm-ot,Disagree\r\n';
      const mapping = { columns: { Who: 'respondentMemberId', 'Shared aim': 'TR1' } };
      const { after, recomputed } = await around(async () => {
        const session = await signedIn(store, {
          id: 'u-fac',
          workspaceId: workspace.id,
          role: 'facilitator',
        });
        await expectStatus(
          app.request(
            `/api/waves/${waveId}/responses/import?mapping=${encodeURIComponent(JSON.stringify(mapping))}`,
            {
              method: 'POST',
              headers: {
                cookie: session.cookie,
                'x-csrf-token': session.csrf,
                'content-type': 'text/csv',
              },
              body: csv,
            },
          ),
          200,
        );
      });
      expect(recomputed).toBe(1);
      expect(after.wave).toMatchObject({ id: waveId, respondents: 3 });
    });

    it('recomputes when a wave is closed', async () => {
      clock = new Date('2026-02-03T09:00:00Z');
      const { before, after, recomputed } = await around(async () => {
        await expectStatus(facilitator.post(`/api/waves/${waveId}/close`), 200);
      });
      expect(recomputed).toBe(1);
      // Closing changes no figure: the diagnosis is the same, computed again.
      expect(after).toEqual(before);
    });
  });

  describe('qualitative records and whole documents', () => {
    it('sees the document replaced, as the qualitative import of the CLI does', async () => {
      const current = await store.collaborations.exportDocument(collaborationId);
      if (!current) throw new Error('the collaboration is missing');
      const { after, recomputed } = await around(async () => {
        await store.collaborations.replaceDocument(
          collaborationId,
          restoreOrThrow({
            ...current,
            qualitative: {
              ...current.qualitative,
              codings: [
                ...current.qualitative.codings,
                {
                  id: 'cod-plan',
                  sourceId: 'src-2',
                  codeId: 'code-roles',
                  coderId: 'coder-1',
                  start: 0,
                  end: 24,
                },
              ],
            },
          }),
          { actor: 'cli' },
        );
      });
      expect(recomputed).toBe(1);
      expect(JSON.stringify(after)).toContain('Agreed: review in March.');
    });

    it('sees a passage coded through the qualitative routes', async () => {
      const { before, after, recomputed } = await around(async () => {
        await expectStatus(
          researcher.post(`${base()}/qualitative/codings`, {
            sourceId: 'src-2',
            codeId: 'code-gap',
            start: 8,
            end: 24,
          }),
          201,
        );
      });
      expect(recomputed).toBe(1);
      const quotes = (d: DiagnosisBody) =>
        d.elements.find((e) => e.id === 'local.roles')?.quotes.length ?? 0;
      expect(quotes(after)).toBe(quotes(before) + 1);
    });

    it('gives a collaboration imported again its own diagnosis', async () => {
      const res = await expectStatus(
        facilitator.post('/api/collaborations', buildRichDocument()),
        201,
      );
      const other = ((await res.json()) as { id: string }).id;
      const start = computed();
      const copy = (await (
        await facilitator.get(`/api/collaborations/${other}/diagnosis`)
      ).json()) as DiagnosisBody;
      expect(computed() - start).toBe(1);
      expect(copy.collaboration.name).toBe('Team around Zoë — Ashby 🌱');
      expect((await diagnosis()).collaboration.name).toBe('Team around Zoë — renamed');
    });
  });

  it('keeps one diagnosis per collaboration, wave and date, dropping those of older states', async () => {
    await diagnosis();
    await diagnosis(facilitator, '?wave=wave-1');
    const held = diagnosisCacheStats(store).held;
    const head = (await (await facilitator.get(base())).json()) as {
      collaboration: { version: number };
    };
    await expectStatus(
      facilitator.patch(base(), { description: 'Changed', version: head.collaboration.version }),
      200,
    );
    await diagnosis();
    // The wave-1 diagnosis of the older state is gone, the new default one replaced the old.
    expect(diagnosisCacheStats(store).held).toBe(held - 1);
  });

  it('met no unexpected server error', () => {
    expect(errors).toEqual([]);
  });
});

describe('the confidential slice', () => {
  it('hides exactly what the whole document hides, for every agency', () => {
    const doc = restoreOrThrow(buildRichDocument());
    const slice = confidentialSlice(doc);
    expect(slice.communications.map((c) => c.id)).toEqual(['comm-2']);
    for (const agency of [null, 'ag-nhs', 'ag-yot', 'ag-school']) {
      const sees = (mark: string | null | undefined) => !mark || mark === agency;
      expect([...hiddenRecords(slice, sees).keys()].sort()).toEqual(
        [...hiddenRecords(doc, sees).keys()].sort(),
      );
    }
  });
});

describe('waveAsOf', () => {
  it('is the later of the wave’s opening and its latest response', () => {
    const doc = restoreOrThrow(buildRichDocument());
    expect(waveAsOf(doc, 'wave-1')).toBe('2024-11-03');
    expect(waveAsOf(doc, 'wave-2')).toBe('2025-03-05');
    expect(waveAsOf(doc, 'no-such-wave')).toBeNull();
  });
});

describe('LruCache', () => {
  it('forgets the least recently used entry beyond its capacity', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect([...cache.entries()].map(([k]) => k)).toEqual(['a', 'c']);
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});
