import type { CollaborationDocument, Member, SurveyResponse, Wave } from '../document/schema.js';
import { withThresholds, type ThresholdOverrides, type Thresholds } from './thresholds.js';
import { addMonths } from './dates.js';

/** Options every analysis accepts. */
export interface AnalysisOptions {
  /** The date windows count back from (YYYY-MM-DD); default: the latest dated record. */
  readonly asOf?: string;
  /** The survey wave survey figures come from; default: the latest wave with responses. */
  readonly waveId?: string;
  /** Threshold overrides (ids as in DEFAULT_THRESHOLDS). */
  readonly thresholds?: ThresholdOverrides;
}

/** A document with the lookups every indicator needs, built once per diagnosis. */
export interface AnalysisContext {
  readonly doc: CollaborationDocument;
  readonly asOf: string;
  readonly thresholds: Thresholds;
  readonly memberById: ReadonlyMap<string, Member>;
  /** Members in post on the as-of date. */
  readonly activeMembers: readonly Member[];
  readonly agencyOf: ReadonlyMap<string, string>;
  readonly professionOf: ReadonlyMap<string, string>;
  /** The wave survey figures come from, if any, and the one before it. */
  readonly wave: Wave | null;
  readonly previousWave: Wave | null;
  readonly responses: readonly SurveyResponse[];
  readonly previousResponses: readonly SurveyResponse[];
  /** True when `date` falls in the `months` before the as-of date (inclusive). */
  inWindow(date: string, months: number): boolean;
  /** Computes a shared value once per diagnosis (networks, role map…). */
  memo<T>(key: string, compute: () => T): T;
}

/** The latest date on any dated record of the document, or the collaboration's start. */
export function latestRecordDate(doc: CollaborationDocument): string {
  let latest = doc.collaboration.startDate;
  const see = (d: string | null | undefined) => {
    // A day after `latest` needs `d` itself after it: most records are skipped unsliced.
    if (d && d > latest && d.slice(0, 10) > latest) latest = d.slice(0, 10);
  };
  for (const m of doc.members) {
    see(m.startDate);
    see(m.endDate);
  }
  for (const list of [
    doc.activities,
    doc.communications,
    doc.caseEvents,
    doc.decisions,
    doc.referrals,
    doc.coordinatingRecords,
    doc.withheldInformation,
    doc.adaptations,
  ]) {
    for (const r of list) see(r.date);
  }
  for (const g of doc.goals) see(g.agreedOn);
  for (const w of doc.waves) see(w.opensOn);
  for (const r of doc.responses) see(r.submittedAt);
  for (const s of doc.qualitative.sources) see(s.date);
  return latest;
}

/** Waves ordered by opening date, each with its responses. */
export function wavesInOrder(
  doc: CollaborationDocument,
): { wave: Wave; responses: SurveyResponse[] }[] {
  const byWave = new Map<string, SurveyResponse[]>();
  for (const r of doc.responses) {
    const list = byWave.get(r.waveId) ?? [];
    list.push(r);
    byWave.set(r.waveId, list);
  }
  return [...doc.waves]
    .sort((a, b) => (a.opensOn < b.opensOn ? -1 : a.opensOn > b.opensOn ? 1 : 0))
    .map((wave) => ({ wave, responses: byWave.get(wave.id) ?? [] }));
}

/** Builds the analysis context. Throws an `unknown_wave` AnalysisError for a bad wave id. */
export function analysisContext(
  doc: CollaborationDocument,
  options: AnalysisOptions = {},
): AnalysisContext {
  const asOf = options.asOf ?? latestRecordDate(doc);
  const memberById = new Map(doc.members.map((m) => [m.id, m]));
  const activeMembers = doc.members.filter(
    (m) => m.startDate <= asOf && (m.endDate === null || m.endDate > asOf),
  );
  const ordered = wavesInOrder(doc).filter((w) => w.wave.opensOn <= asOf);
  let index: number;
  if (options.waveId !== undefined) {
    index = ordered.findIndex((w) => w.wave.id === options.waveId);
    if (index < 0) {
      throw new AnalysisError('unknown_wave', `no wave "${options.waveId}" on or before ${asOf}`);
    }
  } else {
    index = ordered.map((w) => w.responses.length > 0).lastIndexOf(true);
  }
  const current = index >= 0 ? ordered[index] : undefined;
  const previous = index > 0 ? ordered[index - 1] : undefined;
  const windowStart = new Map<number, string>();
  const memos = new Map<string, unknown>();
  return {
    doc,
    asOf,
    thresholds: withThresholds(options.thresholds),
    memberById,
    activeMembers,
    agencyOf: new Map(doc.members.map((m) => [m.id, m.agencyId])),
    professionOf: new Map(doc.members.map((m) => [m.id, m.professionId])),
    wave: current?.wave ?? null,
    previousWave: previous?.wave ?? null,
    responses: current?.responses ?? [],
    previousResponses: previous?.responses ?? [],
    inWindow(date, months) {
      let start = windowStart.get(months);
      if (start === undefined) {
        start = addMonths(asOf, -months);
        windowStart.set(months, start);
      }
      const day = date.slice(0, 10);
      return day > start && day <= asOf;
    },
    memo<T>(key: string, compute: () => T): T {
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key) as T;
    },
  };
}

