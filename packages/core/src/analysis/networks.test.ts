import { describe, expect, it } from 'vitest';
import { restoreOrThrow } from '../document/restore.js';
import type { CollaborationDocumentInput } from '../document/schema.js';
import {
  buildActivity,
  buildAgencyRelation,
  buildCommunication,
  buildDocument,
  buildMember,
  buildResponse,
  buildWave,
} from '../test-support/factories.js';
import { analysisContext } from './context.js';
import { collaborationNetworks, networkEvidence } from './networks.js';

const AS_OF = '2025-12-31';

function networksOf(overrides: Partial<CollaborationDocumentInput>, asOf = AS_OF) {
  const ctx = analysisContext(restoreOrThrow(buildDocument(overrides)), { asOf });
  return { ctx, nets: collaborationNetworks(ctx) };
}

const row = (ties: readonly { source: string; target: string }[], s: string, t: string) =>
  ties.find((r) => r.source === s && r.target === t);

describe('collaborationNetworks: inter-professional level', () => {
  it('counts communications, joint activities and survey contacts as separate sources', () => {
    const { nets } = networksOf({
      communications: [
        buildCommunication({ id: 'c1', date: '2025-06-01', fromId: 'm-1', toIds: ['m-2', 'm-3'] }),
      ],
      activities: [buildActivity({ id: 'a1', date: '2025-06-02', participantIds: ['m-1', 'm-2'] })],
      waves: [buildWave({ id: 'w1', opensOn: '2025-06-02' })],
      responses: [
        buildResponse({
          id: 'r1',
          waveId: 'w1',
          respondentMemberId: 'm-1',
          contacts: [{ memberId: 'm-2', frequency: 'weekly', workingLevel: 'cooperation' }],
        }),
        buildResponse({
          id: 'r2',
          waveId: 'w1',
          respondentMemberId: 'm-2',
          contacts: [{ memberId: 'm-3', frequency: 'never', workingLevel: 'cooperation' }],
        }),
      ],
    });
    const net = nets.interProfessional;
    expect(net.level).toBe('interProfessional');
    expect(row(net.ties, 'm-1', 'm-2')).toEqual({
      source: 'm-1',
      target: 'm-2',
      weight: 3,
      communication: 1,
      activity: 1,
      survey: 1,
    });
    expect(row(net.ties, 'm-2', 'm-1')).toMatchObject({ weight: 1, activity: 1, communication: 0 });
    expect(row(net.ties, 'm-1', 'm-3')).toMatchObject({ weight: 1, communication: 1 });
    // A "not at all" answer is no tie.
    expect(row(net.ties, 'm-2', 'm-3')).toBeUndefined();
    expect(net.ties.map((r) => `${r.source}>${r.target}`)).toEqual([
      'm-1>m-2',
      'm-1>m-3',
      'm-2>m-1',
    ]);
    // One communication, one activity, one survey answer.
    expect(net.contactsInWindow).toBe(3);
    expect(net.measures.density).toBeCloseTo(3 / 6, 10);
  });

  it('lists members in post with agency group and profession', () => {
    const { nets } = networksOf({
      members: [
        buildMember({
          id: 'm-1',
          displayName: 'Ana',
          agencyId: 'ag-school',
          professionId: 'pr-teacher',
        }),
        buildMember({ id: 'm-2', agencyId: 'ag-health', professionId: 'pr-ot' }),
        buildMember({
          id: 'm-gone',
          agencyId: 'ag-health',
          professionId: 'pr-ot',
          endDate: '2025-05-01',
        }),
      ],
    });
    expect(nets.interProfessional.nodes).toEqual([
      {
        id: 'm-1',
        label: 'Ana',
        group: 'ag-school',
        groupLabel: 'Test School',
        profession: 'pr-teacher',
        professionLabel: 'Teacher',
      },
      expect.objectContaining({ id: 'm-2', group: 'ag-health', profession: 'pr-ot' }),
    ]);
  });

  it('keeps only contacts dated after the window start and on or before the as-of date', () => {
    // 12 months before 2025-12-31 is 2024-12-31: that day is outside, the next day inside.
    const { nets } = networksOf({
      members: [
        buildMember({ id: 'm-1', startDate: '2024-01-01' }),
        buildMember({
          id: 'm-2',
          startDate: '2024-01-01',
          agencyId: 'ag-health',
          professionId: 'pr-ot',
        }),
        buildMember({
          id: 'm-3',
          startDate: '2024-01-01',
          agencyId: 'ag-health',
          professionId: 'pr-ot',
        }),
      ],
      communications: [
        buildCommunication({ id: 'c-edge', date: '2024-12-31', fromId: 'm-1', toIds: ['m-2'] }),
        buildCommunication({ id: 'c-in', date: '2025-01-01', fromId: 'm-1', toIds: ['m-3'] }),
        buildCommunication({ id: 'c-last', date: '2025-12-31', fromId: 'm-2', toIds: ['m-3'] }),
        buildCommunication({ id: 'c-after', date: '2026-01-01', fromId: 'm-3', toIds: ['m-1'] }),
      ],
    });
    const ties = nets.interProfessional.ties.map((r) => `${r.source}>${r.target}`);
    expect(ties).toEqual(['m-1>m-3', 'm-2>m-3']);
    expect(nets.interProfessional.contactsInWindow).toBe(2);
  });

  it('leaves out members no longer in post and their contacts', () => {
    const { nets } = networksOf({
      members: [
        buildMember({ id: 'm-1' }),
        buildMember({ id: 'm-2', agencyId: 'ag-health', professionId: 'pr-ot' }),
        buildMember({
          id: 'm-3',
          agencyId: 'ag-health',
          professionId: 'pr-ot',
          endDate: '2025-10-01',
        }),
      ],
      communications: [
        buildCommunication({ id: 'c1', date: '2025-06-01', fromId: 'm-1', toIds: ['m-3'] }),
        buildCommunication({ id: 'c2', date: '2025-06-01', fromId: 'm-3', toIds: ['m-2'] }),
      ],
    });
    expect(nets.interProfessional.nodes.map((n) => n.id)).toEqual(['m-1', 'm-2']);
    expect(nets.interProfessional.ties).toEqual([]);
    expect(nets.interProfessional.contactsInWindow).toBe(0);
  });

  it('takes survey contacts from the current wave only', () => {
    const contact = (memberId: string) => ({
      memberId,
      frequency: 'daily',
      workingLevel: 'cooperation',
    });
    const { nets } = networksOf({
      waves: [
        buildWave({ id: 'w-old', opensOn: '2025-02-01' }),
        buildWave({ id: 'w-new', opensOn: '2025-09-01' }),
      ],
      responses: [
        buildResponse({
          id: 'r-old',
          waveId: 'w-old',
          respondentMemberId: 'm-1',
          contacts: [contact('m-3')],
        }),
        buildResponse({
          id: 'r-new',
          waveId: 'w-new',
          respondentMemberId: 'm-1',
          contacts: [contact('m-2')],
        }),
      ],
    });
    expect(nets.interProfessional.ties.map((r) => `${r.source}>${r.target}:${r.survey}`)).toEqual([
      'm-1>m-2:1',
    ]);
  });
});

