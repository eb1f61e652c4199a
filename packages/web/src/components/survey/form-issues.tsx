import { ApiError, type ApiIssue } from '../../api/http.js';
import { StatusMessage } from '../status-message.js';

/** The issues about one field: its path exactly, or anything inside it. */
export function issuesAt(issues: readonly ApiIssue[], path: string): ApiIssue[] {
  return issues.filter(
    (i) => i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`),
  );
}

/** The server's problems with one field, shown next to it (link it with aria-describedby). */
export function FieldIssues({ id, issues }: { id: string; issues: readonly ApiIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="field-issues" id={id}>
      {issues.map((issue) => (
        <li key={`${issue.path}:${issue.message}`}>
          <span aria-hidden="true">! </span>
          {issue.message}
        </li>
      ))}
    </ul>
  );
}

/**
 * Why a form was not accepted: the server's message, and any of its issues that no field on
 * the form shows (`shown` lists the paths the form shows by itself).
 */
export function FormError({
  error,
  title,
  shown = [],
}: {
  error: unknown;
  title: string;
  shown?: readonly string[];
}) {
  if (error === null || error === undefined) return null;
  const issues = error instanceof ApiError ? error.issues : [];
  const rest = issues.filter((i) => !shown.some((p) => issuesAt([i], p).length > 0));
  const message =
    error instanceof Error ? error.message : 'Something went wrong; please try again.';
  return (
    <StatusMessage kind="error">
      <p className="status__title">{title}</p>
      <p className="status__detail">{message}</p>
      {rest.length > 0 && (
        <ul className="status__detail">
          {rest.map((i) => (
            <li key={`${i.path}:${i.message}`}>
              {i.path ? `${i.path}: ` : ''}
              {i.message}
            </li>
          ))}
        </ul>
      )}
    </StatusMessage>
  );
}
