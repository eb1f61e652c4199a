import { createRoute, z } from '@hono/zod-openapi';
import {
  collaborationSchema,
  formatPath,
  RECORD_COLLECTIONS,
  type DocumentIssue,
} from '@weframe/core';
import { ServiceError } from './errors.js';
import { EDITABLE_COLLECTIONS, type EditableCollection } from './record.service.js';
import { errorSchema } from './schema.js';

/**
 * Request schemas of the collaboration record routes, and their OpenAPI descriptions. Bodies
 * are checked by `restore` on the whole document after the change (so problems are named by
 * their path in the document); paths and queries by the schemas here.
 */

const id = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:~-]*$/, 'use letters, digits and . _ : ~ - only');
const date = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });

const idParams = z.object({ id: id.openapi({ param: { name: 'id', in: 'path' } }) });
const recordParams = z.object({
  id: id.openapi({ param: { name: 'id', in: 'path' } }),
  recordId: id.openapi({ param: { name: 'recordId', in: 'path' } }),
});

/** `?workspace=SLUG&includeArchived=true` of the collaboration list. */
export const listQuery = z.object({
  workspace: z.string().min(1).max(100).optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
});

/** `?workspace=SLUG` of an import. */
export const importQuery = z.object({ workspace: z.string().min(1).max(100).optional() });

/** `?wave=&asOf=` of a diagnosis. */
export const diagnosisQuery = z.object({ wave: id.optional(), asOf: date.optional() });

/** `?version=N` of a delete. */
export const deleteQuery = z.object({
  version: z.coerce.number({ message: 'is required: the version you read' }).int().min(1),
});

/** Path parameters of record routes. */
export const recordPathParams = recordParams;
/** Path parameters of collaboration routes. */
export const collaborationPathParams = idParams;

/** A record path and query issue in the API's words. */
function issuesOf(issues: readonly z.core.$ZodIssue[]): DocumentIssue[] {
  return issues.map((issue) => ({
    code:
      issue.code === 'invalid_type'
        ? 'invalid_type'
        : issue.code === 'too_big' || issue.code === 'too_small'
          ? 'out_of_range'
          : issue.code === 'invalid_format'
            ? 'invalid_format'
            : 'invalid_value',
    path: formatPath(issue.path),
    message:
      issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message,
  }));
}

/** Parses a request's path or query, or throws 400 `bad_request` with every problem. */
export function parseRequest<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = issuesOf(result.error.issues);
  throw new ServiceError(
    'bad_request',
    `the request has ${issues.length} problem${issues.length === 1 ? '' : 's'}`,
    issues,
  );
}

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const errors = {
  400: json(
    errorSchema,
    'The request or the document after the change has problems, each with its path',
  ),
  403: json(errorSchema, 'The role may not do this'),
  404: json(errorSchema, 'No such collaboration or record, or it is not visible to you'),
};

const hiddenSchema = z.record(z.string(), z.number().int()).openapi({
  description: 'how many records of the collection are confidential to another agency',
});

/** The OpenAPI descriptions of the five routes of one collection. */
export function recordRoutes(collection: EditableCollection) {
  const schema = RECORD_COLLECTIONS[collection];
  const base = `/api/collaborations/{id}/${collection}`;
  const one = `${base}/{recordId}`;
  const tags = ['records'];
  return [
    createRoute({
      method: 'get',
      path: base,
      tags,
      summary: `The ${collection} you may see`,
      request: { params: idParams },
      responses: {
        200: json(z.object({ records: z.array(schema), hidden: hiddenSchema }), 'The records'),
        ...errors,
      },
    }),
    createRoute({
      method: 'get',
      path: one,
      tags,
      summary: `One of the ${collection}`,
      request: { params: recordParams },
      responses: { 200: json(schema, 'The record'), ...errors },
    }),
    createRoute({
      method: 'post',
      path: base,
      tags,
      summary: `Add to ${collection} (id made up when not given; author set to you; version 1)`,
      request: { params: idParams, body: { ...json(schema, 'The new record'), required: true } },
      responses: { 201: json(schema, 'The stored record'), ...errors },
    }),
    createRoute({
      method: 'put',
      path: one,
      tags,
      summary: `Replace one of the ${collection}; \`version\` is the version you read`,
      request: {
        params: recordParams,
        body: { ...json(schema, 'The whole record, with the version you read'), required: true },
      },
      responses: {
        200: json(schema, 'The stored record, its version one higher'),
        ...errors,
        409: json(errorSchema, 'Someone changed the record since you read it'),
      },
    }),
    createRoute({
      method: 'delete',
      path: one,
      tags,
      summary: `Delete one of the ${collection}`,
      request: { params: recordParams, query: deleteQuery },
      responses: {
        204: { description: 'Deleted' },
        ...errors,
        409: json(errorSchema, 'Someone changed the record since you read it'),
      },
    }),
  ];
}