describe('collaborationNetworks: inter-agency level', () => {
  const doc: Partial<CollaborationDocumentInput> = {
    agencies: [
      { id: 'ag-school', name: 'Test School', sector: 'education', statutoryDutyForJointAim: true },
      {
        id: 'ag-health',
        name: 'Test Health Trust',
        sector: 'health',
        statutoryDutyForJointAim: true,
      },
      { id: 'ag-youth', name: 'Youth Service', sector: 'youth', statutoryDutyForJointAim: false },
    ],
    communications: [
      buildCommunication({ id: 'c1', date: '2025-06-01', fromId: 'm-1', toIds: ['m-2'] }),
      buildCommunication({ id: 'c2', date: '2025-06-02', fromId: 'm-1', toIds: ['m-2'] }),
      buildCommunication({ id: 'c3', date: '2025-06-03', fromId: 'm-2', toIds: ['m-3'] }),
    ],
    agencyRelations: [
      buildAgencyRelation({
        id: 'rel-1',
        agencyIds: ['ag-school', 'ag-youth'],
        protocol: true,
        yearsOfHistory: 4,
      }),
      buildAgencyRelation({ id: 'rel-empty', agencyIds: ['ag-health', 'ag-youth'] }),
    ],
  };

  it('has agencies as nodes and aggregates cross-agency member ties, leaving within-agency ties out', () => {
    const { nets } = networksOf(doc);
    const net = nets.interAgency;
    expect(net.level).toBe('interAgency');
    expect(net.nodes.map((n) => n.id)).toEqual(['ag-school', 'ag-health', 'ag-youth']);
    // m-1 (school) → m-2 (health) twice; m-2 → m-3 is inside ag-health.
    expect(row(net.ties, 'ag-school', 'ag-health')).toMatchObject({
      weight: 2,
      communication: 2,
      relation: 0,
    });
    expect(row(net.ties, 'ag-health', 'ag-health')).toBeUndefined();
    expect(row(net.ties, 'ag-health', 'ag-school')).toBeUndefined();
  });

  it('adds agency relations in both directions, one contact per shared feature', () => {
    const { nets } = networksOf(doc);
    const net = nets.interAgency;
    expect(row(net.ties, 'ag-school', 'ag-youth')).toMatchObject({
      weight: 2,
      relation: 2,
      communication: 0,
    });
    expect(row(net.ties, 'ag-youth', 'ag-school')).toMatchObject({ weight: 2, relation: 2 });
    // A relation with nothing shared is no tie.
    expect(row(net.ties, 'ag-health', 'ag-youth')).toBeUndefined();
    // Two communications crossing agencies and one relation.
    expect(net.contactsInWindow).toBe(3);
  });

  it('never mixes the levels: no agency in the member network, no relation in member ties', () => {
    const { nets } = networksOf(doc);
    const memberIds = new Set(nets.interProfessional.nodes.map((n) => n.id));
    expect(
      nets.interProfessional.ties.every((r) => memberIds.has(r.source) && !('relation' in r)),
    ).toBe(true);
    expect(nets.interAgency.nodes.some((n) => memberIds.has(n.id))).toBe(false);
    expect(nets.interProfessional.measures.nodeCount).toBe(3);
    expect(nets.interAgency.measures.nodeCount).toBe(3);
  });

  it('reports the E-I index per agency over member ties, counting within-agency ties as internal', () => {
    const { nets } = networksOf(doc);
    // Undirected member ties: m-1–m-2 across agencies, m-2–m-3 inside ag-health.
    expect(nets.interAgency.measures.eiIndex).toEqual({
      overall: 0,
      byGroup: { 'ag-health': 0, 'ag-school': 1, 'ag-youth': null },
    });
    expect(nets.interAgency.conventions.some((c) => c.includes('internal'))).toBe(true);
  });

  it('is computed once per diagnosis', () => {
    const { ctx, nets } = networksOf(doc);
    expect(collaborationNetworks(ctx)).toBe(nets);
  });
});

describe('collaborationNetworks: sparse documents', () => {
  it('gives empty networks for a document with no members, without throwing', () => {
    const { nets, ctx } = networksOf({ members: [], agencies: [] });
    expect(nets.interProfessional.nodes).toEqual([]);
    expect(nets.interProfessional.measures.density).toBe(0);
    expect(nets.interAgency.ties).toEqual([]);
    expect(networkEvidence(nets.interProfessional, ctx.thresholds)).toEqual({
      n: 0,
      minimum: 3,
      shortOf: 'nodes',
    });
  });

  it('needs 3 members and 5 contacts in the window', () => {
    const comms = (k: number) =>
      Array.from({ length: k }, (_, i) => buildCommunication({ id: `c${i}`, date: '2025-06-01' }));
    const four = networksOf({ communications: comms(4) });
    expect(networkEvidence(four.nets.interProfessional, four.ctx.thresholds)).toEqual({
      n: 4,
      minimum: 5,
      shortOf: 'contacts',
    });
    const five = networksOf({ communications: comms(5) });
    expect(networkEvidence(five.nets.interProfessional, five.ctx.thresholds).shortOf).toBeNull();
  });
});
