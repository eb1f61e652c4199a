import { describe, expect, it } from 'vitest';
import type { CollaborationDocumentInput } from '../../document/schema.js';
import { restoreOrThrow } from '../../document/restore.js';
import { SCALE_ITEMS, type ScaleId } from '../../survey/instrument.js';
import {
  buildDocument,
  buildGoal,
  buildMember,
  buildResponse,
  buildResponsibilityArea,
  buildRoleClaim,
  buildRolePerception,
  buildWave,
} from '../../test-support/factories.js';
import { analysisContext } from '../context.js';
import { runIndicator } from '../indicator.js';
import { personalIndicators } from './personal.js';

type Input = CollaborationDocumentInput;
type MemberInput = Parameters<typeof buildMember>[0];

const AS_OF = '2025-07-01';

function run(id: string, overrides: Partial<Input> = {}) {
  const def = personalIndicators.find((d) => d.id === id);
  if (!def) throw new Error(`no indicator ${id}`);
  const doc = restoreOrThrow(buildDocument(overrides));
  return runIndicator(def, analysisContext(doc, { asOf: AS_OF }));
}

/** Answers giving `keyed` (after reverse-keying) on every item of a scale. */
function answers(
  scale: ScaleId,
  keyed: number | readonly (number | null)[],
): Record<string, number | null> {
  const items = SCALE_ITEMS.filter((i) => i.scale === scale);
  const out: Record<string, number | null> = {};
  items.forEach((item, i) => {
    const v = typeof keyed === 'number' ? keyed : (keyed[i] ?? null);
    out[item.id] = v === null ? null : item.reverseKeyed ? 6 - v : v;
  });
  return out;
}

/** `count` identical responses to wave-1. */
function responses(
  count: number,
  make: (i: number) => Partial<Parameters<typeof buildResponse>[0]>,
) {
  return Array.from({ length: count }, (_, i) =>
    buildResponse({ id: `resp-${i + 1}`, ...make(i) }),
  );
}

/** `count` members, the first `having` of them with `yes` and the rest with `no`. */
function members(count: number, having: number, yes: MemberInput, no: MemberInput) {
  return Array.from({ length: count }, (_, i) =>
    buildMember({ id: `m-${i + 1}`, ...(i < having ? yes : no) }),
  );
}

describe('personal.professional.mix', () => {
  it('counts professions and agencies of members in post', () => {
    const r = run('personal.professional.mix');
    expect(r.kind).toBe('descriptive');
    expect(r.status).toBe('ok');
    expect(r.value).toEqual({
      professions: { 'pr-teacher': 1, 'pr-ot': 2 },
      agencies: { 'ag-school': 1, 'ag-health': 2 },
    });
    expect(r.finding).toContain('Occupational therapist (2)');
  });

  it('leaves out members who have left', () => {
    const r = run('personal.professional.mix', {
      members: [
        buildMember({ id: 'm-1' }),
        buildMember({
          id: 'm-2',
          professionId: 'pr-ot',
          agencyId: 'ag-health',
          endDate: '2025-03-01',
        }),
      ],
    });
    expect(r.value).toEqual({ professions: { 'pr-teacher': 1 }, agencies: { 'ag-school': 1 } });
  });

  it('is insufficient with nobody in post', () => {
    const r = run('personal.professional.mix', {
      members: [buildMember({ id: 'm-1', startDate: '2025-08-01' })],
    });
    expect(r.status).toBe('insufficient');
  });
});

