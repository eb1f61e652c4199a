import { SCALE_ITEMS, type ScaleId } from '../../survey/instrument.js';
import { rwgJ } from '../../stats/index.js';
import type { AnalysisContext } from '../context.js';
import { addMonths, monthsBetween } from '../dates.js';
import {
  higherIsWorse,
  lowerIsWorse,
  percent,
  recordRefs,
  shareText,
  thresholdUse,
  type IndicatorDefinition,
} from '../indicator.js';
import { roleData, roleGapBase, roleMap, type RoleGap } from '../role-map.js';
import { answerMatrix, round, scaleItems, surveyFigure } from '../survey-figures.js';
import type { EvidenceRef, Status } from '../types.js';
import { nameList } from './personal.js';

/*
 * Indicators of the local context (ANALYSIS.md): boundedness, roles, leadership,
 * accountability, resourcing and knowledge.
 */

const nameOf = (ctx: AnalysisContext, id: string) => ctx.memberById.get(id)?.displayName ?? id;
const areaName = (ctx: AnalysisContext, id: string) =>
  ctx.doc.responsibilityAreas.find((a) => a.id === id)?.name ?? id;
const memberRef = (id: string, note?: string): EvidenceRef =>
  note === undefined ? { kind: 'member', id } : { kind: 'member', id, note };
const plural = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;

type Openness = 'defined' | 'partly' | 'open';

/** bounded when aims, resourcing and time are all defined, unbounded when all open, else partly. */
export function boundednessProfile(b: {
  aims: Openness;
  resourcing: Openness;
  time: Openness;
}): 'bounded' | 'partly' | 'unbounded' {
  const values = [b.aims, b.resourcing, b.time];
  if (values.every((v) => v === 'defined')) return 'bounded';
  if (values.every((v) => v === 'open')) return 'unbounded';
  return 'partly';
}

/** Boundedness profile from the collaboration record (descriptive). */
const boundednessProfileIndicator: IndicatorDefinition = {
  id: 'local.boundedness.profile',
  element: 'local.boundedness',
  name: 'Boundedness profile',
  level: 'group',
  kind: 'descriptive',
  compute(ctx) {
    const b = ctx.doc.collaboration.boundedness;
    const profile = boundednessProfile(b);
    return {
      value: profile,
      display: `${profile} (aims ${b.aims}, resourcing ${b.resourcing}, time ${b.time})`,
      n: 1,
      minimum: 1,
      status: 'ok',
      finding:
        profile === 'bounded'
          ? 'Aims, resourcing and time are all defined: the work is tightly bounded.'
          : profile === 'unbounded'
            ? 'Aims, resourcing and time are all left open: the work is unbounded, which leaves room to spot needs but invites unclear roles.'
            : `The work is partly bounded: aims ${b.aims}, resourcing ${b.resourcing}, time ${b.time}.`,
      details: { aims: b.aims, resourcing: b.resourcing, time: b.time },
    };
  },
};

/**
 * Unbounded work with role gaps or overlaps (Easen et al 2000). ANALYSIS.md makes the profile
 * descriptive but asks for concern in this case, so this evaluative companion carries it:
 * `ok` unless unbounded with gaps or overlaps. When the work is not unbounded the rule
 * cannot fire (n = 1 from the collaboration record); when it is, role records must exist to
 * look at (claimed areas, needs or joint goals), else insufficient.
 */
