import { describe, expect, it } from 'vitest';
import type { CollaborationDocumentInput } from '../document/schema.js';
import { restoreOrThrow } from '../document/restore.js';
import { buildDocument, buildGoal, buildResponse, buildWave } from '../test-support/factories.js';
import { analysisContext } from './context.js';
import { goalAlignment } from './goal-alignment.js';

function alignmentOf(overrides: Partial<CollaborationDocumentInput> = {}) {
  return goalAlignment(
    analysisContext(restoreOrThrow(buildDocument(overrides)), { asOf: '2025-07-01' }),
  );
}

describe('goalAlignment', () => {
  const a = alignmentOf({
    goals: [
      buildGoal({
        id: 'goal-joint',
        statement: 'Keep Sam in school',
        agreed: true,
        agreedOn: '2025-02-01',
        responsibleMemberIds: ['m-1'],
      }),
      buildGoal({ id: 'goal-joint-2', statement: 'Second aim' }),
      buildGoal({
        id: 'goal-school',
        level: 'agency',
        agencyId: 'ag-school',
        links: [{ goalId: 'goal-joint', relation: 'supports' }],
      }),
      buildGoal({
        id: 'goal-health',
        level: 'agency',
        agencyId: 'ag-health',
        links: [{ goalId: 'goal-joint', relation: 'conflicts' }],
      }),
      buildGoal({
        id: 'goal-ot',
        level: 'professional',
        memberId: 'm-2',
        confidentialTo: 'ag-health',
        statement: 'Private aim',
      }),
      buildGoal({
        id: 'goal-old',
        level: 'agency',
        agencyId: 'ag-school',
        links: [{ goalId: 'goal-joint', relation: 'conflicts', resolved: true }],
      }),
      // A conflict recorded on the joint goal's side.
      buildGoal({
        id: 'goal-joint-3',
        statement: 'Third aim',
        links: [{ goalId: 'goal-ot', relation: 'conflicts' }],
      }),
    ],
    waves: [buildWave()],
    responses: [
      buildResponse({ id: 'r-1', goal: { choice: 'joint', goalId: 'goal-joint' } }),
      buildResponse({ id: 'r-2', goal: { choice: 'joint', goalId: 'goal-school' } }),
      buildResponse({ id: 'r-3', goal: { choice: 'agency', goalId: 'goal-school' } }),
      buildResponse({ id: 'r-4', goal: { choice: 'other', text: 'My own secret words' } }),
      buildResponse({ id: 'r-5' }),
    ],
  });

  it('lists the joint goals, agreed or not', () => {
    expect(a.jointGoals.map((g) => [g.id, g.agreed, g.agreedOn])).toEqual([
      ['goal-joint', true, '2025-02-01'],
      ['goal-joint-2', false, null],
      ['goal-joint-3', false, null],
    ]);
  });

  it('relates each agency or professional goal to the joint goals', () => {
    expect(a.goals.map((g) => [g.id, g.relation, g.unresolved, g.agencyId])).toEqual([
      ['goal-school', 'supports', false, 'ag-school'],
      ['goal-health', 'conflicts', true, 'ag-health'],
      ['goal-ot', 'conflicts', true, 'ag-health'],
      ['goal-old', 'conflicts', false, 'ag-school'],
    ]);
    expect(a.goals.find((g) => g.id === 'goal-ot')?.statement).toBe('confidential record');
  });

  it('reports goals with no link as unlinked', () => {
    const b = alignmentOf({
      goals: [
        buildGoal({ id: 'goal-j' }),
        buildGoal({ id: 'goal-s', level: 'agency', agencyId: 'ag-school' }),
      ],
    });
    expect(b.goals.map((g) => g.relation)).toEqual(['unlinked']);
    expect(b.unresolvedConflicts).toEqual([]);
  });

  it('lists unresolved conflicts with the agencies involved', () => {
    expect(a.unresolvedConflicts).toEqual([
      { goalIds: ['goal-health', 'goal-joint'], agencyIds: ['ag-health'], involvesJointGoal: true },
      { goalIds: ['goal-joint-3', 'goal-ot'], agencyIds: ['ag-health'], involvesJointGoal: true },
    ]);
  });

  it('counts the goal choices of the current wave without any free text', () => {
    expect(a.goalChoices).toEqual({
      waveId: 'wave-1',
      respondents: 5,
      answered: 4,
      joint: 2,
      recordedJointGoal: 1,
      agency: 1,
      other: 1,
      byJointGoal: { 'goal-joint': 1 },
    });
    expect(JSON.stringify(a)).not.toContain('secret');
  });

  it('is empty, not failing, with no goals and no survey', () => {
    expect(alignmentOf()).toEqual({
      jointGoals: [],
      goals: [],
      unresolvedConflicts: [],
      goalChoices: {
        waveId: null,
        respondents: 0,
        answered: 0,
        joint: 0,
        recordedJointGoal: 0,
        agency: 0,
        other: 0,
        byJointGoal: {},
      },
    });
  });
});
