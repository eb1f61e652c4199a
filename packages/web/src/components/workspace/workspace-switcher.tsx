import { useId } from 'react';
import type { Me } from '../../api/session.js';
import { roleLabel } from './labels.js';

/** Chooses the workspace whose collaborations are shown (the choice is remembered). */
export function WorkspaceSwitcher({
  memberships,
  value,
  onChange,
}: {
  memberships: Me['memberships'];
  value: string;
  onChange: (slug: string) => void;
}) {
  const id = useId();
  return (
    <div className="field field--inline">
      <label htmlFor={id}>Workspace</label>
      <select
        id={id}
        className="ws-input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {memberships.map((m) => (
          <option key={m.workspace.slug} value={m.workspace.slug}>
            {m.workspace.name} ({roleLabel(m.role).toLowerCase()}
            {m.workspace.archived ? ', archived' : ''})
          </option>
        ))}
      </select>
    </div>
  );
}
