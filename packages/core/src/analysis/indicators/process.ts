import { PHASES, type Activity, type Member, type SurveyResponse } from '../../document/schema.js';
import { communicationTable, memberPositions, type AnalysisContext } from '../context.js';
import { addDays, addMonths } from '../dates.js';
import {
  higherIsWorse,
  lowerIsWorse,
  percent,
  recordRefs,
  shareText,
  thresholdUse,
  type IndicatorDefinition,
} from '../indicator.js';
import { collaborationNetworks, networkEvidence, type NetworkReport } from '../networks.js';
import { round, scaleItems, surveyFigure } from '../survey-figures.js';
import type { EvidenceRef, Status } from '../types.js';

/*
 * Indicators of the collaborative process (ANALYSIS.md): joint activities, duration,
 * continuity, and the group part of team reasoning (purposes, communication, decisions,
 * roles in practice). Every window counts back from ctx.asOf.
 */

// ── Small helpers ─────────────────────────────────────────────────────────────

const nameOf = (ctx: AnalysisContext, id: string) => ctx.memberById.get(id)?.displayName ?? id;

/** "Ana, Ben and Cy" (at most `max` items, then "and 3 others"). */
function listText(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} other${rest === 1 ? '' : 's'}`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] ?? ''}`;
}

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

const memberRefs = (ids: Iterable<string>, note?: string): EvidenceRef[] =>
  [...ids].map((id) =>
    note === undefined ? { kind: 'member', id } : { kind: 'member', id, note },
  );

const onOrBefore = (ctx: AnalysisContext, date: string) => date.slice(0, 10) <= ctx.asOf;

/** In post on `date`: started on or before it and not yet left. */
const inPostOn = (m: Member, date: string) =>
  m.startDate <= date && (m.endDate === null || m.endDate > date);

/** Whole calendar months from `a` to `b` (0 when b is not later). */
function wholeMonths(a: string, b: string): number {
  if (b <= a) return 0;
  let months =
    (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 +
    (Number(b.slice(5, 7)) - Number(a.slice(5, 7)));
  if (addMonths(a, months) > b) months -= 1;
  return Math.max(0, months);
}

/** Activities with two or more distinct participants in the joint-activities window. */
function jointActivities(ctx: AnalysisContext): Activity[] {
  return ctx.memo('process:jointActivities', () => {
    const months = ctx.thresholds['process.jointActivities.window'].months;
    return ctx.doc.activities.filter(
      (a) => ctx.inWindow(a.date, months) && new Set(a.participantIds).size >= 2,
    );
  });
}

/** Identified responses: respondent id → the members they named, with the frequency. */
function contactsByRespondent(
  responses: readonly SurveyResponse[],
): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const r of responses) {
    if (r.respondentMemberId === null) continue;
    const named = out.get(r.respondentMemberId) ?? new Map<string, string>();
    for (const c of r.contacts) named.set(c.memberId, c.frequency);
    out.set(r.respondentMemberId, named);
  }
  return out;
}

/** The member network's n and minimum, with a sentence when it falls short. */
function networkMinimum(ctx: AnalysisContext, report: NetworkReport) {
  const ev = networkEvidence(report, ctx.thresholds);
  const short =
    ev.shortOf === 'nodes'
      ? `A contact network needs at least ${ev.minimum} members in post.`
      : ev.shortOf === 'contacts'
        ? `A contact network needs at least ${ev.minimum} recorded contacts in the window.`
        : '';
  return { n: ev.n, minimum: ev.minimum, short };
}

// ── process.jointActivities ───────────────────────────────────────────────────

/**
 * Phase coverage: which of planning, doing and reviewing had a joint activity (≥ 2
 * participants) in the window. Minimum: at least one activity recorded at any date, since
 * with none at all "none done" cannot be told from "none recorded".
 */
const phaseCoverage: IndicatorDefinition = {
  id: 'process.jointActivities.phaseCoverage',
  element: 'process.jointActivities',
  name: 'Phases of the work done jointly',
  level: 'group',
  kind: 'evaluative',
  actions: {
    concern:
      'Plan the next piece of work for a child together, then agree a date to carry it out jointly and to review how it went.',
  },
  compute(ctx) {
    const months = ctx.thresholds['process.jointActivities.window'].months;
    const recorded = ctx.doc.activities.filter((a) => onOrBefore(ctx, a.date)).length;
    const joint = jointActivities(ctx);
    const counts = { planning: 0, doing: 0, reviewing: 0 };
    for (const a of joint) counts[a.phase] += 1;
    const covered = PHASES.filter((p) => counts[p] > 0);
    let status: Status;
    if (covered.length === 0 || (covered.length === 1 && covered[0] === 'planning')) {
      status = 'concern';
    } else if (covered.length === PHASES.length) {
      status = 'strength';
    } else {
      status = 'ok';
    }
    const missing = PHASES.filter((p) => counts[p] === 0);
    return {
      value: covered,
      display: covered.length === 0 ? 'no phase' : covered.join(', '),
      n: recorded,
      minimum: 1,
      status,
      threshold: thresholdUse(
        ctx.thresholds,
        'process.jointActivities.window',
        `concern when no phase, or only planning, had a joint activity in the last ${months} months; strength when planning, doing and reviewing all did`,
      ),
      evidence: recordRefs(
        'activities',
        joint.map((a) => a.id),
      ),
      finding:
        covered.length === 0
          ? `No activity with two or more members took place in the last ${months} months.`
          : `In the last ${months} months members worked jointly at ${listText(covered)}${missing.length > 0 ? ` but not at ${listText(missing)}` : ', the whole cycle'}.`,
      details: { counts, windowMonths: months },
    };
  },
};

/** Participation: share of members in post who took part in ≥ 1 joint activity in the window. */
const jointParticipation: IndicatorDefinition = {
  id: 'process.jointActivities.participation',
  element: 'process.jointActivities',
  name: 'Members taking part in joint activities',
  level: 'group',
  kind: 'evaluative',
  actions: {
    concern:
      'Invite the members who have not yet joined a joint meeting, visit or review to the next one, at a time their own service can release them.',
  },
  compute(ctx) {
    const months = ctx.thresholds['process.jointActivities.window'].months;
    const limit = ctx.thresholds['process.jointActivities.participation'].concern;
    const members = ctx.activeMembers;
    const took = new Set(jointActivities(ctx).flatMap((a) => a.participantIds));
    const inIt = members.filter((m) => took.has(m.id));
    const outOf = members.filter((m) => !took.has(m.id));
    const share = members.length === 0 ? 0 : inIt.length / members.length;
    return {
      value: members.length === 0 ? null : round(share, 3),
      display: shareText(inIt.length, members.length, 'members'),
      n: members.length,
      minimum: ctx.thresholds['evidence.minimum'].cases,
      status: lowerIsWorse(share, { concern: limit }),
      threshold: thresholdUse(
        ctx.thresholds,
        'process.jointActivities.participation',
        `concern below ${percent(limit)}`,
      ),
      evidence: memberRefs(
        outOf.map((m) => m.id),
        `no joint activity in the last ${months} months`,
      ),
      finding:
        outOf.length === 0
          ? `Every member in post took part in a joint activity in the last ${months} months.`
          : `${shareText(inIt.length, members.length, 'members')} took part in a joint activity in the last ${months} months; ${listText(outOf.map((m) => m.displayName))} did not.`,
    };
  },
};

