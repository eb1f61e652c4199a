import { createRoute, z } from '@hono/zod-openapi';
import { diagnosisQuery } from './record.schema.js';
import { SUMMARY_EVIDENCE_LIMIT, SUMMARY_QUOTE_LIMIT } from './report.presenter.js';
import { errorSchema } from './schema.js';

/**
 * Request schemas and OpenAPI descriptions of the report routes: the dashboard's summary of
 * the diagnosis, the change between two waves, the standalone HTML report and CSV downloads.
 */

const id = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:~-]*$/, 'use letters, digits and . _ : ~ - only');

const idParams = z.object({ id: id.openapi({ param: { name: 'id', in: 'path' } }) });
const waveParams = z.object({ waveId: id.openapi({ param: { name: 'waveId', in: 'path' } }) });

/** `?from=WAVE&to=WAVE` of the change between two waves. */
export const changeQuery = z.object({
  from: id.openapi({ description: 'the earlier wave' }),
  to: id.openapi({ description: 'the later wave' }),
});

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const csv = (description: string) => ({
  content: { 'text/csv': { schema: z.string() } },
  description: `${description} (UTF-8 with a byte-order mark, CRLF line ends; cells that a spreadsheet would read as a formula start with an apostrophe)`,
  headers: {
    'Content-Disposition': {
      description: 'attachment; filename="….csv"',
      schema: { type: 'string' as const },
    },
  },
});
const errors = {
  400: json(errorSchema, 'The query has problems, each with its path'),
  403: json(errorSchema, 'The role may not do this'),
  404: json(errorSchema, 'No such collaboration, or it is not visible to you'),
};

const evidenceRef = z
  .looseObject({
    kind: z.enum(['record', 'item', 'segment', 'member', 'agency', 'pair', 'wave']),
    id: z.string(),
    collection: z.string().optional(),
    note: z.string().optional(),
  })
  .openapi('EvidenceRef', {
    description:
      'What a finding rests on; records you may not see are one `{kind: "record", id: "confidential", collection, note}` per collection',
  });

const summaryIndicator = z
  .looseObject({
    id: z.string(),
    element: z.string(),
    name: z.string(),
    level: z.string(),
    kind: z.enum(['evaluative', 'descriptive']),
    value: z.unknown(),
    display: z.string(),
    n: z.number(),
    minimum: z.number(),
    status: z.string(),
    threshold: z.looseObject({ id: z.string(), rule: z.string() }).nullable(),
    evidence: z.array(evidenceRef).openapi({
      description: `the first ${SUMMARY_EVIDENCE_LIMIT} evidence references`,
    }),
    evidenceTotal: z.number().int().openapi({
      description: 'how many evidence references the indicator has in all',
    }),
    basis: z.array(z.unknown()),
    finding: z.string(),
    survey: z.looseObject({}).optional(),
    details: z.looseObject({}).optional(),
  })
  .openapi('SummaryIndicator');

const summaryElement = z
  .looseObject({
    id: z.string(),
    name: z.string(),
    context: z.string(),
    status: z.enum(['strength', 'ok', 'watch', 'concern', 'insufficient']),
    score: z.number().nullable(),
    confidence: z.object({
      level: z.enum(['high', 'medium', 'low']),
      reasons: z.array(z.string()),
    }),
    indicators: z.array(summaryIndicator),
    evidence: z.array(evidenceRef).openapi({
      description: `the first ${SUMMARY_EVIDENCE_LIMIT} evidence references of the element`,
    }),
    evidenceTotal: z.number().int(),
    quotes: z.array(z.looseObject({})).openapi({
      description: `the first ${SUMMARY_QUOTE_LIMIT} coded quotes, in source order`,
    }),
    quotesTotal: z.number().int(),
    actions: z.array(z.looseObject({})),
  })
  .openapi('SummaryElement');

const confidentialCounts = z
  .object({
    records: z.record(z.string(), z.number().int()).openapi({
      description: 'records of the collaboration you may not see, per collection',
    }),
    quotesRemoved: z.number().int(),
  })
  .openapi('ConfidentialCounts');

/** The shape of the dashboard's summary, for the OpenAPI document. */
export const diagnosisSummarySchema = z
  .object({
    collaboration: z.object({
      id: z.string(),
      name: z.string(),
      fictional: z.boolean(),
      teamForm: z.string(),
    }),
    asOf: z.string().openapi({ description: 'the date windows count back from, YYYY-MM-DD' }),
    modelVersion: z.string(),
    engineVersion: z.string(),
    instrumentVersion: z.string(),
    wave: z
      .object({ id: z.string(), name: z.string(), mode: z.string(), respondents: z.number() })
      .nullable(),
    elements: z.array(summaryElement),
    actions: z.array(
      z.object({
        indicatorId: z.string(),
        element: z.string(),
        status: z.enum(['watch', 'concern']),
        text: z.string(),
      }),
    ),
    teamForm: z.looseObject({}).openapi({ description: 'the team-form report (ANALYSIS.md)' }),
    confidential: confidentialCounts,
    limits: z.object({
      evidence: z.number().int().openapi({ example: SUMMARY_EVIDENCE_LIMIT }),
      quotes: z.number().int().openapi({ example: SUMMARY_QUOTE_LIMIT }),
    }),
  })
  .openapi('DiagnosisSummary');

