import { describe, expect, it } from 'vitest';
import { restoreOrThrow } from '../../document/restore.js';
import type { CollaborationDocumentInput } from '../../document/schema.js';
import {
  buildActivity,
  buildCase,
  buildCaseEvent,
  buildCommunication,
  buildCoordinatingRecord,
  buildDecision,
  buildDocument,
  buildGoal,
  buildMember,
  buildNeed,
  buildResponse,
  buildResponsibilityArea,
  buildRoleClaim,
  buildWave,
  buildWithheldInformation,
} from '../../test-support/factories.js';
import { analysisContext } from '../context.js';
import { runIndicator } from '../indicator.js';
import { processIndicators } from './process.js';

const AS_OF = '2025-12-31';

function result(id: string, overrides: Partial<CollaborationDocumentInput> = {}, asOf = AS_OF) {
  const def = processIndicators.find((d) => d.id === id);
  if (def === undefined) throw new Error(`no indicator ${id}`);
  const ctx = analysisContext(restoreOrThrow(buildDocument(overrides)), { asOf });
  return runIndicator(def, ctx);
}

const ids = (r: { evidence: readonly { id: string }[] }) => r.evidence.map((e) => e.id);

/** `k` members m-1 … m-k, alternating between the two default agencies. */
const members = (k: number, extra: Partial<Parameters<typeof buildMember>[0]> = {}) =>
  Array.from({ length: k }, (_, i) =>
    buildMember({
      id: `m-${i + 1}`,
      displayName: `Member ${i + 1}`,
      agencyId: i % 2 === 0 ? 'ag-school' : 'ag-health',
      professionId: i % 2 === 0 ? 'pr-teacher' : 'pr-ot',
      ...extra,
    }),
  );

/** `k` communications from m-1 to m-2 (or as given) in the window. */
const comms = (k: number, from = 'm-1', to = 'm-2', prefix = 'c') =>
  Array.from({ length: k }, (_, i) =>
    buildCommunication({ id: `${prefix}-${i}`, date: '2025-09-01', fromId: from, toIds: [to] }),
  );

describe('every process indicator', () => {
  it('has a unique id under its element and never throws on an empty document', () => {
    const seen = new Set<string>();
    for (const def of processIndicators) {
      expect(def.id.startsWith(`${def.element}.`)).toBe(true);
      expect(seen.has(def.id)).toBe(false);
      seen.add(def.id);
      const r = result(def.id, { members: [], agencies: [], professions: [] });
      expect(
        r.status === 'insufficient' ||
          def.id.endsWith('jointGoalDefined') ||
          def.id.endsWith('duration.age'),
      ).toBe(true);
      expect(JSON.stringify(r)).not.toContain('NaN');
    }
  });
});

describe('process.jointActivities.phaseCoverage', () => {
  const id = 'process.jointActivities.phaseCoverage';
  const act = (
    i: string,
    phase: 'planning' | 'doing' | 'reviewing',
    date = '2025-10-01',
    participantIds = ['m-1', 'm-2'],
  ) => buildActivity({ id: i, phase, date, participantIds });

  it('is insufficient with no activity recorded at all', () => {
    expect(result(id).status).toBe('insufficient');
  });

  it('is a concern when no joint activity fell in the last 6 months', () => {
    // 6 months before 2025-12-31 is 2025-06-30: that day is outside the window.
    const r = result(id, { activities: [act('a-old', 'doing', '2025-06-30')] });
    expect(r.status).toBe('concern');
    expect(r.value).toEqual([]);
  });

  it('is a concern with planning only, and ignores one-person activities', () => {
    const r = result(id, {
      activities: [
        act('a-plan', 'planning', '2025-07-01'),
        act('a-solo', 'doing', '2025-10-01', ['m-1']),
      ],
    });
    expect(r.status).toBe('concern');
    expect(ids(r)).toEqual(['a-plan']);
  });

  it('is ok with planning and doing but no review', () => {
    const r = result(id, { activities: [act('a-plan', 'planning'), act('a-do', 'doing')] });
    expect(r.status).toBe('ok');
    expect(r.value).toEqual(['planning', 'doing']);
  });

  it('is a strength when planning, doing and reviewing were all joint', () => {
    const r = result(id, {
      activities: [act('a-plan', 'planning'), act('a-do', 'doing'), act('a-rev', 'reviewing')],
    });
    expect(r.status).toBe('strength');
    expect(ids(r)).toEqual(['a-plan', 'a-do', 'a-rev']);
  });
});