// ── process.duration ──────────────────────────────────────────────────────────

/**
 * Age: months from the start to the as-of date. Watch when younger than 36 months and meant
 * to last (Easen et al 2000 suggest about three years); a planned end making it a short
 * fixed-term project is noted (Milbourne 2005; Salmon 2004). Always has its evidence: the
 * start date is required.
 */
const age: IndicatorDefinition = {
  id: 'process.duration.age',
  element: 'process.duration',
  name: 'Age of the collaboration',
  level: 'group',
  kind: 'evaluative',
  actions: {
    watch:
      'Expect relationships and routines to still be forming: keep membership stable and set review points rather than judging the work too early.',
  },
  compute(ctx) {
    const c = ctx.doc.collaboration;
    const limit = ctx.thresholds['process.duration.age'].watchMonths;
    const months = wholeMonths(c.startDate, ctx.asOf);
    const planned = c.plannedEndDate === null ? null : wholeMonths(c.startDate, c.plannedEndDate);
    const shortFixedTerm = planned !== null && planned < limit;
    const status: Status = c.meantToLast && months < limit ? 'watch' : 'ok';
    const sentences = [
      `The collaboration started on ${c.startDate}, ${plural(months, 'month')} before ${ctx.asOf}${c.meantToLast ? ', and is meant to last' : ''}.`,
    ];
    if (status === 'watch') {
      sentences.push(
        `Easen et al (2000) suggest about ${limit} months before joint work becomes effective.`,
      );
    }
    if (shortFixedTerm) {
      sentences.push(
        `Its planned end on ${c.plannedEndDate} makes it a short fixed-term project of ${plural(planned, 'month')}, which may leave too little time to build trust and flexible ways of working (Milbourne 2005; Salmon 2004).`,
      );
    } else if (planned !== null) {
      sentences.push(`It is planned to end on ${c.plannedEndDate}.`);
    }
    return {
      value: months,
      display: `${plural(months, 'month')}${planned === null ? '' : ` of ${planned} planned`}`,
      n: 1,
      minimum: 1,
      status,
      threshold: thresholdUse(
        ctx.thresholds,
        'process.duration.age',
        `watch below ${limit} months when the collaboration is meant to last`,
      ),
      finding: sentences.join(' '),
      details: {
        startDate: c.startDate,
        plannedEndDate: c.plannedEndDate,
        plannedMonths: planned,
        meantToLast: c.meantToLast,
        shortFixedTerm,
      },
    };
  },
};

// ── process.continuity ────────────────────────────────────────────────────────

/**
 * Turnover: leavers in the window / average headcount. The average is the mean of the
 * headcount on the window's first day and on the as-of date (a two-point average anyone can
 * check by hand). Minimum: 6 months of membership history, counted from the earliest start.
 */
const turnover: IndicatorDefinition = {
  id: 'process.continuity.turnover',
  element: 'process.continuity',
  name: 'Turnover of members',
  level: 'group',
  kind: 'evaluative',
  actions: {
    watch:
      'Arrange a handover for each leaver: an introduction of their successor to the family and to the other members.',
    concern:
      'Ask the agencies to keep named people in the collaboration for an agreed period, and give each newcomer a joint induction with the other members.',
  },
  compute(ctx) {
    const t = ctx.thresholds['process.continuity.turnover'];
    const members = ctx.doc.members;
    const start = addMonths(ctx.asOf, -t.windowMonths);
    const leavers = members.filter(
      (m) => m.endDate !== null && m.endDate > start && m.endDate <= ctx.asOf,
    );
    const headcount = (d: string) => members.filter((m) => inPostOn(m, d)).length;
    const atStart = headcount(start);
    const atEnd = headcount(ctx.asOf);
    const average = (atStart + atEnd) / 2;
    const earliest = members.reduce<string | null>(
      (e, m) => (e === null || m.startDate < e ? m.startDate : e),
      null,
    );
    const history = earliest === null ? 0 : wholeMonths(earliest, ctx.asOf);
    const threshold = thresholdUse(
      ctx.thresholds,
      'process.continuity.turnover',
      `watch at ${t.watch} or more, concern at ${t.concern} or more (leavers in ${t.windowMonths} months / average headcount)`,
    );
    const minimum = ctx.thresholds['evidence.minimum'].turnoverMonths;
    if (average === 0) {
      return {
        value: null,
        display: 'no members',
        n: history,
        minimum,
        status: 'insufficient',
        threshold,
        finding: 'Nobody was in post at the start of the window or on the as-of date.',
      };
    }
    const rate = leavers.length / average;
    return {
      value: round(rate, 3),
      display: `${plural(leavers.length, 'leaver')} / ${round(average, 1)} average headcount = ${round(rate, 2)}`,
      n: history,
      minimum,
      status: higherIsWorse(rate, { watch: t.watch, concern: t.concern }),
      threshold,
      evidence: memberRefs(
        leavers.map((m) => m.id),
        'left in the window',
      ),
      finding:
        leavers.length === 0
          ? `Nobody left in the ${t.windowMonths} months before ${ctx.asOf}.`
          : `${listText(leavers.map((m) => m.displayName))} left in the ${t.windowMonths} months before ${ctx.asOf}: a turnover of ${round(rate, 2)} against an average of ${round(average, 1)} members.`,
      details: {
        leavers: leavers.length,
        headcountAtWindowStart: atStart,
        headcountAtAsOf: atEnd,
        averageHeadcount: average,
        windowStart: start,
        monthsOfHistory: history,
        averaging: 'mean of the headcount at the window start and on the as-of date',
      },
    };
  },
};

/** Key people: articulation points of the member contact network (undirected). */
const keyPeople: IndicatorDefinition = {
  id: 'process.continuity.keyPeople',
  element: 'process.continuity',
  name: 'Members the network depends on',
  level: 'group',
  kind: 'evaluative',
  actions: {
    watch:
      'Make sure the people who link otherwise separate members are not the only route: introduce the members they connect to each other directly.',
  },
  compute(ctx) {
    const report = collaborationNetworks(ctx).interProfessional;
    const { n, minimum, short } = networkMinimum(ctx, report);
    const limit = ctx.thresholds['process.continuity.keyPeople'].watch;
    const points = report.measures.articulationPoints;
    return {
      value: points,
      display: plural(points.length, 'key person', 'key people'),
      n,
      minimum,
      status: higherIsWorse(points.length, { watch: limit }),
      threshold: thresholdUse(
        ctx.thresholds,
        'process.continuity.keyPeople',
        `watch at ${limit} or more`,
      ),
      evidence: memberRefs(points, 'the contact network splits without this member'),
      finding:
        short ||
        (points.length === 0
          ? 'No single member holds the contact network together: it stays connected if anyone leaves.'
          : `${listText(points.map((id) => nameOf(ctx, id)))} ${points.length === 1 ? 'links' : 'link'} members who have no other contact route: if ${points.length === 1 ? 'this person leaves' : 'one of them leaves'}, the network splits.`),
    };
  },
};

