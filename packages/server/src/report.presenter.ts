import { stringify } from 'csv-stringify/sync';
import type { EvidenceRef, IndicatorResult, NetworkReport, Wave } from '@weframe/core';
import type { DiagnosisParts, NetworkParts } from './diagnosis.service.js';

/**
 * What the report routes send: the dashboard's summary of a diagnosis, and CSV files of
 * indicators, network ties and survey answers. Every CSV cell a spreadsheet could read as a
 * formula (starting with =, +, -, @, a tab or a carriage return, or their full-width forms)
 * is prefixed with an apostrophe; negative numbers stay numbers.
 */

/** Most evidence references the summary lists per element and per indicator. */
export const SUMMARY_EVIDENCE_LIMIT = 20;
/** Most coded quotes the summary lists per element. */
export const SUMMARY_QUOTE_LIMIT = 10;

/** An indicator in the summary: its evidence cut to the first few, with the full count. */
export type SummaryIndicator = Omit<IndicatorResult, 'evidence'> & {
  readonly evidence: readonly EvidenceRef[];
  /** How many evidence references the indicator has in all (the list holds the first ones). */
  readonly evidenceTotal: number;
};

/** An element in the summary: evidence and quotes cut to the first few, with full counts. */
export type SummaryElement = Omit<
  DiagnosisParts['elements'][number],
  'indicators' | 'evidence' | 'quotes'
> & {
  readonly indicators: readonly SummaryIndicator[];
  readonly evidence: readonly EvidenceRef[];
  readonly evidenceTotal: number;
  readonly quotes: DiagnosisParts['elements'][number]['quotes'];
  readonly quotesTotal: number;
};

/** `GET /api/collaborations/:id/diagnosis/summary`. */
export type DiagnosisSummary = Omit<DiagnosisParts, 'elements'> & {
  readonly elements: readonly SummaryElement[];
  /** How many evidence references and quotes each list holds at most. */
  readonly limits: { readonly evidence: number; readonly quotes: number };
};

/** The dashboard's summary: the redacted parts with long evidence lists cut short. */
export function presentDiagnosisSummary(parts: DiagnosisParts): DiagnosisSummary {
  return {
    collaboration: parts.collaboration,
    asOf: parts.asOf,
    modelVersion: parts.modelVersion,
    engineVersion: parts.engineVersion,
    instrumentVersion: parts.instrumentVersion,
    wave: parts.wave,
    elements: parts.elements.map((e) => ({
      ...e,
      indicators: e.indicators.map((i) => ({
        ...i,
        evidence: i.evidence.slice(0, SUMMARY_EVIDENCE_LIMIT),
        evidenceTotal: i.evidence.length,
      })),
      evidence: e.evidence.slice(0, SUMMARY_EVIDENCE_LIMIT),
      evidenceTotal: e.evidence.length,
      quotes: e.quotes.slice(0, SUMMARY_QUOTE_LIMIT),
      quotesTotal: e.quotes.length,
    })),
    actions: parts.actions,
    teamForm: parts.teamForm,
    confidential: parts.confidential,
    limits: { evidence: SUMMARY_EVIDENCE_LIMIT, quotes: SUMMARY_QUOTE_LIMIT },
  };
}

/** A CSV cell before writing. */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * Rows as CSV for spreadsheets and statistics packages: RFC 4180 quoting, CRLF line ends, a
 * UTF-8 byte-order mark (so Excel reads accents right), formulas defused.
 */
export function csvText(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([header, ...rows] as CsvCell[][], {
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: { boolean: (value) => (value ? 'true' : 'false') },
  });
}

/** A name safe in a Content-Disposition filename: letters, digits, `.`, `_` and `-`. */
export function fileStem(...parts: readonly (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => typeof p === 'string' && p !== '')
    .map((p) => p.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, ''))
    .filter((p) => p !== '')
    .join('-')
    .slice(0, 120);
}

/** The file name of a CSV download: the collaboration's document id, the wave, what it holds. */
export function downloadName(docId: string, what: string, wave?: string): string {
  return `${fileStem(docId, wave, what) || what}.csv`;
}

/** A value as one cell: scalars as they are, lists and tables as JSON. */
function valueCell(value: IndicatorResult['value']): CsvCell {
  if (value === null || typeof value !== 'object') return value;
  return JSON.stringify(value);
}

/** Columns of `indicators.csv`. */
export const INDICATOR_COLUMNS = [
  'element',
  'element_name',
  'context',
  'element_status',
  'element_score',
  'indicator',
  'indicator_name',
  'level',
  'kind',
  'status',
  'value',
  'display',
  'n',
  'minimum',
  'threshold',
  'threshold_rule',
  'respondents',
  'evidence_count',
  'finding',
] as const;

