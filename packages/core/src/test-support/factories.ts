import type { CollaborationDocumentInput } from '../document/schema.js';

type Input = CollaborationDocumentInput;
type Item<K extends keyof Input> = NonNullable<Input[K]> extends readonly (infer T)[] ? T : never;

/** A small valid document: two agencies, two professions, three members. */
export function buildDocument(overrides: Partial<Input> = {}): Input {
  return {
    schemaVersion: 1,
    collaboration: {
      id: 'collab-test',
      name: 'Test collaboration',
      fictional: true,
      teamForm: 'caseTeam',
      startDate: '2025-01-06',
      boundedness: { aims: 'defined', resourcing: 'partly', time: 'open' },
      fundingModel: 'separateBudgets',
    },
    agencies: [
      buildAgency({ id: 'ag-school', name: 'Test School', sector: 'education' }),
      buildAgency({ id: 'ag-health', name: 'Test Health Trust', sector: 'health' }),
    ],
    professions: [
      { id: 'pr-teacher', name: 'Teacher' },
      { id: 'pr-ot', name: 'Occupational therapist', regulator: 'HCPC' },
    ],
    members: [
      buildMember({ id: 'm-1', agencyId: 'ag-school', professionId: 'pr-teacher' }),
      buildMember({ id: 'm-2', agencyId: 'ag-health', professionId: 'pr-ot' }),
      buildMember({ id: 'm-3', agencyId: 'ag-health', professionId: 'pr-ot' }),
    ],
    ...overrides,
  };
}

/** An agency with sensible defaults. */
export function buildAgency(overrides: Partial<Item<'agencies'>> = {}): Item<'agencies'> {
  return {
    id: 'ag-x',
    name: 'Agency X',
    sector: 'other',
    statutoryDutyForJointAim: true,
    ...overrides,
  };
}

/** A member with sensible defaults. */
export function buildMember(overrides: Partial<Item<'members'>> = {}): Item<'members'> {
  return {
    id: 'm-x',
    displayName: `Member ${overrides.id ?? 'x'}`,
    professionId: 'pr-teacher',
    agencyId: 'ag-school',
    statusLevel: 3,
    multiAgencyTraining: false,
    priorMultiAgencyExperience: true,
    membershipMode: 'adHoc',
    dedicatedHoursPerWeek: 1,
    startDate: '2025-01-06',
    ...overrides,
  };
}

/** A survey wave with sensible defaults (identified, opening 2025-06-02). */
export function buildWave(overrides: Partial<Item<'waves'>> = {}): Item<'waves'> {
  return { id: 'wave-1', name: 'Wave 1', mode: 'identified', opensOn: '2025-06-02', ...overrides };
}

/** A survey response to `wave-1` with no answers unless given. */
export function buildResponse(overrides: Partial<Item<'responses'>> = {}): Item<'responses'> {
  return {
    id: 'resp-x',
    waveId: 'wave-1',
    submittedAt: '2025-06-03T10:00:00Z',
    answers: {},
    ...overrides,
  };
}

/** A goal with sensible defaults (a joint goal unless `level` is given). */
export function buildGoal(overrides: Partial<Item<'goals'>> = {}): Item<'goals'> {
  return { id: 'goal-x', level: 'joint', statement: `Goal ${overrides.id ?? 'x'}`, ...overrides };
}

/** A responsibility area. */
export function buildResponsibilityArea(
  overrides: Partial<Item<'responsibilityAreas'>> = {},
): Item<'responsibilityAreas'> {
  return { id: 'area-x', name: `Area ${overrides.id ?? 'x'}`, ...overrides };
}

/** A member's claim to responsibility areas. */
export function buildRoleClaim(overrides: Partial<Item<'roleClaims'>> = {}): Item<'roleClaims'> {
  return { id: 'claim-x', memberId: 'm-1', areaIds: [], ...overrides };
}

/** One member's view of another member's responsibility areas. */
export function buildRolePerception(
  overrides: Partial<Item<'rolePerceptions'>> = {},
): Item<'rolePerceptions'> {
  return { id: 'perc-x', perceiverId: 'm-1', targetId: 'm-2', areaIds: [], ...overrides };
}

/** A need (of a child, family or group). */
export function buildNeed(overrides: Partial<Item<'needs'>> = {}): Item<'needs'> {
  return { id: 'need-x', description: `Need ${overrides.id ?? 'x'}`, ...overrides };
}

