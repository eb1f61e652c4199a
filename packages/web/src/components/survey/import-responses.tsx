import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { defaultAnswerLabels, parseCsv, SCALE_ITEMS } from '@weframe/core';
import { ApiError } from '../../api/http.js';
import {
  importResponses,
  type ImportMapping,
  type ImportReport,
  type WaveMode,
} from '../../api/surveys.js';
import { plural } from '../../labels.js';
import { FieldIssues, FormError, issuesAt } from './form-issues.js';

type Delimiter = ',' | ';' | '\t';
type AnswerValue = 1 | 2 | 3 | 4 | 5 | 'dontKnow' | null;

const normalise = (label: string) =>
  label
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

const KNOWN = defaultAnswerLabels();
const known = (value: string) => KNOWN.has(normalise(value)) || /^[1-5](?:\.0+)?$/.test(value);

const FIELD_LABELS: Record<string, string> = {
  ignore: 'Not used',
  respondentMemberId: 'Who answered (member name or id)',
  submittedAt: 'When they answered (date and time)',
  'goal.choice': 'Goal: closest choice (joint, agency or other)',
  'goal.text': 'Goal in their own words',
};

const short = (text: string, max = 70) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A first guess at each column's meaning from its header: item ids, item wordings, dates. */
function guessTarget(header: string, mode: WaveMode): string {
  const h = normalise(header);
  const item = SCALE_ITEMS.find(
    (i) =>
      normalise(i.id) === h || (h.length > 12 && normalise(i.wording).startsWith(h.slice(0, 40))),
  );
  if (item) return item.id;
  if (/\b(member|respondent|who|name)\b/.test(h))
    return mode === 'identified' ? 'respondentMemberId' : 'ignore';
  if (/\b(date|time|timestamp|submitted|completed)\b/.test(h)) return 'submittedAt';
  if (/\bgoal\b/.test(h) && /\b(choice|closest)\b/.test(h)) return 'goal.choice';
  if (/\b(goal|aim)\b/.test(h)) return 'goal.text';
  return 'ignore';
}

function detectDelimiter(text: string): Delimiter {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (d: string) => first.split(d).length;
  return ([',', ';', '\t'] as const).reduce((best, d) => (count(d) > count(best) ? d : best));
}

interface Loaded {
  readonly file: File;
  readonly headers: readonly string[];
  /** Cells of every data row, for finding answers the mapping does not yet read. */
  readonly rows: readonly (readonly string[])[];
}

/**
 * Responses gathered with another survey tool: the facilitator picks the CSV, says what each
 * column holds (and how to read unfamiliar answers); the report lists every row not taken.
 */
