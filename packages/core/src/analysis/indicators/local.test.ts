import { describe, expect, it } from 'vitest';
import type { CollaborationDocumentInput } from '../../document/schema.js';
import { restoreOrThrow } from '../../document/restore.js';
import { SCALE_ITEMS } from '../../survey/instrument.js';
import {
  buildDocument,
  buildGoal,
  buildMember,
  buildNeed,
  buildResponse,
  buildResponsibilityArea,
  buildRoleClaim,
  buildRolePerception,
  buildWave,
} from '../../test-support/factories.js';
import { analysisContext } from '../context.js';
import { runIndicator } from '../indicator.js';
import { boundednessProfile, localIndicators } from './local.js';

type Input = CollaborationDocumentInput;
type Collaboration = Input['collaboration'];

const AS_OF = '2025-07-01';

function run(id: string, overrides: Partial<Input> = {}) {
  const def = localIndicators.find((d) => d.id === id);
  if (!def) throw new Error(`no indicator ${id}`);
  const doc = restoreOrThrow(buildDocument(overrides));
  return runIndicator(def, analysisContext(doc, { asOf: AS_OF }));
}

const collaboration = (over: Partial<Collaboration>): Collaboration => ({
  ...buildDocument().collaboration,
  ...over,
});
const ids = (r: { evidence: readonly { id: string }[] }) => r.evidence.map((e) => e.id);

/** Four members: two teachers (school), an OT and a psychologist (health). */
const FOUR = {
  professions: [
    { id: 'pr-teacher', name: 'Teacher' },
    { id: 'pr-ot', name: 'Occupational therapist' },
    { id: 'pr-psy', name: 'Educational psychologist' },
  ],
  members: [
    buildMember({ id: 'm-1', displayName: 'Ana' }),
    buildMember({ id: 'm-2', displayName: 'Ben', agencyId: 'ag-health', professionId: 'pr-ot' }),
    buildMember({ id: 'm-3', displayName: 'Cy', agencyId: 'ag-health', professionId: 'pr-psy' }),
    buildMember({ id: 'm-4', displayName: 'Dee' }),
  ],
  responsibilityAreas: ['area-a', 'area-b', 'area-c'].map((id) => buildResponsibilityArea({ id })),
} satisfies Partial<Input>;

describe('local.boundedness', () => {
  it('profiles aims, resourcing and time', () => {
    expect(boundednessProfile({ aims: 'defined', resourcing: 'defined', time: 'defined' })).toBe(
      'bounded',
    );
    expect(boundednessProfile({ aims: 'open', resourcing: 'open', time: 'open' })).toBe(
      'unbounded',
    );
    expect(boundednessProfile({ aims: 'open', resourcing: 'open', time: 'partly' })).toBe('partly');
    const r = run('local.boundedness.profile');
    expect(r.kind).toBe('descriptive');
    expect(r.value).toBe('partly');
    expect(r.status).toBe('ok');
  });

  const open = collaboration({ boundedness: { aims: 'open', resourcing: 'open', time: 'open' } });
  const unowned = { needs: [buildNeed({ id: 'need-1' })] };

  it('raises concern when unbounded with a role gap', () => {
    const r = run('local.boundedness.risk', { collaboration: open, ...unowned });
    expect(r.status).toBe('concern');
    expect(ids(r)).toEqual(['need-1']);
  });
  it('is ok when unbounded with no gap or overlap', () => {
    const r = run('local.boundedness.risk', {
      collaboration: open,
      needs: [buildNeed({ id: 'need-1', ownerMemberIds: ['m-1'] })],
    });
    expect(r.status).toBe('ok');
  });
  it('is ok when only partly bounded, even with a gap', () => {
    const r = run('local.boundedness.risk', {
      collaboration: collaboration({
        boundedness: { aims: 'open', resourcing: 'open', time: 'partly' },
      }),
      ...unowned,
    });
    expect(r.status).toBe('ok');
  });
  it('is insufficient when unbounded with no role records to look at', () => {
    expect(run('local.boundedness.risk', { collaboration: open }).status).toBe('insufficient');
  });
});

