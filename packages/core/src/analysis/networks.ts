import { measuresOfPrepared, networkMeasures, preparedFromMerged } from '../network/index.js';
import type {
  EdgeListRow,
  EiIndex,
  NetworkMeasures,
  NetworkTie,
  TieTable,
} from '../network/index.js';
import { communicationTable, communicationsInWindow, type AnalysisContext } from './context.js';
import { addMonths } from './dates.js';
import type { Thresholds } from './thresholds.js';

/**
 * The collaboration's two contact networks (ANALYSIS.md "Two levels, never merged"):
 * members tied by communications, joint activities and survey contact answers, and agencies
 * tied by their members' ties and by agency relations. Each source is counted separately.
 */

/** The two levels of analysis; a report belongs to exactly one. */
export type NetworkLevel = 'interProfessional' | 'interAgency';

/** Evidence sources of a tie between members. */
export const MEMBER_TIE_SOURCES = ['communication', 'activity', 'survey'] as const;
export type MemberTieSource = (typeof MEMBER_TIE_SOURCES)[number];

/** Evidence sources of a tie between agencies: the member sources plus agency relations. */
export const AGENCY_TIE_SOURCES = [...MEMBER_TIE_SOURCES, 'relation'] as const;
export type AgencyTieSource = (typeof AGENCY_TIE_SOURCES)[number];

/** A node as shown in a network drawing: a member (grouped by agency) or an agency. */
export interface NetworkNodeInfo {
  readonly id: string;
  readonly label: string;
  /** The agency id (members) or the agency's own id (agencies). */
  readonly group: string;
  readonly groupLabel: string;
  /** Members only: the profession id, for colouring. */
  readonly profession?: string;
  readonly professionLabel?: string;
}

/** One directed tie with its total contacts and the contacts per source, ready for CSV. */
export type NetworkTieRow = EdgeListRow & Readonly<Record<MemberTieSource, number>>;

/** A tie between agencies also counts the agency relations behind it. */
export type AgencyTieRow = NetworkTieRow & { readonly relation: number };

/** One level's network: its nodes, directed ties, measures and the conventions behind them. */
export interface NetworkReport {
  readonly level: NetworkLevel;
  readonly nodes: readonly NetworkNodeInfo[];
  /** Directed ties, one row per ordered pair, sorted by source then target id; agency ties add `relation`. */
  readonly ties: readonly NetworkTieRow[];
  readonly measures: NetworkMeasures;
  readonly conventions: readonly string[];
  /**
   * Contact records behind the ties: each communication, joint activity, survey contact
   * answer (and, between agencies, agency relation) that produced at least one tie counts once.
   */
  readonly contactsInWindow: number;
}

/** Both levels, kept apart. */
export interface CollaborationNetworks {
  readonly interProfessional: NetworkReport;
  readonly interAgency: NetworkReport;
}

type Counts = { communication: number; activity: number; survey: number; relation: number };

/** Evidence sources of member ties, as columns of {@link MemberPairs}. */
const COMMUNICATION = 0;
const ACTIVITY = 1;
const SURVEY = 2;
const SOURCES = 3;

/**
 * Contacts between members merged per ordered pair in typed arrays: one slot per pair, in
 * order of first contact, found through an n × n table while that stays small (≤ 4M), a map
 * beyond. A large collaboration has tens of thousands of pairs and 100,000 contacts.
 */
class MemberPairs {
  length = 0;
  source = new Int32Array(1024);
  target = new Int32Array(1024);
  /** SOURCES counts per slot. */
  counts = new Int32Array(1024 * SOURCES);
  private readonly table: Int32Array | null;
  private readonly map = new Map<number, number>();

  constructor(private readonly n: number) {
    this.table = n * n <= 1 << 22 ? new Int32Array(n * n) : null;
  }

