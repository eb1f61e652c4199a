import { createRoute, z } from '@hono/zod-openapi';
import { collaborationDocumentSchema } from '@weframe/core';

/** Request and response schemas of the HTTP API; the OpenAPI document is generated from them. */

export const issueSchema = z
  .object({ code: z.string(), path: z.string(), message: z.string() })
  .openapi('Issue');

export const errorSchema = z
  .object({
    error: z.string(),
    message: z.string(),
    issues: z.array(issueSchema).optional(),
    correlationId: z.string().optional(),
  })
  .openapi('Error');

export const collaborationSummarySchema = z
  .object({
    id: z.string(),
    docId: z.string(),
    name: z.string(),
    teamForm: z.string(),
    fictional: z.boolean(),
    memberCount: z.number().int(),
    agencyCount: z.number().int(),
    members: z.array(
      z.object({
        id: z.string(),
        displayName: z.string(),
        agencyName: z.string().nullable(),
        professionName: z.string().nullable(),
      }),
    ),
    agencies: z.array(z.object({ id: z.string(), name: z.string(), sector: z.string() })),
    updatedAt: z.string(),
    archivedAt: z.string().nullable(),
  })
  .openapi('CollaborationSummary');

const idParams = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export const healthRoute = createRoute({
  method: 'get',
  path: '/api/health',
  responses: { 200: json(z.object({ status: z.literal('ok') }), 'The server is up') },
});

export const listCollaborationsRoute = createRoute({
  method: 'get',
  path: '/api/collaborations',
  request: {
    query: z.object({
      workspace: z
        .string()
        .optional()
        .openapi({ description: 'workspace slug (default: your first workspace)' }),
      includeArchived: z.enum(['true', 'false']).optional(),
    }),
  },
  responses: {
    200: json(
      z.object({ collaborations: z.array(collaborationSummarySchema) }),
      'The collaborations of the workspace you may see',
    ),
    404: json(errorSchema, 'No such workspace, or you do not belong to it'),
  },
});

export const getCollaborationRoute = createRoute({
  method: 'get',
  path: '/api/collaborations/{id}',
  request: { params: idParams },
  responses: {
    200: json(
      collaborationDocumentSchema,
      'The collaboration document without records confidential to other agencies (their number is in the X-Weframe-Hidden-Records header)',
    ),
    404: json(errorSchema, 'No such collaboration'),
  },
});

export const importCollaborationRoute = createRoute({
  method: 'post',
  path: '/api/collaborations',
  request: {
    query: z.object({
      workspace: z
        .string()
        .optional()
        .openapi({ description: 'workspace slug (default: your first workspace)' }),
    }),
    body: {
      content: { 'application/json': { schema: collaborationDocumentSchema } },
      description: 'A collaboration document (docs/schema/collaboration.schema.json)',
      required: true,
    },
  },
  responses: {
    201: json(z.object({ id: z.string() }), 'Stored; the new collaboration’s id'),
    400: json(errorSchema, 'The document has problems; every one is listed with its path'),
  },
});