const statusChange = z.looseObject({
  id: z.string(),
  element: z.string(),
  name: z.string(),
  statusBefore: z.string().nullable(),
  statusAfter: z.string().nullable(),
  scoreBefore: z.number().nullable(),
  scoreAfter: z.number().nullable(),
  valueBefore: z.unknown().optional(),
  valueAfter: z.unknown().optional(),
  delta: z.number().nullable(),
  direction: z.enum(['better', 'worse', 'same', 'new evidence', 'lost evidence']),
});
const directionCounts = z.record(z.string(), z.number().int());

const changeSchema = z
  .object({
    before: z.object({ asOf: z.string(), waveId: z.string().nullable() }),
    after: z.object({ asOf: z.string(), waveId: z.string().nullable() }),
    elements: z.array(statusChange),
    indicators: z.array(statusChange),
    frost: z.object({ before: z.string(), after: z.string(), direction: z.string() }),
    teamForm: z.object({ before: z.number(), after: z.number(), delta: z.number() }),
    summary: z.object({ elements: directionCounts, indicators: directionCounts }),
    confidential: confidentialCounts,
  })
  .openapi('DiagnosisChange');

const tags = ['reports'];

export const diagnosisSummaryRoute = createRoute({
  method: 'get',
  path: '/api/collaborations/{id}/diagnosis/summary',
  tags,
  summary:
    'The dashboard’s diagnosis: header, elements with their indicators, actions and team form; no networks, Frost levels, role map or goal alignment',
  description: `Cached with the diagnosis and redacted for you. Each element lists its first ${SUMMARY_EVIDENCE_LIMIT} evidence references (and each indicator its first ${SUMMARY_EVIDENCE_LIMIT}) and first ${SUMMARY_QUOTE_LIMIT} quotes; \`evidenceTotal\` and \`quotesTotal\` give the full counts, which the whole diagnosis lists.`,
  request: { params: idParams, query: diagnosisQuery },
  responses: { 200: json(diagnosisSummarySchema, 'The summary'), ...errors },
});

export const changeRoute = createRoute({
  method: 'get',
  path: '/api/collaborations/{id}/change',
  tags,
  summary:
    'What changed from one survey wave to another, element by element and indicator by indicator',
  description:
    'Each wave is diagnosed with its own answers and the records up to its as-of date (the later of its opening and its latest response). Unknown waves are refused with an issue on `from` or `to`.',
  request: { params: idParams, query: changeQuery },
  responses: { 200: json(changeSchema, 'The change, redacted for you'), ...errors },
});

export const reportRoute = createRoute({
  method: 'get',
  path: '/api/collaborations/{id}/report',
  tags,
  summary: 'The standalone, printable HTML report (as `weframe analyze --format html`)',
  request: { params: idParams, query: diagnosisQuery },
  responses: {
    200: {
      content: { 'text/html': { schema: z.string() } },
      description: 'One HTML document with no scripts and no external requests, redacted for you',
    },
    ...errors,
  },
});

export const indicatorsCsvRoute = createRoute({
  method: 'get',
  path: '/api/collaborations/{id}/downloads/indicators.csv',
  tags,
  summary: 'Every indicator of every element as CSV',
  request: { params: idParams, query: diagnosisQuery },
  responses: { 200: csv('One row per indicator'), ...errors },
});

export const professionalEdgesRoute = createRoute({
  method: 'get',
  path: '/api/collaborations/{id}/downloads/edges-professional.csv',
  tags,
  summary: 'The inter-professional network’s directed ties as CSV',
  request: { params: idParams, query: diagnosisQuery },
  responses: {
    200: csv('One row per ordered pair of members, with the contacts per source'),
    ...errors,
  },
});

export const agencyEdgesRoute = createRoute({
  method: 'get',
  path: '/api/collaborations/{id}/downloads/edges-agency.csv',
  tags,
  summary: 'The inter-agency network’s directed ties as CSV',
  request: { params: idParams, query: diagnosisQuery },
  responses: {
    200: csv('One row per ordered pair of agencies, with the contacts per source'),
    ...errors,
  },
});

export const responsesCsvRoute = createRoute({
  method: 'get',
  path: '/api/waves/{waveId}/downloads/responses.csv',
  tags,
  summary: 'A wave’s answers as CSV, anonymised as the wave requires',
  description:
    'Anonymous waves: no respondent, no response id, the day of submission only. Identified waves: the member id and the time. Never for fewer than 3 responses (409).',
  request: { params: waveParams },
  responses: {
    200: csv('One row per response, one column per question'),
    403: json(errorSchema, 'The role may not do this'),
    404: json(errorSchema, 'No such wave, or it is not visible to you'),
    409: json(errorSchema, 'Fewer than 3 responses: the answers are not shared'),
  },
});

/** Path parameters of the wave download. */
export const responsesPathParams = z.object({ waveId: id });
