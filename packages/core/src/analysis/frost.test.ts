import { describe, expect, it } from 'vitest';
import type { CollaborationDocumentInput } from '../document/schema.js';
import { restoreOrThrow } from '../document/restore.js';
import {
  buildActivity,
  buildAgency,
  buildCommunication,
  buildCoordinatingRecord,
  buildDocument,
  buildGoal,
  buildMember,
  buildReferral,
  buildResponse,
  buildWave,
} from '../test-support/factories.js';
import { analysisContext, type AnalysisOptions } from './context.js';
import { frostLevel, frostLevels, type FrostReport, type PairEvidence } from './frost.js';
import { withThresholds } from './thresholds.js';

const AS_OF = '2025-06-30';

/** The three phases, across three months, all linked to the agreed joint goal. */
const coordinated = (pair: [string, string] = ['m-1', 'm-2']) => [
  buildActivity({
    id: 'act-plan',
    date: '2025-02-03',
    phase: 'planning',
    participantIds: pair,
    goalIds: ['goal-joint'],
  }),
  buildActivity({
    id: 'act-do',
    date: '2025-03-03',
    phase: 'doing',
    kind: 'intervention',
    participantIds: pair,
    goalIds: ['goal-joint'],
  }),
  buildActivity({
    id: 'act-review',
    date: '2025-04-07',
    phase: 'reviewing',
    kind: 'review',
    participantIds: pair,
    goalIds: ['goal-joint'],
  }),
];
const jointGoal = (overrides: Parameters<typeof buildGoal>[0] = {}) =>
  buildGoal({ id: 'goal-joint', agreed: true, agreedOn: '2025-01-20', ...overrides });

function frostOf(
  overrides: Partial<CollaborationDocumentInput>,
  options: AnalysisOptions = {},
): FrostReport {
  const doc = restoreOrThrow(buildDocument(overrides));
  return frostLevels(analysisContext(doc, { asOf: AS_OF, ...options }));
}

function pairOf(report: FrostReport, a: string, b: string) {
  const pair = report.memberPairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
  if (!pair) throw new Error(`no pair ${a}–${b}`);
  return pair;
}

