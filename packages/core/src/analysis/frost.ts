import type { CollaborationDocument, PHASES, SurveyResponse } from '../document/schema.js';
import { FROST_LEVELS, frostRank, type FrostLevel } from '../model/taxonomies.js';
import { communicationTable, communicationsInWindow, type AnalysisContext } from './context.js';
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
 * Shared by every pair without the thing it lists. Results share read-only parts (empty
 * lists, conditions, reasons) across pairs: a large group has tens of thousands of pairs,
 * most alike.
 */
const NO_IDS: readonly string[] = [];
const NO_GOALS: readonly GoalRecognition[] = [];
const NO_FLAGS: readonly string[] = [];
const NO_ACTIVITIES: readonly JointActivity[] = [];

/** Lanes of a pair's directed records: communications and referrals, each way (a → b first). */
const COMMS_AB = 0;
const COMMS_BA = 1;
const REFS_AB = 2;
const REFS_BA = 3;
const LANES = 4;
const CONTACT_LANES = [COMMS_AB, COMMS_BA, REFS_AB, REFS_BA] as const;
const COMMS_LANES = [COMMS_AB, COMMS_BA] as const;
const REFS_LANES = [REFS_AB, REFS_BA] as const;

/**
 * The records of every pair of a group (members or agencies), indexed once. A pair with a
 * record gets a slot; its communications and referrals are counted per lane with only their
 * first {@link SAMPLE} ids kept (all any result shows), in flat arrays, so tens of thousands
 * of pairs cost no object each while records are gathered.
 */
class PairRecords {
  /** Slot + 1 of each unordered pair (i < j): a flat size × size table while small, a map beyond. */
  private readonly table: Int32Array | null;
  private readonly map = new Map<number, number>();
  private slots = 0;
  /** Per slot, LANES counts (grown by doubling). */
  private counts = new Int32Array(256 * LANES);
  /** Per slot, SAMPLE ids per lane, lane after lane (grown with `counts`). */
  private readonly firstIds = new Array<string | undefined>(256 * LANES * SAMPLE).fill(undefined);
  /** Joint activities and coordinating records by slot (few pairs have any). */
  private readonly activities = new Map<number, JointActivity[]>();
  private readonly coordinating = new Map<number, string[]>();

  constructor(private readonly size: number) {
    this.table = size * size <= 1 << 22 ? new Int32Array(size * size) : null;
  }

  /** The slot of the pair of i and j, or −1 when it has no record. */
  slot(i: number, j: number): number {
    const key = i < j ? i * this.size + j : j * this.size + i;
    return (this.table === null ? (this.map.get(key) ?? 0) : this.table[key]!) - 1;
  }

  private slotFor(i: number, j: number): number {
    let slot = this.slot(i, j);
    if (slot < 0) {
      slot = this.slots++;
      const key = i < j ? i * this.size + j : j * this.size + i;
      if (this.table === null) this.map.set(key, slot + 1);
      else this.table[key] = slot + 1;
      if ((slot + 1) * LANES > this.counts.length) {
        const counts = new Int32Array(this.counts.length * 2);
        counts.set(this.counts);
        this.counts = counts;
        this.firstIds.length = counts.length * SAMPLE;
      }
    }
    return slot;
  }

  /** Counts a communication or referral from `from` to `to`. */
  addDirected(from: number, to: number, id: string, kind: 'communication' | 'referral'): void {
    const slot = this.slotFor(from, to);
    const lane = (kind === 'communication' ? COMMS_AB : REFS_AB) + (from < to ? 0 : 1);
    const seen = this.counts[slot * LANES + lane]!;
    if (seen < SAMPLE) this.firstIds[(slot * LANES + lane) * SAMPLE + seen] = id;
    this.counts[slot * LANES + lane] = seen + 1;
  }

  addActivity(i: number, j: number, activity: JointActivity): void {
    const slot = this.slotFor(i, j);
    const list = this.activities.get(slot);
    if (list === undefined) this.activities.set(slot, [activity]);
    else list.push(activity);
  }

  addCoordinating(i: number, j: number, id: string): void {
    const slot = this.slotFor(i, j);
    const list = this.coordinating.get(slot);
    if (list === undefined) this.coordinating.set(slot, [id]);
    else list.push(id);
  }