describe('local.roles.overlaps', () => {
  const claims = (...list: [string, string, string[]][]) =>
    list.map(([id, memberId, areaIds]) => buildRoleClaim({ id, memberId, areaIds }));

  it('watches one area claimed by two professions with no agreed lead', () => {
    const r = run('local.roles.overlaps', {
      ...FOUR,
      roleClaims: claims(['c-1', 'm-1', ['area-a']], ['c-2', 'm-2', ['area-a', 'area-b']]),
    });
    expect(r.status).toBe('watch');
    expect(r.value).toEqual(['area-a']);
    expect(ids(r)).toEqual(['area-a', 'c-1', 'c-2']);
    expect(r.finding).toContain('Ana and Ben');
  });
  it('raises concern at two overlapping areas', () => {
    const r = run('local.roles.overlaps', {
      ...FOUR,
      roleClaims: claims(
        ['c-1', 'm-1', ['area-a', 'area-b']],
        ['c-2', 'm-2', ['area-a', 'area-b']],
      ),
    });
    expect(r.status).toBe('concern');
  });
  it('does not count an area with an agreed lead, or claimed within one profession', () => {
    const r = run('local.roles.overlaps', {
      ...FOUR,
      responsibilityAreas: [
        buildResponsibilityArea({ id: 'area-a', agreedLeadMemberId: 'm-2' }),
        buildResponsibilityArea({ id: 'area-b' }),
      ],
      roleClaims: claims(
        ['c-1', 'm-1', ['area-a', 'area-b']],
        ['c-2', 'm-2', ['area-a']],
        ['c-4', 'm-4', ['area-b']],
      ),
    });
    expect(r.status).toBe('ok');
    expect(r.value).toEqual([]);
  });
  it('counts claims made in an identified survey, with the response as evidence', () => {
    const r = run('local.roles.overlaps', {
      ...FOUR,
      roleClaims: claims(['c-1', 'm-1', ['area-a']]),
      waves: [buildWave()],
      responses: [
        buildResponse({ id: 'resp-3', respondentMemberId: 'm-3', ownRoleAreaIds: ['area-a'] }),
      ],
    });
    expect(r.status).toBe('watch');
    expect(ids(r)).toEqual(['area-a', 'c-1', 'resp-3']);
  });
  it('ignores claims of members who have left', () => {
    const r = run('local.roles.overlaps', {
      ...FOUR,
      members: [
        ...FOUR.members.slice(0, 1),
        buildMember({
          id: 'm-2',
          professionId: 'pr-ot',
          agencyId: 'ag-health',
          endDate: '2025-05-01',
        }),
      ],
      roleClaims: claims(['c-1', 'm-1', ['area-a']], ['c-2', 'm-2', ['area-a']]),
    });
    expect(r.status).toBe('ok');
  });
  it('is insufficient with no claims', () => {
    expect(run('local.roles.overlaps', FOUR).status).toBe('insufficient');
  });
});

