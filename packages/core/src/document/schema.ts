import { z } from 'zod';
import { ELEMENT_IDS } from '../model/elements.js';
import { FROST_LEVELS } from '../model/taxonomies.js';
import { CONTACT_FREQUENCIES } from '../survey/instrument.js';

/**
 * The collaboration document: one versioned JSON format that the API, the CLI,
 * import/export and the tests all speak. Defined once here; its JSON Schema is generated.
 */

/** The schema version this code writes. Older documents migrate step by step. */
export const CURRENT_SCHEMA_VERSION = 1;

const id = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:~-]*$/, 'use letters, digits and . _ : ~ - only');
const date = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });
const dateTime = z.iso.datetime({ offset: true, message: 'must be a date-time in ISO 8601' });
const text = z.string().max(20_000);
const name = z.string().min(1).max(300);
const ids = z.array(id);

/** Metadata every record carries: id, author, optional confidentiality, version. */
const recordMeta = {
  id,
  author: z.string().min(1).max(200).default('system'),
  confidentialTo: id.optional().describe('agency id: only users of this agency see the record'),
  version: z.number().int().min(1).default(1),
};
const record = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.strictObject({ ...recordMeta, ...shape });

export const SECTORS = [
  'education',
  'health',
  'socialCare',
  'youth',
  'youthJustice',
  'police',
  'voluntary',
  'localAuthority',
  'other',
] as const;

export const agencySchema = record({
  name,
  sector: z.enum(SECTORS),
  statutoryBasis: z.string().max(500).nullable().default(null),
  statutoryDutyForJointAim: z
    .boolean()
    .describe('whether the agency holds a legal duty towards the joint aim'),
});

export const constraintSchema = z.strictObject({
  id,
  description: text,
  limits: z.enum(['sharing', 'activity']),
  neededByCollaboration: z.boolean().default(true),
});

export const professionSchema = record({
  name,
  regulator: z.string().max(300).nullable().default(null),
  codeOfPractice: z.string().max(300).nullable().default(null),
  constraints: z.array(constraintSchema).default([]),
});

export const accountabilityLineSchema = z.strictObject({
  to: z.string().min(1).max(300),
  kind: z.enum(['lineManagement', 'professional', 'collaboration', 'clinical', 'other']),
  agencyId: id.optional(),
});

export const STATUS_LEVELS = [1, 2, 3, 4, 5] as const;

export const memberSchema = record({
  displayName: name.describe('a work name or pseudonym; never a child'),
  professionId: id,
  agencyId: id,
  statusLevel: z.number().int().min(1).max(5).describe('1 trainee … 5 head of service'),
  multiAgencyTraining: z.boolean(),
  priorMultiAgencyExperience: z.boolean(),
  membershipMode: z.enum(['solelyInTeam', 'seconded', 'adHoc']),
  dedicatedHoursPerWeek: z.number().min(0).max(80),
  startDate: date,
  endDate: date.nullable().default(null),
  accountability: z.array(accountabilityLineSchema).default([]),
  accountabilityPrecedence: z
    .string()
    .max(300)
    .nullable()
    .default(null)
    .describe('which line wins when two conflict'),
  coLocated: z.boolean().default(false),
});

export const outcomeFrameworkSchema = z.strictObject({
  id,
  name,
  outcomes: z.array(z.strictObject({ id, label: name })).min(1),
});

export const goalLinkSchema = z.strictObject({
  goalId: id,
  relation: z.enum(['supports', 'conflicts']),
  resolved: z.boolean().default(false),
  note: z.string().max(2000).optional(),
});

export const goalSchema = record({
  level: z.enum(['joint', 'agency', 'professional']),
  statement: z.string().min(1).max(2000),
  agencyId: id.optional(),
  professionId: id.optional(),
  memberId: id.optional(),
  agreed: z.boolean().default(false),
  agreedOn: date.optional(),
  outcomes: ids.default([]),
  links: z.array(goalLinkSchema).default([]),
  responsibleMemberIds: ids.default([]),
});

export const caseSchema = record({
  pseudonym: z.string().min(1).max(60).describe('never a real name'),
  kind: z.enum(['child', 'family', 'group']).default('child'),
  openedOn: date.optional(),
  closedOn: date.nullable().default(null),
});

export const needSchema = record({
  caseId: id.optional(),
  description: z.string().min(1).max(2000),
  ownerMemberIds: ids.default([]),
  areaId: id.optional(),
});

export const responsibilityAreaSchema = record({
  name,
  description: z.string().max(2000).default(''),
  agreedLeadMemberId: id.nullable().default(null),
});

export const roleClaimSchema = record({
  memberId: id,
  areaIds: ids,
  statement: z.string().max(2000).optional(),
  source: z.enum(['record', 'survey']).default('record'),
});

