import { createRoute, z } from '@hono/zod-openapi';
import { answerValueSchema, contactAnswerSchema } from '@weframe/core';
import { errorSchema, issueSchema } from './schema.js';

/** Request and response schemas of the survey routes; the OpenAPI document is made from them. */

const id = z.string().min(1).max(120);
const date = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });
const MODES = ['anonymous', 'identified'] as const;

const param = (name: string) =>
  z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name, in: 'path' } });

const collaborationParams = z.object({ id: param('id') });
const waveParams = z.object({ waveId: param('waveId') });
const linkParams = z.object({ waveId: param('waveId'), linkId: param('linkId') });
const tokenParams = z.object({ token: param('token') });

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const body = <T extends z.ZodType>(schema: T, description: string) => ({
  body: { content: { 'application/json': { schema } }, description, required: true },
});
const errors = {
  400: json(errorSchema, 'The request has problems; each is listed with its path'),
  403: json(errorSchema, 'Not allowed'),
  404: json(errorSchema, 'No such collaboration, wave or link'),
  409: json(errorSchema, 'In conflict with the current state'),
} as const;

// ── Requests ─────────────────────────────────────────────────────────────────

export const openWaveBody = z
  .strictObject({
    name: z.string().trim().min(1).max(300),
    mode: z.enum(MODES),
    opensOn: date.optional().describe('default: today'),
    closesOn: date.nullable().optional(),
  })
  .openapi('OpenWave');

export const invitationsBody = z
  .strictObject({
    roster: z
      .array(
        z.union([
          z.strictObject({ memberId: id }),
          z.strictObject({ label: z.string().trim().min(1).max(200) }),
        ]),
      )
      .min(1)
      .max(500)
      .optional()
      .describe('identified waves: members; anonymous waves: labels'),
    count: z
      .number()
      .int()
      .min(1)
      .max(500)
      .optional()
      .describe('anonymous waves: this many unlabelled links'),
  })
  .openapi('Invitations');

/** A draft: any part of the answers, checked loosely (known items, values on the scale). */
export const draftSchema = z
  .strictObject({
    answers: z.record(z.string().max(120), answerValueSchema).optional(),
    goal: z
      .strictObject({
        choice: z.enum(['joint', 'agency', 'other']).optional(),
        goalId: id.nullable().optional(),
        text: z.string().max(2000).optional(),
      })
      .optional(),
    namedLeadId: id.nullable().optional(),
    contacts: z
      .array(
        z.strictObject({
          memberId: id,
          frequency: z.string().max(40).nullable().optional(),
          workingLevel: z.string().max(40).nullable().optional(),
          roleUnderstanding: z.number().int().min(1).max(5).nullable().optional(),
          trust: z.number().int().min(1).max(5).nullable().optional(),
          roleAreaIds: z.array(id).max(200).optional(),
        }),
      )
      .max(15)
      .optional(),
    ownRoleAreaIds: z.array(id).max(200).optional(),
    ownRoleText: z.string().max(2000).optional(),
  })
  .openapi('SurveyDraft');
export type Draft = z.output<typeof draftSchema>;

export const submitBody = z
  .strictObject({
    token: z.string().min(1).max(200),
    answers: z.record(z.string().max(120), answerValueSchema),
    goal: z
      .strictObject({
        choice: z.enum(['joint', 'agency', 'other']),
        goalId: id.optional(),
        text: z.string().max(2000).optional(),
      })
      .optional(),
    namedLeadId: id.nullable().optional(),
    contacts: z.array(contactAnswerSchema).max(15).optional(),
    ownRoleAreaIds: z.array(id).max(200).optional(),
    ownRoleText: z.string().max(2000).optional(),
  })
  .openapi('SurveySubmission');
export type Submission = z.output<typeof submitBody>;

// ── Responses ────────────────────────────────────────────────────────────────

const countsSchema = z.object({
  invited: z.number().int(),
  started: z.number().int(),
  submitted: z.number().int(),
  revoked: z.number().int(),
  responses: z.number().int().describe('stored responses, imported ones included'),
});

export const waveSchemaOut = z
  .object({
    id: z.string(),
    collaborationId: z.string(),
    name: z.string(),
    mode: z.enum(MODES),
    opensOn: z.string(),
    closesOn: z.string().nullable(),
    status: z.enum(['draft', 'open', 'closed']),
    instrumentVersion: z.string(),
    version: z.number().int(),
    counts: countsSchema,
  })
  .openapi('Wave');