/**
 * Tie retention: the share of the previous wave's contact ties (respondent → named member,
 * other than "not at all") named again in the current wave, among respondents who answered
 * both. Needs two identified waves; minimum 3 earlier ties.
 */
const tieRetention: IndicatorDefinition = {
  id: 'process.continuity.tieRetention',
  element: 'process.continuity',
  name: 'Working relationships kept between surveys',
  level: 'group',
  kind: 'evaluative',
  actions: {
    watch:
      'Find out why working contacts lapsed since the last survey, and restart the ones the children still need.',
  },
  compute(ctx) {
    const limit = ctx.thresholds['process.continuity.tieRetention'].watch;
    const threshold = thresholdUse(
      ctx.thresholds,
      'process.continuity.tieRetention',
      `watch below ${percent(limit)}`,
    );
    const minimum = ctx.thresholds['evidence.minimum'].cases;
    const previous = contactsByRespondent(ctx.previousResponses);
    const current = contactsByRespondent(ctx.responses);
    if (ctx.previousWave === null || previous.size === 0 || current.size === 0) {
      return {
        value: null,
        display: 'no two identified waves',
        n: 0,
        minimum,
        status: 'insufficient',
        threshold,
        finding: 'Tie retention needs two identified survey waves with named contacts.',
      };
    }
    const kept: string[] = [];
    const lost: [string, string][] = [];
    for (const [respondent, before] of previous) {
      const now = current.get(respondent);
      if (now === undefined) continue;
      for (const [named, frequency] of before) {
        if (frequency === 'never') continue;
        const again = now.get(named);
        if (again !== undefined && again !== 'never') kept.push(`${respondent}→${named}`);
        else lost.push([respondent, named]);
      }
    }
    const total = kept.length + lost.length;
    const share = total === 0 ? 0 : kept.length / total;
    return {
      value: total === 0 ? null : round(share, 3),
      display: shareText(kept.length, total, 'ties kept'),
      n: total,
      minimum,
      status: lowerIsWorse(share, { watch: limit }),
      threshold,
      evidence: [
        { kind: 'wave', id: ctx.previousWave.id },
        ...(ctx.wave ? [{ kind: 'wave' as const, id: ctx.wave.id }] : []),
        ...lost.map(([a, b]): EvidenceRef => ({
          kind: 'pair',
          id: `${a}→${b}`,
          note: 'named in the previous wave, not in the current one',
        })),
      ],
      finding:
        lost.length === 0
          ? `Every contact named in the previous survey was named again (${total} ties).`
          : `${shareText(kept.length, total, 'contacts')} named in the previous survey were named again; lapsed: ${listText(lost.map(([a, b]) => `${nameOf(ctx, a)} → ${nameOf(ctx, b)}`))}.`,
    };
  },
};

// ── process.teamReasoning.purposes ────────────────────────────────────────────

/** Joint goal defined: a joint goal recorded and agreed. No minimum: its absence is the finding. */
const jointGoalDefined: IndicatorDefinition = {
  id: 'process.teamReasoning.purposes.jointGoalDefined',
  element: 'process.teamReasoning.purposes',
  name: 'An agreed joint goal',
  level: 'group',
  kind: 'evaluative',
  actions: {
    concern: 'Agree one joint goal in writing and check each member can state it.',
  },
  compute(ctx) {
    const joint = ctx.doc.goals.filter((g) => g.level === 'joint');
    const agreed = joint.filter(
      (g) => g.agreed && (g.agreedOn === undefined || g.agreedOn <= ctx.asOf),
    );
    return {
      value: agreed.length > 0,
      display:
        agreed.length > 0
          ? plural(agreed.length, 'agreed joint goal')
          : joint.length > 0
            ? `${plural(joint.length, 'joint goal')} recorded, none agreed`
            : 'no joint goal',
      n: ctx.doc.goals.length,
      minimum: 0,
      status: agreed.length > 0 ? 'ok' : 'concern',
      evidence: recordRefs(
        'goals',
        (agreed.length > 0 ? agreed : joint).map((g) => g.id),
      ),
      finding:
        agreed.length > 0
          ? `The members have agreed ${agreed.length === 1 ? 'a joint goal' : `${agreed.length} joint goals`} (${listText(agreed.map((g) => g.id))}).`
          : joint.length > 0
            ? `A joint goal is recorded (${listText(joint.map((g) => g.id))}) but the members have not agreed it.`
            : 'No joint goal is recorded: each member may be assuming the others share their own aims.',
    };
  },
};

/**
 * Goal conflicts: agency or professional goals linked as conflicting with a joint goal,
 * unresolved (the link may be recorded on either goal). n = agency and professional goals
 * examined, minimum 1, and 0 without a joint goal to conflict with.
 */
const goalConflicts: IndicatorDefinition = {
  id: 'process.teamReasoning.purposes.goalConflicts',
  element: 'process.teamReasoning.purposes',
  name: 'Goals pulling against the joint goal',
  level: 'agency',
  kind: 'evaluative',
  actions: {
    concern:
      'Bring the agencies whose own goals pull against the joint goal together to agree how each will be met for this child, and record the outcome.',
  },
  compute(ctx) {
    const goals = new Map(ctx.doc.goals.map((g) => [g.id, g]));
    const joint = ctx.doc.goals.filter((g) => g.level === 'joint');
    const own = ctx.doc.goals.filter((g) => g.level !== 'joint');
    const agencyName = new Map(ctx.doc.agencies.map((a) => [a.id, a.name]));
    const professionName = new Map(ctx.doc.professions.map((p) => [p.id, p.name]));
    const pairs = new Map<string, { own: string; joint: string }>();
    for (const g of ctx.doc.goals) {
      for (const link of g.links) {
        if (link.relation !== 'conflicts' || link.resolved) continue;
        const other = goals.get(link.goalId);
        if (other === undefined) continue;
        const [ownGoal, jointGoal] =
          g.level !== 'joint' && other.level === 'joint'
            ? [g, other]
            : g.level === 'joint' && other.level !== 'joint'
              ? [other, g]
              : [undefined, undefined];
        if (ownGoal === undefined || jointGoal === undefined) continue;
        pairs.set(`${ownGoal.id}|${jointGoal.id}`, { own: ownGoal.id, joint: jointGoal.id });
      }
    }
    const conflicts = [...pairs.values()];
    const holder = (id: string) => {
      const g = goals.get(id);
      if (g === undefined) return id;
      if (g.agencyId !== undefined)
        return `${agencyName.get(g.agencyId) ?? g.agencyId}'s goal ${id}`;
      if (g.professionId !== undefined)
        return `the ${professionName.get(g.professionId) ?? g.professionId} goal ${id}`;
      return `goal ${id}`;
    };
    return {
      value: conflicts.length,
      display: plural(conflicts.length, 'unresolved conflict'),
      n: joint.length === 0 ? 0 : own.length,
      minimum: 1,
      status: higherIsWorse(conflicts.length, { concern: 1 }),
      evidence: [...new Set(conflicts.flatMap((c) => [c.own, c.joint]))].map((id): EvidenceRef => ({
        kind: 'record',
        id,
        collection: 'goals',
      })),
      finding:
        joint.length === 0
          ? 'No joint goal is recorded, so no goal can be checked against it.'
          : conflicts.length === 0
            ? 'No agency or professional goal is recorded as conflicting with the joint goal without a resolution.'
            : `${listText(conflicts.map((c) => `${holder(c.own)} conflicts with joint goal ${c.joint}`))}, with no resolution recorded.`,
      details: { conflicts },
    };
  },
};

