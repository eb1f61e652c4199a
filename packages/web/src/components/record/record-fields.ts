/**
 * The one table the record forms are drawn from: for every editable collection, every field of
 * its schema (packages/core/src/document/schema.ts) with its label, hint and kind of input, and
 * how the collections group along the model's contexts. A unit test walks the document's JSON
 * Schema and fails when a field or an allowed value has no entry here.
 */
import type {
  Activity,
  Adaptation,
  Agency,
  AgencyRelation,
  Case,
  CaseEvent,
  Collaboration,
  Communication,
  CoordinatingRecord,
  Decision,
  Goal,
  MeetingSeries,
  Member,
  Need,
  Policy,
  PolicyInteraction,
  Profession,
  Referral,
  ResponsibilityArea,
  RoleClaim,
  RolePerception,
  WithheldInformation,
} from '@weframe/core';
import type { EditableCollection, StoredRecord } from '../../api/records.js';
import { sectorLabel, teamFormLabel } from '../../labels.js';

/** One allowed value of a choice, in words. */
export interface Option {
  readonly value: string;
  readonly label: string;
}

/**
 * What a blank input sends: `required` and `optional` leave the field out (the server names a
 * missing required field), `nullable` sends null, `blankable` sends an empty string.
 */
export type Presence = 'required' | 'optional' | 'nullable' | 'blankable';

/** Where the choices of a reference come from. */
export type RefSource =
  | 'agencies'
  | 'professions'
  | 'members'
  | 'goals'
  | 'cases'
  | 'responsibilityAreas'
  | 'policies'
  | 'outcomes'
  | 'outcomeFrameworks'
  | 'constraints'
  | 'evidence';

interface Common {
  readonly label: string;
  readonly hint?: string;
}

/** How one field is asked for. */
export type FieldSpec =
  | (Common & {
      readonly kind: 'text';
      readonly presence: Presence;
      readonly maxLength: number;
      /** A paragraph rather than a line. */
      readonly long?: boolean;
    })
  | (Common & {
      readonly kind: 'number';
      readonly presence: Presence;
      readonly min: number;
      readonly max: number;
      readonly step: number;
      readonly initial?: string;
    })
  | (Common & { readonly kind: 'date'; readonly presence: Presence })
  | (Common & {
      readonly kind: 'choice';
      readonly presence: Presence;
      readonly options: readonly Option[];
      /** The values are numbers on the wire. */
      readonly numeric?: boolean;
      /** Drawn as radio buttons (few options with long labels). */
      readonly radios?: boolean;
      readonly initial?: string;
    })
  | (Common & { readonly kind: 'boolean'; readonly initial: boolean })
  | (Common & { readonly kind: 'ref'; readonly presence: Presence; readonly to: RefSource })
  | (Common & { readonly kind: 'refs'; readonly to: RefSource })
  | (Common & {
      readonly kind: 'pair';
      readonly to: RefSource;
      readonly labels: readonly [string, string];
    })
  | (Common & {
      readonly kind: 'group';
      /** "Accountability line": numbered in the form. */
      readonly itemLabel: string;
      readonly addLabel: string;
      readonly fields: FieldTable;
    })
  | (Common & { readonly kind: 'object'; readonly fields: FieldTable })
  | (Common & { readonly kind: 'generatedId'; readonly prefix: string });

/** The fields of one form, in the order they are asked. */
export type FieldTable = Readonly<Record<string, FieldSpec>>;

/** Fields every record carries, handled by the form itself (id, author, confidentiality, version). */
export type MetaField = 'id' | 'author' | 'confidentialTo' | 'version';

/** A table that names every field of `T` but the record metadata: the compiler checks it. */
export type FieldsOf<T> = { readonly [K in Exclude<keyof T, MetaField> & string]-?: FieldSpec };

/** A table naming every field of one nested object type. */
const nested = <T>(fields: { readonly [K in keyof T & string]-?: FieldSpec }): FieldTable => fields;

const options = (pairs: Readonly<Record<string, string>>): Option[] =>
  Object.entries(pairs).map(([value, label]) => ({ value, label }));

const NAME = 300;
const TEXT = 2000;

// ── Allowed values, in words ────────────────────────────────────────────────