/** Error codes of the analysis. */
export type AnalysisErrorCode = 'unknown_wave' | 'invalid_option';

/** A problem with what the analysis was asked to do (not with the document). */
export class AnalysisError extends Error {
  constructor(
    readonly code: AnalysisErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AnalysisError';
  }
}

/**
 * The communications as flat arrays, built in one pass over them per diagnosis and shared by
 * the analyses that read them all (networks, Frost levels, who was told): 100,000 records
 * are then walked as numbers, not objects.
 */
export interface CommunicationTable {
  /** The distinct dates, sorted. */
  readonly dates: readonly string[];
  /** Per communication: its date's position in `dates` (ranks compare as the dates do). */
  readonly dateRank: Int32Array;
  /** Per communication: the sender's position in doc.members, −1 for no member. */
  readonly sender: Int32Array;
  /**
   * Recipients of communication k: `recipient[recipientStart[k]]` up to before
   * `recipient[recipientStart[k + 1]]`, as positions in doc.members, each once, in the order
   * listed; the sender and ids of no member are left out.
   */
  readonly recipientStart: Int32Array;
  readonly recipient: Int32Array;
}

/** Position of each member id in doc.members (memoised per diagnosis). */
export function memberPositions(ctx: AnalysisContext): ReadonlyMap<string, number> {
  return ctx.memo('context:memberPositions', () => {
    const out = new Map<string, number>();
    ctx.doc.members.forEach((m, i) => {
      if (!out.has(m.id)) out.set(m.id, i);
    });
    return out;
  });
}

/** The {@link CommunicationTable} of the document (memoised per diagnosis). */
export function communicationTable(ctx: AnalysisContext): CommunicationTable {
  return ctx.memo('context:communicationTable', () => {
    const comms = ctx.doc.communications;
    const position = memberPositions(ctx);
    const dateId = new Map<string, number>();
    const dateOf = new Int32Array(comms.length);
    const sender = new Int32Array(comms.length);
    const recipientStart = new Int32Array(comms.length + 1);
    let recipient = new Int32Array(comms.length * 2 + 16);
    let count = 0;
    for (let k = 0; k < comms.length; k++) {
      const c = comms[k]!;
      let d = dateId.get(c.date);
      if (d === undefined) {
        d = dateId.size;
        dateId.set(c.date, d);
      }
      dateOf[k] = d;
      sender[k] = position.get(c.fromId) ?? -1;
      const to = c.toIds;
      for (let x = 0; x < to.length; x++) {
        const id = to[x]!;
        const r = position.get(id);
        if (r === undefined || id === c.fromId || to.indexOf(id) !== x) continue;
        if (count === recipient.length) {
          const bigger = new Int32Array(recipient.length * 2);
          bigger.set(recipient);
          recipient = bigger;
        }
        recipient[count++] = r;
      }
      recipientStart[k + 1] = count;
    }
    const dates = [...dateId.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const rankOfId = new Int32Array(dates.length);
    dates.forEach((date, rank) => (rankOfId[dateId.get(date)!] = rank));
    const dateRank = dateOf.map((id) => rankOfId[id]!);
    return { dates, dateRank, sender, recipientStart, recipient: recipient.slice(0, count) };
  });
}

/**
 * Positions (in document order) of the communications dated in the `months` before the as-of
 * date (memoised per diagnosis and window).
 */
export function communicationsInWindow(ctx: AnalysisContext, months: number): Int32Array {
  return ctx.memo(`context:communicationsInWindow:${months}`, () => {
    const table = communicationTable(ctx);
    const inWindow = table.dates.map((date) => ctx.inWindow(date, months));
    const out = new Int32Array(table.dateRank.length);
    let count = 0;
    for (let k = 0; k < table.dateRank.length; k++)
      if (inWindow[table.dateRank[k]!]) out[count++] = k;
    return out.slice(0, count);
  });
}
