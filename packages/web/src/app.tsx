import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { fetchMe, signOut, type Me } from './api/session.js';
import { AcceptLink, oneTimeLinkIn, SignIn } from './components/sign-in.js';
import { SiteHeader } from './components/site-header.js';
import { StatusMessage } from './components/status-message.js';
import { SignedInRoutes } from './routes.js';
import { SessionContext, type SessionValue } from './session.js';

type Session =
  | { kind: 'checking' }
  | { kind: 'signedOut' }
  | { kind: 'signedIn'; me: Me }
  | { kind: 'error'; message: string };

// Members answering on a phone load the survey page alone.
const RespondPage = lazy(() =>
  import('./pages/respond-page.js').then((m) => ({ default: m.RespondPage })),
);

/** A survey link (`/s/:token`): answered without an account. */
const surveyToken = (path: string): string | null => /^\/s\/([^/]+)\/?$/.exec(path)?.[1] ?? null;

export function App() {
  const [location, navigate] = useLocation();
  const token = surveyToken(location);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <SiteHeader />
      <main id="main" className="main" tabIndex={-1}>
        {token !== null ? (
          <Suspense
            fallback={
              <StatusMessage kind="loading">
                <p>Loading the survey…</p>
              </StatusMessage>
            }
          >
            <RespondPage token={decodeURIComponent(token)} />
          </Suspense>
        ) : (
          <SignedInApp path={location} navigate={navigate} />
        )}
      </main>
    </>
  );
}

function SignedInApp({ path, navigate }: { path: string; navigate: (to: string) => void }) {
  const [session, setSession] = useState<Session>({ kind: 'checking' });
  const [link, setLink] = useState(() => oneTimeLinkIn(path));
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

  const signedIn = (me: Me) => {
    if (link) {
      navigate('/');
      setLink(null);
    }
    setSession({ kind: 'signedIn', me });
  };
  const signOutNow = useCallback(() => {
    void signOut()
      .catch(() => undefined)
      .then(() => setSession({ kind: 'signedOut' }));
  }, []);
  const refresh = useCallback(() => setAttempt((n) => n + 1), []);
  const signedOut = useCallback(() => setSession({ kind: 'signedOut' }), []);
  const value = useMemo<SessionValue | null>(
    () => (session.kind === 'signedIn' ? { me: session.me, refresh, signedOut } : null),
    [session, refresh, signedOut],
  );

  if (session.kind === 'checking')
    return (
      <StatusMessage kind="loading">
        <p>Checking whether you are signed in…</p>
      </StatusMessage>
    );
  if (session.kind === 'error')
    return (
      <StatusMessage kind="error">
        <p className="status__title">The server could not be reached.</p>
        <p className="status__detail">{session.message}</p>
        <button type="button" className="button" onClick={refresh}>
          Try again
        </button>
      </StatusMessage>
    );
  if (link) return <AcceptLink kind={link.kind} token={link.token} onSignedIn={signedIn} />;
  if (session.kind === 'signedOut' || value === null) return <SignIn onSignedIn={signedIn} />;
  return (
    <SessionContext.Provider value={value}>
      <div className="account-bar">
        <span className="muted">Signed in as {value.me.user.displayName}</span>
        <Link href="/account" className="button button--quiet">
          Your account
        </Link>
        <button type="button" className="button" onClick={signOutNow}>
          Sign out
        </button>
      </div>
      <SignedInRoutes />
    </SessionContext.Provider>
  );
}
