import type { Member } from '../../document/schema.js';
import type { AnalysisContext } from '../context.js';
import {
  lowerIsWorse,
  percent,
  recordRefs,
  shareText,
  thresholdUse,
  type IndicatorDefinition,
  type IndicatorOutcome,
} from '../indicator.js';
import { rolePairs } from '../role-map.js';
import { bandStatus, round, scaleItems, surveyFigure } from '../survey-figures.js';
import type { EvidenceRef } from '../types.js';

/*
 * Indicators of the personal context (ANALYSIS.md): personal.professional,
 * personal.individual and personal.teamReasoning.
 */

const memberRefs = (members: readonly Member[], note?: string): EvidenceRef[] =>
  members.map((m) =>
    note === undefined ? { kind: 'member', id: m.id } : { kind: 'member', id: m.id, note },
  );

const itemRefs = (ids: readonly string[]): EvidenceRef[] => ids.map((id) => ({ kind: 'item', id }));

/** "Ana, Ben and Cy" (at most `max` names, then "and 3 others"). */
export function nameList(names: readonly string[], max = 5): string {
  const shown = names.slice(0, max);
  const rest = names.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} other${rest === 1 ? '' : 's'}`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] ?? ''}`;
}

const nameOf = (ctx: AnalysisContext, id: string) => ctx.memberById.get(id)?.displayName ?? id;

/**
 * A share of active members with some attribute, as `lowerIsWorse` rules read it; the
 * minimum is the "rates and shares" minimum of cases in the denominator.
 */
function memberShare(
  ctx: AnalysisContext,
  has: (m: Member) => boolean,
): { share: number; with: Member[]; without: Member[]; n: number; minimum: number } {
  const members = ctx.activeMembers;
  const withIt = members.filter(has);
  return {
    share: members.length === 0 ? 0 : withIt.length / members.length,
    with: withIt,
    without: members.filter((m) => !has(m)),
    n: members.length,
    minimum: ctx.thresholds['evidence.minimum'].cases,
  };
}

const counts = (ids: readonly string[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const id of ids) out[id] = (out[id] ?? 0) + 1;
  return out;
};

/** Professions and agencies of the members in post (descriptive). */
const professionalMix: IndicatorDefinition = {
  id: 'personal.professional.mix',
  element: 'personal.professional',
  name: 'Professions and agencies',
  level: 'group',
  kind: 'descriptive',
  compute(ctx) {
    const members = ctx.activeMembers;
    const professions = counts(members.map((m) => m.professionId));
    const agencies = counts(members.map((m) => m.agencyId));
    const professionName = new Map(ctx.doc.professions.map((p) => [p.id, p.name]));
    const agencyName = new Map(ctx.doc.agencies.map((a) => [a.id, a.name]));
    const listOf = (c: Record<string, number>, names: ReadonlyMap<string, string>) =>
      Object.entries(c)
        .map(([id, k]) => `${names.get(id) ?? id} (${k})`)
        .join(', ');
    const np = Object.keys(professions).length;
    const na = Object.keys(agencies).length;
    return {
      value: { professions, agencies },
      display: `${members.length} member${members.length === 1 ? '' : 's'}, ${np} profession${np === 1 ? '' : 's'}, ${na} agenc${na === 1 ? 'y' : 'ies'}`,
      n: members.length,
      minimum: 1,
      status: 'ok',
      evidence: memberRefs(members),
      finding:
        members.length === 0
          ? 'No members are in post on the as-of date.'
          : `Members come from ${listOf(professions, professionName)}, working for ${listOf(agencies, agencyName)}.`,
    };
  },
};

/**
 * Status gap: spread of status levels (1 trainee … 5 head of service) read with the respect
 * items RS1–RS3. The respect part is only needed when the spread reaches the threshold: a
 * smaller spread cannot raise the rule, so it is `ok` on the member records alone (≥ 2
 * members). With a wide spread the survey decides, and with fewer than 3 respondents the
 * indicator is insufficient. When members disagree on respect (r_wg(j) < .70, no team mean)
 * a wide spread reads `watch`: some members feel less respected than others.
 */
