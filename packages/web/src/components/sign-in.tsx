import { useEffect, useId, useState, type FormEvent } from 'react';
import { acceptLink, signIn, type Me } from '../api/session.js';
import { StatusMessage } from './status-message.js';
import {
  describedBy,
  FieldError,
  FormProblem,
  messagesFor,
  problemOf,
  type Problem,
} from './workspace/form-problems.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './workspace/password-form.js';
import '../styles/workspace.css';

/** A text field of the submitted form ('' when absent). */
const textOf = (data: FormData, name: string) => {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
};

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

  useEffect(() => {
    document.title = 'Sign in — Weframe';
  }, []);

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
      <form
        className="ws-form ws-form--narrow"
        onSubmit={(e) => void submit(e)}
        aria-describedby={`${id}-help`}
      >
        <p id={`${id}-help`} className="muted">
          Use your email and the password you chose when you accepted your invitation.
        </p>
        <div className="ws-field">
          <label htmlFor={`${id}-email`}>Email</label>
          <input
            id={`${id}-email`}
            name="email"
            type="email"
            autoComplete="username"
            required
            className="ws-input"
          />
        </div>
        <div className="ws-field">
          <label htmlFor={`${id}-password`}>Password</label>
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            className="ws-input"
          />
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="muted ws-section__note">
        Forgotten your password? An owner of your workspace can reset your access and give you a
        link to choose a new one.
      </p>
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
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = `${kind === 'invite' ? 'Accept your invitation' : 'Choose a new password'} — Weframe`;
  }, [kind]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const password = textOf(data, 'password');
    if (password !== textOf(data, 'repeat')) {
      setProblem({
        message: 'The two passwords differ.',
        connection: false,
        status: 0,
        code: 'mismatch',
        issues: [{ path: 'repeat', message: 'is not the same as the first password' }],
      });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const name = textOf(data, 'displayName').trim();
      onSignedIn(await acceptLink(token, password, name || undefined));
    } catch (caught) {
      setProblem(problemOf(caught));
      setBusy(false);
    }
  }

  if (problem?.status === 410)
    return (
      <>
        <h1>This link no longer works</h1>
        <div className="ws-notice" role="alert">
          <p className="ws-notice__title">It has expired or has already been used.</p>
          <p>
            Each link works once. Ask an owner of your workspace for a new one; if you have already
            chosen your password, sign in with it instead.
          </p>
          <p>
            <a href="/">Go to the sign-in page</a>
          </p>
        </div>
      </>
    );

  const errorsOf = (name: string) => messagesFor(problem, name);
  const input = (name: 'displayName' | 'password' | 'repeat', hasHint = false) => {
    const errors = errorsOf(name);
    return {
      id: `${id}-${name}`,
      name,
      className: 'ws-input',
      'aria-invalid': errors.length > 0 || undefined,
      'aria-describedby': describedBy(
        hasHint && `${id}-${name}-hint`,
        errors.length > 0 && `${id}-${name}-error`,
      ),
    };
  };
  const rules = `At least ${MIN_PASSWORD_LENGTH} characters (at most ${MAX_PASSWORD_LENGTH}). A few unrelated words make a long password that is easy to remember.`;

  return (
    <>
      <h1>{kind === 'invite' ? 'Accept your invitation' : 'Choose a new password'}</h1>
      <p className="ws-lead">
        {kind === 'invite'
          ? 'Choose the password you will sign in with. This link works once.'
          : 'Choose a new password to sign in with. This link works once.'}
      </p>
      <FormProblem
        problem={problem}
        fields={['displayName', 'password', 'repeat']}
        title="The password was not set."
      />
      <form className="ws-form ws-form--narrow" onSubmit={(e) => void submit(e)} noValidate>
        {kind === 'invite' && (
          <div className="ws-field">
            <label htmlFor={`${id}-displayName`}>Your name (optional)</label>
            <input {...input('displayName', true)} autoComplete="name" />
            <p id={`${id}-displayName-hint`} className="ws-field__hint">
              As the people you work with will see it.
            </p>
            <FieldError id={`${id}-displayName-error`} messages={errorsOf('displayName')} />
          </div>
        )}
        <div className="ws-field">
          <label htmlFor={`${id}-password`}>New password</label>
          <input
            {...input('password', true)}
            type="password"
            autoComplete="new-password"
            required
          />
          <p id={`${id}-password-hint`} className="ws-field__hint">
            {rules}
          </p>
          <FieldError id={`${id}-password-error`} messages={errorsOf('password')} />
        </div>
        <div className="ws-field">
          <label htmlFor={`${id}-repeat`}>The same password again</label>
          <input {...input('repeat')} type="password" autoComplete="new-password" required />
          <FieldError id={`${id}-repeat-error`} messages={errorsOf('repeat')} />
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Set password and sign in'}
        </button>
      </form>
    </>
  );
}