  count(slot: number, lane: number): number {
    return slot < 0 ? 0 : this.counts[slot * LANES + lane]!;
  }

  activitiesOf(slot: number): readonly JointActivity[] {
    return (slot < 0 ? undefined : this.activities.get(slot)) ?? NO_ACTIVITIES;
  }

  coordinatingOf(slot: number): readonly string[] {
    return (slot < 0 ? undefined : this.coordinating.get(slot)) ?? NO_IDS;
  }

  /**
   * The kept ids of `lanes`, lane after lane, then `more`: at most `limit` in all (`more` at
   * most SAMPLE), in an array of exactly that length.
   */
  firstOf(
    slot: number,
    lanes: readonly number[],
    limit: number,
    more: readonly string[] = NO_IDS,
  ): string[] {
    let total = Math.min(more.length, SAMPLE);
    for (let l = 0; l < lanes.length; l++) total += Math.min(this.count(slot, lanes[l]!), SAMPLE);
    const out = new Array<string>(Math.min(total, limit));
    let k = 0;
    for (let l = 0; l < lanes.length; l++) {
      const kept = Math.min(this.count(slot, lanes[l]!), SAMPLE);
      const at = (slot * LANES + lanes[l]!) * SAMPLE;
      for (let x = 0; x < kept && k < out.length; x++) out[k++] = this.firstIds[at + x]!;
    }
    for (let x = 0; x < SAMPLE && x < more.length && k < out.length; x++) out[k++] = more[x]!;
    return out;
  }
}

/** What the rules read of a pair: its records and goals, and the goal note for none. */
interface PairFacts {
  readonly a: string;
  readonly b: string;
  readonly records: PairRecords;
  /** The pair's slot in `records`, −1 when it has none. */
  readonly slot: number;
  readonly recognisedGoals: readonly GoalRecognition[];
  /** The recognised-goal note when no goal is recognised. */
  readonly goalNote: string;
}

function factsOf(pair: PairEvidence): PairFacts {
  const records = new PairRecords(2);
  for (const id of pair.communications.aToB) records.addDirected(0, 1, id, 'communication');
  for (const id of pair.communications.bToA) records.addDirected(1, 0, id, 'communication');
  for (const id of pair.referrals.aToB) records.addDirected(0, 1, id, 'referral');
  for (const id of pair.referrals.bToA) records.addDirected(1, 0, id, 'referral');
  for (const act of pair.activities) records.addActivity(0, 1, act);
  for (const id of pair.coordinatingRecords) records.addCoordinating(0, 1, id);
  return {
    a: pair.a,
    b: pair.b,
    records,
    slot: records.slot(0, 1),
    recognisedGoals: pair.recognisedGoals,
    goalNote: (pair.goalNotes ?? []).join(' ') || 'no agreed joint goal both recognise',
  };
}

/** The conditions read from a pair's joint activities, with the months they fall in. */
interface ActivityConditions {
  readonly jointPlanning: FrostCondition;
  readonly jointDoing: FrostCondition;
  readonly jointReviewing: FrostCondition;
  readonly recurring: FrostCondition;
  readonly activityIds: readonly string[];
  /** Calendar months (YYYY-MM) with a joint activity, sorted. */
  readonly months: readonly string[];
}

interface Outcome {
  readonly level: FrostLevel;
  readonly reasons: readonly string[];
}

/**
 * The Frost rules for one set of thresholds (see {@link frostLevel}). What pairs without
 * joint activities or other evidence have in common is built once per instance and shared.
 */
class FrostRules {
  private readonly occurrences: number;
  private readonly recurrenceMonths: number;
  private readonly noActivity: ActivityConditions;
  private readonly noActivityEvidence: PairLevelEvidence['activities'];
  private readonly noResolution = condition(
    false,
    NO_IDS,
    'no recorded resolution of an overlap, duplication or gap naming both',
  );
  private readonly noContact: FrostCondition;
  private readonly noDirected = { aToB: 0, bToA: 0, sample: NO_IDS };
  /** Contact notes of pairs with communications only, by count (a dense array: counts are small). */
  private readonly commsOnlyNotes: (string | undefined)[] = [];
  /** Conditions of shared recognised-goal lists. */
  private readonly goalConditions = new Map<readonly GoalRecognition[], FrostCondition>();
  /** Level and reasons of pairs without joint activities, which only two conditions decide. */
  private readonly noActivityOutcomes: (Outcome | undefined)[] = [
    undefined,
    undefined,
    undefined,
    undefined,
  ];