describe('local.roles.gaps', () => {
  it('raises concern at one need with no owner in post', () => {
    const r = run('local.roles.gaps', {
      members: [buildMember({ id: 'm-1' }), buildMember({ id: 'm-2', endDate: '2025-05-01' })],
      needs: [
        buildNeed({ id: 'need-1', ownerMemberIds: ['m-1'] }),
        buildNeed({ id: 'need-2', ownerMemberIds: ['m-2'] }),
      ],
    });
    expect(r.status).toBe('concern');
    expect(ids(r)).toEqual(['need-2']);
    expect(r.n).toBe(2);
  });
  it('raises concern at a joint goal with nobody responsible', () => {
    const r = run('local.roles.gaps', {
      goals: [
        buildGoal({ id: 'goal-1' }),
        buildGoal({ id: 'goal-2', responsibleMemberIds: ['m-1'] }),
      ],
    });
    expect(r.status).toBe('concern');
    expect(ids(r)).toEqual(['goal-1']);
  });
  it('is ok when every need and joint goal has someone, ignoring needs of closed cases', () => {
    const r = run('local.roles.gaps', {
      cases: [{ id: 'case-1', pseudonym: 'Child A', closedOn: '2025-06-01' }],
      needs: [
        buildNeed({ id: 'need-1', ownerMemberIds: ['m-3'] }),
        buildNeed({ id: 'need-2', caseId: 'case-1' }),
      ],
      goals: [
        buildGoal({ id: 'goal-1', responsibleMemberIds: ['m-1'] }),
        buildGoal({ id: 'goal-a', level: 'agency', agencyId: 'ag-school' }),
      ],
    });
    expect(r.status).toBe('ok');
    expect(r.n).toBe(2);
  });
  it('never quotes a confidential need', () => {
    const r = run('local.roles.gaps', {
      needs: [
        buildNeed({ id: 'need-1', description: 'Housing is unstable' }),
        buildNeed({ id: 'need-2', description: 'Secret detail', confidentialTo: 'ag-health' }),
      ],
    });
    expect(r.finding).toContain('Housing is unstable');
    expect(r.finding).not.toContain('Secret');
    expect(r.finding).toContain('need-2');
  });
  it('is insufficient with no needs or joint goals', () => {
    expect(run('local.roles.gaps').status).toBe('insufficient');
  });
});

describe('local.roles.misperceptions', () => {
  const setup = (view: string[], claim: string[]) => ({
    ...FOUR,
    roleClaims: [buildRoleClaim({ id: 'c-3', memberId: 'm-3', areaIds: claim })],
    rolePerceptions: [
      buildRolePerception({ id: 'p-1', perceiverId: 'm-1', targetId: 'm-3', areaIds: view }),
    ],
  });

  it('watches a pair just below 0.34 (1/3)', () => {
    const r = run('local.roles.misperceptions', setup(['area-a'], ['area-a', 'area-b', 'area-c']));
    expect(r.status).toBe('watch');
    expect(r.value).toBe(1);
    expect(ids(r)).toEqual(['p-1']);
    expect(r.details?.pairs).toEqual([
      expect.objectContaining({ perceiverName: 'Ana', targetName: 'Cy', jaccard: 0.333 }),
    ]);
    expect(r.finding).toContain('Ana sees Cy’s part in the work differently from Cy’s own account');
  });
  it('is ok at 0.5', () => {
    expect(run('local.roles.misperceptions', setup(['area-a'], ['area-a', 'area-b'])).status).toBe(
      'ok',
    );
  });
  it('uses survey contact answers as views, with the response as evidence', () => {
    const r = run('local.roles.misperceptions', {
      ...FOUR,
      roleClaims: [buildRoleClaim({ id: 'c-3', memberId: 'm-3', areaIds: ['area-a'] })],
      waves: [buildWave()],
      responses: [
        buildResponse({
          id: 'resp-2',
          respondentMemberId: 'm-2',
          contacts: [
            {
              memberId: 'm-3',
              frequency: 'weekly',
              workingLevel: 'cooperation',
              roleAreaIds: ['area-b'],
            },
          ],
        }),
      ],
    });
    expect(r.status).toBe('watch');
    expect(r.evidence).toEqual([
      expect.objectContaining({ id: 'resp-2', collection: 'responses' }),
    ]);
  });
  it('is insufficient when no view can be set beside a claim', () => {
    const r = run('local.roles.misperceptions', {
      ...FOUR,
      rolePerceptions: [
        buildRolePerception({
          id: 'p-1',
          perceiverId: 'm-1',
          targetId: 'm-3',
          areaIds: ['area-a'],
        }),
      ],
    });
    expect(r.status).toBe('insufficient');
  });
});

