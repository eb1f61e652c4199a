/**
 * Reading the diagnosis is a read of the case events and confidential records it cites
 * (decision 0009): each view of it writes one `record.read` entry per such record the user
 * may see, naming who and which record, `via: 'diagnosis'`; records hidden from the user
 * are not read, and views that cite none write nothing.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@weframe/store';
import { auditLog } from '../../store/src/schema.js';
import { freshStore } from '../../store/src/test-support/fresh-store.js';
import { buildRichDocument } from '../../store/src/test-support/document.factory.js';
import { createApp, type App } from './app.js';
import { actingAs, signedIn, type Client } from './test-support/signed-in.js';

let store: Store;
let app: App;
let id = '';
let school: Client;
let nhs: Client;

/**
 * The rich document plus a case event anyone may see that the "not looped in" indicator
 * cites: an incident on the fine-motor area, which the teacher (who claims the area) was
 * never told of. `ce-1` stays confidential to the youth offending team and is not cited.
 */
function document() {
  const rich = buildRichDocument();
  return buildRichDocument({
    caseEvents: [
      ...(rich.caseEvents ?? []),
      {
        id: 'ce-open',
        date: '2025-06-02',
        caseId: 'case-a',
        memberId: 'm-sw',
        kind: 'incident',
        description: 'Missed the fine-motor session',
        areaIds: ['area-motor'],
      },
    ],
  });
}

beforeAll(async () => {
  store = await freshStore();
  app = await createApp({ store, logError: (m, e) => console.error(m, e) });
  const workspace = await store.workspaces.ensureDefault();
  const as = async (userId: string, agencyId: string) =>
    actingAs(
      app,
      await signedIn(store, {
        id: userId,
        workspaceId: workspace.id,
        role: 'facilitator',
        agencyId,
      }),
    );
  school = await as('u-school', 'ag-school');
  nhs = await as('u-nhs', 'ag-nhs');
  const res = await school.post('/api/collaborations', document());
  expect(res.status).toBe(201);
  id = ((await res.json()) as { id: string }).id;
});

afterAll(async () => {
  await store.close();
});

/** The diagnosis reads audited so far for a user, as `collection/id`. */
async function readsBy(actor: string): Promise<string[]> {
  const rows = await store.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.actor, actor), eq(auditLog.action, 'record.read')));
  return rows
    .filter((r) => (r.after as { via?: string } | null)?.via === 'diagnosis')
    .map((r) => {
      expect(r.targetKind).toBe('record');
      expect(r.at).toBeInstanceOf(Date);
      return r.targetId.slice(id.length + 1);
    })
    .sort();
}

async function read(client: Client, view: string): Promise<string> {
  const res = await client.get(`/api/collaborations/${id}${view}`);
  const text = await res.text();
  expect(res.status, `${view}: ${text.slice(0, 200)}`).toBe(200);
  return text;
}

describe('reading the diagnosis', () => {
  it('is audited for every case event it cites, once per read, naming the reader', async () => {
    const text = await read(school, '/diagnosis');
    expect(text).toContain('ce-open');
    expect(await readsBy('u-school')).toEqual(['caseEvents/ce-open']);
    await read(school, '/diagnosis');
    expect(await readsBy('u-school')).toEqual(['caseEvents/ce-open', 'caseEvents/ce-open']);
  });

  it('is audited in every view that shows the case event, and not in those that do not', async () => {
    for (const view of ['/diagnosis/summary', '/report', '/downloads/indicators.csv']) {
      const before = (await readsBy('u-school')).length;
      expect(await read(school, view), view).toContain('ce-open');
      expect((await readsBy('u-school')).length, view).toBe(before + 1);
    }
    const before = await readsBy('u-school');
    expect(await read(school, '/downloads/edges-agency.csv')).not.toContain('ce-open');
    expect(await readsBy('u-school')).toEqual(before);
  });

  it('reads no record hidden from the reader, and the confidential ones its agency sees', async () => {
    // ce-1 (youth offending team) is neither shown nor cited: no one here read it.
    expect((await readsBy('u-school')).filter((r) => r.includes('ce-1'))).toEqual([]);
    // The NHS trust's facilitator sees its confidential interview quoted: that is a read.
    const text = await read(nhs, '/diagnosis');
    expect(text).toContain('src-1');
    expect(await readsBy('u-nhs')).toEqual(
      expect.arrayContaining(['caseEvents/ce-open', 'qualitative.sources/src-1']),
    );
    expect((await readsBy('u-school')).filter((r) => r.includes('src-1'))).toEqual([]);
  });
});