describe('personal.professional.statusGap', () => {
  const spread = (lo: number, hi: number) => [
    buildMember({ id: 'm-1', statusLevel: lo }),
    buildMember({ id: 'm-2', statusLevel: hi }),
    buildMember({ id: 'm-3', statusLevel: lo }),
  ];
  const respect = (keyed: readonly (number | null)[], count = 3) => ({
    waves: [buildWave()],
    responses: responses(count, () => ({ answers: answers('respect', keyed) })),
  });

  it('is ok below a spread of 3 without needing the survey', () => {
    const r = run('personal.professional.statusGap', { members: spread(2, 4) });
    expect(r.status).toBe('ok');
    expect(r.value).toEqual({ spread: 2, respectMean: null });
  });

  it('watches a spread of 3 with a respect mean just below 3.5', () => {
    // RS1 3, RS2 4, RS3 3 → 3.33.
    const r = run('personal.professional.statusGap', {
      members: spread(1, 4),
      ...respect([3, 4, 3]),
    });
    expect(r.status).toBe('watch');
    expect(r.value).toEqual({ spread: 3, respectMean: 3.33 });
    expect(r.survey?.items).toEqual(['RS1', 'RS2', 'RS3']);
    expect(r.evidence.map((e) => e.id)).toEqual(expect.arrayContaining(['m-1', 'm-2', 'RS3']));
  });

  it('is ok with a spread of 3 and a respect mean of exactly 3.5', () => {
    const r = run('personal.professional.statusGap', {
      members: spread(1, 4),
      ...respect([3, 4, null]),
    });
    expect(r.status).toBe('ok');
    expect(r.value).toEqual({ spread: 3, respectMean: 3.5 });
  });

  it('reads reverse-keyed RS3 turned round', () => {
    const r = run('personal.professional.statusGap', {
      members: spread(1, 5),
      ...respect([4, 4, 4]),
    });
    expect(r.status).toBe('ok');
    expect(r.value).toEqual({ spread: 4, respectMean: 4 });
  });

  it('is insufficient with a wide spread and fewer than 3 respondents', () => {
    const r = run('personal.professional.statusGap', {
      members: spread(1, 4),
      ...respect([3, 3, 3], 2),
    });
    expect(r.status).toBe('insufficient');
    expect(r.n).toBe(2);
    expect(r.minimum).toBe(3);
  });

  it('watches a wide spread when members disagree on respect', () => {
    const r = run('personal.professional.statusGap', {
      members: spread(1, 4),
      waves: [buildWave()],
      responses: responses(4, (i) => ({ answers: answers('respect', i % 2 === 0 ? 1 : 5) })),
    });
    expect(r.status).toBe('watch');
    expect(r.survey?.mean).toBeNull();
    expect(r.survey?.distribution).toEqual([2, 0, 0, 0, 2]);
  });

  it('is insufficient with one member', () => {
    const r = run('personal.professional.statusGap', { members: [buildMember({ id: 'm-1' })] });
    expect(r.status).toBe('insufficient');
  });
});

describe('personal.professional.jointTraining', () => {
  const trained = (count: number, having: number) => ({
    members: members(count, having, { multiAgencyTraining: true }, { multiAgencyTraining: false }),
  });

  it('raises concern below 25 % (1 of 5)', () => {
    expect(run('personal.professional.jointTraining', trained(5, 1)).status).toBe('concern');
  });
  it('watches at exactly 25 % (1 of 4)', () => {
    const r = run('personal.professional.jointTraining', trained(4, 1));
    expect(r.status).toBe('watch');
    expect(r.value).toBe(0.25);
    expect(r.evidence.map((e) => e.id)).toEqual(['m-2', 'm-3', 'm-4']);
    expect(r.finding).toContain('Member m-2');
  });
  it('watches just below 50 % (2 of 5)', () => {
    expect(run('personal.professional.jointTraining', trained(5, 2)).status).toBe('watch');
  });
  it('is ok at 50 % (2 of 4)', () => {
    expect(run('personal.professional.jointTraining', trained(4, 2)).status).toBe('ok');
  });
  it('is insufficient with fewer than 3 members', () => {
    const r = run('personal.professional.jointTraining', trained(2, 0));
    expect(r.status).toBe('insufficient');
    expect(r.minimum).toBe(3);
  });
});

describe('personal.individual.priorExperience', () => {
  const experienced = (count: number, having: number) => ({
    members: members(
      count,
      having,
      { priorMultiAgencyExperience: true },
      { priorMultiAgencyExperience: false },
    ),
  });

  it('watches below 50 % (1 of 3)', () => {
    const r = run('personal.individual.priorExperience', experienced(3, 1));
    expect(r.status).toBe('watch');
    expect(r.evidence.map((e) => e.id)).toEqual(['m-2', 'm-3']);
  });
  it('is ok at 50 % (2 of 4)', () => {
    expect(run('personal.individual.priorExperience', experienced(4, 2)).status).toBe('ok');
  });
  it('is insufficient with 2 members', () => {
    expect(run('personal.individual.priorExperience', experienced(2, 0)).status).toBe(
      'insufficient',
    );
  });
});