describe('process.jointActivities.participation', () => {
  const id = 'process.jointActivities.participation';
  const joint = [buildActivity({ id: 'a1', date: '2025-10-01', participantIds: ['m-1', 'm-2'] })];

  it('is insufficient with fewer than 3 members', () => {
    expect(result(id, { members: members(2), activities: joint }).status).toBe('insufficient');
  });

  it('is ok at exactly 50 % (2 of 4)', () => {
    const r = result(id, { members: members(4), activities: joint });
    expect(r.value).toBe(0.5);
    expect(r.status).toBe('ok');
  });

  it('is a concern below 50 % (2 of 5), naming who took no part', () => {
    const r = result(id, { members: members(5), activities: joint });
    expect(r.value).toBe(0.4);
    expect(r.status).toBe('concern');
    expect(ids(r)).toEqual(['m-3', 'm-4', 'm-5']);
    expect(r.finding).toContain('Member 3');
  });
});

describe('process.duration.age', () => {
  const id = 'process.duration.age';
  const collaboration = (extra: Record<string, unknown> = {}) => ({
    collaboration: {
      ...buildDocument().collaboration,
      startDate: '2025-01-06',
      ...extra,
    },
  });

  it('watches a collaboration meant to last that is younger than 36 months', () => {
    const r = result(id, collaboration(), '2028-01-05');
    expect(r.value).toBe(35);
    expect(r.status).toBe('watch');
    expect(r.finding).toContain('Easen et al (2000)');
  });

  it('is ok from 36 months', () => {
    const r = result(id, collaboration(), '2028-01-06');
    expect(r.value).toBe(36);
    expect(r.status).toBe('ok');
  });

  it('is ok when young but not meant to last, and notes a short fixed term', () => {
    const r = result(
      id,
      collaboration({ meantToLast: false, plannedEndDate: '2026-12-31' }),
      '2025-12-31',
    );
    expect(r.status).toBe('ok');
    expect(r.finding).toContain('short fixed-term');
    expect(r.finding).toContain('Milbourne 2005; Salmon 2004');
    expect(r.details).toMatchObject({ shortFixedTerm: true, plannedMonths: 23 });
  });

  it('does not call a planned 36-month project short', () => {
    const r = result(id, collaboration({ plannedEndDate: '2028-01-06' }), '2025-12-31');
    expect(r.details).toMatchObject({ shortFixedTerm: false });
    expect(r.finding).not.toContain('short fixed-term');
  });
});

describe('process.continuity.turnover', () => {
  const id = 'process.continuity.turnover';
  // Ten members from 2024-01-01; `k` of them leave in the window and are replaced, so the
  // headcount is 10 at both ends and turnover is k / 10.
  const staff = (k: number) => [
    ...Array.from({ length: 10 }, (_, i) =>
      buildMember({
        id: `m-${i + 1}`,
        startDate: '2024-01-01',
        ...(i < k ? { endDate: '2025-08-01' } : {}),
      }),
    ),
    ...Array.from({ length: k }, (_, i) =>
      buildMember({ id: `new-${i + 1}`, startDate: '2025-08-01' }),
    ),
  ];

  it('is ok below 0.20 (1 in 10)', () => {
    const r = result(id, { members: staff(1) });
    expect(r.value).toBe(0.1);
    expect(r.status).toBe('ok');
  });

  it('watches at 0.20 (2 in 10), naming the leavers', () => {
    const r = result(id, { members: staff(2) });
    expect(r.value).toBe(0.2);
    expect(r.status).toBe('watch');
    expect(ids(r)).toEqual(['m-1', 'm-2']);
  });

  it('watches just below 0.40 and is a concern at 0.40', () => {
    expect(result(id, { members: staff(3) }).status).toBe('watch');
    const r = result(id, { members: staff(4) });
    expect(r.value).toBe(0.4);
    expect(r.status).toBe('concern');
  });

  it('does not count a member who left on the window’s first day (outside it)', () => {
    const r = result(id, {
      members: [
        ...staff(0).slice(0, 9),
        buildMember({ id: 'm-10', startDate: '2024-01-01', endDate: '2024-12-31' }),
      ],
    });
    expect(r.details).toMatchObject({ leavers: 0 });
  });

  it('needs 6 months of membership history', () => {
    const young = { members: members(3, { startDate: '2025-01-06' }) };
    expect(result(id, young, '2025-07-05').status).toBe('insufficient');
    expect(result(id, young, '2025-07-06').status).toBe('ok');
  });
});