describe('frostLevels: member pairs', () => {
  it('reads coordination when the pair plans, does and reviews together, recurring, towards a joint goal both recognise', () => {
    const pair = pairOf(frostOf({ goals: [jointGoal()], activities: coordinated() }), 'm-1', 'm-2');
    expect(pair.level).toBe('coordination');
    expect(pair.conditions.jointPlanning).toMatchObject({ held: true, evidence: ['act-plan'] });
    expect(pair.conditions.jointDoing).toMatchObject({ held: true, evidence: ['act-do'] });
    expect(pair.conditions.jointReviewing).toMatchObject({ held: true, evidence: ['act-review'] });
    expect(pair.conditions.recurring.held).toBe(true);
    expect(pair.conditions.recognisedGoal).toMatchObject({ held: true, evidence: ['goal-joint'] });
    expect(pair.evidence.goals).toEqual([{ goalId: 'goal-joint', basis: ['activity'] }]);
    expect(pair.evidence.months).toEqual(['2025-02', '2025-03', '2025-04']);
    expect(pair.evidence.activities).toEqual({
      planning: ['act-plan'],
      doing: ['act-do'],
      reviewing: ['act-review'],
    });
  });

  it('drops to collaboration without joint reviewing, and says why', () => {
    const pair = pairOf(
      frostOf({ goals: [jointGoal()], activities: coordinated().slice(0, 2) }),
      'm-1',
      'm-2',
    );
    expect(pair.level).toBe('collaboration');
    expect(pair.conditions.jointReviewing.held).toBe(false);
    expect(pair.reasons.join(' ')).toContain('no joint reviewing');
  });

  it('drops to collaboration when one member of the pair is missing from the doing', () => {
    const activities = coordinated();
    activities[1] = { ...activities[1]!, participantIds: ['m-1', 'm-3'] };
    const pair = pairOf(frostOf({ goals: [jointGoal()], activities }), 'm-1', 'm-2');
    expect(pair.level).toBe('collaboration');
    expect(pair.reasons.join(' ')).toContain('no joint doing');
  });

  it('needs the joint work to recur across at least two months', () => {
    const sameMonth = coordinated().map((a, i) => ({ ...a, date: `2025-03-0${i + 3}` }));
    const pair = pairOf(frostOf({ goals: [jointGoal()], activities: sameMonth }), 'm-1', 'm-2');
    expect(pair.level).toBe('collaboration');
    expect(pair.conditions.recurring.held).toBe(false);
    expect(pair.reasons.join(' ')).toContain('not recurring (3 activities across 1 month)');

    // Two months are enough at the default threshold…
    const twoMonths = sameMonth.map((a, i) => (i === 2 ? { ...a, date: '2025-04-01' } : a));
    const again = pairOf(frostOf({ goals: [jointGoal()], activities: twoMonths }), 'm-1', 'm-2');
    expect(again.level).toBe('coordination');
    // …and not when the threshold asks for three.
    const stricter = frostOf(
      { goals: [jointGoal()], activities: twoMonths },
      { thresholds: { 'frost.recurrence': { months: 3 } } },
    );
    expect(pairOf(stricter, 'm-1', 'm-2').level).toBe('collaboration');
  });

  it('needs a joint goal both recognise: an unagreed goal leaves joint planning at cooperation, noted', () => {
    const pair = pairOf(
      frostOf({ goals: [jointGoal({ agreed: false })], activities: coordinated() }),
      'm-1',
      'm-2',
    );
    expect(pair.level).toBe('cooperation');
    expect(pair.conditions.recognisedGoal.held).toBe(false);
    expect(pair.reasons).toContain(
      'not collaboration: joint planning without a joint goal both recognise or a recorded resolution of an overlap, duplication or gap',
    );
  });

  it('does not count a goal agreed after the as-of date', () => {
    const pair = pairOf(
      frostOf({ goals: [jointGoal({ agreedOn: '2025-07-01' })], activities: coordinated() }),
      'm-1',
      'm-2',
    );
    expect(pair.level).toBe('cooperation');
  });

  it('reads collaboration from joint planning plus a recorded resolution naming both', () => {
    const overrides = {
      activities: coordinated()
        .slice(0, 1)
        .map((a) => ({ ...a, goalIds: [] })),
      coordinatingRecords: [buildCoordinatingRecord({ id: 'coord-1', kind: 'gap' as const })],
    };
    const pair = pairOf(frostOf(overrides), 'm-1', 'm-2');
    expect(pair.level).toBe('collaboration');
    expect(pair.conditions.resolution).toMatchObject({ held: true, evidence: ['coord-1'] });
    expect(pair.evidence.coordinatingRecords).toEqual(['coord-1']);
    // The resolution alone, without joint planning, is not enough.
    const noPlanning = pairOf(
      frostOf({ ...overrides, activities: [{ ...overrides.activities[0]!, phase: 'doing' }] }),
      'm-1',
      'm-2',
    );
    expect(noPlanning.level).toBe('cooperation');
    expect(noPlanning.reasons).toContain('not collaboration: no joint planning');
  });

  it("takes recognition from the current wave's goal question when both answered", () => {
    const activities = coordinated().map((a) => ({ ...a, goalIds: [] }));
    const answer = (id: string, member: string, choice: 'joint' | 'agency') =>
      buildResponse({
        id,
        respondentMemberId: member,
        goal: choice === 'joint' ? { choice, goalId: 'goal-joint' } : { choice },
      });
    const both = frostOf({
      goals: [jointGoal()],
      activities,
      waves: [buildWave()],
      responses: [answer('r-1', 'm-1', 'joint'), answer('r-2', 'm-2', 'joint')],
    });
    expect(pairOf(both, 'm-1', 'm-2').level).toBe('coordination');
    expect(pairOf(both, 'm-1', 'm-2').evidence.goals).toEqual([
      { goalId: 'goal-joint', basis: ['survey'] },
    ]);

    // An answer for the agency's goal outweighs an activity linked to the joint goal.
    const oneAgency = frostOf({
      goals: [jointGoal()],
      activities: coordinated(),
      waves: [buildWave()],
      responses: [answer('r-1', 'm-1', 'joint'), answer('r-2', 'm-2', 'agency')],
    });
    const pair = pairOf(oneAgency, 'm-1', 'm-2');
    expect(pair.level).toBe('cooperation');
    expect(pair.conditions.recognisedGoal.note).toContain(
      'Member m-2 did not choose an agreed joint goal.',
    );
  });

  it('combines a survey answer with a linked joint activity for a member who did not answer', () => {
    const pair = pairOf(
      frostOf({
        goals: [jointGoal()],
        activities: coordinated(),
        waves: [buildWave()],
        responses: [
          buildResponse({
            id: 'r-1',
            respondentMemberId: 'm-1',
            goal: { choice: 'joint', goalId: 'goal-joint' },
          }),
        ],
      }),
      'm-1',
      'm-2',
    );
    expect(pair.level).toBe('coordination');
    expect(pair.evidence.goals).toEqual([{ goalId: 'goal-joint', basis: ['survey', 'activity'] }]);
  });

  it('reads cooperation from a communication either way, a referral, or a joint activity in the window', () => {
    const report = frostOf({
      communications: [buildCommunication({ id: 'c-1', fromId: 'm-2', toIds: ['m-1'] })],
      referrals: [buildReferral({ id: 'ref-1', fromId: 'm-3', toId: 'm-1' })],
      activities: [buildActivity({ id: 'a-1', phase: 'doing', participantIds: ['m-2', 'm-3'] })],
    });
    const byComm = pairOf(report, 'm-1', 'm-2');
    expect(byComm.level).toBe('cooperation');
    expect(byComm.evidence.communications).toEqual({ aToB: 0, bToA: 1, sample: ['c-1'] });
    expect(byComm.conditions.contact).toMatchObject({ held: true, evidence: ['c-1'] });
    const byReferral = pairOf(report, 'm-1', 'm-3');
    expect(byReferral.level).toBe('cooperation');
    expect(byReferral.evidence.referrals).toEqual({ aToB: 0, bToA: 1, sample: ['ref-1'] });
    expect(pairOf(report, 'm-2', 'm-3').level).toBe('cooperation');
  });

  it('reads none when the only contact falls outside the 12-month window', () => {
    const report = frostOf({
      communications: [
        buildCommunication({ id: 'c-old', date: '2024-06-30' }),
        buildCommunication({ id: 'c-late', date: '2025-07-01' }),
      ],
    });
    const pair = pairOf(report, 'm-1', 'm-2');
    expect(pair.level).toBe('none');
    expect(pair.conditions.contact.held).toBe(false);
    expect(pair.reasons).toEqual(['no communication, referral or joint activity in the window']);
    // Widening the window brings it in.
    const wider = frostOf(
      { communications: [buildCommunication({ id: 'c-old', date: '2024-06-30' })] },
      { thresholds: { 'frost.window': { months: 13 } } },
    );
    expect(pairOf(wider, 'm-1', 'm-2').level).toBe('cooperation');
  });

  it('covers only members in post on the as-of date', () => {
    const report = frostOf({
      members: [
        buildMember({ id: 'm-1', agencyId: 'ag-school', professionId: 'pr-teacher' }),
        buildMember({ id: 'm-2', agencyId: 'ag-health', professionId: 'pr-ot' }),
        buildMember({
          id: 'm-3',
          agencyId: 'ag-health',
          professionId: 'pr-ot',
          endDate: '2025-05-01',
        }),
      ],
      communications: [buildCommunication({ id: 'c-1', fromId: 'm-3', toIds: ['m-1'] })],
    });
    expect(report.memberPairs.map((p) => [p.a, p.b])).toEqual([['m-1', 'm-2']]);
    expect(report.group.level).toBe('none');
  });
});