export const rolePerceptionSchema = record({
  perceiverId: id,
  targetId: id,
  areaIds: ids,
  source: z.enum(['record', 'survey', 'interview']).default('record'),
});

export const PHASES = ['planning', 'doing', 'reviewing'] as const;

export const activitySchema = record({
  date,
  title: z.string().min(1).max(300),
  phase: z.enum(PHASES),
  kind: z.enum([
    'meeting',
    'assessment',
    'intervention',
    'visit',
    'training',
    'review',
    'planning',
    'other',
  ]),
  participantIds: ids.min(1),
  caseId: id.optional(),
  areaIds: ids.default([]),
  goalIds: ids.default([]),
});

export const CHANNELS = [
  'meeting',
  'phone',
  'email',
  'message',
  'letter',
  'sharedRecord',
  'video',
] as const;

export const communicationSchema = record({
  date,
  fromId: id,
  toIds: ids.min(1),
  channel: z.enum(CHANNELS),
  caseId: id.optional(),
  topic: z.string().max(500).optional(),
  areaIds: ids.default([]),
});

export const caseEventSchema = record({
  date,
  caseId: id,
  memberId: id.describe('the member who recorded or acted on the event'),
  kind: z.enum([
    'offence',
    'exclusion',
    'assessment',
    'intervention',
    'placement',
    'incident',
    'other',
  ]),
  description: z.string().max(2000).default(''),
  areaIds: ids.default([]),
});

export const decisionSchema = record({
  date,
  title: z.string().min(1).max(300),
  method: z.enum(['consensus', 'vote', 'leadDecides', 'agencyUnilateral', 'delegated', 'other']),
  decidingAgencyId: id.optional(),
  participantIds: ids.default([]),
  affectedMemberIds: ids.default([]),
  caseId: id.optional(),
});

export const referralSchema = record({
  date,
  fromId: id,
  toId: id,
  caseId: id.optional(),
  reason: z.string().max(2000).default(''),
});

export const coordinatingRecordSchema = record({
  date,
  kind: z.enum(['overlap', 'duplication', 'gap']),
  areaId: id.optional(),
  caseId: id.optional(),
  memberIds: ids.default([]),
  resolution: z.string().min(1).max(2000),
});

export const withheldInformationSchema = record({
  date,
  holderId: id.describe('the member who held the information back'),
  withheldFromIds: ids.min(1),
  caseId: id.optional(),
  rule: z.strictObject({
    kind: z.enum(['policy', 'professionConstraint', 'consent', 'other']),
    policyId: id.optional(),
    professionId: id.optional(),
    constraintId: id.optional(),
    description: z.string().max(2000).default(''),
  }),
  description: z.string().max(2000).default(''),
});

export const policySchema = record({
  name,
  scope: z.enum(['national', 'local', 'agency']),
  agencyIds: ids.default([]),
  description: z.string().max(4000).default(''),
});

export const policyInteractionSchema = record({
  policyIds: z.tuple([id, id]),
  effect: z.enum(['supports', 'conflicts']),
  description: z.string().max(4000).default(''),
  evidenceIds: ids.default([]),
});

export const adaptationSchema = record({
  date,
  policyId: id.optional(),
  kind: z.enum(['interpretation', 'adaptation', 'workaround', 'feedback']),
  description: z.string().min(1).max(4000),
  fedBackTo: z.string().max(300).optional(),
});

export const agencyRelationSchema = record({
  agencyIds: z.tuple([id, id]),
  protocol: z.boolean().default(false),
  pooledBudget: z.boolean().default(false),
  sharedPremises: z.boolean().default(false),
  yearsOfHistory: z.number().min(0).max(100).default(0),
});

export const meetingSeriesSchema = record({
  title: name,
  frequency: z.enum(['weekly', 'fortnightly', 'monthly', 'quarterly', 'adHoc']),
  startDate: date,
  endDate: date.nullable().default(null),
  participantIds: ids.default([]),
});

// ── Surveys ──────────────────────────────────────────────────────────────────

export const answerValueSchema = z.union([
  z.number().int().min(1).max(5),
  z.literal('dontKnow'),
  z.null(),
]);

/** A survey item a deployment adds to the built-in instrument (5-point agreement). */
export const surveyItemSchema = record({
  element: z.enum(ELEMENT_IDS),
  wording: z.string().min(1).max(1000),
  reverseKeyed: z.boolean().default(false),
});

export const waveSchema = record({
  name,
  mode: z.enum(['anonymous', 'identified']),
  opensOn: date,
  closesOn: date.nullable().default(null),
  status: z.enum(['draft', 'open', 'closed']).default('open'),
  instrumentVersion: z.string().max(40).default('1.0.0'),
});