describe('process.continuity.keyPeople', () => {
  const id = 'process.continuity.keyPeople';

  it('watches when one member is the only link (a path m-1 – m-2 – m-3)', () => {
    const r = result(id, {
      communications: [...comms(3, 'm-1', 'm-2'), ...comms(2, 'm-2', 'm-3', 'd')],
    });
    expect(r.status).toBe('watch');
    expect(r.value).toEqual(['m-2']);
    expect(ids(r)).toEqual(['m-2']);
  });

  it('is ok in a triangle', () => {
    const r = result(id, {
      communications: [
        ...comms(3, 'm-1', 'm-2'),
        ...comms(1, 'm-2', 'm-3', 'd'),
        ...comms(1, 'm-3', 'm-1', 'e'),
      ],
    });
    expect(r.status).toBe('ok');
  });

  it('is insufficient with 4 contacts, or with 2 members', () => {
    expect(
      result(id, { communications: [...comms(2), ...comms(2, 'm-2', 'm-3', 'd')] }).status,
    ).toBe('insufficient');
    expect(result(id, { members: members(2), communications: comms(6) }).status).toBe(
      'insufficient',
    );
  });
});

describe('process.continuity.tieRetention', () => {
  const id = 'process.continuity.tieRetention';
  const contact = (memberId: string, frequency = 'weekly') => ({
    memberId,
    frequency,
    workingLevel: 'cooperation',
  });
  const doc = (now: string[], prevMode: 'identified' | 'anonymous' = 'identified') => ({
    members: members(6),
    waves: [
      buildWave({ id: 'w-0', opensOn: '2025-03-01', mode: prevMode }),
      buildWave({ id: 'w-1', opensOn: '2025-09-01' }),
    ],
    responses: [
      prevMode === 'identified'
        ? buildResponse({
            id: 'r-0',
            waveId: 'w-0',
            respondentMemberId: 'm-1',
            contacts: ['m-2', 'm-3', 'm-4', 'm-5', 'm-6'].map((m) => contact(m)),
          })
        : buildResponse({ id: 'r-0', waveId: 'w-0' }),
      buildResponse({
        id: 'r-1',
        waveId: 'w-1',
        respondentMemberId: 'm-1',
        contacts: now.map((m) => contact(m)),
      }),
    ],
  });

  it('is ok at 60 % of earlier ties kept (3 of 5)', () => {
    const r = result(id, doc(['m-2', 'm-3', 'm-4']));
    expect(r.value).toBe(0.6);
    expect(r.status).toBe('ok');
  });

  it('watches below 60 % (2 of 5), listing the lapsed pairs', () => {
    const r = result(id, doc(['m-2', 'm-3']));
    expect(r.value).toBe(0.4);
    expect(r.status).toBe('watch');
    expect(ids(r)).toEqual(['w-0', 'w-1', 'm-1→m-4', 'm-1→m-5', 'm-1→m-6']);
  });

  it('counts a contact now answered "not at all" as lapsed', () => {
    const d = doc(['m-2', 'm-3', 'm-4']);
    d.responses[1] = buildResponse({
      id: 'r-1',
      waveId: 'w-1',
      respondentMemberId: 'm-1',
      contacts: [contact('m-2'), contact('m-3'), contact('m-4', 'never')],
    });
    expect(result(id, d).value).toBe(0.4);
  });

  it('is insufficient without two identified waves', () => {
    expect(result(id, doc(['m-2'], 'anonymous')).status).toBe('insufficient');
  });
});