export function ImportResponses({
  waveId,
  mode,
  onImported,
}: {
  waveId: string;
  mode: WaveMode;
  onImported: () => void;
}) {
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [delimiter, setDelimiter] = useState<Delimiter>(',');
  const [columns, setColumns] = useState<Record<string, string>>({});
  const [values, setValues] = useState<Record<string, AnswerValue | 'refuse'>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const issues = error instanceof ApiError ? error.issues : [];

  const read = (file: File, content: string, d: Delimiter) => {
    const parsed = parseCsv(content, { delimiter: d });
    if (!parsed.ok) {
      setLoaded(null);
      setFileProblem(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
      return;
    }
    const [header, ...body] = parsed.records;
    const headers = (header?.cells ?? []).map((c) => c.trim());
    if (headers.every((h) => h === '')) {
      setLoaded(null);
      setFileProblem('The file has no header row naming its columns.');
      return;
    }
    setFileProblem(null);
    setLoaded({ file, headers, rows: body.map((r) => r.cells) });
    setColumns(
      Object.fromEntries(headers.filter((h) => h !== '').map((h) => [h, guessTarget(h, mode)])),
    );
    setValues({});
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setReport(null);
    setError(null);
    if (!file) return;
    const content = await file.text();
    const d = detectDelimiter(content);
    setText(content);
    setDelimiter(d);
    read(file, content, d);
  };

  // Answers in item columns that the default labels do not read: the facilitator says what each means.
  const itemColumns = loaded
    ? loaded.headers.flatMap((h, i) => (columns[h] && !(columns[h] in FIELD_LABELS) ? [i] : []))
    : [];
  const unfamiliar = [
    ...new Set(
      (loaded?.rows ?? []).flatMap((cells) =>
        itemColumns.map((i) => (cells[i] ?? '').trim()).filter((v) => v !== '' && !known(v)),
      ),
    ),
  ].slice(0, 40);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!loaded) return;
    setBusy(true);
    setError(null);
    setReport(null);
    const mapping: ImportMapping = {
      columns,
      values: Object.fromEntries(
        Object.entries(values).filter(
          (entry): entry is [string, AnswerValue] => entry[1] !== 'refuse',
        ),
      ),
      delimiter,
    };
    try {
      setReport(await importResponses(waveId, loaded.file, mapping));
      onImported();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const targets = [
    ...Object.keys(FIELD_LABELS).filter((t) => mode === 'identified' || t !== 'respondentMemberId'),
    ...SCALE_ITEMS.map((i) => i.id),
  ];
  const targetLabel = (t: string) =>
    FIELD_LABELS[t] ?? `${t}: ${short(SCALE_ITEMS.find((i) => i.id === t)?.wording ?? t)}`;

  return (
    <form className="form-grid" onSubmit={(e) => void submit(e)}>
      <p>
        Bring in answers collected with another survey tool, exported as CSV (UTF-8). Each row is
        one person’s answers.{' '}
        {mode === 'identified'
          ? 'One column must say who answered: a member’s name as recorded here, or their member id.'
          : 'Any column naming people is left out: this wave is anonymous.'}
      </p>
      <div className="field">
        <label htmlFor={`${id}-file`}>CSV file of responses</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv"
          aria-describedby={fileProblem ? `${id}-file-problem` : undefined}
          onChange={(e) => void choose(e)}
        />
        {fileProblem && (
          <p className="field-issues" id={`${id}-file-problem`}>
            {fileProblem}
          </p>
        )}
      </div>
      {loaded && (
        <>
          <div className="field">
            <label htmlFor={`${id}-delimiter`}>Cells are separated by</label>
            <select
              id={`${id}-delimiter`}
              value={delimiter}
              onChange={(e) => {
                const d = e.target.value as Delimiter;
                setDelimiter(d);
                if (text !== null) read(loaded.file, text, d);
              }}
            >
              <option value=",">commas</option>
              <option value=";">semicolons</option>
              <option value={'\t'}>tabs</option>
            </select>
          </div>
          <FormError
            error={error}
            title="Nothing was imported."
            shown={loaded.headers.map((h) => `mapping.columns.${h}`)}
          />
          <div className="survey-scroll">
            <table className="survey-table mapping-table">
              <caption>
                What each column of {loaded.file.name} holds (
                {plural(loaded.rows.length, 'row', 'rows')} of answers)
              </caption>
              <thead>
                <tr>
                  <th scope="col">Column</th>
                  <th scope="col">First answer</th>
                  <th scope="col">Read as</th>
                </tr>
              </thead>
              <tbody>
                {loaded.headers.map((header, index) =>
                  header === '' ? null : (
                    <tr key={header}>
                      <th scope="row">{header}</th>
                      <td>{short(loaded.rows[0]?.[index] ?? '', 40)}</td>
                      <td>
                        <label className="visually-hidden" htmlFor={`${id}-col-${index}`}>
                          Read column “{header}” as
                        </label>
                        <select
                          id={`${id}-col-${index}`}
                          value={columns[header] ?? 'ignore'}
                          aria-describedby={
                            issuesAt(issues, `mapping.columns.${header}`).length > 0
                              ? `${id}-col-${index}-issues`
                              : undefined
                          }
                          onChange={(e) => setColumns({ ...columns, [header]: e.target.value })}
                        >
                          {targets.map((t) => (
                            <option key={t} value={t}>
                              {targetLabel(t)}
                            </option>
                          ))}
                        </select>
                        <FieldIssues
                          id={`${id}-col-${index}-issues`}
                          issues={issuesAt(issues, `mapping.columns.${header}`)}
                        />
                      </td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </div>
          {unfamiliar.length > 0 && (
            <div className="survey-scroll">
              <table className="survey-table mapping-table">
                <caption>Answers to read on the 1–5 scale</caption>
                <thead>
                  <tr>
                    <th scope="col">Answer in the file</th>
                    <th scope="col">Read as</th>
                  </tr>
                </thead>
                <tbody>
                  {unfamiliar.map((value, index) => (
                    <tr key={value}>
                      <th scope="row">{value}</th>
                      <td>
                        <label className="visually-hidden" htmlFor={`${id}-val-${index}`}>
                          Read “{value}” as
                        </label>
                        <select
                          id={`${id}-val-${index}`}
                          value={String(values[value] ?? 'refuse')}
                          onChange={(e) => {
                            const v = e.target.value;
                            setValues({
                              ...values,
                              [value]:
                                v === 'refuse'
                                  ? 'refuse'
                                  : v === 'dontKnow'
                                    ? 'dontKnow'
                                    : v === 'null'
                                      ? null
                                      : (Number(v) as 1 | 2 | 3 | 4 | 5),
                            });
                          }}
                        >
                          <option value="refuse">Not readable: leave the row out</option>
                          <option value="1">1 Strongly disagree</option>
                          <option value="2">2 Disagree</option>
                          <option value="3">3 Neither agree nor disagree</option>
                          <option value="4">4 Agree</option>
                          <option value="5">5 Strongly agree</option>
                          <option value="dontKnow">Don’t know</option>
                          <option value="null">No answer</option>
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div>
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? 'Importing…' : 'Import the responses'}
            </button>
          </div>
        </>
      )}
      <div role="status">
        {report && (
          <div className="card">
            <p className="done">
              Imported {plural(report.imported, 'response', 'responses')}.
              {report.rejected.length > 0 &&
                ` ${plural(report.rejected.length, 'row was', 'rows were')} not taken: see below.`}
            </p>
            {report.unmappedColumns.length > 0 && (
              <p>Columns not read: {report.unmappedColumns.join(', ')}.</p>
            )}
          </div>
        )}
      </div>
      {report && report.rejected.length > 0 && (
        <div className="survey-scroll">
          <table className="survey-table">
            <caption>Rows not taken, and why</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Problems</th>
              </tr>
            </thead>
            <tbody>
              {report.rejected.map((row) => (
                <tr key={row.row}>
                  <th scope="row">{row.row}</th>
                  <td>
                    <ul className="plain-list">
                      {row.issues.map((issue) => (
                        <li key={`${issue.path}:${issue.message}`}>
                          {issue.path && issue.path !== '(row)' ? `${issue.path}: ` : ''}
                          {issue.message}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </form>
  );
}
