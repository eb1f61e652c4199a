import { describe, expect, it } from 'vitest';
import { restoreOrThrow } from '../../document/restore.js';
import type { CollaborationDocumentInput } from '../../document/schema.js';
import {
  buildAdaptation,
  buildAgency,
  buildDocument,
  buildMember,
  buildPolicy,
  buildPolicyInteraction,
  buildWithheldInformation,
} from '../../test-support/factories.js';
import { analysisContext } from '../context.js';
import { runIndicator } from '../indicator.js';
import { policyIndicators } from './policy.js';

const AS_OF = '2025-12-31';

function result(id: string, overrides: Partial<CollaborationDocumentInput> = {}, asOf = AS_OF) {
  const def = policyIndicators.find((d) => d.id === id);
  if (def === undefined) throw new Error(`no indicator ${id}`);
  const ctx = analysisContext(restoreOrThrow(buildDocument(overrides)), { asOf });
  return runIndicator(def, ctx);
}

const ids = (r: { evidence: readonly { id: string }[] }) => r.evidence.map((e) => e.id);

describe('every policy indicator', () => {
  it('is insufficient on a document with no members and no policy records', () => {
    for (const def of policyIndicators) {
      const r = result(def.id, { members: [] });
      expect(r.status).toBe('insufficient');
      expect(r.id.startsWith(`${def.element}.`)).toBe(true);
    }
  });
});

describe('policy.structures.statutoryBasis', () => {
  const id = 'policy.structures.statutoryBasis';

  it('is ok when every agency taking part holds a duty', () => {
    expect(result(id).status).toBe('ok');
  });

  it('watches at one agency without a duty, naming it', () => {
    const r = result(id, {
      agencies: [
        buildAgency({
          id: 'ag-school',
          name: 'Test School',
          sector: 'education',
          statutoryDutyForJointAim: false,
        }),
        buildAgency({ id: 'ag-health', name: 'Test Health Trust', sector: 'health' }),
      ],
    });
    expect(r.status).toBe('watch');
    expect(ids(r)).toEqual(['ag-school']);
    expect(r.finding).toContain('Test School');
  });

  it('leaves out agencies with no member in post', () => {
    const r = result(id, {
      agencies: [
        buildAgency({ id: 'ag-school', name: 'Test School' }),
        buildAgency({ id: 'ag-health', name: 'Test Health Trust' }),
        buildAgency({ id: 'ag-gone', name: 'Former partner', statutoryDutyForJointAim: false }),
      ],
      members: [
        buildMember({ id: 'm-1' }),
        buildMember({ id: 'm-2', agencyId: 'ag-health', professionId: 'pr-ot' }),
        buildMember({ id: 'm-3', agencyId: 'ag-gone', endDate: '2025-06-01' }),
      ],
    });
    expect(r.status).toBe('ok');
    expect(r.n).toBe(2);
  });
});