describe('frostLevels: flags and self-rated levels', () => {
  it('flags an unresolved goal conflict without changing the level', () => {
    const agencyGoal = (resolved: boolean) =>
      buildGoal({
        id: 'goal-school',
        level: 'agency',
        agencyId: 'ag-school',
        links: [{ goalId: 'goal-joint', relation: 'conflicts', resolved }],
      });
    const report = frostOf({
      goals: [jointGoal({ responsibleMemberIds: ['m-2'] }), agencyGoal(false)],
      activities: coordinated(),
    });
    const pair = pairOf(report, 'm-1', 'm-2');
    expect(pair.level).toBe('coordination');
    expect(pair.flags).toEqual([
      'unresolved goal conflict: goal-school (a goal of m-1) conflicts with joint goal goal-joint held by m-2',
    ]);
    // m-3 holds nothing, so the pair m-1–m-3 has no conflict.
    expect(pairOf(report, 'm-1', 'm-3').flags).toEqual([]);

    const resolved = frostOf({
      goals: [jointGoal({ responsibleMemberIds: ['m-2'] }), agencyGoal(true)],
      activities: coordinated(),
    });
    expect(pairOf(resolved, 'm-1', 'm-2').flags).toEqual([]);
  });

  it("flags their agencies' goals in conflict, on member pairs across the two and on the agency pair", () => {
    const report = frostOf({
      goals: [
        buildGoal({ id: 'g-school', level: 'agency', agencyId: 'ag-school' }),
        buildGoal({
          id: 'g-health',
          level: 'agency',
          agencyId: 'ag-health',
          links: [{ goalId: 'g-school', relation: 'conflicts' }],
        }),
      ],
    });
    const flag =
      'unresolved goal conflict: agency goal g-school (ag-school) conflicts with agency goal g-health (ag-health)';
    expect(pairOf(report, 'm-1', 'm-2').flags).toEqual([flag]);
    expect(pairOf(report, 'm-1', 'm-2').level).toBe('none');
    expect(pairOf(report, 'm-2', 'm-3').flags).toEqual([]);
    expect(report.agencyPairs[0]?.flags).toEqual([flag]);
  });

  it('reports self-rated working levels beside the evidence, never as the level', () => {
    const report = frostOf({
      communications: [buildCommunication({ id: 'c-1' })],
      waves: [buildWave()],
      responses: [
        buildResponse({
          id: 'r-1',
          respondentMemberId: 'm-1',
          contacts: [{ memberId: 'm-2', frequency: 'weekly', workingLevel: 'coordination' }],
        }),
      ],
    });
    const pair = pairOf(report, 'm-1', 'm-2');
    expect(pair.level).toBe('cooperation');
    expect(pair.selfRated).toEqual({ aAboutB: 'coordination', bAboutA: null });
    // A rating alone is not contact evidence.
    const rated = frostOf({
      waves: [buildWave()],
      responses: [
        buildResponse({
          id: 'r-2',
          respondentMemberId: 'm-3',
          contacts: [{ memberId: 'm-1', frequency: 'daily', workingLevel: 'collaboration' }],
        }),
      ],
    });
    expect(pairOf(rated, 'm-1', 'm-3')).toMatchObject({
      level: 'none',
      selfRated: { aAboutB: null, bAboutA: 'collaboration' },
    });
  });
});