describe('process.teamReasoning.purposes.jointGoalDefined', () => {
  const id = 'process.teamReasoning.purposes.jointGoalDefined';

  it('is a concern with no joint goal', () => {
    const r = result(id, {
      goals: [buildGoal({ id: 'g-a', level: 'agency', agencyId: 'ag-school' })],
    });
    expect(r.status).toBe('concern');
  });

  it('is a concern when the joint goal is recorded but not agreed (or agreed after the as-of date)', () => {
    expect(result(id, { goals: [buildGoal({ id: 'g-j' })] }).status).toBe('concern');
    expect(
      result(id, { goals: [buildGoal({ id: 'g-j', agreed: true, agreedOn: '2026-01-05' })] })
        .status,
    ).toBe('concern');
  });

  it('is ok with an agreed joint goal', () => {
    const r = result(id, {
      goals: [buildGoal({ id: 'g-j', agreed: true, agreedOn: '2025-02-01' })],
    });
    expect(r.status).toBe('ok');
    expect(ids(r)).toEqual(['g-j']);
  });
});

describe('process.teamReasoning.purposes.goalConflicts', () => {
  const id = 'process.teamReasoning.purposes.goalConflicts';
  const joint = buildGoal({ id: 'g-j', agreed: true });

  it('is a concern for an unresolved conflict, with the goals on both sides as evidence', () => {
    const r = result(id, {
      goals: [
        joint,
        buildGoal({
          id: 'g-school',
          level: 'agency',
          agencyId: 'ag-school',
          links: [{ goalId: 'g-j', relation: 'conflicts' }],
        }),
      ],
    });
    expect(r.status).toBe('concern');
    expect(ids(r)).toEqual(['g-school', 'g-j']);
    expect(r.finding).toContain('Test School');
  });

  it('reads a conflict recorded on the joint goal too', () => {
    const r = result(id, {
      goals: [
        buildGoal({ id: 'g-j', links: [{ goalId: 'g-prof', relation: 'conflicts' }] }),
        buildGoal({ id: 'g-prof', level: 'professional', professionId: 'pr-ot' }),
      ],
    });
    expect(r.value).toBe(1);
  });

  it('is ok when the conflict is resolved, or only supports', () => {
    const r = result(id, {
      goals: [
        joint,
        buildGoal({
          id: 'g-a',
          level: 'agency',
          agencyId: 'ag-school',
          links: [{ goalId: 'g-j', relation: 'conflicts', resolved: true }],
        }),
        buildGoal({
          id: 'g-b',
          level: 'agency',
          agencyId: 'ag-health',
          links: [{ goalId: 'g-j', relation: 'supports' }],
        }),
      ],
    });
    expect(r.status).toBe('ok');
  });

  it('is insufficient without a joint goal or without agency goals', () => {
    expect(
      result(id, { goals: [buildGoal({ id: 'g-a', level: 'agency', agencyId: 'ag-school' })] })
        .status,
    ).toBe('insufficient');
    expect(result(id, { goals: [joint] }).status).toBe('insufficient');
  });
});

describe('process.teamReasoning.purposes.agreement', () => {
  const id = 'process.teamReasoning.purposes.agreement';
  /** Three respondents; `columns` gives each item's three answers (PU1..PU4). */
  const answers = (columns: [number, number, number][]) => ({
    waves: [buildWave({ id: 'w-1', opensOn: '2025-09-01' })],
    responses: [0, 1, 2].map((k) =>
      buildResponse({
        id: `r-${k}`,
        waveId: 'w-1',
        answers: Object.fromEntries(columns.map((col, j) => [`PU${j + 1}`, col[k]!])),
      }),
    ),
  });
  const v133: [number, number, number] = [2, 4, 4]; // item variance 4/3
  const v1: [number, number, number] = [3, 4, 5]; // 1
  const v233: [number, number, number] = [2, 4, 5]; // 7/3

  it('is ok just above 0.70', () => {
    const r = result(id, answers([v133, v133, v133, v1]));
    expect(r.value).toBeCloseTo(0.706, 3);
    expect(r.status).toBe('ok');
    expect(r.survey?.respondents).toBe(3);
  });

  it('watches just below 0.70', () => {
    const r = result(id, answers([v133, v133, v133, v133]));
    expect(r.value).toBeCloseTo(0.667, 3);
    expect(r.status).toBe('watch');
  });

  it('watches just above 0.50 and is a concern below it', () => {
    const above = result(id, answers([v233, v133, v133, v133]));
    expect(above.value).toBeCloseTo(0.513, 3);
    expect(above.status).toBe('watch');
    const below = result(id, answers([v233, v233, v1, v1]));
    expect(below.value).toBeCloseTo(0.444, 3);
    expect(below.status).toBe('concern');
  });

  it('is insufficient with 2 respondents', () => {
    const d = answers([v1, v1, v1, v1]);
    d.responses.pop();
    expect(result(id, d).status).toBe('insufficient');
  });
});