/** Agreement on purposes: r_wg(j) of the purposes scale (PU1–PU4) in the current wave. */
const purposesAgreement: IndicatorDefinition = {
  id: 'process.teamReasoning.purposes.agreement',
  element: 'process.teamReasoning.purposes',
  name: 'Agreement on purposes and values',
  level: 'group',
  kind: 'evaluative',
  actions: {
    watch:
      'Set aside time in a joint meeting for each member to say what they think the collaboration is for, and note where views differ.',
    concern:
      'Hold a facilitated session to agree what the collaboration is for and which values guide it before planning further joint work.',
  },
  compute(ctx) {
    const t = ctx.thresholds['process.teamReasoning.purposes.agreement'];
    const items = scaleItems('purposes');
    const fig = surveyFigure('purposes', ctx.responses, items, ctx.thresholds);
    const { respondentMeans: _means, responseIds: _ids, ...survey } = fig;
    const threshold = thresholdUse(
      ctx.thresholds,
      'process.teamReasoning.purposes.agreement',
      `watch below ${t.watch}, concern below ${t.concern} (r_wg(j))`,
    );
    const evidence: EvidenceRef[] = [
      ...(ctx.wave ? [{ kind: 'wave' as const, id: ctx.wave.id }] : []),
      ...items.map((i): EvidenceRef => ({ kind: 'item', id: i.id })),
    ];
    const base = {
      n: fig.respondents,
      minimum: ctx.thresholds['evidence.minimum'].respondents,
      threshold,
      evidence,
      ...(fig.respondents > 0 ? { survey } : {}),
    };
    if (fig.rwgJ === null) {
      return {
        ...base,
        value: null,
        display: `${plural(fig.respondents, 'respondent')}`,
        status: 'insufficient',
        finding: 'Agreement on purposes could not be computed from the answers given.',
      };
    }
    const status = lowerIsWorse(fig.rwgJ, { concern: t.concern, watch: t.watch });
    return {
      ...base,
      value: fig.rwgJ,
      display: `r_wg(j) ${fig.rwgJ} from ${plural(fig.respondents, 'respondent')}`,
      status,
      finding:
        status === 'ok'
          ? `Members broadly agree on what the collaboration is for (r_wg(j) ${fig.rwgJ}, ${fig.respondents} respondents).`
          : `Members differ on what the collaboration is for and which values guide it (r_wg(j) ${fig.rwgJ}, ${fig.respondents} respondents).`,
    };
  },
};

// ── process.teamReasoning.communication ───────────────────────────────────────

/** Density (directed), reciprocity and degree centralization of the member network. */
const communicationNetwork: IndicatorDefinition = {
  id: 'process.teamReasoning.communication.network',
  element: 'process.teamReasoning.communication',
  name: 'Contact network of members',
  level: 'group',
  kind: 'evaluative',
  actions: {
    watch:
      'Agree a regular way for all members to hear about each child (a short joint meeting or a shared record) so that contact does not depend on chance.',
  },
  compute(ctx) {
    const t = ctx.thresholds['process.teamReasoning.communication.density'];
    const report = collaborationNetworks(ctx).interProfessional;
    const { n, minimum, short } = networkMinimum(ctx, report);
    const m = report.measures;
    const density = round(m.density, 3);
    const reciprocity = m.reciprocity === null ? null : round(m.reciprocity, 3);
    const centralization = round(m.degreeCentralization, 3);
    return {
      value: { density, reciprocity, centralization },
      display: `density ${percent(m.density)}, reciprocity ${m.reciprocity === null ? '–' : percent(m.reciprocity)}, centralization ${centralization}`,
      n,
      minimum,
      status: lowerIsWorse(m.density, { watch: t.watch }),
      threshold: thresholdUse(
        ctx.thresholds,
        'process.teamReasoning.communication.density',
        `watch when density is below ${percent(t.watch)} (contacts in the last ${t.windowMonths} months)`,
      ),
      finding:
        short ||
        `${shareText(m.tieCount, m.nodeCount * (m.nodeCount - 1), 'possible contact links')} were used in the last ${t.windowMonths} months${m.reciprocity === null ? '' : `; ${percent(m.reciprocity)} of them ran both ways`}.`,
      details: {
        tieCount: m.tieCount,
        members: m.nodeCount,
        contactsInWindow: report.contactsInWindow,
        conventions: report.conventions,
      },
    };
  },
};

/** Isolates: members in post with no tie in the window. */
const isolates: IndicatorDefinition = {
  id: 'process.teamReasoning.communication.isolates',
  element: 'process.teamReasoning.communication',
  name: 'Members with no contact',
  level: 'group',
  kind: 'evaluative',
  actions: {
    concern:
      'Contact each member no one has been in touch with, and agree how they will hear about the children they work with.',
  },
  compute(ctx) {
    const t = ctx.thresholds['process.teamReasoning.communication.density'];
    const report = collaborationNetworks(ctx).interProfessional;
    const { n, minimum, short } = networkMinimum(ctx, report);
    const alone = report.measures.isolates;
    return {
      value: alone,
      display: plural(alone.length, 'isolated member'),
      n,
      minimum,
      status: higherIsWorse(alone.length, { concern: 1 }),
      evidence: memberRefs(alone, `no recorded contact in the last ${t.windowMonths} months`),
      finding:
        short ||
        (alone.length === 0
          ? `Every member had contact with at least one other in the last ${t.windowMonths} months.`
          : `${listText(alone.map((id) => nameOf(ctx, id)))} had no recorded contact with any other member in the last ${t.windowMonths} months.`),
    };
  },
};