describe('frostLevels: the group', () => {
  const members = ['m-1', 'm-2', 'm-3', 'm-4'].map((id, i) =>
    buildMember({ id, agencyId: i % 2 === 0 ? 'ag-school' : 'ag-health' }),
  );

  it('takes the lower median over pairs with contact and shows every pair in the distribution', () => {
    // Pairs with contact: coordination (m-1–m-2) and cooperation (m-1–m-3): median rounds down.
    const report = frostOf({
      goals: [jointGoal()],
      activities: coordinated(),
      communications: [buildCommunication({ id: 'c-1', toIds: ['m-3'] })],
    });
    expect(report.group).toEqual({
      level: 'cooperation',
      distribution: { none: 1, cooperation: 1, collaboration: 0, coordination: 1 },
      pairsWithContact: 2,
      pairs: 3,
    });
  });

  it('takes the middle level of an odd number of pairs with contact, ignoring none pairs', () => {
    const report = frostOf({
      members,
      goals: [jointGoal()],
      activities: [
        ...coordinated(),
        buildActivity({ id: 'plan-13', participantIds: ['m-1', 'm-3'], goalIds: ['goal-joint'] }),
      ],
      communications: [buildCommunication({ id: 'c-1', fromId: 'm-4', toIds: ['m-3'] })],
    });
    // coordination (1–2), collaboration (1–3), cooperation (3–4), and three none pairs.
    expect(report.group.level).toBe('collaboration');
    expect(report.group.distribution).toEqual({
      none: 3,
      cooperation: 1,
      collaboration: 1,
      coordination: 1,
    });
    expect(report.group.pairsWithContact).toBe(3);
    expect(report.group.pairs).toBe(6);
  });

  it('gives none with no contact at all, one member or none, without throwing', () => {
    expect(frostOf({}).group).toEqual({
      level: 'none',
      distribution: { none: 3, cooperation: 0, collaboration: 0, coordination: 0 },
      pairsWithContact: 0,
      pairs: 3,
    });
    const single = frostOf({ members: [buildMember({ id: 'm-1' })] });
    expect(single.memberPairs).toEqual([]);
    expect(single.agencyPairs).toEqual([]);
    expect(single.group.level).toBe('none');
    expect(frostOf({ members: [] }).group.pairs).toBe(0);
  });

  it('is memoised per diagnosis and states its conventions', () => {
    const ctx = analysisContext(restoreOrThrow(buildDocument()), { asOf: AS_OF });
    const report = frostLevels(ctx);
    expect(frostLevels(ctx)).toBe(report);
    expect(report.conventions.join(' ')).toContain('lower median');
  });
});

