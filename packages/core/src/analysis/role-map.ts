import type { Member } from '../document/schema.js';
import type { AnalysisContext } from './context.js';
import { jaccard } from './indicator.js';
import { round } from './survey-figures.js';

/**
 * The role map (ANALYSIS.md, local.roles and personal.teamReasoning): who claims which
 * responsibility area, how others see each member's areas, who acted on each area lately,
 * and the overlaps, gaps and misperceptions that follow. Plain JSON, so the web app and the
 * HTML report can draw a members × areas matrix from it.
 */
export interface RoleMap {
  readonly areas: readonly RoleMapArea[];
  readonly members: readonly RoleMapMember[];
  readonly misperceptions: readonly RoleMisperception[];
  readonly gaps: readonly RoleGap[];
  readonly overlaps: readonly RoleOverlap[];
}

/** One responsibility area with who claims, is seen to hold, and performs it. */
export interface RoleMapArea {
  readonly id: string;
  readonly name: string;
  /** The agreed lead, when one is recorded and still in post. */
  readonly agreedLeadMemberId: string | null;
  /** Active members claiming the area (role claims and identified survey answers). */
  readonly claimedBy: readonly string[];
  /** Perceiver → target pairs where the perceiver sees the target holding the area. */
  readonly perceivedBy: readonly { readonly perceiverId: string; readonly targetId: string }[];
  /** Active members who took part in an activity or case event on the area in the window. */
  readonly performedBy: readonly string[];
  /** ≥ 2 claimants from different professions and no agreed lead. */
  readonly overlap: boolean;
  /** Nobody in post claims the area, or a need in it has no owner in post. */
  readonly gap: boolean;
}

/** One active member's row of the matrix. */
export interface RoleMapMember {
  readonly id: string;
  readonly displayName: string;
  readonly professionId: string;
  readonly agencyId: string;
  readonly claimed: readonly string[];
  /** Union of the areas other members see this member holding. */
  readonly perceivedAs: readonly string[];
  readonly performed: readonly string[];
}

/** A perceiver whose view of a colleague's areas barely matches the colleague's own claim. */
export interface RoleMisperception {
  readonly perceiverId: string;
  readonly targetId: string;
  readonly jaccard: number;
  readonly view: readonly string[];
  readonly claim: readonly string[];
  /** Role perception ids and survey response ids the view came from. */
  readonly evidence: readonly string[];
}

/** A need or joint goal nobody in post is responsible for. */
export interface RoleGap {
  readonly kind: 'need' | 'jointGoal';
  readonly id: string;
  /** The need or goal in words; withheld for confidential records (see `confidentialTo`). */
  readonly description: string;
  readonly confidentialTo?: string;
}

/** An area claimed by members of different professions with no agreed lead. */
export interface RoleOverlap {
  readonly areaId: string;
  readonly memberIds: readonly string[];
  readonly professions: readonly string[];
}

/** Where a view of a colleague's areas came from. */
export type RoleViewSource = 'record' | 'survey' | 'interview';

/** One perceiver → target comparison of a view with the target's own claim. */
export interface RolePair {
  readonly perceiverId: string;
  readonly targetId: string;
  readonly view: readonly string[];
  readonly claim: readonly string[];
  readonly jaccard: number;
  readonly sources: readonly RoleViewSource[];
  /** Role perception records behind the view. */
  readonly perceptionIds: readonly string[];
  /** Survey responses (contact answers) behind the view. */
  readonly responseIds: readonly string[];
}

/** A member's claimed areas with the records behind each. */
export interface RoleClaimSet {
  readonly areaIds: ReadonlySet<string>;
  /** Role claim records of the member. */
  readonly claimIds: readonly string[];
  /** Identified survey responses where the member named their own areas. */
  readonly responseIds: readonly string[];
  /** For each area, the claim and response ids that name it. */
  readonly sourcesByArea: ReadonlyMap<string, readonly string[]>;
}

/** What the role indicators share: claims, views and pairs of active members. */
export interface RoleData {
  readonly claims: ReadonlyMap<string, RoleClaimSet>;
  readonly pairs: readonly RolePair[];
  readonly map: RoleMap;
}