  constructor(thresholds: Pick<Thresholds, 'frost.recurrence'>) {
    this.occurrences = thresholds['frost.recurrence'].occurrences;
    this.recurrenceMonths = thresholds['frost.recurrence'].months;
    this.noActivity = this.activityConditions([]);
    this.noActivityEvidence = { planning: NO_IDS, doing: NO_IDS, reviewing: NO_IDS };
    this.noContact = condition(false, NO_IDS, this.contactNote(0, 0, 0));
  }

  private activityConditions(activities: readonly JointActivity[]): ActivityConditions {
    if (activities.length === 0 && this.noActivity) return this.noActivity;
    const byPhase: Record<Phase, string[]> = { planning: [], doing: [], reviewing: [] };
    const months = new Set<string>();
    const activityIds: string[] = [];
    for (const act of activities) {
      byPhase[act.phase].push(act.id);
      months.add(monthKey(act.date));
      activityIds.push(act.id);
    }
    const monthList = [...months].sort();
    const recurs =
      activities.length >= this.occurrences && monthList.length >= this.recurrenceMonths;
    const phaseCondition = (phase: Phase) =>
      condition(
        byPhase[phase].length > 0,
        byPhase[phase],
        byPhase[phase].length > 0
          ? `${plural(byPhase[phase].length, `joint ${phase} activity`, `joint ${phase} activities`)} in the window`
          : `no joint ${phase} activity in the window`,
      );
    return {
      jointPlanning: phaseCondition('planning'),
      jointDoing: phaseCondition('doing'),
      jointReviewing: phaseCondition('reviewing'),
      recurring: condition(
        recurs,
        recurs ? activityIds : [],
        `${plural(activities.length, 'joint activity', 'joint activities')} across ${plural(monthList.length, 'month')}${monthList.length > 0 ? ` (${monthList.join(', ')})` : ''}; recurring needs ≥ ${this.occurrences} across ≥ ${this.recurrenceMonths} months`,
      ),
      activityIds,
      months: monthList,
    };
  }

  private contactNote(comms: number, refs: number, activities: number): string {
    // Most pairs have a few communications only: their notes are kept by count.
    const only = refs === 0 && activities === 0 && comms < 1024;
    let note = only ? this.commsOnlyNotes[comms] : undefined;
    if (note === undefined) {
      note = `${plural(comms, 'communication')}, ${plural(refs, 'referral')}, ${plural(activities, 'joint activity', 'joint activities')} in the window`;
      if (only) this.commsOnlyNotes[comms] = note;
    }
    return note;
  }

  private goalCondition(p: PairFacts): FrostCondition {
    const goals = p.recognisedGoals;
    if (goals.length === 0) return condition(false, NO_IDS, p.goalNote);
    let c = this.goalConditions.get(goals);
    if (c === undefined) {
      c = condition(
        true,
        goals.map((g) => g.goalId),
        goals
          .map((g) => `joint goal ${g.goalId} recognised by ${g.basis.join(' and ')}`)
          .join('; '),
      );
      this.goalConditions.set(goals, c);
    }
    return c;
  }

  /** Counts and sample of a pair's communications (lanes COMMS_*) or referrals (REFS_*). */
  private directed(
    p: PairFacts,
    aToB: number,
    bToA: number,
    lanes: readonly [number, number],
  ): PairLevelEvidence['communications'] {
    if (aToB === 0 && bToA === 0) return this.noDirected;
    return { aToB, bToA, sample: p.records.firstOf(p.slot, lanes, SAMPLE) };
  }