/** One row per indicator of every element, in model order. */
export function indicatorsCsv(parts: DiagnosisParts): string {
  const rows = parts.elements.flatMap((e) =>
    e.indicators.map((i) => [
      e.id,
      e.name,
      e.context,
      e.status,
      e.score,
      i.id,
      i.name,
      i.level,
      i.kind,
      i.status,
      valueCell(i.value),
      i.display,
      i.n,
      i.minimum,
      i.threshold?.id ?? null,
      i.threshold?.rule ?? null,
      i.survey?.respondents ?? null,
      i.evidence.length,
      i.finding,
    ]),
  );
  return csvText(INDICATOR_COLUMNS, rows);
}

/** Columns of `edges-professional.csv`. */
export const PROFESSIONAL_EDGE_COLUMNS = [
  'source',
  'source_label',
  'source_agency',
  'source_profession',
  'target',
  'target_label',
  'target_agency',
  'target_profession',
  'weight',
  'communication',
  'activity',
  'survey',
] as const;

/** Columns of `edges-agency.csv`. */
export const AGENCY_EDGE_COLUMNS = [
  'source',
  'source_label',
  'target',
  'target_label',
  'weight',
  'communication',
  'activity',
  'survey',
  'relation',
] as const;

const count = (row: Readonly<Record<string, unknown>>, key: string): number => {
  const value = row[key];
  return typeof value === 'number' ? value : 0;
};

/** The directed ties of one network level, one row per ordered pair, with node labels. */
export function edgesCsv(networks: NetworkParts, level: 'professional' | 'agency'): string {
  const report: NetworkReport =
    level === 'professional' ? networks.networks.interProfessional : networks.networks.interAgency;
  const nodes = new Map(report.nodes.map((n) => [n.id, n]));
  const label = (id: string) => nodes.get(id)?.label ?? id;
  if (level === 'agency')
    return csvText(
      AGENCY_EDGE_COLUMNS,
      report.ties.map((t) => [
        t.source,
        label(t.source),
        t.target,
        label(t.target),
        t.weight,
        count(t, 'communication'),
        count(t, 'activity'),
        count(t, 'survey'),
        count(t, 'relation'),
      ]),
    );
  return csvText(
    PROFESSIONAL_EDGE_COLUMNS,
    report.ties.map((t) => {
      const from = nodes.get(t.source);
      const to = nodes.get(t.target);
      return [
        t.source,
        label(t.source),
        from?.groupLabel ?? null,
        from?.professionLabel ?? null,
        t.target,
        label(t.target),
        to?.groupLabel ?? null,
        to?.professionLabel ?? null,
        t.weight,
        count(t, 'communication'),
        count(t, 'activity'),
        count(t, 'survey'),
      ];
    }),
  );
}

/** One response as the CSV of a wave's answers shows it. */
export interface ResponseRow {
  /** The response's id in identified waves; its row number in anonymous ones. */
  readonly response: string;
  readonly respondentMemberId: string | null;
  /** The full time in identified waves; the day only in anonymous ones. */
  readonly submitted: string;
  readonly answers: Readonly<Record<string, number | string | null>>;
  readonly goalChoice: string | null;
  readonly goalId: string | null;
  readonly goalText: string | null;
  readonly namedLeadId: string | null;
  readonly ownRoleAreaIds: readonly string[];
  readonly ownRoleText: string | null;
  readonly contacts: readonly unknown[];
}

/**
 * The CSV of a wave's answers: one row per response, one column per question asked. Anonymous
 * waves carry no respondent, no response id and the day only; identified waves add the
 * member, the role question and the colleagues named (as JSON).
 */
export function responsesCsv(
  wave: Pick<Wave, 'mode'>,
  itemIds: readonly string[],
  rows: readonly ResponseRow[],
): string {
  const identified = wave.mode === 'identified';
  const header = [
    'response',
    ...(identified ? ['respondent_member_id', 'submitted_at'] : ['submitted_on']),
    ...itemIds,
    'goal_choice',
    'goal_id',
    'goal_text',
    'named_lead_id',
    ...(identified ? ['own_role_area_ids', 'own_role_text', 'contacts'] : []),
  ];
  return csvText(
    header,
    rows.map((r) => [
      r.response,
      ...(identified ? [r.respondentMemberId, r.submitted] : [r.submitted]),
      ...itemIds.map((id) => r.answers[id] ?? null),
      r.goalChoice,
      r.goalId,
      r.goalText,
      r.namedLeadId,
      ...(identified
        ? [
            r.ownRoleAreaIds.join(';'),
            r.ownRoleText,
            r.contacts.length === 0 ? null : JSON.stringify(r.contacts),
          ]
        : []),
    ]),
  );
}