describe('process.teamReasoning.communication.network', () => {
  const id = 'process.teamReasoning.communication.network';
  const ring = (k: number) =>
    [
      ['m-1', 'm-2'],
      ['m-2', 'm-3'],
      ['m-3', 'm-4'],
      ['m-4', 'm-5'],
      ['m-5', 'm-1'],
      ['m-2', 'm-1'],
    ]
      .slice(0, k)
      .map(([from, to], i) =>
        buildCommunication({ id: `c-${i}`, date: '2025-09-01', fromId: from!, toIds: [to!] }),
      );

  it('is ok at a density of exactly 0.30 (6 of 20 ties)', () => {
    const r = result(id, { members: members(5), communications: ring(6) });
    expect(r.value).toMatchObject({ density: 0.3 });
    expect(r.status).toBe('ok');
  });

  it('watches below 0.30 (5 of 20 ties)', () => {
    const r = result(id, { members: members(5), communications: ring(5) });
    expect(r.value).toMatchObject({ density: 0.25, reciprocity: 0 });
    expect(r.status).toBe('watch');
  });

  it('is insufficient with 4 contacts', () => {
    expect(result(id, { members: members(5), communications: ring(4) }).status).toBe(
      'insufficient',
    );
  });
});

describe('process.teamReasoning.communication.isolates', () => {
  const id = 'process.teamReasoning.communication.isolates';

  it('is a concern when a member has no tie', () => {
    const r = result(id, { communications: comms(5) });
    expect(r.status).toBe('concern');
    expect(ids(r)).toEqual(['m-3']);
  });

  it('is ok once everyone has a tie', () => {
    expect(
      result(id, { communications: [...comms(4), ...comms(1, 'm-3', 'm-1', 'd')] }).status,
    ).toBe('ok');
  });
});

describe('process.teamReasoning.communication.notLoopedIn', () => {
  const id = 'process.teamReasoning.communication.notLoopedIn';
  const base = (
    extra: Partial<CollaborationDocumentInput> = {},
  ): Partial<CollaborationDocumentInput> => ({
    cases: [buildCase({ id: 'case-x' }), buildCase({ id: 'case-y' })],
    responsibilityAreas: [
      buildResponsibilityArea({ id: 'area-ed' }),
      buildResponsibilityArea({ id: 'area-off' }),
    ],
    roleClaims: [buildRoleClaim({ id: 'cl-2', memberId: 'm-2', areaIds: ['area-ed'] })],
    caseEvents: [
      buildCaseEvent({
        id: 'ev-1',
        date: '2025-09-01',
        memberId: 'm-1',
        caseId: 'case-x',
        areaIds: ['area-off', 'area-ed'],
      }),
    ],
    ...extra,
  });
  const tell = (date: string, extra: Partial<Parameters<typeof buildCommunication>[0]> = {}) =>
    buildCommunication({ id: `c-${date}`, date, fromId: 'm-1', toIds: ['m-2'], ...extra });

  it('is a concern when nobody told the member holding the area, naming the event and the member', () => {
    const r = result(id, base());
    expect(r.status).toBe('concern');
    expect(ids(r)).toEqual(['ev-1', 'm-2']);
    expect(r.finding).toContain('Member m-2');
  });

  it('counts a communication on the 14th day after the event, not on the 15th', () => {
    expect(result(id, base({ communications: [tell('2025-09-15')] })).status).toBe('ok');
    expect(result(id, base({ communications: [tell('2025-09-16')] })).status).toBe('concern');
  });

  it('does not count a communication before the event or about another case', () => {
    expect(result(id, base({ communications: [tell('2025-08-31')] })).status).toBe('concern');
    expect(
      result(id, base({ communications: [tell('2025-09-02', { caseId: 'case-y' })] })).status,
    ).toBe('concern');
  });

  it('accepts a communication from anyone to the member', () => {
    expect(
      result(id, base({ communications: [tell('2025-09-05', { fromId: 'm-3' })] })).status,
    ).toBe('ok');
  });

  it('also checks members owning a need in the area on that case', () => {
    const r = result(
      id,
      base({
        roleClaims: [],
        needs: [
          buildNeed({
            id: 'need-1',
            caseId: 'case-x',
            areaId: 'area-off',
            ownerMemberIds: ['m-3'],
          }),
        ],
      }),
    );
    expect(ids(r)).toEqual(['ev-1', 'm-3']);
  });

  it('is insufficient when no event touches another member’s area', () => {
    expect(
      result(
        id,
        base({
          roleClaims: [buildRoleClaim({ id: 'cl-1', memberId: 'm-1', areaIds: ['area-ed'] })],
        }),
      ).status,
    ).toBe('insufficient');
  });

  it('does not judge an event whose 14 days have not yet passed', () => {
    const r = result(id, base(), '2025-09-10');
    expect(r.status).toBe('insufficient');
    expect(r.details).toMatchObject({ pending: ['ev-1'] });
  });

  it('ignores a member not yet in post on the event date', () => {
    const r = result(
      id,
      base({
        members: [
          ...members(3).slice(0, 1),
          buildMember({
            id: 'm-2',
            agencyId: 'ag-health',
            professionId: 'pr-ot',
            startDate: '2025-10-01',
          }),
          ...members(3).slice(2),
        ],
      }),
    );
    expect(r.status).toBe('insufficient');
  });
});

