import { z } from 'zod';
import type { DocumentIssue } from '../document/issues.js';
import { AGREE5 } from './instrument.js';

/**
 * Survey responses gathered in another tool, read from CSV: an RFC 4180 parser and the
 * mapping of columns to instrument items. Pure: the caller checks references against the
 * collaboration and stores what is taken.
 */

/** An answer to a scale item: 1–5, "don't know", or explicitly unanswered. */
export type CsvAnswer = 1 | 2 | 3 | 4 | 5 | 'dontKnow' | null;

/** Targets a column can be mapped to besides an item id. */
export const CSV_FIELD_TARGETS = [
  'respondentMemberId',
  'submittedAt',
  'goal.choice',
  'goal.text',
  'ignore',
] as const;
export type CsvFieldTarget = (typeof CSV_FIELD_TARGETS)[number];

const answerSchema = z.union([z.number().int().min(1).max(5), z.literal('dontKnow'), z.null()]);

/**
 * How to read a file: each column (by its header text) goes to an item id or to one of
 * {@link CSV_FIELD_TARGETS}; `values` adds or overrides labels read as answers (matched
 * ignoring case, spacing and curly quotes); `delimiter` defaults to a comma.
 */
export const responseCsvMappingSchema = z.strictObject({
  columns: z.record(z.string().max(300), z.string().min(1).max(120)),
  values: z.record(z.string().max(300), answerSchema).default({}),
  delimiter: z.enum([',', ';', '\t']).default(','),
});
export type ResponseCsvMapping = z.output<typeof responseCsvMappingSchema>;
export type ResponseCsvMappingInput = z.input<typeof responseCsvMappingSchema>;

/** One parsed CSV record with its 1-based row number (the header is row 1). */
export interface CsvRecord {
  readonly row: number;
  readonly cells: readonly string[];
  /** Set when the record broke the quoting rules but could still be split into cells. */
  readonly malformed?: string;
}

/** The outcome of {@link parseCsv}: every record, or why the file cannot be read at all. */
export type CsvParseResult =
  | { readonly ok: true; readonly records: CsvRecord[] }
  | { readonly ok: false; readonly issues: DocumentIssue[] };

/**
 * Splits CSV text into records (RFC 4180): fields optionally quoted with `"`, a doubled
 * quote inside quotes standing for one, CRLF, LF or CR line ends, a leading byte-order mark
 * dropped. Row numbers count records, so a quoted line break does not shift them; a quote
 * left open at the end of the text makes the file unreadable.
 */
export function parseCsv(text: string, options: { delimiter?: string } = {}): CsvParseResult {
  const delimiter = options.delimiter ?? ',';
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let cells: string[] = [];
  let cell = '';
  let malformed: string | undefined;
  let row = 1;
  let quotedStartRow = 0;
  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  const endRecord = () => {
    endCell();
    records.push(malformed === undefined ? { row, cells } : { row, cells, malformed });
    cells = [];
    malformed = undefined;
    row++;
  };
  while (i < n) {
    const ch = text[i];
    if (ch === '"' && cell === '') {
      // A quoted field: read to the closing quote; "" inside stands for one quote.
      quotedStartRow = row;
      i++;
      let closed = false;
      while (i < n) {
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        cell += q;
        i++;
      }
      if (!closed) {
        return {
          ok: false,
          issues: [
            {
              code: 'invalid_format',
              path: `row ${quotedStartRow}`,
              message: 'a quoted field is opened here and never closed',
            },
          ],
        };
      }
      // Anything other than a delimiter or a line end after the closing quote breaks the rules.
      const next = text[i];
      if (i < n && next !== delimiter && next !== '\n' && next !== '\r') {
        malformed ??= 'has text after a closing quote';
      }
      continue;
    }
    if (ch === delimiter) {
      endCell();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      if (ch === '"') malformed ??= 'has a quote inside a field that is not quoted';
      cell += ch;
      i++;
    }
  }
  // The last record, unless the text ended with a line break.
  if (cell !== '' || cells.length > 0) endRecord();
  return { ok: true, records };
}

/** One response as read from a row, before references are checked. */
export interface CsvResponseRow {
  readonly row: number;
  readonly answers: Record<string, CsvAnswer>;
  readonly respondentMemberId?: string;
  readonly submittedAt?: string;
  readonly goal?: { choice: 'joint' | 'agency' | 'other'; text: string };
}

/** A row that was not taken, with every reason. */
export interface CsvRejectedRow {
  readonly row: number;
  readonly issues: DocumentIssue[];
}