/** A joint activity (planning phase, a meeting, on 2025-03-03 unless given). */
export function buildActivity(overrides: Partial<Item<'activities'>> = {}): Item<'activities'> {
  return {
    id: 'act-x',
    date: '2025-03-03',
    title: `Activity ${overrides.id ?? 'x'}`,
    phase: 'planning',
    kind: 'meeting',
    participantIds: ['m-1', 'm-2'],
    ...overrides,
  };
}

/** A communication from m-1 to m-2 by email on 2025-03-03 unless given. */
export function buildCommunication(
  overrides: Partial<Item<'communications'>> = {},
): Item<'communications'> {
  return {
    id: 'comm-x',
    date: '2025-03-03',
    fromId: 'm-1',
    toIds: ['m-2'],
    channel: 'email',
    ...overrides,
  };
}

/** A referral from m-1 to m-2 on 2025-03-03 unless given. */
export function buildReferral(overrides: Partial<Item<'referrals'>> = {}): Item<'referrals'> {
  return { id: 'ref-x', date: '2025-03-03', fromId: 'm-1', toId: 'm-2', ...overrides };
}

/** A coordinating record: an overlap resolved between m-1 and m-2 unless given. */
export function buildCoordinatingRecord(
  overrides: Partial<Item<'coordinatingRecords'>> = {},
): Item<'coordinatingRecords'> {
  return {
    id: 'coord-x',
    date: '2025-03-03',
    kind: 'overlap',
    memberIds: ['m-1', 'm-2'],
    resolution: 'Agreed who leads.',
    ...overrides,
  };
}

/** A meeting series (monthly, from the collaboration's start) unless given. */
export function buildMeetingSeries(overrides: Partial<Item<'meetings'>> = {}): Item<'meetings'> {
  return {
    id: 'meet-x',
    title: `Meetings ${overrides.id ?? 'x'}`,
    frequency: 'monthly',
    startDate: '2025-01-06',
    ...overrides,
  };
}

/** A case (a child) with a pseudonym. */
export function buildCase(overrides: Partial<Item<'cases'>> = {}): Item<'cases'> {
  return { id: 'case-x', pseudonym: `Child ${overrides.id ?? 'x'}`, ...overrides };
}

/** A case event recorded by m-1 on case-x on 2025-03-03 unless given. */
export function buildCaseEvent(overrides: Partial<Item<'caseEvents'>> = {}): Item<'caseEvents'> {
  return {
    id: 'ev-x',
    date: '2025-03-03',
    caseId: 'case-x',
    memberId: 'm-1',
    kind: 'other',
    ...overrides,
  };
}

/** A decision by consensus on 2025-03-03 unless given. */
export function buildDecision(overrides: Partial<Item<'decisions'>> = {}): Item<'decisions'> {
  return {
    id: 'dec-x',
    date: '2025-03-03',
    title: `Decision ${overrides.id ?? 'x'}`,
    method: 'consensus',
    ...overrides,
  };
}

/** Information m-1 held back from m-2 under a consent rule on 2025-03-03 unless given. */
export function buildWithheldInformation(
  overrides: Partial<Item<'withheldInformation'>> = {},
): Item<'withheldInformation'> {
  return {
    id: 'wh-x',
    date: '2025-03-03',
    holderId: 'm-1',
    withheldFromIds: ['m-2'],
    rule: { kind: 'consent' },
    ...overrides,
  };
}

/** A national policy. */
export function buildPolicy(overrides: Partial<Item<'policies'>> = {}): Item<'policies'> {
  return { id: 'pol-x', name: `Policy ${overrides.id ?? 'x'}`, scope: 'national', ...overrides };
}

/** Two policies meeting in the collaboration (conflicting unless given). */
export function buildPolicyInteraction(
  overrides: Partial<Item<'policyInteractions'>> = {},
): Item<'policyInteractions'> {
  return { id: 'pi-x', policyIds: ['pol-a', 'pol-b'], effect: 'conflicts', ...overrides };
}

/** A local adaptation of policy (a workaround on 2025-03-03 unless given). */
export function buildAdaptation(overrides: Partial<Item<'adaptations'>> = {}): Item<'adaptations'> {
  return {
    id: 'adapt-x',
    date: '2025-03-03',
    kind: 'workaround',
    description: `Adaptation ${overrides.id ?? 'x'}`,
    ...overrides,
  };
}

/** A relation between the two default agencies (nothing shared unless given). */
export function buildAgencyRelation(
  overrides: Partial<Item<'agencyRelations'>> = {},
): Item<'agencyRelations'> {
  return { id: 'rel-x', agencyIds: ['ag-school', 'ag-health'], ...overrides };
}