export const SECTOR_OPTIONS: readonly Option[] = [
  'education',
  'health',
  'socialCare',
  'youth',
  'youthJustice',
  'police',
  'voluntary',
  'localAuthority',
  'other',
].map((value) => ({ value, label: sectorLabel(value) }));

export const TEAM_FORM_OPTIONS: readonly Option[] = [
  'looseNetwork',
  'caseTeam',
  'structuredTeam',
].map((value) => ({ value, label: teamFormLabel(value) }));

const OPENNESS = options({
  defined: 'Clearly limited',
  partly: 'Partly limited',
  open: 'Open-ended',
});

export const FUNDING_OPTIONS = options({
  jointFunding: 'Joint funding from the agencies',
  pooledBudget: 'A pooled budget',
  separateBudgets: 'Each agency pays from its own budget',
  seekingFunds: 'Still seeking funds',
});

const STATUS_LEVELS = options({
  '1': '1 — trainee or student',
  '2': '2 — practitioner',
  '3': '3 — experienced or senior practitioner',
  '4': '4 — manager or team leader',
  '5': '5 — head of service',
});

const MEMBERSHIP_MODES = options({
  solelyInTeam: 'Works solely in this team',
  seconded: 'Seconded into the team by their agency',
  adHoc: 'Joins when needed, staying in their own agency',
});

const ACCOUNTABILITY_KINDS = options({
  lineManagement: 'Line management',
  professional: 'Professional supervision',
  collaboration: 'The collaboration itself',
  clinical: 'Clinical supervision',
  other: 'Something else',
});

const GOAL_LEVELS = options({
  joint: 'A joint goal of the whole collaboration',
  agency: 'A goal of one agency',
  professional: 'A professional’s own goal',
});

const GOAL_RELATIONS = options({ supports: 'Supports it', conflicts: 'Conflicts with it' });

const CASE_KINDS = options({
  child: 'A child or young person',
  family: 'A family',
  group: 'A group of children',
});

const CLAIM_SOURCES = options({
  record: 'Recorded by the team',
  survey: 'From a survey answer',
});

const PERCEPTION_SOURCES = options({
  record: 'Recorded by the team',
  survey: 'From a survey answer',
  interview: 'From an interview',
});

const PHASES = options({
  planning: 'Planning',
  doing: 'Doing the work',
  reviewing: 'Reviewing',
});

const ACTIVITY_KINDS = options({
  meeting: 'Meeting',
  assessment: 'Assessment',
  intervention: 'Intervention',
  visit: 'Visit',
  training: 'Training',
  review: 'Review',
  planning: 'Planning session',
  other: 'Something else',
});

const CHANNELS = options({
  meeting: 'Face to face, in a meeting',
  phone: 'Phone call',
  email: 'Email',
  message: 'Text or chat message',
  letter: 'Letter',
  sharedRecord: 'Note in a shared record',
  video: 'Video call',
});

const CASE_EVENT_KINDS = options({
  offence: 'Offence',
  exclusion: 'Exclusion from school',
  assessment: 'Assessment',
  intervention: 'Intervention',
  placement: 'Placement',
  incident: 'Incident',
  other: 'Something else',
});

const DECISION_METHODS = options({
  consensus: 'Everyone agreed',
  vote: 'A vote',
  leadDecides: 'The lead decided',
  agencyUnilateral: 'One agency decided alone',
  delegated: 'Someone was given the decision',
  other: 'Some other way',
});

const COORDINATION_KINDS = options({
  overlap: 'Overlap: two people covering the same ground',
  duplication: 'Duplication: the same work done twice',
  gap: 'Gap: something nobody was doing',
});

const RULE_KINDS = options({
  policy: 'A policy',
  professionConstraint: 'A profession’s rule or code',
  consent: 'Consent was not given',
  other: 'Something else',
});

const POLICY_SCOPES = options({
  national: 'National',
  local: 'Local',
  agency: 'One agency’s own',
});

const POLICY_EFFECTS = options({
  supports: 'They support each other',
  conflicts: 'They pull against each other',
});

const ADAPTATION_KINDS = options({
  interpretation: 'Interpreting it locally',
  adaptation: 'Adapting it',
  workaround: 'Working around it',
  feedback: 'Feeding back to those who make it',
});

