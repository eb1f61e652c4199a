import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareWaves,
  diagnosisHtml,
  parseCsv,
  restoreOrThrow,
  syntheticDocument,
  type Diagnosis,
} from '@weframe/core';
import type { Store, WorkspaceRow } from '@weframe/store';
import { auditLog } from '../../../store/src/schema.js';
import { freshStore } from '../../../store/src/test-support/fresh-store.js';
import { buildRichDocument } from '../../../store/src/test-support/document.factory.js';
import { buildResponse } from '../../../core/src/test-support/factories.js';
import { createApp, type App } from '../app.js';
import {
  AGENCY_EDGE_COLUMNS,
  INDICATOR_COLUMNS,
  PROFESSIONAL_EDGE_COLUMNS,
  SUMMARY_EVIDENCE_LIMIT,
  SUMMARY_QUOTE_LIMIT,
  type DiagnosisSummary,
} from '../report.presenter.js';
import { actingAs, signedIn, type Client } from '../test-support/signed-in.js';

type Json = Record<string, unknown>;
type FullDiagnosis = Diagnosis & { confidential: { records: Json; quotesRemoved: number } };

let store: Store;
let app: App;
let workspace: WorkspaceRow;
let owner: Client;
let nhs: Client;
let school: Client;
let viewer: Client;
let researcher: Client;
let member: Client;
let outsider: Client;
let stranger: Client;
let richId: string;
let syntheticId: string;
const errors: unknown[] = [];

/** A name a spreadsheet would run as a formula. */
const FORMULA_NAME = '=1+2*HYPERLINK("https://example.org")';

/**
 * The rich sample with a teacher whose name is a formula, three answers in each of its two
 * waves, `autumn` (identified; one answer by the member confidential to the NHS trust) and
 * `spring` (anonymous), and a third anonymous wave, `summer`, with only two. Confidential to the NHS trust: m-ot, comm-2, src-1 (and its codings); to the
 * youth offending team: ce-1.
 */
function richDocument() {
  const rich = buildRichDocument();
  const doc = buildRichDocument({
    members: (rich.members ?? []).map((m) =>
      m.id === 'm-teacher' ? { ...m, displayName: FORMULA_NAME } : m,
    ),
    waves: [
      ...(rich.waves ?? []),
      { id: 'wave-3', name: 'Summer 2025', mode: 'anonymous', opensOn: '2025-06-02' },
    ],
    responses: [
      ...(rich.responses ?? []),
      buildResponse({
        id: 'resp-3',
        waveId: 'wave-1',
        respondentMemberId: 'm-teacher',
        submittedAt: '2024-11-04T10:00:00Z',
        answers: { TR1: 2, PU1: 3 },
      }),
      buildResponse({
        id: 'resp-4',
        waveId: 'wave-1',
        respondentMemberId: 'm-sw',
        submittedAt: '2024-11-05T16:45:10Z',
        answers: { TR1: 5, TR4: 4 },
      }),
      buildResponse({
        id: 'resp-5',
        waveId: 'wave-2',
        submittedAt: '2025-03-06T08:30:00Z',
        answers: { TR1: 3 },
        goal: { choice: 'other', text: '+SUM(A1:A9)' },
      }),
      buildResponse({
        id: 'resp-6',
        waveId: 'wave-2',
        submittedAt: '2025-03-10T12:00:00Z',
        answers: { TR1: 4, PU1: 'dontKnow' },
      }),
      buildResponse({ id: 'resp-7', waveId: 'wave-3', submittedAt: '2025-06-03T09:00:00Z' }),
      buildResponse({ id: 'resp-8', waveId: 'wave-3', submittedAt: '2025-06-04T09:00:00Z' }),
    ],
  });
  // Wave ids are unique per collaboration only: these differ from the synthetic one's.
  return JSON.parse(
    JSON.stringify(doc)
      .replaceAll('"wave-1"', '"autumn"')
      .replaceAll('"wave-2"', '"spring"')
      .replaceAll('"wave-3"', '"summer"'),
  ) as Json;
}
const SECRETS = [
  'Zoë Ørsted',
  'Arrest; school not told',
  'Interview with the OT',
  'we share the plan',
];

const SYNTHETIC = {
  members: 40,
  agencies: 6,
  communications: 800,
  waves: 2,
  respondents: 30,
  items: 50,
  segments: 60,
  seed: 3,
};