/** Text shown instead of a confidential record's own words. */
export const CONFIDENTIAL_TEXT = 'confidential record';

/**
 * Claims of active members: their role claim records plus, in the current wave, the areas
 * they named as their own in an identified survey. A member with neither has no claim (and
 * is left out of comparisons); a claim record with no areas is a claim of nothing.
 */
function roleClaims(ctx: AnalysisContext): Map<string, RoleClaimSet> {
  const active = new Set(ctx.activeMembers.map((m) => m.id));
  const build = new Map<
    string,
    {
      areaIds: Set<string>;
      claimIds: string[];
      responseIds: string[];
      byArea: Map<string, string[]>;
    }
  >();
  const entry = (memberId: string) => {
    let e = build.get(memberId);
    if (!e) {
      e = { areaIds: new Set(), claimIds: [], responseIds: [], byArea: new Map() };
      build.set(memberId, e);
    }
    return e;
  };
  const add = (
    e: { areaIds: Set<string>; byArea: Map<string, string[]> },
    areaId: string,
    sourceId: string,
  ) => {
    e.areaIds.add(areaId);
    const list = e.byArea.get(areaId) ?? [];
    if (!list.includes(sourceId)) list.push(sourceId);
    e.byArea.set(areaId, list);
  };
  for (const c of ctx.doc.roleClaims) {
    if (!active.has(c.memberId)) continue;
    const e = entry(c.memberId);
    e.claimIds.push(c.id);
    for (const a of c.areaIds) add(e, a, c.id);
  }
  for (const r of ctx.responses) {
    const who = r.respondentMemberId;
    // An empty answer is read as a skipped question, not as "I hold no area".
    if (who === null || !active.has(who) || r.ownRoleAreaIds.length === 0) continue;
    const e = entry(who);
    e.responseIds.push(r.id);
    for (const a of r.ownRoleAreaIds) add(e, a, r.id);
  }
  return new Map(
    [...build].map(([id, e]) => [
      id,
      {
        areaIds: e.areaIds,
        claimIds: e.claimIds,
        responseIds: e.responseIds,
        sourcesByArea: e.byArea,
      },
    ]),
  );
}

/**
 * Views of active colleagues' areas: role perception records plus, in the current wave,
 * identified respondents' answers on which areas each named contact takes on (a contact
 * with no area ticked is read as a skipped question). Views of oneself are ignored.
 */
function roleViews(ctx: AnalysisContext): Map<
  string,
  {
    perceiverId: string;
    targetId: string;
    areaIds: Set<string>;
    sources: Set<RoleViewSource>;
    perceptionIds: string[];
    responseIds: string[];
  }
> {
  const active = new Set(ctx.activeMembers.map((m) => m.id));
  const views = new Map<
    string,
    {
      perceiverId: string;
      targetId: string;
      areaIds: Set<string>;
      sources: Set<RoleViewSource>;
      perceptionIds: string[];
      responseIds: string[];
    }
  >();
  const entry = (perceiverId: string, targetId: string) => {
    const key = `${perceiverId}→${targetId}`;
    let v = views.get(key);
    if (!v) {
      v = {
        perceiverId,
        targetId,
        areaIds: new Set(),
        sources: new Set(),
        perceptionIds: [],
        responseIds: [],
      };
      views.set(key, v);
    }
    return v;
  };
  for (const p of ctx.doc.rolePerceptions) {
    if (p.perceiverId === p.targetId || !active.has(p.perceiverId) || !active.has(p.targetId))
      continue;
    const v = entry(p.perceiverId, p.targetId);
    for (const a of p.areaIds) v.areaIds.add(a);
    v.sources.add(p.source);
    v.perceptionIds.push(p.id);
  }
  for (const r of ctx.responses) {
    const who = r.respondentMemberId;
    if (who === null || !active.has(who)) continue;
    for (const c of r.contacts) {
      if (c.memberId === who || !active.has(c.memberId) || c.roleAreaIds.length === 0) continue;
      const v = entry(who, c.memberId);
      for (const a of c.roleAreaIds) v.areaIds.add(a);
      v.sources.add('survey');
      if (!v.responseIds.includes(r.id)) v.responseIds.push(r.id);
    }
  }
  return views;
}