  private outcome(c: FrostConditions, activities: number, months: number): Outcome {
    const coordinationMissing: string[] = [];
    if (!c.jointPlanning.held) coordinationMissing.push('no joint planning');
    if (!c.jointDoing.held) coordinationMissing.push('no joint doing');
    if (!c.jointReviewing.held) coordinationMissing.push('no joint reviewing');
    // Without any joint activity the missing phases already say it all.
    if (!c.recurring.held && activities > 0) {
      coordinationMissing.push(
        `joint work not recurring (${plural(activities, 'activity', 'activities')} across ${plural(months, 'month')})`,
      );
    }
    if (!c.recognisedGoal.held) coordinationMissing.push('no agreed joint goal both recognise');
    if (coordinationMissing.length === 0) {
      return { level: 'coordination', reasons: ['every condition of coordination holds'] };
    }
    const notCoordination = `not coordination: ${coordinationMissing.join('; ')}`;
    if (c.jointPlanning.held && (c.recognisedGoal.held || c.resolution.held)) {
      return { level: 'collaboration', reasons: [notCoordination] };
    }
    const notCollaboration = c.jointPlanning.held
      ? 'not collaboration: joint planning without a joint goal both recognise or a recorded resolution of an overlap, duplication or gap'
      : 'not collaboration: no joint planning';
    if (c.contact.held) {
      return { level: 'cooperation', reasons: [notCoordination, notCollaboration] };
    }
    return {
      level: 'none',
      reasons: ['no communication, referral or joint activity in the window'],
    };
  }

  /**
   * A pair's level by the rules of {@link frostLevel}, with its conditions, the evidence
   * summarised, flags and self-rated levels.
   */
  pairLevel(p: PairFacts, flags: readonly string[], selfRated: PairLevel['selfRated']): PairLevel {
    const { records, slot } = p;
    const activities = records.activitiesOf(slot);
    const coordinating = records.coordinatingOf(slot);
    const commsAB = records.count(slot, COMMS_AB);
    const commsBA = records.count(slot, COMMS_BA);
    const refsAB = records.count(slot, REFS_AB);
    const refsBA = records.count(slot, REFS_BA);
    const act = this.activityConditions(activities);
    const comms = commsAB + commsBA;
    const refs = refsAB + refsBA;
    const activityCount = activities.length;
    const communications = this.directed(p, commsAB, commsBA, COMMS_LANES);
    // With only a few communications the contact evidence is their sample: share it.
    const contactIds =
      refs === 0 && activityCount === 0 && comms <= SAMPLE
        ? communications.sample
        : records.firstOf(slot, CONTACT_LANES, Infinity, act.activityIds);
    const conditions: FrostConditions = {
      jointPlanning: act.jointPlanning,
      jointDoing: act.jointDoing,
      jointReviewing: act.jointReviewing,
      recurring: act.recurring,
      recognisedGoal: this.goalCondition(p),
      resolution:
        coordinating.length === 0
          ? this.noResolution
          : condition(
              true,
              coordinating,
              `${plural(coordinating.length, 'recorded resolution')} of an overlap, duplication or gap naming both`,
            ),
      contact:
        comms + refs + activityCount === 0
          ? this.noContact
          : condition(true, contactIds, this.contactNote(comms, refs, activityCount)),
    };
    let outcome: Outcome;
    if (activityCount === 0) {
      // Without joint activities only the goal and contact conditions can differ.
      const key = (conditions.recognisedGoal.held ? 2 : 0) + (conditions.contact.held ? 1 : 0);
      outcome = this.noActivityOutcomes[key] ??= this.outcome(conditions, 0, 0);
    } else {
      outcome = this.outcome(conditions, activityCount, act.months.length);
    }
    return {
      a: p.a,
      b: p.b,
      level: outcome.level,
      conditions,
      reasons: outcome.reasons,
      evidence: {
        activities:
          activityCount === 0
            ? this.noActivityEvidence
            : {
                planning: act.jointPlanning.evidence,
                doing: act.jointDoing.evidence,
                reviewing: act.jointReviewing.evidence,
              },
        months: act.months,
        goals: p.recognisedGoals,
        coordinatingRecords: coordinating,
        communications,
        referrals: this.directed(p, refsAB, refsBA, REFS_LANES),
      },
      flags,
      selfRated,
    };
  }
}

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
  const { level, conditions, reasons } = new FrostRules(thresholds).pairLevel(
    factsOf(pair),
    NO_FLAGS,
    { aAboutB: null, bAboutA: null },
  );
  return { level, conditions, reasons };
}