  /** Counts one contact from s to t (s ≠ t) from evidence source `k`. */
  add(s: number, t: number, k: number): void {
    const key = s * this.n + t;
    let slot = (this.table === null ? (this.map.get(key) ?? 0) : this.table[key]!) - 1;
    if (slot < 0) {
      slot = this.length++;
      if (this.table === null) this.map.set(key, slot + 1);
      else this.table[key] = slot + 1;
      if (slot === this.source.length) this.grow();
      this.source[slot] = s;
      this.target[slot] = t;
    }
    this.counts[slot * SOURCES + k]! += 1;
  }

  private grow(): void {
    const bigger = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.source = bigger(this.source);
    this.target = bigger(this.target);
    this.counts = bigger(this.counts);
  }

  count(slot: number, k: number): number {
    return this.counts[slot * SOURCES + k]!;
  }

  /** The pairs as merged ties for the network measures (columns in MEMBER_TIE_SOURCES order). */
  tieTable(): TieTable {
    const m = this.length;
    const weight = new Float64Array(m);
    const columns = MEMBER_TIE_SOURCES.map(() => new Float64Array(m));
    for (let slot = 0; slot < m; slot++) {
      for (let k = 0; k < SOURCES; k++) {
        const c = this.count(slot, k);
        columns[k]![slot] = c;
        weight[slot]! += c;
      }
    }
    return {
      length: m,
      source: this.source.slice(0, m),
      target: this.target.slice(0, m),
      weight,
      counts: m === 0 ? [] : columns,
    };
  }
}

const emptyCounts = (): Counts => ({ communication: 0, activity: 0, survey: 0, relation: 0 });

/** Orders ids by UTF-16 code units, as the network measures do. */
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The inter-professional and inter-agency networks of the collaboration on the as-of date,
 * computed once per diagnosis. Contacts count when dated in the window of
 * `process.teamReasoning.communication.density` (12 months back from the as-of date); survey
 * contacts come from the current wave. Linear in the number of records: contacts are merged
 * per ordered pair before any measure is taken.
 */
export function collaborationNetworks(ctx: AnalysisContext): CollaborationNetworks {
  return ctx.memo('networks', () => buildNetworks(ctx));
}

/**
 * Whether a network has enough evidence (ANALYSIS.md: ≥ 3 members and ≥ 5 recorded contacts
 * in the window): `n` and `minimum` of the first condition that fails, or of the contacts.
 */
export function networkEvidence(
  report: NetworkReport,
  thresholds: Thresholds,
): { n: number; minimum: number; shortOf: 'nodes' | 'contacts' | null } {
  const min = thresholds['evidence.minimum'];
  if (report.nodes.length < min.networkMembers) {
    return { n: report.nodes.length, minimum: min.networkMembers, shortOf: 'nodes' };
  }
  return {
    n: report.contactsInWindow,
    minimum: min.networkContacts,
    shortOf: report.contactsInWindow < min.networkContacts ? 'contacts' : null,
  };
}

