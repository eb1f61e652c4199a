import { describe, expect, it } from 'vitest';
import type { CollaborationDocumentInput } from '../document/schema.js';
import { restoreOrThrow } from '../document/restore.js';
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
} from '../test-support/factories.js';
import { analysisContext } from './context.js';
import { roleMap, rolePairs } from './role-map.js';

const AS_OF = '2025-07-01';

function contextOf(overrides: Partial<CollaborationDocumentInput> = {}) {
  return analysisContext(restoreOrThrow(buildDocument(overrides)), { asOf: AS_OF });
}

const doc: Partial<CollaborationDocumentInput> = {
  professions: [
    { id: 'pr-teacher', name: 'Teacher' },
    { id: 'pr-ot', name: 'Occupational therapist' },
  ],
  members: [
    buildMember({ id: 'm-1', displayName: 'Ana' }),
    buildMember({ id: 'm-2', displayName: 'Ben', agencyId: 'ag-health', professionId: 'pr-ot' }),
    buildMember({ id: 'm-3', displayName: 'Cy', agencyId: 'ag-health', professionId: 'pr-ot' }),
    buildMember({ id: 'm-9', displayName: 'Old', endDate: '2025-02-01' }),
  ],
  cases: [{ id: 'case-1', pseudonym: 'Child A' }],
  responsibilityAreas: [
    buildResponsibilityArea({ id: 'area-motor', name: 'Fine motor' }),
    buildResponsibilityArea({ id: 'area-reading', name: 'Reading', agreedLeadMemberId: 'm-9' }),
    buildResponsibilityArea({ id: 'area-housing', name: 'Housing' }),
  ],
  roleClaims: [
    buildRoleClaim({ id: 'claim-1', memberId: 'm-1', areaIds: ['area-motor', 'area-reading'] }),
    buildRoleClaim({ id: 'claim-9', memberId: 'm-9', areaIds: ['area-housing'] }),
  ],
  rolePerceptions: [
    buildRolePerception({
      id: 'perc-1',
      perceiverId: 'm-1',
      targetId: 'm-2',
      areaIds: ['area-reading'],
    }),
    buildRolePerception({
      id: 'perc-2',
      perceiverId: 'm-2',
      targetId: 'm-1',
      areaIds: ['area-motor', 'area-reading'],
      source: 'interview',
    }),
    buildRolePerception({
      id: 'perc-self',
      perceiverId: 'm-3',
      targetId: 'm-3',
      areaIds: ['area-housing'],
    }),
  ],
  waves: [buildWave()],
  responses: [
    buildResponse({
      id: 'resp-2',
      respondentMemberId: 'm-2',
      ownRoleAreaIds: ['area-motor', 'area-reading'],
      contacts: [
        {
          memberId: 'm-1',
          frequency: 'weekly',
          workingLevel: 'cooperation',
          roleAreaIds: ['area-housing'],
        },
      ],
    }),
  ],
  activities: [
    {
      id: 'act-1',
      date: '2025-06-01',
      title: 'Handwriting session',
      phase: 'doing',
      kind: 'intervention',
      participantIds: ['m-2', 'm-3'],
      areaIds: ['area-motor'],
    },
    {
      id: 'act-old',
      date: '2024-12-01',
      title: 'Old session',
      phase: 'doing',
      kind: 'intervention',
      participantIds: ['m-1'],
      areaIds: ['area-reading'],
    },
  ],
  caseEvents: [
    {
      id: 'ev-1',
      date: '2025-05-02',
      caseId: 'case-1',
      memberId: 'm-1',
      kind: 'assessment',
      areaIds: ['area-reading'],
    },
  ],
  needs: [
    buildNeed({
      id: 'need-1',
      caseId: 'case-1',
      areaId: 'area-housing',
      ownerMemberIds: ['m-9'],
      description: 'Stable housing',
    }),
    buildNeed({ id: 'need-2', caseId: 'case-1', areaId: 'area-motor', ownerMemberIds: ['m-2'] }),
  ],
  goals: [buildGoal({ id: 'goal-1', statement: 'Back in school', confidentialTo: 'ag-school' })],
};