describe('policy.interactions.clashes', () => {
  const id = 'policy.interactions.clashes';
  const policies = [
    buildPolicy({ id: 'pol-a', name: 'Confidentiality promise' }),
    buildPolicy({ id: 'pol-b', name: 'Behaviour policy' }),
    buildPolicy({ id: 'pol-c', name: 'Attendance targets' }),
  ];

  it('is ok with policies recorded and none conflicting', () => {
    const r = result(id, {
      policies,
      policyInteractions: [buildPolicyInteraction({ id: 'pi-1', effect: 'supports' })],
    });
    expect(r.status).toBe('ok');
  });

  it('watches at one conflicting interaction', () => {
    const r = result(id, {
      policies,
      policyInteractions: [buildPolicyInteraction({ id: 'pi-1' })],
    });
    expect(r.status).toBe('watch');
    expect(ids(r)).toEqual(['pi-1']);
    expect(r.finding).toContain('Confidentiality promise');
  });

  it('is a concern at two', () => {
    const r = result(id, {
      policies,
      policyInteractions: [
        buildPolicyInteraction({ id: 'pi-1' }),
        buildPolicyInteraction({ id: 'pi-2', policyIds: ['pol-b', 'pol-c'] }),
      ],
    });
    expect(r.value).toBe(2);
    expect(r.status).toBe('concern');
  });

  it('adds a clash for information held back under a professional rule no interaction covers', () => {
    const r = result(id, {
      policies,
      policyInteractions: [buildPolicyInteraction({ id: 'pi-1' })],
      withheldInformation: [
        buildWithheldInformation({
          id: 'wh-1',
          rule: { kind: 'professionConstraint', professionId: 'pr-ot' },
          description: 'SECRET detail',
        }),
      ],
    });
    expect(r.status).toBe('concern');
    expect(ids(r)).toEqual(['pi-1', 'wh-1']);
    expect(JSON.stringify(r)).not.toContain('SECRET');
  });

  it('does not count twice a withholding under a policy the interaction already names, or one it cites', () => {
    const r = result(id, {
      policies,
      policyInteractions: [buildPolicyInteraction({ id: 'pi-1', evidenceIds: ['wh-2'] })],
      withheldInformation: [
        buildWithheldInformation({ id: 'wh-1', rule: { kind: 'policy', policyId: 'pol-a' } }),
        buildWithheldInformation({
          id: 'wh-2',
          rule: { kind: 'professionConstraint', professionId: 'pr-ot' },
        }),
      ],
    });
    expect(r.value).toBe(1);
    expect(r.status).toBe('watch');
  });

  it('does not count information held back for consent', () => {
    const r = result(id, {
      withheldInformation: [buildWithheldInformation({ id: 'wh-1', rule: { kind: 'consent' } })],
    });
    expect(r.status).toBe('ok');
  });
});

describe('policy.regulation.constraints', () => {
  const id = 'policy.regulation.constraints';
  const professions = (needed: boolean) => [
    { id: 'pr-teacher', name: 'Teacher' },
    {
      id: 'pr-ot',
      name: 'Occupational therapist',
      constraints: [
        {
          id: 'k-1',
          description: 'Clinical notes stay in the trust',
          limits: 'sharing' as const,
          neededByCollaboration: needed,
        },
      ],
    },
  ];

  it('watches when a profession represented here is bound by a rule the collaboration needs', () => {
    const r = result(id, { professions: professions(true) });
    expect(r.status).toBe('watch');
    expect(ids(r)).toEqual(['pr-ot']);
    expect(r.finding).toContain('Occupational therapist');
  });

  it('is ok when the constraint does not touch the joint work', () => {
    expect(result(id, { professions: professions(false) }).status).toBe('ok');
  });

  it('is ok when no member in post belongs to the constrained profession', () => {
    const r = result(id, { professions: professions(true), members: [buildMember({ id: 'm-1' })] });
    expect(r.status).toBe('ok');
  });
});

describe('policy.feedback.adaptations', () => {
  const id = 'policy.feedback.adaptations';

  it('counts adaptations by kind and lists feedback, without confidential text', () => {
    const r = result(id, {
      adaptations: [
        buildAdaptation({ id: 'ad-1', kind: 'workaround' }),
        buildAdaptation({ id: 'ad-2', kind: 'feedback', fedBackTo: 'Trust board' }),
        buildAdaptation({
          id: 'ad-3',
          kind: 'feedback',
          fedBackTo: 'SECRET board',
          confidentialTo: 'ag-school',
        }),
      ],
    });
    expect(r.kind).toBe('descriptive');
    expect(r.status).toBe('ok');
    expect(r.value).toEqual({ interpretation: 0, adaptation: 0, workaround: 1, feedback: 2 });
    expect(r.finding).toContain('ad-2 to Trust board');
    expect(r.finding).not.toContain('SECRET');
    expect(ids(r)).toEqual(['ad-1', 'ad-2', 'ad-3']);
  });

  it('is insufficient with nothing recorded', () => {
    expect(result(id).status).toBe('insufficient');
  });
});
