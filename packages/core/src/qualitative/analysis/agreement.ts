import type { Coding, Source } from '../../document/schema.js';
import { AnalysisError } from '../../analysis/context.js';
import { cohenKappa, fleissKappa } from '../../stats/kappa.js';
import { krippendorffAlpha } from '../../stats/krippendorff.js';
import { percentAgreement } from '../../stats/percent-agreement.js';
import type { Estimate, UndefinedReason } from '../../stats/result.js';
import { unitizedAlpha, type UnitizedSegment } from '../../stats/unitizing.js';
import { checkIds, codebookOrder, codePointText, type QualitativeDocument } from './internal.js';

/** The agreement measures, by the names the CLI's `--measure` takes. */
export const AGREEMENT_MEASURES = ['percent', 'kappa', 'fleiss', 'alpha', 'alpha-u'] as const;
/** One agreement measure: percent agreement, Cohen's κ, Fleiss' κ, Krippendorff's α, α_U. */
export type AgreementMeasure = (typeof AGREEMENT_MEASURES)[number];

/** How the text is cut into units for the categorical measures. */
export type AgreementUnitKind = 'turns' | 'paragraphs';

/** Options of {@link codingAgreement}. */
export interface CodingAgreementOptions {
  /** The coders compared (ids), at least two. */
  readonly coders: readonly string[];
  /** Sources compared. Default: every source; either way only sources every coder coded. */
  readonly sourceIds?: readonly string[];
  /** Codes compared, shown in codebook order. Default: every code one of the coders used. */
  readonly codeIds?: readonly string[];
  /**
   * Measures computed. Default: all of them, Cohen's κ only for exactly two coders (asking for
   * 'kappa' with more coders is an `invalid_option` error).
   */
  readonly measures?: readonly AgreementMeasure[];
  /**
   * Units of the categorical measures: 'turns' (default) takes each speaker turn of a source
   * that has turns, and each paragraph of one that has none; 'paragraphs' always paragraphs.
   */
  readonly units?: AgreementUnitKind;
}

/** The agreement on one code. */
export interface CodeAgreement {
  readonly codeId: string;
  readonly name: string;
  /** Names from the codebook root down to this code. */
  readonly path: readonly string[];
  /** Units each coder applied the code to, in the order of `coders`. */
  readonly applied: readonly number[];
  /** Segments each coder coded with it in the sources compared, in the order of `coders`. */
  readonly segments: readonly number[];
  readonly measures: Readonly<Partial<Record<AgreementMeasure, Estimate>>>;
}

/** Result of {@link codingAgreement}. */
export interface CodingAgreement {
  readonly coders: readonly string[];
  readonly measures: readonly AgreementMeasure[];
  readonly unitKind: AgreementUnitKind;
  /** Sources compared (coded by every coder), in document order. */
  readonly sources: readonly string[];
  /** Sources in scope left out because some coder made no coding in them. */
  readonly skippedSources: readonly {
    readonly sourceId: string;
    readonly uncodedBy: readonly string[];
  }[];
  /** Units of the categorical measures over the sources compared. */
  readonly units: number;
  /** Code points of the α_U continuum (the sources compared, end to end). */
  readonly continuum: number;
  /** Per code, in codebook order. */
  readonly codes: readonly CodeAgreement[];
  /** Pooled over the codes (see {@link codingAgreement}). */
  readonly overall: Readonly<Partial<Record<AgreementMeasure, Estimate>>>;
}

/** A span of one source that the categorical measures code as present or absent. */
interface Unit {
  readonly start: number;
  readonly end: number;
}

const estimate = (value: number | null, reason: UndefinedReason = 'empty'): Estimate =>
  value === null ? { value: null, reason } : { value };

const pick = (r: Estimate): Estimate =>
  r.value === null ? { value: null, reason: r.reason } : { value: r.value };

/** Non-blank lines of a text as code-point spans (the line break itself is in no unit). */
function paragraphUnits(text: string): Unit[] {
  const units: Unit[] = [];
  let cp = 0;
  let lineStart = 0;
  let blank = true;
  for (const ch of text) {
    if (ch === '\n') {
      if (!blank) units.push({ start: lineStart, end: cp });
      lineStart = cp + 1;
      blank = true;
    } else if (blank && !/\s/u.test(ch)) {
      blank = false;
    }
    cp++;
  }
  if (!blank) units.push({ start: lineStart, end: cp });
  return units;
}

