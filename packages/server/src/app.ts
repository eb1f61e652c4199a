import { OpenAPIHono } from '@hono/zod-openapi';
import type { Store } from '@weframe/store';
import type { AppEnv, RouteDeps } from './env.js';
import type { Principal } from './policy.js';
import { ServiceError, STATUS_BY_CODE } from './errors.js';
import { healthRoute } from './schema.js';
import { staticFiles } from './static-files.js';
import { registerCollaborationRoutes } from './routes/collaboration.routes.js';

/** What the app needs from outside; handed in so tests run it in-process. */
export interface AppDeps {
  readonly store: Store;
  /** Folder of the built web app; omitted in API-only tests. */
  readonly webRoot?: string;
  /** Where unexpected errors are reported (default: console.error). */
  readonly logError?: (message: string, error: unknown) => void;
  /** Makes ids (correlation ids, records, tokens). */
  readonly newId?: () => string;
  /** The clock (default: the system clock). */
  readonly now?: () => Date;
  /** The public URL of the app, for links. */
  readonly publicUrl?: string;
}

/** Builds the HTTP application. It never listens: call `app.request` in tests, `serve` to run. */
export async function createApp(deps: AppDeps) {
  const { store } = deps;
  const logError = deps.logError ?? ((m, e) => console.error(m, e));
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const routeDeps: RouteDeps = {
    store,
    newId,
    now: deps.now ?? (() => new Date()),
    publicUrl: deps.publicUrl,
  };

  const app = new OpenAPIHono<AppEnv>();
  // Until sign-in exists every request acts with full rights in the default workspace.
  const workspace = await store.workspaces.ensureDefault();
  const openPrincipal: Principal = {
    kind: 'user',
    userId: 'open',
    email: 'open@localhost',
    displayName: 'Open access',
    memberships: [{ workspaceId: workspace.id, role: 'owner', agencyId: null }],
  };
  app.use('/api/*', async (c, next) => {
    c.set('principal', openPrincipal);
    c.set('cookieSession', false);
    await next();
  });

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
  await registerCollaborationRoutes(app, routeDeps);

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
