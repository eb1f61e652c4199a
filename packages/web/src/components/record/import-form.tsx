import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, ConnectionError, SignedOutError, type ApiIssue } from '../../api/http.js';
import { importCollaboration } from '../../api/records.js';
import { plural } from '../../labels.js';
import { useSession } from '../../session.js';

/** Problems listed on the page; the rest are counted. */
const SHOWN = 200;

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'sending' }
  | { readonly kind: 'problem'; readonly message: string; readonly issues: readonly ApiIssue[] };

/**
 * Uploads a collaboration document (.json) as a new collaboration of the workspace; a refused
 * file shows every problem with its place in the document.
 */
export function ImportForm({
  workspace,
  onImported,
}: {
  readonly workspace: string;
  readonly onImported: (id: string) => void;
}) {
  const session = useSession();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const problemRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0) problemRef.current?.focus();
  }, [attempt]);

  const fail = (message: string, issues: readonly ApiIssue[] = []) => {
    setStatus({ kind: 'problem', message, issues });
    setAttempt((n) => n + 1);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (status.kind === 'sending') return;
    if (!file) {
      fail('Choose a collaboration document (a .json file) to import.');
      return;
    }
    setStatus({ kind: 'sending' });
    try {
      const text = await file.text();
      onImported(await importCollaboration(workspace, text));
    } catch (error) {
      if (error instanceof SignedOutError) return session.signedOut();
      if (error instanceof ConnectionError)
        return fail(`${error.message} Choose Import again when you are back online.`);
      if (error instanceof ApiError)
        return fail(
          error.issues.length > 0
            ? `The file was not imported: it has ${plural(error.issues.length, 'problem', 'problems')}. Nothing was saved.`
            : `The file was not imported: ${error.message}`,
          error.issues,
        );
      fail(`The file could not be read: ${String(error)}`);
    }
  };

  const problem = status.kind === 'problem' ? status : null;
  return (
    <form className="import-form" noValidate onSubmit={(event) => void submit(event)}>
      {problem && (
        <div
          className="rec-summary"
          role="alert"
          tabIndex={-1}
          ref={problemRef}
          aria-labelledby={`${inputId}-problem`}
        >
          <h3 className="rec-summary__title" id={`${inputId}-problem`}>
            {problem.message}
          </h3>
          {problem.issues.length > 0 && (
            <ul
              className="rec-summary__list rec-issues"
              tabIndex={0}
              aria-label="Problems found in the file"
            >
              {problem.issues.slice(0, SHOWN).map((issue, i) => (
                <li key={i}>
                  <code>{issue.path}</code>: {issue.message}
                </li>
              ))}
            </ul>
          )}
          {problem.issues.length > SHOWN && (
            <p>And {plural(problem.issues.length - SHOWN, 'more problem', 'more problems')}.</p>
          )}
        </div>
      )}
      <div className={`rec-field${problem && !file ? ' field--error' : ''}`}>
        <label htmlFor={inputId}>Collaboration document</label>
        <p className="rec-hint" id={`${inputId}-hint`}>
          A .json file exported from Weframe or written to its published format. It becomes a new
          collaboration; nothing existing is changed.
        </p>
        <input
          id={inputId}
          type="file"
          accept=".json,application/json"
          aria-describedby={`${inputId}-hint`}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setStatus({ kind: 'idle' });
          }}
        />
      </div>
      <div className="rec-actions">
        <button
          type="submit"
          className="button button--primary"
          aria-disabled={status.kind === 'sending'}
        >
          {status.kind === 'sending' ? 'Importing…' : 'Import'}
        </button>
      </div>
    </form>
  );
}
