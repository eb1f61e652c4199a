import type { AgencyOption, Role } from '../../api/workspaces.js';
import { ROLES } from '../../api/workspaces.js';
import { describedBy, FieldError } from './form-problems.js';
import { ROLE_HELP, ROLE_LABELS } from './labels.js';

/** A role picker with what the chosen role may do written under it. */
export function RoleField({
  id,
  label,
  value,
  onChange,
  errors,
}: {
  id: string;
  label: string;
  value: Role;
  onChange: (role: Role) => void;
  errors: readonly string[];
}) {
  return (
    <div className="ws-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="ws-input"
        value={value}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy(`${id}-help`, errors.length > 0 && `${id}-error`)}
        onChange={(event) => {
          const next = ROLES.find((r) => r === event.target.value);
          if (next) onChange(next);
        }}
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </select>
      <p id={`${id}-help`} className="ws-field__hint">
        {ROLE_HELP[value]}
      </p>
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}

/** The agency's name for an id, or the id itself when no collaboration records it. */
export function agencyName(agencies: readonly AgencyOption[], id: string | null): string | null {
  if (id === null) return null;
  return agencies.find((a) => a.id === id)?.name ?? id;
}

/**
 * The agency a person belongs to in this workspace: it decides which confidential records
 * they see. The choices are the agencies the workspace's collaborations record.
 */
export function AgencyField({
  id,
  label,
  value,
  onChange,
  agencies,
  errors,
}: {
  id: string;
  label: string;
  value: string | null;
  onChange: (agencyId: string | null) => void;
  agencies: readonly AgencyOption[];
  errors: readonly string[];
}) {
  const unknown = value !== null && !agencies.some((a) => a.id === value);
  return (
    <div className="ws-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="ws-input"
        value={value ?? ''}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy(`${id}-help`, errors.length > 0 && `${id}-error`)}
        onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
      >
        <option value="">No agency</option>
        {agencies.map((agency) => (
          <option key={agency.id} value={agency.id}>
            {agency.name}
          </option>
        ))}
        {unknown && <option value={value}>{value} (in no collaboration now)</option>}
      </select>
      <p id={`${id}-help`} className="ws-field__hint">
        {agencies.length === 0
          ? 'No collaboration in this workspace records an agency yet.'
          : 'They will see records marked confidential to this agency, and no other agency’s.'}
      </p>
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}