export const contactAnswerSchema = z.strictObject({
  memberId: id,
  frequency: z.enum(CONTACT_FREQUENCIES.map((f) => f.id) as [string, ...string[]]),
  workingLevel: z.enum(FROST_LEVELS),
  roleUnderstanding: z.number().int().min(1).max(5).nullable().default(null),
  trust: z.number().int().min(1).max(5).nullable().default(null),
  roleAreaIds: ids.default([]),
});

export const responseSchema = record({
  waveId: id,
  respondentMemberId: id
    .nullable()
    .default(null)
    .describe('set only in identified waves; null in anonymous ones'),
  submittedAt: dateTime,
  answers: z.record(z.string(), answerValueSchema).describe('keyed by scale item id'),
  goal: z
    .strictObject({
      choice: z.enum(['joint', 'agency', 'other']),
      goalId: id.optional(),
      text: z.string().max(2000).default(''),
    })
    .optional(),
  namedLeadId: id.nullable().optional(),
  ownRoleAreaIds: ids.default([]),
  ownRoleText: z.string().max(2000).optional(),
  contacts: z.array(contactAnswerSchema).max(15).default([]),
});

// ── Qualitative evidence ─────────────────────────────────────────────────────

export const speakerTurnSchema = z.strictObject({
  speaker: z.string().min(1).max(120),
  caseId: id.optional(),
  start: z.number().int().min(0).describe('code point offset into text'),
  end: z.number().int().min(0),
});

export const sourceSchema = record({
  title: name,
  kind: z.enum(['interview', 'focusGroup', 'observation', 'document']),
  date: date.optional(),
  format: z.enum(['text', 'markdown', 'docx', 'qdpx']).default('text'),
  text: z.string().max(5_000_000).describe('plain text, \\n line endings; offsets are code points'),
  participantCaseIds: ids.default([]),
  turns: z.array(speakerTurnSchema).default([]),
});

export const codeSchema = record({
  name,
  parentId: id.nullable().default(null),
  elementId: z.enum(ELEMENT_IDS).optional().describe('the model element this code stands for'),
  description: z.string().max(4000).default(''),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written #rrggbb')
    .optional(),
});

export const coderSchema = record({ name });

export const codingSchema = record({
  sourceId: id,
  codeId: id,
  coderId: id,
  start: z.number().int().min(0).describe('code point offset, inclusive'),
  end: z.number().int().min(0).describe('code point offset, exclusive'),
  memo: z.string().max(4000).optional(),
});

export const memoSchema = record({
  target: z.strictObject({
    kind: z.enum(['source', 'code', 'coding', 'case', 'collaboration']),
    id,
  }),
  text: z.string().min(1).max(20_000),
});

export const attributeDefinitionSchema = z.strictObject({
  name: z.string().min(1).max(120),
  type: z.enum(['text', 'number', 'boolean', 'date']),
});

export const qdaCaseSchema = record({
  name,
  memberId: id.optional(),
  agencyId: id.optional(),
  attributes: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
    .default({}),
});

export const qualitativeSchema = z.strictObject({
  sources: z.array(sourceSchema).default([]),
  codes: z.array(codeSchema).default([]),
  coders: z.array(coderSchema).default([]),
  codings: z.array(codingSchema).default([]),
  memos: z.array(memoSchema).default([]),
  attributes: z.array(attributeDefinitionSchema).default([]),
  cases: z.array(qdaCaseSchema).default([]),
});

// ── The collaboration itself ─────────────────────────────────────────────────

const openness = z.enum(['defined', 'partly', 'open']);

export const collaborationSchema = z.strictObject({
  id,
  name,
  description: z.string().max(4000).default(''),
  fictional: z.boolean().default(false).describe('true for sample data'),
  teamForm: z.enum(['looseNetwork', 'caseTeam', 'structuredTeam']),
  startDate: date,
  plannedEndDate: date.nullable().default(null),
  meantToLast: z.boolean().default(true),
  boundedness: z.strictObject({ aims: openness, resourcing: openness, time: openness }),
  leadMemberId: id.nullable().default(null),
  fundingModel: z.enum(['jointFunding', 'pooledBudget', 'separateBudgets', 'seekingFunds']),
  fundingEndDate: date.nullable().default(null),
  coLocated: z.boolean().default(false),
  outcomeFrameworkId: id.default('ecm'),
  version: z.number().int().min(1).default(1),
});

