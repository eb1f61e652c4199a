import { diagnose, type Diagnosis } from '../../analysis/diagnose.js';
import { restoreOrThrow } from '../../document/restore.js';
import {
  buildAgency,
  buildCommunication,
  buildDocument,
  buildGoal,
  buildMember,
  buildPolicy,
  buildPolicyInteraction,
  buildResponsibilityArea,
  buildRoleClaim,
  buildWave,
  buildResponse,
} from '../../test-support/factories.js';

/** A name that would run script if any renderer forgot to escape it. */
export const XSS_NAME = '<img src=x onerror=alert(1)>';

/**
 * A small collaboration with something to show: an overlap, two policy clashes, an unresolved
 * goal conflict, a chain of contacts with key people, an isolate, a member whose name is an
 * XSS attempt, and two survey waves.
 */
export function reportDocument() {
  return buildDocument({
    collaboration: {
      id: 'collab-report',
      name: 'Team <b>“J”</b> & co',
      fictional: true,
      teamForm: 'caseTeam',
      startDate: '2025-01-06',
      boundedness: { aims: 'defined', resourcing: 'partly', time: 'open' },
      fundingModel: 'separateBudgets',
    },
    agencies: [
      buildAgency({ id: 'ag-school', name: 'Test School', sector: 'education' }),
      buildAgency({ id: 'ag-health', name: 'Test Health Trust', sector: 'health' }),
      buildAgency({ id: 'ag-social', name: 'Social care', sector: 'socialCare' }),
    ],
    members: [
      buildMember({ id: 'm-1', displayName: XSS_NAME, agencyId: 'ag-school' }),
      buildMember({ id: 'm-2', agencyId: 'ag-health', professionId: 'pr-ot' }),
      buildMember({ id: 'm-3', agencyId: 'ag-health', professionId: 'pr-ot' }),
      buildMember({ id: 'm-4', agencyId: 'ag-social', professionId: 'pr-teacher' }),
      buildMember({ id: 'm-5', agencyId: 'ag-school' }),
    ],
    responsibilityAreas: [
      buildResponsibilityArea({ id: 'area-fine-motor', name: 'Fine motor <skills>' }),
      buildResponsibilityArea({ id: 'area-reading', name: 'Reading' }),
    ],
    roleClaims: [
      buildRoleClaim({ id: 'claim-1', memberId: 'm-1', areaIds: ['area-fine-motor'] }),
      buildRoleClaim({ id: 'claim-2', memberId: 'm-2', areaIds: ['area-fine-motor'] }),
    ],
    policies: [
      buildPolicy({ id: 'pol-a' }),
      buildPolicy({ id: 'pol-b' }),
      buildPolicy({ id: 'pol-c' }),
    ],
    policyInteractions: [
      buildPolicyInteraction({ id: 'pi-1', policyIds: ['pol-a', 'pol-b'] }),
      buildPolicyInteraction({ id: 'pi-2', policyIds: ['pol-b', 'pol-c'] }),
    ],
    goals: [
      buildGoal({ id: 'goal-joint', statement: 'Keep J <safe>', agreed: true }),
      buildGoal({
        id: 'goal-school',
        level: 'agency',
        agencyId: 'ag-school',
        statement: 'Sanctions for breaches',
        links: [{ goalId: 'goal-joint', relation: 'conflicts', resolved: false }],
      }),
    ],
    communications: [
      buildCommunication({ id: 'c-1', date: '2025-05-01', fromId: 'm-1', toIds: ['m-2'] }),
      buildCommunication({ id: 'c-2', date: '2025-05-02', fromId: 'm-2', toIds: ['m-1'] }),
      buildCommunication({ id: 'c-3', date: '2025-05-03', fromId: 'm-2', toIds: ['m-3'] }),
      buildCommunication({ id: 'c-4', date: '2025-05-04', fromId: 'm-5', toIds: ['m-1'] }),
      buildCommunication({ id: 'c-5', date: '2025-05-05', fromId: 'm-1', toIds: ['m-5'] }),
      buildCommunication({ id: 'c-6', date: '2025-05-06', fromId: 'm-3', toIds: ['m-2'] }),
    ],
    waves: [
      buildWave({ id: 'wave-1', opensOn: '2025-04-01' }),
      buildWave({ id: 'wave-2', name: 'Wave 2', opensOn: '2025-06-02' }),
    ],
    responses: [
      buildResponse({ id: 'r-1', waveId: 'wave-1', submittedAt: '2025-04-02T10:00:00Z' }),
      buildResponse({ id: 'r-2', waveId: 'wave-2', submittedAt: '2025-06-03T10:00:00Z' }),
    ],
  });
}

/** The diagnosis of {@link reportDocument}. */
export function reportDiagnosis(): Diagnosis {
  return diagnose(restoreOrThrow(reportDocument()));
}