const boundednessRisk: IndicatorDefinition = {
  id: 'local.boundedness.risk',
  element: 'local.boundedness',
  name: 'Open-ended work with unclear roles',
  level: 'group',
  kind: 'evaluative',
  actions: {
    concern:
      'The work is open-ended and some tasks are shared or nobody’s: agree who leads each shared area and who picks up each unowned need, and put a review date on it.',
  },
  compute(ctx) {
    const profile = boundednessProfile(ctx.doc.collaboration.boundedness);
    if (profile !== 'unbounded') {
      return {
        value: false,
        display: `${profile}: no risk from open-endedness`,
        n: 1,
        minimum: 1,
        status: 'ok',
        finding: `The work is ${profile}, so open-endedness does not add to role problems.`,
      };
    }
    const map = roleMap(ctx);
    const base = roleGapBase(ctx);
    const claimedAreas = map.areas.filter((a) => a.claimedBy.length > 0).length;
    const n = claimedAreas + base.needs + base.jointGoals;
    const risky = map.gaps.length > 0 || map.overlaps.length > 0;
    return {
      value: risky,
      display: risky
        ? `unbounded with ${plural(map.gaps.length, 'gap')} and ${plural(map.overlaps.length, 'overlap')}`
        : 'unbounded; no gap or overlap',
      n,
      minimum: 1,
      status: risky ? 'concern' : 'ok',
      evidence: [
        ...map.overlaps.map((o) => ({
          kind: 'record' as const,
          id: o.areaId,
          collection: 'responsibilityAreas',
          note: 'overlap',
        })),
        ...gapRefs(map.gaps),
      ],
      finding: risky
        ? `The work is unbounded and roles are unclear (${plural(map.gaps.length, 'gap')}, ${plural(map.overlaps.length, 'overlap')}): open-ended work with unclear roles tends to leave tasks undone or done twice.`
        : 'The work is unbounded, but no role gap or overlap is recorded.',
    };
  },
};

const gapRefs = (gaps: readonly RoleGap[]): EvidenceRef[] =>
  gaps.map((g) => ({
    kind: 'record',
    id: g.id,
    collection: g.kind === 'need' ? 'needs' : 'goals',
    note:
      g.kind === 'need'
        ? 'need with no owner in post'
        : 'joint goal with no responsible member in post',
  }));

/**
 * Overlaps: areas claimed by ≥ 2 members in post of different professions with no agreed
 * lead. n = areas claimed by at least one member (minimum 1): with no claims there is
 * nothing to overlap.
 */
const overlaps: IndicatorDefinition = {
  id: 'local.roles.overlaps',
  element: 'local.roles',
  name: 'Overlapping responsibilities',
  level: 'group',
  kind: 'evaluative',
  actions: {
    watch: 'Agree who leads the shared area and how the others feed in, and write it down.',
    concern:
      'Several areas are claimed by more than one profession with no agreed lead: hold a session to agree a lead for each and record it in the role map.',
  },
  compute(ctx) {
    const t = ctx.thresholds['local.roles.overlaps'];
    const data = roleData(ctx);
    const map = data.map;
    const claimedAreas = map.areas.filter((a) => a.claimedBy.length > 0).length;
    const claimIds = new Set<string>();
    const responseIds = new Set<string>();
    const claimIdSet = new Set(ctx.doc.roleClaims.map((c) => c.id));
    for (const o of map.overlaps) {
      for (const m of o.memberIds) {
        for (const id of data.claims.get(m)?.sourcesByArea.get(o.areaId) ?? []) {
          if (claimIdSet.has(id)) claimIds.add(id);
          else responseIds.add(id);
        }
      }
    }
    const k = map.overlaps.length;
    return {
      value: map.overlaps.map((o) => o.areaId),
      display: plural(k, 'overlapping area'),
      n: claimedAreas,
      minimum: 1,
      status: higherIsWorse(k, t),
      threshold: thresholdUse(
        ctx.thresholds,
        'local.roles.overlaps',
        `watch at ${t.watch}, concern at ${t.concern} or more`,
      ),
      evidence: [
        ...recordRefs(
          'responsibilityAreas',
          map.overlaps.map((o) => o.areaId),
          'claimed by several professions, no agreed lead',
        ),
        ...recordRefs('roleClaims', claimIds),
        ...recordRefs('responses', responseIds, 'own areas named in the survey'),
      ],
      finding:
        k === 0
          ? 'No area is claimed by members of different professions without an agreed lead.'
          : map.overlaps
              .map(
                (o) =>
                  `${areaName(ctx, o.areaId)} is claimed by ${nameList(o.memberIds.map((id) => nameOf(ctx, id)))} with no agreed lead.`,
              )
              .join(' '),
      details: { overlaps: map.overlaps },
    };
  },
};

