import type { Collaboration, Member, MeetingSeries } from '../document/schema.js';
import type { AnalysisContext } from './context.js';
import { addMonths } from './dates.js';
import { percent, recordRefs } from './indicator.js';
import { round } from './survey-figures.js';
import type { EvidenceRef } from './types.js';

/** Where a collaboration sits between a loose network and a structured team. */
export type TeamFormLabel = 'loose network' | 'in between' | 'structured team';

/** One input of the team-form score, 0–1, with what produced it. */
export interface TeamFormInput {
  readonly id:
    'scheduledMeetings' | 'designatedLead' | 'stableMembership' | 'membershipMode' | 'coLocation';
  readonly label: string;
  readonly value: number;
  readonly evidence: readonly EvidenceRef[];
  /** The value in words. */
  readonly note: string;
}

/** The team-form score with its inputs and the form the document records. */
export interface TeamFormReport {
  /** Mean of the inputs, 0 (loose network) to 1 (structured team), to 3 decimals. */
  readonly score: number;
  readonly label: TeamFormLabel;
  readonly inputs: readonly TeamFormInput[];
  /** The form the collaboration says it has (collaboration.teamForm). */
  readonly recorded: Collaboration['teamForm'];
}

/** Score of a meeting frequency: regular meetings make a team, ad hoc ones a network. */
const FREQUENCY_VALUE: Record<MeetingSeries['frequency'], number> = {
  weekly: 1,
  fortnightly: 1,
  monthly: 1,
  quarterly: 0.5,
  adHoc: 0,
};

/** Score of a membership mode: seconded members count half. */
const MODE_VALUE: Record<Member['membershipMode'], number> = {
  solelyInTeam: 1,
  seconded: 0.5,
  adHoc: 0,
};

const inPost = (m: Member, day: string) =>
  m.startDate <= day && (m.endDate === null || m.endDate > day);

/**
 * Team form (MODEL.md "Team reasoning"; Gilbert 2005, Sugden 2005): a 0–1 score from a loose
 * network meeting case by case to a structured team, as the mean of five inputs each 0–1 —
 * scheduled meetings, a designated lead, stable membership (1 − turnover over 12 months),
 * members solely in the team (seconded count half) and co-location. Labels: < 0.34 loose
 * network, < 0.67 in between, otherwise structured team.
 */
export function teamForm(ctx: AnalysisContext): TeamFormReport {
  return ctx.memo('teamForm', () => computeTeamForm(ctx));
}

function computeTeamForm(ctx: AnalysisContext): TeamFormReport {
  const { doc, asOf } = ctx;
  const active = ctx.activeMembers;

  // Scheduled meetings: the most regular series running on the as-of date.
  const running = doc.meetings.filter(
    (s) => s.startDate <= asOf && (s.endDate === null || s.endDate >= asOf),
  );
  const best = running.reduce<MeetingSeries | null>(
    (top, s) =>
      top === null || FREQUENCY_VALUE[s.frequency] > FREQUENCY_VALUE[top.frequency] ? s : top,
    null,
  );
  const meetings: TeamFormInput = {
    id: 'scheduledMeetings',
    label: 'Scheduled meetings',
    value: best ? FREQUENCY_VALUE[best.frequency] : 0,
    evidence: best ? recordRefs('meetings', [best.id]) : [],
    note: best
      ? `${best.title} meets ${best.frequency === 'adHoc' ? 'ad hoc' : best.frequency}`
      : 'no meeting series running on the as-of date',
  };

  // Designated lead: set, and still in post on the as-of date.
  const leadId = doc.collaboration.leadMemberId;
  const lead = leadId === null ? undefined : ctx.memberById.get(leadId);
  const leadInPost = lead !== undefined && inPost(lead, asOf);
  const designatedLead: TeamFormInput = {
    id: 'designatedLead',
    label: 'Designated lead',
    value: leadInPost ? 1 : 0,
    evidence: lead ? [{ kind: 'member', id: lead.id }] : [],
    note:
      lead === undefined
        ? 'no lead designated'
        : leadInPost
          ? `${lead.displayName} is the designated lead`
          : `the designated lead, ${lead.displayName}, is no longer in post`,
  };

  // Stable membership: 1 − leavers in the window / average headcount (as process.continuity.turnover).
  const months = ctx.thresholds['process.continuity.turnover'].windowMonths;
  const windowStart = addMonths(asOf, -months);
  const leavers = doc.members.filter(
    (m) => m.endDate !== null && m.endDate > windowStart && m.endDate <= asOf,
  );
  const headcountStart = doc.members.filter((m) => inPost(m, windowStart)).length;
  const averageHeadcount = (headcountStart + active.length) / 2;
  const turnover = averageHeadcount > 0 ? leavers.length / averageHeadcount : null;
  const stable: TeamFormInput = {
    id: 'stableMembership',
    label: 'Stable membership',
    value: turnover === null ? 0 : round(Math.min(1, Math.max(0, 1 - turnover)), 3),
    evidence: leavers.map((m) => ({ kind: 'member', id: m.id, note: `left on ${m.endDate}` })),
    note:
      turnover === null
        ? `no members in the ${months} months to ${asOf}`
        : `${leavers.length} leaver${leavers.length === 1 ? '' : 's'} in ${months} months, average headcount ${round(averageHeadcount, 1)} (turnover ${round(turnover, 2)})`,
  };

  // Membership mode: share of active members solely in the team; seconded count half.
  const modeSum = active.reduce((sum, m) => sum + MODE_VALUE[m.membershipMode], 0);
  const solely = active.filter((m) => m.membershipMode === 'solelyInTeam');
  const seconded = active.filter((m) => m.membershipMode === 'seconded');
  const mode: TeamFormInput = {
    id: 'membershipMode',
    label: 'Members solely in the team',
    value: active.length === 0 ? 0 : round(modeSum / active.length, 3),
    evidence: [...solely, ...seconded].map((m) => ({
      kind: 'member',
      id: m.id,
      note: m.membershipMode,
    })),
    note:
      active.length === 0
        ? 'no members in post'
        : `${solely.length} solely in the team, ${seconded.length} seconded, ${active.length - solely.length - seconded.length} ad hoc, of ${active.length} members`,
  };

  // Co-location: the collaboration as a whole, else the share of members co-located.
  const coLocatedMembers = active.filter((m) => m.coLocated);
  const share = active.length === 0 ? 0 : coLocatedMembers.length / active.length;
  const coLocation: TeamFormInput = doc.collaboration.coLocated
    ? {
        id: 'coLocation',
        label: 'Co-location',
        value: 1,
        evidence: [],
        note: 'the collaboration is co-located',
      }
    : {
        id: 'coLocation',
        label: 'Co-location',
        value: round(share, 3),
        evidence: coLocatedMembers.map((m) => ({ kind: 'member', id: m.id })),
        note: `${coLocatedMembers.length} of ${active.length} members co-located (${percent(share)})`,
      };

  const inputs = [meetings, designatedLead, stable, mode, coLocation];
  const score = round(inputs.reduce((sum, i) => sum + i.value, 0) / inputs.length, 3);
  return {
    score,
    label: teamFormLabel(score),
    inputs,
    recorded: doc.collaboration.teamForm,
  };
}

/** The label of a team-form score: < 0.34 loose network, < 0.67 in between, else structured team. */
export function teamFormLabel(score: number): TeamFormLabel {
  if (score < 0.34) return 'loose network';
  if (score < 0.67) return 'in between';
  return 'structured team';
}
