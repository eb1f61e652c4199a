import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { DocumentError } from '@weframe/core';
import { StoreError, type Store } from '@weframe/store';
import type { AppEnv, RouteDeps } from './env.js';
import { ServiceError, STATUS_BY_CODE } from './errors.js';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './db-unavailable.js';
import { accountService } from './auth/account.service.js';
import { unsentMailer, type Mailer } from './auth/mailer.js';
import { scryptHasher, type PasswordHasher } from './auth/password.js';
import { principalMiddleware } from './auth/principal.js';
import { LoginThrottle } from './auth/rate-limit.js';
import { validationHook } from './auth/validation.js';
import { registerAuthRoutes } from './routes/auth.routes.js';
import { MAX_WORKSPACE_IMPORT_BYTES, registerWorkspaceRoutes } from './routes/workspace.routes.js';
import { workspaceService } from './workspace.service.js';
import { healthRoute } from './schema.js';
import { staticFiles } from './static-files.js';
import { MAX_DOCUMENT_BYTES, registerCollaborationRoutes } from './routes/collaboration.routes.js';
import { registerRecordRoutes } from './routes/record.routes.js';
import { registerReportRoutes } from './routes/report.routes.js';
import { MAX_CSV_IMPORT_BYTES, registerSurveyRoutes } from './routes/survey.routes.js';
import {
  MAX_PROJECT_UPLOAD_BODY,
  MAX_SOURCE_UPLOAD_BODY,
  registerQualitativeRoutes,
} from './routes/qualitative.routes.js';

/** Largest request body of ordinary routes, in bytes (PRODUCT.md: 5 MB unless the route says). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** A route that sets its own, larger body limit, enforced by its handler (413 above it). */
export interface OwnBodyLimit {
  readonly method: string;
  /** The route as in ROUTE_TABLE (`:param` form). */
  readonly route: string;
  /** Matches the request path. */
  readonly path: RegExp;
  readonly maxBytes: number;
}

/**
 * Routes that set their own, larger limit: collaboration import, workspace import and the CSV
 * of survey responses (the CSV's limit plus the form's envelope). A route added here must
 * refuse bodies above `maxBytes` with 413 itself; the body-limit test checks every route.
 */
export const OWN_BODY_LIMITS: readonly OwnBodyLimit[] = [
  {
    method: 'POST',
    route: '/api/collaborations',
    path: /^\/api\/collaborations$/,
    maxBytes: MAX_DOCUMENT_BYTES,
  },
  {
    method: 'POST',
    route: '/api/workspaces/:ws/import',
    path: /^\/api\/workspaces\/[^/]+\/import$/,
    maxBytes: MAX_WORKSPACE_IMPORT_BYTES,
  },
  {
    method: 'POST',
    route: '/api/waves/:waveId/responses/import',
    path: /^\/api\/waves\/[^/]+\/responses\/import$/,
    maxBytes: MAX_CSV_IMPORT_BYTES,
  },
  {
    method: 'POST',
    route: '/api/collaborations/:id/qualitative/sources',
    path: /^\/api\/collaborations\/[^/]+\/qualitative\/sources$/,
    maxBytes: MAX_SOURCE_UPLOAD_BODY,
  },
  {
    method: 'POST',
    route: '/api/collaborations/:id/qualitative/import',
    path: /^\/api\/collaborations\/[^/]+\/qualitative\/import$/,
    maxBytes: MAX_PROJECT_UPLOAD_BODY,
  },
];

/** Whether the request goes to a route of {@link OWN_BODY_LIMITS}. */
export function hasOwnBodyLimit(method: string, path: string): boolean {
  return OWN_BODY_LIMITS.some((l) => l.method === method && l.path.test(path));
}

const ordinaryBodyLimit: MiddlewareHandler<AppEnv> = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new ServiceError(
      'payload_too_large',
      `the request body is larger than ${MAX_BODY_BYTES} bytes`,
    );
  },
});

/** Deepest nesting of arrays and objects a JSON body may have; deeper ones exhaust the stack. */
export const MAX_JSON_DEPTH = 256;

/** Whether JSON text nests arrays and objects deeper than `max` (strings skipped; no parse). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* backslash */) i++;
      else if (ch === 34 /* " */) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      if (++depth > max) return true;
    } else if (ch === 125 /* } */ || ch === 93 /* ] */) depth--;
  }
  return false;
}