const excerpt = (s: string, max = 60) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** Gaps: needs and joint goals with nobody in post responsible (Considine 2002; Milbourne 2005). */
const gaps: IndicatorDefinition = {
  id: 'local.roles.gaps',
  element: 'local.roles',
  name: 'Gaps in responsibility',
  level: 'group',
  kind: 'evaluative',
  actions: {
    concern:
      'Name one member responsible for each need and joint goal nobody holds, and check it at the next meeting.',
  },
  compute(ctx) {
    const map = roleMap(ctx);
    const base = roleGapBase(ctx);
    // n = needs and joint goals examined; one record is enough to check for a gap.
    const k = map.gaps.length;
    const words = (g: RoleGap) =>
      g.confidentialTo === undefined ? `“${excerpt(g.description)}”` : g.id;
    const needs = map.gaps.filter((g) => g.kind === 'need');
    const goals = map.gaps.filter((g) => g.kind === 'jointGoal');
    const parts = [
      needs.length > 0
        ? `${plural(needs.length, 'need')} with no owner in post (${needs.map(words).join('; ')})`
        : '',
      goals.length > 0
        ? `${plural(goals.length, 'joint goal')} with nobody responsible (${goals.map(words).join('; ')})`
        : '',
    ].filter((p) => p !== '');
    return {
      value: map.gaps.map((g) => g.id),
      display: plural(k, 'gap'),
      n: base.needs + base.jointGoals,
      minimum: 1,
      status: k >= 1 ? 'concern' : 'ok',
      evidence: gapRefs(map.gaps),
      finding:
        k === 0
          ? 'Every recorded need and joint goal has someone in post responsible for it.'
          : `There ${k === 1 ? 'is' : 'are'} ${parts.join(' and ')}.`,
      details: { gaps: map.gaps, examined: base },
    };
  },
};

/** Misperceptions: perceiver–target pairs whose view and claim share little (Jaccard < .34). */
const misperceptions: IndicatorDefinition = {
  id: 'local.roles.misperceptions',
  element: 'local.roles',
  name: 'Misperceived roles',
  level: 'group',
  kind: 'evaluative',
  actions: {
    watch:
      'Ask the members concerned to tell each other what they take on in this work, and update the role map together.',
  },
  compute(ctx) {
    const t = ctx.thresholds['local.roles.misperceptions'];
    const data = roleData(ctx);
    const mis = data.map.misperceptions;
    const perceptionIds = new Set(ctx.doc.rolePerceptions.map((p) => p.id));
    const ids = mis.flatMap((m) => m.evidence);
    return {
      value: mis.length,
      display: `${plural(mis.length, 'pair')} of ${data.pairs.length}`,
      // n = pairs where a view can be set beside a claim; one is enough to look.
      n: data.pairs.length,
      minimum: 1,
      status: higherIsWorse(mis.length, { watch: t.watch }),
      threshold: thresholdUse(
        ctx.thresholds,
        'local.roles.misperceptions',
        `a pair counts when Jaccard(view, claim) < ${t.jaccard}; watch at ${t.watch} or more pairs`,
      ),
      evidence: [
        ...recordRefs('rolePerceptions', new Set(ids.filter((id) => perceptionIds.has(id)))),
        ...recordRefs(
          'responses',
          new Set(ids.filter((id) => !perceptionIds.has(id))),
          'contact answer',
        ),
      ],
      finding:
        mis.length === 0
          ? 'Members’ views of colleagues’ areas broadly match what those colleagues say they do.'
          : misperceptionFinding(ctx, mis),
      details: {
        pairs: mis.map((m) => ({
          perceiverId: m.perceiverId,
          perceiverName: nameOf(ctx, m.perceiverId),
          targetId: m.targetId,
          targetName: nameOf(ctx, m.targetId),
          jaccard: m.jaccard,
          view: m.view,
          claim: m.claim,
        })),
      },
    };
  },
};

/** One sentence per misperceived member: "Ana and Ben see Cy’s part differently from Cy’s own account." */
function misperceptionFinding(
  ctx: AnalysisContext,
  mis: readonly { perceiverId: string; targetId: string }[],
): string {
  const byTarget = new Map<string, string[]>();
  for (const m of mis)
    byTarget.set(m.targetId, [...(byTarget.get(m.targetId) ?? []), m.perceiverId]);
  return [...byTarget]
    .map(([target, perceivers]) => {
      const who = nameList(perceivers.map((p) => nameOf(ctx, p)));
      const verb = perceivers.length === 1 ? 'sees' : 'see';
      const name = nameOf(ctx, target);
      return `${who} ${verb} ${name}’s part in the work differently from ${name}’s own account.`;
    })
    .join(' ');
}

