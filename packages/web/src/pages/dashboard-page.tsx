import { STATUS_ORDER, STATUS_STYLE, type Status } from '@weframe/core';
import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'wouter';
import {
  loadDiagnosisSummary,
  waveQuery,
  type ConfidentialCounts,
  type DiagnosisSummary,
} from '../api/diagnosis.js';
import { seg } from '../api/http.js';
import { ActionList } from '../components/model/action-list.js';
import { ModelPicture } from '../components/model/model-picture.js';
import { ModelTable } from '../components/model/model-table.js';
import { StatusBadge } from '../components/model/status-badge.js';
import { useWaves } from '../components/model/use-waves.js';
import { WavePicker } from '../components/model/wave-picker.js';
import { PageTitle } from '../components/page-title.js';
import { StatusMessage } from '../components/status-message.js';
import { useCollaboration } from '../collaboration-context.js';
import { useResource } from '../hooks/use-resource.js';
import { markInteractive } from '../interactive.js';
import { formatDate, plural } from '../labels.js';
import '../styles/dashboard.css';

type View = 'picture' | 'table';

/** The collaboration's diagnosis drawn as Rose's model, with a table view and the actions. */
export function DashboardPage() {
  const { id, can, revision } = useCollaboration();
  const [params, setParams] = useSearchParams();
  const wave = params.get('wave');
  const view: View = params.get('view') === 'table' ? 'table' : 'picture';
  const summary = useResource(
    (signal) => loadDiagnosisSummary(id, wave, signal),
    [id, wave, revision],
  );
  const waves = useWaves(id, can('wave.manage'));
  const elementHref = useCallback(
    (elementId: string) => `/c/${seg(id)}/elements/${seg(elementId)}${waveQuery(wave)}`,
    [id, wave],
  );
  const ready = summary.kind === 'ready';
  useEffect(() => {
    if (ready) markInteractive();
  }, [ready]);

  const change = (key: 'wave' | 'view', value: string | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === null || value === '') next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: key === 'view' },
    );

  if (summary.kind === 'loading')
    return (
      <>
        <PageTitle title="Diagnosis" />
        <StatusMessage kind="loading">
          <p>Working out the diagnosis…</p>
        </StatusMessage>
      </>
    );
  if (summary.kind === 'error')
    return (
      <>
        <PageTitle title="Diagnosis" />
        <StatusMessage kind="error">
          <p className="status__title">The diagnosis could not be loaded.</p>
          <p className="status__detail">{summary.error.message}</p>
          <div className="toolbar">
            <button type="button" className="button" onClick={summary.reload}>
              Try again
            </button>
            {wave !== null && (
              <button
                type="button"
                className="button button--quiet"
                onClick={() => change('wave', null)}
              >
                Show the latest wave instead
              </button>
            )}
          </div>
        </StatusMessage>
      </>
    );

  const d = summary.data;
  return (
    <>
      <PageTitle title={`Diagnosis: ${d.collaboration.name}`}>
        {d.collaboration.fictional && (
          <p>
            <span className="badge">Fictional sample</span>
          </p>
        )}
      </PageTitle>
      <DiagnosisFacts
        summary={d}
        picker={
          waves.length > 1 ? (
            <WavePicker
              waves={waves}
              current={d.wave?.id ?? wave}
              onChange={(w) => change('wave', w)}
              hiddenLabel
            />
          ) : null
        }
      />
      <StatusCounts summary={d} />
      <ConfidentialNote counts={d.confidential} />

      <section className="dashboard-section" aria-labelledby="model-heading">
        <div className="dashboard-section__head">
          <h2 id="model-heading">Rose&rsquo;s model</h2>
          <div className="view-switch" role="group" aria-label="Show the model as">
            <button
              type="button"
              className="view-switch__button"
              aria-pressed={view === 'picture'}
              onClick={() => change('view', null)}
            >
              Picture
            </button>
            <button
              type="button"
              className="view-switch__button"
              aria-pressed={view === 'table'}
              onClick={() => change('view', 'table')}
            >
              Table
            </button>
          </div>
        </div>
        {view === 'picture' ? (
          <ModelPicture diagnosis={d} elementHref={elementHref} />
        ) : (
          <ModelTable
            elements={d.elements}
            elementHref={elementHref}
            caption={`The ${d.elements.length} elements of Rose’s model for ${d.collaboration.name}, as of ${formatDate(d.asOf) ?? d.asOf}`}
          />
        )}
      </section>

      <section className="dashboard-section" aria-labelledby="actions-heading">
        <h2 id="actions-heading">Suggested actions</h2>
        <p className="muted dashboard-section__lead">
          Each follows from an indicator at watch or concern; the most pressing come first.
        </p>
        <ActionsForSummary summary={d} elementHref={elementHref} />
      </section>

      <p className="muted versions">
        Model {d.modelVersion}, analysis {d.engineVersion}, survey instrument {d.instrumentVersion}.
      </p>
    </>
  );
}