const FREQUENCIES = options({
  weekly: 'Weekly',
  fortnightly: 'Fortnightly',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  adHoc: 'When needed',
});

const CONSTRAINT_LIMITS = options({
  sharing: 'What may be shared',
  activity: 'What may be done',
});

/** The Every Child Matters outcomes (the built-in outcome framework, `ecm`). */
export const ECM_OUTCOMES: readonly Option[] = options({
  'ecm.healthy': 'Be healthy',
  'ecm.safe': 'Stay safe',
  'ecm.achieve': 'Enjoy and achieve',
  'ecm.contribution': 'Make a positive contribution',
  'ecm.economic': 'Achieve economic well-being',
});

// ── Shared field shapes ─────────────────────────────────────────────────────

const name = (label: string, hint?: string): FieldSpec => ({
  kind: 'text',
  label,
  presence: 'required',
  maxLength: NAME,
  ...(hint ? { hint } : {}),
});
const date = (label = 'Date', presence: Presence = 'required', hint?: string): FieldSpec => ({
  kind: 'date',
  label,
  presence,
  ...(hint ? { hint } : {}),
});
const paragraph = (
  label: string,
  presence: Presence,
  maxLength = TEXT,
  hint?: string,
): FieldSpec => ({
  kind: 'text',
  label,
  presence,
  maxLength,
  long: true,
  ...(hint ? { hint } : {}),
});
const ref = (
  label: string,
  to: RefSource,
  presence: Presence = 'required',
  hint?: string,
): FieldSpec => ({
  kind: 'ref',
  label,
  to,
  presence,
  ...(hint ? { hint } : {}),
});
const refs = (label: string, to: RefSource, hint?: string): FieldSpec => ({
  kind: 'refs',
  label,
  to,
  ...(hint ? { hint } : {}),
});
const choice = (
  label: string,
  values: readonly Option[],
  extra: { presence?: Presence; initial?: string; hint?: string; radios?: boolean } = {},
): FieldSpec => ({ kind: 'choice', label, options: values, presence: 'required', ...extra });
const yesNo = (label: string, initial = false, hint?: string): FieldSpec => ({
  kind: 'boolean',
  label,
  initial,
  ...(hint ? { hint } : {}),
});
const caseRef = ref('Case', 'cases', 'optional');
const areaRefs = refs('Responsibility areas', 'responsibilityAreas');

// ── Every editable collection ───────────────────────────────────────────────

interface RecordTypes {
  members: Member;
  agencies: Agency;
  professions: Profession;
  goals: Goal;
  cases: Case;
  needs: Need;
  responsibilityAreas: ResponsibilityArea;
  roleClaims: RoleClaim;
  rolePerceptions: RolePerception;
  activities: Activity;
  communications: Communication;
  caseEvents: CaseEvent;
  decisions: Decision;
  referrals: Referral;
  coordinatingRecords: CoordinatingRecord;
  withheldInformation: WithheldInformation;
  policies: Policy;
  policyInteractions: PolicyInteraction;
  adaptations: Adaptation;
  agencyRelations: AgencyRelation;
  meetings: MeetingSeries;
}

