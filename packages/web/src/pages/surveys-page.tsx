import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { fetchWaves } from '../api/surveys.js';
import { useCollaboration } from '../collaboration-context.js';
import { PageTitle } from '../components/page-title.js';
import { StatusMessage } from '../components/status-message.js';
import { OpenWaveForm } from '../components/survey/open-wave-form.js';
import { WaveList } from '../components/survey/wave-list.js';
import { useResource } from '../hooks/use-resource.js';
import { markInteractive } from '../interactive.js';
import '../styles/survey.css';

/** Survey waves of a collaboration: the list, and opening a new one. */
export function SurveysPage() {
  const { id, can, changed, revision } = useCollaboration();
  const [, navigate] = useLocation();
  const allowed = can('wave.manage');
  const waves = useResource(
    (signal) => (allowed ? fetchWaves(id, signal) : Promise.resolve([])),
    [id, allowed, revision],
  );

  useEffect(() => {
    if (waves.kind !== 'loading') markInteractive();
  }, [waves.kind]);

  if (!allowed)
    return (
      <PageTitle title="Surveys">
        <p>Only owners and facilitators run survey waves.</p>
      </PageTitle>
    );

  return (
    <div className="surveys">
      <PageTitle title="Surveys">
        <p>
          A wave is one round of the survey. Each member answers through their own single-use link,
          on a phone or a computer, in about 10 to 15 minutes. Team figures appear once at least
          three people have answered.
        </p>
      </PageTitle>
      <section aria-labelledby="waves-heading">
        <h2 id="waves-heading">Waves</h2>
        {waves.kind === 'loading' && (
          <StatusMessage kind="loading">
            <p>Loading the waves…</p>
          </StatusMessage>
        )}
        {waves.kind === 'error' && (
          <StatusMessage kind="error">
            <p className="status__title">The waves could not be loaded.</p>
            <p className="status__detail">{waves.error.message}</p>
            <button type="button" className="button" onClick={waves.reload}>
              Try again
            </button>
          </StatusMessage>
        )}
        {waves.kind === 'ready' && <WaveList collaborationId={id} waves={waves.data} />}
      </section>
      <section className="card" aria-labelledby="open-heading">
        <h2 id="open-heading">Open a new wave</h2>
        <OpenWaveForm
          collaborationId={id}
          onOpened={(wave) => {
            changed();
            navigate(`/c/${encodeURIComponent(id)}/surveys/${encodeURIComponent(wave.id)}`);
          }}
        />
      </section>
    </div>
  );
}