function ActionsForSummary({
  summary,
  elementHref,
}: {
  summary: DiagnosisSummary;
  elementHref: (elementId: string) => string;
}) {
  const names = useMemo(
    () => new Map(summary.elements.map((e) => [e.id as string, e.name])),
    [summary.elements],
  );
  return (
    <ActionList
      actions={summary.actions}
      elementNames={names}
      elementHref={elementHref}
      first={10}
    />
  );
}

/** Where the figures come from: the wave, its respondents, the as-of date, the team form. */
function DiagnosisFacts({
  summary,
  picker,
}: {
  summary: DiagnosisSummary;
  /** The wave chooser, for users who may see every wave. */
  picker: ReactNode;
}) {
  const asOf = formatDate(summary.asOf);
  const form = summary.teamForm;
  const recorded = form.recorded.replace(/([A-Z])/g, ' $1').toLowerCase();
  return (
    <dl className="facts diagnosis-facts">
      <div className="facts__item">
        <dt>Survey wave</dt>
        <dd>
          {summary.wave === null ? (
            'No survey answers yet: the figures come from the record alone.'
          ) : (
            <>
              {picker ?? <span className="diagnosis-facts__wave">{summary.wave.name} </span>}
              <span className="muted diagnosis-facts__respondents">
                ({summary.wave.mode === 'anonymous' ? 'anonymous' : 'named'} answers,{' '}
                {plural(summary.wave.respondents, 'respondent', 'respondents')})
              </span>
            </>
          )}
        </dd>
      </div>
      <div className="facts__item">
        <dt>As of</dt>
        <dd>
          <time dateTime={summary.asOf}>{asOf ?? summary.asOf}</time>
        </dd>
      </div>
      <div className="facts__item">
        <dt>Works as</dt>
        <dd>
          a {form.label}
          {recorded !== form.label && <span className="muted"> (recorded as a {recorded})</span>}
        </dd>
      </div>
    </dl>
  );
}

/** How many elements are at each status, in words and with the status shapes. */
function StatusCounts({ summary }: { summary: DiagnosisSummary }) {
  const counts = new Map<Status, number>();
  for (const e of summary.elements) counts.set(e.status, (counts.get(e.status) ?? 0) + 1);
  const present = STATUS_ORDER.filter((s) => (counts.get(s) ?? 0) > 0);
  return (
    <ul className="status-counts" aria-label="Elements by status">
      {present.map((status) => (
        <li key={status}>
          <StatusBadge
            status={status}
            label={`${STATUS_STYLE[status].label}: ${counts.get(status) ?? 0}`}
          />
        </li>
      ))}
    </ul>
  );
}

/** Records the user may not see still count; say so, without saying what they are. */
function ConfidentialNote({ counts }: { counts: ConfidentialCounts | undefined }) {
  if (!counts) return null;
  const total = Object.values(counts.records).reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  return (
    <p className="confidential-note">
      {total === 1
        ? 'One record is confidential to another agency: it counts in these figures but is not shown to you.'
        : `${total} records are confidential to another agency: they count in these figures but are not shown to you.`}
    </p>
  );
}