const statusGap: IndicatorDefinition = {
  id: 'personal.professional.statusGap',
  element: 'personal.professional',
  name: 'Status gap and respect',
  level: 'group',
  kind: 'evaluative',
  actions: {
    watch:
      'Talk openly about how each profession’s judgement is weighed, and make sure junior members’ views are asked for and recorded in joint meetings.',
  },
  compute(ctx) {
    const t = ctx.thresholds['personal.professional.statusGap'];
    const members = ctx.activeMembers;
    const threshold = thresholdUse(
      ctx.thresholds,
      'personal.professional.statusGap',
      `watch when the spread is ${t.spread} or more and the respect mean is below ${t.respectMean}`,
    );
    if (members.length < 2) {
      return {
        value: null,
        display: 'no spread',
        n: members.length,
        minimum: 2,
        status: 'ok',
        threshold,
        finding: 'A status gap needs at least two members in post.',
      };
    }
    const levels = members.map((m) => m.statusLevel);
    const lo = Math.min(...levels);
    const hi = Math.max(...levels);
    const spread = hi - lo;
    const ends = members.filter((m) => m.statusLevel === lo || m.statusLevel === hi);
    const fig = surveyFigure('respect', ctx.responses, scaleItems('respect'), ctx.thresholds);
    const { respondentMeans: _m, responseIds: _r, ...survey } = fig;
    const withSurvey = fig.respondents > 0 ? { survey } : {};
    const evidence = [
      ...memberRefs(ends, 'at the top or bottom of the status range'),
      ...itemRefs(survey.items),
    ];
    if (spread < t.spread) {
      return {
        value: { spread, respectMean: fig.mean },
        display: `spread ${spread} (levels ${lo}–${hi})`,
        n: members.length,
        minimum: 2,
        status: 'ok',
        threshold,
        evidence: memberRefs(ends, 'at the top or bottom of the status range'),
        finding: `Members’ status levels run from ${lo} to ${hi}, a spread of ${spread}, below the ${t.spread} at which respect is checked.`,
        ...withSurvey,
      };
    }
    const minimum = ctx.thresholds['evidence.minimum'].respondents;
    if (fig.respondents < minimum) {
      return {
        value: { spread, respectMean: null },
        display: `spread ${spread}; respect not measured`,
        n: fig.respondents,
        minimum,
        status: 'insufficient',
        threshold,
        evidence,
        finding: `Status levels run from ${lo} to ${hi}; the respect items need answers from at least ${minimum} members.`,
        ...withSurvey,
      };
    }
    if (fig.mean === null) {
      return {
        value: { spread, respectMean: null },
        display: `spread ${spread}; members differ on respect`,
        n: fig.respondents,
        minimum,
        status: 'watch',
        threshold,
        evidence,
        finding: `Status levels run from ${lo} to ${hi}, and members differ in how respected they feel (r_wg(j) ${fig.rwgJ ?? 'not computable'}), so some may feel their judgement counts for less.`,
        ...withSurvey,
      };
    }
    const low = fig.mean < t.respectMean;
    return {
      value: { spread, respectMean: fig.mean },
      display: `spread ${spread}; respect ${fig.mean.toFixed(2)}`,
      n: fig.respondents,
      minimum,
      status: low ? 'watch' : 'ok',
      threshold,
      evidence,
      finding: low
        ? `Status levels run from ${lo} to ${hi} and mutual respect is modest (${fig.mean.toFixed(2)} of 5): the gap in status may be felt.`
        : `Status levels run from ${lo} to ${hi}, but members report good mutual respect (${fig.mean.toFixed(2)} of 5).`,
      ...withSurvey,
    };
  },
};