describe('local.leadership.lead', () => {
  const named = (names: (string | null)[]) => ({
    collaboration: collaboration({ leadMemberId: 'm-1' }),
    members: ['m-1', 'm-2', 'm-3', 'm-4', 'm-5'].map((id) => buildMember({ id })),
    waves: [buildWave()],
    responses: names.map((n, i) => buildResponse({ id: `resp-${i + 1}`, namedLeadId: n })),
  });

  it('raises concern with no lead', () => {
    const r = run('local.leadership.lead');
    expect(r.status).toBe('concern');
    expect(r.finding).toContain('No one');
  });
  it('is insufficient with nobody in post', () => {
    expect(run('local.leadership.lead', { members: [] }).status).toBe('insufficient');
  });
  it('raises concern when the recorded lead has left', () => {
    const r = run('local.leadership.lead', {
      collaboration: collaboration({ leadMemberId: 'm-1' }),
      members: [buildMember({ id: 'm-1', endDate: '2025-06-01' }), buildMember({ id: 'm-2' })],
    });
    expect(r.status).toBe('concern');
  });
  it('is ok when exactly 80 % name the lead (4 of 5)', () => {
    const r = run('local.leadership.lead', named(['m-1', 'm-1', 'm-1', 'm-1', 'm-2']));
    expect(r.status).toBe('ok');
    expect(r.value).toEqual({ leadMemberId: 'm-1', share: 0.8 });
  });
  it('watches just below 80 % (3 of 4, one answering "nobody")', () => {
    const r = run('local.leadership.lead', named(['m-1', 'm-1', 'm-1', null]));
    expect(r.status).toBe('watch');
    expect(ids(r)).toEqual(['m-1', 'resp-4']);
  });
  it('is ok on the lead alone, with a note, when fewer than 3 answered', () => {
    const doc = named(['m-2', 'm-2']);
    const r = run('local.leadership.lead', {
      ...doc,
      responses: [...doc.responses, buildResponse({ id: 'resp-9' })],
    });
    expect(r.status).toBe('ok');
    expect(r.finding).toContain('Too few members (2)');
  });
});

describe('local.accountability.lines', () => {
  const line = (to: string) => ({ to, kind: 'lineManagement' as const });
  it('raises concern at one member with no line', () => {
    const r = run('local.accountability.lines', {
      members: [
        buildMember({ id: 'm-1', accountability: [line('Head')] }),
        buildMember({ id: 'm-2' }),
      ],
    });
    expect(r.status).toBe('concern');
    expect(ids(r)).toEqual(['m-2']);
  });
  it('watches one member with two lines and no stated precedence', () => {
    const r = run('local.accountability.lines', {
      members: [
        buildMember({ id: 'm-1', accountability: [line('Head')] }),
        buildMember({ id: 'm-2', accountability: [line('Manager'), line('Team lead')] }),
      ],
    });
    expect(r.status).toBe('watch');
    expect(ids(r)).toEqual(['m-2']);
  });
  it('is ok when dual lines state which wins', () => {
    const r = run('local.accountability.lines', {
      members: [
        buildMember({ id: 'm-1', accountability: [line('Head')] }),
        buildMember({
          id: 'm-2',
          accountability: [line('Manager'), line('Team lead')],
          accountabilityPrecedence: 'Clinical matters go to the manager',
        }),
      ],
    });
    expect(r.status).toBe('ok');
  });
  it('is insufficient with nobody in post', () => {
    const r = run('local.accountability.lines', {
      members: [buildMember({ id: 'm-1', startDate: '2025-09-01' })],
    });
    expect(r.status).toBe('insufficient');
  });
});

