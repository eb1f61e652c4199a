import { useEffect, useRef, type ReactNode } from 'react';
import { displayValue, sameValue } from './display.js';
import type { FieldSpec, FieldTable } from './record-fields.js';
import type { RefOptions } from './ref-options.js';

/** A message that takes focus when it appears, so keyboard and screen reader users meet it. */
function FocusedAlert({
  className,
  title,
  children,
}: {
  readonly className: string;
  readonly title: string;
  readonly children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className={`rec-notice ${className}`} role="alert" tabIndex={-1} ref={ref}>
      <p className="rec-notice__title">{title}</p>
      {children}
    </div>
  );
}

/** The server could not be reached: nothing was saved, what was typed is still there. */
export function ConnectionNotice({
  message,
  onRetry,
}: {
  readonly message: string;
  readonly onRetry: () => void;
}) {
  return (
    <FocusedAlert className="rec-notice--error" title="Not saved: the server could not be reached">
      <p>{message}</p>
      <p>What you typed is still in the form. Check your connection, then try again.</p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </FocusedAlert>
  );
}

/** The server refused for a reason no field explains (the role, an archived collaboration). */
export function RefusedNotice({ message }: { readonly message: string }) {
  return (
    <FocusedAlert className="rec-notice--error" title="Not saved">
      <p>{message}</p>
    </FocusedAlert>
  );
}

interface ConflictProps {
  readonly noun: string;
  readonly fields: FieldTable;
  /** What is stored now (someone else's version). */
  readonly theirs: Readonly<Record<string, unknown>>;
  /** What the form would send. */
  readonly yours: Readonly<Record<string, unknown>>;
  readonly refs: RefOptions;
  /** Extra rows (confidentiality) compared like the fields. */
  readonly extra?: readonly { label: string; theirs: string; yours: string }[];
  readonly onUseTheirs: () => void;
}

/**
 * Someone else saved first (409): their values beside the user's, the user's kept in the form;
 * saving again replaces theirs, or the user takes theirs.
 */
export function ConflictNotice({
  noun,
  fields,
  theirs,
  yours,
  refs,
  extra = [],
  onUseTheirs,
}: ConflictProps) {
  const rows = Object.entries(fields)
    .filter(([key, spec]) => spec.kind !== 'generatedId' && !sameValue(theirs[key], yours[key]))
    .map(([key, spec]: [string, FieldSpec]) => ({
      label: spec.label,
      theirs: displayValue(spec, theirs[key], refs),
      yours: displayValue(spec, yours[key], refs),
    }))
    .concat(extra.filter((row) => row.theirs !== row.yours));
  return (
    <FocusedAlert
      className="rec-notice--warning"
      title={`Someone else changed this ${noun} while you were editing it`}
    >
      <p>
        Your changes have not been saved, and they are still in the form below. Compare them with
        the version now stored, then save again to replace it with yours, or take the stored version
        instead.
      </p>
      {rows.length > 0 ? (
        <div className="rec-table-wrap">
          <table className="rec-table rec-conflict">
            <caption>Where the stored version differs from yours</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Stored now</th>
                <th scope="col">Yours</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td data-label="Stored now">{row.theirs}</td>
                  <td data-label="Yours">{row.yours}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>The stored version now holds the same values as yours.</p>
      )}
      <button type="button" className="button button--quiet" onClick={onUseTheirs}>
        Use the stored version
      </button>
    </FocusedAlert>
  );
}
