import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { SignedOutError } from '../../api/http.js';
import {
  updateMember,
  type AgencyOption,
  type Role,
  type WorkspaceMember,
} from '../../api/workspaces.js';
import { useSession } from '../../session.js';
import { FormProblem, messagesFor, problemOf, type Problem } from './form-problems.js';
import { AgencyField, RoleField } from './member-fields.js';

const FIELDS = ['role', 'agencyId'] as const;

/** Changes one person's role and agency in the workspace. */
export function MemberEditForm({
  ws,
  member,
  agencies,
  onSaved,
  onCancel,
}: {
  ws: string;
  member: WorkspaceMember;
  agencies: readonly AgencyOption[];
  onSaved: (member: WorkspaceMember) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const session = useSession();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [role, setRole] = useState<Role>(member.role);
  const [agencyId, setAgencyId] = useState<string | null>(member.agencyId);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => headingRef.current?.focus(), []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const change: { role?: Role; agencyId?: string | null } = {};
    if (role !== member.role) change.role = role;
    if (agencyId !== member.agencyId) change.agencyId = agencyId;
    if (change.role === undefined && change.agencyId === undefined) return onCancel();
    setBusy(true);
    setProblem(null);
    try {
      onSaved(await updateMember(ws, member.userId, change));
    } catch (caught) {
      if (caught instanceof SignedOutError) return session.signedOut();
      const found = problemOf(caught);
      // "The last owner cannot be demoted" concerns the role chosen.
      setProblem(
        found.code === 'conflict' && found.issues.length === 0
          ? { ...found, issues: [{ path: 'role', message: found.message }] }
          : found,
      );
      setBusy(false);
    }
  }

  return (
    <form
      className="ws-form ws-form--inline"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => void submit(event)}
    >
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        Change {member.displayName}’s role or agency
      </h3>
      <FormProblem problem={problem} fields={FIELDS} title="The change was not saved." />
      <div className="ws-form__grid">
        <RoleField
          id={`${id}-role`}
          label="Role"
          value={role}
          onChange={setRole}
          errors={messagesFor(problem, 'role')}
        />
        <AgencyField
          id={`${id}-agency`}
          label="Agency"
          value={agencyId}
          onChange={setAgencyId}
          agencies={agencies}
          errors={messagesFor(problem, 'agencyId')}
        />
      </div>
      <div className="ws-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