describe('frostLevels: agency pairs', () => {
  it("applies the rules to the union of the member pairs' evidence", () => {
    // No single member pair does all three phases; together the agencies do.
    const [plan, doing, review] = coordinated();
    const report = frostOf({
      goals: [jointGoal()],
      activities: [plan!, doing!, { ...review!, participantIds: ['m-1', 'm-3'] }],
      communications: [
        buildCommunication({ id: 'c-1', fromId: 'm-1', toIds: ['m-2', 'm-3'] }),
        buildCommunication({ id: 'c-2', fromId: 'm-3', toIds: ['m-1'] }),
        buildCommunication({ id: 'c-3', fromId: 'm-2', toIds: ['m-3'] }),
      ],
    });
    expect(pairOf(report, 'm-1', 'm-2').level).toBe('collaboration');
    expect(pairOf(report, 'm-1', 'm-3').level).toBe('cooperation');
    expect(report.agencyPairs).toHaveLength(1);
    const agencies = report.agencyPairs[0]!;
    expect(agencies).toMatchObject({ a: 'ag-school', b: 'ag-health', level: 'coordination' });
    expect(agencies.evidence.activities).toEqual({
      planning: ['act-plan'],
      doing: ['act-do'],
      reviewing: ['act-review'],
    });
    // c-1 reached two health members but is one communication; c-3 stays inside health.
    expect(agencies.evidence.communications).toMatchObject({ aToB: 1, bToA: 1 });
  });

  it('lists every pair of agencies with members in post, none where nothing links them', () => {
    const report = frostOf({
      agencies: [
        buildAgency({ id: 'ag-school', sector: 'education' }),
        buildAgency({ id: 'ag-health', sector: 'health' }),
        buildAgency({ id: 'ag-yot', sector: 'youthJustice' }),
        buildAgency({ id: 'ag-empty' }),
      ],
      members: [
        buildMember({ id: 'm-1', agencyId: 'ag-school' }),
        buildMember({ id: 'm-2', agencyId: 'ag-health' }),
        buildMember({ id: 'm-3', agencyId: 'ag-yot' }),
      ],
      referrals: [buildReferral({ id: 'ref-1', fromId: 'm-3', toId: 'm-2' })],
      waves: [buildWave()],
      responses: [
        buildResponse({
          id: 'r-3',
          respondentMemberId: 'm-3',
          contacts: [{ memberId: 'm-2', frequency: 'monthly', workingLevel: 'collaboration' }],
        }),
      ],
    });
    expect(report.agencyPairs.map((p) => [p.a, p.b, p.level])).toEqual([
      ['ag-school', 'ag-health', 'none'],
      ['ag-school', 'ag-yot', 'none'],
      ['ag-health', 'ag-yot', 'cooperation'],
    ]);
    expect(report.agencyPairs[2]?.evidence.referrals).toEqual({
      aToB: 0,
      bToA: 1,
      sample: ['ref-1'],
    });
    expect(report.agencyPairs[2]?.selfRated).toEqual({ aAboutB: null, bAboutA: 'collaboration' });
  });
});

