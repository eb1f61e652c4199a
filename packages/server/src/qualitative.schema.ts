import { createRoute, z } from '@hono/zod-openapi';
import { AGREEMENT_MEASURES } from '@weframe/core';
import { storable } from './auth/validation.js';
import { errorSchema } from './schema.js';

/**
 * Request schemas of the qualitative evidence routes (sources, codebook, codings, memos,
 * cases, analyses, suggestions, REFI-QDA exchange) and their OpenAPI descriptions. Bodies are
 * checked here for shape; the whole document after a change is then checked by `restore`.
 */

/** Where every qualitative route lives. */
export const QUALITATIVE_BASE = '/api/collaborations/{id}/qualitative';

const recordId = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:~-]*$/, 'use letters, digits and . _ : ~ - only');
const text = (max: number) => storable(z.string().max(max));
const name = storable(z.string().trim().min(1, 'is required').max(300));
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written #rrggbb');
const date = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });
const version = z.number().int().min(1).describe('the version you read');
const offset = z.number().int().min(0).max(10_000_000);

const param = (key: string) =>
  z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: key, in: 'path' } });
const params = {
  collaboration: z.object({ id: param('id') }),
  source: z.object({ id: param('id'), sourceId: param('sourceId') }),
  code: z.object({ id: param('id'), codeId: param('codeId') }),
  coding: z.object({ id: param('id'), codingId: param('codingId') }),
  memo: z.object({ id: param('id'), memoId: param('memoId') }),
  case: z.object({ id: param('id'), caseId: param('caseId') }),
  attribute: z.object({ id: param('id'), name: param('name') }),
};

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const body = <T extends z.ZodType>(schema: T, description: string) => ({
  body: { content: { 'application/json': { schema } }, description, required: true },
});
const errors = {
  400: json(
    errorSchema,
    'The request, or the collaboration after the change, has problems; each is listed with its path',
  ),
  403: json(errorSchema, 'Your role may not do this'),
  404: json(errorSchema, 'No such collaboration or record, or it is not visible to you'),
  409: json(errorSchema, 'Someone changed it since you read it, or the collaboration is archived'),
} as const;
/** A JSON object response, described in words (its shape is documented in docs/qualitative.md). */
const object = (description: string) => json(z.any().openapi({ type: 'object' }), description);
const noContent = { description: 'Done' };
const tags = ['qualitative'];

// ── Bodies ───────────────────────────────────────────────────────────────────

export const SOURCE_KINDS = ['interview', 'focusGroup', 'observation', 'document'] as const;

export const sourcePatchBody = z
  .strictObject({
    version,
    title: name.optional(),
    kind: z.enum(SOURCE_KINDS).optional(),
    date: date.nullable().optional().describe('null removes the date'),
  })
  .openapi('SourceChange');

export const codeCreateBody = z
  .strictObject({
    name,
    parentId: recordId
      .nullable()
      .optional()
      .describe('a code id (a model element’s code included)'),
    color: colour.nullable().optional(),
    description: text(4000).optional(),
  })
  .openapi('NewCode');

export const codePatchBody = z
  .strictObject({
    version,
    name: name.optional(),
    color: colour.nullable().optional().describe('null removes the colour'),
    description: text(4000).optional(),
  })
  .openapi('CodeChange');

export const mergeBody = z
  .strictObject({ into: recordId.describe('the code that takes over the codings') })
  .openapi('CodeMerge');

export const moveBody = z
  .strictObject({
    parentId: recordId.nullable().describe('the new parent; null for the top level'),
  })
  .openapi('CodeMove');

export const codingCreateBody = z
  .strictObject({
    sourceId: recordId,
    codeId: recordId,
    start: offset.describe('code point offset into the source text, inclusive'),
    end: offset.describe('code point offset, exclusive'),
    memo: text(4000).optional(),
  })
  .openapi('NewCoding');