describe('personal.teamReasoning.scale', () => {
  const tr = (keyed: number | readonly number[], count = 3) => ({
    waves: [buildWave()],
    responses: responses(count, () => ({ answers: answers('teamReasoning', keyed) })),
  });
  // Seven items at `a` and one at `b`: respondent mean (7a + b) / 8.
  const mix = (a: number, b: number) => [a, a, a, a, a, a, a, b];

  it('is a strength at a mean of exactly 4.0', () => {
    const r = run('personal.teamReasoning.scale', tr(4));
    expect(r.status).toBe('strength');
    expect(r.value).toBe(4);
    expect(r.survey?.rwgJ).toBe(1);
  });
  it('watches just below 4.0 (3.88)', () => {
    const r = run('personal.teamReasoning.scale', tr(mix(4, 3)));
    expect(r.status).toBe('watch');
    expect(r.value).toBe(3.88);
  });
  it('watches at exactly 3.0', () => {
    expect(run('personal.teamReasoning.scale', tr(3)).status).toBe('watch');
  });
  it('raises concern just below 3.0 (2.88)', () => {
    expect(run('personal.teamReasoning.scale', tr(mix(3, 2))).status).toBe('concern');
  });
  it('turns the reverse-keyed TR4 and TR8 round', () => {
    const r = run('personal.teamReasoning.scale', {
      waves: [buildWave()],
      // Raw 2 on TR4 ("leave the joint work to others") and TR8 ("often unsure") keys to 4.
      responses: responses(3, () => ({
        answers: { TR1: 4, TR2: 4, TR3: 4, TR4: 2, TR5: 4, TR6: 4, TR7: 4, TR8: 2 },
      })),
    });
    expect(r.value).toBe(4);
  });
  it('watches, with the distribution and no mean, when members disagree', () => {
    const r = run('personal.teamReasoning.scale', {
      waves: [buildWave()],
      responses: responses(4, (i) => ({ answers: answers('teamReasoning', i < 2 ? 1 : 5) })),
    });
    expect(r.status).toBe('watch');
    expect(r.value).toBeNull();
    expect(r.survey?.mean).toBeNull();
    expect(r.survey?.distribution).toEqual([2, 0, 0, 0, 2]);
    expect(r.finding).toContain('differ');
  });
  it('is insufficient with 2 respondents, and with no survey', () => {
    expect(run('personal.teamReasoning.scale', tr(5, 2)).status).toBe('insufficient');
    const none = run('personal.teamReasoning.scale');
    expect(none.status).toBe('insufficient');
    expect(none.n).toBe(0);
  });
});

describe('personal.teamReasoning.roleOverview', () => {
  const AREAS = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
  /** Every member claims the first `claimSize` areas; every other member sees the first `viewSize`. */
  function overview(claimSize: number, viewSize: number): Partial<Input> {
    const ids = ['m-1', 'm-2', 'm-3'];
    return {
      responsibilityAreas: AREAS.map((id) => buildResponsibilityArea({ id })),
      roleClaims: ids.map((m) =>
        buildRoleClaim({ id: `claim-${m}`, memberId: m, areaIds: AREAS.slice(0, claimSize) }),
      ),
      rolePerceptions: ids.flatMap((p) =>
        ids
          .filter((t) => t !== p)
          .map((t) =>
            buildRolePerception({
              id: `perc-${p}-${t}`,
              perceiverId: p,
              targetId: t,
              areaIds: AREAS.slice(0, viewSize),
            }),
          ),
      ),
    };
  }

  it('is ok at a mean Jaccard of exactly 0.60', () => {
    const r = run('personal.teamReasoning.roleOverview', overview(5, 3));
    expect(r.value).toBe(0.6);
    expect(r.status).toBe('ok');
    expect(r.n).toBe(6);
    expect(r.evidence).toEqual([]);
  });
  it('watches just below 0.60 (0.5) and at exactly 0.40', () => {
    expect(run('personal.teamReasoning.roleOverview', overview(4, 2)).status).toBe('watch');
    const at = run('personal.teamReasoning.roleOverview', overview(5, 2));
    expect(at.value).toBe(0.4);
    expect(at.status).toBe('watch');
    expect(at.evidence.map((e) => e.id)).toContain('perc-m-1-m-2');
  });
  it('raises concern just below 0.40 (0.33)', () => {
    expect(run('personal.teamReasoning.roleOverview', overview(6, 2)).status).toBe('concern');
  });

  it('averages per perceiver first, then over perceivers, combining records and survey answers', () => {
    const r = run('personal.teamReasoning.roleOverview', {
      responsibilityAreas: ['a1', 'a2'].map((id) => buildResponsibilityArea({ id })),
      roleClaims: [
        buildRoleClaim({ id: 'claim-2', memberId: 'm-2', areaIds: ['a1'] }),
        buildRoleClaim({ id: 'claim-3', memberId: 'm-3', areaIds: ['a2'] }),
      ],
      rolePerceptions: [
        buildRolePerception({
          id: 'perc-1-2',
          perceiverId: 'm-1',
          targetId: 'm-2',
          areaIds: ['a1'],
        }),
        buildRolePerception({
          id: 'perc-1-3',
          perceiverId: 'm-1',
          targetId: 'm-3',
          areaIds: ['a1'],
        }),
      ],
      waves: [buildWave()],
      responses: [
        buildResponse({
          id: 'resp-2',
          respondentMemberId: 'm-2',
          ownRoleAreaIds: ['a1'],
          contacts: [
            {
              memberId: 'm-3',
              frequency: 'weekly',
              workingLevel: 'cooperation',
              roleAreaIds: ['a2'],
            },
          ],
        }),
      ],
    });
    // m-1: (1 + 0) / 2 = 0.5; m-2: 1 → team 0.75 (a plain mean of pairs would give 0.67).
    expect(r.value).toBe(0.75);
    expect(r.status).toBe('ok');
    expect(r.details?.perMember).toEqual([
      { memberId: 'm-1', displayName: 'Member m-1', mean: 0.5, pairs: 2 },
      { memberId: 'm-2', displayName: 'Member m-2', mean: 1, pairs: 1 },
    ]);
    expect(r.evidence.map((e) => e.id)).toEqual(['perc-1-3']);
  });

  it('is insufficient with fewer than 3 pairs', () => {
    const r = run('personal.teamReasoning.roleOverview', {
      responsibilityAreas: [buildResponsibilityArea({ id: 'a1' })],
      roleClaims: [buildRoleClaim({ id: 'claim-2', memberId: 'm-2', areaIds: ['a1'] })],
      rolePerceptions: [
        buildRolePerception({ id: 'perc-1', perceiverId: 'm-1', targetId: 'm-2', areaIds: [] }),
        buildRolePerception({ id: 'perc-3', perceiverId: 'm-3', targetId: 'm-2', areaIds: [] }),
        // No claim by m-1, so this view cannot be compared.
        buildRolePerception({ id: 'perc-2', perceiverId: 'm-2', targetId: 'm-1', areaIds: ['a1'] }),
      ],
    });
    expect(r.status).toBe('insufficient');
    expect(r.n).toBe(2);
  });
});