describe('process.teamReasoning.communication.asymmetricTies', () => {
  const id = 'process.teamReasoning.communication.asymmetricTies';
  const contact = (memberId: string, frequency: string) => ({
    memberId,
    frequency,
    workingLevel: 'cooperation',
  });
  const wave = (m1: string, m2: ReturnType<typeof contact>[], respondents = 3) => ({
    waves: [buildWave({ id: 'w-1', opensOn: '2025-09-01' })],
    responses: [
      buildResponse({
        id: 'r-1',
        waveId: 'w-1',
        respondentMemberId: 'm-1',
        contacts: [contact('m-2', m1)],
      }),
      buildResponse({ id: 'r-2', waveId: 'w-1', respondentMemberId: 'm-2', contacts: m2 }),
      buildResponse({ id: 'r-3', waveId: 'w-1', respondentMemberId: 'm-3' }),
    ].slice(0, respondents),
  });

  it('watches when A reports weekly contact and B names no contact with A', () => {
    const r = result(id, wave('weekly', []));
    expect(r.status).toBe('watch');
    expect(ids(r)).toEqual(['w-1', 'm-1→m-2']);
  });

  it('watches when B answers "not at all" to daily contact', () => {
    expect(result(id, wave('daily', [contact('m-1', 'never')])).status).toBe('watch');
  });

  it('is ok when B reports any contact, or A reports only monthly contact', () => {
    expect(result(id, wave('weekly', [contact('m-1', 'rarely')])).status).toBe('ok');
    expect(result(id, wave('monthly', [])).status).toBe('ok');
  });

  it('is insufficient with fewer than 3 identified respondents', () => {
    expect(result(id, wave('weekly', [], 2)).status).toBe('insufficient');
  });
});

describe('process.teamReasoning.communication.sharingBlocked', () => {
  const id = 'process.teamReasoning.communication.sharingBlocked';

  it('watches at one withheld record, citing its id but never its text', () => {
    const r = result(id, {
      withheldInformation: [
        buildWithheldInformation({
          id: 'wh-1',
          description: 'SECRET home situation',
          confidentialTo: 'ag-school',
        }),
      ],
    });
    expect(r.status).toBe('watch');
    expect(ids(r)).toEqual(['wh-1']);
    expect(JSON.stringify(r)).not.toContain('SECRET');
  });

  it('is ok with communications and nothing withheld', () => {
    expect(result(id, { communications: comms(1) }).status).toBe('ok');
  });

  it('is insufficient with nothing recorded about information flow', () => {
    expect(result(id).status).toBe('insufficient');
  });
});

