import type { CollaborationDocument, PHASES, SurveyResponse } from '../document/schema.js';
import { FROST_LEVELS, frostRank, type FrostLevel } from '../model/taxonomies.js';
import type { AnalysisContext } from './context.js';
import { monthKey } from './dates.js';
import type { Thresholds } from './thresholds.js';

/**
 * Frost's (2005, p.13) three words — cooperation, collaboration, coordination — read from the
 * evidence for every pair of members, every pair of agencies and the whole group
 * (ANALYSIS.md "Frost level"). The level is never taken from what members say about each
 * other: their self-rated working level is reported beside it.
 */

/** A phase of joint work. */
export type Phase = (typeof PHASES)[number];

/** A joint activity of a pair (both took part), as the rules need it. */
export interface JointActivity {
  readonly id: string;
  readonly date: string;
  readonly phase: Phase;
  readonly goalIds: readonly string[];
}

/**
 * How a joint goal came to count as recognised: `survey` when a member chose it in the
 * current wave's goal question, `activity` when a member did not answer and a joint activity
 * of the pair is linked to the goal.
 */
export type RecognitionBasis = 'survey' | 'activity';

/** A recorded, agreed joint goal both members of a pair recognise, with the basis used. */
export interface GoalRecognition {
  readonly goalId: string;
  readonly basis: readonly RecognitionBasis[];
}

/** Records of one direction of a pair, by id. */
export interface Directed {
  readonly aToB: readonly string[];
  readonly bToA: readonly string[];
}

/** Everything the Frost rules look at for one pair (members or agencies), gathered once. */
export interface PairEvidence {
  readonly a: string;
  readonly b: string;
  /** Joint activities in the window in which both took part. */
  readonly activities: readonly JointActivity[];
  /** Communications in the window, by direction. */
  readonly communications: Directed;
  /** Referrals in the window, by direction. */
  readonly referrals: Directed;
  /** Coordinating records (resolutions of an overlap, duplication or gap) naming both. */
  readonly coordinatingRecords: readonly string[];
  /** Agreed joint goals both recognise. */
  readonly recognisedGoals: readonly GoalRecognition[];
  /** Why no joint goal counts as recognised, when none does (plain sentences). */
  readonly goalNotes?: readonly string[];
}

/** One condition of the rules: whether it held and the ids of what met it. */
export interface FrostCondition {
  readonly held: boolean;
  readonly evidence: readonly string[];
  readonly note: string;
}

/** Every condition the rules test, each with its evidence. */
export interface FrostConditions {
  readonly jointPlanning: FrostCondition;
  readonly jointDoing: FrostCondition;
  readonly jointReviewing: FrostCondition;
  readonly recurring: FrostCondition;
  readonly recognisedGoal: FrostCondition;
  readonly resolution: FrostCondition;
  readonly contact: FrostCondition;
}

/** The outcome of the rules for one pair. */
export interface FrostClassification {
  readonly level: FrostLevel;
  readonly conditions: FrostConditions;
  /** Why the pair sits at this level and not the one above (plain sentences). */
  readonly reasons: readonly string[];
}

/** The evidence behind a pair's level, summarised for display. */
export interface PairLevelEvidence {
  readonly activities: Readonly<Record<Phase, readonly string[]>>;
  /** Calendar months (YYYY-MM) with a joint activity. */
  readonly months: readonly string[];
  readonly goals: readonly GoalRecognition[];
  readonly coordinatingRecords: readonly string[];
  readonly communications: {
    readonly aToB: number;
    readonly bToA: number;
    readonly sample: readonly string[];
  };
  readonly referrals: {
    readonly aToB: number;
    readonly bToA: number;
    readonly sample: readonly string[];
  };
}

/** A pair's Frost level with its conditions, evidence, flags and the self-rated levels. */
export interface PairLevel extends FrostClassification {
  readonly a: string;
  readonly b: string;
  readonly evidence: PairLevelEvidence;
  /** Unresolved goal conflicts between the two; they never change the level. */
  readonly flags: readonly string[];
  /** Working levels the two gave each other in the current wave, never mapped onto `level`. */
  readonly selfRated: { readonly aAboutB: FrostLevel | null; readonly bAboutA: FrostLevel | null };
}

