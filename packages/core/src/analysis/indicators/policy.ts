import type { Adaptation } from '../../document/schema.js';
import type { AnalysisContext } from '../context.js';
import { higherIsWorse, recordRefs, thresholdUse, type IndicatorDefinition } from '../indicator.js';
import type { EvidenceRef } from '../types.js';

/*
 * Indicators of the policy context (ANALYSIS.md): statutory basis, policy clashes,
 * professional constraints, and local adaptation of and feedback to policy.
 */

/** "a, b and c" (at most `max` items, then "and 3 others"). */
function listText(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} other${rest === 1 ? '' : 's'}`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] ?? ''}`;
}

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

/** Agencies with at least one member in post: the agencies taking part. */
function agenciesTakingPart(ctx: AnalysisContext) {
  const ids = new Set(ctx.activeMembers.map((m) => m.agencyId));
  return ctx.doc.agencies.filter((a) => ids.has(a.id));
}

/**
 * Statutory basis: agencies taking part (with a member in post) that hold no statutory duty
 * towards the joint aim. Watch at 1 or more; minimum 1 agency taking part.
 */
const statutoryBasis: IndicatorDefinition = {
  id: 'policy.structures.statutoryBasis',
  element: 'policy.structures',
  name: 'Agencies without a statutory duty for the joint aim',
  level: 'agency',
  kind: 'evaluative',
  actions: {
    watch:
      'Write down what each agency without a legal duty can commit to, and who in the agencies with a duty will pick up the work if it steps back.',
  },
  compute(ctx) {
    const agencies = agenciesTakingPart(ctx);
    const without = agencies.filter((a) => !a.statutoryDutyForJointAim);
    return {
      value: without.map((a) => a.id),
      display: `${without.length} of ${plural(agencies.length, 'agency', 'agencies')}`,
      n: agencies.length,
      minimum: 1,
      status: higherIsWorse(without.length, { watch: 1 }),
      evidence: without.map((a): EvidenceRef => ({
        kind: 'agency',
        id: a.id,
        note: 'no statutory duty for the joint aim',
      })),
      finding:
        without.length === 0
          ? 'Every agency taking part holds a statutory duty towards the joint aim.'
          : `${listText(without.map((a) => a.name))} ${without.length === 1 ? 'takes' : 'take'} part without a statutory duty towards the joint aim, so ${without.length === 1 ? 'its' : 'their'} commitment rests on goodwill and local agreement.`,
    };
  },
};

/**
 * Clashes: recorded policy interactions that conflict, plus one clash for each withheld
 * information record held back under a policy or a professional constraint that no
 * conflicting interaction already covers (by naming the record as evidence or, for a policy
 * rule, by including that policy). ANALYSIS.md: sharing blocked also raises this element.
 * n = policies, interactions and withheld records examined; minimum 1.
 */
const clashes: IndicatorDefinition = {
  id: 'policy.interactions.clashes',
  element: 'policy.interactions',
  name: 'Policies pulling against each other',
  level: 'policy',
  kind: 'evaluative',
  actions: {
    watch:
      'Name the two rules that clash and agree, with the managers of both services, what members should do when they meet in a case.',
    concern:
      'Take the clashing policies to the agencies’ managers or the children’s partnership board, with the cases where they blocked the work, and ask for a joint protocol.',
  },
  compute(ctx) {
    const t = ctx.thresholds['policy.interactions.clashes'];
    const conflicts = ctx.doc.policyInteractions.filter((p) => p.effect === 'conflicts');
    const withheld = ctx.doc.withheldInformation.filter((w) => w.date <= ctx.asOf);
    const coveredIds = new Set(conflicts.flatMap((p) => p.evidenceIds));
    const coveredPolicies = new Set(conflicts.flatMap((p) => p.policyIds));
    const extra = withheld.filter((w) => {
      if (w.rule.kind !== 'policy' && w.rule.kind !== 'professionConstraint') return false;
      if (coveredIds.has(w.id)) return false;
      return !(
        w.rule.kind === 'policy' &&
        w.rule.policyId !== undefined &&
        coveredPolicies.has(w.rule.policyId)
      );
    });
    const count = conflicts.length + extra.length;
    // A confidential policy is named by its id only.
    const policyName = new Map(
      ctx.doc.policies.map((p) => [p.id, p.confidentialTo === undefined ? p.name : p.id]),
    );
    const professionName = new Map(ctx.doc.professions.map((p) => [p.id, p.name]));
    const interactionText = conflicts.map(
      (p) =>
        `${policyName.get(p.policyIds[0]) ?? p.policyIds[0]} and ${policyName.get(p.policyIds[1]) ?? p.policyIds[1]} (${p.id})`,
    );
    const withheldText = extra.map((w) => {
      const rule =
        w.rule.kind === 'policy'
          ? (policyName.get(w.rule.policyId ?? '') ?? 'a policy')
          : `a ${professionName.get(w.rule.professionId ?? '') ?? 'professional'} rule`;
      return `${rule} kept information from other members (${w.id})`;
    });
    const sentences: string[] = [];
    if (conflicts.length > 0)
      sentences.push(`Recorded as conflicting: ${listText(interactionText)}.`);
    if (extra.length > 0) sentences.push(`${listText(withheldText)}.`);
    return {
      value: count,
      display: plural(count, 'clash', 'clashes'),
      n: ctx.doc.policies.length + ctx.doc.policyInteractions.length + withheld.length,
      minimum: 1,
      status: higherIsWorse(count, { watch: t.watch, concern: t.concern }),
      threshold: thresholdUse(
        ctx.thresholds,
        'policy.interactions.clashes',
        `watch at ${t.watch}, concern at ${t.concern} or more`,
      ),
      evidence: [
        ...recordRefs(
          'policyInteractions',
          conflicts.map((p) => p.id),
        ),
        ...recordRefs(
          'withheldInformation',
          extra.map((w) => w.id),
          'information held back under a policy or professional rule',
        ),
      ],
      finding:
        count === 0
          ? 'No policies are recorded as pulling against each other inside this collaboration.'
          : sentences.join(' '),
      details: {
        interactions: conflicts.map((p) => p.id),
        withheld: extra.map((w) => w.id),
      },
    };
  },
};