beforeAll(async () => {
  store = await freshStore();
  app = await createApp({ store, logError: (_m, e) => errors.push(e) });
  workspace = await store.workspaces.ensureDefault();
  const other = await store.workspaces.create({ slug: 'elsewhere', name: 'Elsewhere' });
  const as = async (id: string, role: Parameters<typeof signedIn>[1]['role'], agencyId?: string) =>
    actingAs(
      app,
      await signedIn(store, { id, workspaceId: workspace.id, role, agencyId: agencyId ?? null }),
    );
  owner = await as('u-owner', 'owner');
  nhs = await as('u-nhs', 'facilitator', 'ag-nhs');
  school = await as('u-school', 'facilitator', 'ag-school');
  viewer = await as('u-viewer', 'viewer', 'ag-nhs');
  researcher = await as('u-researcher', 'researcher');
  outsider = await as('u-outsider', 'member');
  stranger = actingAs(
    app,
    await signedIn(store, { id: 'u-stranger', workspaceId: other.id, role: 'owner' }),
  );
  const imported = await owner.post('/api/collaborations', richDocument());
  expect(imported.status, await imported.clone().text()).toBe(201);
  richId = ((await imported.json()) as { id: string }).id;
  const synthetic = await owner.post('/api/collaborations', syntheticDocument(SYNTHETIC));
  expect(synthetic.status, await synthetic.clone().text()).toBe(201);
  syntheticId = ((await synthetic.json()) as { id: string }).id;
  member = actingAs(
    app,
    await signedIn(store, {
      id: 'u-member',
      workspaceId: workspace.id,
      role: 'member',
      links: [{ collaborationId: richId, memberId: 'm-teacher' }],
    }),
  );
});
afterAll(async () => {
  await store.close();
});

const rich = (path = '') => `/api/collaborations/${richId}${path}`;
const synthetic = (path = '') => `/api/collaborations/${syntheticId}${path}`;

async function ok(res: Response | Promise<Response>, status = 200): Promise<Response> {
  const response = await res;
  expect(response.status, await response.clone().text()).toBe(status);
  return response;
}
const json = async <T = Json>(res: Response | Promise<Response>) =>
  (await (await ok(res)).json()) as T;

/** The cells of a CSV download, header first, after checking it is one. */
async function csvOf(res: Response | Promise<Response>, filename: string): Promise<string[][]> {
  const response = await ok(res);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${filename}"`);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes);
  expect(text.endsWith('\r\n')).toBe(true);
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.records.map((r) => [...r.cells]);
}

const issuesOf = async (res: Response | Promise<Response>, status = 400) => {
  const body = (await (await ok(res, status)).json()) as { issues?: { path: string }[] };
  return (body.issues ?? []).map((i) => i.path);
};