describe('process.teamReasoning.decisions.participation', () => {
  const id = 'process.teamReasoning.decisions.participation';

  it('is ok when half the affected members took part', () => {
    const r = result(id, {
      decisions: [
        buildDecision({ id: 'd-1', participantIds: ['m-1'], affectedMemberIds: ['m-1', 'm-2'] }),
      ],
    });
    expect(r.value).toBe(0.5);
    expect(r.status).toBe('ok');
  });

  it('is a concern below half, averaging over decisions', () => {
    const r = result(id, {
      decisions: [
        buildDecision({
          id: 'd-1',
          participantIds: ['m-1'],
          affectedMemberIds: ['m-1', 'm-2', 'm-3'],
        }),
        buildDecision({
          id: 'd-2',
          participantIds: ['m-1', 'm-2'],
          affectedMemberIds: ['m-1', 'm-2', 'm-3'],
        }),
      ],
    });
    expect(r.value).toBe(0.5);
    const low = result(id, {
      decisions: [
        buildDecision({
          id: 'd-1',
          participantIds: ['m-1'],
          affectedMemberIds: ['m-1', 'm-2', 'm-3'],
        }),
      ],
    });
    expect(low.value).toBe(0.333);
    expect(low.status).toBe('concern');
    expect(ids(low)).toEqual(['d-1']);
  });

  it('is insufficient with no decision naming affected members', () => {
    expect(
      result(id, { decisions: [buildDecision({ id: 'd-1', participantIds: ['m-1'] })] }).status,
    ).toBe('insufficient');
  });
});

describe('process.teamReasoning.decisions.unilateral', () => {
  const id = 'process.teamReasoning.decisions.unilateral';

  it('is a concern when one agency decides for a member of another who took no part', () => {
    const r = result(id, {
      decisions: [
        buildDecision({
          id: 'd-1',
          decidingAgencyId: 'ag-school',
          participantIds: ['m-1'],
          affectedMemberIds: ['m-1', 'm-2'],
        }),
      ],
    });
    expect(r.status).toBe('concern');
    expect(ids(r)).toEqual(['d-1', 'm-2']);
  });

  it('is ok when the affected member of the other agency took part', () => {
    const r = result(id, {
      decisions: [
        buildDecision({
          id: 'd-1',
          decidingAgencyId: 'ag-school',
          participantIds: ['m-1', 'm-2'],
          affectedMemberIds: ['m-1', 'm-2'],
        }),
      ],
    });
    expect(r.status).toBe('ok');
  });

  it('reads the deciding agency from the participants of an agencyUnilateral decision', () => {
    const same = buildDecision({
      id: 'd-1',
      method: 'agencyUnilateral',
      participantIds: ['m-2'],
      affectedMemberIds: ['m-3'],
    });
    expect(result(id, { decisions: [same] }).status).toBe('ok');
    const other = buildDecision({
      id: 'd-2',
      method: 'agencyUnilateral',
      participantIds: ['m-2'],
      affectedMemberIds: ['m-1'],
    });
    expect(result(id, { decisions: [other] }).status).toBe('concern');
  });

  it('does not flag a consensus decision with no deciding agency', () => {
    const r = result(id, {
      decisions: [
        buildDecision({ id: 'd-1', participantIds: ['m-1'], affectedMemberIds: ['m-2'] }),
      ],
    });
    expect(r.status).toBe('ok');
  });

  it('is insufficient with no decisions', () => {
    expect(result(id).status).toBe('insufficient');
  });
});