describe('roleMap', () => {
  const ctx = contextOf(doc);
  const map = roleMap(ctx);

  it('combines role claim records with identified survey answers', () => {
    expect(map.members.map((m) => [m.id, m.claimed])).toEqual([
      ['m-1', ['area-motor', 'area-reading']],
      ['m-2', ['area-motor', 'area-reading']],
      ['m-3', []],
    ]);
  });

  it('flags an overlap across professions, and treats an agreed lead who has left as no lead', () => {
    const reading = map.areas.find((a) => a.id === 'area-reading');
    expect(reading?.agreedLeadMemberId).toBeNull();
    expect(map.overlaps).toEqual([
      { areaId: 'area-motor', memberIds: ['m-1', 'm-2'], professions: ['pr-teacher', 'pr-ot'] },
      { areaId: 'area-reading', memberIds: ['m-1', 'm-2'], professions: ['pr-teacher', 'pr-ot'] },
    ]);
  });

  it('records who performed each area in the last 6 months', () => {
    expect(map.areas.map((a) => [a.id, a.performedBy])).toEqual([
      ['area-motor', ['m-2', 'm-3']],
      ['area-reading', ['m-1']],
      ['area-housing', []],
    ]);
    expect(map.members.find((m) => m.id === 'm-1')?.performed).toEqual(['area-reading']);
  });

  it('unions views from records and survey contacts, ignoring self-views', () => {
    expect(map.members.find((m) => m.id === 'm-1')?.perceivedAs).toEqual([
      'area-motor',
      'area-reading',
      'area-housing',
    ]);
    expect(map.members.find((m) => m.id === 'm-3')?.perceivedAs).toEqual([]);
    const pairs = rolePairs(ctx);
    expect(pairs.map((p) => [p.perceiverId, p.targetId, p.jaccard, p.sources])).toEqual([
      ['m-1', 'm-2', 0.5, ['record']],
      ['m-2', 'm-1', 0.667, ['interview', 'survey']],
    ]);
    expect(map.areas.find((a) => a.id === 'area-housing')?.perceivedBy).toEqual([
      { perceiverId: 'm-2', targetId: 'm-1' },
    ]);
  });

  it('lists misperceptions below 0.34 with their evidence', () => {
    const ctx2 = contextOf({
      ...doc,
      rolePerceptions: [
        buildRolePerception({
          id: 'perc-x',
          perceiverId: 'm-3',
          targetId: 'm-1',
          areaIds: ['area-housing'],
        }),
      ],
    });
    expect(roleMap(ctx2).misperceptions).toEqual([
      {
        perceiverId: 'm-2',
        targetId: 'm-1',
        jaccard: 0,
        view: ['area-housing'],
        claim: ['area-motor', 'area-reading'],
        evidence: ['resp-2'],
      },
      {
        perceiverId: 'm-3',
        targetId: 'm-1',
        jaccard: 0,
        view: ['area-housing'],
        claim: ['area-motor', 'area-reading'],
        evidence: ['perc-x'],
      },
    ]);
  });

  it('lists needs and joint goals with nobody in post, withholding confidential words', () => {
    expect(map.gaps).toEqual([
      { kind: 'need', id: 'need-1', description: 'Stable housing' },
      {
        kind: 'jointGoal',
        id: 'goal-1',
        description: 'confidential record',
        confidentialTo: 'ag-school',
      },
    ]);
    expect(map.areas.find((a) => a.id === 'area-housing')?.gap).toBe(true);
    expect(map.areas.find((a) => a.id === 'area-motor')?.gap).toBe(false);
  });

  it('is computed once per diagnosis and is plain JSON', () => {
    expect(roleMap(ctx)).toBe(map);
    expect(JSON.parse(JSON.stringify(map))).toEqual(map);
  });

  it('is empty, not failing, on a bare document', () => {
    const empty = roleMap(contextOf({ members: [] }));
    expect(empty).toEqual({ areas: [], members: [], misperceptions: [], gaps: [], overlaps: [] });
  });
});
