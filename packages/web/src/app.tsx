import { useEffect, useState } from 'react';
import {
  fetchCollaborations,
  fetchMe,
  signOut,
  SignedOutError,
  type CollaborationSummary,
  type Me,
} from './api.js';
import { CollaborationList } from './components/collaboration-list.js';
import { AcceptLink, AccountBar, oneTimeLinkIn, SignIn } from './components/sign-in.js';
import { SiteHeader } from './components/site-header.js';
import { StatusMessage } from './components/status-message.js';
import { markInteractive } from './interactive.js';

type State =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; collaborations: CollaborationSummary[] };

type Session =
  | { kind: 'checking' }
  | { kind: 'signedOut' }
  | { kind: 'signedIn'; me: Me }
  | { kind: 'error'; message: string };

export function App() {
  const [session, setSession] = useState<Session>({ kind: 'checking' });
  const [link, setLink] = useState(() => oneTimeLinkIn(window.location.pathname));
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchMe(controller.signal).then(
      (me) => setSession(me ? { kind: 'signedIn', me } : { kind: 'signedOut' }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setSession({
          kind: 'error',
          message: error instanceof Error ? error.message : String(error),
        });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  useEffect(() => {
    if (session.kind !== 'signedIn') return;
    const controller = new AbortController();
    setState({ kind: 'loading' });
    fetchCollaborations(controller.signal).then(
      (collaborations) => setState({ kind: 'ready', collaborations }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof SignedOutError) {
          setSession({ kind: 'signedOut' });
          return;
        }
        const message = error instanceof Error ? error.message : String(error);
        setState({ kind: 'error', message });
      },
    );
    return () => controller.abort();
  }, [attempt, session.kind]);

  useEffect(() => {
    if (session.kind === 'signedIn' && state.kind === 'ready') markInteractive();
  }, [session.kind, state]);

  const signedIn = (me: Me) => {
    if (link) {
      window.history.replaceState(null, '', '/');
      setLink(null);
    }
    setSession({ kind: 'signedIn', me });
  };
  const signOutNow = () => {
    void signOut()
      .catch(() => undefined)
      .then(() => setSession({ kind: 'signedOut' }));
  };

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <SiteHeader />
      <main id="main" className="main" tabIndex={-1}>
        {session.kind === 'checking' && (
          <StatusMessage kind="loading">
            <p>Checking whether you are signed in…</p>
          </StatusMessage>
        )}
        {session.kind === 'error' && (
          <StatusMessage kind="error">
            <p className="status__title">The server could not be reached.</p>
            <p className="status__detail">{session.message}</p>
            <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </button>
          </StatusMessage>
        )}
        {session.kind !== 'checking' && session.kind !== 'error' && link && (
          <AcceptLink kind={link.kind} token={link.token} onSignedIn={signedIn} />
        )}
        {session.kind === 'signedOut' && !link && <SignIn onSignedIn={signedIn} />}
        {session.kind === 'signedIn' && !link && (
          <>
            <AccountBar me={session.me} onSignOut={signOutNow} />
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
          </>
        )}
      </main>
    </>
  );
}
