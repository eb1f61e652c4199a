import type { Goal } from '../document/schema.js';
import type { AnalysisContext } from './context.js';
import { CONFIDENTIAL_TEXT } from './role-map.js';

/**
 * How the goals of a collaboration fit together (process.teamReasoning.purposes and
 * personal.teamReasoning): the joint goals, each agency or professional goal's relation to
 * them, the conflicts nobody has resolved, and which goal members chose in the survey.
 */
export interface GoalAlignment {
  readonly jointGoals: readonly JointGoalSummary[];
  readonly goals: readonly GoalRelationSummary[];
  /** Conflict links not marked resolved, between any two goals. */
  readonly unresolvedConflicts: readonly GoalConflict[];
  /** The current wave's answers to the goal question (counts only, never free text). */
  readonly goalChoices: GoalChoiceDistribution;
}

/** A recorded joint goal. */
export interface JointGoalSummary {
  readonly id: string;
  /** The goal in words; withheld for confidential records (see `confidentialTo`). */
  readonly statement: string;
  readonly agreed: boolean;
  readonly agreedOn: string | null;
  readonly responsibleMemberIds: readonly string[];
  readonly confidentialTo?: string;
}

/** An agency or professional goal and how it stands to the joint goal(s). */
export interface GoalRelationSummary {
  readonly id: string;
  readonly level: 'agency' | 'professional';
  readonly statement: string;
  readonly agencyId: string | null;
  readonly professionId: string | null;
  readonly memberId: string | null;
  /**
   * `conflicts` when any link to a joint goal is a conflict (resolved or not), else
   * `supports` when any link supports one, else `unlinked`.
   */
  readonly relation: 'supports' | 'conflicts' | 'unlinked';
  /** True when the goal conflicts with a joint goal and at least one such conflict is open. */
  readonly unresolved: boolean;
  readonly links: readonly {
    readonly jointGoalId: string;
    readonly relation: 'supports' | 'conflicts';
    readonly resolved: boolean;
  }[];
  readonly confidentialTo?: string;
}

/** An unresolved conflict between two goals. */
export interface GoalConflict {
  /** The goal carrying the link, then the goal it links to. */
  readonly goalIds: readonly [string, string];
  /** Agencies of the two goals (an agency goal's own, or its member's or owner's agency). */
  readonly agencyIds: readonly string[];
  readonly involvesJointGoal: boolean;
}

/** Counts of the goal question's choices in the current wave. */
export interface GoalChoiceDistribution {
  readonly waveId: string | null;
  /** Respondents of the current wave. */
  readonly respondents: number;
  /** Respondents who answered the goal question. */
  readonly answered: number;
  readonly joint: number;
  /** Of `joint`, those whose chosen goal is a recorded joint goal. */
  readonly recordedJointGoal: number;
  readonly agency: number;
  readonly other: number;
  /** Choices per recorded joint goal id. */
  readonly byJointGoal: Readonly<Record<string, number>>;
}

const wordsOf = (g: Goal) =>
  g.confidentialTo === undefined
    ? { statement: g.statement }
    : { statement: CONFIDENTIAL_TEXT, confidentialTo: g.confidentialTo };

/** The goal alignment of a collaboration (memoised per diagnosis). */
export function goalAlignment(ctx: AnalysisContext): GoalAlignment {
  return ctx.memo('goalAlignment', () => computeGoalAlignment(ctx));
}

function computeGoalAlignment(ctx: AnalysisContext): GoalAlignment {
  const goals = ctx.doc.goals;
  const byId = new Map(goals.map((g) => [g.id, g]));
  const joint = goals.filter((g) => g.level === 'joint');
  const jointIds = new Set(joint.map((g) => g.id));

  // Links between a non-joint goal and a joint goal, whichever side records them.
  const linksOf = new Map<
    string,
    { jointGoalId: string; relation: 'supports' | 'conflicts'; resolved: boolean }[]
  >();
  const addLink = (
    goalId: string,
    jointGoalId: string,
    relation: 'supports' | 'conflicts',
    resolved: boolean,
  ) => {
    const list = linksOf.get(goalId) ?? [];
    list.push({ jointGoalId, relation, resolved });
    linksOf.set(goalId, list);
  };
  const unresolvedConflicts: GoalConflict[] = [];
  for (const g of goals) {
    for (const link of g.links) {
      const other = byId.get(link.goalId);
      if (!other) continue;
      if (g.level !== 'joint' && other.level === 'joint')
        addLink(g.id, other.id, link.relation, link.resolved);
      if (g.level === 'joint' && other.level !== 'joint')
        addLink(other.id, g.id, link.relation, link.resolved);
      if (link.relation === 'conflicts' && !link.resolved) {
        const agencyIds = [
          ...new Set([agencyOfGoal(ctx, g), agencyOfGoal(ctx, other)].filter((a) => a !== null)),
        ];
        unresolvedConflicts.push({
          goalIds: [g.id, other.id],
          agencyIds,
          involvesJointGoal: jointIds.has(g.id) || jointIds.has(other.id),
        });
      }
    }
  }

  const summaries: GoalRelationSummary[] = goals
    .filter((g): g is Goal & { level: 'agency' | 'professional' } => g.level !== 'joint')
    .map((g) => {
      const links = linksOf.get(g.id) ?? [];
      const conflicts = links.filter((l) => l.relation === 'conflicts');
      const relation =
        conflicts.length > 0
          ? 'conflicts'
          : links.some((l) => l.relation === 'supports')
            ? 'supports'
            : 'unlinked';
      return {
        id: g.id,
        level: g.level,
        agencyId: agencyOfGoal(ctx, g),
        professionId: g.professionId ?? null,
        memberId: g.memberId ?? null,
        relation,
        unresolved: conflicts.some((l) => !l.resolved),
        links,
        ...wordsOf(g),
      };
    });

  const byJointGoal: Record<string, number> = {};
  let answered = 0;
  let jointChoices = 0;
  let recorded = 0;
  let agency = 0;
  let other = 0;
  for (const r of ctx.responses) {
    if (!r.goal) continue;
    answered++;
    switch (r.goal.choice) {
      case 'joint':
        jointChoices++;
        if (r.goal.goalId !== undefined && jointIds.has(r.goal.goalId)) {
          recorded++;
          byJointGoal[r.goal.goalId] = (byJointGoal[r.goal.goalId] ?? 0) + 1;
        }
        break;
      case 'agency':
        agency++;
        break;
      case 'other':
        other++;
        break;
    }
  }

  return {
    jointGoals: joint.map((g) => ({
      id: g.id,
      agreed: g.agreed,
      agreedOn: g.agreedOn ?? null,
      responsibleMemberIds: g.responsibleMemberIds,
      ...wordsOf(g),
    })),
    goals: summaries,
    unresolvedConflicts,
    goalChoices: {
      waveId: ctx.wave?.id ?? null,
      respondents: ctx.responses.length,
      answered,
      joint: jointChoices,
      recordedJointGoal: recorded,
      agency,
      other,
      byJointGoal,
    },
  };
}

/** The agency a goal speaks for: its own, else its member's. */
function agencyOfGoal(ctx: AnalysisContext, g: Goal): string | null {
  if (g.agencyId !== undefined) return g.agencyId;
  if (g.memberId !== undefined) return ctx.agencyOf.get(g.memberId) ?? null;
  return null;
}