interface LoopCheck {
  eventId: string;
  caseId: string;
  recordedBy: string;
  notTold: string[];
  told: string[];
}

/**
 * Not looped in: a case event recorded by X touching an area that another member Y holds
 * (Y claims it, or owns a need on that case in that area), with no communication to Y (from
 * anyone, about that case or no stated case) from the event's date to 14 days after it,
 * both inclusive. Events in the communication window whose 14 days have not yet passed are
 * "pending" and not judged. n = events judged, minimum 1.
 */
const notLoopedIn: IndicatorDefinition = {
  id: 'process.teamReasoning.communication.notLoopedIn',
  element: 'process.teamReasoning.communication',
  name: 'Members not told about events in their area',
  level: 'group',
  kind: 'evaluative',
  actions: {
    concern:
      'Agree who tells whom when something happens in a child’s life (an offence, an exclusion, a placement), and within how many days.',
  },
  compute(ctx) {
    const days = ctx.thresholds['process.teamReasoning.communication.notLoopedIn'].days;
    const months = ctx.thresholds['process.teamReasoning.communication.density'].windowMonths;
    const { doc } = ctx;
    const claimers = new Map<string, Set<string>>();
    for (const claim of doc.roleClaims) {
      for (const area of claim.areaIds) {
        const set = claimers.get(area) ?? new Set<string>();
        set.add(claim.memberId);
        claimers.set(area, set);
      }
    }
    const needOwners = new Map<string, Set<string>>();
    for (const need of doc.needs) {
      if (need.caseId === undefined || need.areaId === undefined) continue;
      const key = `${need.caseId}|${need.areaId}`;
      const set = needOwners.get(key) ?? new Set<string>();
      for (const owner of need.ownerMemberIds) set.add(owner);
      needOwners.set(key, set);
    }
    const events = doc.caseEvents.filter(
      (e) => ctx.inWindow(e.date, months) && e.areaIds.length > 0,
    );
    // Only communications dated between the first event and the last event's deadline count.
    const ends = events.map((e) => addDays(e.date, days));
    let first = '';
    let last = '';
    events.forEach((e, k) => {
      if (first === '' || e.date < first) first = e.date;
      if (last === '' || ends[k]! > last) last = ends[k]!;
    });
    const inbox = recipientIndex(ctx, first, last);
    const positions = memberPositions(ctx);
    const judged: LoopCheck[] = [];
    const pending: string[] = [];
    for (let k = 0; k < events.length; k++) {
      const e = events[k]!;
      const concerned = new Set<string>();
      for (const area of e.areaIds) {
        for (const y of claimers.get(area) ?? []) concerned.add(y);
        for (const y of needOwners.get(`${e.caseId}|${area}`) ?? []) concerned.add(y);
      }
      concerned.delete(e.memberId);
      const others = [...concerned].filter((y) => {
        const member = ctx.memberById.get(y);
        return member !== undefined && inPostOn(member, e.date);
      });
      if (others.length === 0) continue;
      const end = ends[k]!;
      // The event's days as date ranks, found once for all the members it concerns.
      const from = datesBefore(inbox.dates, e.date, false);
      const until = datesBefore(inbox.dates, end, true);
      const told: string[] = [];
      const notTold: string[] = [];
      for (const y of others) {
        const heard = heardBetween(ctx, inbox, positions.get(y)!, from, until, e.caseId);
        (heard ? told : notTold).push(y);
      }
      if (notTold.length > 0 && end > ctx.asOf) {
        pending.push(e.id);
        continue;
      }
      judged.push({ eventId: e.id, caseId: e.caseId, recordedBy: e.memberId, notTold, told });
    }
    const missed = judged.filter((j) => j.notTold.length > 0);
    const evidence: EvidenceRef[] = [];
    for (const j of missed) {
      evidence.push({ kind: 'record', id: j.eventId, collection: 'caseEvents' });
      for (const y of j.notTold) {
        evidence.push({
          kind: 'member',
          id: y,
          note: `not told of ${j.eventId} within ${days} days`,
        });
      }
    }
    return {
      value: missed.length,
      display: `${plural(missed.length, 'event')} of ${judged.length} not passed on`,
      n: judged.length,
      minimum: 1,
      status: higherIsWorse(missed.length, { concern: 1 }),
      threshold: thresholdUse(
        ctx.thresholds,
        'process.teamReasoning.communication.notLoopedIn',
        `concern at 1 or more event with no communication to the member concerned within ${days} days`,
      ),
      evidence,
      finding:
        judged.length === 0
          ? 'No case event touching another member’s area could be checked yet.'
          : missed.length === 0
            ? `Every member whose area a case event touched heard from someone within ${days} days (${plural(judged.length, 'event')} checked).`
            : `${listText(
                missed.map(
                  (j) =>
                    `${nameOf(ctx, j.recordedBy)} recorded ${j.eventId} and ${listText(j.notTold.map((y) => nameOf(ctx, y)))} heard nothing within ${days} days`,
                ),
                3,
              )}.`,
      details: { checked: judged, pending },
    };
  },
};

/**
 * Communications dated from `first` to `last` (both inclusive) by recipient, each
 * recipient's sorted by date (ties in document order), from the shared communication table.
 * Flat typed arrays: member position p's communications are entries `starts[p]` to
 * `starts[p + 1]` − 1.
 */
interface RecipientIndex {
  readonly starts: Int32Array;
  /** Per entry: the communication's position in doc.communications. */
  readonly communication: Int32Array;
  /** Per entry: the rank of its date in `dates` (ranks compare as the dates do). */
  readonly dateRank: Int32Array;
  readonly dates: readonly string[];
}

function recipientIndex(ctx: AnalysisContext, first: string, last: string): RecipientIndex {
  return ctx.memo(`process:recipientIndex:${first}:${last}`, () => {
    const table = communicationTable(ctx);
    const { dates, dateRank } = table;
    const lowest = datesBefore(dates, first, false);
    const highest = datesBefore(dates, last, true);
    // Communications in range in date order (stable), by a counting sort on date ranks.
    const perRank = new Int32Array(dates.length + 1);
    for (let k = 0; k < dateRank.length; k++) {
      const rank = dateRank[k]!;
      if (rank >= lowest && rank < highest) perRank[rank + 1]!++;
    }
    for (let r = 0; r < dates.length; r++) perRank[r + 1]! += perRank[r]!;
    const inOrder = new Int32Array(perRank[dates.length]!);
    for (let k = 0; k < dateRank.length; k++) {
      const rank = dateRank[k]!;
      if (rank >= lowest && rank < highest) inOrder[perRank[rank]!++] = k;
    }
    // Then each recipient's share, in that order: count, then fill.
    const members = ctx.doc.members.length;
    const starts = new Int32Array(members + 1);
    for (const k of inOrder) {
      for (let r = table.recipientStart[k]!; r < table.recipientStart[k + 1]!; r++) {
        starts[table.recipient[r]! + 1]!++;
      }
    }
    for (let p = 0; p < members; p++) starts[p + 1]! += starts[p]!;
    const fill = starts.slice(0, members);
    const communication = new Int32Array(starts[members]!);
    const entryRank = new Int32Array(communication.length);
    for (const k of inOrder) {
      for (let r = table.recipientStart[k]!; r < table.recipientStart[k + 1]!; r++) {
        const at = fill[table.recipient[r]!]!++;
        communication[at] = k;
        entryRank[at] = dateRank[k]!;
      }
    }
    return { starts, communication, dateRank: entryRank, dates };
  });
}