/**
 * Lead: concern when no lead in post; else the share of the current wave's respondents who
 * answered the lead question and named that lead (watch < 80 %). With fewer than 3 answers
 * the lead's existence alone gives `ok`, with a note.
 */
const lead: IndicatorDefinition = {
  id: 'local.leadership.lead',
  element: 'local.leadership',
  name: 'Designated lead',
  level: 'group',
  kind: 'evaluative',
  actions: {
    watch:
      'Tell every member, in writing and at the next meeting, who leads the collaboration and what the lead does.',
    concern:
      'Agree who leads the collaboration, record it, and let every member and their managers know.',
  },
  compute(ctx) {
    const t = ctx.thresholds['local.leadership.lead'];
    const leadId = ctx.doc.collaboration.leadMemberId;
    const threshold = thresholdUse(
      ctx.thresholds,
      'local.leadership.lead',
      `concern with no lead; watch when fewer than ${percent(t.watch)} of respondents name the lead`,
    );
    const inPost = leadId !== null && ctx.activeMembers.some((m) => m.id === leadId);
    if (leadId === null || !inPost) {
      return {
        value: { leadMemberId: leadId, share: null },
        display: leadId === null ? 'no lead' : 'lead no longer in post',
        // With nobody in post there is no team to lead yet.
        n: ctx.activeMembers.length,
        minimum: 1,
        status: 'concern',
        threshold,
        evidence: leadId === null ? [] : [memberRef(leadId, 'recorded lead, no longer in post')],
        finding:
          leadId === null
            ? 'No one is recorded as leading the collaboration.'
            : `The recorded lead, ${nameOf(ctx, leadId)}, is no longer in post.`,
      };
    }
    const answered = ctx.responses.filter((r) => r.namedLeadId !== undefined);
    const naming = answered.filter((r) => r.namedLeadId === leadId);
    const name = nameOf(ctx, leadId);
    if (answered.length < ctx.thresholds['evidence.minimum'].respondents) {
      return {
        value: { leadMemberId: leadId, share: null },
        display: `lead: ${name}`,
        n: 1,
        minimum: 1,
        status: 'ok',
        threshold,
        evidence: [memberRef(leadId, 'designated lead')],
        finding: `${name} is the designated lead. Too few members (${answered.length}) answered the lead question to tell whether members know it.`,
      };
    }
    const share = naming.length / answered.length;
    const status: Status = lowerIsWorse(share, { watch: t.watch });
    return {
      value: { leadMemberId: leadId, share: round(share, 3) },
      display: `lead: ${name}; named by ${shareText(naming.length, answered.length, 'respondents')}`,
      n: answered.length,
      minimum: ctx.thresholds['evidence.minimum'].respondents,
      status,
      threshold,
      evidence: [
        memberRef(leadId, 'designated lead'),
        ...recordRefs(
          'responses',
          answered.filter((r) => r.namedLeadId !== leadId).map((r) => r.id),
          'did not name the designated lead',
        ),
      ],
      finding: `${name} is the designated lead; ${shareText(naming.length, answered.length, 'respondents')} named ${name} as the lead.`,
    };
  },
};

/**
 * Accountability lines: members in post with no line (concern ≥ 1) and members with two or
 * more lines and no stated precedence (watch ≥ 1). n = members in post, minimum 1.
 */