export const linkSchemaOut = z
  .object({
    id: z.string(),
    memberId: z.string().nullable(),
    label: z.string(),
    url: z.string().describe('the /s/:token link; shown once, only a hash is kept'),
    expiresAt: z.string().nullable(),
  })
  .openapi('SurveyLink');

export const statusSchemaOut = z
  .object({
    waveId: z.string(),
    mode: z.enum(MODES),
    counts: countsSchema,
    notAnswered: z
      .array(
        z.object({
          linkId: z.string(),
          memberId: z.string(),
          displayName: z.string(),
          started: z.boolean(),
        }),
      )
      .optional()
      .describe('identified waves only: invited members who have not answered'),
  })
  .openapi('WaveStatus');

export const summarySchemaOut = z
  .object({
    waveId: z.string(),
    respondents: z.number().int(),
    minimumRespondents: z.number().int(),
    suppressed: z.boolean().describe('true when fewer respondents than the minimum'),
    scales: z.array(
      z.object({
        scale: z.string(),
        items: z.array(z.string()),
        respondents: z.number().int(),
        suppressed: z.boolean(),
        mean: z.number().nullable(),
        rwgJ: z.number().nullable(),
        distribution: z.array(z.number().int()).nullable(),
      }),
    ),
  })
  .openapi('WaveSummary');

const choiceOut = z.object({
  value: z.union([z.string(), z.number()]),
  label: z.string(),
});

export const respondentSurveySchemaOut = z
  .object({
    wave: z.object({
      name: z.string(),
      mode: z.enum(MODES),
      opensOn: z.string(),
      closesOn: z.string().nullable(),
      open: z.boolean().describe('false until opensOn: the survey can be read, not answered'),
    }),
    collaboration: z.object({ name: z.string() }),
    privacyNotice: z.string().describe('shown before the first question'),
    respondent: z.object({ displayName: z.string() }).nullable(),
    instrument: z.object({
      version: z.string(),
      answerScale: z.object({
        points: z.number().int(),
        labels: z.array(z.string()),
        dontKnow: z.string(),
      }),
      items: z.array(z.object({ id: z.string(), wording: z.string() })),
      goalQuestion: z.object({
        id: z.string(),
        wording: z.string(),
        choiceWording: z.string(),
        choices: z.array(
          z.object({
            choice: z.enum(['joint', 'agency', 'other']),
            goalId: z.string().nullable(),
            label: z.string(),
          }),
        ),
      }),
      leadQuestion: z.object({
        id: z.string(),
        wording: z.string(),
        members: z.array(z.object({ id: z.string(), displayName: z.string() })),
      }),
      nameGenerator: z
        .object({
          id: z.string(),
          wording: z.string(),
          maxNames: z.number().int(),
          colleagues: z.array(
            z.object({
              id: z.string(),
              displayName: z.string(),
              agencyName: z.string().nullable(),
            }),
          ),
          dyadicQuestions: z.array(
            z.object({ id: z.string(), wording: z.string(), answers: z.array(choiceOut) }),
          ),
        })
        .nullable()
        .describe('identified waves only'),
      roleQuestion: z
        .object({
          id: z.string(),
          wording: z.string(),
          areas: z.array(z.object({ id: z.string(), name: z.string(), description: z.string() })),
        })
        .nullable()
        .describe('identified waves only'),
    }),
    draft: draftSchema.nullable(),
  })
  .openapi('RespondentSurvey');

export const submissionSchemaOut = z
  .object({
    status: z.literal('submitted'),
    waveId: z.string(),
    responseId: z.string().nullable().describe('null in anonymous waves'),
    submittedAt: z.string().describe('the day only, in anonymous waves'),
  })
  .openapi('SubmissionResult');

export const importSchemaOut = z
  .object({
    imported: z.number().int(),
    rejected: z.array(z.object({ row: z.number().int(), issues: z.array(issueSchema) })),
    unmappedColumns: z.array(z.string()),
  })
  .openapi('ResponsesImport');

// ── Routes ───────────────────────────────────────────────────────────────────

export const openWaveRoute = createRoute({
  method: 'post',
  path: '/api/collaborations/{id}/waves',
  request: { params: collaborationParams, ...body(openWaveBody, 'The new wave') },
  responses: { 201: json(waveSchemaOut, 'The wave, open'), ...errors },
});

