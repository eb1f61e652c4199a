import type { Context } from 'hono';
import { collaborationService } from '../collaboration.service.js';
import { presentSummary } from '../collaboration.presenter.js';
import type { AppEnv, AppInstance, RouteDeps } from '../env.js';
import { ServiceError } from '../errors.js';
import { authorise, type Action } from '../policy.js';
import {
  getCollaborationRoute,
  importCollaborationRoute,
  listCollaborationsRoute,
} from '../schema.js';

/** Largest collaboration document accepted on import, in bytes. */
export const MAX_DOCUMENT_BYTES = 200 * 1024 * 1024;

/** Whole-collaboration routes: list, read, import. */
export async function registerCollaborationRoutes(app: AppInstance, deps: RouteDeps) {
  const { store } = deps;
  const collaborations = collaborationService(store);
  const workspace = await store.workspaces.ensureDefault();

  const deny = (c: Context<AppEnv>, action: Action) =>
    authorise(c.get('principal'), action, workspace.id)
      ? null
      : c.json({ error: 'forbidden', message: 'not allowed' }, 403);

  app.openapi(listCollaborationsRoute, async (c) => {
    const denied = deny(c, 'collaboration.list');
    if (denied) return denied as never;
    const list = await collaborations.listCollaborations(workspace.id);
    return c.json({ collaborations: list.map(presentSummary) }, 200);
  });

  app.openapi(getCollaborationRoute, async (c) => {
    const { id } = c.req.valid('param');
    const denied = deny(c, 'collaboration.read');
    if (denied) return denied as never;
    const doc = await collaborations.getDocument(id);
    return c.json(doc, 200);
  });

  // Registered for the OpenAPI document; the body is read raw so `restore` can report
  // every problem in the document's own words, not the validator's.
  app.openAPIRegistry.registerPath(importCollaborationRoute);
  app.post('/api/collaborations', async (c) => {
    const length = Number(c.req.header('content-length') ?? 0);
    if (length > MAX_DOCUMENT_BYTES) {
      throw new ServiceError(
        'bad_request',
        `the document is larger than ${MAX_DOCUMENT_BYTES} bytes`,
      );
    }
    let input: unknown;
    try {
      input = await c.req.json();
    } catch {
      throw new ServiceError('invalid_document', 'the request body is not valid JSON', [
        { code: 'invalid_json', path: '(document)', message: 'the request body is not valid JSON' },
      ]);
    }
    const denied = deny(c, 'collaboration.create');
    if (denied) return denied;
    const { id } = await collaborations.importCollaboration(workspace.id, input, 'api');
    return c.json({ id }, 201);
  });
}