/** What the caller knows about the wave and the collaboration. */
export interface CsvResponseContext {
  /** Item ids a column may be mapped to (the built-in items and the collaboration's own). */
  readonly itemIds: ReadonlySet<string>;
  /** Anonymous waves keep no respondent; identified ones need a respondent column. */
  readonly mode: 'anonymous' | 'identified';
  /** Members, so a respondent cell may hold a member id or a member's exact display name. */
  readonly members: readonly { readonly id: string; readonly displayName: string }[];
}

/** The outcome of {@link responsesFromCsv}. */
export type CsvResponsesResult =
  | {
      readonly ok: true;
      readonly rows: CsvResponseRow[];
      readonly rejected: CsvRejectedRow[];
      /** Header columns the mapping does not mention; their cells are not read. */
      readonly unmappedColumns: string[];
    }
  | { readonly ok: false; readonly issues: DocumentIssue[] };

const normalise = (label: string) =>
  label
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** The labels read as answers unless the mapping says otherwise: AGREE5's words and 1–5. */
export function defaultAnswerLabels(): Map<string, CsvAnswer> {
  const labels = new Map<string, CsvAnswer>();
  AGREE5.labels.forEach((label, i) => labels.set(normalise(label), (i + 1) as CsvAnswer));
  labels.set(normalise(AGREE5.dontKnow), 'dontKnow');
  labels.set('dont know', 'dontKnow');
  labels.set('dontknow', 'dontKnow');
  for (const v of [1, 2, 3, 4, 5] as const) labels.set(String(v), v);
  return labels;
}

/**
 * Reads responses from CSV text with a column mapping: returns every row it can take and
 * every row it cannot (with each problem, its column and the value found), or the problems
 * that make the whole file or mapping unusable. Blank rows are skipped.
 */
