import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  DocumentError,
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

async function recordCount(id: string): Promise<number> {
  const [row] = await store.db
    .select({ n: count() })
    .from(records)
    .where(eq(records.collaborationId, id));
  return row?.n ?? 0;
}

describe('replaceDocument', () => {
  test('replaces every record, bumps the version and writes one audit entry', async () => {
    const rich = restored(buildRichDocument());
    const { id } = await store.collaborations.importDocument(workspace.id, rich, { actor: 'a' });
    const small = restored(buildSmallDocument());
    const { version } = await store.collaborations.replaceDocument(id, small, {
      actor: 'researcher@example.org',
      expectedVersion: rich.collaboration.version,
    });
    expect(version).toBe(rich.collaboration.version + 1);
    const exported = await store.collaborations.exportDocument(id);
    expect(exported).toEqual({ ...small, collaboration: { ...small.collaboration, version } });
    const entries = await store.db.select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(entries.map((e) => e.action)).toEqual(['collaboration.import', 'collaboration.replace']);
    expect(entries[1]).toMatchObject({
      actor: 'researcher@example.org',
      workspaceId: workspace.id,
      before: { version: rich.collaboration.version },
      after: { version, docId: small.collaboration.id },
    });
    expect(await store.collaborations.get(id)).toMatchObject({
      version,
      name: small.collaboration.name,
    });
  });

  test('a stale expected version is a conflict and changes nothing', async () => {
    const doc = restored(buildSmallDocument());
    const { id } = await store.collaborations.importDocument(workspace.id, doc, { actor: 'a' });
    await store.collaborations.replaceDocument(id, doc, { actor: 'a' });
    const before = await store.collaborations.exportDocument(id);
    await expect(
      store.collaborations.replaceDocument(id, restored(buildRichDocument()), {
        actor: 'b',
        expectedVersion: doc.collaboration.version,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await store.collaborations.exportDocument(id)).toEqual(before);
  });

  test('a failure midway rolls back: the old records, header and audit log stay', async () => {
    const doc = restored(buildSmallDocument());
    const { id } = await store.collaborations.importDocument(workspace.id, doc, { actor: 'a' });
    const big = restored(buildDocumentWithCommunications(1_500));
    const copy = big.communications[0];
    if (!copy) throw new Error('factory made no communications');
    // Bypasses restore: the duplicate primary key fails the second batch of records.
    const broken = { ...big, communications: [...big.communications, { ...copy }] };
    const records = await recordCount(id);
    const [audits] = await store.db.select({ n: count() }).from(auditLog);
    await expect(
      store.collaborations.replaceDocument(id, broken, { actor: 'a' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await recordCount(id)).toBe(records);
    expect(await store.collaborations.exportDocument(id)).toEqual(doc);
    const [after] = await store.db.select({ n: count() }).from(auditLog);
    expect(after?.n).toBe(audits?.n);
  });

  test('refuses unstorable text before writing, and unknown or archived collaborations', async () => {
    const doc = restored(buildSmallDocument());
    const { id } = await store.collaborations.importDocument(workspace.id, doc, { actor: 'a' });
    const nul = { ...doc, collaboration: { ...doc.collaboration, name: 'nul \u0000' } };
    await expect(
      store.collaborations.replaceDocument(id, nul, { actor: 'a' }),
    ).rejects.toBeInstanceOf(DocumentError);
    await expect(
      store.collaborations.replaceDocument('nope', doc, { actor: 'a' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await store.db
      .update(collaborations)
      .set({ archivedAt: new Date() })
      .where(eq(collaborations.id, id));
    await expect(
      store.collaborations.replaceDocument(id, doc, { actor: 'a' }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });
});
