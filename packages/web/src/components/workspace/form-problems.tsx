import type { ReactNode } from 'react';
import { ApiError, ConnectionError } from '../../api/http.js';

/** What went wrong with a form's last submission: the server's words and its issue list. */
export interface Problem {
  readonly message: string;
  /** The server could not be reached: nothing was saved, and what was typed is kept. */
  readonly connection: boolean;
  readonly status: number;
  readonly code: string;
  readonly issues: readonly { readonly path: string; readonly message: string }[];
}

/** Turns whatever a request threw into a {@link Problem}. */
export function problemOf(caught: unknown): Problem {
  if (caught instanceof ApiError) {
    return {
      message: caught.message,
      connection: caught instanceof ConnectionError,
      status: caught.status,
      code: caught.code,
      issues: caught.issues,
    };
  }
  return {
    message: caught instanceof Error ? caught.message : String(caught),
    connection: false,
    status: 0,
    code: 'error',
    issues: [],
  };
}

/** Whether an issue's path is the field's own (`email`) or inside it (`email.x`, `email[0]`). */
const concerns = (path: string, field: string) =>
  path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);

/** The server's messages about one field. */
export function messagesFor(problem: Problem | null, field: string): string[] {
  if (!problem) return [];
  return problem.issues.filter((i) => concerns(i.path, field)).map((i) => i.message);
}

/** The issues that concern none of the form's fields. */
export function otherIssues(problem: Problem | null, fields: readonly string[]) {
  if (!problem) return [];
  return problem.issues.filter((i) => !fields.some((f) => concerns(i.path, f)));
}

/** The props that tie an input to its hint and its error, for assistive technology. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}

/** The server's messages about one field, shown under it; nothing when there are none. */
export function FieldError({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <p id={id} className="ws-field__error">
      <span className="visually-hidden">Error: </span>
      {messages.join('; ')}
    </p>
  );
}

/**
 * The summary above a form after a refused submission: the server's message, and the issues
 * that belong to no field on the form (those that do are shown next to their field).
 */
export function FormProblem({
  problem,
  fields,
  title,
  children,
}: {
  problem: Problem | null;
  fields: readonly string[];
  title: string;
  children?: ReactNode;
}) {
  if (!problem) return null;
  const rest = otherIssues(problem, fields);
  return (
    <div className="status status--error" role="alert">
      <p className="status__title">{problem.connection ? 'Not saved: no connection.' : title}</p>
      <p className="status__detail">{problem.message}</p>
      {rest.length > 0 && (
        <ul className="ws-issues">
          {rest.map((issue, i) => (
            <li key={`${issue.path}-${i}`}>
              {issue.path && issue.path !== '(document)' ? (
                <>
                  <code>{issue.path}</code>: {issue.message}
                </>
              ) : (
                issue.message
              )}
            </li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}