export function responsesFromCsv(
  text: string,
  mappingInput: unknown,
  context: CsvResponseContext,
): CsvResponsesResult {
  const parsedMapping = responseCsvMappingSchema.safeParse(mappingInput);
  if (!parsedMapping.success) {
    return {
      ok: false,
      issues: parsedMapping.error.issues.map((issue) => ({
        code: issue.code === 'unrecognized_keys' ? 'unrecognized_key' : 'invalid_value',
        path: ['mapping', ...issue.path].map(String).join('.'),
        message: issue.message,
      })),
    };
  }
  const mapping = parsedMapping.data;
  const parsed = parseCsv(text, { delimiter: mapping.delimiter });
  if (!parsed.ok) return parsed;
  const [header, ...body] = parsed.records;
  if (!header || header.cells.every((c) => c.trim() === '')) {
    return {
      ok: false,
      issues: [{ code: 'invalid_format', path: 'row 1', message: 'the file has no header row' }],
    };
  }

  const issues: DocumentIssue[] = [];
  const names = header.cells.map((c) => c.trim());
  const seen = new Set<string>();
  names.forEach((name, index) => {
    if (name === '') return;
    if (seen.has(name))
      issues.push({
        code: 'duplicate_id',
        path: `row 1`,
        message: `column "${name}" appears more than once (column ${index + 1}), so it cannot be mapped by name`,
      });
    seen.add(name);
  });
  const targets = new Map<number, string>();
  const used = new Map<string, string>();
  for (const [column, target] of Object.entries(mapping.columns)) {
    const index = names.indexOf(column.trim());
    const path = `mapping.columns.${column}`;
    if (index < 0) {
      issues.push({
        code: 'unknown_reference',
        path,
        message: `the file has no column "${column}"`,
      });
      continue;
    }
    const isField = (CSV_FIELD_TARGETS as readonly string[]).includes(target);
    if (!isField && !context.itemIds.has(target)) {
      issues.push({
        code: 'unknown_reference',
        path,
        message: `"${target}" is not an item of the survey instrument nor one of ${CSV_FIELD_TARGETS.join(', ')}`,
      });
      continue;
    }
    if (target === 'ignore') continue;
    const prior = used.get(target);
    if (prior !== undefined) {
      issues.push({
        code: 'duplicate_id',
        path,
        message: `"${target}" is already read from column "${prior}"`,
      });
      continue;
    }
    used.set(target, column);
    targets.set(index, target);
  }
  if (context.mode === 'anonymous' && used.has('respondentMemberId')) {
    issues.push({
      code: 'inconsistent',
      path: `mapping.columns.${used.get('respondentMemberId')}`,
      message: 'an anonymous wave keeps no respondent: map this column to "ignore"',
    });
  }
  if (context.mode === 'identified' && !used.has('respondentMemberId')) {
    issues.push({
      code: 'inconsistent',
      path: 'mapping.columns',
      message: 'an identified wave needs a column mapped to "respondentMemberId" (member ids)',
    });
  }
  if (issues.length > 0) return { ok: false, issues };

  const labels = defaultAnswerLabels();
  for (const [label, value] of Object.entries(mapping.values))
    labels.set(normalise(label), value as CsvAnswer);
  const memberIds = new Set(context.members.map((m) => m.id));
  const byName = new Map<string, string | null>();
  for (const m of context.members) {
    const key = normalise(m.displayName);
    // Two members with one name cannot be told apart by it.
    byName.set(key, byName.has(key) ? null : m.id);
  }

  const rows: CsvResponseRow[] = [];
  const rejected: CsvRejectedRow[] = [];
  for (const record of body) {
    if (record.cells.every((c) => c.trim() === '')) continue;
    const rowIssues: DocumentIssue[] = [];
    const add = (code: DocumentIssue['code'], column: string, message: string) =>
      rowIssues.push({ code, path: column, message });
    if (record.malformed !== undefined) add('invalid_format', '(row)', record.malformed);
    if (record.cells.length > names.length)
      add(
        'out_of_range',
        '(row)',
        `has ${record.cells.length} cells but the header names ${names.length} columns`,
      );
    const answers: Record<string, CsvAnswer> = {};
    let respondentMemberId: string | undefined;
    let submittedAt: string | undefined;
    let goalChoice: 'joint' | 'agency' | 'other' | undefined;
    let goalText = '';
    for (const [index, target] of targets) {
      const column = names[index] ?? '';
      const raw = record.cells[index] ?? '';
      const value = raw.trim();
      switch (target) {
        case 'respondentMemberId': {
          if (value === '') add('invalid_type', column, 'is required: the respondent’s member id');
          else if (memberIds.has(value)) respondentMemberId = value;
          else {
            const id = byName.get(normalise(value));
            if (id) respondentMemberId = id;
            else
              add(
                'unknown_reference',
                column,
                id === null
                  ? `"${value}" names more than one member: use the member id`
                  : `"${value}" is not a member of this collaboration`,
              );
          }
          break;
        }
        case 'submittedAt': {
          if (value === '') break;
          const at = isoDateTime(value);
          if (at) submittedAt = at;
          else
            add(
              'invalid_format',
              column,
              `"${value}" is not a date and time (write 2025-03-05T17:00:00Z or 2025-03-05)`,
            );
          break;
        }
        case 'goal.choice': {
          if (value === '') break;
          const choice = normalise(value);
          if (choice === 'joint' || choice === 'agency' || choice === 'other') goalChoice = choice;
          else add('invalid_value', column, `"${value}" must be one of joint, agency, other`);
          break;
        }
        case 'goal.text':
          goalText = value;
          if (goalText.length > 2000)
            add('out_of_range', column, 'must be at most 2000 characters');
          break;
        default: {
          if (value === '') break;
          const key = normalise(value);
          // A label may map to null (unanswered), so ask whether it is known, not what it holds.
          const answer = labels.has(key) ? labels.get(key) : numericAnswer(value);
          if (answer === undefined)
            add(
              'invalid_value',
              column,
              `"${value}" is not an answer on the 1–5 scale (add it to the mapping's values)`,
            );
          else answers[target] = answer;
        }
      }
    }
    if (goalChoice === undefined && goalText !== '')
      add(
        'inconsistent',
        used.get('goal.text') ?? 'goal.text',
        'goal text needs a goal choice (joint, agency or other) in the goal.choice column',
      );
    if (rowIssues.length > 0) {
      rejected.push({ row: record.row, issues: rowIssues });
      continue;
    }
    rows.push({
      row: record.row,
      answers,
      ...(respondentMemberId === undefined ? {} : { respondentMemberId }),
      ...(submittedAt === undefined ? {} : { submittedAt }),
      ...(goalChoice === undefined ? {} : { goal: { choice: goalChoice, text: goalText } }),
    });
  }
  const unmappedColumns = names.filter(
    (name) => name !== '' && !Object.keys(mapping.columns).some((c) => c.trim() === name),
  );
  return { ok: true, rows, rejected, unmappedColumns };
}

function numericAnswer(value: string): CsvAnswer | undefined {
  const m = /^([1-5])(?:\.0+)?$/.exec(value);
  return m ? (Number(m[1]) as CsvAnswer) : undefined;
}

/**
 * An ISO 8601 date-time with offset (`Z` when none was written): accepts a full date-time
 * with `T` or a space, with or without seconds and offset, or a bare date (midnight UTC).
 */
export function isoDateTime(value: string): string | null {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(
      value,
    );
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  let offset = 'Z';
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    if (Number(digits.slice(1, 3)) > 23 || Number(digits.slice(3, 5)) > 59) return null;
    offset = `${digits.slice(0, 3)}:${digits.slice(3, 5)}`;
  }
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`;
}
