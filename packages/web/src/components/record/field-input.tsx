import type { ReactNode } from 'react';
import { generatedId, type Draft, type DraftValue } from './draft.js';
import { fieldDomId } from './issues.js';
import type { FieldSpec, FieldTable, Option } from './record-fields.js';
import type { RefOptions } from './ref-options.js';

/** What every input of one form shares. */
export interface FieldContext {
  readonly formId: string;
  /** Problems by field path. */
  readonly errors: ReadonlyMap<string, readonly string[]>;
  readonly refs: RefOptions;
  /** Narrower choices for some paths (a member's role claim names only themselves). */
  readonly restrict?: ReadonlyMap<string, readonly Option[]>;
  readonly disabled: boolean;
}

interface FieldProps {
  readonly path: string;
  readonly spec: FieldSpec;
  readonly value: DraftValue | undefined;
  readonly onChange: (value: DraftValue) => void;
  readonly ctx: FieldContext;
}

const optional = (spec: FieldSpec): boolean =>
  'presence' in spec &&
  spec.presence !== 'required' &&
  !('initial' in spec && spec.initial !== undefined);

function labelText(spec: FieldSpec): string {
  return optional(spec) ? `${spec.label} (optional)` : spec.label;
}

const asString = (value: DraftValue | undefined): string =>
  typeof value === 'string' ? value : '';
const asStrings = (value: DraftValue | undefined): readonly string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const asDrafts = (value: DraftValue | undefined): readonly Draft[] =>
  Array.isArray(value) ? (value as readonly Draft[]).filter((v) => typeof v === 'object') : [];
const asDraft = (value: DraftValue | undefined): Draft =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Draft) : {};

/** The hint and error lines under a label, and the ids an input is described by. */
function describeField(ctx: FieldContext, path: string, spec: FieldSpec) {
  const id = fieldDomId(ctx.formId, path);
  const errors = ctx.errors.get(path) ?? [];
  const hintId = spec.hint ? `${id}-hint` : null;
  const errorId = errors.length > 0 ? `${id}-error` : null;
  const describedBy = [hintId, errorId].filter((x) => x !== null).join(' ') || undefined;
  const lines: ReactNode = (
    <>
      {spec.hint && (
        <p className="rec-hint" id={hintId ?? undefined}>
          {spec.hint}
        </p>
      )}
      {errors.length > 0 && (
        <p className="rec-error" id={errorId ?? undefined}>
          {errors.map((message, i) => (
            <span key={i} className="rec-error__line">
              <span className="visually-hidden">Error: </span>
              {spec.label}: {message}
            </span>
          ))}
        </p>
      )}
    </>
  );
  return { id, invalid: errors.length > 0, describedBy, lines };
}

/** Choices of a reference with the current values kept even when they are not listed. */
function withCurrent(options: readonly Option[], values: readonly string[]): Option[] {
  const known = new Set(options.map((o) => o.value));
  return [
    ...options,
    ...values
      .filter((v) => v !== '' && !known.has(v))
      .map((v) => ({ value: v, label: `${v} (not shown to you)` })),
  ];
}

