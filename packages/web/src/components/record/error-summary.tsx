import { useEffect, useRef, type MouseEvent } from 'react';
import { fieldDomId, type PlacedIssue } from './issues.js';

interface ErrorSummaryProps {
  readonly formId: string;
  readonly issues: readonly PlacedIssue[];
  /** Changes on every refused attempt, so focus returns to the summary each time. */
  readonly attempt: number;
  readonly title?: string;
  /** Words for a problem outside the form (another record it concerns). */
  readonly describePath?: (path: string) => string;
}

/**
 * Every problem of a refused form at the top, each linking to its field; it takes focus so
 * screen reader and keyboard users start there.
 */
export function ErrorSummary({
  formId,
  issues,
  attempt,
  title = 'There is a problem',
  describePath = (path) => path,
}: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (issues.length > 0) ref.current?.focus();
    // Focus moves on each refused attempt, not on every edit after it.
  }, [attempt]);
  if (issues.length === 0) return null;
  const jump = (event: MouseEvent<HTMLAnchorElement>, field: string) => {
    const target = document.getElementById(fieldDomId(formId, field));
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView({ block: 'center' });
  };
  const titleId = `${formId}-error-summary`;
  return (
    <div className="rec-summary" role="alert" aria-labelledby={titleId} tabIndex={-1} ref={ref}>
      <h2 id={titleId} className="rec-summary__title">
        {title}
      </h2>
      <ul className="rec-summary__list">
        {issues.map((issue, i) => (
          <li key={i}>
            {issue.field !== null ? (
              <a
                href={`#${fieldDomId(formId, issue.field)}`}
                onClick={(event) => jump(event, issue.field ?? '')}
              >
                {issue.label}: {issue.message}
              </a>
            ) : (
              <>
                {issue.path === '' ? '' : `${describePath(issue.path)}: `}
                {issue.message}
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