describe('local.resourcing.dedicatedTime', () => {
  const hours = (...h: number[]) => ({
    members: h.map((x, i) => buildMember({ id: `m-${i + 1}`, dedicatedHoursPerWeek: x })),
  });
  it('raises concern just below 50 % (1 of 3)', () => {
    const r = run('local.resourcing.dedicatedTime', hours(2, 0, 0));
    expect(r.status).toBe('concern');
    expect(ids(r)).toEqual(['m-2', 'm-3']);
  });
  it('is ok at exactly 50 % (2 of 4)', () => {
    expect(run('local.resourcing.dedicatedTime', hours(2, 0.5, 0, 0)).status).toBe('ok');
  });
  it('is insufficient with 2 members', () => {
    expect(run('local.resourcing.dedicatedTime', hours(0, 0)).status).toBe('insufficient');
  });
});

describe('local.resourcing.fundingSecurity', () => {
  const funding = (over: Partial<Collaboration>) =>
    run('local.resourcing.fundingSecurity', { collaboration: collaboration(over) });
  it('watches funding ending exactly 6 months after the as-of date', () => {
    expect(funding({ fundingEndDate: '2026-01-01' }).status).toBe('watch');
  });
  it('is ok with funding ending a day later', () => {
    const r = funding({ fundingEndDate: '2026-01-02' });
    expect(r.status).toBe('ok');
    expect(r.value).toEqual({
      fundingModel: 'separateBudgets',
      fundingEndDate: '2026-01-02',
      monthsLeft: 6.1,
    });
  });
  it('watches funding that has already ended', () => {
    expect(funding({ fundingEndDate: '2025-03-31' }).status).toBe('watch');
  });
  it('watches funding still being sought', () => {
    expect(funding({ fundingModel: 'seekingFunds' }).status).toBe('watch');
  });
  it('is ok with no end date and secure funding', () => {
    expect(funding({ fundingModel: 'pooledBudget' }).status).toBe('ok');
  });
});

describe('local.knowledge.sharedConstructions', () => {
  /** Answers keyed `value` on every scale item, except `scale` items keyed `scaleValue`. */
  const answers = (value: number, scale?: string, scaleValue?: number) =>
    Object.fromEntries(
      SCALE_ITEMS.map((item) => {
        const v = item.scale === scale && scaleValue !== undefined ? scaleValue : value;
        return [item.id, item.reverseKeyed ? 6 - v : v];
      }),
    );
  const wave = (rows: Record<string, number>[]) => ({
    waves: [buildWave()],
    responses: rows.map((a, i) => buildResponse({ id: `resp-${i + 1}`, answers: a })),
  });

  it('is ok when members agree everywhere, with the shared-definition items as the survey figure', () => {
    const r = run(
      'local.knowledge.sharedConstructions',
      wave([answers(4), answers(4), answers(3)]),
    );
    expect(r.status).toBe('ok');
    expect(r.survey?.items).toEqual(['KN1', 'KN2', 'KN3', 'KN4']);
    expect(r.details?.differentConstructions).toEqual([]);
  });
  it('watches when one scale shows low agreement, naming it', () => {
    const r = run(
      'local.knowledge.sharedConstructions',
      wave([
        answers(4, 'purposes', 1),
        answers(4, 'purposes', 5),
        answers(4, 'purposes', 1),
        answers(4, 'purposes', 5),
      ]),
    );
    expect(r.status).toBe('watch');
    // Across ~40 items agreement stays high: the scale is what gives the finding.
    expect(r.value).toBeGreaterThanOrEqual(0.7);
    expect(r.details?.differentConstructions).toEqual([
      expect.objectContaining({ scale: 'purposes', rwgJ: 0 }),
    ]);
    expect(ids(r)).toContain('PU1');
    expect(r.finding).toContain('purposes');
  });
  it('watches when agreement across all items is below 0.70', () => {
    const r = run(
      'local.knowledge.sharedConstructions',
      wave([answers(1), answers(5), answers(1), answers(5)]),
    );
    expect(r.status).toBe('watch');
    expect(r.value).toBe(0);
  });
  it('is insufficient with 2 respondents', () => {
    expect(run('local.knowledge.sharedConstructions', wave([answers(4), answers(4)])).status).toBe(
      'insufficient',
    );
  });
});