const accountabilityLines: IndicatorDefinition = {
  id: 'local.accountability.lines',
  element: 'local.accountability',
  name: 'Lines of accountability',
  level: 'group',
  kind: 'evaluative',
  actions: {
    watch:
      'For members who answer to more than one manager, agree and write down which line wins when they pull apart.',
    concern:
      'Make sure every member knows, in writing, to whom they answer for their part of the joint work.',
  },
  compute(ctx) {
    const members = ctx.activeMembers;
    const none = members.filter((m) => m.accountability.length === 0);
    const dual = members.filter(
      (m) =>
        m.accountability.length >= 2 &&
        (m.accountabilityPrecedence === null || m.accountabilityPrecedence.trim() === ''),
    );
    const status: Status = none.length >= 1 ? 'concern' : dual.length >= 1 ? 'watch' : 'ok';
    const sentences = [
      none.length > 0
        ? `${nameList(none.map((m) => m.displayName))} ${none.length === 1 ? 'has' : 'have'} no recorded line of accountability.`
        : '',
      dual.length > 0
        ? `${nameList(dual.map((m) => m.displayName))} answer${dual.length === 1 ? 's' : ''} to more than one line with nothing saying which wins.`
        : '',
    ].filter((s) => s !== '');
    return {
      value: { none: none.map((m) => m.id), dual: dual.map((m) => m.id) },
      display: `${plural(none.length, 'member')} with no line, ${dual.length} with unresolved dual lines`,
      n: members.length,
      minimum: 1,
      status,
      evidence: [
        ...none.map((m) => memberRef(m.id, 'no accountability line')),
        ...dual.map((m) => memberRef(m.id, 'two or more lines, no stated precedence')),
      ],
      finding:
        sentences.length === 0
          ? 'Every member has a clear line of accountability.'
          : sentences.join(' '),
    };
  },
};

/** Dedicated time: share of members in post with dedicated hours > 0 (Sloper 2004). */
const dedicatedTime: IndicatorDefinition = {
  id: 'local.resourcing.dedicatedTime',
  element: 'local.resourcing',
  name: 'Dedicated time',
  level: 'group',
  kind: 'evaluative',
  actions: {
    concern:
      'Agree with members’ managers a set number of hours each week for the joint work, and protect it in their caseloads.',
  },
  compute(ctx) {
    const t = ctx.thresholds['local.resourcing.dedicatedTime'];
    const members = ctx.activeMembers;
    const withTime = members.filter((m) => m.dedicatedHoursPerWeek > 0);
    const without = members.filter((m) => m.dedicatedHoursPerWeek <= 0);
    const share = members.length === 0 ? 0 : withTime.length / members.length;
    const hours = withTime.reduce((a, m) => a + m.dedicatedHoursPerWeek, 0);
    return {
      value: round(share, 3),
      display: shareText(withTime.length, members.length, 'members'),
      n: members.length,
      minimum: ctx.thresholds['evidence.minimum'].cases,
      status: lowerIsWorse(share, t),
      threshold: thresholdUse(
        ctx.thresholds,
        'local.resourcing.dedicatedTime',
        `concern below ${percent(t.concern)}`,
      ),
      evidence: without.map((m) => memberRef(m.id, 'no dedicated hours')),
      finding:
        without.length === 0
          ? `Every member has time set aside for the joint work (${round(hours, 1)} hours a week in all).`
          : `${shareText(withTime.length, members.length, 'members')} have time set aside for the joint work; ${nameList(without.map((m) => m.displayName))} ${without.length === 1 ? 'fits' : 'fit'} it around other work.`,
      details: { totalHoursPerWeek: round(hours, 1) },
    };
  },
};

const FUNDING_WORDS = {
  jointFunding: 'joint funding',
  pooledBudget: 'a pooled budget',
  separateBudgets: 'separate agency budgets',
  seekingFunds: 'money still being sought',
} as const;

/** Funding security: watch when funding ends within 6 months (or has ended) or is being sought. */
const fundingSecurity: IndicatorDefinition = {
  id: 'local.resourcing.fundingSecurity',
  element: 'local.resourcing',
  name: 'Funding security',
  level: 'group',
  kind: 'evaluative',
  actions: {
    watch:
      'Plan now for what happens when the money ends: who will seek further funding, and which parts of the work must continue.',
  },
  compute(ctx) {
    const t = ctx.thresholds['local.resourcing.fundingSecurity'];
    const { fundingModel, fundingEndDate } = ctx.doc.collaboration;
    const horizon = addMonths(ctx.asOf, t.months);
    const endsSoon = fundingEndDate !== null && fundingEndDate <= horizon;
    const seeking = fundingModel === 'seekingFunds';
    const monthsLeft =
      fundingEndDate === null ? null : round(monthsBetween(ctx.asOf, fundingEndDate), 1);
    const ending =
      fundingEndDate === null
        ? ''
        : fundingEndDate <= ctx.asOf
          ? ` The funding ended on ${fundingEndDate}.`
          : ` The funding ends on ${fundingEndDate}${endsSoon ? `, within ${t.months} months` : ''}.`;
    return {
      value: { fundingModel, fundingEndDate, monthsLeft },
      display: `${FUNDING_WORDS[fundingModel]}${fundingEndDate === null ? '' : `, ends ${fundingEndDate}`}`,
      n: 1,
      minimum: 1,
      status: endsSoon || seeking ? 'watch' : 'ok',
      threshold: thresholdUse(
        ctx.thresholds,
        'local.resourcing.fundingSecurity',
        `watch when funding ends within ${t.months} months or is still being sought`,
      ),
      finding: `The work runs on ${FUNDING_WORDS[fundingModel]}.${ending}`,
    };
  },
};