/** The form of every editable collection: one entry per field of its schema. */
export const RECORD_FIELDS: { readonly [C in EditableCollection]: FieldsOf<RecordTypes[C]> } = {
  agencies: {
    name: name('Name'),
    sector: choice('Sector', SECTOR_OPTIONS),
    statutoryBasis: {
      kind: 'text',
      label: 'Statutory basis',
      hint: 'The law or guidance that gives the agency its part, if any.',
      presence: 'nullable',
      maxLength: 500,
    },
    statutoryDutyForJointAim: yesNo(
      'Holds a legal duty towards the joint aim',
      false,
      'Tick when the law requires this agency to work towards what the collaboration is for.',
    ),
  },
  professions: {
    name: name('Name', 'For example: educational psychologist, occupational therapist.'),
    regulator: {
      kind: 'text',
      label: 'Regulator',
      hint: 'The body that registers and regulates the profession, if any.',
      presence: 'nullable',
      maxLength: NAME,
    },
    codeOfPractice: {
      kind: 'text',
      label: 'Code of practice',
      presence: 'nullable',
      maxLength: NAME,
    },
    constraints: {
      kind: 'group',
      label: 'Limits on what its members may share or do',
      hint: 'Rules of the profession that limit its part in joint work.',
      itemLabel: 'Limit',
      addLabel: 'Add a limit',
      fields: nested<Profession['constraints'][number]>({
        id: { kind: 'generatedId', label: 'Reference', prefix: 'limit' },
        description: paragraph('What the limit is', 'required', 20_000),
        limits: choice('It limits', CONSTRAINT_LIMITS),
        neededByCollaboration: yesNo('The collaboration needs what this limits', true),
      }),
    },
  },
  members: {
    displayName: name(
      'Name',
      'A work name or pseudonym. Members are professionals: never record a child here.',
    ),
    professionId: ref('Profession', 'professions'),
    agencyId: ref('Agency', 'agencies'),
    statusLevel: {
      kind: 'choice',
      label: 'Seniority',
      options: STATUS_LEVELS,
      numeric: true,
      presence: 'required',
    },
    multiAgencyTraining: yesNo('Has had multi-agency training'),
    priorMultiAgencyExperience: yesNo('Has worked in a multi-agency team before'),
    membershipMode: choice('How they are part of the team', MEMBERSHIP_MODES, { radios: true }),
    dedicatedHoursPerWeek: {
      kind: 'number',
      label: 'Hours a week given to the collaboration',
      hint: 'Between 0 and 80; halves are fine (7.5).',
      presence: 'required',
      min: 0,
      max: 80,
      step: 0.5,
    },
    startDate: date('Joined on'),
    endDate: date('Left on', 'nullable', 'Leave blank while they are still in the team.'),
    accountability: {
      kind: 'group',
      label: 'Lines of accountability',
      hint: 'To whom they answer, inside the collaboration and outside it.',
      itemLabel: 'Line',
      addLabel: 'Add a line of accountability',
      fields: nested<Member['accountability'][number]>({
        to: {
          kind: 'text',
          label: 'Answers to',
          presence: 'required',
          maxLength: NAME,
        },
        kind: choice('Kind of line', ACCOUNTABILITY_KINDS),
        agencyId: ref('In agency', 'agencies', 'optional'),
      }),
    },
    accountabilityPrecedence: {
      kind: 'text',
      label: 'Which line wins when two conflict',
      presence: 'nullable',
      maxLength: NAME,
    },
    coLocated: yesNo('Works in the same place as the rest of the team'),
  },
  goals: {
    level: choice('Whose goal', GOAL_LEVELS, { radios: true }),
    statement: paragraph('The goal', 'required'),
    agencyId: ref('Agency', 'agencies', 'optional', 'Needed for an agency’s goal.'),
    professionId: ref('Profession', 'professions', 'optional'),
    memberId: ref('Member', 'members', 'optional', 'For a professional’s own goal.'),
    agreed: yesNo('Agreed by the collaboration'),
    agreedOn: date('Agreed on', 'optional'),
    outcomes: refs('Outcomes it serves', 'outcomes'),
    links: {
      kind: 'group',
      label: 'Links to other goals',
      itemLabel: 'Link',
      addLabel: 'Add a link to another goal',
      fields: nested<Goal['links'][number]>({
        goalId: ref('Other goal', 'goals'),
        relation: choice('This goal', GOAL_RELATIONS),
        resolved: yesNo('The conflict has been resolved'),
        note: { kind: 'text', label: 'Note', presence: 'optional', maxLength: TEXT },
      }),
    },
    responsibleMemberIds: refs('Members responsible for it', 'members'),
  },
  cases: {
    pseudonym: {
      kind: 'text',
      label: 'Pseudonym',
      hint: 'Never a real name: for example “Young person J”.',
      presence: 'required',
      maxLength: 60,
    },
    kind: choice('Kind of case', CASE_KINDS, { initial: 'child' }),
    openedOn: date('Opened on', 'optional'),
    closedOn: date('Closed on', 'nullable'),
  },
  needs: {
    caseId: caseRef,
    description: paragraph('The need', 'required'),
    ownerMemberIds: refs('Members who own it', 'members'),
    areaId: ref('Responsibility area', 'responsibilityAreas', 'optional'),
  },
  responsibilityAreas: {
    name: name('Name', 'For example: fine motor skills, benefits advice.'),
    description: paragraph('Description', 'blankable'),
    agreedLeadMemberId: ref('Agreed lead', 'members', 'nullable'),
  },
  roleClaims: {
    memberId: ref('Member', 'members'),
    areaIds: refs('Areas they say are theirs', 'responsibilityAreas'),
    statement: paragraph('In their words', 'optional'),
    source: choice('Where this comes from', CLAIM_SOURCES, { initial: 'record' }),
  },
  rolePerceptions: {
    perceiverId: ref('Who sees it', 'members'),
    targetId: ref('Whom they see', 'members'),
    areaIds: refs('Areas they see that person holding', 'responsibilityAreas'),
    source: choice('Where this comes from', PERCEPTION_SOURCES, { initial: 'record' }),
  },
  activities: {
    date: date(),
    title: name('Title'),
    phase: choice('Phase of the work', PHASES, { radios: true }),
    kind: choice('Kind', ACTIVITY_KINDS),
    participantIds: refs('Who took part', 'members', 'At least one member.'),
    caseId: caseRef,
    areaIds: areaRefs,
    goalIds: refs('Goals it served', 'goals'),
  },
  communications: {
    date: date(),
    fromId: ref('From', 'members'),
    toIds: refs('To', 'members', 'At least one member.'),
    channel: choice('How', CHANNELS),
    caseId: caseRef,
    topic: { kind: 'text', label: 'Topic', presence: 'optional', maxLength: 500 },
    areaIds: areaRefs,
  },
  caseEvents: {
    date: date(),
    caseId: ref('Case', 'cases'),
    memberId: ref('Recorded by', 'members', 'required', 'The member who recorded or acted on it.'),
    kind: choice('Kind', CASE_EVENT_KINDS),
    description: paragraph('What happened', 'blankable'),
    areaIds: areaRefs,
  },
  decisions: {
    date: date(),
    title: name('Decision'),
    method: choice('How it was reached', DECISION_METHODS),
    decidingAgencyId: ref('Agency that decided', 'agencies', 'optional'),
    participantIds: refs('Who took part', 'members'),
    affectedMemberIds: refs('Whom it affects', 'members'),
    caseId: caseRef,
  },
  referrals: {
    date: date(),
    fromId: ref('From', 'members'),
    toId: ref('To', 'members'),
    caseId: caseRef,
    reason: paragraph('Reason', 'blankable'),
  },
  coordinatingRecords: {
    date: date(),
    kind: choice('What was found', COORDINATION_KINDS, { radios: true }),
    areaId: ref('Responsibility area', 'responsibilityAreas', 'optional'),
    caseId: caseRef,
    memberIds: refs('Members involved', 'members'),
    resolution: paragraph('How it was resolved', 'required'),
  },
  withheldInformation: {
    date: date(),
    holderId: ref('Held back by', 'members'),
    withheldFromIds: refs('Held back from', 'members', 'At least one member.'),
    caseId: caseRef,
    rule: {
      kind: 'object',
      label: 'The rule that held it back',
      fields: nested<WithheldInformation['rule']>({
        kind: choice('Kind of rule', RULE_KINDS),
        policyId: ref('Policy', 'policies', 'optional'),
        professionId: ref('Profession', 'professions', 'optional'),
        constraintId: ref('Limit of that profession', 'constraints', 'optional'),
        description: paragraph('The rule in words', 'blankable'),
      }),
    },
    description: paragraph('What was held back', 'blankable'),
  },
  policies: {
    name: name('Name'),
    scope: choice('Scope', POLICY_SCOPES),
    agencyIds: refs('Agencies it applies to', 'agencies'),
    description: paragraph('Description', 'blankable', 4000),
  },
  policyInteractions: {
    policyIds: {
      kind: 'pair',
      label: 'The two policies',
      to: 'policies',
      labels: ['First policy', 'Second policy'],
    },
    effect: choice('How they meet', POLICY_EFFECTS),
    description: paragraph('Description', 'blankable', 4000),
    evidenceIds: refs('Records that show it', 'evidence'),
  },
  adaptations: {
    date: date(),
    policyId: ref('Policy', 'policies', 'optional'),
    kind: choice('What the team did', ADAPTATION_KINDS),
    description: paragraph('Description', 'required', 4000),
    fedBackTo: { kind: 'text', label: 'Fed back to', presence: 'optional', maxLength: NAME },
  },
  agencyRelations: {
    agencyIds: {
      kind: 'pair',
      label: 'The two agencies',
      to: 'agencies',
      labels: ['First agency', 'Second agency'],
    },
    protocol: yesNo('They have a joint protocol'),
    pooledBudget: yesNo('They pool a budget'),
    sharedPremises: yesNo('They share premises'),
    yearsOfHistory: {
      kind: 'number',
      label: 'Years of working together',
      presence: 'required',
      min: 0,
      max: 100,
      step: 0.5,
      initial: '0',
    },
  },
  meetings: {
    title: name('Title'),
    frequency: choice('How often', FREQUENCIES),
    startDate: date('First meeting'),
    endDate: date('Last meeting', 'nullable', 'Leave blank while the meetings go on.'),
    participantIds: refs('Who attends', 'members'),
  },
};