/** How many of the sorted `dates` are below `date` (or, with `orEqual`, at most `date`). */
function datesBefore(dates: readonly string[], date: string, orEqual: boolean): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! < date || (orEqual && dates[mid] === date)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * True when the member at position `to` of doc.members was sent a communication about
 * `caseId` or no case, dated with a rank from `first` to before `last` (see datesBefore).
 */
function heardBetween(
  ctx: AnalysisContext,
  index: RecipientIndex,
  to: number,
  first: number,
  last: number,
  caseId: string,
): boolean {
  let lo = index.starts[to]!;
  let hi = index.starts[to + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.dateRank[mid]! < first) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < index.starts[to + 1]! && index.dateRank[i]! < last; i++) {
    const c = ctx.doc.communications[index.communication[i]!]!.caseId;
    if (c === undefined || c === caseId) return true;
  }
  return false;
}

/**
 * Asymmetric ties in the current wave: A reports weekly or daily contact with B, B (also a
 * respondent) does not name A or says "not at all". Minimum: 3 identified respondents.
 */
const asymmetricTies: IndicatorDefinition = {
  id: 'process.teamReasoning.communication.asymmetricTies',
  element: 'process.teamReasoning.communication',
  name: 'Contacts seen from one side only',
  level: 'group',
  kind: 'evaluative',
  actions: {
    watch:
      'Ask both members of each one-sided pair how they keep each other informed: one may think they are passing information on that the other never receives.',
  },
  compute(ctx) {
    const limit = ctx.thresholds['process.teamReasoning.communication.asymmetric'].watch;
    const answers = contactsByRespondent(ctx.responses);
    const pairs: [string, string, string][] = [];
    for (const [a, named] of answers) {
      for (const [b, frequency] of named) {
        if (frequency !== 'weekly' && frequency !== 'daily') continue;
        const reverse = answers.get(b);
        if (reverse === undefined) continue;
        const back = reverse.get(a);
        if (back === undefined || back === 'never') pairs.push([a, b, frequency]);
      }
    }
    return {
      value: pairs.length,
      display: plural(pairs.length, 'one-sided pair'),
      n: answers.size,
      minimum: ctx.thresholds['evidence.minimum'].respondents,
      status: higherIsWorse(pairs.length, { watch: limit }),
      threshold: thresholdUse(
        ctx.thresholds,
        'process.teamReasoning.communication.asymmetric',
        `watch at ${limit} or more pairs`,
      ),
      evidence: [
        ...(ctx.wave ? [{ kind: 'wave' as const, id: ctx.wave.id }] : []),
        ...pairs.map(([a, b, f]): EvidenceRef => ({
          kind: 'pair',
          id: `${a}→${b}`,
          note: `${a} reports ${f} contact; ${b} reports none`,
        })),
      ],
      finding:
        answers.size === 0
          ? 'No identified survey answers name contacts.'
          : pairs.length === 0
            ? 'Where one member reports frequent contact with another, the other reports it too.'
            : `${listText(
                pairs.map(
                  ([a, b]) =>
                    `${nameOf(ctx, a)} reports frequent contact with ${nameOf(ctx, b)}, who reports none`,
                ),
                3,
              )}.`,
    };
  },
};

/**
 * Sharing blocked: information held back under a rule (withheldInformation records dated on
 * or before the as-of date). Only ids and counts are shown, never the records' text. n =
 * withheld records plus communications to date, minimum 1: with nothing recorded about
 * information flow at all, "nothing held back" cannot be told from "nothing recorded".
 */
const sharingBlocked: IndicatorDefinition = {
  id: 'process.teamReasoning.communication.sharingBlocked',
  element: 'process.teamReasoning.communication',
  name: 'Information held back',
  level: 'group',
  kind: 'evaluative',
  actions: {
    watch:
      'Agree, with each agency’s information governance lead, what can be shared, with whose consent, and how members are told when something cannot be shared.',
  },
  compute(ctx) {
    const withheld = ctx.doc.withheldInformation.filter((w) => onOrBefore(ctx, w.date));
    // Communications to date, counted through the shared table's distinct dates.
    const table = communicationTable(ctx);
    const toDate = table.dates.map((date) => onOrBefore(ctx, date));
    let communications = 0;
    for (const rank of table.dateRank) if (toDate[rank]) communications++;
    const byRule: Record<string, number> = {};
    for (const w of withheld) byRule[w.rule.kind] = (byRule[w.rule.kind] ?? 0) + 1;
    const ruleText: Record<string, string> = {
      policy: 'a policy',
      professionConstraint: 'a professional rule',
      consent: 'consent',
      other: 'another rule',
    };
    return {
      value: withheld.length,
      display: plural(withheld.length, 'record'),
      n: withheld.length + communications,
      minimum: 1,
      status: higherIsWorse(withheld.length, { watch: 1 }),
      evidence: recordRefs(
        'withheldInformation',
        withheld.map((w) => w.id),
      ),
      finding:
        withheld.length === 0
          ? 'No information is recorded as held back from other members.'
          : `Information was held back from other members ${plural(withheld.length, 'time')} (${listText(
              Object.entries(byRule).map(([k, c]) => `${c} under ${ruleText[k] ?? k}`),
            )}): ${listText(withheld.map((w) => w.id))}.`,
      details: { byRule },
    };
  },
};

// ── process.teamReasoning.decisions ───────────────────────────────────────────

/** Decisions dated on or before the as-of date that name the members they affect. */
const decisionsWithAffected = (ctx: AnalysisContext) =>
  ctx.doc.decisions.filter((d) => onOrBefore(ctx, d.date) && d.affectedMemberIds.length > 0);

/**
 * Decision participation: per decision, the share of affected members who took part; the
 * mean over decisions. Minimum: 1 decision that names affected members (a single recorded
 * decision already shows who was left out).
 */
