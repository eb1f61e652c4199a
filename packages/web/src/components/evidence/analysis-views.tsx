import { useId, useMemo, useState } from 'react';
import {
  downloadExchange,
  downloadMatrix,
  fetchAgreement,
  fetchCooccurrence,
  fetchMatrix,
} from '../../api/qualitative.js';
import { useResource } from '../../hooks/use-resource.js';
import { plural } from '../../labels.js';
import { StatusMessage } from '../status-message.js';
import { shortQuote } from './coding-text.js';
import { FormProblem, useAction } from './use-action.js';

/** A loading line for a section. */
function Loading({ what }: { readonly what: string }) {
  return (
    <StatusMessage kind="loading">
      <p>Loading the {what}…</p>
    </StatusMessage>
  );
}

/** A section that could not load, with a way to try again. */
function Failed({
  what,
  error,
  retry,
}: {
  readonly what: string;
  readonly error: Error;
  readonly retry: () => void;
}) {
  return (
    <StatusMessage kind="error">
      <p className="status__title">The {what} could not be loaded.</p>
      <p className="status__detail">{error.message}</p>
      <button type="button" className="button" onClick={retry}>
        Try again
      </button>
    </StatusMessage>
  );
}

/**
 * The framework matrix: cases (rows) × codes with coded passages (columns), counts in the
 * cells; a count opens the excerpts. Downloads as CSV or a spreadsheet hold every code.
 */
