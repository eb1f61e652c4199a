import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Store } from '@weframe/store';
import type { Principal } from './policy.js';

/** Per-request values middleware sets for handlers. */
export interface AppEnv {
  Variables: {
    principal: Principal;
    /** True when the request was authenticated by the session cookie (CSRF applies). */
    cookieSession: boolean;
    /** The session the cookie named (its token hash and CSRF token), or null. */
    session: { readonly tokenHash: string; readonly csrfToken: string } | null;
  };
}

/** The application object route modules register on. */
export type AppInstance = OpenAPIHono<AppEnv>;

/** What route modules get: the store and the clock/id ports they may need. */
export interface RouteDeps {
  readonly store: Store;
  readonly now: () => Date;
  readonly newId: () => string;
  /** The public URL of the app, for links in invitations and survey links. */
  readonly publicUrl: string | undefined;
}