describe('process.teamReasoning.roles.overlapInPractice', () => {
  const id = 'process.teamReasoning.roles.overlapInPractice';
  const base = (
    extra: Partial<CollaborationDocumentInput> = {},
  ): Partial<CollaborationDocumentInput> => ({
    cases: [buildCase({ id: 'case-x' }), buildCase({ id: 'case-y' })],
    responsibilityAreas: [buildResponsibilityArea({ id: 'area-fm' })],
    activities: [
      buildActivity({
        id: 'a-ot',
        date: '2025-09-01',
        participantIds: ['m-2'],
        caseId: 'case-x',
        areaIds: ['area-fm'],
      }),
    ],
    caseEvents: [
      buildCaseEvent({
        id: 'ev-at',
        date: '2025-10-01',
        memberId: 'm-1',
        caseId: 'case-x',
        areaIds: ['area-fm'],
      }),
    ],
    ...extra,
  });

  it('watches when two members act separately on one area for one case', () => {
    const r = result(id, base());
    expect(r.status).toBe('watch');
    expect(ids(r)).toEqual(['a-ot', 'ev-at', 'area-fm']);
  });

  it('is ok when a coordinating record for the area falls in the window', () => {
    const r = result(
      id,
      base({
        coordinatingRecords: [
          buildCoordinatingRecord({ id: 'co-1', date: '2025-11-01', areaId: 'area-fm' }),
        ],
      }),
    );
    expect(r.status).toBe('ok');
  });

  it('still watches with a coordinating record for another case, or one older than 6 months', () => {
    const other = buildCoordinatingRecord({
      id: 'co-1',
      date: '2025-11-01',
      areaId: 'area-fm',
      caseId: 'case-y',
    });
    expect(result(id, base({ coordinatingRecords: [other] })).status).toBe('watch');
    const old = buildCoordinatingRecord({ id: 'co-2', date: '2025-06-30', areaId: 'area-fm' });
    expect(result(id, base({ coordinatingRecords: [old] })).status).toBe('watch');
  });

  it('does not call joint work an overlap, nor work on different cases', () => {
    const joint = base({
      activities: [
        buildActivity({
          id: 'a-j',
          date: '2025-09-01',
          participantIds: ['m-1', 'm-2'],
          caseId: 'case-x',
          areaIds: ['area-fm'],
        }),
      ],
    });
    expect(result(id, joint).status).toBe('ok');
    const apart = base({
      caseEvents: [
        buildCaseEvent({
          id: 'ev-at',
          date: '2025-10-01',
          memberId: 'm-1',
          caseId: 'case-y',
          areaIds: ['area-fm'],
        }),
      ],
    });
    expect(result(id, apart).status).toBe('ok');
  });

  it('is insufficient with no act on a case and area in the window', () => {
    expect(result(id, base({ activities: [], caseEvents: [] })).status).toBe('insufficient');
  });
});

describe('process.teamReasoning.roles.claimedUnperformed', () => {
  const id = 'process.teamReasoning.roles.claimedUnperformed';
  const base = (
    acts: { member: string; area: string; date?: string }[],
    claims = 3,
  ): Partial<CollaborationDocumentInput> => ({
    cases: [buildCase({ id: 'case-x' })],
    responsibilityAreas: [
      buildResponsibilityArea({ id: 'area-a' }),
      buildResponsibilityArea({ id: 'area-b' }),
    ],
    roleClaims: [
      buildRoleClaim({
        id: 'cl-1',
        memberId: 'm-1',
        areaIds: claims >= 2 ? ['area-a', 'area-b'] : ['area-a'],
      }),
      ...(claims >= 3
        ? [buildRoleClaim({ id: 'cl-2', memberId: 'm-2', areaIds: ['area-a'] })]
        : []),
    ],
    caseEvents: acts.map((a, i) =>
      buildCaseEvent({
        id: `ev-${i}`,
        date: a.date ?? '2025-10-01',
        memberId: a.member,
        areaIds: [a.area],
      }),
    ),
  });

  it('is ok when every claimed area was acted on', () => {
    const r = result(
      id,
      base([
        { member: 'm-1', area: 'area-a' },
        { member: 'm-1', area: 'area-b' },
        { member: 'm-2', area: 'area-a' },
      ]),
    );
    expect(r.value).toBe(0);
    expect(r.status).toBe('ok');
  });

  it('watches when one claim has no action in 6 months', () => {
    const r = result(
      id,
      base([
        { member: 'm-1', area: 'area-a' },
        { member: 'm-1', area: 'area-b' },
        { member: 'm-2', area: 'area-a', date: '2025-06-30' },
      ]),
    );
    expect(r.value).toBe(0.333);
    expect(r.status).toBe('watch');
    expect(ids(r)).toEqual(['cl-2']);
  });

  it('is insufficient with fewer than 3 claims', () => {
    expect(result(id, base([], 2)).status).toBe('insufficient');
  });
});