export const MEMO_TARGETS = ['source', 'code', 'coding', 'case', 'collaboration'] as const;

export const memoCreateBody = z
  .strictObject({
    target: z.strictObject({ kind: z.enum(MEMO_TARGETS), id: recordId }),
    text: storable(z.string().trim().min(1, 'is required').max(20_000)),
  })
  .openapi('NewMemo');

export const memoPatchBody = z
  .strictObject({ version, text: storable(z.string().trim().min(1, 'is required').max(20_000)) })
  .openapi('MemoChange');

const attributeValue = z.union([text(2000), z.number(), z.boolean(), z.null()]);
const attributeValues = z.record(storable(z.string().min(1).max(120)), attributeValue);

export const caseCreateBody = z
  .strictObject({
    name,
    memberId: recordId.optional(),
    agencyId: recordId.optional(),
    attributes: attributeValues.optional(),
  })
  .openapi('NewQdaCase');

export const casePatchBody = z
  .strictObject({
    version,
    name: name.optional(),
    attributes: attributeValues.optional().describe('replaces the values; null clears one'),
  })
  .openapi('QdaCaseChange');

export const attributeCreateBody = z
  .strictObject({
    name: storable(z.string().trim().min(1, 'is required').max(120)),
    type: z.enum(['text', 'number', 'boolean', 'date']),
  })
  .openapi('NewAttribute');

export const feedbackBody = z
  .strictObject({
    start: offset,
    end: offset,
    code: z
      .string()
      .min(1)
      .max(120)
      .describe('a suggestion’s `code`: a model element id or a code id'),
  })
  .openapi('SuggestionFeedback');

// ── Queries ──────────────────────────────────────────────────────────────────

const list = z.string().max(4000).describe('comma-separated ids');

export const versionQuery = z.object({
  version: z.coerce.number({ message: 'is required: the version you read' }).int().min(1),
});

export const matrixQuery = z.object({
  format: z.enum(['json', 'csv', 'xlsx']).optional(),
  content: z.enum(['excerpts', 'counts']).optional().describe('CSV only (default excerpts)'),
  coders: list.optional(),
  sources: list.optional(),
  codes: list.optional(),
  cases: list.optional(),
});

export const cooccurrenceQuery = z.object({
  coder: z.string().min(1).max(200).optional(),
  sources: list.optional(),
});

export const agreementQuery = z.object({
  coders: list.optional().describe('default: every coder who coded something'),
  measures: z
    .string()
    .max(200)
    .optional()
    .describe(`comma-separated: ${AGREEMENT_MEASURES.join(', ')}`),
  units: z.enum(['turns', 'paragraphs']).optional(),
  sources: list.optional(),
  codes: list.optional(),
});

export const suggestionsQuery = z.object({
  top: z.coerce.number().int().min(1).max(20).optional(),
});

export const exportQuery = z.object({ format: z.enum(['qdpx', 'qdc']) });

export const memoListQuery = z.object({
  targetKind: z.enum(MEMO_TARGETS).optional(),
  targetId: z.string().min(1).max(200).optional(),
});

// ── Routes ───────────────────────────────────────────────────────────────────

const route = <const R extends Parameters<typeof createRoute>[0]>(r: R) =>
  createRoute({ ...r, tags });

export const listSourcesRoute = route({
  method: 'get',
  path: `${QUALITATIVE_BASE}/sources`,
  summary: 'The sources you may see, without their text',
  request: { params: params.collaboration },
  responses: {
    200: object(
      '`{ sources: [{ id, title, kind, date, format, length, turns, speakers, codings, … }], coders, hidden }`',
    ),
    ...errors,
  },
});