const sorted = (xs: Iterable<string>, order: ReadonlyMap<string, number>) =>
  [...xs].sort(
    (a, b) =>
      (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0),
  );

/** Claims, views, pairs and the role map, computed once per diagnosis. */
export function roleData(ctx: AnalysisContext): RoleData {
  return ctx.memo('roleData', () => computeRoleData(ctx));
}

/** The role map of a collaboration (memoised per diagnosis). */
export function roleMap(ctx: AnalysisContext): RoleMap {
  return ctx.memo('roleMap', () => roleData(ctx).map);
}

/** Every perceiver → target pair whose target has a claim, with its Jaccard similarity. */
export function rolePairs(ctx: AnalysisContext): readonly RolePair[] {
  return roleData(ctx).pairs;
}

function computeRoleData(ctx: AnalysisContext): RoleData {
  const { doc } = ctx;
  const active = ctx.activeMembers;
  const activeIds = new Set(active.map((m) => m.id));
  const areaOrder = new Map(doc.responsibilityAreas.map((a, i) => [a.id, i]));
  const memberOrder = new Map(doc.members.map((m, i) => [m.id, i]));
  const threshold = ctx.thresholds['local.roles.misperceptions'].jaccard;

  const claims = roleClaims(ctx);
  const views = roleViews(ctx);

  const pairs: RolePair[] = [];
  for (const v of views.values()) {
    const claim = claims.get(v.targetId);
    if (!claim) continue;
    pairs.push({
      perceiverId: v.perceiverId,
      targetId: v.targetId,
      view: sorted(v.areaIds, areaOrder),
      claim: sorted(claim.areaIds, areaOrder),
      jaccard: round(jaccard(v.areaIds, claim.areaIds), 3),
      sources: [...v.sources].sort(),
      perceptionIds: v.perceptionIds,
      responseIds: v.responseIds,
    });
  }
  pairs.sort(
    (a, b) =>
      (memberOrder.get(a.perceiverId) ?? 0) - (memberOrder.get(b.perceiverId) ?? 0) ||
      (memberOrder.get(a.targetId) ?? 0) - (memberOrder.get(b.targetId) ?? 0),
  );

  // Who acted on each area lately: activities and case events in the window.
  const months = ctx.thresholds['process.jointActivities.window'].months;
  const performed = new Map<string, Set<string>>();
  const perform = (memberId: string, areaId: string) => {
    if (!activeIds.has(memberId)) return;
    const set = performed.get(memberId) ?? new Set<string>();
    set.add(areaId);
    performed.set(memberId, set);
  };
  for (const a of doc.activities) {
    if (!ctx.inWindow(a.date, months)) continue;
    for (const area of a.areaIds) for (const p of a.participantIds) perform(p, area);
  }
  for (const e of doc.caseEvents) {
    if (!ctx.inWindow(e.date, months)) continue;
    for (const area of e.areaIds) perform(e.memberId, area);
  }

  const gaps = roleGaps(ctx);
  const unownedNeeds = new Set(gaps.filter((g) => g.kind === 'need').map((g) => g.id));
  const unownedNeedAreas = new Set(
    doc.needs.filter((n) => unownedNeeds.has(n.id)).flatMap((n) => (n.areaId ? [n.areaId] : [])),
  );

  // Per area, the pairs whose view includes it (in pair order), gathered in one pass (a view
  // lists each area once).
  const perceivedByArea = new Map<string, { perceiverId: string; targetId: string }[]>();
  for (const p of pairs) {
    for (const areaId of p.view) {
      const list = perceivedByArea.get(areaId);
      const entry = { perceiverId: p.perceiverId, targetId: p.targetId };
      if (list === undefined) perceivedByArea.set(areaId, [entry]);
      else list.push(entry);
    }
  }
  const overlaps: RoleOverlap[] = [];
  const areas: RoleMapArea[] = doc.responsibilityAreas.map((area) => {
    const claimedBy = active.filter((m) => claims.get(m.id)?.areaIds.has(area.id)).map((m) => m.id);
    const professions = [...new Set(claimedBy.map((id) => ctx.professionOf.get(id) ?? ''))];
    // An agreed lead who has left no longer settles who leads the area.
    const lead =
      area.agreedLeadMemberId !== null && activeIds.has(area.agreedLeadMemberId)
        ? area.agreedLeadMemberId
        : null;
    const overlap = claimedBy.length >= 2 && professions.length >= 2 && lead === null;
    if (overlap) overlaps.push({ areaId: area.id, memberIds: claimedBy, professions });
    return {
      id: area.id,
      name: area.name,
      agreedLeadMemberId: lead,
      claimedBy,
      perceivedBy: perceivedByArea.get(area.id) ?? [],
      performedBy: active.filter((m) => performed.get(m.id)?.has(area.id)).map((m) => m.id),
      overlap,
      gap: claimedBy.length === 0 || unownedNeedAreas.has(area.id),
    };
  });

  // Views of members without a claim of their own still show how they are seen.
  const perceivedAsOf = new Map<string, Set<string>>();
  for (const v of views.values()) {
    let set = perceivedAsOf.get(v.targetId);
    if (set === undefined) {
      set = new Set<string>();
      perceivedAsOf.set(v.targetId, set);
    }
    for (const a of v.areaIds) set.add(a);
  }
  const members: RoleMapMember[] = active.map((m: Member) => {
    const perceivedAs = perceivedAsOf.get(m.id) ?? [];
    return {
      id: m.id,
      displayName: m.displayName,
      professionId: m.professionId,
      agencyId: m.agencyId,
      claimed: sorted(claims.get(m.id)?.areaIds ?? [], areaOrder),
      perceivedAs: sorted(perceivedAs, areaOrder),
      performed: sorted(performed.get(m.id) ?? [], areaOrder),
    };
  });

  const misperceptions: RoleMisperception[] = pairs
    .filter((p) => p.jaccard < threshold)
    .map((p) => ({
      perceiverId: p.perceiverId,
      targetId: p.targetId,
      jaccard: p.jaccard,
      view: p.view,
      claim: p.claim,
      evidence: [...p.perceptionIds, ...p.responseIds],
    }));

  return { claims, pairs, map: { areas, members, misperceptions, gaps, overlaps } };
}

