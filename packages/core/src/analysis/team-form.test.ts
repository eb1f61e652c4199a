import { describe, expect, it } from 'vitest';
import type { CollaborationDocumentInput } from '../document/schema.js';
import { restoreOrThrow } from '../document/restore.js';
import { buildDocument, buildMeetingSeries, buildMember } from '../test-support/factories.js';
import { analysisContext } from './context.js';
import { teamForm, teamFormLabel, type TeamFormReport } from './team-form.js';

const AS_OF = '2025-12-31';

function formOf(overrides: Partial<CollaborationDocumentInput> = {}): TeamFormReport {
  return teamForm(analysisContext(restoreOrThrow(buildDocument(overrides)), { asOf: AS_OF }));
}

const input = (report: TeamFormReport, id: string) => {
  const found = report.inputs.find((i) => i.id === id);
  if (!found) throw new Error(`no input ${id}`);
  return found;
};

const base = buildDocument().collaboration;

describe('teamForm', () => {
  it('scores a structured team at 1 and says so, beside the recorded form', () => {
    const report = formOf({
      collaboration: { ...base, leadMemberId: 'm-1', coLocated: true, teamForm: 'structuredTeam' },
      meetings: [buildMeetingSeries({ id: 'meet-1', frequency: 'weekly' })],
      members: ['m-1', 'm-2', 'm-3'].map((id) =>
        buildMember({ id, membershipMode: 'solelyInTeam' }),
      ),
    });
    expect(report.inputs.map((i) => [i.id, i.value])).toEqual([
      ['scheduledMeetings', 1],
      ['designatedLead', 1],
      ['stableMembership', 1],
      ['membershipMode', 1],
      ['coLocation', 1],
    ]);
    expect(report).toMatchObject({
      score: 1,
      label: 'structured team',
      recorded: 'structuredTeam',
    });
    expect(input(report, 'scheduledMeetings').evidence).toEqual([
      { kind: 'record', id: 'meet-1', collection: 'meetings' },
    ]);
    expect(input(report, 'designatedLead').evidence).toEqual([{ kind: 'member', id: 'm-1' }]);
  });

  it('scores a loose network low: no meetings, no lead, ad hoc members, apart', () => {
    const report = formOf();
    // Only stable membership counts: nobody left.
    expect(report.inputs.map((i) => i.value)).toEqual([0, 0, 1, 0, 0]);
    expect(report).toMatchObject({ score: 0.2, label: 'loose network', recorded: 'caseTeam' });
  });

  it('values meeting frequencies: monthly 1, quarterly 0.5, ad hoc 0, ended series 0', () => {
    const meetingsValue = (meetings: CollaborationDocumentInput['meetings']) =>
      input(formOf({ meetings }), 'scheduledMeetings').value;
    expect(meetingsValue([buildMeetingSeries({ frequency: 'fortnightly' })])).toBe(1);
    expect(meetingsValue([buildMeetingSeries({ frequency: 'quarterly' })])).toBe(0.5);
    expect(meetingsValue([buildMeetingSeries({ frequency: 'adHoc' })])).toBe(0);
    expect(meetingsValue([buildMeetingSeries({ endDate: '2025-12-30' })])).toBe(0);
    expect(meetingsValue([buildMeetingSeries({ startDate: '2026-01-01' })])).toBe(0);
    // The most regular running series counts.
    expect(
      meetingsValue([
        buildMeetingSeries({ id: 'q', frequency: 'quarterly' }),
        buildMeetingSeries({ id: 'w', frequency: 'weekly' }),
      ]),
    ).toBe(1);
  });

  it('counts a designated lead only while in post', () => {
    const report = formOf({
      collaboration: { ...base, leadMemberId: 'm-3' },
      members: [
        buildMember({ id: 'm-1' }),
        buildMember({ id: 'm-2' }),
        buildMember({ id: 'm-3', endDate: '2025-11-01' }),
      ],
    });
    expect(input(report, 'designatedLead')).toMatchObject({
      value: 0,
      note: 'the designated lead, Member m-3, is no longer in post',
    });
  });

  it('takes stable membership as 1 − turnover over 12 months', () => {
    // Four in post a year ago, one left since: turnover 1 / 3.5.
    const report = formOf({
      members: [
        buildMember({ id: 'm-1', startDate: '2024-06-03' }),
        buildMember({ id: 'm-2', startDate: '2024-06-03' }),
        buildMember({ id: 'm-3', startDate: '2024-06-03' }),
        buildMember({ id: 'm-4', startDate: '2024-06-03', endDate: '2025-06-30' }),
        buildMember({ id: 'm-5', startDate: '2024-01-01', endDate: '2024-12-01' }),
      ],
    });
    const stable = input(report, 'stableMembership');
    expect(stable.value).toBeCloseTo(1 - 1 / 3.5, 3);
    expect(stable.evidence).toEqual([{ kind: 'member', id: 'm-4', note: 'left on 2025-06-30' }]);
    // Everyone leaving clamps at 0.
    const allGone = formOf({
      members: [
        buildMember({ id: 'm-1', endDate: '2025-03-01' }),
        buildMember({ id: 'm-2', endDate: '2025-03-01' }),
        buildMember({ id: 'm-3' }),
      ],
    });
    expect(input(allGone, 'stableMembership').value).toBe(0);
  });

  it('counts members solely in the team fully and seconded members half', () => {
    const report = formOf({
      members: [
        buildMember({ id: 'm-1', membershipMode: 'solelyInTeam', coLocated: true }),
        buildMember({ id: 'm-2', membershipMode: 'seconded' }),
        buildMember({ id: 'm-3', membershipMode: 'adHoc' }),
        buildMember({ id: 'm-4', membershipMode: 'adHoc' }),
      ],
    });
    expect(input(report, 'membershipMode').value).toBe(0.375);
    expect(input(report, 'coLocation')).toMatchObject({
      value: 0.25,
      evidence: [{ kind: 'member', id: 'm-1' }],
    });
  });

  it('gives zeros, not NaN, with nobody in post', () => {
    const report = formOf({ members: [] });
    expect(report.inputs.every((i) => Number.isFinite(i.value))).toBe(true);
    expect(report.score).toBe(0);
    expect(report.label).toBe('loose network');
  });

  it('labels scores at the 0.34 and 0.67 boundaries', () => {
    expect(teamFormLabel(0.339)).toBe('loose network');
    expect(teamFormLabel(0.34)).toBe('in between');
    expect(teamFormLabel(0.669)).toBe('in between');
    expect(teamFormLabel(0.67)).toBe('structured team');
  });
});