/** Speaker turns, plus each stretch outside every turn that holds more than white space. */
function turnUnits(source: Source): Unit[] {
  const turns = [...source.turns]
    .map((t) => ({ start: t.start, end: t.end }))
    .filter((t) => t.end > t.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const units: Unit[] = [];
  const text = codePointText(source.text);
  const addGap = (start: number, end: number) => {
    if (end > start && /\S/u.test(text.slice(start, end))) units.push({ start, end });
  };
  let covered = 0;
  for (const t of turns) {
    const last = units[units.length - 1];
    if (last !== undefined && last.start === t.start && last.end === t.end) continue;
    addGap(covered, t.start);
    units.push(t);
    covered = Math.max(covered, t.end);
  }
  addGap(covered, text.length);
  return units;
}

/**
 * Marks the units each coding touches. Units are sorted by start; with the running maximum of
 * their ends, the walk back from the last unit starting before the coding's end stops as soon
 * as no earlier unit can reach the coding's start (units may overlap when turns do).
 */
function unitMarker(units: readonly Unit[]): (coding: Unit, mark: (u: number) => void) => void {
  const starts = units.map((u) => u.start);
  const reach: number[] = [];
  let max = -1;
  for (const u of units) {
    max = Math.max(max, u.end);
    reach.push(max);
  }
  return (coding, mark) => {
    // Last unit whose start lies before the coding's end (at its point, for an empty coding).
    const limit = coding.end > coding.start ? coding.end - 1 : coding.start;
    let lo = 0;
    let hi = starts.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] as number) <= limit) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (let i = last; i >= 0 && (reach[i] as number) > coding.start; i--) {
      if ((units[i] as Unit).end > coding.start) mark(i);
    }
  };
}