export const importSourceRoute = route({
  method: 'post',
  path: `${QUALITATIVE_BASE}/sources`,
  summary: 'Add a source from a .txt, .md or .docx file; speakers of “Name:” turns become cases',
  request: {
    params: params.collaboration,
    query: z.object({
      filename: z.string().max(300).optional(),
      kind: z.enum(SOURCE_KINDS).optional(),
      date: z.string().max(20).optional(),
      title: z.string().max(300).optional(),
    }),
    body: {
      content: {
        'multipart/form-data': {
          schema: z.object({
            file: z.string().describe('the file'),
            kind: z.enum(SOURCE_KINDS).optional(),
            date: z.string().optional(),
            title: z.string().optional(),
          }),
        },
        'application/octet-stream': {
          schema: z.string().describe('the file; name it in ?filename='),
        },
      },
      description: 'The file (at most 20 MB) with its kind, date and title',
      required: true,
    },
  },
  responses: {
    201: object('`{ source, cases, report }`: the source as listed and the cases of its speakers'),
    ...errors,
    413: json(errorSchema, 'Larger than the route’s limit'),
  },
});

export const getSourceRoute = route({
  method: 'get',
  path: `${QUALITATIVE_BASE}/sources/{sourceId}`,
  summary: 'One source with its text, speaker turns, codings and memos',
  request: { params: params.source },
  responses: { 200: object('`{ source, codings, memos, coders }`'), ...errors },
});

export const patchSourceRoute = route({
  method: 'patch',
  path: `${QUALITATIVE_BASE}/sources/{sourceId}`,
  summary: 'Change a source’s title, kind or date',
  request: { params: params.source, ...body(sourcePatchBody, 'The fields to change') },
  responses: { 200: object('The source as listed'), ...errors },
});

export const deleteSourceRoute = route({
  method: 'delete',
  path: `${QUALITATIVE_BASE}/sources/{sourceId}`,
  summary: 'Delete a source with its codings and the memos on them',
  request: { params: params.source, query: versionQuery },
  responses: { 204: noContent, ...errors },
});

export const importProjectRoute = route({
  method: 'post',
  path: `${QUALITATIVE_BASE}/import`,
  summary: 'Merge a REFI-QDA project (.qdpx) or codebook (.qdc) into the collaboration',
  request: {
    params: params.collaboration,
    query: z.object({
      filename: z.string().max(300).optional(),
      kind: z.enum(SOURCE_KINDS).optional(),
    }),
    body: {
      content: {
        'multipart/form-data': {
          schema: z.object({ file: z.string(), kind: z.enum(SOURCE_KINDS).optional() }),
        },
        'application/zip': { schema: z.string() },
      },
      description: 'The project (at most 100 MB, unpacking to at most 200 MB)',
      required: true,
    },
  },
  responses: {
    200: object('`{ added, updated, unchanged, warnings, origin, lineBreaks, … }`'),
    ...errors,
    413: json(errorSchema, 'Larger than the route’s limit'),
  },
});

export const exportRoute = route({
  method: 'get',
  path: `${QUALITATIVE_BASE}/export`,
  summary: 'The qualitative part as a REFI-QDA project (.qdpx) or codebook (.qdc)',
  request: { params: params.collaboration, query: exportQuery },
  responses: {
    200: {
      content: {
        'application/zip': { schema: z.string().openapi({ format: 'binary' }) },
        'application/xml': { schema: z.string() },
      },
      description: 'The file, as an attachment',
    },
    ...errors,
  },
});

export const codebookRoute = route({
  method: 'get',
  path: `${QUALITATIVE_BASE}/codes`,
  summary:
    'The codebook as a tree: the model’s contexts and elements, then your own codes, with counts',
  request: { params: params.collaboration },
  responses: { 200: object('`{ groups: CodebookNode[], memos }`'), ...errors },
});

export const createCodeRoute = route({
  method: 'post',
  path: `${QUALITATIVE_BASE}/codes`,
  summary: 'Add a code',
  request: { params: params.collaboration, ...body(codeCreateBody, 'The new code') },
  responses: { 201: object('The stored code'), ...errors },
});

