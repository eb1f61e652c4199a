import type { DiagnosisChange } from '@weframe/core';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { fetchDiagnosis, fetchDiagnosisSummary, fetchWaves } from '../api/diagnosis.js';
import { ApiError } from '../api/http.js';
import { useCollaboration } from '../collaboration-context.js';
import { PageTitle } from '../components/page-title.js';
import { StatusMessage } from '../components/status-message.js';
import { ChangeView, type WaveChoice } from '../components/views/change-view.js';
import { day } from '../components/views/view-labels.js';
import { fetchChange, fetchRecord, useInteractiveWhen } from '../components/views/view-data.js';
import { ViewState } from '../components/views/view-state.js';
import { useResource } from '../hooks/use-resource.js';
import '../styles/views.css';

/** Where the list of waves came from: the roles differ in what they may read. */
type WaveSource = 'list' | 'record' | 'diagnosis';

interface Waves {
  readonly choices: readonly WaveChoice[];
  readonly source: WaveSource;
}

const byOpening = (a: WaveChoice, b: WaveChoice) =>
  (a.opensOn ?? '') < (b.opensOn ?? '') ? -1 : (a.opensOn ?? '') > (b.opensOn ?? '') ? 1 : 0;

/** The survey waves the user may know of: listed, from the record, or named in the diagnosis. */
async function loadWaves(
  id: string,
  can: (action: 'wave.manage' | 'collaboration.read') => boolean,
  signal: AbortSignal,
): Promise<Waves> {
  if (can('wave.manage')) {
    const waves = await fetchWaves(id, signal);
    return {
      source: 'list',
      choices: waves
        .map((w) => ({
          id: w.id,
          name: w.name,
          opensOn: w.opensOn,
          note: `${w.status}, ${w.counts.responses} ${w.counts.responses === 1 ? 'answer' : 'answers'}`,
        }))
        .sort(byOpening),
    };
  }
  if (can('collaboration.read')) {
    const { document } = await fetchRecord(id, signal);
    return {
      source: 'record',
      choices: document.waves
        .map((w) => ({ id: w.id, name: w.name, opensOn: w.opensOn, note: w.status }))
        .sort(byOpening),
    };
  }
  // Members read only the diagnosis: the waves it names (its own and those in evidence).
  const diagnosis = await fetchDiagnosisSummary(id, null, signal).catch((error: unknown) => {
    if (signal.aborted) throw error;
    return fetchDiagnosis(id, null, signal);
  });
  const choices = new Map<string, WaveChoice>();
  if (diagnosis.wave)
    choices.set(diagnosis.wave.id, {
      id: diagnosis.wave.id,
      name: diagnosis.wave.name,
      opensOn: null,
      note: 'the current wave',
    });
  for (const e of diagnosis.elements)
    for (const ref of e.evidence)
      if (ref.kind === 'wave' && !choices.has(ref.id))
        choices.set(ref.id, { id: ref.id, name: ref.id, opensOn: null, note: '' });
  return { source: 'diagnosis', choices: [...choices.values()] };
}