const decisionParticipation: IndicatorDefinition = {
  id: 'process.teamReasoning.decisions.participation',
  element: 'process.teamReasoning.decisions',
  name: 'Affected members taking part in decisions',
  level: 'group',
  kind: 'evaluative',
  actions: {
    concern:
      'Before a decision about a child, check who it will affect and invite them, or at least ask for their view in writing.',
  },
  compute(ctx) {
    const limit = ctx.thresholds['process.teamReasoning.decisions.participation'].concern;
    const decisions = decisionsWithAffected(ctx);
    const shares = decisions.map((d) => {
      const took = new Set(d.participantIds);
      const affected = [...new Set(d.affectedMemberIds)];
      return { id: d.id, share: affected.filter((m) => took.has(m)).length / affected.length };
    });
    const mean = shares.length === 0 ? 0 : shares.reduce((s, x) => s + x.share, 0) / shares.length;
    const low = shares.filter((s) => s.share < limit);
    return {
      value: shares.length === 0 ? null : round(mean, 3),
      display:
        shares.length === 0
          ? 'no decisions'
          : `${percent(mean)} on average over ${plural(shares.length, 'decision')}`,
      n: shares.length,
      minimum: 1,
      status: lowerIsWorse(mean, { concern: limit }),
      threshold: thresholdUse(
        ctx.thresholds,
        'process.teamReasoning.decisions.participation',
        `concern below ${percent(limit)}`,
      ),
      evidence: recordRefs(
        'decisions',
        low.map((s) => s.id),
        `fewer than ${percent(limit)} of the affected members took part`,
      ),
      finding:
        shares.length === 0
          ? 'No recorded decision names the members it affects.'
          : `On average ${percent(mean)} of the members a decision affected took part in it (${plural(shares.length, 'decision')}${low.length > 0 ? `; fewest in ${listText(low.map((s) => s.id))}` : ''}).`,
      details: { perDecision: shares.map((s) => ({ id: s.id, share: round(s.share, 3) })) },
    };
  },
};

/**
 * Unilateral decisions: a decision taken by one agency (decidingAgencyId, or method
 * 'agencyUnilateral' with the deciding agencies read from its participants) that affects
 * members of other agencies who took no part. n = decisions naming affected members, minimum 1.
 */
const unilateralDecisions: IndicatorDefinition = {
  id: 'process.teamReasoning.decisions.unilateral',
  element: 'process.teamReasoning.decisions',
  name: 'Decisions taken by one agency for others',
  level: 'agency',
  kind: 'evaluative',
  actions: {
    concern:
      'Agree which decisions about a shared child each agency may take alone and which need the others, and tell members when a single-agency decision affects them.',
  },
  compute(ctx) {
    const decisions = decisionsWithAffected(ctx);
    const agencyName = new Map(ctx.doc.agencies.map((a) => [a.id, a.name]));
    const flagged: { id: string; agencies: string[]; leftOut: string[] }[] = [];
    for (const d of decisions) {
      if (d.decidingAgencyId === undefined && d.method !== 'agencyUnilateral') continue;
      const took = new Set(d.participantIds);
      const deciding = new Set<string>();
      if (d.decidingAgencyId !== undefined) deciding.add(d.decidingAgencyId);
      else for (const p of d.participantIds) deciding.add(ctx.agencyOf.get(p) ?? '');
      const affectedAgencies = new Set(d.affectedMemberIds.map((m) => ctx.agencyOf.get(m) ?? ''));
      const leftOut = [...new Set(d.affectedMemberIds)].filter((m) => {
        if (took.has(m)) return false;
        // With no deciding agency known, any decision affecting two agencies left one out.
        if (deciding.size === 0) return affectedAgencies.size >= 2;
        return !deciding.has(ctx.agencyOf.get(m) ?? '');
      });
      if (leftOut.length > 0) flagged.push({ id: d.id, agencies: [...deciding], leftOut });
    }
    return {
      value: flagged.length,
      display: plural(flagged.length, 'unilateral decision'),
      n: decisions.length,
      minimum: 1,
      status: higherIsWorse(flagged.length, { concern: 1 }),
      evidence: [
        ...recordRefs(
          'decisions',
          flagged.map((f) => f.id),
        ),
        ...memberRefs(
          new Set(flagged.flatMap((f) => f.leftOut)),
          'affected by another agency’s decision without taking part',
        ),
      ],
      finding:
        decisions.length === 0
          ? 'No recorded decision names the members it affects.'
          : flagged.length === 0
            ? 'No decision by one agency affected members of another agency who took no part.'
            : `${listText(
                flagged.map(
                  (f) =>
                    `${f.id} (by ${listText(f.agencies.map((a) => agencyName.get(a) ?? a))}) affected ${listText(f.leftOut.map((m) => nameOf(ctx, m)))} without them`,
                ),
                3,
              )}.`,
      details: { decisions: flagged },
    };
  },
};

// ── process.teamReasoning.roles ───────────────────────────────────────────────

interface Act {
  collection: 'activities' | 'caseEvents';
  id: string;
  caseId?: string;
  areaIds: readonly string[];
  actors: ReadonlySet<string>;
}

/** Activities and case events in the roles window that name areas, with who acted. */
function actsInWindow(ctx: AnalysisContext): Act[] {
  return ctx.memo('process:roleActs', () => {
    const months = ctx.thresholds['process.teamReasoning.roles.overlap'].windowMonths;
    const acts: Act[] = [];
    for (const a of ctx.doc.activities) {
      if (!ctx.inWindow(a.date, months) || a.areaIds.length === 0) continue;
      const act: Act = {
        collection: 'activities',
        id: a.id,
        areaIds: a.areaIds,
        actors: new Set(a.participantIds),
      };
      if (a.caseId !== undefined) act.caseId = a.caseId;
      acts.push(act);
    }
    for (const e of ctx.doc.caseEvents) {
      if (!ctx.inWindow(e.date, months) || e.areaIds.length === 0) continue;
      acts.push({
        collection: 'caseEvents',
        id: e.id,
        caseId: e.caseId,
        areaIds: e.areaIds,
        actors: new Set([e.memberId]),
      });
    }
    return acts;
  });
}

/**
 * Overlap in practice: one area acted on for one case by ≥ 2 members separately (each in a
 * record the other was not part of; a joint activity is not an overlap) in the window, with
 * no coordinating record for that area (and that case, where the record names one) dated in
 * it. n = acts examined (activities with a case and areas, case events with areas), minimum 1.
 */
