import { createRoute, z } from '@hono/zod-openapi';
import { ROLES } from '../policy.js';
import { errorSchema } from '../schema.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password.js';
import { storable } from './validation.js';

/** Request and response schemas of sign-in, sessions and one's own account. */

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const body = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
  required: true,
});

/** A new password: at least 10 characters. */
export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters long`)
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters long`);

export const userSchema = z
  .object({ id: z.string(), email: z.string(), displayName: z.string() })
  .openapi('User');

export const membershipSchema = z
  .object({
    workspace: z.object({ slug: z.string(), name: z.string(), archived: z.boolean() }),
    role: z.enum(ROLES),
    agencyId: z.string().nullable(),
  })
  .openapi('Membership');

const signedInSchema = z.object({ user: userSchema, csrfToken: z.string() }).openapi('SignedIn', {
  description: 'Send csrfToken as the X-CSRF-Token header on every POST, PUT, PATCH, DELETE.',
});

export const meSchema = z
  .object({ user: userSchema, memberships: z.array(membershipSchema), csrfToken: z.string() })
  .openapi('Me');

const setsCookie = {
  'Set-Cookie': {
    schema: { type: 'string' as const },
    description: 'weframe_session=…; HttpOnly; SameSite=Lax; Path=/ (and Secure over https)',
  },
};

export const loginRoute = createRoute({
  method: 'post',
  path: '/api/auth/login',
  request: {
    body: body(
      z.strictObject({
        email: storable(z.string().trim().min(1).max(320)),
        password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
      }),
      'Email and password',
    ),
  },
  responses: {
    200: { ...json(signedInSchema, 'Signed in; the session cookie is set'), headers: setsCookie },
    400: json(errorSchema, 'The body has problems'),
    401: json(errorSchema, 'Wrong email or password'),
    429: json(
      errorSchema,
      'Too many failed attempts from this address for this email; see Retry-After',
    ),
  },
});

export const logoutRoute = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  responses: { 204: { description: 'Signed out; the cookie is cleared' } },
});

export const meRoute = createRoute({
  method: 'get',
  path: '/api/auth/me',
  responses: {
    200: json(meSchema, 'The signed-in user, their workspaces and the CSRF token'),
    401: json(errorSchema, 'Not signed in'),
  },
});

export const acceptRoute = createRoute({
  method: 'post',
  path: '/api/auth/accept',
  request: {
    body: body(
      z.strictObject({
        token: z.string().min(1).max(200),
        password: newPasswordSchema,
        displayName: storable(z.string().trim().min(1).max(200)).optional(),
      }),
      'The token from an /invite/… or /reset/… link, and the password to set',
    ),
  },
  responses: {
    200: { ...json(signedInSchema, 'Password set and signed in'), headers: setsCookie },
    400: json(errorSchema, 'The body has problems'),
    410: json(errorSchema, 'The link has expired or has already been used'),
  },
});

export const changePasswordRoute = createRoute({
  method: 'post',
  path: '/api/auth/password',
  request: {
    body: body(
      z.strictObject({
        current: z.string().min(1).max(MAX_PASSWORD_LENGTH),
        next: newPasswordSchema,
      }),
      'The current password and the new one',
    ),
  },
  responses: {
    204: { description: 'Changed; every other session of the user has ended' },
    400: json(errorSchema, 'The body has problems'),
    403: json(errorSchema, 'The current password is wrong'),
    429: json(errorSchema, 'Too many wrong attempts; see Retry-After'),
  },
});