describe('the diagnosis summary', () => {
  it('has the dashboard’s parts of the diagnosis and nothing else', async () => {
    const summary = await json<Json>(nhs.get(rich('/diagnosis/summary')));
    expect(Object.keys(summary).sort()).toEqual(
      [
        'collaboration',
        'asOf',
        'modelVersion',
        'engineVersion',
        'instrumentVersion',
        'wave',
        'elements',
        'actions',
        'teamForm',
        'confidential',
        'limits',
      ].sort(),
    );
    expect(summary.limits).toEqual({
      evidence: SUMMARY_EVIDENCE_LIMIT,
      quotes: SUMMARY_QUOTE_LIMIT,
    });
  });

  it('is the whole diagnosis’s elements, with long lists cut short and counted', async () => {
    for (const [client, path] of [
      [nhs, rich],
      [owner, synthetic],
    ] as const) {
      const full = await json<FullDiagnosis>(client.get(path('/diagnosis')));
      const summary = await json<DiagnosisSummary>(client.get(path('/diagnosis/summary')));
      expect(summary.collaboration).toEqual(full.collaboration);
      expect(summary.asOf).toBe(full.asOf);
      expect(summary.wave).toEqual(full.wave);
      expect(summary.actions).toEqual(full.actions);
      expect(summary.teamForm).toEqual(full.teamForm);
      expect(summary.confidential).toEqual(full.confidential);
      expect(summary.elements.map((e) => e.id)).toEqual(full.elements.map((e) => e.id));
      full.elements.forEach((element, i) => {
        const { indicators, evidence, quotes, ...rest } = element;
        const cut = summary.elements[i];
        if (!cut) throw new Error(`no element ${element.id}`);
        expect(cut).toMatchObject(rest);
        expect(cut.evidence).toEqual(evidence.slice(0, SUMMARY_EVIDENCE_LIMIT));
        expect(cut.evidenceTotal).toBe(evidence.length);
        expect(cut.quotes).toEqual(quotes.slice(0, SUMMARY_QUOTE_LIMIT));
        expect(cut.quotesTotal).toBe(quotes.length);
        indicators.forEach(({ evidence: all, ...indicator }, j) => {
          expect(cut.indicators[j]).toEqual({
            ...indicator,
            evidence: all.slice(0, SUMMARY_EVIDENCE_LIMIT),
            evidenceTotal: all.length,
          });
        });
      });
    }
    const summary = await json<DiagnosisSummary>(owner.get(synthetic('/diagnosis/summary')));
    const long = summary.elements
      .flatMap((e) => e.indicators)
      .filter((i) => i.evidenceTotal > SUMMARY_EVIDENCE_LIMIT);
    expect(long.length).toBeGreaterThan(0);
    for (const i of long) expect(i.evidence).toHaveLength(SUMMARY_EVIDENCE_LIMIT);
  });

  it('takes the wave and as-of date, and names a bad one', async () => {
    const first = await json<DiagnosisSummary>(nhs.get(rich('/diagnosis/summary?wave=autumn')));
    expect(first.wave).toMatchObject({ id: 'autumn', respondents: 3 });
    const dated = await json<DiagnosisSummary>(nhs.get(rich('/diagnosis/summary?asOf=2025-01-31')));
    expect(dated.asOf).toBe('2025-01-31');
    expect(await issuesOf(nhs.get(rich('/diagnosis/summary?wave=no-such-wave')))).toEqual(['wave']);
    expect(await issuesOf(nhs.get(rich('/diagnosis/summary?asOf=31/01/2025')))).toEqual(['asOf']);
  });

  it('shows nothing confidential to another agency', async () => {
    const own = await (await ok(nhs.get(rich('/diagnosis/summary')))).text();
    expect(own).toContain('Zoë Ørsted');
    for (const client of [school, owner, viewer, member]) {
      const text = await (await ok(client.get(rich('/diagnosis/summary')))).text();
      for (const secret of SECRETS) expect(text).not.toContain(secret);
      expect(JSON.parse(text)).toMatchObject({ confidential: { records: { members: 1 } } });
    }
  });

  it('is read by whoever may read the diagnosis, and by no one else', async () => {
    await ok(researcher.get(rich('/diagnosis/summary')));
    await ok(member.get(rich('/diagnosis/summary')));
    await ok(outsider.get(rich('/diagnosis/summary')), 404);
    await ok(stranger.get(rich('/diagnosis/summary')), 404);
    await ok(app.request(rich('/diagnosis/summary')), 401);
  });
});

describe('the change between two waves', () => {
  it('is core’s comparison of the two waves', async () => {
    const change = await json<Json>(owner.get(synthetic('/change?from=wave-1&to=wave-2')));
    const doc = restoreOrThrow(syntheticDocument(SYNTHETIC));
    const { confidential, ...rest } = change;
    expect(rest).toEqual(JSON.parse(JSON.stringify(compareWaves(doc, 'wave-1', 'wave-2'))));
    expect(confidential).toEqual({ records: {}, quotesRemoved: 0 });
  });

  it('names the wave it does not know, on from and to', async () => {
    expect(await issuesOf(nhs.get(rich('/change?from=autumn&to=nope')))).toEqual(['to']);
    expect(await issuesOf(nhs.get(rich('/change?from=nope&to=spring')))).toEqual(['from']);
    expect(await issuesOf(nhs.get(rich('/change?from=x&to=y')))).toEqual(['from', 'to']);
    expect(await issuesOf(nhs.get(rich('/change?to=spring')))).toEqual(['from']);
    expect(await issuesOf(nhs.get(rich('/change')))).toEqual(['from', 'to']);
  });

  it('shows nothing confidential to another agency', async () => {
    const own = await json<Json>(nhs.get(rich('/change?from=autumn&to=spring')));
    expect(own).toMatchObject({ before: { waveId: 'autumn' }, after: { waveId: 'spring' } });
    const text = await (await ok(school.get(rich('/change?from=autumn&to=spring')))).text();
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).not.toContain('m-ot');
  });
});

