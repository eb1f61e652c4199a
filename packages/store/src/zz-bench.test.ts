import { test } from 'vitest';
import { restore, type CollaborationDocument } from '@weframe/core';
import { freshStore } from './test-support/fresh-store.js';
import { buildDocumentWithCommunications } from './test-support/document.factory.js';

test('bench', async () => {
  const store = await freshStore();
  const ws = await store.workspaces.ensureDefault();
  for (const n of [2_500, 20_000]) {
    let t = performance.now();
    const r = restore(buildDocumentWithCommunications(n));
    if (!r.ok) throw new Error('x');
    const doc: CollaborationDocument = r.value;
    console.log(n, 'restore', Math.round(performance.now() - t)); t = performance.now();
    const { id } = await store.collaborations.importDocument(ws.id, doc, { actor: 'a' });
    console.log(n, 'import', Math.round(performance.now() - t)); t = performance.now();
    await store.collaborations.exportDocument(id);
    console.log(n, 'export', Math.round(performance.now() - t)); t = performance.now();
  }
  await store.close();
}, 600_000);