const overlapInPractice: IndicatorDefinition = {
  id: 'process.teamReasoning.roles.overlapInPractice',
  element: 'process.teamReasoning.roles',
  name: 'The same work done twice',
  level: 'group',
  kind: 'evaluative',
  actions: {
    watch:
      'For each child where two members worked on the same area, agree who leads on it and record what the other will and will not do.',
  },
  compute(ctx) {
    const months = ctx.thresholds['process.teamReasoning.roles.overlap'].windowMonths;
    const acts = actsInWindow(ctx).filter((a) => a.caseId !== undefined);
    const groups = new Map<string, { caseId: string; areaId: string; acts: Act[] }>();
    for (const act of acts) {
      for (const area of new Set(act.areaIds)) {
        const key = `${act.caseId}|${area}`;
        const g = groups.get(key) ?? { caseId: act.caseId!, areaId: area, acts: [] };
        g.acts.push(act);
        groups.set(key, g);
      }
    }
    const coordinated = ctx.doc.coordinatingRecords.filter((r) => ctx.inWindow(r.date, months));
    const areaName = new Map(ctx.doc.responsibilityAreas.map((a) => [a.id, a.name]));
    const overlaps: { caseId: string; areaId: string; members: string[]; recordIds: string[] }[] =
      [];
    for (const g of groups.values()) {
      const separate = separateActors(g.acts);
      if (separate.length < 2) continue;
      const resolved = coordinated.some(
        (r) => r.areaId === g.areaId && (r.caseId === undefined || r.caseId === g.caseId),
      );
      if (resolved) continue;
      overlaps.push({
        caseId: g.caseId,
        areaId: g.areaId,
        members: separate,
        recordIds: g.acts.map((a) => a.id),
      });
    }
    const evidence: EvidenceRef[] = [];
    for (const o of overlaps) {
      for (const act of groupsActs(groups, o)) {
        evidence.push({ kind: 'record', id: act.id, collection: act.collection });
      }
      evidence.push({
        kind: 'record',
        id: o.areaId,
        collection: 'responsibilityAreas',
        note: `case ${o.caseId}`,
      });
    }
    return {
      value: overlaps.length,
      display: plural(overlaps.length, 'overlap'),
      n: acts.length,
      minimum: 1,
      status: higherIsWorse(overlaps.length, { watch: 1 }),
      threshold: thresholdUse(
        ctx.thresholds,
        'process.teamReasoning.roles.overlap',
        `watch at 1 or more area acted on separately by two members for one case in the last ${months} months with no coordinating record`,
      ),
      evidence,
      finding:
        overlaps.length === 0
          ? `No area was worked on separately by two members for the same case in the last ${months} months without being coordinated.`
          : `${listText(
              overlaps.map(
                (o) =>
                  `${listText(o.members.map((m) => nameOf(ctx, m)))} each worked on ${areaName.get(o.areaId) ?? o.areaId} for case ${o.caseId}`,
              ),
              3,
            )}, with no record of how the work was shared out.`,
      details: { overlaps },
    };
  },
};

function groupsActs(
  groups: ReadonlyMap<string, { acts: Act[] }>,
  o: { caseId: string; areaId: string },
): Act[] {
  return groups.get(`${o.caseId}|${o.areaId}`)?.acts ?? [];
}

/**
 * Members who acted on the area in a record that did not include some other member who also
 * acted on it: the members working separately rather than together. Sorted by id.
 */
function separateActors(acts: readonly Act[]): string[] {
  const actors = [...new Set(acts.flatMap((a) => [...a.actors]))].sort();
  // Each actor's acts as a bit set: x acted without y when x's set has a bit y's lacks.
  const words = (acts.length + 31) >>> 5;
  const actsOf = actors.map((x) => {
    const bits = new Uint32Array(words);
    acts.forEach((a, k) => {
      if (a.actors.has(x)) bits[k >>> 5]! |= 1 << (k & 31);
    });
    return bits;
  });
  const without = (x: Uint32Array, y: Uint32Array) => {
    for (let w = 0; w < words; w++) if ((x[w]! & ~y[w]!) !== 0) return true;
    return false;
  };
  const separate = actors.map((_, i) =>
    actsOf.some((other, j) => j !== i && without(actsOf[i]!, other) && without(other, actsOf[i]!)),
  );
  return actors.filter((_, i) => separate[i]);
}

/**
 * Claimed but unperformed: area–member pairs claimed by members in post with no activity or
 * case event by that member on that area in the window. Watch when any; minimum 3 claims.
 */
const claimedUnperformed: IndicatorDefinition = {
  id: 'process.teamReasoning.roles.claimedUnperformed',
  element: 'process.teamReasoning.roles',
  name: 'Responsibilities claimed but not acted on',
  level: 'individual',
  kind: 'evaluative',
  actions: {
    watch:
      'Check with each member whether the areas they hold are still theirs: hand over the ones they no longer cover, or record the work they do on them.',
  },
  compute(ctx) {
    const months = ctx.thresholds['process.teamReasoning.roles.overlap'].windowMonths;
    const active = new Set(ctx.activeMembers.map((m) => m.id));
    const claims = new Map<string, { memberId: string; areaId: string; claimId: string }>();
    for (const claim of ctx.doc.roleClaims) {
      if (!active.has(claim.memberId)) continue;
      for (const area of claim.areaIds) {
        const key = `${claim.memberId}|${area}`;
        if (!claims.has(key))
          claims.set(key, { memberId: claim.memberId, areaId: area, claimId: claim.id });
      }
    }
    const performed = new Set<string>();
    for (const act of actsInWindow(ctx)) {
      for (const m of act.actors) for (const area of act.areaIds) performed.add(`${m}|${area}`);
    }
    const idle = [...claims.entries()].filter(([key]) => !performed.has(key)).map(([, c]) => c);
    const total = claims.size;
    const share = total === 0 ? 0 : idle.length / total;
    const areaName = new Map(ctx.doc.responsibilityAreas.map((a) => [a.id, a.name]));
    return {
      value: total === 0 ? null : round(share, 3),
      display: shareText(idle.length, total, 'claimed areas with no recorded action'),
      n: total,
      minimum: ctx.thresholds['evidence.minimum'].cases,
      status: higherIsWorse(idle.length, { watch: 1 }),
      threshold: thresholdUse(
        ctx.thresholds,
        'process.teamReasoning.roles.overlap',
        `watch when any claimed area has no activity or case event by its member in the last ${months} months`,
      ),
      evidence: idle.map((c): EvidenceRef => ({
        kind: 'record',
        id: c.claimId,
        collection: 'roleClaims',
        note: `${c.memberId}: no action on ${c.areaId} in ${months} months`,
      })),
      finding:
        idle.length === 0
          ? `Every member acted on each area they claim in the last ${months} months.`
          : `${shareText(idle.length, total, 'claimed responsibilities')} show no recorded action in the last ${months} months: ${listText(
              idle.map((c) => `${nameOf(ctx, c.memberId)} (${areaName.get(c.areaId) ?? c.areaId})`),
            )}.`,
      details: { unperformed: idle },
    };
  },
};

/** Every indicator of the collaborative process, in model order. */
export const processIndicators: IndicatorDefinition[] = [
  phaseCoverage,
  jointParticipation,
  age,
  turnover,
  keyPeople,
  tieRetention,
  jointGoalDefined,
  goalConflicts,
  purposesAgreement,
  communicationNetwork,
  isolates,
  notLoopedIn,
  asymmetricTies,
  sharingBlocked,
  decisionParticipation,
  unilateralDecisions,
  overlapInPractice,
  claimedUnperformed,
];