describe('the HTML report', () => {
  it('is the standalone report of the diagnosis the user may see', async () => {
    for (const client of [nhs, school]) {
      const full = await json<FullDiagnosis>(client.get(rich('/diagnosis?wave=autumn')));
      const res = await ok(client.get(rich('/report?wave=autumn')));
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.get('content-disposition')).toBe(
        'inline; filename="collab-rich-autumn-report.html"',
      );
      const html = await res.text();
      expect(html).toBe(diagnosisHtml(full));
      expect(html).toContain('Autumn 2024');
      expect(html).not.toMatch(/<script/i);
    }
    const text = await (await ok(school.get(rich('/report')))).text();
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    await ok(stranger.get(rich('/report')), 404);
  });
});

describe('CSV downloads of the diagnosis', () => {
  it('lists every indicator of every element, formulas defused', async () => {
    const full = await json<FullDiagnosis>(school.get(rich('/diagnosis')));
    const rows = await csvOf(
      school.get(rich('/downloads/indicators.csv')),
      'collab-rich-indicators.csv',
    );
    expect(rows[0]).toEqual([...INDICATOR_COLUMNS]);
    const indicators = full.elements.flatMap((e) => e.indicators);
    expect(rows.slice(1).map((r) => r[5])).toEqual(indicators.map((i) => i.id));
    const col = (name: (typeof INDICATOR_COLUMNS)[number]) => INDICATOR_COLUMNS.indexOf(name);
    const lines = rows.slice(1);
    const accountability = lines.find((r) => r[col('indicator')] === 'local.accountability.lines');
    expect(accountability?.[col('finding')]).toBe(
      `'${FORMULA_NAME} has no recorded line of accountability.`,
    );
    lines.forEach((row, i) => {
      const indicator = indicators[i];
      if (!indicator) throw new Error('row without an indicator');
      expect(row[col('status')]).toBe(indicator.status);
      expect(row[col('evidence_count')]).toBe(String(indicator.evidence.length));
      if (typeof indicator.value === 'number')
        expect(Number(row[col('value')])).toBe(indicator.value);
    });
    const text = lines.flat().join('\n');
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    const wave = await ok(school.get(rich('/downloads/indicators.csv?wave=autumn')));
    expect(wave.headers.get('content-disposition')).toBe(
      'attachment; filename="collab-rich-autumn-indicators.csv"',
    );
  });

  it('lists the ties of each network level with labels, confidential members aliased', async () => {
    for (const [client, hidden] of [
      [nhs, false],
      [school, true],
    ] as const) {
      const full = await json<FullDiagnosis>(client.get(rich('/diagnosis?asOf=2025-01-31')));
      const members = await csvOf(
        client.get(rich('/downloads/edges-professional.csv?asOf=2025-01-31')),
        'collab-rich-edges-professional.csv',
      );
      expect(members[0]).toEqual([...PROFESSIONAL_EDGE_COLUMNS]);
      // Within twelve months of 2025-01-31 the confidential therapist still has ties.
      const ties = full.networks.interProfessional.ties;
      expect(ties.length).toBeGreaterThan(0);
      expect(members.slice(1).map((r) => [r[0], r[4], Number(r[8])])).toEqual(
        ties.map((t) => [t.source, t.target, t.weight]),
      );
      const text = members.flat().join('\n');
      expect(text.includes('Zoë Ørsted')).toBe(!hidden);
      expect(text.includes('m-ot')).toBe(!hidden);
      const teacher = members.find((r) => r[0] === 'm-teacher');
      expect(teacher?.[1]).toBe(`'${FORMULA_NAME}`);

      const agencies = await csvOf(
        client.get(rich('/downloads/edges-agency.csv?asOf=2025-01-31')),
        'collab-rich-edges-agency.csv',
      );
      expect(agencies[0]).toEqual([...AGENCY_EDGE_COLUMNS]);
      expect(agencies.slice(1).map((r) => [r[0], r[2], Number(r[4])])).toEqual(
        full.networks.interAgency.ties.map((t) => [t.source, t.target, t.weight]),
      );
    }
    await ok(stranger.get(rich('/downloads/edges-agency.csv')), 404);
  });
});