// ── Gathering ────────────────────────────────────────────────────────────────

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

/**
 * Every record in the Frost window indexed once by the member pairs and the agency pairs it
 * concerns (`index`: member id → index; `agencyOfIndex`: member index → agency index). An
 * agency pair's records are the union of its member pairs' records, each record counted once.
 */
function indexRecords(
  ctx: AnalysisContext,
  index: ReadonlyMap<string, number>,
  agencyOfIndex: readonly number[],
  agencyCount: number,
): { memberRecords: PairRecords; agencyRecords: PairRecords; windowActivities: Set<string> } {
  const { doc } = ctx;
  const windowMonths = ctx.thresholds['frost.window'].months;
  const inWindow = (date: string) => ctx.inWindow(date, windowMonths);
  const memberRecords = new PairRecords(index.size);
  const agencyRecords = new PairRecords(agencyCount);
  const indicesOf = (ids: readonly string[]) => {
    const out: number[] = [];
    for (const id of ids) {
      const i = index.get(id);
      if (i !== undefined) out.push(i);
    }
    return distinct(out);
  };
  const agenciesOf = (idx: readonly number[]) => distinct(idx.map((i) => agencyOfIndex[i] ?? 0));
  // Communications from the shared table (members as positions in doc.members; each
  // recipient once, the sender left out). Per agency: the last communication (its position
  // + 1) already counted for it, so a message to several members of one agency counts once
  // for the agency pair.
  const communications = doc.communications;
  const table = communicationTable(ctx);
  const activeIndex = new Int32Array(doc.members.length).fill(-1);
  doc.members.forEach((m, p) => (activeIndex[p] = index.get(m.id) ?? -1));
  const agencyStamp = new Int32Array(agencyCount);
  for (const k of communicationsInWindow(ctx, windowMonths)) {
    const sender = table.sender[k]!;
    const from = sender < 0 ? -1 : activeIndex[sender]!;
    if (from < 0) continue;
    const fa = agencyOfIndex[from] ?? 0;
    for (let r = table.recipientStart[k]!; r < table.recipientStart[k + 1]!; r++) {
      const t = activeIndex[table.recipient[r]!]!;
      if (t < 0) continue;
      const id = communications[k]!.id;
      memberRecords.addDirected(from, t, id, 'communication');
      const ta = agencyOfIndex[t] ?? 0;
      if (ta !== fa && agencyStamp[ta] !== k + 1) {
        agencyStamp[ta] = k + 1;
        agencyRecords.addDirected(fa, ta, id, 'communication');
      }
    }
  }
  for (const r of doc.referrals) {
    if (!inWindow(r.date)) continue;
    const from = index.get(r.fromId);
    const to = index.get(r.toId);
    if (from === undefined || to === undefined || from === to) continue;
    memberRecords.addDirected(from, to, r.id, 'referral');
    const fa = agencyOfIndex[from] ?? 0;
    const ta = agencyOfIndex[to] ?? 0;
    if (fa !== ta) agencyRecords.addDirected(fa, ta, r.id, 'referral');
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
    eachPair(idx, (i, j) => memberRecords.addActivity(i, j, joint));
    eachPair(agenciesOf(idx), (i, j) => agencyRecords.addActivity(i, j, joint));
  }
  for (const rec of doc.coordinatingRecords) {
    if (!inWindow(rec.date)) continue;
    const idx = indicesOf(rec.memberIds);
    eachPair(idx, (i, j) => memberRecords.addCoordinating(i, j, rec.id));
    eachPair(agenciesOf(idx), (i, j) => agencyRecords.addCoordinating(i, j, rec.id));
  }
  return { memberRecords, agencyRecords, windowActivities };
}