/** Frost levels of a collaboration: member pairs, agency pairs and the group. */
export interface FrostReport {
  readonly memberPairs: readonly PairLevel[];
  readonly agencyPairs: readonly PairLevel[];
  readonly group: {
    /** Lower median over member pairs with any contact; `none` when no pair has any. */
    readonly level: FrostLevel;
    /** Member pairs at each level, `none` pairs included. */
    readonly distribution: Readonly<Record<FrostLevel, number>>;
    readonly pairsWithContact: number;
    readonly pairs: number;
  };
  readonly conventions: readonly string[];
}

/** How many ids a contact sample shows. */
const SAMPLE = 5;

const condition = (held: boolean, evidence: readonly string[], note: string): FrostCondition => ({
  held,
  evidence,
  note,
});

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The Frost level of one pair from its gathered evidence. Rules from the top, the first that
 * holds decides: coordination = joint planning, doing and reviewing, recurring (≥ 2 joint
 * activities across ≥ 2 calendar months by default) and a joint goal both recognise;
 * collaboration = joint planning and (a joint goal both recognise or a recorded resolution of
 * an overlap, duplication or gap); cooperation = any communication, referral or joint
 * activity in the window; none otherwise (Frost 2005, p.13).
 */
export function frostLevel(
  pair: PairEvidence,
  thresholds: Pick<Thresholds, 'frost.recurrence'>,
): FrostClassification {
  const byPhase: Record<Phase, string[]> = { planning: [], doing: [], reviewing: [] };
  const months = new Set<string>();
  for (const act of pair.activities) {
    byPhase[act.phase].push(act.id);
    months.add(monthKey(act.date));
  }
  const monthList = [...months].sort();
  const recurrence = thresholds['frost.recurrence'];
  const activityIds = pair.activities.map((a) => a.id);
  const recurs =
    pair.activities.length >= recurrence.occurrences && monthList.length >= recurrence.months;
  const goalIds = pair.recognisedGoals.map((g) => g.goalId);
  const comms = pair.communications.aToB.length + pair.communications.bToA.length;
  const refs = pair.referrals.aToB.length + pair.referrals.bToA.length;
  const contactCount = comms + refs + pair.activities.length;

  const phaseCondition = (phase: Phase) =>
    condition(
      byPhase[phase].length > 0,
      byPhase[phase],
      byPhase[phase].length > 0
        ? `${plural(byPhase[phase].length, `joint ${phase} activity`, `joint ${phase} activities`)} in the window`
        : `no joint ${phase} activity in the window`,
    );
  const conditions: FrostConditions = {
    jointPlanning: phaseCondition('planning'),
    jointDoing: phaseCondition('doing'),
    jointReviewing: phaseCondition('reviewing'),
    recurring: condition(
      recurs,
      recurs ? activityIds : [],
      `${plural(pair.activities.length, 'joint activity', 'joint activities')} across ${plural(monthList.length, 'month')}${monthList.length > 0 ? ` (${monthList.join(', ')})` : ''}; recurring needs ≥ ${recurrence.occurrences} across ≥ ${recurrence.months} months`,
    ),
    recognisedGoal: condition(
      goalIds.length > 0,
      goalIds,
      goalIds.length > 0
        ? pair.recognisedGoals
            .map((g) => `joint goal ${g.goalId} recognised by ${g.basis.join(' and ')}`)
            .join('; ')
        : (pair.goalNotes ?? []).join(' ') || 'no agreed joint goal both recognise',
    ),
    resolution: condition(
      pair.coordinatingRecords.length > 0,
      pair.coordinatingRecords,
      pair.coordinatingRecords.length > 0
        ? `${plural(pair.coordinatingRecords.length, 'recorded resolution')} of an overlap, duplication or gap naming both`
        : 'no recorded resolution of an overlap, duplication or gap naming both',
    ),
    contact: condition(
      contactCount > 0,
      [
        ...pair.communications.aToB.slice(0, SAMPLE),
        ...pair.communications.bToA.slice(0, SAMPLE),
        ...pair.referrals.aToB.slice(0, SAMPLE),
        ...pair.referrals.bToA.slice(0, SAMPLE),
        ...activityIds.slice(0, SAMPLE),
      ],
      `${plural(comms, 'communication')}, ${plural(refs, 'referral')}, ${plural(pair.activities.length, 'joint activity', 'joint activities')} in the window`,
    ),
  };

  const c = conditions;
  const coordinationMissing: string[] = [];
  if (!c.jointPlanning.held) coordinationMissing.push('no joint planning');
  if (!c.jointDoing.held) coordinationMissing.push('no joint doing');
  if (!c.jointReviewing.held) coordinationMissing.push('no joint reviewing');
  // Without any joint activity the missing phases already say it all.
  if (!c.recurring.held && pair.activities.length > 0) {
    coordinationMissing.push(
      `joint work not recurring (${plural(pair.activities.length, 'activity', 'activities')} across ${plural(monthList.length, 'month')})`,
    );
  }
  if (!c.recognisedGoal.held) coordinationMissing.push('no agreed joint goal both recognise');
  if (coordinationMissing.length === 0) {
    return {
      level: 'coordination',
      conditions,
      reasons: ['every condition of coordination holds'],
    };
  }
  const notCoordination = `not coordination: ${coordinationMissing.join('; ')}`;
  if (c.jointPlanning.held && (c.recognisedGoal.held || c.resolution.held)) {
    return { level: 'collaboration', conditions, reasons: [notCoordination] };
  }
  const notCollaboration = c.jointPlanning.held
    ? 'not collaboration: joint planning without a joint goal both recognise or a recorded resolution of an overlap, duplication or gap'
    : 'not collaboration: no joint planning';
  if (c.contact.held) {
    return { level: 'cooperation', conditions, reasons: [notCoordination, notCollaboration] };
  }
  return {
    level: 'none',
    conditions,
    reasons: ['no communication, referral or joint activity in the window'],
  };
}

