import { useId, useRef, useState, type FormEvent } from 'react';
import { SignedOutError } from '../../api/http.js';
import { changePassword } from '../../api/workspaces.js';
import { useSession } from '../../session.js';
import {
  describedBy,
  FieldError,
  FormProblem,
  messagesFor,
  problemOf,
  type Problem,
} from './form-problems.js';

/** The server's rules for a new password (see the server's password module). */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 1024;

const FIELDS = ['current', 'next', 'repeat'] as const;

/** Changes the signed-in user's own password. */
export function PasswordForm() {
  const id = useId();
  const session = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState(false);
  const doneRef = useRef<HTMLParagraphElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    if (next !== repeat) {
      setProblem({
        message: 'The new password and its repetition differ.',
        connection: false,
        status: 0,
        code: 'mismatch',
        issues: [{ path: 'repeat', message: 'is not the same as the new password' }],
      });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(true);
      requestAnimationFrame(() => doneRef.current?.focus());
    } catch (caught) {
      if (caught instanceof SignedOutError) return session.signedOut();
      setProblem(problemOf(caught));
    } finally {
      setBusy(false);
    }
  }

  const field = (
    name: (typeof FIELDS)[number],
    label: string,
    value: string,
    set: (value: string) => void,
    hint?: string,
  ) => {
    const errors = messagesFor(problem, name);
    return (
      <div className="ws-field">
        <label htmlFor={`${id}-${name}`}>{label}</label>
        <input
          id={`${id}-${name}`}
          className="ws-input"
          type="password"
          autoComplete={name === 'current' ? 'current-password' : 'new-password'}
          required
          value={value}
          onChange={(event) => set(event.target.value)}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={describedBy(
            hint && `${id}-${name}-hint`,
            errors.length > 0 && `${id}-${name}-error`,
          )}
        />
        {hint && (
          <p id={`${id}-${name}-hint`} className="ws-field__hint">
            {hint}
          </p>
        )}
        <FieldError id={`${id}-${name}-error`} messages={errors} />
      </div>
    );
  };

  return (
    <form className="ws-form ws-form--narrow" onSubmit={(event) => void submit(event)} noValidate>
      {done && (
        <p ref={doneRef} tabIndex={-1} className="ws-done" role="status">
          Your password has been changed. Any other device signed in as you has been signed out.
        </p>
      )}
      <FormProblem problem={problem} fields={FIELDS} title="Your password was not changed." />
      {field('current', 'Current password', current, setCurrent)}
      {field(
        'next',
        'New password',
        next,
        setNext,
        `At least ${MIN_PASSWORD_LENGTH} characters (at most ${MAX_PASSWORD_LENGTH}). A few unrelated words make a long password that is easy to remember.`,
      )}
      {field('repeat', 'New password again', repeat, setRepeat)}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}