/** The collaboration's own details (its header), without its id and version. */
export const HEADER_FIELDS: FieldsOf<Omit<Collaboration, 'id'>> = {
  name: name('Name', 'For example: Team around J (Northbridge).'),
  description: paragraph('Description', 'blankable', 4000),
  teamForm: choice('Form of the team', TEAM_FORM_OPTIONS, { radios: true }),
  startDate: date('Started on'),
  plannedEndDate: date('Planned to end on', 'nullable'),
  meantToLast: yesNo('Meant to last (not a short-term project)', true),
  boundedness: {
    kind: 'object',
    label: 'How limited it is',
    hint: 'How tightly the aims, the resources and the time of the collaboration are set.',
    fields: nested<Collaboration['boundedness']>({
      aims: choice('Aims', OPENNESS),
      resourcing: choice('Resourcing', OPENNESS),
      time: choice('Time', OPENNESS),
    }),
  },
  leadMemberId: ref('Lead', 'members', 'nullable', 'The member who leads the collaboration.'),
  fundingModel: choice('Funding', FUNDING_OPTIONS, { radios: true }),
  fundingEndDate: date('Funding ends on', 'nullable'),
  coLocated: yesNo('The team works in one place'),
  outcomeFrameworkId: ref('Outcome framework', 'outcomeFrameworks', 'required'),
  fictional: yesNo('Fictional sample data', false, 'Tick only for examples and training.'),
};