// ── Gathering ────────────────────────────────────────────────────────────────

interface PairAccumulator {
  readonly activities: JointActivity[];
  readonly ab: string[];
  readonly ba: string[];
  readonly refAB: string[];
  readonly refBA: string[];
  readonly coordinating: string[];
}

const newAccumulator = (): PairAccumulator => ({
  activities: [],
  ab: [],
  ba: [],
  refAB: [],
  refBA: [],
  coordinating: [],
});

/** The response that counts for each identified respondent: their latest in the wave. */
function latestByRespondent(responses: readonly SurveyResponse[]): Map<string, SurveyResponse> {
  const out = new Map<string, SurveyResponse>();
  for (const r of responses) {
    if (r.respondentMemberId === null) continue;
    const seen = out.get(r.respondentMemberId);
    if (!seen || r.submittedAt > seen.submittedAt) out.set(r.respondentMemberId, r);
  }
  return out;
}

/** Unresolved `conflicts` links between goals, both directions. */
function conflictEdges(doc: CollaborationDocument): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  const add = (x: string, y: string) => {
    const set = edges.get(x) ?? new Set<string>();
    set.add(y);
    edges.set(x, set);
  };
  for (const g of doc.goals) {
    for (const link of g.links) {
      if (link.relation !== 'conflicts' || link.resolved || link.goalId === g.id) continue;
      add(g.id, link.goalId);
      add(link.goalId, g.id);
    }
  }
  return edges;
}

/** Lower median of levels (ties resolved downward); null when there are none. */
function lowerMedian(levels: readonly FrostLevel[]): FrostLevel | null {
  if (levels.length === 0) return null;
  const ranks = levels.map(frostRank).sort((x, y) => x - y);
  return FROST_LEVELS[ranks[Math.floor((ranks.length - 1) / 2)] ?? 0] ?? 'none';
}

/**
 * Frost levels of every pair of active members, every pair of their agencies and the group
 * (ANALYSIS.md "Frost level"). Records are indexed by pair once, so 200 members and 100,000
 * communications stay fast. Memoised per diagnosis.
 */
export function frostLevels(ctx: AnalysisContext): FrostReport {
  return ctx.memo('frost', () => computeFrostLevels(ctx));
}