describe('personal.teamReasoning.jointGoalRecognition', () => {
  const goals = [
    buildGoal({ id: 'goal-joint' }),
    buildGoal({ id: 'goal-school', level: 'agency', agencyId: 'ag-school' }),
  ];
  type Choice = 'joint' | 'jointUnrecorded' | 'agency' | 'other';
  const chose = (choices: Choice[]) => ({
    goals,
    waves: [buildWave()],
    responses: choices.map((c, i) =>
      buildResponse({
        id: `resp-${i + 1}`,
        goal:
          c === 'joint'
            ? { choice: 'joint', goalId: 'goal-joint' }
            : c === 'jointUnrecorded'
              ? { choice: 'joint', goalId: 'goal-school' }
              : c === 'agency'
                ? { choice: 'agency', goalId: 'goal-school' }
                : { choice: 'other', text: 'Keeping her in school, whatever it takes' },
      }),
    ),
  });

  it('is ok at exactly 80 % (4 of 5)', () => {
    const r = run(
      'personal.teamReasoning.jointGoalRecognition',
      chose(['joint', 'joint', 'joint', 'joint', 'agency']),
    );
    expect(r.status).toBe('ok');
    expect(r.value).toBe(0.8);
  });
  it('watches just below 80 % (3 of 4) and at exactly 50 % (2 of 4)', () => {
    expect(
      run(
        'personal.teamReasoning.jointGoalRecognition',
        chose(['joint', 'joint', 'joint', 'other']),
      ).status,
    ).toBe('watch');
    expect(
      run(
        'personal.teamReasoning.jointGoalRecognition',
        chose(['joint', 'joint', 'other', 'agency']),
      ).status,
    ).toBe('watch');
  });
  it('raises concern just below 50 % (2 of 5), not counting a "joint" answer naming no recorded joint goal', () => {
    const r = run(
      'personal.teamReasoning.jointGoalRecognition',
      chose(['joint', 'joint', 'jointUnrecorded', 'agency', 'other']),
    );
    expect(r.status).toBe('concern');
    expect(r.value).toBe(0.4);
    expect(r.evidence.map((e) => e.id)).toEqual(['resp-1', 'resp-2', 'resp-3', 'resp-4', 'resp-5']);
    expect(r.finding).not.toContain('whatever it takes');
  });
  it('counts only respondents who answered the goal question; insufficient below 3', () => {
    const doc = chose(['joint', 'joint']);
    const r = run('personal.teamReasoning.jointGoalRecognition', {
      ...doc,
      responses: [...doc.responses, buildResponse({ id: 'resp-9' })],
    });
    expect(r.status).toBe('insufficient');
    expect(r.n).toBe(2);
  });
});