export const patchCodeRoute = route({
  method: 'patch',
  path: `${QUALITATIVE_BASE}/codes/{codeId}`,
  summary: 'Rename a code, or change its colour or description',
  request: { params: params.code, ...body(codePatchBody, 'The fields to change') },
  responses: { 200: object('The stored code'), ...errors },
});

export const deleteCodeRoute = route({
  method: 'delete',
  path: `${QUALITATIVE_BASE}/codes/{codeId}`,
  summary: 'Delete a code with its codings; its sub-codes move up',
  request: { params: params.code, query: versionQuery },
  responses: { 200: object('`{ codingsRemoved, memosRemoved, childrenMoved }`'), ...errors },
});

export const mergeCodeRoute = route({
  method: 'post',
  path: `${QUALITATIVE_BASE}/codes/{codeId}/merge`,
  summary: 'Merge this code into another: its codings, sub-codes and memos move there',
  request: { params: params.code, ...body(mergeBody, 'The code to merge into') },
  responses: {
    200: object(
      '`{ codingsMoved, duplicatesFolded, childrenMoved, memosRetargeted, description, warnings }`',
    ),
    ...errors,
  },
});

export const moveCodeRoute = route({
  method: 'post',
  path: `${QUALITATIVE_BASE}/codes/{codeId}/move`,
  summary: 'Move a code under another (or to the top level)',
  request: { params: params.code, ...body(moveBody, 'The new parent') },
  responses: { 200: object('The stored code'), ...errors },
});

export const createCodingRoute = route({
  method: 'post',
  path: `${QUALITATIVE_BASE}/codings`,
  summary: 'Code a passage: you are its coder',
  request: { params: params.collaboration, ...body(codingCreateBody, 'The passage and the code') },
  responses: {
    200: object('The same coding you made before (nothing added)'),
    201: object('The stored coding'),
    ...errors,
  },
});

export const deleteCodingRoute = route({
  method: 'delete',
  path: `${QUALITATIVE_BASE}/codings/{codingId}`,
  summary: 'Remove a coding and the memos on it',
  request: { params: params.coding, query: versionQuery },
  responses: { 204: noContent, ...errors },
});

export const listMemosRoute = route({
  method: 'get',
  path: `${QUALITATIVE_BASE}/memos`,
  summary: 'Memos, optionally only those on one source, code, coding or case',
  request: { params: params.collaboration, query: memoListQuery },
  responses: { 200: object('`{ memos }`'), ...errors },
});

export const createMemoRoute = route({
  method: 'post',
  path: `${QUALITATIVE_BASE}/memos`,
  summary: 'Write a memo on a source, code, coding or case',
  request: { params: params.collaboration, ...body(memoCreateBody, 'The memo') },
  responses: { 201: object('The stored memo'), ...errors },
});

export const patchMemoRoute = route({
  method: 'patch',
  path: `${QUALITATIVE_BASE}/memos/{memoId}`,
  summary: 'Change a memo’s text',
  request: { params: params.memo, ...body(memoPatchBody, 'The new text') },
  responses: { 200: object('The stored memo'), ...errors },
});

export const deleteMemoRoute = route({
  method: 'delete',
  path: `${QUALITATIVE_BASE}/memos/{memoId}`,
  summary: 'Delete a memo',
  request: { params: params.memo, query: versionQuery },
  responses: { 204: noContent, ...errors },
});

export const listCasesRoute = route({
  method: 'get',
  path: `${QUALITATIVE_BASE}/cases`,
  summary: 'Cases (participants, teams, agencies) with their attribute values, and the attributes',
  request: { params: params.collaboration },
  responses: { 200: object('`{ cases, attributes }`'), ...errors },
});

export const createCaseRoute = route({
  method: 'post',
  path: `${QUALITATIVE_BASE}/cases`,
  summary: 'Add a case',
  request: { params: params.collaboration, ...body(caseCreateBody, 'The new case') },
  responses: { 201: object('The stored case'), ...errors },
});