/** Every record route of every editable collection. */
export const allRecordRoutes = EDITABLE_COLLECTIONS.flatMap(recordRoutes);

export const patchCollaborationRoute = createRoute({
  method: 'patch',
  path: '/api/collaborations/{id}',
  tags: ['collaborations'],
  summary: 'Change fields of the collaboration header; `version` is the version you read',
  request: {
    params: idParams,
    body: {
      ...json(collaborationSchema.partial().required({ version: true }), 'Fields to change'),
      required: true,
    },
  },
  responses: {
    200: json(collaborationSchema, 'The header, its version one higher'),
    ...errors,
    409: json(errorSchema, 'The collaboration changed since you read it, or it is archived'),
  },
});

export const diagnosisRoute = createRoute({
  method: 'get',
  path: '/api/collaborations/{id}/diagnosis',
  tags: ['collaborations'],
  summary: 'The diagnosis, computed from the stored record and redacted for you',
  request: { params: idParams, query: diagnosisQuery },
  responses: { 200: json(z.looseObject({}), 'The diagnosis (see ANALYSIS.md)'), ...errors },
});

export const exportCollaborationRoute = createRoute({
  method: 'get',
  path: '/api/collaborations/{id}/export',
  tags: ['collaborations'],
  summary: 'The collaboration document, without records confidential to other agencies',
  request: { params: idParams },
  responses: { 200: json(z.looseObject({}), 'The collaboration document'), ...errors },
});

const archiveResponse = z.object({ id: z.string(), archivedAt: z.string().nullable() });

export const archiveCollaborationRoute = createRoute({
  method: 'post',
  path: '/api/collaborations/{id}/archive',
  tags: ['collaborations'],
  summary: 'Archive: out of lists and read-only until restored',
  request: { params: idParams },
  responses: {
    200: json(archiveResponse, 'Archived'),
    ...errors,
    409: json(errorSchema, 'Already archived'),
  },
});

export const restoreCollaborationRoute = createRoute({
  method: 'post',
  path: '/api/collaborations/{id}/restore',
  tags: ['collaborations'],
  summary: 'Restore an archived collaboration',
  request: { params: idParams },
  responses: {
    200: json(archiveResponse, 'Restored'),
    ...errors,
    409: json(errorSchema, 'Not archived'),
  },
});

const accessResponse = z.object({
  collaborationId: z.string(),
  workspace: z.object({ slug: z.string(), name: z.string() }),
  role: z.string(),
  agencyId: z.string().nullable(),
  memberId: z.string().nullable(),
  actions: z.record(z.string(), z.string()).openapi({
    description: 'every action the user may perform here, with how far it reaches',
  }),
});

export const accessRoute = createRoute({
  method: 'get',
  path: '/api/collaborations/{id}/access',
  tags: ['collaborations'],
  summary: 'What the signed-in user may do with this collaboration (the web app offers only that)',
  request: { params: idParams },
  responses: { 200: json(accessResponse, 'The user’s role and allowed actions'), ...errors },
});
