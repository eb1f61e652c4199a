import type { Context } from 'hono';
import { collaborationAccess } from '../collaboration-access.js';
import { collaborationService } from '../collaboration.service.js';
import { presentSummary } from '../collaboration.presenter.js';
import { diagnosisService } from '../diagnosis.service.js';
import type { AppEnv, AppInstance, RouteDeps } from '../env.js';
import { presentHeader } from '../record.presenter.js';
import { membershipIn, POLICY, reachFor, type Action } from '../policy.js';
import {
  accessRoute,
  archiveCollaborationRoute,
  collaborationPathParams,
  diagnosisQuery,
  diagnosisRoute,
  exportCollaborationRoute,
  importQuery,
  listQuery,
  parseRequest,
  patchCollaborationRoute,
  restoreCollaborationRoute,
} from '../record.schema.js';
import { recordService } from '../record.service.js';
import {
  getCollaborationRoute,
  importCollaborationRoute,
  listCollaborationsRoute,
} from '../schema.js';
import { readJsonObject, readJsonWithin } from './read-body.js';

/** Largest collaboration document accepted on import, in bytes. */
export const MAX_DOCUMENT_BYTES = 200 * 1024 * 1024;

/** The response header saying how many records a document response left out. */
export const HIDDEN_RECORDS_HEADER = 'X-Weframe-Hidden-Records';

/**
 * The response header saying how many individual survey responses a document response left
 * out: only roles that may export the collaboration read them (decision 0008).
 */
export const WITHHELD_RESPONSES_HEADER = 'X-Weframe-Withheld-Responses';

/**
 * Whole-collaboration routes: list, read, import, export, header edits, diagnosis, archive
 * and restore. Each finds the collaboration first; the principal's membership in its
 * workspace decides (see collaboration-access.ts).
 */
export function registerCollaborationRoutes(app: AppInstance, deps: RouteDeps) {
  const { store, now, newId } = deps;
  const collaborations = collaborationService({ store, now });
  const diagnoses = diagnosisService(store);
  const records = recordService({ store, now, newId });
  const accessTo = collaborationAccess(store);
  const idOf = (c: Context<AppEnv>) => parseRequest(collaborationPathParams, c.req.param()).id;

  app.openAPIRegistry.registerPath(listCollaborationsRoute);
  app.get('/api/collaborations', async (c) => {
    const query = parseRequest(listQuery, c.req.query());
    const list = await collaborations.listCollaborations(c.get('principal'), {
      ...(query.workspace === undefined ? {} : { workspace: query.workspace }),
      includeArchived: query.includeArchived === 'true',
    });
    return c.json({ collaborations: list.map(presentSummary) }, 200);
  });

  app.openAPIRegistry.registerPath(getCollaborationRoute);
  app.get('/api/collaborations/:id', async (c) => {
    const access = await accessTo(c.get('principal'), idOf(c), 'collaboration.read');
    const { document, total, withheldResponses } = await collaborations.readDocument(access);
    c.header(HIDDEN_RECORDS_HEADER, String(total));
    c.header(WITHHELD_RESPONSES_HEADER, String(withheldResponses));
    return c.json(document, 200);
  });

  app.openAPIRegistry.registerPath(accessRoute);
  app.get('/api/collaborations/:id/access', async (c) => {
    const principal = c.get('principal');
    const access = await accessTo(principal, idOf(c), 'collaboration.list');
    const workspace = await store.workspaces.byId(access.workspaceId);
    const membership = membershipIn(principal, access.workspaceId);
    const actions: Record<string, string> = {};
    for (const action of Object.keys(POLICY) as Action[]) {
      const reach = reachFor(principal, action, access.workspaceId);
      if (reach !== null) actions[action] = reach;
    }
    return c.json(
      {
        collaborationId: access.collaboration.id,
        workspace: { slug: workspace?.slug ?? '', name: workspace?.name ?? '' },
        role: access.role,
        agencyId: membership?.agencyId ?? null,
        memberId: access.memberId,
        actions,
      },
      200,
    );
  });

  app.openAPIRegistry.registerPath(exportCollaborationRoute);
  app.get('/api/collaborations/:id/export', async (c) => {
    const access = await accessTo(c.get('principal'), idOf(c), 'collaboration.export');
    const { document, total } = await collaborations.readDocument(access, { export: true });
    c.header(HIDDEN_RECORDS_HEADER, String(total));
    c.header(
      'Content-Disposition',
      `attachment; filename="${document.collaboration.id}.weframe.json"`,
    );
    return c.json(document, 200);
  });

  app.openAPIRegistry.registerPath(patchCollaborationRoute);
  app.patch('/api/collaborations/:id', async (c) => {
    const id = idOf(c);
    const body = await readJsonObject(c);
    const access = await accessTo(c.get('principal'), id, 'collaboration.edit');
    const header = await records.updateHeader(access, body);
    return c.json(presentHeader(header), 200);
  });

  app.openAPIRegistry.registerPath(diagnosisRoute);
  app.get('/api/collaborations/:id/diagnosis', async (c) => {
    const id = idOf(c);
    const query = parseRequest(diagnosisQuery, c.req.query());
    const access = await accessTo(c.get('principal'), id, 'diagnosis.read');
    const diagnosis = await diagnoses.diagnosisFor(access, query);
    return c.json(diagnosis, 200);
  });

  for (const [route, archived] of [
    [archiveCollaborationRoute, true],
    [restoreCollaborationRoute, false],
  ] as const) {
    app.openAPIRegistry.registerPath(route);
    app.post(`/api/collaborations/:id/${archived ? 'archive' : 'restore'}`, async (c) => {
      const access = await accessTo(c.get('principal'), idOf(c), 'collaboration.archive');
      const row = await collaborations.setArchived(access, archived);
      return c.json({ id: row.id, archivedAt: row.archivedAt?.toISOString() ?? null }, 200);
    });
  }

  // Registered for the OpenAPI document; the body is read raw so `restore` can report
  // every problem in the document's own words, not the validator's.
  app.openAPIRegistry.registerPath(importCollaborationRoute);
  app.post('/api/collaborations', async (c) => {
    const query = parseRequest(importQuery, c.req.query());
    const input = await readJsonWithin(c, MAX_DOCUMENT_BYTES, 'the document');
    const { id } = await collaborations.importCollaboration(
      c.get('principal'),
      query.workspace,
      input,
    );
    return c.json({ id }, 201);
  });
}