/**
 * Shared constructions: r_wg(j) across every scale item of the current wave (keyed), with the
 * shared-definitions items KN1–KN4 as the survey figure. ANALYSIS.md asks that low agreement
 * on any scale be reported here ("different constructions"), so the status is `watch` when
 * the all-item r_wg(j) < .70 or any scale's r_wg(j) < .70; the scales are listed in details.
 */
const sharedConstructions: IndicatorDefinition = {
  id: 'local.knowledge.sharedConstructions',
  element: 'local.knowledge',
  name: 'Shared or different constructions',
  level: 'group',
  kind: 'evaluative',
  actions: {
    watch:
      'Set aside a meeting to talk through how each profession sees the child’s needs and the words each uses, and note where views differ.',
  },
  compute(ctx) {
    const t = ctx.thresholds['local.knowledge.sharedConstructions'];
    const minimum = ctx.thresholds['evidence.minimum'].respondents;
    const { rows } = answerMatrix(ctx.responses, SCALE_ITEMS);
    const all =
      rows.length >= minimum ? rwgJ(rows, { scalePoints: 5, missing: 'item' }).value : null;
    const kn = surveyFigure(
      'sharedDefinitions',
      ctx.responses,
      scaleItems('sharedDefinitions'),
      ctx.thresholds,
    );
    const { respondentMeans: _m, responseIds: _r, ...survey } = kn;
    const scales = [...new Set(SCALE_ITEMS.map((i) => i.scale))] as ScaleId[];
    const perScale = scales.map((scale) => {
      const f = surveyFigure(scale, ctx.responses, scaleItems(scale), ctx.thresholds);
      return { scale, respondents: f.respondents, rwgJ: f.rwgJ, items: f.items };
    });
    const low = perScale.filter((s) => s.rwgJ !== null && s.rwgJ < t.watch);
    const lowAll = all !== null && all < t.watch;
    const status: Status =
      rows.length >= minimum && all === null
        ? 'insufficient'
        : lowAll || low.length > 0
          ? 'watch'
          : 'ok';
    const scaleList = low.map((s) => `${s.scale} (${s.rwgJ})`).join(', ');
    const threshold = thresholdUse(
      ctx.thresholds,
      'local.knowledge.sharedConstructions',
      `watch when r_wg(j) across all items, or on any scale, is below ${t.watch}`,
    );
    return {
      value: all === null ? null : round(all, 3),
      display: all === null ? 'not computable' : `r_wg(j) ${round(all, 3)} across all items`,
      n: rows.length,
      minimum,
      status,
      threshold,
      evidence: [...new Set([...low.flatMap((s) => s.items), ...kn.items])].map((id) => ({
        kind: 'item' as const,
        id,
      })),
      finding:
        all === null
          ? 'Agreement across the survey items cannot be computed.'
          : `${lowAll ? `Members’ answers agree weakly across the survey (r_wg(j) ${round(all, 2)}).` : `Members’ answers agree across the survey as a whole (r_wg(j) ${round(all, 2)}).`}${low.length > 0 ? ` They see things differently on: ${scaleList}.` : ''}${kn.mean !== null ? ` Shared definitions score ${kn.mean.toFixed(2)} of 5.` : ''}`,
      survey,
      details: { differentConstructions: low, scales: perScale },
    };
  },
};

/** The indicators of the local context. */
export const localIndicators: IndicatorDefinition[] = [
  boundednessProfileIndicator,
  boundednessRisk,
  overlaps,
  gaps,
  misperceptions,
  lead,
  accountabilityLines,
  dedicatedTime,
  fundingSecurity,
  sharedConstructions,
];