/** Change between two survey waves, for every element of the model. */
export function ChangePage() {
  const { id, revision, can } = useCollaboration();
  const waves = useResource((signal) => loadWaves(id, can, signal), [id, revision]);
  const [query, setQuery] = useState<{ from: string; to: string } | null>(null);
  const change = useResource<DiagnosisChange | null>(
    (signal) => (query ? fetchChange(id, query.from, query.to, signal) : Promise.resolve(null)),
    [id, revision, query?.from, query?.to],
  );

  // The latest two waves are compared at once.
  useEffect(() => {
    if (waves.kind !== 'ready' || query !== null) return;
    const list = waves.data.choices;
    const [from, to] = list.slice(-2);
    if (list.length >= 2 && from && to && waves.data.source !== 'diagnosis')
      setQuery({ from: from.id, to: to.id });
  }, [waves, query]);

  const drawn =
    waves.kind === 'error' ||
    (waves.kind === 'ready' &&
      (query === null
        ? waves.data.choices.length < 2 || waves.data.source === 'diagnosis'
        : change.kind !== 'loading'));
  useInteractiveWhen(drawn);

  return (
    <>
      <PageTitle title="Change between waves" />
      <ViewState resource={waves} what="the survey waves">
        {(data) => (
          <>
            <p className="view-intro">
              Pick an earlier and a later survey wave: each is diagnosed with its own answers and
              the records up to its own date, and every element is compared.
            </p>
            {data.source === 'diagnosis' && (
              <p className="view-note">
                Your role cannot list the survey waves; these are the ones the diagnosis names. Ask
                the facilitator if the wave you want is missing.
              </p>
            )}
            {data.choices.length < 2 ? (
              <StatusMessage kind="empty">
                <p>
                  {data.choices.length === 0
                    ? 'There is no survey wave yet.'
                    : 'There is only one survey wave so far.'}{' '}
                  Change can be shown once there are two.
                </p>
              </StatusMessage>
            ) : (
              <ChooseWaves
                choices={data.choices}
                query={query}
                error={change.kind === 'error' ? change.error : null}
                onCompare={setQuery}
              />
            )}
            {query !== null && change.kind === 'loading' && (
              <StatusMessage kind="loading">
                <p>Comparing the two waves…</p>
              </StatusMessage>
            )}
            {query !== null &&
              change.kind === 'error' &&
              !(change.error instanceof ApiError && change.error.issues.length > 0) && (
                <StatusMessage kind="error">
                  <p className="status__title">The two waves could not be compared.</p>
                  <p className="status__detail">{change.error.message}</p>
                  <button type="button" className="button" onClick={change.reload}>
                    Try again
                  </button>
                </StatusMessage>
              )}
            {change.kind === 'ready' && change.data !== null && (
              <section className="view-block" aria-labelledby="change-result">
                <h2 id="change-result">What changed</h2>
                <ChangeView
                  change={change.data}
                  collaborationId={id}
                  waveName={(waveId) =>
                    waveId === null
                      ? 'no wave'
                      : (data.choices.find((w) => w.id === waveId)?.name ?? waveId)
                  }
                />
              </section>
            )}
          </>
        )}
      </ViewState>
    </>
  );
}

function ChooseWaves({
  choices,
  query,
  error,
  onCompare,
}: {
  choices: readonly WaveChoice[];
  query: { from: string; to: string } | null;
  error: Error | null;
  onCompare: (query: { from: string; to: string }) => void;
}) {
  const [from, setFrom] = useState(query?.from ?? choices.at(-2)?.id ?? '');
  const [to, setTo] = useState(query?.to ?? choices.at(-1)?.id ?? '');
  const [same, setSame] = useState(false);
  const fromId = useId();
  const toId = useId();
  useEffect(() => {
    if (query) {
      setFrom(query.from);
      setTo(query.to);
    }
  }, [query]);
  const issues = error instanceof ApiError ? error.issues : [];
  const issueFor = (field: 'from' | 'to') =>
    issues.filter((i) => i.path === field || i.path.startsWith(`${field}.`)).map((i) => i.message);
  const other = issues.filter(
    (i) => !['from', 'to'].some((f) => i.path === f || i.path.startsWith(`${f}.`)),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (from === to) {
      setSame(true);
      return;
    }
    setSame(false);
    onCompare({ from, to });
  };
  const label = (w: WaveChoice) =>
    `${w.name}${w.opensOn ? ` (opened ${day(w.opensOn)}` : ''}${w.note ? `${w.opensOn ? ', ' : ' ('}${w.note})` : w.opensOn ? ')' : ''}`;
  const fromErrors = issueFor('from');
  const toErrors = [
    ...issueFor('to'),
    ...(same ? ['Choose a different wave from the first.'] : []),
  ];
  return (
    <form className="toolbar change-form" onSubmit={submit} noValidate>
      <div className="field field--inline">
        <label htmlFor={fromId}>Earlier wave</label>
        <select
          id={fromId}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          aria-invalid={fromErrors.length > 0}
          aria-describedby={fromErrors.length > 0 ? `${fromId}-error` : undefined}
        >
          {choices.map((w) => (
            <option key={w.id} value={w.id}>
              {label(w)}
            </option>
          ))}
        </select>
        {fromErrors.length > 0 && (
          <p id={`${fromId}-error`} className="field__error">
            {fromErrors.join(' ')}
          </p>
        )}
      </div>
      <div className="field field--inline">
        <label htmlFor={toId}>Later wave</label>
        <select
          id={toId}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          aria-invalid={toErrors.length > 0}
          aria-describedby={toErrors.length > 0 ? `${toId}-error` : undefined}
        >
          {choices.map((w) => (
            <option key={w.id} value={w.id}>
              {label(w)}
            </option>
          ))}
        </select>
        {toErrors.length > 0 && (
          <p id={`${toId}-error`} className="field__error">
            {toErrors.join(' ')}
          </p>
        )}
      </div>
      <button type="submit" className="button button--primary">
        Compare
      </button>
      {other.length > 0 && (
        <p className="field__error" role="alert">
          {other.map((i) => i.message).join(' ')}
        </p>
      )}
    </form>
  );
}
