import { useEffect, useRef, type ReactNode } from 'react';
import type { Draft } from './draft.js';
import { ErrorSummary } from './error-summary.js';
import { FieldList, type FieldContext } from './field-input.js';
import type { PlacedIssue } from './issues.js';
import type { FieldTable } from './record-fields.js';

interface RecordFormProps {
  readonly formId: string;
  readonly heading: string;
  readonly intro?: ReactNode;
  readonly fields: FieldTable;
  readonly draft: Draft;
  readonly onDraft: (draft: Draft) => void;
  readonly issues: readonly PlacedIssue[];
  /** Increases on each refused attempt (focus returns to the summary). */
  readonly attempt: number;
  readonly ctx: Omit<FieldContext, 'formId' | 'errors' | 'disabled'>;
  readonly errors: ReadonlyMap<string, readonly string[]>;
  readonly busy: boolean;
  readonly submitLabel: string;
  readonly onSubmit: () => void;
  readonly onCancel?: () => void;
  /** Panels under the summary: a conflict, a lost connection. */
  readonly notices?: ReactNode;
  /** Inputs after the fields (confidentiality). */
  readonly extra?: ReactNode;
  readonly describePath?: (path: string) => string;
  /** Move focus to the heading when the form opens. */
  readonly focusOnOpen?: boolean;
  /** `h2` inside a page; `h3` when nested under one. */
  readonly level?: 2 | 3;
}

/** A form drawn from a field table, with the error summary and inline problems. */
export function RecordForm(props: RecordFormProps) {
  const {
    formId,
    heading,
    intro,
    fields,
    draft,
    onDraft,
    issues,
    attempt,
    ctx,
    errors,
    busy,
    submitLabel,
    onSubmit,
    onCancel,
    notices,
    extra,
    describePath,
    focusOnOpen = true,
    level = 2,
  } = props;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnOpen) headingRef.current?.focus();
  }, [focusOnOpen]);
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="record-form" aria-labelledby={`${formId}-title`}>
      <Heading id={`${formId}-title`} tabIndex={-1} ref={headingRef} className="record-form__title">
        {heading}
      </Heading>
      {intro}
      <ErrorSummary
        formId={formId}
        issues={issues}
        attempt={attempt}
        {...(describePath ? { describePath } : {})}
      />
      {notices}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) onSubmit();
        }}
      >
        <FieldList
          fields={fields}
          prefix=""
          draft={draft}
          onChange={onDraft}
          ctx={{ ...ctx, formId, errors, disabled: false }}
        />
        {extra}
        <div className="rec-actions">
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            {busy ? 'Saving…' : submitLabel}
          </button>
          {onCancel && (
            <button type="button" className="button button--quiet" onClick={onCancel}>
              Cancel
            </button>
          )}
          <span className="visually-hidden" role="status">
            {busy ? 'Saving…' : ''}
          </span>
        </div>
      </form>
    </section>
  );
}