/** Share of members with any multi-agency training. */
const jointTraining: IndicatorDefinition = {
  id: 'personal.professional.jointTraining',
  element: 'personal.professional',
  name: 'Joint training',
  level: 'individual',
  kind: 'evaluative',
  actions: {
    watch:
      'Plan a short joint training session where members learn about each other’s roles and ways of working.',
    concern:
      'Arrange multi-agency training for the team soon, ideally together, so members build a shared picture of each other’s work.',
  },
  compute(ctx) {
    const t = ctx.thresholds['personal.professional.jointTraining'];
    const s = memberShare(ctx, (m) => m.multiAgencyTraining);
    return {
      value: round(s.share, 3),
      display: shareText(s.with.length, s.n, 'members'),
      n: s.n,
      minimum: s.minimum,
      status: lowerIsWorse(s.share, t),
      threshold: thresholdUse(
        ctx.thresholds,
        'personal.professional.jointTraining',
        `concern below ${percent(t.concern)}, watch below ${percent(t.watch)}`,
      ),
      evidence: memberRefs(s.without, 'no multi-agency training'),
      finding:
        s.without.length === 0
          ? `Every member in post has had multi-agency training.`
          : `${shareText(s.with.length, s.n, 'members')} have had multi-agency training; ${nameList(s.without.map((m) => m.displayName))} ${s.without.length === 1 ? 'has' : 'have'} not.`,
    };
  },
};

/** Share of members with earlier multi-agency work. */
const priorExperience: IndicatorDefinition = {
  id: 'personal.individual.priorExperience',
  element: 'personal.individual',
  name: 'Prior multi-agency experience',
  level: 'individual',
  kind: 'evaluative',
  actions: {
    watch:
      'Pair members new to multi-agency work with an experienced colleague from another agency, and make time early on to explain how the joint work runs.',
  },
  compute(ctx) {
    const t = ctx.thresholds['personal.individual.priorExperience'];
    const s = memberShare(ctx, (m) => m.priorMultiAgencyExperience);
    return {
      value: round(s.share, 3),
      display: shareText(s.with.length, s.n, 'members'),
      n: s.n,
      minimum: s.minimum,
      status: lowerIsWorse(s.share, t),
      threshold: thresholdUse(
        ctx.thresholds,
        'personal.individual.priorExperience',
        `watch below ${percent(t.watch)}`,
      ),
      evidence: memberRefs(s.without, 'no earlier multi-agency work'),
      finding:
        s.without.length === 0
          ? 'Every member in post has worked across agencies before.'
          : `${shareText(s.with.length, s.n, 'members')} have worked across agencies before; ${nameList(s.without.map((m) => m.displayName))} ${s.without.length === 1 ? 'is' : 'are'} new to it.`,
    };
  },
};

/**
 * Team-reasoning scale TR1–TR8 (keyed), banded ≥ 4 strength, 3–3.99 watch, < 3 concern.
 * Choice: when members disagree (r_wg(j) < .70) ANALYSIS.md withholds the mean and shows the
 * distribution; a mean that hides disagreement cannot be banded, and members not reasoning
 * alike as a team is itself worth watching, so the status is `watch` with the distribution in
 * `survey` (the disagreement is also listed under local.knowledge.sharedConstructions).
 */
