import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ApiError, ConnectionError, SignedOutError, type ApiIssue } from '../../api/http.js';
import { useSession } from '../../session.js';

/** A refused or failed action, in words, with the server's issues (each with its field). */
export interface ActionProblem {
  readonly message: string;
  readonly issues: readonly ApiIssue[];
}

/** What an action hook gives a form. */
export interface Action {
  /** Runs `fn`; resolves true when it succeeded, false when it failed (the problem is kept). */
  readonly run: (fn: () => Promise<unknown>) => Promise<boolean>;
  readonly busy: boolean;
  readonly problem: ActionProblem | null;
  readonly clear: () => void;
  /** The issues about one field (`path` as the server names it). */
  readonly issuesFor: (path: string) => readonly ApiIssue[];
}

/** A problem in words: a lost connection says so and that nothing typed was lost. */
export function problemOf(error: unknown): ActionProblem {
  if (error instanceof ConnectionError) return { message: error.message, issues: [] };
  if (error instanceof ApiError) return { message: error.message, issues: error.issues };
  return { message: error instanceof Error ? error.message : String(error), issues: [] };
}

/**
 * One form's request at a time: busy while it runs, the problem kept when it fails (the
 * session ends on 401), nothing typed lost either way.
 */
export function useAction(): Action {
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ActionProblem | null>(null);
  const running = useRef(false);
  const run = useCallback(
    async (fn: () => Promise<unknown>) => {
      if (running.current) return false;
      running.current = true;
      setBusy(true);
      setProblem(null);
      try {
        await fn();
        return true;
      } catch (error) {
        if (error instanceof SignedOutError) {
          session.signedOut();
          return false;
        }
        setProblem(problemOf(error));
        return false;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [session],
  );
  const clear = useCallback(() => setProblem(null), []);
  const issuesFor = useCallback(
    (path: string) => problem?.issues.filter((i) => i.path === path) ?? [],
    [problem],
  );
  return { run, busy, problem, clear, issuesFor };
}

/** The problem of a form as a whole: its message and the issues no field of the form shows. */
export function FormProblem({
  problem,
  fields = [],
}: {
  readonly problem: ActionProblem | null;
  /** Fields the form shows issues next to; their issues are not repeated here. */
  readonly fields?: readonly string[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) ref.current?.focus();
  }, [problem]);
  if (!problem) return null;
  const rest = problem.issues.filter((i) => !fields.includes(i.path));
  return (
    <div className="ev-problem" role="alert" tabIndex={-1} ref={ref}>
      <p className="ev-problem__title">{problem.message}</p>
      {rest.length > 0 && (
        <ul className="ev-problem__list">
          {rest.slice(0, 50).map((issue, i) => (
            <li key={i}>
              {issue.path !== '' && issue.path !== '(body)' ? <code>{issue.path}</code> : null}
              {issue.path !== '' && issue.path !== '(body)' ? ': ' : null}
              {issue.message}
            </li>
          ))}
          {rest.length > 50 && <li>And {rest.length - 50} more.</li>}
        </ul>
      )}
    </div>
  );
}

/** The id to put in a field's aria-describedby when it has issues (none otherwise). */
export function describedBy(id: string, issues: readonly ApiIssue[]): string | undefined {
  return issues.length > 0 ? id : undefined;
}

/** The issues of one field, shown under it; `id` is what the input's aria-describedby names. */
export function FieldIssues({
  id,
  issues,
}: {
  readonly id: string;
  readonly issues: readonly ApiIssue[];
}) {
  if (issues.length === 0) return null;
  return (
    <ul className="ev-field-issues" id={id}>
      {issues.map((issue, i) => (
        <li key={i}>{issue.message}</li>
      ))}
    </ul>
  );
}

/**
 * A modal dialog on the native `<dialog>`: focus moves in and stays, Escape cancels, focus
 * returns to what opened it. The form's submit runs `onConfirm`; a refusal is shown inside
 * and the dialog stays open with what was chosen.
 */
export function EvidenceDialog({
  title,
  confirmLabel,
  onConfirm,
  onClose,
  children,
  destructive = false,
  fields = [],
}: {
  readonly title: string;
  readonly confirmLabel: string;
  readonly onConfirm: () => Promise<unknown>;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly destructive?: boolean;
  readonly fields?: readonly string[];
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();
  const action = useAction();
  useEffect(() => {
    opener.current = document.activeElement;
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (opener.current instanceof HTMLElement) opener.current.focus();
    };
  }, []);
  return (
    <dialog ref={ref} className="ev-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form
        className="ev-dialog__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void action.run(onConfirm).then((ok) => {
            if (ok) ref.current?.close();
          });
        }}
      >
        <h2 id={titleId} className="ev-dialog__title">
          {title}
        </h2>
        <FormProblem problem={action.problem} fields={fields} />
        <div className="ev-dialog__body">{children}</div>
        <div className="ev-dialog__actions">
          <button
            type="button"
            className="button button--quiet"
            onClick={() => ref.current?.close()}
          >
            Cancel
          </button>
          <button
            type="submit"
            className={destructive ? 'button ev-button--danger' : 'button button--primary'}
            aria-disabled={action.busy}
          >
            {action.busy ? 'Working…' : confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
