import type { Option } from './record-fields.js';

interface ConfidentialFieldProps {
  readonly id: string;
  /** "member", "case event"… */
  readonly noun: string;
  readonly agencies: readonly Option[];
  readonly value: string;
  readonly onChange: (agencyId: string) => void;
  /** Whether a record confidential to this agency stays visible to the user. */
  readonly sees: (agencyId: string) => boolean;
  readonly errors: readonly string[];
  readonly disabled: boolean;
}

/** "Confidential to agency…": who will see the record, and a warning when it leaves the user's sight. */
export function ConfidentialField({
  id,
  noun,
  agencies,
  value,
  onChange,
  sees,
  errors,
  disabled,
}: ConfidentialFieldProps) {
  const known = agencies.some((a) => a.value === value);
  const choices =
    value !== '' && !known
      ? [...agencies, { value, label: `${value} (not shown to you)` }]
      : agencies;
  const chosen = choices.find((a) => a.value === value)?.label ?? value;
  const hidesFromUser = value !== '' && !sees(value);
  return (
    <div className={`rec-field rec-confidential${errors.length > 0 ? ' field--error' : ''}`}>
      <label htmlFor={id}>Confidential to agency… (optional)</label>
      <p className="rec-hint" id={`${id}-hint`}>
        Choose an agency to keep this {noun} between its people: only users who belong to that
        agency will see it, in lists, exports and the diagnosis. Everyone else, workspace owners
        included, sees only that a confidential record exists.
      </p>
      {errors.length > 0 && (
        <p className="rec-error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          Confidential to: {errors.join('; ')}
        </p>
      )}
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={[
          `${id}-hint`,
          errors.length > 0 ? `${id}-error` : null,
          hidesFromUser ? `${id}-warning` : null,
        ]
          .filter((x) => x !== null)
          .join(' ')}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">Not confidential</option>
        {choices.map((agency) => (
          <option key={agency.value} value={agency.value}>
            {agency.label}
          </option>
        ))}
      </select>
      {hidesFromUser && (
        <p className="rec-warning" id={`${id}-warning`}>
          <strong className="rec-warning__label">Warning: </strong>
          you do not belong to {chosen}. Once you save, you will no longer see this {noun}, and you
          will not be able to undo the change yourself.
        </p>
      )}
    </div>
  );
}