export const listWavesRoute = createRoute({
  method: 'get',
  path: '/api/collaborations/{id}/waves',
  request: { params: collaborationParams },
  responses: {
    200: json(z.object({ waves: z.array(waveSchemaOut) }), 'The collaboration’s waves'),
    ...errors,
  },
});

export const getWaveRoute = createRoute({
  method: 'get',
  path: '/api/waves/{waveId}',
  request: { params: waveParams },
  responses: { 200: json(waveSchemaOut, 'The wave with its counts'), ...errors },
});

export const closeWaveRoute = createRoute({
  method: 'post',
  path: '/api/waves/{waveId}/close',
  request: { params: waveParams },
  responses: { 200: json(waveSchemaOut, 'The wave, closed: no more drafts or answers'), ...errors },
});

export const inviteRoute = createRoute({
  method: 'post',
  path: '/api/waves/{waveId}/invitations',
  request: { params: waveParams, ...body(invitationsBody, 'Whom to invite') },
  responses: {
    201: json(z.object({ links: z.array(linkSchemaOut) }), 'One single-use link each'),
    ...errors,
  },
});

export const revokeLinkRoute = createRoute({
  method: 'post',
  path: '/api/waves/{waveId}/invitations/{linkId}/revoke',
  request: { params: linkParams },
  responses: {
    200: json(linkSchemaOut.omit({ url: true }), 'The link, revoked'),
    ...errors,
  },
});

export const reissueLinkRoute = createRoute({
  method: 'post',
  path: '/api/waves/{waveId}/invitations/{linkId}/reissue',
  request: { params: linkParams },
  responses: { 200: json(linkSchemaOut, 'A new link; the old one no longer works'), ...errors },
});

export const waveStatusRoute = createRoute({
  method: 'get',
  path: '/api/waves/{waveId}/status',
  request: { params: waveParams },
  responses: { 200: json(statusSchemaOut, 'Who has not answered, or counts only'), ...errors },
});

export const waveSummaryRoute = createRoute({
  method: 'get',
  path: '/api/waves/{waveId}/summary',
  request: { params: waveParams },
  responses: {
    200: json(summarySchemaOut, 'Team means per scale; suppressed below the minimum group'),
    ...errors,
  },
});

export const importResponsesRoute = createRoute({
  method: 'post',
  path: '/api/waves/{waveId}/responses/import',
  request: {
    params: waveParams,
    query: z.object({
      mapping: z
        .string()
        .optional()
        .describe(
          'JSON: { columns: { header: itemId | respondentMemberId | submittedAt | goal.choice | goal.text | ignore }, values?: { label: 1-5 | "dontKnow" | null }, delimiter?: "," | ";" | "\\t" }',
        ),
    }),
    body: {
      content: {
        'text/csv': { schema: z.string() },
        'multipart/form-data': {
          schema: z.object({ file: z.string(), mapping: z.string() }),
        },
      },
      description: 'The CSV (at most 5 MB), with the mapping in the query or as a form field',
      required: true,
    },
  },
  responses: {
    200: json(importSchemaOut, 'Rows imported and every row refused, with reasons'),
    ...errors,
    413: json(errorSchema, 'Larger than 5 MB'),
  },
});

export const respondentSurveyRoute = createRoute({
  method: 'get',
  path: '/api/s/{token}',
  request: { params: tokenParams },
  responses: {
    200: json(respondentSurveySchemaOut, 'The privacy notice, the questions and the saved draft'),
    404: json(errorSchema, 'Unknown or revoked link'),
    409: json(errorSchema, 'Already answered'),
    410: json(errorSchema, 'Expired, or the wave is closed'),
  },
});

export const saveDraftRoute = createRoute({
  method: 'put',
  path: '/api/s/{token}/draft',
  request: { params: tokenParams, ...body(draftSchema, 'Answers so far') },
  responses: {
    200: json(z.object({ saved: z.literal(true) }), 'Saved'),
    ...errors,
    410: json(errorSchema, 'Expired, or the wave is closed'),
  },
});

export const submitResponseRoute = createRoute({
  method: 'post',
  path: '/api/responses',
  request: {
    headers: z.object({
      'idempotency-key': z
        .string()
        .optional()
        .describe('required: a retry with the same key returns the first result'),
    }),
    ...body(submitBody, 'The final answers with the link’s token'),
  },
  responses: {
    201: json(submissionSchemaOut, 'Stored'),
    ...errors,
    410: json(errorSchema, 'Expired, or the wave is closed'),
  },
});
