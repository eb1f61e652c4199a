import { useId, useState, type FormEvent } from 'react';
import { acceptLink, signIn, type Me } from '../api/session.js';
import { StatusMessage } from './status-message.js';

/** A text field of the submitted form ('' when absent). */
const textOf = (data: FormData, name: string) => {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
};

const field = {
  display: 'block',
  width: '100%',
  maxWidth: '24rem',
  font: 'inherit',
  padding: '0.5rem',
};
const row = { marginBottom: '1rem' };

/** A one-time link from the address bar: `/invite/TOKEN` or `/reset/TOKEN`. */
export function oneTimeLinkIn(path: string): { kind: 'invite' | 'reset'; token: string } | null {
  const match = /^\/(invite|reset)\/([A-Za-z0-9_-]{16,200})\/?$/.exec(path);
  if (!match) return null;
  return { kind: match[1] === 'reset' ? 'reset' : 'invite', token: match[2] ?? '' };
}

/** The sign-in form; calls `onSignedIn` once the server has opened a session. */
export function SignIn({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(textOf(data, 'email'), textOf(data, 'password')));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setBusy(false);
    }
  }

  return (
    <>
      <h1>Sign in</h1>
      {error && (
        <StatusMessage kind="error">
          <p className="status__title">You could not be signed in.</p>
          <p className="status__detail">{error}</p>
        </StatusMessage>
      )}
      <form onSubmit={(e) => void submit(e)} aria-describedby={`${id}-help`}>
        <p id={`${id}-help`} className="muted" style={row}>
          Use the email and password your workspace owner set up for you.
        </p>
        <div style={row}>
          <label htmlFor={`${id}-email`}>Email</label>
          <input
            id={`${id}-email`}
            name="email"
            type="email"
            autoComplete="username"
            required
            style={field}
          />
        </div>
        <div style={row}>
          <label htmlFor={`${id}-password`}>Password</label>
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            style={field}
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </>
  );
}

/** Accepting an invitation or reset link: choose a password (and a name), then signed in. */
export function AcceptLink({
  kind,
  token,
  onSignedIn,
}: {
  kind: 'invite' | 'reset';
  token: string;
  onSignedIn: (me: Me) => void;
}) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const password = textOf(data, 'password');
    if (password !== textOf(data, 'repeat')) {
      setError('The two passwords differ.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const name = textOf(data, 'displayName').trim();
      onSignedIn(await acceptLink(token, password, name || undefined));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setBusy(false);
    }
  }

  return (
    <>
      <h1>{kind === 'invite' ? 'Accept your invitation' : 'Choose a new password'}</h1>
      {error && (
        <StatusMessage kind="error">
          <p className="status__title">The password was not set.</p>
          <p className="status__detail">{error}</p>
        </StatusMessage>
      )}
      <form onSubmit={(e) => void submit(e)}>
        {kind === 'invite' && (
          <div style={row}>
            <label htmlFor={`${id}-name`}>Your name (optional)</label>
            <input id={`${id}-name`} name="displayName" autoComplete="name" style={field} />
          </div>
        )}
        <div style={row}>
          <label htmlFor={`${id}-password`}>New password (at least 10 characters)</label>
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={10}
            required
            style={field}
          />
        </div>
        <div style={row}>
          <label htmlFor={`${id}-repeat`}>The same password again</label>
          <input
            id={`${id}-repeat`}
            name="repeat"
            type="password"
            autoComplete="new-password"
            minLength={10}
            required
            style={field}
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : 'Set password and sign in'}
        </button>
      </form>
    </>
  );
}
