/**
 * Every default threshold of ANALYSIS.md, in one place, keyed by the id shown beside each
 * result that used it. A workspace or a call overrides any of them with `withThresholds`.
 */
export const DEFAULT_THRESHOLDS = {
  /** Least evidence before a status is given. */
  'evidence.minimum': {
    respondents: 3,
    networkMembers: 3,
    networkContacts: 5,
    turnoverMonths: 6,
    cases: 3,
  },
  /** Confidence: respondents and agreement a survey figure needs for "high". */
  'confidence.high': { evaluativeIndicators: 2, respondents: 5, rwgJ: 0.7 },
  /** Survey scale bands on the 1–5 scale. */
  'survey.bands': { strength: 4.0, watch: 3.0 },
  /** Below this r_wg(j) the distribution is shown instead of the mean. */
  'survey.agreement': { rwgJ: 0.7 },
  'personal.professional.statusGap': { spread: 3, respectMean: 3.5 },
  'personal.professional.jointTraining': { concern: 0.25, watch: 0.5 },
  'personal.individual.priorExperience': { watch: 0.5 },
  'personal.teamReasoning.roleOverview': { concern: 0.4, watch: 0.6 },
  'personal.teamReasoning.jointGoalRecognition': { concern: 0.5, watch: 0.8 },
  'process.jointActivities.window': { months: 6 },
  'process.jointActivities.participation': { concern: 0.5 },
  'process.duration.age': { watchMonths: 36 },
  'process.continuity.turnover': { watch: 0.2, concern: 0.4, windowMonths: 12 },
  'process.continuity.keyPeople': { watch: 1 },
  'process.continuity.tieRetention': { watch: 0.6 },
  'process.teamReasoning.purposes.agreement': { watch: 0.7, concern: 0.5 },
  'process.teamReasoning.communication.density': { watch: 0.3, windowMonths: 12 },
  'process.teamReasoning.communication.notLoopedIn': { days: 14 },
  'process.teamReasoning.communication.asymmetric': { watch: 1 },
  'process.teamReasoning.decisions.participation': { concern: 0.5 },
  'process.teamReasoning.roles.overlap': { windowMonths: 6 },
  'local.roles.overlaps': { watch: 1, concern: 2 },
  'local.roles.misperceptions': { jaccard: 0.34, watch: 1 },
  'local.leadership.lead': { watch: 0.8 },
  'local.resourcing.dedicatedTime': { concern: 0.5 },
  'local.resourcing.fundingSecurity': { months: 6 },
  'local.knowledge.sharedConstructions': { watch: 0.7 },
  'policy.interactions.clashes': { watch: 1, concern: 2 },
  'frost.recurrence': { occurrences: 2, months: 2 },
  'frost.window': { months: 12 },
} as const satisfies Record<string, Record<string, number>>;

/** The thresholds in force for one diagnosis. */
export type Thresholds = {
  readonly [K in keyof typeof DEFAULT_THRESHOLDS]: Readonly<
    Record<keyof (typeof DEFAULT_THRESHOLDS)[K], number>
  >;
};

/** Overrides: any subset of thresholds, any subset of their values. */
export type ThresholdOverrides = {
  readonly [K in keyof Thresholds]?: Partial<Thresholds[K]>;
};

/** The defaults with `overrides` applied; unknown ids are ignored. */
export function withThresholds(overrides: ThresholdOverrides = {}): Thresholds {
  const out: Record<string, Record<string, number>> = {};
  for (const [id, values] of Object.entries(DEFAULT_THRESHOLDS)) {
    const o = (overrides as Record<string, Record<string, number> | undefined>)[id];
    out[id] = { ...values, ...(o ?? {}) };
  }
  return out as Thresholds;
}