/**
 * Constraints: professions of members in post whose code or law limits a flow or activity
 * the collaboration needs (`neededByCollaboration`). Watch at 1 or more; minimum 1 profession.
 */
const constraints: IndicatorDefinition = {
  id: 'policy.regulation.constraints',
  element: 'policy.regulation',
  name: 'Professional rules limiting the joint work',
  level: 'policy',
  kind: 'evaluative',
  actions: {
    watch:
      'For each professional rule that limits the joint work, agree with the profession’s lead what can be done within it (consent forms, anonymised summaries, a named contact).',
  },
  compute(ctx) {
    const ids = new Set(ctx.activeMembers.map((m) => m.professionId));
    const professions = ctx.doc.professions.filter((p) => ids.has(p.id));
    const limited = professions
      .map((p) => ({ profession: p, needed: p.constraints.filter((c) => c.neededByCollaboration) }))
      .filter((x) => x.needed.length > 0);
    return {
      value: limited.map((x) => x.profession.id),
      display: `${limited.length} of ${plural(professions.length, 'profession')}`,
      n: professions.length,
      minimum: 1,
      status: higherIsWorse(limited.length, { watch: 1 }),
      evidence: limited.map((x): EvidenceRef => ({
        kind: 'record',
        id: x.profession.id,
        collection: 'professions',
        note: `limits ${[...new Set(x.needed.map((c) => c.limits))].join(' and ')}: ${x.needed.map((c) => c.id).join(', ')}`,
      })),
      finding:
        limited.length === 0
          ? 'No profession represented here is recorded as bound by a rule that limits what the collaboration needs.'
          : `${listText(
              limited.map(
                (x) =>
                  `${x.profession.name} (limits ${[...new Set(x.needed.map((c) => (c.limits === 'sharing' ? 'sharing information' : 'an activity')))].join(' and ')})`,
              ),
            )} ${limited.length === 1 ? 'is' : 'are'} bound by a rule that limits something the collaboration needs.`,
      details: {
        constraints: limited.map((x) => ({
          professionId: x.profession.id,
          constraintIds: x.needed.map((c) => c.id),
        })),
      },
    };
  },
};

const ADAPTATION_KINDS: readonly Adaptation['kind'][] = [
  'interpretation',
  'adaptation',
  'workaround',
  'feedback',
];

/** Adaptations (descriptive): local interpretations, adaptations and workarounds, and feedback to policy makers. */
const adaptations: IndicatorDefinition = {
  id: 'policy.feedback.adaptations',
  element: 'policy.feedback',
  name: 'Local adaptation of policy and feedback',
  level: 'policy',
  kind: 'descriptive',
  compute(ctx) {
    const records = ctx.doc.adaptations.filter((a) => a.date <= ctx.asOf);
    const byKind: Record<string, number> = {};
    for (const kind of ADAPTATION_KINDS) byKind[kind] = 0;
    for (const a of records) byKind[a.kind] = (byKind[a.kind] ?? 0) + 1;
    const feedback = records.filter((a) => a.kind === 'feedback');
    const parts = ADAPTATION_KINDS.filter((k) => (byKind[k] ?? 0) > 0).map(
      (k) => `${byKind[k]} ${k === 'feedback' ? 'feedback' : k}`,
    );
    return {
      value: byKind,
      display: plural(records.length, 'record'),
      n: records.length,
      minimum: 1,
      status: 'ok',
      evidence: recordRefs(
        'adaptations',
        records.map((a) => a.id),
      ),
      finding:
        records.length === 0
          ? 'No local adaptation of policy or feedback to policy makers is recorded.'
          : `Recorded: ${listText(parts)}.${
              feedback.length > 0
                ? ` Fed back: ${listText(feedback.map((a) => (a.fedBackTo && a.confidentialTo === undefined ? `${a.id} to ${a.fedBackTo}` : a.id)))}.`
                : ' Nothing has been fed back to policy makers.'
            }`,
      details: {
        feedback: feedback.map((a) => ({ id: a.id, date: a.date, policyId: a.policyId ?? null })),
      },
    };
  },
};

/** Every indicator of the policy context, in model order. */
export const policyIndicators: IndicatorDefinition[] = [
  statutoryBasis,
  clashes,
  constraints,
  adaptations,
];
