import { useEffect, useState } from 'react';
import { fetchCollaborations, type CollaborationSummary } from './api.js';
import { CollaborationList } from './components/collaboration-list.js';
import { SiteHeader } from './components/site-header.js';
import { StatusMessage } from './components/status-message.js';
import { markInteractive } from './interactive.js';

type State =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; collaborations: CollaborationSummary[] };

export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    fetchCollaborations(controller.signal).then(
      (collaborations) => setState({ kind: 'ready', collaborations }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const message = error instanceof Error ? error.message : String(error);
        setState({ kind: 'error', message });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  useEffect(() => {
    if (state.kind === 'ready') markInteractive();
  }, [state]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <SiteHeader />
      <main id="main" className="main" tabIndex={-1}>
        <h1>Collaborations</h1>
        {state.kind === 'loading' && (
          <StatusMessage kind="loading">
            <p>Loading collaborations…</p>
          </StatusMessage>
        )}
        {state.kind === 'error' && (
          <StatusMessage kind="error">
            <p className="status__title">The collaborations could not be loaded.</p>
            <p className="status__detail">{state.message}</p>
            <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </button>
          </StatusMessage>
        )}
        {state.kind === 'ready' && state.collaborations.length === 0 && (
          <StatusMessage kind="empty">
            <p>
              No collaborations yet — import one with <code>weframe import FILE</code>
            </p>
          </StatusMessage>
        )}
        {state.kind === 'ready' && state.collaborations.length > 0 && (
          <CollaborationList collaborations={state.collaborations} />
        )}
      </main>
    </>
  );
}