export function FrameworkMatrixView({
  collaborationId,
  revision,
}: {
  readonly collaborationId: string;
  readonly revision: number;
}) {
  const id = useId();
  const matrix = useResource(
    (signal) => fetchMatrix(collaborationId, [], signal),
    [collaborationId, revision],
  );
  const [open, setOpen] = useState<{ row: number; column: number } | null>(null);
  const action = useAction();
  // Only the codes some case has passages of, so the table stays as narrow as it can.
  const columns = useMemo(() => {
    if (matrix.kind !== 'ready') return [];
    const m = matrix.data;
    return m.codes.flatMap((_, j) => (m.cells.some((row) => (row[j]?.count ?? 0) > 0) ? [j] : []));
  }, [matrix]);

  const downloads = (
    <div className="ev-actions">
      <button
        type="button"
        className="button"
        onClick={() => void action.run(() => downloadMatrix(collaborationId, 'csv', []))}
      >
        Download CSV
      </button>
      <button
        type="button"
        className="button"
        onClick={() => void action.run(() => downloadMatrix(collaborationId, 'xlsx', []))}
      >
        Download spreadsheet (.xlsx)
      </button>
    </div>
  );
  if (matrix.kind === 'loading') return <Loading what="framework matrix" />;
  if (matrix.kind === 'error')
    return <Failed what="framework matrix" error={matrix.error} retry={matrix.reload} />;
  if (columns.length === 0)
    return (
      <>
        <p className="muted">The matrix fills in as passages are coded.</p>
        {downloads}
        <FormProblem problem={action.problem} />
      </>
    );
  const m = matrix.data;
  const cell = open ? m.cells[open.row]?.[open.column] : undefined;
  return (
    <>
      <p className="muted">
        Rows are cases (speakers and participants), columns the codes used so far; each count is the
        coded passages of that code belonging to that case. Choose a count to read its excerpts.
        {m.unassigned > 0
          ? ` ${plural(m.unassigned, 'passage belongs', 'passages belong')} to no case (the interviewer’s own turns, for instance).`
          : ''}
      </p>
      {downloads}
      <FormProblem problem={action.problem} />
      <div className="ev-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="ev-table ev-matrix">
          <caption id={`${id}-caption`}>Framework matrix: coded passages by case and code</caption>
          <thead>
            <tr>
              <th scope="col">Case</th>
              {columns.map((j) => {
                const c = m.codes[j];
                return c ? (
                  <th key={c.id} scope="col" title={c.path.join(' › ')}>
                    {c.name}
                  </th>
                ) : null;
              })}
            </tr>
          </thead>
          <tbody>
            {m.cases.map((c, i) => (
              <tr key={c.id}>
                <th scope="row">{c.name}</th>
                {columns.map((j) => {
                  const x = m.cells[i]?.[j];
                  if (!x) return null;
                  const shown = open?.row === i && open.column === j;
                  return (
                    <td key={x.codeId}>
                      {x.count === 0 ? (
                        <span aria-label="none">·</span>
                      ) : (
                        <button
                          type="button"
                          className="ev-link-button"
                          aria-expanded={shown}
                          aria-controls={`${id}-excerpts`}
                          onClick={() => setOpen(shown ? null : { row: i, column: j })}
                        >
                          {x.count}
                          <span className="visually-hidden">
                            {' '}
                            {plural(x.count, 'passage', 'passages')} of {m.codes[j]?.name} by{' '}
                            {c.name}
                          </span>
                        </button>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div id={`${id}-excerpts`} aria-live="polite">
        {cell && open && (
          <section className="ev-excerpts" aria-label="Excerpts">
            <h3>
              {m.cases[open.row]?.name} × {m.codes[open.column]?.name}
            </h3>
            <ul>
              {cell.excerpts.map((e) => (
                <li key={e.codingId}>
                  <blockquote>{shortQuote(e.text, 600)}</blockquote>
                  <p className="muted">{e.sourceTitle}</p>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </>
  );
}

const MEASURES = [
  ['percent', 'Percent agreement'],
  ['kappa', 'Cohen’s κ'],
  ['fleiss', 'Fleiss’ κ'],
  ['alpha', 'Krippendorff’s α'],
  ['alpha-u', 'α_U (unitizing)'],
] as const;

const REASONS: Record<string, string> = {
  'no-expected-disagreement':
    'every coder gave every unit the same value, so chance agreement is certain',
  empty: 'there is nothing to compare',
};

/** A measure's value as text: two decimals (percent as a percentage), or "n/a". */
function measureText(key: string, estimate: { value: number | null } | undefined): string {
  if (!estimate || estimate.value === null) return 'n/a';
  return key === 'percent' ? `${(estimate.value * 100).toFixed(1)} %` : estimate.value.toFixed(2);
}

/**
 * Inter-coder agreement between chosen coders: per code and overall, percent agreement,
 * Cohen's κ (two coders), Fleiss' κ, Krippendorff's α and unitizing α_U.
 */
export function AgreementView({
  collaborationId,
  revision,
}: {
  readonly collaborationId: string;
  readonly revision: number;
}) {
  const id = useId();
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [units, setUnits] = useState<'turns' | 'paragraphs'>('turns');
  const answer = useResource(
    (signal) => fetchAgreement(collaborationId, { coders: chosen, units }, signal),
    [collaborationId, chosen === null ? '*' : chosen.join(','), units, revision],
  );
  if (answer.kind === 'loading') return <Loading what="agreement" />;
  if (answer.kind === 'error')
    return <Failed what="agreement" error={answer.error} retry={answer.reload} />;
  const { coders, agreement, reason } = answer.data;
  const active =
    chosen ?? agreement?.coders ?? coders.filter((c) => c.codings > 0).map((c) => c.id);
  const reasons = new Set<string>();
  const cell = (
    key: string,
    estimate: { value: number | null; reason?: string | undefined } | undefined,
  ) => {
    if (estimate?.value === null && estimate.reason) reasons.add(estimate.reason);
    return measureText(key, estimate);
  };
  const measures = MEASURES.filter(([key]) => agreement?.measures.includes(key));
  return (
    <>
      <fieldset className="ev-fieldset">
        <legend>Coders to compare</legend>
        {coders.length === 0 && <p className="muted">Nobody has coded yet.</p>}
        {coders.map((c) => (
          <div key={c.id} className="ev-check">
            <input
              id={`${id}-${c.id}`}
              type="checkbox"
              checked={active.includes(c.id)}
              onChange={(event) =>
                setChosen(
                  event.target.checked ? [...active, c.id] : active.filter((x) => x !== c.id),
                )
              }
            />
            <label htmlFor={`${id}-${c.id}`}>
              {c.name}{' '}
              <span className="muted">
                ({plural(c.codings, 'coded passage', 'coded passages')})
              </span>
            </label>
          </div>
        ))}
      </fieldset>
      <div className="ev-field ev-field--inline">
        <label htmlFor={`${id}-units`}>Units compared</label>
        <select
          id={`${id}-units`}
          className="ev-input"
          value={units}
          onChange={(event) =>
            setUnits(event.target.value === 'paragraphs' ? 'paragraphs' : 'turns')
          }
        >
          <option value="turns">Speaker turns</option>
          <option value="paragraphs">Paragraphs</option>
        </select>
      </div>
      {chosen !== null && chosen.length < 2 && <p className="muted">Choose at least two coders.</p>}
      {reason && <p className="muted">{reason}</p>}
      {agreement && agreement.sources.length > 0 && (
        <>
          <div className="ev-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
            <table className="ev-table">
              <caption id={`${id}-caption`}>
                Agreement between {agreement.coderNames.join(' and ')} over{' '}
                {plural(agreement.sources.length, 'source', 'sources')} (
                {plural(agreement.units, 'unit', 'units')})
              </caption>
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  {agreement.coderNames.map((name, i) => (
                    <th key={agreement.coders[i]} scope="col">
                      Units coded by {name}
                    </th>
                  ))}
                  {measures.map(([key, label]) => (
                    <th key={key} scope="col">
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {agreement.codes.map((code) => (
                  <tr key={code.codeId}>
                    <th scope="row">{code.path.join(' › ')}</th>
                    {code.applied.map((n, i) => (
                      <td key={i}>{n}</td>
                    ))}
                    {measures.map(([key]) => (
                      <td key={key}>{cell(key, code.measures[key])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">All codes (pooled)</th>
                  {agreement.coders.map((c) => (
                    <td key={c} />
                  ))}
                  {measures.map(([key]) => (
                    <td key={key}>{cell(key, agreement.overall[key])}</td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
          {reasons.size > 0 && (
            <ul className="ev-notes">
              {[...reasons].map((r) => (
                <li key={r}>n/a: {REASONS[r] ?? r}.</li>
              ))}
            </ul>
          )}
          {agreement.skippedSources.length > 0 && (
            <p className="muted">
              {plural(agreement.skippedSources.length, 'source was', 'sources were')} left out: not
              every coder coded in {agreement.skippedSources.length === 1 ? 'it' : 'them'}.
            </p>
          )}
        </>
      )}
    </>
  );
}

/** Pairs of codes whose passages overlap (each coder's own codings). */
export function CooccurrenceView({
  collaborationId,
  revision,
}: {
  readonly collaborationId: string;
  readonly revision: number;
}) {
  const id = useId();
  const data = useResource(
    (signal) => fetchCooccurrence(collaborationId, signal),
    [collaborationId, revision],
  );
  if (data.kind === 'loading') return <Loading what="co-occurrence" />;
  if (data.kind === 'error')
    return <Failed what="co-occurrence" error={data.error} retry={data.reload} />;
  const names = new Map(data.data.codes.map((c) => [c.id, c.name]));
  const pairs = [...data.data.pairs].sort((a, b) => b.count - a.count).slice(0, 50);
  if (pairs.length === 0) return <p className="muted">No two codes overlap yet.</p>;
  return (
    <div className="ev-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="ev-table">
        <caption id={`${id}-caption`}>
          Codes applied to overlapping passages, most often first
        </caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">With code</th>
            <th scope="col">Overlapping passages</th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((p) => (
            <tr key={p.codeIds.join('|')}>
              <th scope="row">{names.get(p.codeIds[0]) ?? p.codeIds[0]}</th>
              <td>{names.get(p.codeIds[1]) ?? p.codeIds[1]}</td>
              <td>{p.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Downloads of the coded evidence for NVivo, ATLAS.ti, MAXQDA and QualCoder. */
export function ExchangeView({ collaborationId }: { readonly collaborationId: string }) {
  const action = useAction();
  return (
    <>
      <p>
        A REFI-QDA project (.qdpx) holds the sources, codes, coded passages, memos, cases and their
        attributes you may see; a codebook (.qdc) holds the codes alone. Both open in NVivo,
        ATLAS.ti, MAXQDA and QualCoder. To bring a project in, add it with the form under Sources.
      </p>
      <div className="ev-actions">
        <button
          type="button"
          className="button"
          onClick={() => void action.run(() => downloadExchange(collaborationId, 'qdpx'))}
        >
          Export project (.qdpx)
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void action.run(() => downloadExchange(collaborationId, 'qdc'))}
        >
          Export codebook (.qdc)
        </button>
      </div>
      <FormProblem problem={action.problem} />
    </>
  );
}