/** One coder's segments of one code, overlapping ones merged (α_U needs them disjoint). */
function mergedSegments(
  codings: readonly Coding[],
  base: number,
  category: string,
): UnitizedSegment[] {
  const spans = codings
    .filter((c) => c.end > c.start)
    .map((c) => ({ start: c.start, end: c.end }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && s.start < last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged.map((s) => ({ offset: base + s.start, length: s.end - s.start, category }));
}

/** Mean of per-code components weighted by their units: Σ wᵢxᵢ / Σ wᵢ. */
function weighted(parts: readonly { w: number; x: number }[]): number | null {
  let sw = 0;
  let sx = 0;
  for (const p of parts) {
    sw += p.w;
    sx += p.w * p.x;
  }
  return sw === 0 ? null : sx / sw;
}

/** Chance-corrected ratio (p_o − p_e)/(1 − p_e) of pooled agreements, or why it has none. */
function pooledKappa(parts: readonly { n: number; po: number; pe: number }[]): Estimate {
  const po = weighted(parts.map((p) => ({ w: p.n, x: p.po })));
  const pe = weighted(parts.map((p) => ({ w: p.n, x: p.pe })));
  if (po === null || pe === null) return estimate(null, 'empty');
  if (pe >= 1) return estimate(null, 'no-expected-disagreement');
  return estimate((po - pe) / (1 - pe));
}

/**
 * Inter-coder agreement per code and overall, for coders who coded the same sources.
 *
 * Categorical measures (percent agreement, Cohen's κ, Fleiss' κ, Krippendorff's nominal α):
 * for each code, the units are fixed before coding, independent of where coders put their
 * boundaries (Krippendorff 2004, ch. 5; Campbell et al. 2013): each speaker turn of a source
 * with turns (plus any stretch of text outside every turn), else each paragraph (non-blank
 * line). A coder's value for a unit is 1 when they applied the code to any part of it, else 0
 * — presence/absence of each code per unit, as Hruschka et al. (2004) report κ per code.
 * Codes are compared as coded: a child code does not count for its parent.
 *
 * α_U (Krippendorff 1995, 2004) needs no units: the sources compared are laid end to end as
 * one continuum of code points and each coder's segments of each code (overlapping ones of a
 * coder merged) are its units; the core's `unitizedAlpha` gives α_U per code and over all.
 *
 * Only sources in which every coder made at least one coding are compared (a source nobody
 * opened says nothing about agreement); the rest are listed in `skippedSources`.
 *
 * Overall: 1 − (pooled observed disagreement)/(pooled expected disagreement), each pooled as
 * the unit-weighted mean over codes — for κ the pooled κ of de Vries et al. (2008),
 * (p̄_o − p̄_e)/(1 − p̄_e); for α, 1 − D̄_o/D̄_e; for α_U the all-categories value, whose D_O and
 * D_E are the means over codes. Percent agreement overall is agreements over all unit × code
 * pairs. A code nobody applied changes none of the chance-corrected overall values.
 * Undefined values are `{ value: null, reason }` as in the core statistics.
 */
export function codingAgreement(
  doc: QualitativeDocument,
  options: CodingAgreementOptions,
): CodingAgreement {
  const q = doc.qualitative;
  const coders = [...options.coders];
  if (new Set(coders).size !== coders.length) {
    throw new AnalysisError('invalid_option', 'coders: a coder is named twice');
  }
  if (coders.length < 2) {
    throw new AnalysisError('invalid_option', 'coders: agreement needs at least two coders');
  }
  checkIds('coder', 'coders', coders, new Set(q.coders.map((c) => c.id)));
  checkIds('source', 'sourceIds', options.sourceIds, new Set(q.sources.map((s) => s.id)));
  checkIds('code', 'codeIds', options.codeIds, new Set(q.codes.map((c) => c.id)));
  for (const m of options.measures ?? []) {
    if (!(AGREEMENT_MEASURES as readonly string[]).includes(m)) {
      throw new AnalysisError(
        'invalid_option',
        `measures: "${String(m)}" is not one of ${AGREEMENT_MEASURES.join(', ')}`,
      );
    }
  }
  if (options.measures?.includes('kappa') && coders.length !== 2) {
    throw new AnalysisError(
      'invalid_option',
      `measures: Cohen's κ compares exactly two coders (${coders.length} given); use Fleiss' κ or α`,
    );
  }
  const measures = AGREEMENT_MEASURES.filter((m) =>
    options.measures ? options.measures.includes(m) : m !== 'kappa' || coders.length === 2,
  );
  const unitKind = options.units ?? 'turns';
  if (unitKind !== 'turns' && unitKind !== 'paragraphs') {
    throw new AnalysisError('invalid_option', "units: must be 'turns' or 'paragraphs'");
  }

  // Sources: in scope, and coded (any code) by every coder.
  const coderIndex = new Map(coders.map((c, i) => [c, i]));
  const inScope = options.sourceIds ? new Set(options.sourceIds) : null;
  const codedBy = new Map<string, Set<string>>();
  for (const c of q.codings) {
    if (!coderIndex.has(c.coderId)) continue;
    const set = codedBy.get(c.sourceId) ?? new Set<string>();
    set.add(c.coderId);
    codedBy.set(c.sourceId, set);
  }
  const sources: Source[] = [];
  const skippedSources: { sourceId: string; uncodedBy: string[] }[] = [];
  for (const s of q.sources) {
    if (inScope !== null && !inScope.has(s.id)) continue;
    const set = codedBy.get(s.id);
    const uncodedBy = coders.filter((c) => !set?.has(c));
    if (uncodedBy.length === 0) sources.push(s);
    else skippedSources.push({ sourceId: s.id, uncodedBy });
  }
  const sourceIndex = new Map(sources.map((s, i) => [s.id, i]));

  // Codes: as asked, else every code a coder used in the sources compared; codebook order.
  const asked = options.codeIds ? new Set(options.codeIds) : null;
  const used = new Set<string>();
  const relevant: Coding[] = [];
  for (const c of q.codings) {
    if (!coderIndex.has(c.coderId) || !sourceIndex.has(c.sourceId)) continue;
    if (asked !== null && !asked.has(c.codeId)) continue;
    used.add(c.codeId);
    relevant.push(c);
  }
  const codes = codebookOrder(q.codes).filter(({ code }) =>
    asked !== null ? asked.has(code.id) : used.has(code.id),
  );
  const codeIndex = new Map(codes.map(({ code }, i) => [code.id, i]));

  // Units and the α_U continuum.
  const unitsOf = sources.map((s) =>
    unitKind === 'turns' && s.turns.length > 0 ? turnUnits(s) : paragraphUnits(s.text),
  );
  const unitBase: number[] = [];
  let totalUnits = 0;
  const continuumBase: number[] = [];
  let continuum = 0;
  sources.forEach((s, i) => {
    unitBase.push(totalUnits);
    totalUnits += unitsOf[i]?.length ?? 0;
    continuumBase.push(continuum);
    continuum += codePointText(s.text).length;
  });
  const markers = unitsOf.map(unitMarker);

  // present[code][coder] = a 0/1 flag per unit; grouped[code][coder] = that coder's codings.
  const present = codes.map(() => coders.map(() => new Uint8Array(totalUnits)));
  const grouped = codes.map(() => coders.map((): Coding[] => []));
  for (const c of relevant) {
    const k = codeIndex.get(c.codeId);
    const r = coderIndex.get(c.coderId);
    const s = sourceIndex.get(c.sourceId);
    if (k === undefined || r === undefined || s === undefined) continue;
    grouped[k]?.[r]?.push(c);
    const flags = present[k]?.[r];
    const base = unitBase[s] ?? 0;
    if (flags) markers[s]?.(c, (u) => (flags[base + u] = 1));
  }

  const want = new Set(measures);
  const perCode: CodeAgreement[] = [];
  const pooled = {
    percent: { agreements: 0, subjects: 0 },
    kappa: [] as { n: number; po: number; pe: number }[],
    fleiss: [] as { n: number; po: number; pe: number }[],
    alpha: [] as { n: number; dO: number; dE: number }[],
  };
  let unitizing: ReturnType<typeof unitizedAlpha> | null = null;
  if (want.has('alpha-u') && codes.length > 0 && continuum > 0) {
    unitizing = unitizedAlpha({
      continuum: { begin: 0, length: continuum },
      coders: coders.map((_, r) =>
        codes.flatMap(({ code }, k) =>
          sources.flatMap((s, si) =>
            mergedSegments(
              (grouped[k]?.[r] ?? []).filter((c) => c.sourceId === s.id),
              continuumBase[si] ?? 0,
              code.id,
            ),
          ),
        ),
      ),
    });
  }

  codes.forEach(({ code, path }, k) => {
    const flags = present[k] ?? [];
    const matrix: number[][] = [];
    for (let u = 0; u < totalUnits; u++) matrix.push(flags.map((f) => f[u] ?? 0));
    const result: Partial<Record<AgreementMeasure, Estimate>> = {};
    if (want.has('percent')) {
      const r = percentAgreement(matrix);
      pooled.percent.agreements += r.agreements;
      pooled.percent.subjects += r.subjects;
      result.percent = pick(r);
    }
    if (want.has('kappa')) {
      const r = cohenKappa([matrix.map((row) => row[0] ?? 0), matrix.map((row) => row[1] ?? 0)]);
      if (r.observedAgreement !== null && r.expectedAgreement !== null) {
        pooled.kappa.push({ n: r.subjects, po: r.observedAgreement, pe: r.expectedAgreement });
      }
      result.kappa = pick(r);
    }
    if (want.has('fleiss')) {
      const r = fleissKappa(matrix);
      if (r.observedAgreement !== null && r.expectedAgreement !== null) {
        pooled.fleiss.push({ n: r.subjects, po: r.observedAgreement, pe: r.expectedAgreement });
      }
      result.fleiss = pick(r);
    }
    if (want.has('alpha')) {
      const r = krippendorffAlpha(matrix, { level: 'nominal' });
      if (r.observed !== null && r.expected !== null) {
        pooled.alpha.push({ n: r.pairableValues, dO: r.observed, dE: r.expected });
      }
      result.alpha = pick(r);
    }
    if (want.has('alpha-u')) {
      const cat = unitizing?.categories.find((c) => c.category === code.id);
      result['alpha-u'] = cat ? pick(cat) : estimate(null, 'empty');
    }
    perCode.push({
      codeId: code.id,
      name: code.name,
      path,
      applied: flags.map((f) => f.reduce((s, x) => s + x, 0)),
      segments: (grouped[k] ?? []).map((list) => list.length),
      measures: result,
    });
  });

  const overall: Partial<Record<AgreementMeasure, Estimate>> = {};
  if (want.has('percent')) {
    const { agreements, subjects } = pooled.percent;
    overall.percent = subjects === 0 ? estimate(null, 'empty') : estimate(agreements / subjects);
  }
  if (want.has('kappa')) overall.kappa = pooledKappa(pooled.kappa);
  if (want.has('fleiss')) overall.fleiss = pooledKappa(pooled.fleiss);
  if (want.has('alpha')) {
    const dO = weighted(pooled.alpha.map((p) => ({ w: p.n, x: p.dO })));
    const dE = weighted(pooled.alpha.map((p) => ({ w: p.n, x: p.dE })));
    overall.alpha =
      dO === null || dE === null
        ? estimate(null, 'empty')
        : dE === 0
          ? estimate(null, 'no-expected-disagreement')
          : estimate(1 - dO / dE);
  }
  if (want.has('alpha-u'))
    overall['alpha-u'] = unitizing ? pick(unitizing) : estimate(null, 'empty');

  return {
    coders,
    measures,
    unitKind,
    sources: sources.map((s) => s.id),
    skippedSources,
    units: totalUnits,
    continuum,
    codes: perCode,
    overall,
  };
}