function computeFrostLevels(ctx: AnalysisContext): FrostReport {
  const { doc } = ctx;
  const rules = new FrostRules(ctx.thresholds);
  const members = ctx.activeMembers;
  const n = members.length;
  const index = new Map<string, number>();
  members.forEach((m, i) => index.set(m.id, i));
  const windowMonths = ctx.thresholds['frost.window'].months;

  // Agencies with members in post, in document order; each member's agency index.
  const present = new Set(members.map((m) => m.agencyId));
  const agencies = [
    ...doc.agencies.map((a) => a.id).filter((id) => present.has(id)),
    ...[...present].filter((id) => !doc.agencies.some((a) => a.id === id)),
  ];
  const agencyIndex = new Map(agencies.map((id, i) => [id, i]));
  const agencyOfIndex = members.map((m) => agencyIndex.get(m.agencyId) ?? 0);

  const { memberRecords, agencyRecords, windowActivities } = indexRecords(
    ctx,
    index,
    agencyOfIndex,
    agencies.length,
  );

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
  /**
   * Per member: the agreed joint goal they chose (its position in agreedJointIds), or −1.
   * Two members without a joint activity recognise a goal only when both chose it, so
   * such a pair needs no more than this (and shares one recognition list per goal).
   */
  const chosenAgreed = members.map((m) => {
    const answer = goalAnswer.get(m.id);
    return answer === undefined || answer === null ? -1 : agreedJointIds.indexOf(answer);
  });
  const surveyRecognition = agreedJointIds.map((goalId): readonly GoalRecognition[] => [
    { goalId, basis: ['survey'] },
  ]);

  const recognition = (
    a: string,
    b: string,
    activities: readonly JointActivity[],
  ): GoalRecognition[] => {
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
    return recognised;
  };
  /** Per member: what their answer says about the agreed joint goals. */
  const memberGoalNote = members.map((m) => {
    const answer = goalAnswer.get(m.id);
    return answer === undefined
      ? `${m.displayName} did not answer the goal question.`
      : answer === null || !agreedJointIds.includes(answer)
        ? `${m.displayName} did not choose an agreed joint goal.`
        : `${m.displayName} chose joint goal ${answer}.`;
  });
  /** The same with a space: the start of the note of every pair the member comes first in. */
  const memberGoalNoteStart = memberGoalNote.map((note) => `${note} `);
  const NO_AGREED_GOAL = 'No joint goal is recorded and agreed.';
  const NOT_LINKED =
    ' No joint activity of theirs is linked to an agreed joint goal they both recognise.';
  /** Why no joint goal counts as recognised for members i and j (the notes, joined). */
  const goalNote = (i: number, j: number): string => {
    if (agreedJointIds.length === 0) return NO_AGREED_GOAL;
    const both = memberGoalNoteStart[i]! + memberGoalNote[j]!;
    return goalAnswer.has(members[i]!.id) && goalAnswer.has(members[j]!.id)
      ? both
      : both + NOT_LINKED;
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
  /**
   * Per member index: each joint goal with their own goals in unresolved conflict with it, as
   * the flags' text up to the member holding the joint goal (built once, shared by pairs).
   */
  const conflictsWithJoint: { jointId: string; flagStarts: string[] }[][] = members.map(() => []);
  const agencyGoals = new Map<string, string[]>();
  if (edges.size > 0) {
    for (const g of doc.goals) {
      if (g.level === 'agency' && g.agencyId !== undefined && edges.has(g.id)) {
        agencyGoals.set(g.agencyId, [...(agencyGoals.get(g.agencyId) ?? []), g.id]);
      }
    }
    members.forEach((m, i) => {
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
      conflictsWithJoint[i] = [...map].map(([jointId, goals]) => ({
        jointId,
        flagStarts: goals.map(
          (g) =>
            `unresolved goal conflict: ${g} (a goal of ${m.id}) conflicts with joint goal ${jointId} held by `,
        ),
      }));
    });
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
  /** Agency-goal flags per ordered pair of agency indices, built once and shared. */
  const agencyFlagsByPair: (readonly string[] | undefined)[] = new Array<undefined>(
    agencies.length * agencies.length,
  ).fill(undefined);
  const cachedAgencyFlags = (x: number, y: number): readonly string[] =>
    (agencyFlagsByPair[x * agencies.length + y] ??= agencyConflictFlags(
      agencies[x]!,
      agencies[y]!,
    ));
  const heldOf = members.map((m) => held.get(m.id));
  /**
   * Writes into `out` from `at` (when given) the flags of goals of member x in conflict with
   * joint goals member y holds; returns how many there are.
   */
  const memberConflictFlags = (x: number, y: number, out: string[] | null, at = 0): number => {
    const conflicts = conflictsWithJoint[x]!;
    if (conflicts.length === 0) return 0;
    const yId = members[y]!.id;
    const heldByY = heldOf[y];
    let k = at;
    for (const { jointId, flagStarts } of conflicts) {
      if (!heldByY?.has(jointId)) continue;
      for (const start of flagStarts) {
        if (out !== null) out[k] = start + yId;
        k++;
      }
    }
    return k - at;
  };
  /**
   * A member pair's flags: its member-goal flags then `agencyFlags` (those of their agencies),
   * in an array of exactly their number (one per pair is kept).
   */
  const pairFlags = (i: number, j: number, agencyFlags: readonly string[]): readonly string[] => {
    if (edges.size === 0) return NO_FLAGS;
    const fromI = memberConflictFlags(i, j, null);
    const fromJ = memberConflictFlags(j, i, null);
    if (fromI + fromJ === 0) return agencyFlags.length === 0 ? NO_FLAGS : agencyFlags;
    const out = new Array<string>(fromI + fromJ + agencyFlags.length);
    memberConflictFlags(i, j, out, 0);
    memberConflictFlags(j, i, out, fromI);
    for (let k = 0; k < agencyFlags.length; k++) out[fromI + fromJ + k] = agencyFlags[k]!;
    return out;
  };

  // Self-rated working levels from the current wave (identified answers only).
  const ratings = new Map<string, Map<string, FrostLevel>>();
  for (const [memberId, r] of latest) {
    if (r.contacts.length === 0) continue;
    ratings.set(memberId, new Map(r.contacts.map((c) => [c.memberId, c.workingLevel])));
  }
  /** Per member index: the levels they gave, by the rated member's index. */
  const ratingsOf = members.map((m) => {
    const given = ratings.get(m.id);
    if (given === undefined) return undefined;
    const byIndex = new Map<number, FrostLevel>();
    for (const [target, level] of given) {
      const t = index.get(target);
      if (t !== undefined) byIndex.set(t, level);
    }
    return byIndex;
  });
  const noRatings: PairLevel['selfRated'] = { aAboutB: null, bAboutA: null };

  // Member pairs.
  const memberPairs: PairLevel[] = [];
  const distribution: Record<FrostLevel, number> = {
    none: 0,
    cooperation: 0,
    collaboration: 0,
    coordination: 0,
  };
  /**
   * Per agency pair key: recognised goals and flags of its member pairs, each flag once in
   * order of first appearance. A member-goal flag names both members, so no two member pairs
   * share one (ids have no spaces); agency-goal flags repeat across member pairs but come in
   * one shared list per ordered agency pair, so a list is added once.
   */
  const agencyGoalsAndFlags: (
    | {
        goals: Map<string, Set<RecognitionBasis>>;
        flags: string[];
        agencyFlagLists: Set<readonly string[]>;
      }
    | undefined
  )[] = new Array<undefined>(agencies.length * agencies.length).fill(undefined);
  const carryToAgencies = (
    i: number,
    j: number,
    goals: readonly GoalRecognition[],
    flags: readonly string[],
    agencyFlags: readonly string[],
  ) => {
    const ai = agencyOfIndex[i] ?? 0;
    const aj = agencyOfIndex[j] ?? 0;
    if (ai === aj || (goals.length === 0 && flags.length === 0)) return;
    const key = ai < aj ? ai * agencies.length + aj : aj * agencies.length + ai;
    const entry = (agencyGoalsAndFlags[key] ??= {
      goals: new Map<string, Set<RecognitionBasis>>(),
      flags: [] as string[],
      agencyFlagLists: new Set<readonly string[]>(),
    });
    for (const g of goals) {
      const bases = entry.goals.get(g.goalId) ?? new Set<RecognitionBasis>();
      for (const basis of g.basis) bases.add(basis);
      entry.goals.set(g.goalId, bases);
    }
    // `flags` is the member-goal flags followed by `agencyFlags` (or `agencyFlags` itself).
    const memberFlags = flags === agencyFlags ? 0 : flags.length - agencyFlags.length;
    for (let k = 0; k < memberFlags; k++) entry.flags.push(flags[k]!);
    if (agencyFlags.length > 0 && !entry.agencyFlagLists.has(agencyFlags)) {
      entry.agencyFlagLists.add(agencyFlags);
      for (const f of agencyFlags) entry.flags.push(f);
    }
  };
  for (let i = 0; i < n; i++) {
    const a = members[i]!;
    const ratedByA = ratingsOf[i];
    for (let j = i + 1; j < n; j++) {
      const b = members[j]!;
      const slot = memberRecords.slot(i, j);
      const activities = memberRecords.activitiesOf(slot);
      let recognised: readonly GoalRecognition[];
      if (activities.length === 0) {
        const chosen = chosenAgreed[i]!;
        recognised =
          chosen >= 0 && chosen === chosenAgreed[j] ? surveyRecognition[chosen]! : NO_GOALS;
      } else {
        recognised = recognition(a.id, b.id, activities);
      }
      const agencyFlags =
        edges.size === 0 ? NO_FLAGS : cachedAgencyFlags(agencyOfIndex[i]!, agencyOfIndex[j]!);
      const flags = pairFlags(i, j, agencyFlags);
      const aAboutB = ratedByA?.get(j) ?? null;
      const bAboutA = ratingsOf[j]?.get(i) ?? null;
      carryToAgencies(i, j, recognised, flags, agencyFlags);
      const pair = rules.pairLevel(
        {
          a: a.id,
          b: b.id,
          records: memberRecords,
          slot,
          recognisedGoals: recognised,
          goalNote: recognised.length > 0 ? '' : goalNote(i, j),
        },
        flags,
        aAboutB === null && bAboutA === null ? noRatings : { aAboutB, bAboutA },
      );
      memberPairs.push(pair);
      distribution[pair.level]++;
    }
  }
  // The lower median of the levels of pairs with contact, read off the distribution.
  const pairsWithContact = memberPairs.length - distribution.none;
  let groupLevel: FrostLevel = 'none';
  if (pairsWithContact > 0) {
    let below = Math.floor((pairsWithContact - 1) / 2);
    for (const level of FROST_LEVELS) {
      if (level === 'none') continue;
      groupLevel = level;
      below -= distribution[level];
      if (below < 0) break;
    }
  }

  // Agency pairs: their records (indexed above), their member pairs' recognised goals and
  // flags, and their own agency-goal conflicts; then the same rules.
  const rated = agencyRatings(ctx, ratings);
  const agencyPairs: PairLevel[] = [];
  const agencyGoalNote =
    agreedJointIds.length === 0
      ? NO_AGREED_GOAL
      : 'No pair of members across the two agencies recognises the same agreed joint goal.';
  for (let i = 0; i < agencies.length; i++) {
    for (let j = i + 1; j < agencies.length; j++) {
      const a = agencies[i] ?? '';
      const b = agencies[j] ?? '';
      const carried = agencyGoalsAndFlags[i * agencies.length + j];
      const recognised = [...(carried?.goals ?? [])].map(([goalId, bases]) => ({
        goalId,
        basis: (['survey', 'activity'] as const).filter((x) => bases.has(x)),
      }));
      const own = cachedAgencyFlags(i, j);
      const flags =
        carried === undefined
          ? [...own]
          : carried.agencyFlagLists.has(own)
            ? carried.flags
            : [...carried.flags, ...own];
      agencyPairs.push(
        rules.pairLevel(
          {
            a,
            b,
            records: agencyRecords,
            slot: agencyRecords.slot(i, j),
            recognisedGoals: recognised,
            goalNote: agencyGoalNote,
          },
          flags,
          {
            aAboutB: lowerMedian(rated.get(`${a}\u0000${b}`) ?? []),
            bAboutA: lowerMedian(rated.get(`${b}\u0000${a}`) ?? []),
          },
        ),
      );
    }
  }

  return {
    memberPairs,
    agencyPairs,
    group: {
      level: groupLevel,
      distribution,
      pairsWithContact,
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
      const list = out.get(key);
      if (list === undefined) out.set(key, [level]);
      else list.push(level);
    }
  }
  return out;
}