/**
 * Needs with no owner in post (needs of cases closed by the as-of date are left out) and
 * joint goals with no responsible member in post (Considine 2002; Milbourne 2005).
 */
function roleGaps(ctx: AnalysisContext): RoleGap[] {
  const activeIds = new Set(ctx.activeMembers.map((m) => m.id));
  const closed = new Set(
    ctx.doc.cases.filter((c) => c.closedOn !== null && c.closedOn <= ctx.asOf).map((c) => c.id),
  );
  const gaps: RoleGap[] = [];
  const text = (
    r: { confidentialTo?: string | undefined },
    words: string,
  ): Pick<RoleGap, 'description' | 'confidentialTo'> =>
    r.confidentialTo === undefined
      ? { description: words }
      : { description: CONFIDENTIAL_TEXT, confidentialTo: r.confidentialTo };
  for (const n of openNeeds(ctx, closed)) {
    if (!n.ownerMemberIds.some((id) => activeIds.has(id))) {
      gaps.push({ kind: 'need', id: n.id, ...text(n, n.description) });
    }
  }
  for (const g of ctx.doc.goals) {
    if (g.level !== 'joint') continue;
    if (!g.responsibleMemberIds.some((id) => activeIds.has(id))) {
      gaps.push({ kind: 'jointGoal', id: g.id, ...text(g, g.statement) });
    }
  }
  return gaps;
}

function openNeeds(ctx: AnalysisContext, closed: ReadonlySet<string>) {
  return ctx.doc.needs.filter((n) => n.caseId === undefined || !closed.has(n.caseId));
}

/** Needs and joint goals the gap rule examines (needs of closed cases left out). */
export function roleGapBase(ctx: AnalysisContext): { needs: number; jointGoals: number } {
  const closed = new Set(
    ctx.doc.cases.filter((c) => c.closedOn !== null && c.closedOn <= ctx.asOf).map((c) => c.id),
  );
  return {
    needs: openNeeds(ctx, closed).length,
    jointGoals: ctx.doc.goals.filter((g) => g.level === 'joint').length,
  };
}
