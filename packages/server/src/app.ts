import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Store } from '@weframe/store';
import { collaborationService } from './collaboration.service.js';
import { presentSummary } from './collaboration.presenter.js';
import { ServiceError, STATUS_BY_CODE } from './errors.js';
import { authorise, type Action, type Principal } from './policy.js';
import {
  getCollaborationRoute,
  healthRoute,
  importCollaborationRoute,
  listCollaborationsRoute,
} from './schema.js';
import { staticFiles } from './static-files.js';

/** What the app needs from outside; handed in so tests run it in-process. */
export interface AppDeps {
  readonly store: Store;
  /** Folder of the built web app; omitted in API-only tests. */
  readonly webRoot?: string;
  /** Where unexpected errors are reported (default: console.error). */
  readonly logError?: (message: string, error: unknown) => void;
  /** Makes correlation ids for unexpected errors. */
  readonly newId?: () => string;
}

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 200 * 1024 * 1024;

/** Builds the HTTP application. It never listens: call `app.request` in tests, `serve` to run. */
export async function createApp(deps: AppDeps) {
  const { store } = deps;
  const logError = deps.logError ?? ((m, e) => console.error(m, e));
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const collaborations = collaborationService(store);
  const workspace = await store.workspaces.ensureDefault();
  const principal: Principal = { kind: 'anonymous' };

  const app = new OpenAPIHono();

  const deny = (c: Context, action: Action) =>
    authorise(principal, action)
      ? null
      : c.json({ error: 'forbidden', message: 'not allowed' }, 403);

  app.onError((error, c) => {
    if (error instanceof ServiceError) {
      const body = {
        error: error.code,
        message: error.message,
        ...(error.issues.length > 0 ? { issues: error.issues } : {}),
      };
      return c.json(body, STATUS_BY_CODE[error.code]);
    }
    const correlationId = newId();
    logError(`unexpected error ${correlationId}`, error);
    return c.json(
      { error: 'internal', message: 'Something went wrong on the server.', correlationId },
      500,
    );
  });

  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200));

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
    if (length > MAX_BODY_BYTES) {
      throw new ServiceError('bad_request', `the document is larger than ${MAX_BODY_BYTES} bytes`);
    }
    let input: unknown;
    try {
      input = await c.req.json();
    } catch {
      throw new ServiceError('invalid_document', 'the request body is not valid JSON', [
        { code: 'invalid_json', path: '(document)', message: 'the request body is not valid JSON' },
      ]);
    }
    const denied = deny(c, 'collaboration.import');
    if (denied) return denied;
    const { id } = await collaborations.importCollaboration(workspace.id, input, 'api');
    return c.json({ id }, 201);
  });

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Weframe API',
      version: '0.1.0',
      description: 'Record multi-agency collaborations and diagnose them along Rose’s model.',
    },
  });

  app.all('/api/*', (c) =>
    c.json(
      { error: { code: 'not_found', message: `no route ${c.req.method} ${c.req.path}` } },
      404,
    ),
  );
  if (deps.webRoot) app.get('*', staticFiles(deps.webRoot));
  return app;
}

export type App = Awaited<ReturnType<typeof createApp>>;