export const patchCaseRoute = route({
  method: 'patch',
  path: `${QUALITATIVE_BASE}/cases/{caseId}`,
  summary: 'Rename a case or change its attribute values',
  request: { params: params.case, ...body(casePatchBody, 'The fields to change') },
  responses: { 200: object('The stored case'), ...errors },
});

export const deleteCaseRoute = route({
  method: 'delete',
  path: `${QUALITATIVE_BASE}/cases/{caseId}`,
  summary: 'Delete a case; speaker turns and sources linked to it lose the link',
  request: { params: params.case, query: versionQuery },
  responses: { 204: noContent, ...errors },
});

export const createAttributeRoute = route({
  method: 'post',
  path: `${QUALITATIVE_BASE}/attributes`,
  summary: 'Define a typed attribute of cases',
  request: { params: params.collaboration, ...body(attributeCreateBody, 'The attribute') },
  responses: { 201: object('`{ name, type }`'), ...errors },
});

export const deleteAttributeRoute = route({
  method: 'delete',
  path: `${QUALITATIVE_BASE}/attributes/{name}`,
  summary: 'Remove an attribute and every case’s value of it',
  request: { params: params.attribute },
  responses: { 204: noContent, ...errors },
});

export const matrixRoute = route({
  method: 'get',
  path: `${QUALITATIVE_BASE}/matrix`,
  summary: 'Framework matrix: cases × codes with counts and excerpts, as JSON, CSV or .xlsx',
  request: { params: params.collaboration, query: matrixQuery },
  responses: {
    200: {
      content: {
        'application/json': { schema: z.any().openapi({ type: 'object' }) },
        'text/csv': { schema: z.string() },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
          schema: z.string().openapi({ format: 'binary' }),
        },
      },
      description: 'The matrix',
    },
    ...errors,
  },
});

export const cooccurrenceRoute = route({
  method: 'get',
  path: `${QUALITATIVE_BASE}/cooccurrence`,
  summary: 'Pairs of codes whose passages overlap (one coder’s segments at a time)',
  request: { params: params.collaboration, query: cooccurrenceQuery },
  responses: { 200: object('`{ codes, pairs }`'), ...errors },
});

export const agreementRoute = route({
  method: 'get',
  path: `${QUALITATIVE_BASE}/agreement`,
  summary: 'Inter-coder agreement per code and overall: percent, Cohen’s κ, Fleiss’ κ, α, α_U',
  request: { params: params.collaboration, query: agreementQuery },
  responses: { 200: object('`{ coders, agreement | null, reason? }`'), ...errors },
});

export const suggestionsRoute = route({
  method: 'get',
  path: `${QUALITATIVE_BASE}/sources/{sourceId}/suggestions`,
  summary: 'Suggested codes per speaker turn (or sentence), offline, with the words behind each',
  request: { params: params.source, query: suggestionsQuery },
  responses: {
    200: object(
      '`{ units: [{ start, end, text, speaker, suggestions: [{ code, score, terms }] }], learnedFrom, rejected }`',
    ),
    ...errors,
  },
});

export const acceptSuggestionRoute = route({
  method: 'post',
  path: `${QUALITATIVE_BASE}/sources/{sourceId}/suggestions/accept`,
  summary: 'Accept a suggestion: the passage is coded with it, by you',
  request: { params: params.source, ...body(feedbackBody, 'The unit and the suggested code') },
  responses: {
    201: object('The stored coding'),
    200: object('The coding already there'),
    ...errors,
  },
});

export const rejectSuggestionRoute = route({
  method: 'post',
  path: `${QUALITATIVE_BASE}/sources/{sourceId}/suggestions/reject`,
  summary: 'Reject a suggestion: it is not made again for that passage and counts against the code',
  request: { params: params.source, ...body(feedbackBody, 'The unit and the suggested code') },
  responses: { 200: object('`{ rejected: true }`'), ...errors },
});