const teamReasoningScale: IndicatorDefinition = {
  id: 'personal.teamReasoning.scale',
  element: 'personal.teamReasoning',
  name: 'Team reasoning',
  level: 'individual',
  kind: 'evaluative',
  actions: {
    watch:
      'In the next joint meeting, start from what the team as a whole is trying to achieve for the child, and agree what each member will do towards it.',
    concern:
      'Members mostly plan from their own service’s targets: agree the team’s aim together, write down each member’s part in it, and review it together.',
  },
  compute(ctx) {
    const b = ctx.thresholds['survey.bands'];
    const fig = surveyFigure(
      'teamReasoning',
      ctx.responses,
      scaleItems('teamReasoning'),
      ctx.thresholds,
    );
    const { respondentMeans: _m, responseIds: _r, ...survey } = fig;
    const threshold = thresholdUse(
      ctx.thresholds,
      'survey.bands',
      `strength at ${b.strength.toFixed(1)} or above, watch from ${b.watch.toFixed(1)}, concern below ${b.watch.toFixed(1)}; no mean when r_wg(j) < ${ctx.thresholds['survey.agreement'].rwgJ}`,
    );
    const base = {
      n: fig.respondents,
      minimum: ctx.thresholds['evidence.minimum'].respondents,
      threshold,
      evidence: itemRefs(survey.items),
      survey,
    };
    if (fig.mean !== null) {
      const status = bandStatus(fig.mean, ctx.thresholds);
      return {
        ...base,
        value: fig.mean,
        display: `${fig.mean.toFixed(2)} of 5 (${fig.respondents} respondents)`,
        status,
        finding:
          status === 'strength'
            ? `Members say they plan from the team’s aim and stand by the joint plan (${fig.mean.toFixed(2)} of 5).`
            : status === 'watch'
              ? `Members partly reason as a team (${fig.mean.toFixed(2)} of 5): the team’s aim does not always come first.`
              : `Members mostly reason from their own service’s point of view (${fig.mean.toFixed(2)} of 5).`,
      };
    }
    return {
      ...base,
      value: null,
      display:
        fig.respondents === 0
          ? 'no answers'
          : `members differ (r_wg(j) ${fig.rwgJ ?? 'not computable'})`,
      status: 'watch',
      finding:
        fig.respondents === 0
          ? 'No member has answered the team-reasoning items in this wave.'
          : `Members differ in how far they reason as a team (r_wg(j) ${fig.rwgJ ?? 'not computable'}), so no team mean is shown: see the distribution.`,
    };
  },
};

/**
 * Role overview accuracy: for each pair, Jaccard between A's view of B's areas and B's own
 * claim; averaged per perceiver A, then over perceivers. Minimum 3 perceiver–target pairs.
 */
const roleOverview: IndicatorDefinition = {
  id: 'personal.teamReasoning.roleOverview',
  element: 'personal.teamReasoning',
  name: 'Overview of each other’s roles',
  level: 'individual',
  kind: 'evaluative',
  actions: {
    watch:
      'Go round the table: each member says which parts of the work they take on, and the others say what they had assumed.',
    concern:
      'Members’ picture of who does what is far from what colleagues say they do: draw up a shared role map together and keep it where everyone can see it.',
  },
  compute(ctx) {
    const t = ctx.thresholds['personal.teamReasoning.roleOverview'];
    const pairs = rolePairs(ctx);
    const perPerceiver = new Map<string, number[]>();
    for (const p of pairs) {
      const list = perPerceiver.get(p.perceiverId) ?? [];
      list.push(p.jaccard);
      perPerceiver.set(p.perceiverId, list);
    }
    const perMember = [...perPerceiver].map(([id, js]) => ({
      memberId: id,
      displayName: nameOf(ctx, id),
      mean: round(js.reduce((a, b) => a + b, 0) / js.length, 3),
      pairs: js.length,
    }));
    const value =
      perMember.length === 0
        ? null
        : round(perMember.reduce((a, m) => a + m.mean, 0) / perMember.length, 3);
    const low = pairs.filter((p) => p.jaccard < t.watch);
    const status = value === null ? 'insufficient' : lowerIsWorse(value, t);
    const weakest = [...perMember].sort((a, b) => a.mean - b.mean).filter((m) => m.mean < t.watch);
    return {
      value,
      display:
        value === null
          ? 'no comparable views'
          : `${value.toFixed(2)} (${perMember.length} members, ${pairs.length} pairs)`,
      n: pairs.length,
      minimum: 3,
      status,
      threshold: thresholdUse(
        ctx.thresholds,
        'personal.teamReasoning.roleOverview',
        `concern below ${t.concern.toFixed(2)}, watch below ${t.watch.toFixed(2)} (mean Jaccard)`,
      ),
      evidence: [
        ...recordRefs(
          'rolePerceptions',
          new Set(low.flatMap((p) => p.perceptionIds)),
          'view far from the colleague’s own claim',
        ),
        ...recordRefs(
          'responses',
          new Set(low.flatMap((p) => p.responseIds)),
          'view far from the colleague’s own claim',
        ),
      ],
      finding:
        value === null
          ? 'No member’s view of a colleague’s areas can yet be set beside that colleague’s own claim.'
          : weakest.length === 0
            ? `Members’ views of who does what match colleagues’ own claims well (mean ${value.toFixed(2)}).`
            : `Members’ views of who does what match colleagues’ own claims at ${value.toFixed(2)} on average; the furthest off: ${nameList(weakest.map((m) => `${m.displayName} (${m.mean.toFixed(2)})`))}.`,
      details: {
        perMember,
        pairs: pairs.map((p) => ({
          perceiverId: p.perceiverId,
          targetId: p.targetId,
          jaccard: p.jaccard,
          sources: p.sources,
        })),
      },
    };
  },
};

