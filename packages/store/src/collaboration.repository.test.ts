import { asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  DocumentError,
  QUALITATIVE_COLLECTIONS,
  RECORD_COLLECTIONS,
  restore,
  type CollaborationDocument,
  type CollaborationDocumentInput,
} from '@weframe/core';
import type { Store } from './connection.js';
import { auditLog, collaborations, records, type WorkspaceRow } from './schema.js';
import {
  buildDocumentWithCommunications,
  buildRichDocument,
  buildSmallDocument,
} from './test-support/document.factory.js';
import { freshStore } from './test-support/fresh-store.js';

let store: Store;
let workspace: WorkspaceRow;

beforeAll(async () => {
  store = await freshStore();
  workspace = await store.workspaces.ensureDefault();
});
afterAll(async () => {
  await store.close();
});

function restored(input: CollaborationDocumentInput): CollaborationDocument {
  const result = restore(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.value;
}

async function tableCounts() {
  const n = async (table: typeof collaborations | typeof records | typeof auditLog) =>
    (await store.db.select({ n: count() }).from(table))[0]?.n ?? 0;
  return {
    collaborations: await n(collaborations),
    records: await n(records),
    audit: await n(auditLog),
  };
}

describe('importDocument / exportDocument', () => {
  test('the factory document fills every collection, so the round trip covers them all', () => {
    const doc = restored(buildRichDocument());
    for (const name of Object.keys(RECORD_COLLECTIONS) as (keyof typeof RECORD_COLLECTIONS)[])
      expect(doc[name].length, name).toBeGreaterThan(0);
    for (const name of Object.keys(
      QUALITATIVE_COLLECTIONS,
    ) as (keyof typeof QUALITATIVE_COLLECTIONS)[])
      expect(doc.qualitative[name].length, `qualitative.${name}`).toBeGreaterThan(0);
    expect(doc.qualitative.attributes.length).toBeGreaterThan(0);
  });

  test('export gives back exactly what restore made of the input, unicode and emoji included', async () => {
    const input = buildRichDocument();
    const expected = restored(input);
    const { id } = await store.collaborations.importDocument(workspace.id, expected, {
      actor: 'facilitator@example.org',
    });
    const exported = await store.collaborations.exportDocument(id);
    expect(exported).toEqual(expected);
    // Canonical: the header and every record come out in schema key order.
    expect(Object.keys(exported ?? {})).toEqual(Object.keys(expected));
    expect(JSON.stringify(exported?.members)).toBe(JSON.stringify(expected.members));
    expect(exported?.collaboration.name).toBe('Team around Zoë — Ashby 🌱');
  });

  test('stores one row per record, under its collection, with its metadata in columns', async () => {
    const doc = restored(buildRichDocument());
    const { id } = await store.collaborations.importDocument(workspace.id, doc, { actor: 'a' });
    const rows = await store.db
      .select()
      .from(records)
      .where(eq(records.collaborationId, id))
      .orderBy(asc(records.collection), asc(records.position));
    const byCollection = new Map<string, typeof rows>();
    for (const row of rows)
      byCollection.set(row.collection, [...(byCollection.get(row.collection) ?? []), row]);

    expect(byCollection.get('members')?.map((r) => r.id)).toEqual(['m-sw', 'm-ot', 'm-teacher']);
    expect(byCollection.get('qualitative.sources')?.map((r) => r.id)).toEqual(['src-1', 'src-2']);
    expect(byCollection.get('qualitative.attributes')?.map((r) => r.id)).toEqual(
      doc.qualitative.attributes.map((a) => a.name),
    );
    expect(byCollection.get('outcomeFrameworks')?.[0]).toMatchObject({
      id: 'fw-local',
      author: 'system',
      version: 1,
      confidentialTo: null,
    });
    expect(byCollection.get('agencies')?.[1]).toMatchObject({
      id: 'ag-nhs',
      author: 'facilitator@example.org',
      version: 2,
    });
    const confidential = rows
      .filter((r) => r.confidentialTo !== null)
      .map((r) => `${r.collection}/${r.id}`);
    expect(confidential.sort()).toEqual(
      [
        'caseEvents/ce-1',
        'communications/comm-2',
        'members/m-ot',
        'qualitative.sources/src-1',
      ].sort(),
    );
    const total =
      Object.keys(RECORD_COLLECTIONS).reduce(
        (n, k) => n + doc[k as keyof typeof RECORD_COLLECTIONS].length,
        0,
      ) + Object.values(doc.qualitative).reduce((n, list) => n + list.length, 0);
    expect(rows).toHaveLength(total);
  });

  test('each import is a new collaboration, and writes one audit entry', async () => {
    const doc = restored(buildRichDocument());
    const before = await tableCounts();
    const a = await store.collaborations.importDocument(workspace.id, doc, { actor: 'ann' });
    const b = await store.collaborations.importDocument(workspace.id, doc, { actor: 'bob' });
    expect(a.id).not.toBe(b.id);
    expect((await tableCounts()).audit).toBe(before.audit + 2);
    const [entry] = await store.db.select().from(auditLog).where(eq(auditLog.targetId, b.id));
    expect(entry).toMatchObject({
      workspaceId: workspace.id,
      actor: 'bob',
      action: 'collaboration.import',
      targetKind: 'collaboration',
      before: null,
      after: { docId: 'collab-rich', name: doc.collaboration.name },
    });
    expect(await store.collaborations.get(a.id)).toMatchObject({
      id: a.id,
      workspaceId: workspace.id,
      docId: 'collab-rich',
      name: doc.collaboration.name,
      schemaVersion: 1,
      version: 4,
      archivedAt: null,
    });
    expect(await store.collaborations.exportDocument(b.id)).toEqual(doc);
  });

  test('a large document goes in by batches and keeps its record order', async () => {
    // More than two batches; ids sort in reverse of position so order must come from position.
    const doc = restored(buildDocumentWithCommunications(2_500));
    doc.communications.reverse();
    const { id } = await store.collaborations.importDocument(workspace.id, doc, { actor: 'a' });
    const exported = await store.collaborations.exportDocument(id);
    expect(exported?.communications.map((c) => c.id)).toEqual(doc.communications.map((c) => c.id));
    expect(exported).toEqual(doc);
  });

  test('a failure midway leaves nothing behind', async () => {
    const doc = restored(buildDocumentWithCommunications(1_500));
    // Bypasses restore: the duplicate primary key fails the second batch of records.
    const copy = doc.communications[0];
    if (!copy) throw new Error('factory made no communications');
    const broken: CollaborationDocument = {
      ...doc,
      communications: [...doc.communications, { ...copy }],
    };
    const before = await tableCounts();
    const attempt = store.collaborations.importDocument(workspace.id, broken, { actor: 'a' });
    await expect(attempt).rejects.toMatchObject({ code: 'conflict' });
    // The message names the record but does not echo the thousand rows of the batch.
    const error = await attempt.catch((e: unknown) => e);
    expect(String((error as Error).message)).toContain(copy.id);
    expect(String((error as Error).message).length).toBeLessThan(500);
    expect(await tableCounts()).toEqual(before);
  });

  test('text the database cannot hold is refused with the place, before any write', async () => {
    const doc = restored(buildRichDocument());
    const broken: CollaborationDocument = {
      ...doc,
      communications: doc.communications.map((c, i) =>
        i === 1 ? { ...c, topic: 'nul \u0000 here' } : c,
      ),
      qualitative: {
        ...doc.qualitative,
        memos: doc.qualitative.memos.map((m, i) => (i === 0 ? { ...m, text: 'half \ud83d' } : m)),
      },
    };
    const before = await tableCounts();
    const attempt = store.collaborations.importDocument(workspace.id, broken, { actor: 'a' });
    await expect(attempt).rejects.toBeInstanceOf(DocumentError);
    await expect(attempt).rejects.toMatchObject({
      issues: [
        expect.objectContaining({ path: 'communications[1].topic' }),
        expect.objectContaining({ path: 'qualitative.memos[0].text' }),
      ],
    });
    expect(await tableCounts()).toEqual(before);
  });

  test('an unknown workspace is not_found and writes nothing', async () => {
    const before = await tableCounts();
    await expect(
      store.collaborations.importDocument('no-such-workspace', restored(buildRichDocument()), {
        actor: 'a',
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await tableCounts()).toEqual(before);
  });

  test('export and get of an unknown id give null', async () => {
    expect(await store.collaborations.exportDocument('nope')).toBeNull();
    expect(await store.collaborations.get('nope')).toBeNull();
  });
});

describe('list and count', () => {
  test('summaries name members with their agency and profession, read in SQL', async () => {
    const ws = await store.workspaces.create({ slug: 'listing', name: 'Listing' });
    const older = restored(buildRichDocument());
    const newer = restored(buildSmallDocument());
    const first = await store.collaborations.importDocument(ws.id, older, { actor: 'a' });
    const second = await store.collaborations.importDocument(ws.id, newer, { actor: 'a' });
    // Make the order by last update unambiguous.
    await store.db
      .update(collaborations)
      .set({ updatedAt: new Date('2025-01-01T00:00:00Z') })
      .where(eq(collaborations.id, first.id));

    const list = await store.collaborations.list(ws.id);
    expect(list.map((c) => c.id)).toEqual([second.id, first.id]);
    expect(list[1]).toEqual({
      id: first.id,
      docId: 'collab-rich',
      name: 'Team around Zoë — Ashby 🌱',
      teamForm: 'looseNetwork',
      fictional: true,
      memberCount: 3,
      agencyCount: 3,
      members: [
        {
          id: 'm-sw',
          displayName: 'Ngozi Adébáyọ̀',
          agencyName: 'Youth Offending Team',
          professionName: 'Social worker',
        },
        {
          id: 'm-ot',
          displayName: 'Zoë Ørsted 🧩',
          agencyName: 'Ashby NHS Trust',
          professionName: 'Occupational therapist',
        },
        {
          id: 'm-teacher',
          displayName: '李老师',
          agencyName: 'Ashby High School',
          professionName: 'Teacher',
        },
      ],
      agencies: [
        { id: 'ag-school', name: 'Ashby High School', sector: 'education' },
        { id: 'ag-nhs', name: 'Ashby NHS Trust', sector: 'health' },
        { id: 'ag-yot', name: 'Youth Offending Team', sector: 'youthJustice' },
      ],
      updatedAt: new Date('2025-01-01T00:00:00Z'),
    });
    expect(list[0]).toMatchObject({
      docId: 'collab-small',
      teamForm: 'structuredTeam',
      fictional: false,
      memberCount: 1,
      members: [
        {
          id: 'm-sam',
          displayName: 'Sam',
          agencyName: 'Harbour Trust',
          professionName: 'Youth worker',
        },
      ],
      agencies: [{ id: 'ag-charity', name: 'Harbour Trust', sector: 'voluntary' }],
    });
    expect(await store.collaborations.count(ws.id)).toBe(2);
  });

  test('archived collaborations are left out unless asked for; other workspaces never show', async () => {
    const ws = await store.workspaces.create({ slug: 'archive', name: 'Archive' });
    const other = await store.workspaces.create({ slug: 'other', name: 'Other' });
    const doc = restored(buildRichDocument());
    const kept = await store.collaborations.importDocument(ws.id, doc, { actor: 'a' });
    const archived = await store.collaborations.importDocument(ws.id, doc, { actor: 'a' });
    await store.collaborations.importDocument(other.id, doc, { actor: 'a' });
    await store.db
      .update(collaborations)
      .set({ archivedAt: new Date() })
      .where(eq(collaborations.id, archived.id));

    expect((await store.collaborations.list(ws.id)).map((c) => c.id)).toEqual([kept.id]);
    expect(
      (await store.collaborations.list(ws.id, { includeArchived: true })).map((c) => c.id).sort(),
    ).toEqual([kept.id, archived.id].sort());
    expect(await store.collaborations.count(ws.id)).toBe(1);
    expect(await store.collaborations.count(ws.id, { includeArchived: true })).toBe(2);
  });
});