function buildNetworks(ctx: AnalysisContext): CollaborationNetworks {
  const { doc } = ctx;
  const months = ctx.thresholds['process.teamReasoning.communication.density'].windowMonths;
  const windowStart = addMonths(ctx.asOf, -months);
  const agencyName = new Map(doc.agencies.map((a) => [a.id, a.name]));
  const professionName = new Map(doc.professions.map((p) => [p.id, p.name]));

  // ── Members ────────────────────────────────────────────────────────────────
  const members = ctx.activeMembers;
  const n = members.length;
  const index = new Map<string, number>();
  members.forEach((m, i) => index.set(m.id, i));
  const memberAgency = members.map((m) => m.agencyId);
  const pairs = new MemberPairs(n);
  let memberContacts = 0;
  let crossAgencyContacts = 0;
  // Per contact record: whether it produced a tie, and one across agencies.
  let any = false;
  let cross = false;
  /** A tie from s to t from evidence source `source` (COMMUNICATION, ACTIVITY or SURVEY). */
  const tie = (s: number, t: number, source: number) => {
    if (s === t) return;
    pairs.add(s, t, source);
    any = true;
    if (memberAgency[s] !== memberAgency[t]) cross = true;
  };
  const counted = () => {
    if (any) memberContacts += 1;
    if (cross) crossAgencyContacts += 1;
    any = false;
    cross = false;
  };

  // Communications from the shared table: members as positions in doc.members.
  const table = communicationTable(ctx);
  const activeIndex = new Int32Array(doc.members.length).fill(-1);
  doc.members.forEach((m, p) => (activeIndex[p] = index.get(m.id) ?? -1));
  for (const k of communicationsInWindow(ctx, months)) {
    const from = table.sender[k]!;
    const s = from < 0 ? -1 : activeIndex[from]!;
    if (s < 0) continue;
    for (let r = table.recipientStart[k]!; r < table.recipientStart[k + 1]!; r++) {
      const t = activeIndex[table.recipient[r]!]!;
      if (t >= 0) tie(s, t, COMMUNICATION);
    }
    counted();
  }
  for (const a of doc.activities) {
    if (!ctx.inWindow(a.date, months)) continue;
    const present: number[] = [];
    for (const id of new Set(a.participantIds)) {
      const i = index.get(id);
      if (i !== undefined) present.push(i);
    }
    if (present.length < 2) continue;
    for (const s of present) for (const t of present) if (s !== t) tie(s, t, ACTIVITY);
    counted();
  }
  for (const r of ctx.responses) {
    if (r.respondentMemberId === null) continue;
    const s = index.get(r.respondentMemberId);
    if (s === undefined) continue;
    for (const contact of r.contacts) {
      if (contact.frequency === 'never') continue;
      const t = index.get(contact.memberId);
      if (t !== undefined) tie(s, t, SURVEY);
      counted();
    }
  }

  const prepared = preparedFromMerged(
    { ids: members.map((m) => m.id), groups: memberAgency },
    pairs.length === 0 ? [] : MEMBER_TIE_SOURCES,
    pairs.tieTable(),
  );
  // Rows sorted by source then target id, through the ids' ranks (all distinct).
  const { rank } = prepared;
  const order = new Float64Array(pairs.length);
  for (let slot = 0; slot < pairs.length; slot++) {
    order[slot] =
      (rank[pairs.source[slot]!]! * n + rank[pairs.target[slot]!]!) * pairs.length + slot;
  }
  order.sort();
  const memberRows: NetworkTieRow[] = Array.from(order, (key) => {
    const slot = key % pairs.length;
    const communication = pairs.count(slot, COMMUNICATION);
    const activity = pairs.count(slot, ACTIVITY);
    const survey = pairs.count(slot, SURVEY);
    return {
      source: members[pairs.source[slot]!]!.id,
      target: members[pairs.target[slot]!]!.id,
      weight: communication + activity + survey,
      communication,
      activity,
      survey,
    };
  });
  const memberNodes: NetworkNodeInfo[] = members.map((m) => ({
    id: m.id,
    label: m.displayName,
    group: m.agencyId,
    groupLabel: agencyName.get(m.agencyId) ?? m.agencyId,
    profession: m.professionId,
    professionLabel: professionName.get(m.professionId) ?? m.professionId,
  }));
  const memberMeasures = measuresOfPrepared(prepared);
  const windowText = `Contacts count when dated after ${windowStart} and on or before ${ctx.asOf} (the ${months} months before the as-of date); survey contact answers come from the current wave${ctx.wave ? ` (${ctx.wave.id})` : ''}.`;
  const interProfessional: NetworkReport = {
    level: 'interProfessional',
    nodes: memberNodes,
    ties: memberRows,
    measures: memberMeasures,
    conventions: [
      'Nodes are the members in post on the as-of date, grouped by agency.',
      windowText,
      'Ties come from communications (sender to each recipient), joint activities (every ordered pair of participants) and identified survey contact answers (respondent to the named member, unless the answer is "not at all"); each source is counted separately.',
      ...memberMeasures.conventions,
    ],
    contactsInWindow: memberContacts,
  };

  // ── Agencies ───────────────────────────────────────────────────────────────
  const agencies = doc.agencies;
  const agencyIndex = new Map(agencies.map((a, i) => [a.id, i]));
  const m = agencies.length;
  const agencyPairs = new Map<number, Counts>();
  const agencyCounts = (s: number, t: number) => {
    const key = s * m + t;
    let counts = agencyPairs.get(key);
    if (counts === undefined) {
      counts = emptyCounts();
      agencyPairs.set(key, counts);
    }
    return counts;
  };
  // Member ties in order of first contact, as the agency ties' order depends on it.
  const agencyOfMember = memberAgency.map((id) => agencyIndex.get(id));
  for (let slot = 0; slot < pairs.length; slot++) {
    const s = agencyOfMember[pairs.source[slot]!];
    const t = agencyOfMember[pairs.target[slot]!];
    // Within-agency ties stay out of the agency tie list; the E-I index counts them as internal.
    if (s === undefined || t === undefined || s === t) continue;
    const target = agencyCounts(s, t);
    target.communication += pairs.count(slot, COMMUNICATION);
    target.activity += pairs.count(slot, ACTIVITY);
    target.survey += pairs.count(slot, SURVEY);
  }
  let relationRecords = 0;
  for (const relation of doc.agencyRelations) {
    const s = agencyIndex.get(relation.agencyIds[0]);
    const t = agencyIndex.get(relation.agencyIds[1]);
    if (s === undefined || t === undefined || s === t) continue;
    const strength =
      Number(relation.protocol) +
      Number(relation.pooledBudget) +
      Number(relation.sharedPremises) +
      Number(relation.yearsOfHistory > 0);
    if (strength === 0) continue;
    relationRecords += 1;
    agencyCounts(s, t).relation += strength;
    agencyCounts(t, s).relation += strength;
  }
  const agencyTies: NetworkTie[] = [];
  const agencyRows: AgencyTieRow[] = [];
  for (const [key, counts] of agencyPairs) {
    const source = agencies[Math.floor(key / m)]!.id;
    const target = agencies[key % m]!.id;
    const weight = counts.communication + counts.activity + counts.survey + counts.relation;
    agencyTies.push({ source, target, weight, sources: { ...counts } });
    agencyRows.push({ source, target, weight, ...counts });
  }
  agencyRows.sort((a, b) => byId(a.source, b.source) || byId(a.target, b.target));
  const agencyMeasures = networkMeasures({
    nodes: agencies.map((a) => ({ id: a.id, group: a.id })),
    ties: agencyTies,
  });
  // Each agency is its own group here, so the E-I index is taken over member ties instead:
  // a tie between members of one agency is internal, across agencies external.
  const eiIndex: EiIndex = {
    overall: memberMeasures.eiIndex.overall,
    byGroup: Object.fromEntries(
      agencies
        .map((a) => a.id)
        .sort(byId)
        .map((id) => [id, memberMeasures.eiIndex.byGroup[id] ?? null]),
    ),
  };
  const interAgency: NetworkReport = {
    level: 'interAgency',
    nodes: agencies.map((a) => ({ id: a.id, label: a.name, group: a.id, groupLabel: a.name })),
    ties: agencyRows,
    measures: { ...agencyMeasures, eiIndex },
    conventions: [
      'Nodes are the agencies of the document.',
      windowText,
      "Ties between agencies add up their members' ties (agency of the sender to agency of the receiver, each source kept); ties between members of the same agency are left out of the tie list.",
      'An agency relation adds one "relation" contact in both directions for each of: a shared protocol, a pooled budget, shared premises, and a history of working together.',
      ...agencyMeasures.conventions.filter((c) => !c.startsWith('The E-I index')),
      "The E-I index per agency is (external − internal) / (external + internal) over undirected member ties: a tie between two members of the agency is internal, a tie from one of its members to another agency's member external; agency relations are not counted, having no internal counterpart.",
    ],
    contactsInWindow: crossAgencyContacts + relationRecords,
  };
  return { interProfessional, interAgency };
}