/**
 * Joint-goal recognition: of the current wave's respondents who answered the goal question,
 * the share who chose a recorded joint goal (not their agency's goal, not "other").
 */
const jointGoalRecognition: IndicatorDefinition = {
  id: 'personal.teamReasoning.jointGoalRecognition',
  element: 'personal.teamReasoning',
  name: 'Recognition of the joint goal',
  level: 'individual',
  kind: 'evaluative',
  actions: {
    watch:
      'Restate the joint goal at the start of each meeting and check that each member can say it in their own words.',
    concern: 'Agree one joint goal in writing and check each member can state it.',
  },
  compute(ctx): IndicatorOutcome {
    const t = ctx.thresholds['personal.teamReasoning.jointGoalRecognition'];
    const jointIds = new Set(ctx.doc.goals.filter((g) => g.level === 'joint').map((g) => g.id));
    const answered = ctx.responses.filter((r) => r.goal !== undefined);
    const recognises = (r: (typeof answered)[number]) =>
      r.goal?.choice === 'joint' && r.goal.goalId !== undefined && jointIds.has(r.goal.goalId);
    const yes = answered.filter(recognises);
    const share = answered.length === 0 ? 0 : yes.length / answered.length;
    const counts = { joint: 0, agency: 0, other: 0 };
    for (const r of answered) if (r.goal) counts[r.goal.choice]++;
    return {
      value: round(share, 3),
      display: shareText(yes.length, answered.length, 'respondents'),
      n: answered.length,
      minimum: ctx.thresholds['evidence.minimum'].respondents,
      status: lowerIsWorse(share, t),
      threshold: thresholdUse(
        ctx.thresholds,
        'personal.teamReasoning.jointGoalRecognition',
        `concern below ${percent(t.concern)}, watch below ${percent(t.watch)}`,
      ),
      evidence: answered.map((r) => ({
        kind: 'record' as const,
        id: r.id,
        collection: 'responses',
        note: recognises(r)
          ? 'chose a recorded joint goal'
          : `chose ${r.goal?.choice === 'agency' ? 'an agency goal' : r.goal?.choice === 'other' ? '“other”' : 'a goal that is not a recorded joint goal'}`,
      })),
      finding:
        jointIds.size === 0
          ? `No joint goal is recorded, so no answer can point to one (${answered.length} answered the goal question).`
          : `${shareText(yes.length, answered.length, 'respondents')} chose a recorded joint goal; ${counts.agency} chose their own agency’s goal and ${counts.other} something else.`,
      details: { choices: counts, jointGoalIds: [...jointIds] },
    };
  },
};

/** The indicators of the personal context. */
export const personalIndicators: IndicatorDefinition[] = [
  professionalMix,
  statusGap,
  jointTraining,
  priorExperience,
  teamReasoningScale,
  roleOverview,
  jointGoalRecognition,
];