/** One field of a record form, drawn from its description. */
export function FieldInput({ path, spec, value, onChange, ctx }: FieldProps) {
  const { id, invalid, describedBy, lines } = describeField(ctx, path, spec);
  const className = `rec-field${invalid ? ' rec-field--error' : ''}`;
  const common = {
    id,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    disabled: ctx.disabled,
  } as const;

  switch (spec.kind) {
    case 'generatedId':
      return null;
    case 'text':
    case 'number':
    case 'date':
      return (
        <div className={className}>
          <label htmlFor={id}>{labelText(spec)}</label>
          {lines}
          {spec.kind === 'text' && spec.long ? (
            <textarea
              {...common}
              rows={3}
              maxLength={spec.maxLength}
              value={asString(value)}
              onChange={(event) => onChange(event.target.value)}
            />
          ) : (
            <input
              {...common}
              type={spec.kind === 'date' ? 'date' : 'text'}
              inputMode={spec.kind === 'number' ? 'decimal' : undefined}
              maxLength={spec.kind === 'text' ? spec.maxLength : undefined}
              className={spec.kind === 'text' ? undefined : 'rec-input--short'}
              value={asString(value)}
              onChange={(event) => onChange(event.target.value)}
            />
          )}
        </div>
      );
    case 'boolean':
      return (
        <div className={`${className} rec-field--checkbox`}>
          <input
            {...common}
            type="checkbox"
            checked={value === true}
            onChange={(event) => onChange(event.target.checked)}
          />
          <label htmlFor={id}>{spec.label}</label>
          {lines}
        </div>
      );
    case 'choice':
      if (spec.radios)
        return (
          <fieldset className={className} aria-describedby={describedBy}>
            <legend>{labelText(spec)}</legend>
            {lines}
            <div className="rec-choices">
              {spec.options.map((option, i) => (
                <div className="rec-choice" key={option.value}>
                  <input
                    type="radio"
                    id={i === 0 ? id : `${id}-${i}`}
                    name={id}
                    value={option.value}
                    checked={asString(value) === option.value}
                    disabled={ctx.disabled}
                    onChange={() => onChange(option.value)}
                  />
                  <label htmlFor={i === 0 ? id : `${id}-${i}`}>{option.label}</label>
                </div>
              ))}
            </div>
          </fieldset>
        );
      return (
        <div className={className}>
          <label htmlFor={id}>{labelText(spec)}</label>
          {lines}
          <select
            {...common}
            value={asString(value)}
            onChange={(event) => onChange(event.target.value)}
          >
            {(spec.initial === undefined || asString(value) === '') && (
              <option value="">{spec.presence === 'required' ? 'Choose…' : 'Not set'}</option>
            )}
            {withCurrent(spec.options, [asString(value)]).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      );
    case 'ref': {
      const choices = ctx.restrict?.get(path) ?? ctx.refs.choices(spec.to);
      if (choices === null)
        return (
          <div className={className}>
            <label htmlFor={id}>{labelText(spec)}</label>
            {lines}
            <p className="rec-hint">Your role does not list these; type the reference.</p>
            <input
              {...common}
              type="text"
              value={asString(value)}
              onChange={(event) => onChange(event.target.value)}
            />
          </div>
        );
      const restricted = ctx.restrict?.has(path) === true;
      return (
        <div className={className}>
          <label htmlFor={id}>{labelText(spec)}</label>
          {lines}
          <select
            {...common}
            value={asString(value)}
            onChange={(event) => onChange(event.target.value)}
          >
            {!restricted && (
              <option value="">{spec.presence === 'required' ? 'Choose…' : 'None'}</option>
            )}
            {withCurrent(choices, [asString(value)]).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      );
    }
    case 'pair': {
      const choices = ctx.refs.choices(spec.to) ?? [];
      const pair = asStrings(value);
      return (
        <fieldset className={className} aria-describedby={describedBy}>
          <legend>{labelText(spec)}</legend>
          {lines}
          <div className="rec-pair">
            {spec.labels.map((label, i) => {
              const slotPath = `${path}[${i}]`;
              const slotId = i === 0 ? id : fieldDomId(ctx.formId, slotPath);
              const slotErrors = ctx.errors.get(slotPath) ?? [];
              return (
                <div
                  className={`rec-field${slotErrors.length > 0 ? ' rec-field--error' : ''}`}
                  key={label}
                >
                  <label htmlFor={slotId}>{label}</label>
                  {slotErrors.length > 0 && (
                    <p className="rec-error" id={`${slotId}-error`}>
                      <span className="visually-hidden">Error: </span>
                      {label}: {slotErrors.join('; ')}
                    </p>
                  )}
                  <select
                    id={slotId}
                    disabled={ctx.disabled}
                    aria-invalid={slotErrors.length > 0 || undefined}
                    aria-describedby={slotErrors.length > 0 ? `${slotId}-error` : undefined}
                    value={pair[i] ?? ''}
                    onChange={(event) => {
                      const next = [pair[0] ?? '', pair[1] ?? ''];
                      next[i] = event.target.value;
                      onChange(next);
                    }}
                  >
                    <option value="">Choose…</option>
                    {withCurrent(choices, [pair[i] ?? '']).map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                </div>
              );
            })}
          </div>
        </fieldset>
      );
    }
    case 'refs':
      return <RefsInput {...{ path, spec, value, onChange, ctx }} />;
    case 'group':
      return <GroupInput {...{ path, spec, value, onChange, ctx }} />;
    case 'object':
      return (
        <fieldset className={`${className} rec-nested`} aria-describedby={describedBy}>
          <legend>{spec.label}</legend>
          {lines}
          <FieldList
            fields={spec.fields}
            prefix={path}
            draft={asDraft(value)}
            onChange={onChange}
            ctx={ctx}
          />
        </fieldset>
      );
  }
}

function RefsInput({ path, spec, value, onChange, ctx }: FieldProps) {
  const { id, describedBy, invalid, lines } = describeField(ctx, path, spec);
  if (spec.kind !== 'refs') return null;
  const selected = asStrings(value);
  const choices = ctx.refs.choices(spec.to);
  const className = `rec-field${invalid ? ' rec-field--error' : ''}`;
  if (choices === null)
    return (
      <div className={className}>
        <label htmlFor={id}>{spec.label} (optional)</label>
        {lines}
        <p className="rec-hint">
          Your role does not list these; type the references, separated by commas.
        </p>
        <input
          id={id}
          type="text"
          disabled={ctx.disabled}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          value={selected.join(', ')}
          onChange={(event) =>
            onChange(
              event.target.value
                .split(',')
                .map((v) => v.trim())
                .filter((v) => v !== ''),
            )
          }
        />
      </div>
    );
  const all = withCurrent(choices, selected);
  const toggle = (option: string, on: boolean) =>
    onChange(on ? [...selected, option] : selected.filter((v) => v !== option));
  return (
    <fieldset className={className} aria-describedby={describedBy}>
      <legend>{spec.label}</legend>
      {lines}
      {all.length === 0 ? (
        <p className="muted" id={id} tabIndex={-1}>
          There is nothing to choose yet.
        </p>
      ) : (
        <div className={`rec-checkboxes${all.length > 8 ? ' rec-checkboxes--scroll' : ''}`}>
          {all.map((option, i) => {
            const optionId = i === 0 ? id : `${id}-${i}`;
            return (
              <div className="rec-choice" key={option.value}>
                <input
                  type="checkbox"
                  id={optionId}
                  disabled={ctx.disabled}
                  checked={selected.includes(option.value)}
                  onChange={(event) => toggle(option.value, event.target.checked)}
                />
                <label htmlFor={optionId}>{option.label}</label>
              </div>
            );
          })}
        </div>
      )}
    </fieldset>
  );
}

function GroupInput({ path, spec, value, onChange, ctx }: FieldProps) {
  const { id, describedBy, invalid, lines } = describeField(ctx, path, spec);
  if (spec.kind !== 'group') return null;
  const items = asDrafts(value);
  const firstField = Object.entries(spec.fields).find(([, s]) => s.kind !== 'generatedId')?.[0];
  const add = () => {
    const item: Record<string, DraftValue> = {};
    for (const [key, sub] of Object.entries(spec.fields))
      item[key] =
        sub.kind === 'boolean'
          ? sub.initial
          : sub.kind === 'generatedId'
            ? generatedId(sub.prefix)
            : sub.kind === 'refs'
              ? []
              : sub.kind === 'choice'
                ? (sub.initial ?? '')
                : '';
    onChange([...items, item]);
    // Focus the new item's first input once it is drawn.
    const next = fieldDomId(ctx.formId, `${path}[${items.length}].${firstField ?? ''}`);
    requestAnimationFrame(() => document.getElementById(next)?.focus());
  };
  const remove = (index: number) => {
    onChange(items.filter((_, i) => i !== index));
    requestAnimationFrame(() => document.getElementById(id)?.focus());
  };
  const noun = spec.itemLabel.toLowerCase();
  return (
    <fieldset
      className={`rec-field${invalid ? ' rec-field--error' : ''} rec-nested`}
      aria-describedby={describedBy}
    >
      <legend>{spec.label} (optional)</legend>
      {lines}
      {items.map((item, index) => (
        <fieldset className="rec-repeat" key={index}>
          <legend>
            {spec.itemLabel} {index + 1}
          </legend>
          <FieldList
            fields={spec.fields}
            prefix={`${path}[${index}]`}
            draft={item}
            onChange={(next) => onChange(items.map((it, i) => (i === index ? next : it)))}
            ctx={ctx}
          />
          <button
            type="button"
            className="button button--quiet rec-button--small"
            disabled={ctx.disabled}
            onClick={() => remove(index)}
          >
            Remove {noun} {index + 1}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        id={id}
        className="button button--quiet rec-button--small"
        disabled={ctx.disabled}
        onClick={add}
      >
        {spec.addLabel}
      </button>
    </fieldset>
  );
}

/** The inputs of a table of fields, in order. */
export function FieldList({
  fields,
  prefix,
  draft,
  onChange,
  ctx,
}: {
  readonly fields: FieldTable;
  readonly prefix: string;
  readonly draft: Draft;
  readonly onChange: (draft: Draft) => void;
  readonly ctx: FieldContext;
}) {
  return (
    <>
      {Object.entries(fields).map(([key, spec]) => (
        <FieldInput
          key={key}
          path={prefix === '' ? key : `${prefix}.${key}`}
          spec={spec}
          value={draft[key]}
          onChange={(value) => onChange({ ...draft, [key]: value })}
          ctx={ctx}
        />
      ))}
    </>
  );
}