/** Accumulators keyed by unordered pair of indices (i < j), created on first use. */
function pairIndex(size: number) {
  const map = new Map<number, PairAccumulator>();
  return {
    map,
    /** The accumulator of the pair, created when missing. */
    get(i: number, j: number): PairAccumulator {
      const key = i < j ? i * size + j : j * size + i;
      let acc = map.get(key);
      if (!acc) {
        acc = newAccumulator();
        map.set(key, acc);
      }
      return acc;
    },
    find(i: number, j: number): PairAccumulator | undefined {
      return map.get(i < j ? i * size + j : j * size + i);
    },
  };
}

/** Distinct values of a small list (most records name one to a few people). */
function distinct(values: readonly number[]): number[] {
  if (values.length < 2) return [...values];
  return [...new Set(values)];
}

/** Calls `visit(i, j)` for every unordered pair of distinct values. */
function eachPair(values: readonly number[], visit: (i: number, j: number) => void): void {
  for (let x = 0; x < values.length; x++) {
    for (let y = x + 1; y < values.length; y++) visit(values[x] ?? 0, values[y] ?? 0);
  }
}

function computeFrostLevels(ctx: AnalysisContext): FrostReport {
  const { doc } = ctx;
  const members = ctx.activeMembers;
  const n = members.length;
  const index = new Map<string, number>();
  members.forEach((m, i) => index.set(m.id, i));
  const windowMonths = ctx.thresholds['frost.window'].months;
  const inWindow = (date: string) => ctx.inWindow(date, windowMonths);

  // Agencies with members in post, in document order; each member's agency index.
  const present = new Set(members.map((m) => m.agencyId));
  const agencies = [
    ...doc.agencies.map((a) => a.id).filter((id) => present.has(id)),
    ...[...present].filter((id) => !doc.agencies.some((a) => a.id === id)),
  ];
  const agencyIndex = new Map(agencies.map((id, i) => [id, i]));
  const agencyOfIndex = members.map((m) => agencyIndex.get(m.agencyId) ?? 0);

  // Index every record once by the member pairs and the agency pairs it concerns. An agency
  // pair's records are the union of its member pairs' records, each record counted once.
  const memberIndex = pairIndex(n);
  const agencyPairIndex = pairIndex(agencies.length);
  const indicesOf = (ids: readonly string[]) => {
    const out: number[] = [];
    for (const id of ids) {
      const i = index.get(id);
      if (i !== undefined) out.push(i);
    }
    return distinct(out);
  };
  const agenciesOf = (idx: readonly number[]) => distinct(idx.map((i) => agencyOfIndex[i] ?? 0));
  const directed = (
    pairs: ReturnType<typeof pairIndex>,
    from: number,
    to: number,
    id: string,
    kind: 'communication' | 'referral',
  ) => {
    const acc = pairs.get(from, to);
    if (kind === 'communication') (from < to ? acc.ab : acc.ba).push(id);
    else (from < to ? acc.refAB : acc.refBA).push(id);
  };
  for (const c of doc.communications) {
    if (!inWindow(c.date)) continue;
    const from = index.get(c.fromId);
    if (from === undefined) continue;
    const to = indicesOf(c.toIds).filter((t) => t !== from);
    for (const t of to) directed(memberIndex, from, t, c.id, 'communication');
    const fa = agencyOfIndex[from] ?? 0;
    for (const ta of agenciesOf(to)) {
      if (ta !== fa) directed(agencyPairIndex, fa, ta, c.id, 'communication');
    }
  }
  for (const r of doc.referrals) {
    if (!inWindow(r.date)) continue;
    const from = index.get(r.fromId);
    const to = index.get(r.toId);
    if (from === undefined || to === undefined || from === to) continue;
    directed(memberIndex, from, to, r.id, 'referral');
    const fa = agencyOfIndex[from] ?? 0;
    const ta = agencyOfIndex[to] ?? 0;
    if (fa !== ta) directed(agencyPairIndex, fa, ta, r.id, 'referral');
  }
  const windowActivities = new Set<string>();
  for (const act of doc.activities) {
    if (!inWindow(act.date)) continue;
    windowActivities.add(act.id);
    const joint: JointActivity = {
      id: act.id,
      date: act.date,
      phase: act.phase,
      goalIds: act.goalIds,
    };
    const idx = indicesOf(act.participantIds);
    eachPair(idx, (i, j) => memberIndex.get(i, j).activities.push(joint));
    eachPair(agenciesOf(idx), (i, j) => agencyPairIndex.get(i, j).activities.push(joint));
  }
  for (const rec of doc.coordinatingRecords) {
    if (!inWindow(rec.date)) continue;
    const idx = indicesOf(rec.memberIds);
    eachPair(idx, (i, j) => memberIndex.get(i, j).coordinating.push(rec.id));
    eachPair(agenciesOf(idx), (i, j) => agencyPairIndex.get(i, j).coordinating.push(rec.id));
  }

  // Joint goals and how each member relates to them.
  const agreedJoint = doc.goals.filter(
    (g) => g.level === 'joint' && g.agreed && (g.agreedOn === undefined || g.agreedOn <= ctx.asOf),
  );
  const agreedJointIds = agreedJoint.map((g) => g.id);
  const latest = latestByRespondent(ctx.responses);
  /** The joint goal a member chose, null for another choice; undefined when not answered. */
  const goalAnswer = new Map<string, string | null>();
  for (const [memberId, r] of latest) {
    if (!r.goal) continue;
    let chosen: string | null = null;
    if (r.goal.choice === 'joint') {
      // A bare "joint" answer names the joint goal when only one is agreed.
      chosen = r.goal.goalId ?? (agreedJointIds.length === 1 ? (agreedJointIds[0] ?? null) : null);
    }
    goalAnswer.set(memberId, chosen);
  }

  const recognition = (
    a: string,
    b: string,
    activities: readonly JointActivity[],
  ): { recognised: GoalRecognition[]; notes: string[] } => {
    const recognised: GoalRecognition[] = [];
    for (const goalId of agreedJointIds) {
      const bases = new Set<RecognitionBasis>();
      let both = true;
      for (const m of [a, b]) {
        const answer = goalAnswer.get(m);
        if (answer !== undefined) {
          if (answer === goalId) bases.add('survey');
          else both = false;
        } else if (activities.some((act) => act.goalIds.includes(goalId))) {
          bases.add('activity');
        } else {
          both = false;
        }
      }
      if (both) {
        recognised.push({
          goalId,
          basis: (['survey', 'activity'] as const).filter((x) => bases.has(x)),
        });
      }
    }
    if (recognised.length > 0) return { recognised, notes: [] };
    return { recognised, notes: goalNotes(a, b) };
  };
  /** Per member: what their answer says about the agreed joint goals. */
  const memberGoalNote = new Map<string, string>();
  for (const m of members) {
    const answer = goalAnswer.get(m.id);
    memberGoalNote.set(
      m.id,
      answer === undefined
        ? `${m.displayName} did not answer the goal question.`
        : answer === null || !agreedJointIds.includes(answer)
          ? `${m.displayName} did not choose an agreed joint goal.`
          : `${m.displayName} chose joint goal ${answer}.`,
    );
  }
  const NO_AGREED_GOAL = ['No joint goal is recorded and agreed.'];
  const goalNotes = (a: string, b: string): string[] => {
    if (agreedJointIds.length === 0) return NO_AGREED_GOAL;
    const notes = [memberGoalNote.get(a) ?? '', memberGoalNote.get(b) ?? ''];
    if (!goalAnswer.has(a) || !goalAnswer.has(b)) {
      notes.push(
        'No joint activity of theirs is linked to an agreed joint goal they both recognise.',
      );
    }
    return notes;
  };

  // Goal conflicts: a goal of one (agency, profession or own) in unresolved conflict with a
  // joint goal the other holds, or their agencies' goals in unresolved conflict.
  const edges = conflictEdges(doc);
  const jointIds = new Set(doc.goals.filter((g) => g.level === 'joint').map((g) => g.id));
  const held = new Map<string, Set<string>>();
  const hold = (memberId: string, goalId: string) => {
    if (!index.has(memberId) || !jointIds.has(goalId)) return;
    const set = held.get(memberId) ?? new Set<string>();
    set.add(goalId);
    held.set(memberId, set);
  };
  for (const g of doc.goals) {
    if (g.level === 'joint') for (const m of g.responsibleMemberIds) hold(m, g.id);
  }
  for (const [m, chosen] of goalAnswer) if (chosen !== null) hold(m, chosen);
  for (const act of doc.activities) {
    if (act.goalIds.length === 0 || !windowActivities.has(act.id)) continue;
    for (const m of act.participantIds) for (const g of act.goalIds) hold(m, g);
  }
  /** Per member: joint goal id → their own goals in unresolved conflict with it. */
  const conflictsWithJoint = new Map<string, Map<string, string[]>>();
  const agencyGoals = new Map<string, string[]>();
  if (edges.size > 0) {
    for (const g of doc.goals) {
      if (g.level === 'agency' && g.agencyId !== undefined && edges.has(g.id)) {
        agencyGoals.set(g.agencyId, [...(agencyGoals.get(g.agencyId) ?? []), g.id]);
      }
    }
    for (const m of members) {
      const own = doc.goals.filter(
        (g) =>
          g.level !== 'joint' &&
          edges.has(g.id) &&
          ((g.level === 'agency' && g.agencyId === m.agencyId) ||
            (g.level === 'professional' && g.professionId === m.professionId) ||
            g.memberId === m.id),
      );
      const map = new Map<string, string[]>();
      for (const g of own) {
        for (const other of edges.get(g.id) ?? []) {
          if (jointIds.has(other)) map.set(other, [...(map.get(other) ?? []), g.id]);
        }
      }
      if (map.size > 0) conflictsWithJoint.set(m.id, map);
    }
  }
  const agencyConflictFlags = (x: string, y: string): string[] => {
    if (x === y) return [];
    const out: string[] = [];
    for (const gx of agencyGoals.get(x) ?? []) {
      for (const gy of agencyGoals.get(y) ?? []) {
        if (edges.get(gx)?.has(gy)) {
          out.push(
            `unresolved goal conflict: agency goal ${gx} (${x}) conflicts with agency goal ${gy} (${y})`,
          );
        }
      }
    }
    return out;
  };
  const memberConflictFlags = (a: string, b: string): string[] => {
    const out: string[] = [];
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const map = conflictsWithJoint.get(x);
      if (!map) continue;
      const heldByY = held.get(y);
      for (const [jointId, own] of map) {
        if (!heldByY?.has(jointId)) continue;
        for (const g of own) {
          out.push(
            `unresolved goal conflict: ${g} (a goal of ${x}) conflicts with joint goal ${jointId} held by ${y}`,
          );
        }
      }
    }
    return out;
  };

  // Self-rated working levels from the current wave (identified answers only).
  const ratings = new Map<string, Map<string, FrostLevel>>();
  for (const [memberId, r] of latest) {
    if (r.contacts.length === 0) continue;
    ratings.set(memberId, new Map(r.contacts.map((c) => [c.memberId, c.workingLevel])));
  }

  // Member pairs.
  const empty = newAccumulator();
  const anyGoalAnswer = agreedJointIds.some((g) => [...goalAnswer.values()].includes(g));
  const base = pairLevel(
    {
      a: '',
      b: '',
      activities: [],
      communications: { aToB: [], bToA: [] },
      referrals: { aToB: [], bToA: [] },
      coordinatingRecords: [],
      recognisedGoals: [],
    },
    ctx.thresholds,
    [],
    { aAboutB: null, bAboutA: null },
  );
  const noRatings = base.selfRated;
  const noEvidencePair = (
    a: string,
    b: string,
    notes: readonly string[],
    aAboutB: FrostLevel | null,
    bAboutA: FrostLevel | null,
  ): PairLevel => ({
    ...base,
    a,
    b,
    conditions: {
      ...base.conditions,
      recognisedGoal: { held: false, evidence: [], note: notes.join(' ') },
    },
    selfRated: aAboutB === null && bAboutA === null ? noRatings : { aAboutB, bAboutA },
  });
  const memberPairs: PairLevel[] = [];
  const distribution: Record<FrostLevel, number> = {
    none: 0,
    cooperation: 0,
    collaboration: 0,
    coordination: 0,
  };
  const contactRanks: number[] = [];
  /** Per agency pair key: recognised goals and flags of its member pairs. */
  const agencyGoalsAndFlags = new Map<
    number,
    { goals: Map<string, Set<RecognitionBasis>>; flags: Set<string> }
  >();
  const carryToAgencies = (
    i: number,
    j: number,
    goals: readonly GoalRecognition[],
    flags: readonly string[],
  ) => {
    const ai = agencyOfIndex[i] ?? 0;
    const aj = agencyOfIndex[j] ?? 0;
    if (ai === aj || (goals.length === 0 && flags.length === 0)) return;
    const key = ai < aj ? ai * agencies.length + aj : aj * agencies.length + ai;
    let entry = agencyGoalsAndFlags.get(key);
    if (!entry) {
      entry = { goals: new Map(), flags: new Set() };
      agencyGoalsAndFlags.set(key, entry);
    }
    for (const g of goals) {
      const bases = entry.goals.get(g.goalId) ?? new Set<RecognitionBasis>();
      for (const basis of g.basis) bases.add(basis);
      entry.goals.set(g.goalId, bases);
    }
    for (const f of flags) entry.flags.add(f);
  };
  for (let i = 0; i < n; i++) {
    const a = members[i];
    if (!a) continue;
    for (let j = i + 1; j < n; j++) {
      const b = members[j];
      if (!b) continue;
      const key = i * n + j;
      const acc = memberIndex.map.get(key) ?? empty;
      const aAboutB = ratings.get(a.id)?.get(b.id) ?? null;
      const bAboutA = ratings.get(b.id)?.get(a.id) ?? null;
      const goals =
        acc === empty && !anyGoalAnswer
          ? { recognised: [], notes: goalNotes(a.id, b.id) }
          : recognition(a.id, b.id, acc.activities);
      const flags =
        edges.size === 0
          ? []
          : [...memberConflictFlags(a.id, b.id), ...agencyConflictFlags(a.agencyId, b.agencyId)];
      if (acc === empty && goals.recognised.length === 0 && flags.length === 0) {
        // Most pairs of a large group share no record: reuse one classification.
        memberPairs.push(noEvidencePair(a.id, b.id, goals.notes, aAboutB, bAboutA));
        distribution.none++;
        continue;
      }
      const evidence: PairEvidence = {
        a: a.id,
        b: b.id,
        activities: acc.activities,
        communications: { aToB: acc.ab, bToA: acc.ba },
        referrals: { aToB: acc.refAB, bToA: acc.refBA },
        coordinatingRecords: acc.coordinating,
        recognisedGoals: goals.recognised,
        goalNotes: goals.notes,
      };
      carryToAgencies(i, j, goals.recognised, flags);
      const pair = pairLevel(evidence, ctx.thresholds, flags, { aAboutB, bAboutA });
      memberPairs.push(pair);
      distribution[pair.level]++;
      if (pair.level !== 'none') contactRanks.push(frostRank(pair.level));
    }
  }
  contactRanks.sort((x, y) => x - y);
  const groupLevel: FrostLevel =
    contactRanks.length === 0
      ? 'none'
      : (FROST_LEVELS[contactRanks[Math.floor((contactRanks.length - 1) / 2)] ?? 0] ?? 'none');

  // Agency pairs: their records (indexed above), their member pairs' recognised goals and
  // flags, and their own agency-goal conflicts; then the same rules.
  const rated = agencyRatings(ctx, ratings);
  const agencyPairs: PairLevel[] = [];
  for (let i = 0; i < agencies.length; i++) {
    for (let j = i + 1; j < agencies.length; j++) {
      const a = agencies[i] ?? '';
      const b = agencies[j] ?? '';
      const acc = agencyPairIndex.find(i, j) ?? empty;
      const carried = agencyGoalsAndFlags.get(i * agencies.length + j);
      const evidence: PairEvidence = {
        a,
        b,
        activities: acc.activities,
        communications: { aToB: acc.ab, bToA: acc.ba },
        referrals: { aToB: acc.refAB, bToA: acc.refBA },
        coordinatingRecords: acc.coordinating,
        recognisedGoals: [...(carried?.goals ?? [])].map(([goalId, bases]) => ({
          goalId,
          basis: (['survey', 'activity'] as const).filter((x) => bases.has(x)),
        })),
        goalNotes:
          agreedJointIds.length === 0
            ? NO_AGREED_GOAL
            : ['No pair of members across the two agencies recognises the same agreed joint goal.'],
      };
      const flags = [...new Set([...(carried?.flags ?? []), ...agencyConflictFlags(a, b)])];
      agencyPairs.push(
        pairLevel(evidence, ctx.thresholds, flags, {
          aAboutB: lowerMedian(rated.get(`${a}\u0000${b}`) ?? []),
          bAboutA: lowerMedian(rated.get(`${b}\u0000${a}`) ?? []),
        }),
      );
    }
  }

  return {
    memberPairs,
    agencyPairs,
    group: {
      level: groupLevel,
      distribution,
      pairsWithContact: contactRanks.length,
      pairs: memberPairs.length,
    },
    conventions: [
      `Evidence counts when dated in the ${windowMonths} months up to ${ctx.asOf} (frost.window): communications, referrals, joint activities and coordinating records.`,
      'A joint activity of a pair is an activity in which both took part; its phase (planning, doing, reviewing) is the one recorded.',
      `Recurring: at least ${ctx.thresholds['frost.recurrence'].occurrences} joint activities of the pair across at least ${ctx.thresholds['frost.recurrence'].months} calendar months (frost.recurrence).`,
      "A joint goal counts when it is recorded as a joint goal, agreed, and agreed on or before the as-of date. A member recognises it by choosing it in the current wave's goal question; a member who did not answer recognises it when a joint activity of the pair is linked to it (basis recorded).",
      'A recorded resolution is a coordinating record (overlap, duplication or gap) that names both members.',
      'An unresolved goal conflict (a goal of one member, their agency or profession in conflict with a joint goal the other holds — responsible for it, chose it, or worked on it — or their agencies’ goals in conflict) is flagged and never changes the level.',
      'Self-rated working levels come from the current wave’s identified answers and are shown beside the evidence-based level, never mapped onto it.',
      "An agency pair's evidence is the union of the evidence of its member pairs; the same rules then apply. Its self-rated levels are the lower median of its members' ratings of the other agency's members.",
      'The group level is the lower median (ties resolved downward) over member pairs with any contact; the distribution counts every member pair, `none` included.',
    ],
  };
}