// ── Collections, their names and groups ─────────────────────────────────────

/** How a record is named in tables, selects and messages. */
export type NameOf = (source: RefSource, id: string) => string;

/** What the record page says about one collection. */
export interface CollectionInfo {
  /** Heading: "Members". */
  readonly title: string;
  /** "member" / "members", in running text. */
  readonly one: string;
  readonly many: string;
  /** "Add a member". */
  readonly addLabel: string;
  readonly description: string;
  /** Fields shown as columns after the record's name. */
  readonly columns: readonly string[];
  /** The record's name in a table row or a select. */
  readonly label: (record: StoredRecord, nameOf: NameOf) => string;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const short = (text: string, max = 80): string =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
const dated = (record: StoredRecord, what: string) =>
  `${str(record.date)} — ${short(what || 'untitled')}`;
const labelOf = (values: readonly Option[], value: unknown) =>
  values.find((o) => o.value === String(value))?.label ?? String(value);

export const COLLECTIONS: { readonly [C in EditableCollection]: CollectionInfo } = {
  agencies: {
    title: 'Agencies',
    one: 'agency',
    many: 'agencies',
    addLabel: 'Add an agency',
    description: 'The organisations taking part: schools, health trusts, councils, charities.',
    columns: ['sector', 'statutoryDutyForJointAim'],
    label: (r) => str(r.name),
  },
  professions: {
    title: 'Professions',
    one: 'profession',
    many: 'professions',
    addLabel: 'Add a profession',
    description: 'The professions members belong to, with their regulators and limits.',
    columns: ['regulator', 'constraints'],
    label: (r) => str(r.name),
  },
  members: {
    title: 'Members',
    one: 'member',
    many: 'members',
    addLabel: 'Add a member',
    description: 'The professionals in the collaboration, their agency, time and accountability.',
    columns: ['professionId', 'agencyId', 'startDate', 'endDate'],
    label: (r) => str(r.displayName),
  },
  agencyRelations: {
    title: 'Agency relations',
    one: 'agency relation',
    many: 'agency relations',
    addLabel: 'Add an agency relation',
    description: 'What ties two agencies: protocols, pooled budgets, shared premises, history.',
    columns: ['protocol', 'pooledBudget', 'sharedPremises', 'yearsOfHistory'],
    label: (r, nameOf) =>
      (Array.isArray(r.agencyIds) ? r.agencyIds : [])
        .map((id) => nameOf('agencies', String(id)))
        .join(' and '),
  },
  goals: {
    title: 'Goals',
    one: 'goal',
    many: 'goals',
    addLabel: 'Add a goal',
    description: 'Joint, agency and professional goals, and how they support or conflict.',
    columns: ['level', 'agreed', 'links'],
    label: (r) => short(str(r.statement)),
  },
  responsibilityAreas: {
    title: 'Responsibility areas',
    one: 'responsibility area',
    many: 'responsibility areas',
    addLabel: 'Add a responsibility area',
    description: 'The parts of the work someone must hold, and who is agreed to lead each.',
    columns: ['agreedLeadMemberId'],
    label: (r) => str(r.name),
  },
  roleClaims: {
    title: 'Role claims',
    one: 'role claim',
    many: 'role claims',
    addLabel: 'Add a role claim',
    description: 'The areas each member says are theirs.',
    columns: ['areaIds', 'source'],
    label: (r, nameOf) => nameOf('members', str(r.memberId)),
  },
  rolePerceptions: {
    title: 'Role perceptions',
    one: 'role perception',
    many: 'role perceptions',
    addLabel: 'Add a role perception',
    description: 'The areas one member sees another holding.',
    columns: ['areaIds', 'source'],
    label: (r, nameOf) =>
      `${nameOf('members', str(r.perceiverId))} about ${nameOf('members', str(r.targetId))}`,
  },
  activities: {
    title: 'Joint activities',
    one: 'activity',
    many: 'activities',
    addLabel: 'Add an activity',
    description: 'What members do together, at each phase: planning, doing, reviewing.',
    columns: ['phase', 'kind', 'participantIds'],
    label: (r) => dated(r, str(r.title)),
  },
  communications: {
    title: 'Communications',
    one: 'communication',
    many: 'communications',
    addLabel: 'Add a communication',
    description: 'Who told whom, how, and about what.',
    columns: ['fromId', 'toIds', 'channel'],
    label: (r) => dated(r, str(r.topic) || labelOf(CHANNELS, r.channel)),
  },
  meetings: {
    title: 'Meeting series',
    one: 'meeting series',
    many: 'meeting series',
    addLabel: 'Add a meeting series',
    description: 'Meetings held regularly, and who attends.',
    columns: ['frequency', 'startDate', 'endDate'],
    label: (r) => str(r.title),
  },
  decisions: {
    title: 'Decisions',
    one: 'decision',
    many: 'decisions',
    addLabel: 'Add a decision',
    description: 'How decisions were reached, who took part and whom they affect.',
    columns: ['method', 'participantIds'],
    label: (r) => dated(r, str(r.title)),
  },
  referrals: {
    title: 'Referrals',
    one: 'referral',
    many: 'referrals',
    addLabel: 'Add a referral',
    description: 'One member passing work or a case to another.',
    columns: ['fromId', 'toId'],
    label: (r, nameOf) =>
      dated(r, `${nameOf('members', str(r.fromId))} to ${nameOf('members', str(r.toId))}`),
  },
  coordinatingRecords: {
    title: 'Overlaps, duplication and gaps',
    one: 'coordinating record',
    many: 'coordinating records',
    addLabel: 'Add an overlap, duplication or gap',
    description: 'Overlaps, duplicated work and gaps the team found, and how it sorted them out.',
    columns: ['kind', 'memberIds'],
    label: (r) => dated(r, str(r.resolution)),
  },
  withheldInformation: {
    title: 'Information held back',
    one: 'record of information held back',
    many: 'records of information held back',
    addLabel: 'Add information held back',
    description: 'Information a member could not share, and the rule that stopped them.',
    columns: ['holderId', 'withheldFromIds'],
    label: (r) => dated(r, str(r.description)),
  },
  cases: {
    title: 'Cases',
    one: 'case',
    many: 'cases',
    addLabel: 'Add a case',
    description: 'The children, families or groups the collaboration works with, by pseudonym.',
    columns: ['kind', 'openedOn', 'closedOn'],
    label: (r) => str(r.pseudonym),
  },
  needs: {
    title: 'Needs',
    one: 'need',
    many: 'needs',
    addLabel: 'Add a need',
    description: 'What a child or group needs, and who owns each need.',
    columns: ['caseId', 'ownerMemberIds'],
    label: (r) => short(str(r.description)),
  },
  caseEvents: {
    title: 'Case events',
    one: 'case event',
    many: 'case events',
    addLabel: 'Add a case event',
    description: 'What happened on a case: assessments, exclusions, offences, placements.',
    columns: ['caseId', 'kind', 'memberId'],
    label: (r) => dated(r, labelOf(CASE_EVENT_KINDS, r.kind)),
  },
  policies: {
    title: 'Policies',
    one: 'policy',
    many: 'policies',
    addLabel: 'Add a policy',
    description: 'National, local and agency policies the collaboration works under.',
    columns: ['scope', 'agencyIds'],
    label: (r) => str(r.name),
  },
  policyInteractions: {
    title: 'Policy interactions',
    one: 'policy interaction',
    many: 'policy interactions',
    addLabel: 'Add a policy interaction',
    description: 'Where two policies meet here, and whether they help or hinder each other.',
    columns: ['effect'],
    label: (r, nameOf) =>
      (Array.isArray(r.policyIds) ? r.policyIds : [])
        .map((id) => nameOf('policies', String(id)))
        .join(' and '),
  },
  adaptations: {
    title: 'Adaptations and feedback',
    one: 'adaptation',
    many: 'adaptations',
    addLabel: 'Add an adaptation',
    description: 'How the team interpreted, adapted or worked around policy, and what it fed back.',
    columns: ['policyId', 'kind'],
    label: (r) => dated(r, str(r.description)),
  },
};

/** The record grouped along the model's contexts. */
export const RECORD_GROUPS: readonly {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly collections: readonly EditableCollection[];
}[] = [
  {
    id: 'people',
    title: 'People and agencies',
    description: 'Who takes part, and how the agencies are tied to each other.',
    collections: ['agencies', 'professions', 'members', 'agencyRelations'],
  },
  {
    id: 'goals',
    title: 'Goals and roles',
    description: 'What the collaboration is for, and who holds which part of it.',
    collections: ['goals', 'responsibilityAreas', 'roleClaims', 'rolePerceptions'],
  },
  {
    id: 'process',
    title: 'Joint work and communication',
    description: 'What members do together, say to each other and decide.',
    collections: [
      'activities',
      'communications',
      'meetings',
      'decisions',
      'referrals',
      'coordinatingRecords',
      'withheldInformation',
    ],
  },
  {
    id: 'cases',
    title: 'Cases',
    description: 'The children and families, under pseudonyms, their needs and events.',
    collections: ['cases', 'needs', 'caseEvents'],
  },
  {
    id: 'policy',
    title: 'Policy',
    description: 'The policies around the collaboration and how the team meets them.',
    collections: ['policies', 'policyInteractions', 'adaptations'],
  },
];

/** The reference sources a form's fields draw on, nested groups included. */
export function refSourcesOf(fields: FieldTable): Set<RefSource> {
  const out = new Set<RefSource>();
  for (const spec of Object.values(fields)) {
    if (spec.kind === 'ref' || spec.kind === 'refs' || spec.kind === 'pair') out.add(spec.to);
    if (spec.kind === 'group' || spec.kind === 'object')
      for (const s of refSourcesOf(spec.fields)) out.add(s);
  }
  return out;
}