/** The whole document. */
export const collaborationDocumentSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  collaboration: collaborationSchema,
  outcomeFrameworks: z.array(outcomeFrameworkSchema).default([]),
  agencies: z.array(agencySchema).default([]),
  professions: z.array(professionSchema).default([]),
  members: z.array(memberSchema).default([]),
  goals: z.array(goalSchema).default([]),
  cases: z.array(caseSchema).default([]),
  needs: z.array(needSchema).default([]),
  responsibilityAreas: z.array(responsibilityAreaSchema).default([]),
  roleClaims: z.array(roleClaimSchema).default([]),
  rolePerceptions: z.array(rolePerceptionSchema).default([]),
  activities: z.array(activitySchema).default([]),
  communications: z.array(communicationSchema).default([]),
  caseEvents: z.array(caseEventSchema).default([]),
  decisions: z.array(decisionSchema).default([]),
  referrals: z.array(referralSchema).default([]),
  coordinatingRecords: z.array(coordinatingRecordSchema).default([]),
  withheldInformation: z.array(withheldInformationSchema).default([]),
  policies: z.array(policySchema).default([]),
  policyInteractions: z.array(policyInteractionSchema).default([]),
  adaptations: z.array(adaptationSchema).default([]),
  agencyRelations: z.array(agencyRelationSchema).default([]),
  meetings: z.array(meetingSeriesSchema).default([]),
  surveyItems: z.array(surveyItemSchema).default([]),
  waves: z.array(waveSchema).default([]),
  responses: z.array(responseSchema).default([]),
  qualitative: qualitativeSchema.default({
    sources: [],
    codes: [],
    coders: [],
    codings: [],
    memos: [],
    attributes: [],
    cases: [],
  }),
});

export type CollaborationDocument = z.output<typeof collaborationDocumentSchema>;
export type CollaborationDocumentInput = z.input<typeof collaborationDocumentSchema>;
export type Agency = z.output<typeof agencySchema>;
export type Profession = z.output<typeof professionSchema>;
export type Member = z.output<typeof memberSchema>;
export type Goal = z.output<typeof goalSchema>;
export type Case = z.output<typeof caseSchema>;
export type Need = z.output<typeof needSchema>;
export type ResponsibilityArea = z.output<typeof responsibilityAreaSchema>;
export type RoleClaim = z.output<typeof roleClaimSchema>;
export type RolePerception = z.output<typeof rolePerceptionSchema>;
export type Activity = z.output<typeof activitySchema>;
export type Communication = z.output<typeof communicationSchema>;
export type CaseEvent = z.output<typeof caseEventSchema>;
export type Decision = z.output<typeof decisionSchema>;
export type Referral = z.output<typeof referralSchema>;
export type CoordinatingRecord = z.output<typeof coordinatingRecordSchema>;
export type WithheldInformation = z.output<typeof withheldInformationSchema>;
export type Policy = z.output<typeof policySchema>;
export type PolicyInteraction = z.output<typeof policyInteractionSchema>;
export type Adaptation = z.output<typeof adaptationSchema>;
export type AgencyRelation = z.output<typeof agencyRelationSchema>;
export type MeetingSeries = z.output<typeof meetingSeriesSchema>;
export type Wave = z.output<typeof waveSchema>;
export type SurveyItem = z.output<typeof surveyItemSchema>;
export type SurveyResponse = z.output<typeof responseSchema>;
export type ContactAnswer = z.output<typeof contactAnswerSchema>;
export type Source = z.output<typeof sourceSchema>;
export type Code = z.output<typeof codeSchema>;
export type Coder = z.output<typeof coderSchema>;
export type Coding = z.output<typeof codingSchema>;
export type Memo = z.output<typeof memoSchema>;
export type QdaCase = z.output<typeof qdaCaseSchema>;
export type Collaboration = z.output<typeof collaborationSchema>;

/** Collections of the document holding records, with their schemas, in document order. */
export const RECORD_COLLECTIONS = {
  outcomeFrameworks: outcomeFrameworkSchema,
  agencies: agencySchema,
  professions: professionSchema,
  members: memberSchema,
  goals: goalSchema,
  cases: caseSchema,
  needs: needSchema,
  responsibilityAreas: responsibilityAreaSchema,
  roleClaims: roleClaimSchema,
  rolePerceptions: rolePerceptionSchema,
  activities: activitySchema,
  communications: communicationSchema,
  caseEvents: caseEventSchema,
  decisions: decisionSchema,
  referrals: referralSchema,
  coordinatingRecords: coordinatingRecordSchema,
  withheldInformation: withheldInformationSchema,
  policies: policySchema,
  policyInteractions: policyInteractionSchema,
  adaptations: adaptationSchema,
  agencyRelations: agencyRelationSchema,
  meetings: meetingSeriesSchema,
  surveyItems: surveyItemSchema,
  waves: waveSchema,
  responses: responseSchema,
} as const;
export type RecordCollection = keyof typeof RECORD_COLLECTIONS;

/** Collections of the qualitative part. */
export const QUALITATIVE_COLLECTIONS = {
  sources: sourceSchema,
  codes: codeSchema,
  coders: coderSchema,
  codings: codingSchema,
  memos: memoSchema,
  cases: qdaCaseSchema,
} as const;
export type QualitativeCollection = keyof typeof QUALITATIVE_COLLECTIONS;
