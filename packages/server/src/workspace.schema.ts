import { createRoute, z } from '@hono/zod-openapi';
import { ROLES } from './policy.js';
import { errorSchema } from './schema.js';
import { storable } from './auth/validation.js';
import { workspaceExportSchema } from './workspace-export.schema.js';

/** Request and response schemas of the workspace routes. */

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const body = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
  required: true,
});
const errors = {
  401: json(errorSchema, 'Not signed in'),
  403: json(errorSchema, 'Your role does not allow this (or the CSRF token is missing)'),
  404: json(errorSchema, 'No such workspace, or you are not a member'),
} as const;

const wsParam = storable(z.string().min(1).max(64)).openapi({
  param: { name: 'ws', in: 'path' },
  description: 'The workspace’s slug',
});
const userParam = storable(z.string().min(1).max(200)).openapi({
  param: { name: 'userId', in: 'path' },
});
const wsParams = z.object({ ws: wsParam });
const memberParams = z.object({ ws: wsParam, userId: userParam });
const agencyId = storable(z.string().trim().min(1).max(200)).nullable();

export const workspaceSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    createdAt: z.string(),
    archivedAt: z.string().nullable(),
  })
  .openapi('Workspace');

const myWorkspaceSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    archived: z.boolean(),
    role: z.enum(ROLES),
    agencyId: z.string().nullable(),
  })
  .openapi('MyWorkspace');

export const memberSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    agencyId: z.string().nullable(),
    status: z.enum(['active', 'invited', 'disabled']),
    memberSince: z.string(),
  })
  .openapi('WorkspaceMember');

const linkSchema = z.object({ url: z.string(), expiresAt: z.string() }).openapi('OneTimeLink', {
  description:
    'A one-time link to pass on; relative when WEFRAME_PUBLIC_URL is not set. Never shown again.',
});

const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    actorEmail: z.string().nullable(),
    action: z.string(),
    targetKind: z.string(),
    targetId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('AuditEntry');

export const listWorkspacesRoute = createRoute({
  method: 'get',
  path: '/api/workspaces',
  responses: {
    200: json(z.object({ workspaces: z.array(myWorkspaceSchema) }), 'Your workspaces'),
    401: errors[401],
  },
});

export const createWorkspaceRoute = createRoute({
  method: 'post',
  path: '/api/workspaces',
  request: {
    body: body(
      z.strictObject({
        slug: z
          .string()
          .regex(
            /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/,
            'must be lower-case letters, digits and hyphens (at most 64)',
          ),
        name: storable(z.string().trim().min(1).max(200)),
      }),
      'The new workspace',
    ),
  },
  responses: {
    201: json(z.object({ workspace: workspaceSchema }), 'Created; you are its owner'),
    400: json(errorSchema, 'The body has problems'),
    ...errors,
    409: json(errorSchema, 'The slug is taken'),
  },
});

export const listMembersRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{ws}/users',
  request: { params: wsParams },
  responses: {
    200: json(z.object({ members: z.array(memberSchema) }), 'The members (owners only)'),
    ...errors,
  },
});

export const inviteMemberRoute = createRoute({
  method: 'post',
  path: '/api/workspaces/{ws}/users',
  request: {
    params: wsParams,
    body: body(
      z.strictObject({
        email: storable(z.email().max(320)),
        role: z.enum(ROLES),
        agencyId: agencyId.optional(),
        displayName: storable(z.string().trim().min(1).max(200)).optional(),
      }),
      'Who to invite, with their role and agency',
    ),
  },
  responses: {
    201: json(
      z.object({ member: memberSchema, invitation: linkSchema.nullable(), mailed: z.boolean() }),
      'Added. A new user gets a one-time invitation link to pass on (null for existing accounts)',
    ),
    400: json(errorSchema, 'The body has problems'),
    ...errors,
    409: json(errorSchema, 'Already a member, or the workspace is archived'),
  },
});

export const updateMemberRoute = createRoute({
  method: 'patch',
  path: '/api/workspaces/{ws}/users/{userId}',
  request: {
    params: memberParams,
    body: body(
      z
        .strictObject({ role: z.enum(ROLES).optional(), agencyId: agencyId.optional() })
        .refine((b) => b.role !== undefined || b.agencyId !== undefined, {
          message: 'give a role, an agencyId or both',
        }),
      'The new role and/or agency',
    ),
  },
  responses: {
    200: json(z.object({ member: memberSchema }), 'Changed'),
    400: json(errorSchema, 'The body has problems'),
    ...errors,
    409: json(errorSchema, 'The last owner cannot be demoted'),
  },
});

export const removeMemberRoute = createRoute({
  method: 'delete',
  path: '/api/workspaces/{ws}/users/{userId}',
  request: { params: memberParams },
  responses: {
    204: { description: 'Removed from the workspace' },
    ...errors,
    409: json(errorSchema, 'The last owner cannot be removed'),
  },
});

export const resetMemberRoute = createRoute({
  method: 'post',
  path: '/api/workspaces/{ws}/users/{userId}/reset',
  request: { params: memberParams },
  responses: {
    200: json(
      z.object({ link: linkSchema, mailed: z.boolean() }),
      'Password cleared, every session ended; a new one-time link to pass on',
    ),
    ...errors,
  },
});

export const auditRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{ws}/audit',
  request: {
    params: wsParams,
    query: z.object({
      limit: z.coerce.number().int().min(1).max(500).default(50),
      before: z.coerce
        .number()
        .int()
        .min(1)
        .optional()
        .openapi({ description: 'The `next` of the previous page' }),
    }),
  },
  responses: {
    200: json(
      z.object({ entries: z.array(auditEntrySchema), next: z.number().int().nullable() }),
      'The audit log, newest first (owners only)',
    ),
    400: json(errorSchema, 'Bad paging parameters'),
    ...errors,
  },
});

export const archiveWorkspaceRoute = createRoute({
  method: 'post',
  path: '/api/workspaces/{ws}/archive',
  request: { params: wsParams },
  responses: {
    200: json(
      z.object({ workspace: workspaceSchema }),
      'Archived: nothing in it can be read or changed until an owner restores it',
    ),
    ...errors,
  },
});

export const restoreWorkspaceRoute = createRoute({
  method: 'post',
  path: '/api/workspaces/{ws}/restore',
  request: { params: wsParams },
  responses: {
    200: json(z.object({ workspace: workspaceSchema }), 'Restored'),
    ...errors,
  },
});

export const exportWorkspaceRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{ws}/export',
  request: { params: wsParams },
  responses: {
    200: json(workspaceExportSchema, 'The whole workspace as one file (owners only)'),
    ...errors,
  },
});

export const importWorkspaceRoute = createRoute({
  method: 'post',
  path: '/api/workspaces/{ws}/import',
  request: {
    params: wsParams,
    body: body(workspaceExportSchema, 'A file from GET /api/workspaces/{ws}/export'),
  },
  responses: {
    200: json(
      z.object({
        collaborations: z.number().int(),
        records: z.number().int(),
        surveyLinks: z.number().int(),
        auditEntries: z.number().int(),
        membershipsAdded: z.number().int(),
        usersCreated: z.array(z.string()),
      }),
      'Imported in one transaction; the import is one new audit entry',
    ),
    400: json(errorSchema, 'The file has problems; every one is listed with its path'),
    ...errors,
    409: json(errorSchema, 'The workspace is not empty, or the data already exists on this server'),
    413: json(errorSchema, 'The file is too large'),
  },
});