describe('frostLevel', () => {
  const thresholds = withThresholds();
  const evidence = (overrides: Partial<PairEvidence> = {}): PairEvidence => ({
    a: 'x',
    b: 'y',
    activities: [],
    communications: { aToB: [], bToA: [] },
    referrals: { aToB: [], bToA: [] },
    coordinatingRecords: [],
    recognisedGoals: [],
    ...overrides,
  });

  it('is a pure rule on gathered evidence', () => {
    expect(frostLevel(evidence(), thresholds).level).toBe('none');
    expect(
      frostLevel(evidence({ communications: { aToB: ['c'], bToA: [] } }), thresholds).level,
    ).toBe('cooperation');
    const planning = {
      activities: [{ id: 'p', date: '2025-01-01', phase: 'planning' as const, goalIds: [] }],
    };
    expect(frostLevel(evidence(planning), thresholds).level).toBe('cooperation');
    expect(
      frostLevel(
        evidence({ ...planning, recognisedGoals: [{ goalId: 'g', basis: ['survey'] }] }),
        thresholds,
      ).level,
    ).toBe('collaboration');
  });
});

describe('frostLevels: scale', () => {
  it('handles 200 members and 100,000 communications quickly', () => {
    const members = Array.from({ length: 200 }, (_, i) =>
      buildMember({ id: `m-${i}`, agencyId: i % 2 === 0 ? 'ag-school' : 'ag-health' }),
    );
    const communications = Array.from({ length: 100_000 }, (_, i) =>
      buildCommunication({
        id: `c-${i}`,
        date: `2025-0${1 + (i % 6)}-1${i % 10}`,
        fromId: `m-${i % 200}`,
        toIds: [`m-${(i * 7 + 1) % 200}`],
      }),
    );
    const activities = Array.from({ length: 500 }, (_, i) =>
      buildActivity({
        id: `a-${i}`,
        date: `2025-0${1 + (i % 6)}-0${1 + (i % 9)}`,
        phase: (['planning', 'doing', 'reviewing'] as const)[i % 3],
        participantIds: Array.from({ length: 8 }, (_, k) => `m-${(i * 3 + k * 17) % 200}`),
      }),
    );
    const doc = restoreOrThrow(buildDocument({ members, communications, activities }));
    const started = performance.now();
    const report = frostLevels(analysisContext(doc, { asOf: AS_OF }));
    const elapsed = performance.now() - started;
    expect(report.memberPairs).toHaveLength(19_900);
    expect(report.group.pairsWithContact).toBeGreaterThan(0);
    // Generous for a loaded CI machine; a per-pair scan of the records would take minutes.
    expect(elapsed).toBeLessThan(10_000);
  }, 60_000);
});
