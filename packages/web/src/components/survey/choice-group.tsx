import { useId, type ReactNode } from 'react';

/** One answer of a question. */
export interface Option<T> {
  readonly value: T;
  readonly label: ReactNode;
  /** A second line under the label. */
  readonly hint?: ReactNode;
}

interface GroupProps {
  /** The question, read out as the group's name. */
  readonly legend: ReactNode;
  readonly hint?: ReactNode;
  /** `scale` lays the answers in one row on wide screens. */
  readonly layout?: 'list' | 'scale';
  readonly problem?: string | null;
  readonly id?: string;
}

/** A question with one answer: a fieldset of native radio buttons with large touch targets. */
export function RadioGroup<T extends string | number | null>({
  legend,
  hint,
  options,
  value,
  onChange,
  layout = 'list',
  problem,
  id,
}: GroupProps & {
  readonly options: readonly Option<T>[];
  /** `undefined` when unanswered. */
  readonly value: T | undefined;
  readonly onChange: (value: T) => void;
}) {
  const name = useId();
  const hintId = `${name}-hint`;
  const problemId = `${name}-problem`;
  const describedBy = [hint ? hintId : null, problem ? problemId : null].filter(Boolean).join(' ');
  return (
    <fieldset
      className={`question${problem ? ' question--problem' : ''}`}
      id={id}
      aria-describedby={describedBy || undefined}
    >
      <legend className="question__legend">{legend}</legend>
      {hint && (
        <p id={hintId} className="question__hint">
          {hint}
        </p>
      )}
      {problem && (
        <p id={problemId} className="question__problem">
          <span aria-hidden="true">! </span>
          {problem}
        </p>
      )}
      <div className={`choices choices--${layout}`}>
        {options.map((option) => (
          <label key={String(option.value)} className="choice">
            <input
              type="radio"
              name={name}
              value={String(option.value)}
              checked={value !== undefined && value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span className="choice__text">
              <span className="choice__label">{option.label}</span>
              {option.hint && <span className="choice__hint">{option.hint}</span>}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A question with any number of answers: a fieldset of native checkboxes. */
export function CheckboxGroup({
  legend,
  hint,
  options,
  value,
  onChange,
  problem,
  id,
  isDisabled,
}: GroupProps & {
  readonly options: readonly Option<string>[];
  readonly value: readonly string[];
  readonly onChange: (value: string[]) => void;
  /** Options that cannot be ticked now (e.g. the list is full); ticked ones stay free. */
  readonly isDisabled?: (value: string) => boolean;
}) {
  const name = useId();
  const hintId = `${name}-hint`;
  const problemId = `${name}-problem`;
  const describedBy = [hint ? hintId : null, problem ? problemId : null].filter(Boolean).join(' ');
  const chosen = new Set(value);
  return (
    <fieldset
      className={`question${problem ? ' question--problem' : ''}`}
      id={id}
      aria-describedby={describedBy || undefined}
    >
      <legend className="question__legend">{legend}</legend>
      {hint && (
        <p id={hintId} className="question__hint">
          {hint}
        </p>
      )}
      {problem && (
        <p id={problemId} className="question__problem">
          <span aria-hidden="true">! </span>
          {problem}
        </p>
      )}
      <div className="choices choices--list">
        {options.map((option) => {
          const checked = chosen.has(option.value);
          return (
            <label key={option.value} className="choice">
              <input
                type="checkbox"
                name={name}
                value={option.value}
                checked={checked}
                disabled={!checked && (isDisabled?.(option.value) ?? false)}
                onChange={(event) =>
                  onChange(
                    event.target.checked
                      ? [...value, option.value]
                      : value.filter((v) => v !== option.value),
                  )
                }
              />
              <span className="choice__text">
                <span className="choice__label">{option.label}</span>
                {option.hint && <span className="choice__hint">{option.hint}</span>}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