/** The 5 MB limit, on every route but those with their own. */
const limitBodies: MiddlewareHandler<AppEnv> = (c, next) =>
  hasOwnBodyLimit(c.req.method, c.req.path) ? next() : ordinaryBodyLimit(c, next);

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
  /** The public URL of the app, for links; an https URL also makes the session cookie Secure. */
  readonly publicUrl?: string;
  /** Behind a trusted TLS proxy: honour X-Forwarded-Proto and X-Forwarded-For (default false). */
  readonly trustProxy?: boolean;
  /** Sends invitation and reset mail (default: sends nothing, logs that it did not). */
  readonly mailer?: Mailer;
  /** Hashes passwords (default: scrypt at OWASP's cost; tests pass a cheaper one). */
  readonly hasher?: PasswordHasher;
  /** Where notices go, e.g. mail not sent (default: console.log). */
  readonly logInfo?: (line: string) => void;
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

  // The default workspace exists before the first request: a fresh install works in it.
  await store.workspaces.ensureDefault();
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const cookies = { publicUrl: deps.publicUrl, trustProxy: deps.trustProxy ?? false };
  const accounts = accountService({
    store,
    now: routeDeps.now,
    hasher: deps.hasher ?? scryptHasher(),
    throttle: new LoginThrottle(routeDeps.now),
  });
  const workspaces = workspaceService({
    store,
    now: routeDeps.now,
    mailer: deps.mailer ?? unsentMailer(deps.logInfo ?? ((line) => console.log(line))),
    publicUrl: deps.publicUrl,
  });
  app.use('/api/*', limitBodies);
  // JSON nested absurdly deep is refused before any parser or validator recurses into it.
  app.use('/api/*', async (c, next) => {
    const type = c.req.header('content-type') ?? '';
    // GET and HEAD carry no body to check (and a Request with one cannot be built).
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (!type.includes('json') || hasOwnBodyLimit(c.req.method, c.req.path)) return next();
    const bytes = await c.req.arrayBuffer();
    // Handlers and route-level limits that read the raw stream get it afresh.
    c.req.raw = new Request(c.req.raw, { body: bytes });
    if (nestsDeeperThan(new TextDecoder().decode(bytes), MAX_JSON_DEPTH)) {
      throw new ServiceError('invalid_document', 'the request body is nested too deeply', [
        {
          code: 'out_of_range',
          path: '(body)',
          message: `nests arrays and objects more than ${MAX_JSON_DEPTH} deep`,
        },
      ]);
    }
    return next();
  });
  // Every /api request gets its principal here: 401 without a session (public routes
  // aside), 403 `csrf` for a cookie-authenticated change without the X-CSRF-Token header.
  app.use('/api/*', principalMiddleware(accounts));

  app.onError((error, c) => {
    if (error instanceof ServiceError) {
      const body = {
        error: error.code,
        message: error.message,
        ...(error.issues.length > 0 ? { issues: error.issues } : {}),
      };
      return c.json(body, STATUS_BY_CODE[error.code]);
    }
    if (error instanceof StoreError) {
      return c.json({ error: error.code, message: error.message }, STATUS_BY_CODE[error.code]);
    }
    if (error instanceof DocumentError) {
      return c.json(
        { error: error.code, message: error.message, issues: error.issues },
        STATUS_BY_CODE[error.code],
      );
    }
    // Hono's own refusals (malformed JSON, unsupported media type) keep their 4xx status.
    if (error instanceof HTTPException && error.status < 500) {
      const code =
        error.status === 413
          ? 'payload_too_large'
          : error.status === 415
            ? 'unsupported_media_type'
            : 'bad_request';
      return c.json({ error: code, message: error.message || 'bad request' }, error.status);
    }
    // The connection comes back by itself on a later query: tell the client when to retry.
    if (isDatabaseUnavailable(error)) {
      return c.json(
        {
          error: 'database_unavailable',
          message: `The database cannot be reached; try again in ${RETRY_AFTER_SECONDS} seconds.`,
        },
        503,
        { 'Retry-After': String(RETRY_AFTER_SECONDS) },
      );
    }
    const correlationId = newId();
    logError(`unexpected error ${correlationId}`, error);
    return c.json(
      { error: 'internal', message: 'Something went wrong on the server.', correlationId },
      500,
    );
  });

  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200));
  registerAuthRoutes(app, { accounts, cookies });
  registerWorkspaceRoutes(app, { workspaces });
  registerCollaborationRoutes(app, routeDeps);
  registerRecordRoutes(app, routeDeps);
  registerSurveyRoutes(app, routeDeps);
  registerReportRoutes(app, routeDeps);
  registerQualitativeRoutes(app, routeDeps);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Weframe API',
      version: '0.1.0',
      description: 'Record multi-agency collaborations and diagnose them along Rose’s model.',
    },
  });

  app.all('/api/*', (c) =>
    c.json({ error: 'not_found', message: `no route ${c.req.method} ${c.req.path}` }, 404),
  );
  if (deps.webRoot) app.get('*', staticFiles(deps.webRoot));
  return app;
}

export type App = Awaited<ReturnType<typeof createApp>>;