describe('the CSV of a wave’s answers', () => {
  const responses = (waveId: string) => `/api/waves/${waveId}/downloads/responses.csv`;

  it('gives an identified wave’s answers with the member and the time', async () => {
    const rows = await csvOf(nhs.get(responses('autumn')), 'collab-rich-autumn-responses.csv');
    const [header = [], ...lines] = rows;
    expect(header.slice(0, 3)).toEqual(['response', 'respondent_member_id', 'submitted_at']);
    expect(header.slice(-7)).toEqual([
      'goal_choice',
      'goal_id',
      'goal_text',
      'named_lead_id',
      'own_role_area_ids',
      'own_role_text',
      'contacts',
    ]);
    expect(header).toContain('TR1');
    expect(header).toContain('X-ashby-1');
    expect(lines.map((r) => r.slice(0, 3))).toEqual([
      ['resp-1', 'm-ot', '2024-11-03T09:15:00+00:00'],
      ['resp-3', 'm-teacher', '2024-11-04T10:00:00Z'],
      ['resp-4', 'm-sw', '2024-11-05T16:45:10Z'],
    ]);
    const tr1 = header.indexOf('TR1');
    expect(lines.map((r) => r[tr1])).toEqual(['4', '2', '5']);
    const pu1 = header.indexOf('PU1');
    expect(lines[0]?.[pu1]).toBe('dontKnow');
    const contacts = JSON.parse(lines[0]?.[header.indexOf('contacts')] ?? '[]') as Json[];
    expect(contacts.map((k) => k.memberId)).toEqual(['m-sw', 'm-teacher']);
  });

  it('names no member another agency keeps confidential', async () => {
    const rows = await csvOf(school.get(responses('autumn')), 'collab-rich-autumn-responses.csv');
    expect(rows.slice(1).map((r) => r[1])).toEqual(['confidential', 'm-teacher', 'm-sw']);
    expect(rows.flat().join('\n')).not.toContain('m-ot');
  });

  it('gives an anonymous wave’s answers with no respondent, no id and the day only', async () => {
    const rows = await csvOf(owner.get(responses('spring')), 'collab-rich-spring-responses.csv');
    const [header = [], ...lines] = rows;
    expect(header.slice(0, 2)).toEqual(['response', 'submitted_on']);
    expect(header).not.toContain('respondent_member_id');
    expect(header).not.toContain('contacts');
    expect(lines.map((r) => r[0])).toEqual(['1', '2', '3']);
    expect(lines.map((r) => r[1])).toEqual(['2025-03-05', '2025-03-06', '2025-03-10']);
    const text = rows.flat().join('\n');
    expect(text).not.toMatch(/resp-|T\d\d:\d\d/);
    expect(lines[1]?.[header.indexOf('goal_text')]).toBe("'+SUM(A1:A9)");
  });

  it('writes every download to the audit log', async () => {
    const entries = await store.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'responses.export'), eq(auditLog.targetId, 'spring')));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: 'u-owner',
      targetKind: 'wave',
      after: { mode: 'anonymous', rows: 3 },
    });
  });

  it('is refused below three responses, and to roles that do not run waves', async () => {
    const small = await ok(nhs.get(responses('summer')), 409);
    expect(((await small.json()) as { message: string }).message).toContain('at least 3');
    for (const client of [viewer, researcher, member])
      await ok(client.get(responses('autumn')), 403);
    await ok(stranger.get(responses('autumn')), 404);
    await ok(nhs.get(responses('no-such-wave')), 404);
  });
});

describe('the OpenAPI document', () => {
  it('describes every report route', async () => {
    const doc = await json<{ paths: Record<string, Json> }>(app.request('/api/openapi.json'));
    for (const path of [
      '/api/collaborations/{id}/diagnosis/summary',
      '/api/collaborations/{id}/change',
      '/api/collaborations/{id}/report',
      '/api/collaborations/{id}/downloads/indicators.csv',
      '/api/collaborations/{id}/downloads/edges-professional.csv',
      '/api/collaborations/{id}/downloads/edges-agency.csv',
      '/api/waves/{waveId}/downloads/responses.csv',
    ])
      expect(Object.keys(doc.paths[path] ?? {}), path).toEqual(['get']);
  });

  it('met no unexpected server error', () => {
    expect(errors).toEqual([]);
  });
});