function pairLevel(
  evidence: PairEvidence,
  thresholds: Thresholds,
  flags: readonly string[],
  selfRated: PairLevel['selfRated'],
): PairLevel {
  const classification = frostLevel(evidence, thresholds);
  const c = classification.conditions;
  const sample = (d: Directed) =>
    [...d.aToB.slice(0, SAMPLE), ...d.bToA.slice(0, SAMPLE)].slice(0, SAMPLE);
  return {
    a: evidence.a,
    b: evidence.b,
    ...classification,
    evidence: {
      activities: {
        planning: c.jointPlanning.evidence,
        doing: c.jointDoing.evidence,
        reviewing: c.jointReviewing.evidence,
      },
      months: [...new Set(evidence.activities.map((act) => monthKey(act.date)))].sort(),
      goals: evidence.recognisedGoals,
      coordinatingRecords: evidence.coordinatingRecords,
      communications: {
        aToB: evidence.communications.aToB.length,
        bToA: evidence.communications.bToA.length,
        sample: sample(evidence.communications),
      },
      referrals: {
        aToB: evidence.referrals.aToB.length,
        bToA: evidence.referrals.bToA.length,
        sample: sample(evidence.referrals),
      },
    },
    flags,
    selfRated,
  };
}

/** Working levels members of one agency gave members of another, keyed `rater\0target` agency. */
function agencyRatings(
  ctx: AnalysisContext,
  ratings: ReadonlyMap<string, ReadonlyMap<string, FrostLevel>>,
): Map<string, FrostLevel[]> {
  const active = new Set(ctx.activeMembers.map((m) => m.id));
  const out = new Map<string, FrostLevel[]>();
  for (const [rater, given] of ratings) {
    const x = ctx.agencyOf.get(rater);
    if (x === undefined || !active.has(rater)) continue;
    for (const [target, level] of given) {
      const y = ctx.agencyOf.get(target);
      if (y === undefined || y === x || !active.has(target)) continue;
      const key = `${x}\u0000${y}`;
      out.set(key, [...(out.get(key) ?? []), level]);
    }
  }
  return out;
}
